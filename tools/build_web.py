"""`make web`: the static site (Python on Pyodide in the browser) in build/web/, offline.

`flet publish` does the packing; this script feeds it what it would otherwise fetch from GitHub
and the CDNs, and keeps the result until something it depends on changes:
- Pyodide's runtime comes from the flet-web package, copied into Flet's cache with the
  `info.version` its lock file lacks (without it `flet publish` downloads it from GitHub);
- Python's build manifest is a local file (`FLET_PYTHON_BUILD_MANIFEST`), not GitHub's;
- the app's dependencies are the Pyodide wheels of `[project].dependencies` from the package
  index, in `__pypackages__`, which the browser's worker puts on sys.path;
- the app is packed from a staging folder holding only what runs (no tests, no screenshots),
  byte-compiled beforehand by Pyodide's own Python in Node (tools/pyodide_compileall.mjs), so
  that the page does not compile some 1,000 modules at every visit;
- the app archive is a zip, which the worker unpacks 3 to 9 times faster than Flet's tar.gz
  (tarfile's checks cost per member, and there are some 2,700), and it keeps no
  requirements.txt or pyproject.toml: everything is in __pypackages__, and without them the
  worker loads no micropip to check each dependency again at every visit.

Usage: python tools/build_web.py [--force]. BASE_URL=/sub/path/ builds for a sub-folder.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
SITE = BUILD / "web"
WORK = BUILD / "web-work"  # staging folder and Flet's cache, kept between builds
KEY_FILE = ".build-key"
# What the app is made of: packed as they are (tests, screenshots and tooling stay out).
APP_FILES = ("main.py", "pyproject.toml")
APP_DIRS = ("mobile", "shared", "assets")
LEFT_OUT = ("__pycache__", "screenshots")
# The Pyodide ABI of the runtime that flet-web ships (its lock's info.abi_version).
WHEEL_PLATFORM = "pyemscripten_{abi}_wasm32"
INDEX_HTML_BUG = 'flet.pyodideUrl="pyodide/pyodide.mjs";'
INDEX_HTML_FIX = 'flet.pyodideUrl="./pyodide/pyodide.mjs";'
# Flet's Rive extension fetches its native code from jsDelivr at start-up, used or not.
RIVE_CDN = '"https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/"'
RIVE_LOCAL = '"rive/"'
FLET_ARCHIVE, ARCHIVE = "app.tar.gz", "app.zip"
BUILD_SCRIPTS = (Path(__file__).resolve(), Path(__file__).with_name("pyodide_compileall.mjs"))
NOT_PACKED = ("requirements.txt", "pyproject.toml")


def flet_web_pyodide() -> Path:
    """The Pyodide runtime inside the installed flet-web package."""
    spec = importlib.util.find_spec("flet_web")
    if spec is None or spec.origin is None:
        raise SystemExit("flet-web is not installed: run `make .venv/.installed`")
    return Path(spec.origin).parent / "web" / "pyodide"


def runtime_info(pyodide: Path) -> dict[str, str]:
    """Pyodide's version (package.json), its Python and wheel ABI (pyodide-lock.json)."""
    version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    info = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    python = str(info["python"])
    return {
        "pyodide": str(version),
        "python": python,
        "short": ".".join(python.split(".")[:2]),
        "abi": str(info["abi_version"]),
    }


# fpdf2 declares Pillow, which has no Pyodide wheel on the package index; fpdf2 imports it only
# for images, which our document does not hold (its QR code is drawn as rectangles). So fpdf2
# comes without its declared dependencies, and its pure-Python ones are named here.
WITHOUT_DEPENDENCIES = {"fpdf2": ("fonttools", "defusedxml")}


