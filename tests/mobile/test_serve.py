"""The page the web app is served in (mobile/serve.py), without a browser."""

import html
import os
from pathlib import Path

import pytest
from flet_web import get_package_web_dir

from mobile import serve
from shared import strings

FLET_WEB = Path(get_package_web_dir())


@pytest.fixture(scope="module")
def page() -> str:
    return serve.page_html((FLET_WEB / "index.html").read_text(encoding="utf-8"))


def test_our_script_runs_before_anything_else_on_the_page(page):
    head = page.split("<head>", 1)[1]
    assert head.lstrip().startswith(f"<script>{serve.PAGE_SCRIPT}</script>")


def test_the_page_is_french_and_names_the_app(page):
    assert '<html lang="fr">' in page
    assert f"<title>{strings.APP_TITLE}</title>" in page
    assert 'aria-label="Loading"' not in page
    assert f'aria-label="{html.escape(strings.LOADING)}"' in page
    assert "Flet application." not in page


def test_the_offline_notice_is_hidden_until_the_connection_closes(page):
    assert '<div id="offline" role="alert" hidden>' in page
    assert html.escape(strings.OFFLINE_TITLE) in page and html.escape(strings.OFFLINE_TEXT) in page
    assert '<main id="app"></main>' in page


def test_a_change_in_flets_page_stops_the_start_instead_of_serving_it_unchanged():
    with pytest.raises(ValueError, match="changed"):
        serve.page_html("<html><head></head><body></body></html>")


def small_client(tmp_path: Path) -> Path:
    source = tmp_path / "web"
    (source / "canvaskit").mkdir(parents=True)
    (source / "index.html").write_text((FLET_WEB / "index.html").read_text(encoding="utf-8"))
    (source / "main.dart.js").write_text("main")
    (source / "canvaskit" / "index.html").write_text("not the page")
    return source


def test_the_client_folder_links_flets_files_and_holds_our_page(tmp_path):
    source = small_client(tmp_path)
    root = serve.build_web_root(source, tmp_path / "build")
    assert (root / "index.html").read_text(encoding="utf-8") == serve.page_html(
        (source / "index.html").read_text(encoding="utf-8")
    )
    assert os.path.samefile(root / "main.dart.js", source / "main.dart.js")
    assert (root / "canvaskit" / "index.html").read_text() == "not the page"
    assert [p.name for p in (tmp_path / "build").iterdir()] == [root.name]


def test_the_client_folder_is_built_once_per_content(tmp_path):
    source = small_client(tmp_path)
    first = serve.build_web_root(source, tmp_path / "build")
    (first / "marker").write_text("kept")
    assert serve.build_web_root(source, tmp_path / "build") == first
    (source / "index.html").write_text(
        (source / "index.html").read_text().replace("<body>", "<body>\n<!-- v2 -->")
    )
    assert serve.build_web_root(source, tmp_path / "build") != first


def test_flets_web_server_is_pointed_at_our_page(monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "BUILD", tmp_path / "build")
    monkeypatch.delenv("FLET_PLATFORM", raising=False)
    monkeypatch.setenv("FLET_WEB_PATH", "")  # unset: flet_web's own folder
    serve.use_our_page()
    served = Path(os.environ["FLET_WEB_PATH"])
    assert served.parent == tmp_path / "build"
    assert html.escape(strings.OFFLINE_TITLE) in (served / "index.html").read_text(encoding="utf-8")


def test_a_built_app_has_no_web_server_to_point(monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "BUILD", tmp_path / "build")
    monkeypatch.setenv("FLET_PLATFORM", "android")
    monkeypatch.setenv("FLET_WEB_PATH", "")  # unset: flet_web's own folder
    serve.use_our_page()
    assert os.environ["FLET_WEB_PATH"] == ""
    assert not (tmp_path / "build").exists()
