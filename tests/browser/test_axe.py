"""axe-core's rules over every screen of a short journey: sign-in and its help, the five tabs,
the procuration flow, the revoke dialog.

Fails on any serious or critical violation, and on any violation of the rules the page we serve
fixes (mobile/serve.py), except those in FLUTTER_OWN: each names the rule, the nodes it may
concern, and why it is Flutter's own (also in the README).
"""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import CAMILLE_CODE, CAMILLE_NIR
from tests.browser.axe import run_axe

pytestmark = pytest.mark.browser

FAILING_IMPACTS = {"serious", "critical"}
# What mobile/serve.py fixes in the page: any impact fails.
PAGE_RULES = {"meta-viewport", "region", "aria-dialog-name", "landmark-banner-is-top-level"}


def stale_tab_owns(node: dict[str, Any]) -> bool:
    return 'role="tab"' in node["html"] and "aria-owns" in node["summary"]


# rule → (which nodes it may concern, why it is Flutter's own)
FLUTTER_OWN: dict[str, tuple[Callable[[dict[str, Any]], bool], str]] = {
    "aria-valid-attr-value": (
        stale_tab_owns,
        "Flutter's engine gives a navigation tab aria-owns = the id of the page it showed when "
        "selected, and leaves it when another tab is chosen: the id then names no element",
    ),
}


def failing(violations: list[dict[str, Any]]) -> list[str]:
    """The violations that fail the test, one line each."""
    lines = []
    for v in violations:
        if v["impact"] not in FAILING_IMPACTS and v["id"] not in PAGE_RULES:
            continue
        allowed, _ = FLUTTER_OWN.get(v["id"], (lambda _: False, ""))
        for node in v["nodes"]:
            if not allowed(node):
                lines.append(f"{v['id']} ({v['impact']}): {v['help']}: {node['html']}")
    return lines


def test_the_allow_list_lets_only_its_own_nodes_through():
    tab = {"html": '<flt-semantics role="tab" aria-owns="x">', "summary": 'aria-owns="x"'}
    other = {"html": '<div aria-checked="maybe">', "summary": 'aria-checked="maybe"'}
    found = [
        {"id": "aria-valid-attr-value", "impact": "critical", "help": "h", "nodes": [tab, other]},
        {"id": "meta-viewport", "impact": "moderate", "help": "zoom", "nodes": [other]},
        {"id": "color-contrast", "impact": "moderate", "help": "c", "nodes": [other]},
    ]
    assert [line.split(" ")[0] for line in failing(found)] == [
        "aria-valid-attr-value",
        "meta-viewport",
    ]


def test_no_screen_breaks_axe_cores_rules(server, person):
    server.revoke_all(CAMILLE_NIR)
    found: dict[str, list[str]] = {}

    def audit(screen: str) -> None:
        person.page.mouse.move(5, 5)  # no tooltip in the way
        found[screen] = failing(run_axe(person.page))

    audit("sign-in")
    person.click(strings.WHERE_NIR)
    expect(person.dialog()).to_be_visible()
    audit("sign-in help dialog")
    person.dialog().get_by_role("button", name=strings.CLOSE, exact=True).click()
    expect(person.dialog()).to_have_count(0)
    person.click(strings.SIGN_IN_BUTTON)  # nothing typed: errors on both fields
    expect(person.textbox(strings.NIR_LABEL)).to_have_attribute(
        "aria-description", strings.MESSAGES["required"]
    )
    audit("sign-in errors")

    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    audit(strings.TAB_HOME)
    for tab in (
        strings.TAB_PAYMENTS,
        strings.TAB_DEMARCHES,
        strings.TAB_PREVENTION,
        strings.TAB_INFORMATIONS,
    ):
        person.click_tab(tab)
        audit(tab)

    person.open_procuration()
    expect(person.button(strings.START_REQUEST)).to_be_visible()
    audit("principles")
    person.click(strings.START_REQUEST)
    expect(person.textbox(strings.NOM_LABEL)).to_be_visible()
    audit("mandataire form")
    person.fill_mandataire(nom="Иванов")
    person.click(strings.NEXT)
    person.expect_text(strings.FORM_SUMMARY)
    audit("mandataire form with errors")
    person.fill(strings.NOM_LABEL, "Dupont")
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    audit("recap")
    certify = person.page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
    certify.click()
    expect(certify).to_be_checked()
    person.click(strings.VALIDATE)
    person.expect_heading(strings.CONFIRM_TITLE)
    audit("confirmation")
    person.open_procuration()
    expect(person.button(strings.WANT_REVOKE)).to_be_visible()
    audit("procuration en cours")
    person.click(strings.WANT_REVOKE)
    expect(person.page.get_by_role("alertdialog", name=strings.REVOKE_TITLE)).to_be_visible()
    audit("revoke dialog")

    report = "\n".join(f"  {screen}: {line}" for screen, lines in found.items() for line in lines)
    print(f"\naxe-core: {len(found)} screens, {sum(map(len, found.values()))} failing nodes")
    assert not report, f"axe-core violations:\n{report}"
