"""The procuration flow of the seed, screen by screen, as a person goes through it."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.rules import validity_end
from tests.browser.conftest import squash

pytestmark = pytest.mark.browser


def jj_mm_aaaa(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def test_minor_refused_then_recap_certify_back_validate_and_rate(server, user, paris_today):
    server.revoke_all(ALEXIS_NIR)
    person = user()
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    person.open_procuration()

    # Step 1: the principles.
    for text in strings.PRINCIPLES:
        person.expect_text(text)
    person.click(strings.START_REQUEST)

    # Step 2: the form; « Suivant » waits for every mandatory field.
    expect(person.textbox(strings.NOM_LABEL)).to_be_visible()
    person.expect_text(strings.SCOPE)
    expect(person.button(strings.NEXT)).to_be_disabled()
    minor = jj_mm_aaaa(years_ago(paris_today, 10))
    person.fill_mandataire(nom="Dupont", nom_usage="Durand", prenom="Martin", naissance=minor)
    expect(person.button(strings.NEXT)).to_be_enabled()
    person.click(strings.NEXT)

    person.expect_text(strings.FORM_SUMMARY)
    minor_message = strings.MESSAGES["minor"]
    birth = person.textbox(strings.BIRTH_LABEL)
    expect(birth).to_have_attribute("aria-description", minor_message)
    # Shown under the field, and read with it: the field is named « Date de naissance* »
    # followed by the message (it is merged with its label, widgets.labelled).
    expect(birth).to_have_attribute("aria-label", re.compile(re.escape(squash(minor_message))))
    expect(person.page.get_by_role("checkbox")).to_have_count(0)  # still on the form

    # Corrected: step 3, the recap.
    person.fill(strings.BIRTH_LABEL, "20/09/1970")
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    person.expect_no_text(strings.FORM_SUMMARY)
    for shown in ("Monsieur", "Dupont", "Durand", "Martin", "20/09/1970"):
        person.expect_text(shown)
    fin = jj_mm_aaaa(validity_end(paris_today))
    person.expect_text(strings.RECAP_VALIDITY.format(fin=fin))

    certify = person.page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
    valider = person.button(strings.VALIDATE)
    expect(certify).not_to_be_checked()
    expect(valider).to_be_disabled()
    certify.click()
    expect(certify).to_be_checked()
    expect(valider).to_be_enabled()
    certify.click()
    expect(certify).not_to_be_checked()
    expect(valider).to_be_disabled()

    # « Retour » keeps every value.
    person.click(strings.BACK)
    expect(person.textbox(strings.NOM_LABEL)).to_be_visible()
    expect(person.page.get_by_role("radio", name=strings.MONSIEUR, exact=True)).to_be_checked()
    expect(person.page.get_by_role("radio", name=strings.MADAME, exact=True)).not_to_be_checked()
    kept = {
        strings.NOM_LABEL: "Dupont",
        strings.NOM_USAGE_LABEL: "Durand",
        strings.PRENOM_LABEL: "Martin",
        strings.BIRTH_LABEL: "20/09/1970",
    }
    seen = {label: person.value_of(label, value) for label, value in kept.items()}
    assert seen == kept
    expect(person.button(strings.NEXT)).to_be_enabled()

    # Validate: step 4, the confirmation of the seed.
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    expect(certify).not_to_be_checked()  # certification is asked again
    certify.click()
    expect(certify).to_be_checked()
    person.click(strings.VALIDATE)
    person.expect_heading(strings.CONFIRM_TITLE)
    for text in (
        strings.CONFIRM_BANNER,
        strings.GRANTED_TO.format(qui="Monsieur Dupont Martin"),
        strings.RECAP_VALIDITY.format(fin=fin),
        strings.IMMEDIATE,
        *strings.CONFIRM_LINES,
        strings.RATE_TITLE,
    ):
        person.expect_text(text)
    expect(person.button(strings.BACK_TO_DASHBOARD)).to_be_visible()

    # « Notez votre démarche ! »: 4 stars, saved.
    person.click(strings.RATE_STAR.format(n=4))
    person.expect_text(strings.RATE_SAVED.format(n=4))

    def stored_rating():
        with server.db() as conn:
            return conn.execute(
                "SELECT r.stars, p.nom, p.prenom FROM ratings r "
                "JOIN procurations p ON p.id = r.procuration_id "
                "WHERE p.account_id = ? ORDER BY p.id DESC LIMIT 1",
                (server.account_id(ALEXIS_NIR),),
            ).fetchone()

    assert stored_rating() == (4, "Dupont", "Martin")

    # Signed out, then in again from a new browser: the rating is not shown in the app,
    # the store still has it.
    person.sign_out()
    again = user()
    again.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    assert stored_rating() == (4, "Dupont", "Martin")


def test_mes_informations_shows_the_procuration_and_revokes_it(server, user, paris_today):
    server.revoke_all(CAMILLE_NIR)
    person = user()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")

    person.grant(civilite=strings.MONSIEUR, nom="Dupont", prenom="Martin")
    person.click_tab(strings.TAB_INFORMATIONS)
    fin = jj_mm_aaaa(validity_end(paris_today))
    granted = strings.INFO_GRANTED.format(qui="M. DUPONT", fin=fin)
    person.expect_text(f"{strings.INFO_PROCURATION} {granted}")
    person.expect_no_text(strings.INFO_NONE)

    # « Retour » in the dialog changes nothing. Flet's AlertDialog has no accessible name in
    # the tree (known Flet limitation): its title must be inside the alertdialog node instead.
    person.click(strings.REVOKE)
    dialog = person.dialog()
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(strings.REVOKE_TITLE)
    expect(dialog).to_contain_text(strings.REVOKE_TEXT)
    dialog.get_by_role("button", name=strings.BACK, exact=True).click()
    expect(dialog).to_have_count(0)
    person.expect_text(granted)

    # « Révoquer » in the dialog revokes at once.
    person.click(strings.REVOKE)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=strings.REVOKE, exact=True).click()
    expect(dialog).to_have_count(0)
    person.expect_text(strings.REVOKED_DONE)
    person.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")
    person.expect_no_text(granted)
    expect(person.button(strings.REVOKE)).to_have_count(0)


def test_one_at_a_time_then_revoke_from_mes_demarches(server, user, paris_today):
    server.revoke_all(CAMILLE_NIR)
    person = user()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.grant(civilite=strings.MADAME, nom="Bernard", prenom="Lucie")
    fin = jj_mm_aaaa(validity_end(paris_today))

    # The dashboard says so, and its link leads to the procuration in force, not the form.
    person.click(strings.BACK_TO_DASHBOARD)
    person.expect_text(strings.HOME_ACTIVE.format(qui="Mme BERNARD", fin=fin))
    person.click(strings.PROCURATION_LINK)
    active = strings.ACTIVE_NOW.format(fin=fin)
    person.expect_text(active)
    person.expect_text(strings.GRANTED_TO.format(qui="Madame Bernard Lucie"))

    # The same from Mes démarches: no way to the form while one is active.
    person.open_procuration()
    person.expect_text(active)
    expect(person.button(strings.WANT_REVOKE)).to_be_visible()
    expect(person.button(strings.START_REQUEST)).to_have_count(0)
    expect(person.textbox(strings.NOM_LABEL)).to_have_count(0)

    person.click(strings.WANT_REVOKE)
    dialog = person.dialog()
    expect(dialog).to_contain_text(strings.REVOKE_TITLE)
    dialog.get_by_role("button", name=strings.REVOKE, exact=True).click()
    expect(dialog).to_have_count(0)
    person.expect_text(strings.REVOKED_DONE)
    # The notice and the principles may be drawn one frame apart: wait for the principles.
    expect(person.button(strings.START_REQUEST)).to_be_visible()
    person.expect_no_text(active)

    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")
    with server.db() as conn:
        revoked = conn.execute(
            "SELECT revoked_at IS NOT NULL FROM procurations WHERE account_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (server.account_id(CAMILLE_NIR),),
        ).fetchone()
    assert revoked == (1,)
