"""The whole journey with the keyboard alone: Tab, Shift+Tab, Enter, Space, Escape (and typing).

On every screen a full round of Tab stops is counted against the controls the accessibility tree
shows (every enabled button, text field, radio, checkbox and tab): each is visited once, in the
tree's order, from the screen's heading (where the focus lands) through the screen, then the
navigation bar, then the app bar. Every dialog closes with Escape, and is named by its title.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import CAMILLE_CODE, CAMILLE_NIR
from shared.errors import SignInRefused
from tests.browser.conftest import Person, squash

pytestmark = pytest.mark.browser

# The control that has the focus, as (role, name); a heading is ("heading", its text).
FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || !e.closest('flt-semantics-host')) return null;
  if (/^H[1-6]$/.test(e.tagName)) return ['heading', e.textContent];
  const role = e.tagName === 'INPUT' ? 'textbox' : e.getAttribute('role');
  return [role, e.getAttribute('aria-label') || e.textContent || ''];
}"""
# Every control a person can operate, in the tree's (document) order, by role: not our Tab
# order's own selector, so that a control the Tab order misses is counted all the same.
CONTROLS_JS = """() => [...document.querySelectorAll(
    'flt-semantics-host :is([role=button], [role=tab], [role=radio], [role=checkbox], input)')]
  .filter((e) => e.getAttribute('aria-disabled') !== 'true' && !e.closest('[inert]'))
  .map((e) => [e.tagName === 'INPUT' ? 'textbox' : e.getAttribute('role'),
               e.getAttribute('aria-label') || e.textContent || ''])"""
APP_BAR = {strings.PREVIOUS_SCREEN, strings.SIGN_OUT}
MAX_STOPS = 60


# A text field is named by its label, followed by its hint while it is empty (and, on the
# form, focused or not): a stop is the label alone.
FIELD_LABELS = (
    strings.NIR_LABEL,
    strings.CODE_LABEL,
    strings.NOM_LABEL,
    strings.NOM_USAGE_LABEL,
    strings.PRENOM_LABEL,
    strings.BIRTH_LABEL,
)


def stop(item: list[str] | None) -> tuple[str, str] | None:
    if item is None:
        return None
    role, name = item[0], squash(item[1])
    if role == "textbox":
        name = next((squash(f) for f in FIELD_LABELS if name.startswith(squash(f))), name)
    return role, name


class Keyboard:
    """One person with the keyboard: where the focus is, Tab rounds, keys."""

    def __init__(self, person: Person) -> None:
        self.person, self.page = person, person.page

    def focused(self) -> tuple[str, str] | None:
        return stop(self.page.evaluate(FOCUSED_JS))

    def controls(self) -> list[tuple[str, str]]:
        return [s for s in map(stop, self.page.evaluate(CONTROLS_JS)) if s]

    def press(self, key: str) -> tuple[str, str] | None:
        self.page.keyboard.press(key)
        self.page.wait_for_timeout(60)
        return self.focused()

    def expect_heading_focused(self, text: str) -> None:
        wanted = ("heading", squash(text))
        for _ in range(40):
            if self.focused() == wanted:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"the focus is on {self.focused()}, not on the heading {text!r}")

    def tab_to(self, name: str | re.Pattern[str], role: str | None = None) -> None:
        """Tab until that control has the focus (at most one round)."""
        for _ in range(MAX_STOPS):
            at = self.press("Tab")
            if at and (role is None or at[0] == role):
                label = at[1]
                if name.search(label) if isinstance(name, re.Pattern) else label == squash(name):
                    return
        raise AssertionError(f"Tab never reached {name!r}")

    def round_of_stops(self, key: str = "Tab") -> list[tuple[str, str]]:
        """The stops of `key` presses from the focus now until it comes back there."""
        start = self.focused()
        seen: list[tuple[str, str]] = []
        for _ in range(MAX_STOPS):
            at = self.press(key)
            assert at is not None, f"{key} left the app after {seen}"
            if at == start or (seen and at == seen[0] and start and start[0] == "heading"):
                return seen
            seen.append(at)
        raise AssertionError(f"no round after {MAX_STOPS} presses of {key}: {seen}")

    def type_into(self, label: str, text: str) -> None:
        self.tab_to(re.compile(rf"^{re.escape(squash(label))}(\s|$)"), role="textbox")
        self.page.wait_for_timeout(200)  # Flutter attaches its editing element after the focus
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text, delay=15)
        expect(self.page.locator("input:focus")).to_have_value(text)


