"""The page the app is served in (mobile/serve.py), seen in Chromium: nothing asked outside
127.0.0.1, zoom allowed, a main landmark, and a French notice while the server is unreachable.

The last test stops and restarts the module's server.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import CAMILLE_CODE, CAMILLE_NIR

pytestmark = pytest.mark.browser


def host_of(url: str) -> str | None:
    """The host a request goes to; a blob: URL is its page's, a data: URL goes nowhere."""
    scheme, _, rest = url.partition(":")
    if scheme == "data":
        return None
    return urlsplit(rest if scheme == "blob" else url).hostname


def perceivable_names(person) -> list[str]:
    """The names a screen reader can reach (Chromium's tree, ignored nodes left out)."""
    nodes = person.cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [str(n.get("name", {}).get("value", "")) for n in nodes if not n.get("ignored")]


def test_a_page_load_and_a_short_journey_ask_nothing_outside_127_0_0_1(person):
    asked: list[str] = []
    person.context.on("request", lambda request: asked.append(request.url))
    person.page.on("websocket", lambda socket: asked.append(socket.url))
    person.page.reload()  # the whole load again, now that every request is listened to
    person.enable_semantics()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.click_tab(strings.TAB_DEMARCHES)
    person.page.wait_for_timeout(1000)  # whatever the new screen asks for
    elsewhere = sorted({url for url in asked if host_of(url) not in (None, "127.0.0.1")})
    print(f"\n{len(asked)} requests, {len(elsewhere)} outside 127.0.0.1")
    assert any(url.endswith("/main.dart.wasm") or url.endswith("/main.dart.js") for url in asked)
    assert any(url.startswith("ws://127.0.0.1:") for url in asked)
    assert elsewhere == []


def test_zooming_is_allowed_and_the_app_is_in_a_main_landmark(person):
    viewport = person.page.locator('meta[name="viewport"]')
    expect(viewport).to_have_count(1)
    content = viewport.get_attribute("content") or ""
    assert "width=device-width" in content
    assert "user-scalable" not in content and "maximum-scale" not in content
    expect(person.page.locator("main > flutter-view")).to_have_count(1)
    main = person.page.get_by_role("main")
    expect(main.get_by_role("button", name=strings.SIGN_IN_BUTTON, exact=True)).to_be_visible()
    assert person.page.evaluate("() => document.documentElement.lang").startswith("fr")
    assert person.page.title() == strings.APP_TITLE


def test_a_dialog_is_named_by_its_title(person):
    person.click(strings.WHERE_NIR)
    expect(person.page.get_by_role("alertdialog", name=strings.WHERE_NIR)).to_be_visible()


def test_while_the_server_is_unreachable_the_page_says_so_in_french(server, person):
    notice = person.page.get_by_role("alert")
    view = person.page.locator("flutter-view")
    expect(notice).to_be_hidden()
    server.stop()
    try:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(strings.OFFLINE_TITLE)
        expect(notice).to_contain_text(strings.OFFLINE_TEXT)
        assert view.evaluate("v => v.inert"), "the client's « Working... » screen stays reachable"
        perceived = " ".join(perceivable_names(person))
        assert strings.OFFLINE_TITLE in perceived
        assert strings.SIGN_IN_BUTTON not in perceived and "Working" not in perceived
    finally:
        server.start()
    expect(notice).to_be_hidden(timeout=30_000)
    assert not view.evaluate("v => v.inert")
    expect(person.button(strings.SIGN_IN_BUTTON)).to_be_visible()
