"""A crash right after a confirmation loses nothing; two people at once stay apart."""

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.rules import validity_end

pytestmark = pytest.mark.browser


def test_procuration_survives_a_kill_right_after_its_confirmation(server, user, paris_today):
    server.revoke_all(ALEXIS_NIR)
    person = user()
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    person.grant(civilite=strings.MONSIEUR, nom="Dupont", prenom="Martin")
    person.expect_text(strings.CONFIRM_BANNER)
    server.kill()  # SIGKILL, as soon as the confirmation is on screen
    server.start()

    again = user()
    again.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    again.click_tab(strings.TAB_INFORMATIONS)
    fin = validity_end(paris_today).strftime("%d/%m/%Y")
    again.expect_text(
        f"{strings.INFO_PROCURATION} {strings.INFO_GRANTED.format(qui='M. DUPONT', fin=fin)}"
    )
    expect(again.button(strings.REVOKE)).to_be_visible()


ALEXIS = {
    "nir": ALEXIS_NIR,
    "code": ALEXIS_CODE,
    "prenom": "Alexis",
    "mine": ("Bonjour Alexis", "Alexis MOREAU", "1 90 03 75 112 004 93", "M. DUPONT"),
    "payment": "44,39",
    "mandataire": {"civilite": strings.MONSIEUR, "nom": "Dupont", "prenom": "Martin"},
}
CAMILLE = {
    "nir": CAMILLE_NIR,
    "code": CAMILLE_CODE,
    "prenom": "Camille",
    "mine": ("Bonjour Camille", "Camille LEFEBVRE", "2 85 12 75 056 012 67", "Mme BERNARD"),
    "payment": "23,00",
    "mandataire": {"civilite": strings.MADAME, "nom": "Bernard", "prenom": "Lucie"},
}


def test_two_people_at_once_never_see_each_other(server, user):
    server.revoke_all(ALEXIS_NIR)
    server.revoke_all(CAMILLE_NIR)
    alexis, camille = user(), user()
    people = ((alexis, ALEXIS, CAMILLE), (camille, CAMILLE, ALEXIS))
    for person, me, _ in people:
        person.sign_in(me["nir"], me["code"], prenom=me["prenom"])

    def sees_only_own(person, me, other, screens=(strings.TAB_HOME, strings.TAB_PAYMENTS)):
        shown = []
        for tab in (*screens, strings.TAB_INFORMATIONS):
            person.click_tab(tab)
            if tab == strings.TAB_PAYMENTS:
                person.expect_text(me["payment"])
            shown.append(person.tree_text())
        seen = " ".join(shown)
        for text in other["mine"][:3]:
            assert text not in seen, f"{me['prenom']} sees {text!r}"
        assert other["payment"] not in seen, f"{me['prenom']} sees {other['payment']!r}"
        assert other["mandataire"]["nom"].upper() not in seen.upper()

    # Both start their request at the same time, then validate one after the other.
    for person, _, _ in people:
        person.open_procuration()
        person.click(strings.START_REQUEST)
        expect(person.textbox(strings.NOM_LABEL)).to_be_visible()
    for person, me, _ in people:
        person.fill_mandataire(**me["mandataire"])
    for person, _, _ in people:
        person.click(strings.NEXT)
        box = person.page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
        box.click()
        expect(box).to_be_checked()
    for person, me, _ in people:
        person.click(strings.VALIDATE)
        person.expect_heading(strings.CONFIRM_TITLE)
        full = "{civilite} {nom} {prenom}".format(**me["mandataire"])
        person.expect_text(strings.GRANTED_TO.format(qui=full))

    for person, me, other in people:
        sees_only_own(person, me, other)
        for text in me["mine"][1:]:
            person.expect_text(text)

    # Alexis revokes his: Camille's is untouched.
    alexis.click(strings.REVOKE)
    alexis.dialog().get_by_role("button", name=strings.REVOKE, exact=True).click()
    alexis.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")
    camille.click_tab(strings.TAB_HOME)
    camille.click_tab(strings.TAB_INFORMATIONS)
    camille.expect_text("Mme BERNARD")
    camille.expect_no_text(strings.INFO_NONE)


def test_the_server_log_of_a_whole_journey_holds_no_nir_code_name_or_session_key(
    server, user, poll
):
    """Canary values typed in a real browser never reach the server's output."""
    server.revoke_all(CAMILLE_NIR)
    person = user()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.grant(civilite=strings.MADAME, nom="Zqxcanarinom", prenom="Wqvcanariprenom")
    person.click_tab(strings.TAB_INFORMATIONS)
    person.click(strings.REVOKE)
    person.dialog().get_by_role("button", name=strings.REVOKE, exact=True).click()
    person.expect_text(strings.INFO_NONE)
    # Flet logs every disconnect: with the session's key, anyone reading the log could
    # open the session from another browser.
    session_key = person.page.evaluate("sessionStorage.getItem('_flet_session_id')")
    assert session_key, "the browser holds Flet's session key"
    person.context.close()
    poll(lambda: "disconnected" in server.log_path.read_text(errors="replace"), "the disconnect")
    logged = server.log_path.read_text(errors="replace")
    assert "sign-in accepted" in logged, "the server's log was captured"
    key_parts = [part for part in session_key.split("_") if len(part) >= 8]
    assert key_parts and [part for part in key_parts if part in logged] == []
    canaries = (
        CAMILLE_NIR,
        "2 85 12 75",
        CAMILLE_CODE,
        "Zqxcanarinom",
        "Wqvcanariprenom",
        "LEFEBVRE",
        "Camille",
    )
    assert [canary for canary in canaries if canary in logged] == []