def dependencies() -> list[str]:
    """`[project].dependencies`: every one must have a Pyodide wheel or be pure Python."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return list(tomllib.load(file)["project"]["dependencies"])


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower()


def app_sources(root: Path = ROOT) -> Iterator[Path]:
    """Every file the site is built from, in a stable order."""
    for name in APP_FILES:
        yield root / name
    for folder in APP_DIRS:
        for path in sorted((root / folder).rglob("*")):
            parts = path.relative_to(root).parts
            if path.is_file() and not any(part in LEFT_OUT for part in parts):
                yield path


def build_key(runtime: dict[str, str], base_url: str, root: Path = ROOT) -> str:
    """A digest of all the site depends on: the app's files, Flet, the runtime, the base URL
    and the build's own scripts."""
    import flet.version

    digest = hashlib.sha256()
    for path in app_sources(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for script in BUILD_SCRIPTS:
        digest.update(script.read_bytes() + b"\0")
    extra = [flet.version.flet_version, json.dumps(runtime, sort_keys=True), base_url]
    digest.update("\0".join(extra).encode())
    return digest.hexdigest()


def stage_app(stage: Path) -> None:
    """A clean copy of the app's files, packed by `flet publish` as the app archive."""
    shutil.rmtree(stage, ignore_errors=True)
    for path in app_sources():
        target = stage / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def install_wheels(stage: Path, runtime: dict[str, str]) -> None:
    """The dependencies as Pyodide wheels from the package index, into __pypackages__."""
    target = stage / "__pypackages__"
    alone = [r for r in dependencies() if _name(r) in WITHOUT_DEPENDENCIES]
    others = [r for r in dependencies() if _name(r) not in WITHOUT_DEPENDENCIES]
    others += [dep for r in alone for dep in WITHOUT_DEPENDENCIES[_name(r)]]
    _pip_install(target, runtime, others)
    _pip_install(target, runtime, alone, "--no-deps")
    shutil.rmtree(target / "bin", ignore_errors=True)  # console scripts: nothing runs them


def _pip_install(
    target: Path, runtime: dict[str, str], requirements: list[str], *options: str
) -> None:
    if not requirements:
        return
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-compile",  # bytecode of this Python would be dead weight for Pyodide's
            "--only-binary=:all:",
            "--platform",
            WHEEL_PLATFORM.format(abi=runtime["abi"]),
            "--python-version",
            runtime["short"],
            "--implementation",
            "cp",
            "--abi",
            "cp" + runtime["short"].replace(".", ""),
            "--target",
            str(target),
            *options,
            *requirements,
        ],
        check=True,
    )


def compile_bytecode(stage: Path, pyodide: Path) -> None:
    """.pyc files of the browser's Python version next to every module (Node runs Pyodide)."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is missing: run `make web-tools` (Debian's nodejs)")
    subprocess.run([node, str(BUILD_SCRIPTS[1]), str(pyodide), str(stage)], check=True)


def seed_flet_cache(cache: Path, pyodide: Path, runtime: dict[str, str]) -> Path:
    """Flet's cache with the local runtime and a local build manifest; returns the manifest."""
    cached = cache / "pyodide" / runtime["pyodide"]
    shutil.rmtree(cached, ignore_errors=True)
    shutil.copytree(pyodide, cached)
    lock_path = cached / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    lock["info"]["version"] = runtime["pyodide"]  # what `flet publish` checks the cache by
    lock_path.write_text(json.dumps(lock), encoding="utf-8")
    manifest = cache / "python-build-manifest.json"
    pythons = {
        runtime["short"]: {
            "full_version": runtime["python"],
            "pyodide_version": runtime["pyodide"],
            "android_abis": [],
        }
    }
    manifest.write_text(
        json.dumps({"default_python_version": runtime["short"], "pythons": pythons}),
        encoding="utf-8",
    )
    return manifest


