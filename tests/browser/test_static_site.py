"""The static web build (`make web`): the whole app on Pyodide in Chromium, its data in the
browser. A reload or a new tab finds the procuration, its revocation and the lock; no request
leaves 127.0.0.1.

The site is built by tools/build_web.py (kept as long as nothing it is made of changes) and
served as plain files on loopback by tools/serve_web.py (tests/serving.py's StaticSite); here it
stands in for the browser suite's `server`, so that people act exactly as in the other
journeys: roles, French names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.limits import MAX_FAILURES
from shared.rules import validity_end
from tests.browser.conftest import ENABLE_SEMANTICS_EARLY, Person
from tests.chromium import VIEWPORT
from tests.serving import StaticSite
from tools.build_web import build

pytestmark = pytest.mark.browser
# Runtime, wheels and app load in the page: about 12 s to the first screen here, more when the
# machine is busy.
FIRST_SCREEN_MS = 90_000
WRONG_CODE = "11112222"


@pytest.fixture(scope="module")
def server() -> Iterator[StaticSite]:
    """The built site (rebuilt only if its sources changed), served for this module."""
    site = StaticSite(build())
    try:
        yield site
    finally:
        site.stop()


class Visitor(Person):
    """A person at a tab of the static site: slower to open, and able to reload."""

    def open(self) -> Visitor:
        self.page.goto(self.server.url, timeout=FIRST_SCREEN_MS)
        self._first_screen()
        return self

    def reload(self) -> None:
        self.page.reload(timeout=FIRST_SCREEN_MS)
        self._first_screen()

    def new_tab(self) -> Visitor:
        """Another tab of the same browser (same site data)."""
        return Visitor(self.context, self.server).open()

    def _first_screen(self) -> None:
        expect(self.button(strings.SIGN_IN_BUTTON)).to_be_attached(timeout=FIRST_SCREEN_MS)
        self.enable_semantics()


@pytest.fixture
def visitor(
    browser: Browser, server: StaticSite
) -> Iterator[Callable[[], tuple[Visitor, list[str]]]]:
    """`visitor()`: a fresh browser profile on the site, and the URL of every request it makes."""
    contexts: list[BrowserContext] = []

    def open_visitor() -> tuple[Visitor, list[str]]:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")  # type: ignore[arg-type]
        context.add_init_script(ENABLE_SEMANTICS_EARLY)
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        return Visitor(context, server).open(), requests

    try:
        yield open_visitor
    finally:
        for context in contexts:
            context.close()


def only_loopback(requests: list[str]) -> list[str]:
    """The requests that went anywhere but 127.0.0.1 (none expected)."""
    return [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]


def jj_mm_aaaa(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def test_a_procuration_is_kept_in_the_browser_until_revoked(visitor, paris_today):
    person, requests = visitor()
    person.expect_text(strings.BROWSER_DATA_KEPT)
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.grant(civilite=strings.MADAME, nom="Bernard", prenom="Lucie")
    home = strings.HOME_ACTIVE.format(qui="Mme BERNARD", fin=jj_mm_aaaa(validity_end(paris_today)))
    row = strings.INFO_GRANTED.format(qui="Mme BERNARD", fin=jj_mm_aaaa(validity_end(paris_today)))

    # A reload starts Python again from nothing: only IndexedDB remembers. Signed in again at
    # the confirmation's address, the person sees the procuration's page (the nearest allowed).
    person.reload()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE)
    person.expect_text(strings.WANT_REVOKE)
    person.click_tab(strings.TAB_HOME)
    person.expect_text(home)
    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(f"{strings.INFO_PROCURATION} {row}")

    # Another tab of the same browser finds it too, and revokes it.
    other = person.new_tab()
    other.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    other.expect_text(home)
    other.click_tab(strings.TAB_INFORMATIONS)
    other.click(strings.REVOKE)
    other.dialog().get_by_role("button", name=strings.REVOKE, exact=True).click()
    other.expect_text(strings.REVOKED_DONE)

    # The first tab, still open, sees the revocation at its next step; then a reload of it.
    person.page.bring_to_front()  # as a person switching tabs: keys go to the tab in front
    person.click_tab(strings.TAB_HOME)
    person.expect_no_text(home)
    person.reload()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.expect_no_text(home)
    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")
    assert only_loopback(requests) == []


def answered(person: Visitor, poll: Callable[..., object]) -> None:
    """Wait for the answer to a sign-in: the screen drawn then has an empty code field."""
    poll(lambda: person.value_of(strings.CODE_LABEL, "") == "", "the answer to a sign-in")


def test_five_wrong_codes_lock_the_account_across_a_reload(visitor, poll):
    person, requests = visitor()
    for _ in range(MAX_FAILURES - 1):
        person.sign_in(ALEXIS_NIR, WRONG_CODE)
        answered(person, poll)
        person.expect_text(strings.SIGN_IN_REFUSED)
    person.sign_in(ALEXIS_NIR, WRONG_CODE)
    locked = strings.SIGN_IN_LOCKED.split(",")[0]  # « Après 5 essais infructueux »
    person.expect_text(locked)

    person.reload()
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    person.expect_text(locked)
    expect(person.tab(strings.TAB_HOME)).to_have_count(0)
    assert only_loopback(requests) == []