def assert_one_round_in_reading_order(keys: Keyboard, screen: str) -> int:
    """Tab from the heading visits every control once, in the tree's order: the screen's,
    the tabs', the app bar's; Shift+Tab visits them in reverse. Returns the number of stops."""
    controls = keys.controls()
    stops = keys.round_of_stops()
    assert len(stops) == len(set(stops)), f"{screen}: a control visited twice: {stops}"
    assert sorted(stops, key=str) == sorted(controls, key=str), (
        f"{screen}: Tab stops {stops}\n  but the controls are {controls}"
    )
    first = stops[0]
    rotated = controls[controls.index(first) :] + controls[: controls.index(first)]
    assert stops == rotated, f"{screen}: not in the tree's order:\n  {stops}\n  {rotated}"
    roles = ["bar" if n in APP_BAR else "tab" if r == "tab" else "screen" for r, n in stops]
    groups = [g for i, g in enumerate(roles) if i == 0 or roles[i - 1] != g]
    assert groups in (["screen", "tab", "bar"], ["screen", "bar"], ["screen"]), (
        f"{screen}: the order is {groups}"
    )
    # The focus is on the first stop again: Shift+Tab goes round the other way.
    back = keys.round_of_stops("Shift+Tab")
    assert back == list(reversed(stops[1:])), f"{screen}: Shift+Tab visits {back}"
    print(f"{screen}: {len(stops)} Tab stops for {len(controls)} controls")
    return len(stops)


def escape_closes(keys: Keyboard, opener: str, title: str) -> None:
    """Enter on `opener` shows the dialog named `title`; Escape closes it, focus back on it."""
    keys.tab_to(opener)
    keys.page.keyboard.press("Enter")
    dialog = keys.page.get_by_role("alertdialog", name=title)
    expect(dialog).to_be_visible()
    keys.page.keyboard.press("Escape")
    expect(keys.page.get_by_role("alertdialog")).to_have_count(0)
    expect(keys.page.get_by_role("button", name=opener, exact=True)).to_be_focused()


def sign_in_by_keys(keys: Keyboard, code: str = CAMILLE_CODE) -> None:
    keys.type_into(strings.NIR_LABEL, CAMILLE_NIR)
    keys.type_into(strings.CODE_LABEL, code)
    keys.page.keyboard.press("Enter")


def open_procuration_by_keys(keys: Keyboard, again: bool = False) -> None:
    """Mes démarches, then « Faire ou révoquer une procuration en ligne ». A screen shown
    `again` gets back the focus it was left with (Flutter's), instead of its heading."""
    keys.tab_to(strings.TAB_DEMARCHES, role="tab")
    keys.page.keyboard.press("Enter")
    if again:
        expect(
            keys.person.page.get_by_role("heading", name=strings.TAB_DEMARCHES, exact=True)
        ).to_be_visible()
        keys.page.wait_for_timeout(300)
        assert keys.focused() in (
            ("heading", strings.TAB_DEMARCHES),
            ("button", strings.PROCURATION_LINK),
        ), keys.focused()
    else:
        keys.expect_heading_focused(strings.TAB_DEMARCHES)
    keys.tab_to(strings.PROCURATION_LINK)
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.PROCURATION_LINK)


def grant_by_keys(keys: Keyboard, count: bool = False, again: bool = False) -> None:
    """Mes démarches → principles → the form → the recap → Valider, keys only."""
    open_procuration_by_keys(keys, again)
    keys.tab_to(strings.START_REQUEST)
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.PROCURATION_LINK)
    expect(
        keys.page.get_by_role("heading", name=strings.STEP_MANDATAIRE, exact=True)
    ).to_be_visible()
    if count:
        assert_one_round_in_reading_order(keys, "le mandataire")
        # The date picker closes with Escape, the focus back on its link.
        keys.tab_to(strings.PICK_DATE)
        keys.page.keyboard.press("Enter")
        expect(keys.page.get_by_role("dialog")).to_be_visible()
        keys.page.keyboard.press("Escape")
        expect(keys.page.get_by_role("dialog")).to_have_count(0)
        expect(keys.person.button(strings.PICK_DATE)).to_be_focused()
    keys.tab_to(strings.MONSIEUR, role="radio")
    keys.page.keyboard.press("Space")
    expect(keys.page.get_by_role("radio", name=strings.MONSIEUR)).to_be_checked()
    keys.type_into(strings.NOM_LABEL, "Dupont")
    keys.type_into(strings.PRENOM_LABEL, "Martin")
    keys.type_into(strings.BIRTH_LABEL, "20/09/1970")
    keys.page.keyboard.press("Enter")  # « Suivant »
    expect(keys.page.get_by_role("heading", name=strings.STEP_RECAP, exact=True)).to_be_visible()
    keys.expect_heading_focused(strings.PROCURATION_LINK)
    if count:
        assert_one_round_in_reading_order(keys, "récapitulatif")
    keys.tab_to(strings.CERTIFY, role="checkbox")
    keys.page.keyboard.press("Space")
    expect(keys.page.get_by_role("checkbox", name=strings.CERTIFY)).to_be_checked()
    keys.tab_to(strings.VALIDATE)
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.CONFIRM_TITLE)


