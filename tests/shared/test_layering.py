"""The domain never imports the UI toolkit."""

import ast
from pathlib import Path

import shared

SHARED = Path(shared.__file__).parent


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_scan_sees_every_module_of_shared():
    modules = {path.stem for path in SHARED.rglob("*.py")}
    assert {"rules", "nir", "models", "store", "services"} <= modules
    assert "shared.models" in imported_modules(SHARED / "rules.py")


def test_no_module_under_shared_imports_flet():
    offenders = {
        str(path.relative_to(SHARED)): sorted(
            m for m in imported_modules(path) if m == "flet" or m.startswith("flet.")
        )
        for path in SHARED.rglob("*.py")
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}
