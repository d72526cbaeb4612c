"""`make web` (tools/build_web.py): what the static site holds, and that it is built again only
when something it is made of changes."""

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tools import build_web

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site() -> Path:
    """build/web/, built if it is not up to date (as `make web` does)."""
    return build_web.build()


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of what the site is built from, and of something it is not (the tests)."""
    for path in build_web.app_sources():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("def test_x(): pass\n")
    return tmp_path


def key(root: Path) -> str:
    return build_web.build_key({"pyodide": "314.0.7"}, "/", root)


def test_the_key_follows_the_app_files_and_nothing_else(sources):
    before = key(sources)
    (sources / "tests" / "test_x.py").write_text("def test_y(): pass\n")
    (sources / "README.md").write_text("anything")
    shutil.copy2(sources / "main.py", sources / "main.py.bak")
    (sources / "main.py").touch()
    assert key(sources) == before
    with (sources / "shared" / "strings.py").open("a") as strings:
        strings.write("\n")
    changed = key(sources)
    assert changed != before
    (sources / "pyproject.toml").write_text("[project]\n")
    assert key(sources) != changed


def test_a_second_build_with_nothing_changed_is_the_first(site, capsys):
    archive = site / build_web.ARCHIVE
    stamp = archive.stat().st_mtime_ns
    assert build_web.build() == site
    assert "up to date" in capsys.readouterr().out
    assert archive.stat().st_mtime_ns == stamp


def test_the_page_loads_pyodide_from_the_site_and_nothing_from_a_cdn(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'flet.pyodideUrl="./pyodide/pyodide.mjs";' in index
    assert 'flet.appPackageUrl = "app.zip";' in index
    assert "flet.noCdn=true;" in index
    for name in ("index.html", "python.js", "python-worker.js"):
        assert "https://" not in (site / name).read_text(encoding="utf-8"), name
    # Flutter's own defaults (gstatic, Google Fonts) are overridden by index.html; Rive's is not.
    assert "cdn.jsdelivr.net" not in (site / "main.dart.js").read_text(encoding="utf-8")
    assert (site / "pyodide" / "pyodide.asm.wasm").is_file()


def test_the_app_archive_holds_every_dependency_as_a_pyodide_wheel_and_no_requirements(site):
    with zipfile.ZipFile(site / build_web.ARCHIVE) as archive:
        names = set(archive.namelist())
    installed = {
        re.sub(r"[-_.]+", "-", name.split("/")[1].split("-")[0]).lower()
        for name in names
        if name.startswith("__pypackages__/") and ".dist-info/" in name
    }
    wanted = {re.sub(r"[-_.]+", "-", Requirement(d).name).lower() for d in build_web.dependencies()}
    assert wanted <= installed
    assert any(n.endswith("-wasm32-emscripten.so") for n in names)  # pydantic-core, msgpack
    assert not {"requirements.txt", "pyproject.toml"} & names  # no micropip at run time
    assert "tests/conftest.py" not in names and "main.py" in names
    assert "shared/__pycache__/secrets.cpython-314.pyc" in names  # compiled by Pyodide's Python
