"""The registry imports shared/, never mobile/; the app's side never imports the registry."""

from pathlib import Path

import registry
import shared
from tests.shared.test_layering import imported_modules

REGISTRY, SHARED = Path(registry.__file__).parent, Path(shared.__file__).parent


def offenders(folder: Path, prefix: str) -> dict[str, list[str]]:
    found = {
        str(path.relative_to(folder)): sorted(
            m for m in imported_modules(path) if m == prefix or m.startswith(prefix + ".")
        )
        for path in folder.rglob("*.py")
    }
    return {path: mods for path, mods in found.items() if mods}


def test_the_registry_never_imports_the_app():
    assert "shared.rules" in imported_modules(REGISTRY / "procurations.py")
    assert offenders(REGISTRY, "mobile") == {}


def test_the_domain_never_imports_the_registry():
    assert offenders(SHARED, "registry") == {}