def publish(stage: Path, out: Path, cache: Path, manifest: Path, base_url: str) -> None:
    """`flet publish --no-cdn` of the staged app, with Flet's cache and manifest local."""
    env = dict(
        os.environ,
        FLET_CACHE_DIR=str(cache),
        FLET_PYTHON_BUILD_MANIFEST=str(manifest),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "flet.cli",
            "publish",
            "main.py",
            "--no-cdn",
            "--distpath",
            str(out),
            "--base-url",
            base_url,
            # Any static host serves index.html for "/": with the route after "#", a reload on
            # any screen still finds the page (a "/accueil" path would be a 404 there).
            "--route-url-strategy",
            "hash",
            "--web-renderer",  # main.dart.js, the build keep_requests_local() patches
            "canvaskit",
        ],
        cwd=stage,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fix_index_html(out: Path) -> None:
    """Flet 1.0.5 bug: `publish --no-cdn` writes `flet.pyodideUrl="pyodide/pyodide.mjs"`, a
    bare module specifier that the worker's `import()` refuses; a relative URL works."""
    index = out / "index.html"
    text = index.read_text(encoding="utf-8")
    if INDEX_HTML_BUG not in text:
        raise SystemExit(f"{index}: no {INDEX_HTML_BUG!r} to fix; check Flet's index.html")
    index.write_text(text.replace(INDEX_HTML_BUG, INDEX_HTML_FIX), encoding="utf-8")


def keep_requests_local(out: Path) -> None:
    """Flet 1.0.5's client asks jsDelivr for Rive's native code at every start (the app has
    no Rive animation): point it at the site itself, so that no request leaves the host."""
    main_js = out / "main.dart.js"  # the canvaskit renderer's build, the one index.html loads
    text = main_js.read_text(encoding="utf-8")
    if text.count(RIVE_CDN) != 1:
        raise SystemExit(f"{main_js}: expected one {RIVE_CDN}; check Flet's client")
    main_js.write_text(text.replace(RIVE_CDN, RIVE_LOCAL), encoding="utf-8")


def repack_as_zip(out: Path) -> None:
    """Flet's app.tar.gz as app.zip, without requirements.txt and pyproject.toml (see the
    module's note), and index.html pointed at it."""
    archive = out / FLET_ARCHIVE
    with (
        tarfile.open(archive, "r:gz") as source,
        zipfile.ZipFile(out / ARCHIVE, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.getmembers():
            name = member.name.lstrip("/")
            packed = source.extractfile(member) if member.isfile() else None
            if packed is not None and name not in NOT_PACKED:
                target.writestr(name, packed.read())
    archive.unlink()
    index = out / "index.html"
    before = f'flet.appPackageUrl = "{FLET_ARCHIVE}";'
    text = index.read_text(encoding="utf-8")
    if before not in text:
        raise SystemExit(f"{index}: no {before!r} to change; check Flet's index.html")
    index.write_text(text.replace(before, f'flet.appPackageUrl = "{ARCHIVE}";'), encoding="utf-8")


def build(force: bool = False) -> Path:
    """Build the site into build/web/ unless the one there has the same key; returns it."""
    base_url = os.environ.get("BASE_URL") or "/"
    pyodide = flet_web_pyodide()
    runtime = runtime_info(pyodide)
    key = build_key(runtime, base_url)
    key_path = SITE / KEY_FILE
    if not force and key_path.is_file() and key_path.read_text(encoding="utf-8") == key:
        print(f"{SITE.relative_to(ROOT)}/ is up to date")
        return SITE
    stage, cache, out = WORK / "app", WORK / "flet-cache", WORK / "site"
    print(
        f"Building {SITE.relative_to(ROOT)}/ (Pyodide {runtime['pyodide']}, "
        f"Python {runtime['python']})"
    )
    stage_app(stage)
    install_wheels(stage, runtime)
    compile_bytecode(stage, pyodide)
    manifest = seed_flet_cache(cache, pyodide, runtime)
    publish(stage, out, cache, manifest, base_url)
    fix_index_html(out)
    keep_requests_local(out)
    repack_as_zip(out)
    (out / KEY_FILE).write_text(key, encoding="utf-8")
    shutil.rmtree(SITE, ignore_errors=True)
    out.rename(SITE)  # a half-built site never sits in build/web/ with a valid key
    print(f"Built {SITE.relative_to(ROOT)}/")
    return SITE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build(parser.parse_args().force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
