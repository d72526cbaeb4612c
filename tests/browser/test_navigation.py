"""Back, Forward, addresses and reloads, as a person uses them in a browser at 412×915."""

import pytest
from playwright.sync_api import expect

from mobile.routes import Route
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR

pytestmark = pytest.mark.browser
HOME_HEADING = strings.HELLO.format(prenom="Camille")


def open_at(person, path: str, ready: str = strings.SIGN_IN_BUTTON) -> None:
    """Type an address in the bar (a new page load in the same tab), wait for a button."""
    person.page.goto(person.server.url.rstrip("/") + path)
    person.page.wait_for_selector("flt-semantics-placeholder, flt-semantics", state="attached")
    expect(person.button(ready).or_(person.tab(strings.TAB_HOME))).to_be_visible(timeout=30_000)


def test_back_and_forward_step_through_the_request_keeping_the_form(server, person):
    server.revoke_all(CAMILLE_NIR)
    page = person.page
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.open_procuration()
    person.expect_path(Route.PROCURATION)
    person.click(strings.START_REQUEST)
    person.expect_path(Route.MANDATAIRE)
    person.fill_mandataire(civilite=strings.MADAME, nom="Bernard", prenom="Lucie")
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    person.expect_path(Route.RECAP)
    box = page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
    box.click()
    expect(box).to_be_checked()

    # The browser's Back: récapitulatif → le mandataire, every value kept.
    page.go_back()
    person.expect_path(Route.MANDATAIRE)
    assert person.value_of(strings.NOM_LABEL, "Bernard") == "Bernard"
    # Forward: the recap again, the certification to tick again.
    page.go_forward()
    person.expect_heading(strings.STEP_RECAP)
    expect(page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)).not_to_be_checked()
    # The app bar's arrow: one screen back each time, down to Mes démarches and Accueil.
    for path, heading in (
        (Route.MANDATAIRE, strings.STEP_MANDATAIRE),
        (Route.PROCURATION, strings.PROCURATION_LINK),
        (Route.DEMARCHES, strings.TAB_DEMARCHES),
        (Route.HOME, HOME_HEADING),
    ):
        person.click(strings.PREVIOUS_SCREEN)
        person.expect_path(path)
        person.expect_heading(heading)


def test_after_the_confirmation_back_never_shows_a_recap_that_could_validate(server, person):
    server.revoke_all(CAMILLE_NIR)
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.grant(civilite=strings.MADAME, nom="Bernard", prenom="Lucie")
    person.expect_path(Route.CONFIRMATION)
    for _ in range(3):
        person.page.go_back()
        person.expect_text(strings.WANT_REVOKE)
        expect(person.button(strings.VALIDATE)).to_have_count(0)
    person.page.go_forward()
    expect(person.button(strings.VALIDATE)).to_have_count(0)


def test_a_tab_goes_back_to_accueil_and_a_dialog_closes_before_back(server, person):
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.click_tab(strings.TAB_DEMARCHES)
    person.expect_path(Route.DEMARCHES)
    person.click("Commander une carte Vitale")
    expect(person.dialog()).to_be_visible()
    person.page.go_back()
    expect(person.dialog()).to_have_count(0)
    person.expect_heading(strings.TAB_DEMARCHES)
    person.expect_path(Route.DEMARCHES)
    person.page.go_back()
    person.expect_heading(HOME_HEADING)
    person.expect_path(Route.HOME)


def test_back_after_sign_in_and_after_deconnexion_shows_no_other_screen(server, person):
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.click_tab(strings.TAB_INFORMATIONS)
    person.sign_out()
    person.expect_path(Route.SIGN_IN)
    for move in (person.page.go_back, person.page.go_forward, person.page.go_back):
        move()
        expect(person.button(strings.SIGN_IN_BUTTON)).to_be_visible()
        expect(person.tab(strings.TAB_HOME)).to_have_count(0)
        person.expect_no_text("LEFEBVRE")


def test_a_deep_link_signed_out_shows_connexion_then_that_screen(server, person):
    server.revoke_all(CAMILLE_NIR)
    open_at(person, Route.INFORMATIONS)
    expect(person.button(strings.SIGN_IN_BUTTON)).to_be_visible()
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE)
    person.expect_heading(strings.TAB_INFORMATIONS)
    person.expect_path(Route.INFORMATIONS)
    # The recap without a checked form gives the form.
    open_at(person, Route.RECAP)
    expect(person.textbox(strings.NOM_LABEL)).to_be_visible()


def test_an_unknown_address_says_page_introuvable_with_a_way_home(server, person):
    open_at(person, "/nulle-part", ready=strings.BACK_HOME)
    person.expect_heading(strings.NOT_FOUND_TITLE)
    person.click(strings.BACK_HOME)
    expect(person.button(strings.SIGN_IN_BUTTON)).to_be_visible()


def test_a_reload_keeps_the_session_the_screen_and_the_draft(server, person):
    server.revoke_all(CAMILLE_NIR)
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.open_procuration()
    person.click(strings.START_REQUEST)
    person.fill_mandataire(civilite=strings.MADAME, nom="Bernard", prenom="Lucie")
    # A screen can be drawn before the address bar follows it: a reload then reloads the
    # address before, as the browser's Back would go to it. A person sees the address first.
    person.expect_path(Route.MANDATAIRE)
    person.page.reload()
    person.enable_semantics()
    person.expect_path(Route.MANDATAIRE)
    assert person.value_of(strings.NOM_LABEL, "Bernard") == "Bernard"
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    person.expect_path(Route.RECAP)
    person.page.reload()
    person.enable_semantics()
    person.expect_heading(strings.STEP_RECAP)
    person.expect_text("Bernard")


def test_two_sessions_of_one_account_see_a_grant_and_a_revocation_at_once(server, user):
    server.revoke_all(ALEXIS_NIR)
    watcher, actor = user(), user()
    watcher.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    watcher.click_tab(strings.TAB_INFORMATIONS)
    watcher.expect_text(strings.INFO_NONE)
    actor.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    actor.grant(nom="Dupont", prenom="Martin")

    watcher.expect_text(strings.GRANTED_ELSEWHERE, timeout=2)
    watcher.expect_text("M. DUPONT", timeout=2)
    actor.click_tab(strings.TAB_INFORMATIONS)
    actor.click(strings.REVOKE)
    actor.dialog().get_by_role("button", name=strings.REVOKE, exact=True).click()
    watcher.expect_text(strings.REVOKED_ELSEWHERE, timeout=2)
    watcher.expect_text(strings.INFO_NONE, timeout=2)
    # The watcher's « Révoquer » is gone; on the procuration page it says there is none.
    watcher.open_procuration()
    expect(watcher.button(strings.START_REQUEST)).to_be_visible()
