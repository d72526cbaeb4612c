"""What `flet build` reads in pyproject.toml and checks before it starts (flet 1.0.5)."""

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


@pytest.fixture(scope="module")
def flet(pyproject: dict[str, Any]) -> dict[str, Any]:
    return pyproject["tool"]["flet"]


@pytest.fixture(scope="module")
def app_root(flet: dict[str, Any]) -> Path:
    return ROOT / flet["app"]["path"]


def test_the_app_root_is_the_repository_with_a_main_module(flet, app_root):
    assert flet["app"]["path"] == "."
    assert flet["app"]["module"] == "main"
    assert app_root.resolve() == ROOT
    assert (app_root / "main.py").is_file()


def test_main_py_starts_the_mobile_app():
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    imports = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert ("mobile.app", "run") in imports
    calls = [
        node.value.func.id
        for node in tree.body
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
    ]
    assert calls == ["run"]
    from mobile.app import run

    assert callable(run)


def test_the_assets_hold_the_app_icon(app_root):
    icon = app_root / "assets" / "icon.png"
    assert icon.is_file()
    assert icon.read_bytes()[:8] == PNG_SIGNATURE


def test_the_app_is_named_and_signed(flet):
    assert flet["product"] == "Procuration en ligne"
    assert flet["org"]
    assert flet["company"]
    assert flet["copyright"]
    assert flet["ios"]["bundle_id"].startswith(flet["org"] + ".")


def test_android_backups_are_off_in_the_manifest(flet):
    """flet build copies [tool.flet.android.manifest_application] onto <application>.

    A key put directly under [tool.flet.android] is read by nothing (the build template
    of flet 1.0.5 only reads permission, feature, meta_data, provider and
    manifest_application there), and Android then backs the app data up by default.
    """
    application = flet.get("android", {}).get("manifest_application", {})
    assert str(application.get("allowBackup")).lower() == "false", (
        "set allowBackup = false under [tool.flet.android.manifest_application]"
    )


def test_no_runtime_permission_is_asked(flet):
    assert "permissions" not in flet
    android_permissions = flet.get("android", {}).get("permission", {})
    assert not any(android_permissions.values())
    ios_info = flet.get("ios", {}).get("info", {})
    assert not [key for key in ios_info if key.endswith("UsageDescription")]


def test_the_tests_stay_out_of_the_bundle_and_the_app_stays_in(flet):
    exclude = flet["app"]["exclude"]
    assert "tests" in exclude
    assert not {"mobile", "shared", "assets", "main.py"} & set(exclude)


def test_python_3_11_and_flet_1_0_5_are_required(pyproject):
    supported = SpecifierSet(pyproject["project"]["requires-python"])
    assert "3.11" in supported and "3.12" in supported
    assert "3.10" not in supported
    requirements = [Requirement(line) for line in pyproject["project"]["dependencies"]]
    [flet_requirement] = [r for r in requirements if r.name == "flet"]
    assert str(flet_requirement.specifier) == "==1.0.5"
    assert version("flet") == "1.0.5", "the in-process harness relies on flet 1.0.5 internals"


def test_the_caisses_registry_stays_out_of_the_phone_app(flet, pyproject):
    assert "registry" in flet["app"]["exclude"]
    requirements = [Requirement(line).name for line in pyproject["project"]["dependencies"]]
    assert not {"sqlalchemy", "alembic", "psycopg"} & set(requirements)