def revoke_in_the_dialog(keys: Keyboard) -> None:
    """The revoke dialog is open: its ✕, « Retour » and « Révoquer », then « Révoquer »."""
    dialog = keys.page.get_by_role("alertdialog", name=strings.REVOKE_TITLE)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(strings.REVOKE_QUESTION)
    keys.tab_to(strings.CLOSE)
    assert keys.round_of_stops() == [
        ("button", strings.BACK),
        ("button", strings.REVOKE),
    ], "the dialog's stops"
    keys.tab_to(strings.REVOKE)
    keys.page.keyboard.press("Enter")
    expect(keys.page.get_by_role("alertdialog")).to_have_count(0)
    keys.person.expect_text(strings.REVOKED_DONE)


def test_connexion_with_the_keyboard_its_help_dialogs_and_the_tries_left(person):
    keys = Keyboard(person)
    keys.expect_heading_focused(strings.APP_TITLE)
    person.expect_no_text(strings.SESSION_LOST)  # a first visit, not a lost session
    assert assert_one_round_in_reading_order(keys, "connexion") == 7
    for opener in (
        strings.WHERE_NIR,
        strings.FORGOT_CODE,
        strings.FRANCECONNECT,
        strings.WHAT_FRANCECONNECT,
    ):
        escape_closes(keys, opener, opener)
    sign_in_by_keys(keys, code="11112222")
    person.expect_text(SignInRefused(tries_left=4).message)
    keys.type_into(strings.CODE_LABEL, CAMILLE_CODE)
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.HELLO.format(prenom="Camille"))


def test_the_whole_journey_with_the_keyboard_alone(server, person):
    server.revoke_all(CAMILLE_NIR)
    keys = Keyboard(person)
    sign_in_by_keys(keys)
    keys.expect_heading_focused(strings.HELLO.format(prenom="Camille"))
    assert_one_round_in_reading_order(keys, "accueil")
    escape_closes(keys, strings.QUICK_LINKS[0], strings.UNAVAILABLE_TITLE)

    keys.tab_to(strings.TAB_DEMARCHES, role="tab")
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.TAB_DEMARCHES)
    assert_one_round_in_reading_order(keys, "mes démarches")
    keys.tab_to(strings.PROCURATION_LINK)
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.PROCURATION_LINK)
    assert_one_round_in_reading_order(keys, "principes")
    keys.tab_to(strings.TAB_HOME, role="tab")
    keys.page.keyboard.press("Enter")
    expect(person.tab(strings.TAB_HOME)).to_have_attribute("aria-selected", "true")

    grant_by_keys(keys, count=True)
    assert_one_round_in_reading_order(keys, "confirmation")
    rating = person.page.get_by_role("group", name=strings.RATE_TITLE, exact=True)
    for n in range(1, 6):
        expect(rating.get_by_role("button", name=strings.RATE_STAR.format(n=n))).to_be_visible()
    keys.tab_to(strings.RATE_STAR.format(n=4))
    keys.page.keyboard.press("Enter")
    person.expect_text(strings.RATE_SAVED.format(n=4))
    four = rating.get_by_role("button", name=strings.RATE_STAR.format(n=4))
    expect(four).to_have_attribute("aria-current", "true")
    assert keys.focused() == ("button", squash(strings.RATE_STAR.format(n=4))), (
        "the message of the rating took the focus from the star"
    )

    # Revoking from Mes informations: Escape first, then « Révoquer ».
    keys.tab_to(strings.TAB_INFORMATIONS, role="tab")
    keys.page.keyboard.press("Enter")
    keys.expect_heading_focused(strings.TAB_INFORMATIONS)
    assert_one_round_in_reading_order(keys, "mes informations")
    escape_closes(keys, strings.REVOKE, strings.REVOKE_TITLE)
    keys.page.keyboard.press("Enter")
    revoke_in_the_dialog(keys)

    # Revoking from Mes démarches.
    grant_by_keys(keys, again=True)
    open_procuration_by_keys(keys, again=True)
    assert_one_round_in_reading_order(keys, "procuration en cours")
    keys.tab_to(strings.WANT_REVOKE)
    keys.page.keyboard.press("Enter")
    revoke_in_the_dialog(keys)
    expect(person.button(strings.START_REQUEST)).to_be_visible()
