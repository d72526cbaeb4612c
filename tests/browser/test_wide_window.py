"""A wide window (1280×800): the content, the app bar's row and the dialogs keep a phone's
width, centred; the text fields show their hint before they have the focus."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from shared import strings
from shared.demo import CAMILLE_CODE, CAMILLE_NIR
from tests.browser.conftest import ENABLE_SEMANTICS_EARLY, AppServer, Person

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
PHONE_MAX = 480  # px: the widest a phone-like column may be here
CENTRE = WIDE["width"] / 2


@pytest.fixture
def wide(browser: Browser, server: AppServer) -> Iterator[Person]:
    context = browser.new_context(viewport=WIDE, locale="fr-FR")
    context.add_init_script(ENABLE_SEMANTICS_EARLY)
    try:
        yield Person(context, server).open()
    finally:
        context.close()


def band(person: Person, *names: str) -> tuple[float, float]:
    """The leftmost and rightmost x of these buttons."""
    boxes = [person.button(name).bounding_box() for name in names]
    assert all(boxes), names
    return min(b["x"] for b in boxes), max(b["x"] + b["width"] for b in boxes)


def assert_phone_wide_and_centred(left: float, right: float, what: str) -> None:
    assert right - left <= PHONE_MAX, f"{what} is {right - left:.0f} px wide"
    assert abs((left + right) / 2 - CENTRE) <= 40, f"{what} is not centred: {left:.0f}–{right:.0f}"


def test_a_wide_window_keeps_a_phones_width_centred(server, wide):
    server.revoke_all(CAMILLE_NIR)
    wide.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    wide.click_tab(strings.TAB_DEMARCHES)
    content = band(wide, strings.PROCURATION_LINK)
    assert_phone_wide_and_centred(*content, "the content column")
    left, right = band(wide, strings.PREVIOUS_SCREEN, strings.SIGN_OUT)
    assert content[0] - 40 <= left and right <= content[1] + 40, f"the app bar: {left}–{right}"
    # The bar is named by its title alone (a tooltip on the arrow would join its name).
    title = wide.page.locator("flt-semantics-host header").filter(has=wide.button(strings.SIGN_OUT))
    expect(title).to_have_attribute("aria-label", strings.APP_TITLE)

    wide.click(strings.DEMARCHES_SECTIONS[0][1][0])
    expect(wide.dialog()).to_be_visible()
    close = wide.dialog().get_by_role("button", name=strings.CLOSE, exact=True).bounding_box()
    heading = wide.page.get_by_role("heading", name=strings.UNAVAILABLE_TITLE).bounding_box()
    assert_phone_wide_and_centred(heading["x"] - 24, close["x"] + close["width"] + 24, "a dialog")
    wide.dialog().get_by_role("button", name=strings.CLOSE, exact=True).click()

    wide.click(strings.PROCURATION_LINK)
    wide.click(strings.START_REQUEST)
    # Before any field has the focus, its hint is shown (its name: label, then hint).
    for label, hint in ((strings.NOM_LABEL, strings.NOM_HINT), (strings.BIRTH_LABEL, "JJ/MM")):
        name = wide.textbox(label).get_attribute("aria-label") or ""
        assert hint in name, f"{label!r} is named {name!r}"
    assert_phone_wide_and_centred(*band(wide, strings.BACK, strings.PICK_DATE), "the form")
