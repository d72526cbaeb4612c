"""The screen logic of the app, driven through AppState in plain Python (no flet)."""

import sqlite3
from datetime import UTC, datetime

import pytest

from mobile.routes import Screen
from mobile.state import AppState, Flow
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_NIR
from shared.rules import MandataireForm, validity_end
from shared.store import Store

SEED_MINOR = "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"
ACCOUNT_SCREENS = [screen for screen in Screen if screen is not Screen.SIGN_IN]
# The clock of the fixtures says 15/06/2024: this mandataire turns 18 tomorrow.
MINOR_BIRTH = "16/06/2006"


def fill(state: AppState, form: MandataireForm) -> None:
    """Type every field of the form, as the person would."""
    for name, value in form.model_dump().items():
        state.set_field(name, value)


def reach_recap(state: AppState, form: MandataireForm) -> None:
    state.open_procuration()
    state.start_request()
    fill(state, form)
    state.next()
    assert state.screen is Screen.RECAP, state.flow.problems


def grant(state: AppState, form: MandataireForm) -> None:
    reach_recap(state, form)
    state.certify(True)
    state.validate()
    assert state.screen is Screen.CONFIRMATION, state.message


def count_rows(store: Store) -> dict[str, int]:
    with store.reading() as tx:
        return {
            table: tx.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("procurations", "events", "ratings")
        }


def fill_the_disk(store: Store, other_account_id: int) -> None:
    """SQLITE_FULL on the next write: no page may be added, and no page has room left.

    Capping max_page_count alone is not enough: a small row still fits in a page that has
    free space. One-letter rows then fill the procurations table and its index; a row that
    small no longer fits, so neither does any real one.
    """
    conn = store._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages:d}")
    while True:
        try:
            conn.execute(
                "INSERT INTO procurations (account_id, civilite, nom, prenom, date_naissance,"
                " created_at, created_on, valid_until, revoked_at)"
                " VALUES (?, 'Madame', 'X', 'Y', '', '', '', '', 'x')",
                (other_account_id,),
            )
        except sqlite3.OperationalError as error:
            assert error.sqlite_errorname == "SQLITE_FULL"
            return


def account_id(state: AppState, nir: str) -> int:
    with state.services.store.reading() as tx:
        credentials = tx.credentials(nir)
    assert credentials is not None
    return credentials[0]


# --- sign-in ---------------------------------------------------------------------------------
def test_a_wrong_code_is_refused_with_the_sign_in_message(state):
    assert state.sign_in(ALEXIS_NIR, "00000000") is False
    assert state.message is not None and state.message.startswith(strings.SIGN_IN_REFUSED)
    assert state.account is None
    assert state.screen is Screen.SIGN_IN


def test_a_badly_formed_nir_is_a_problem_on_the_nir_field(state):
    assert state.sign_in("12345", ALEXIS_CODE) is False
    assert state.sign_in_problem("nir") == strings.MESSAGES["nir_length"]
    assert state.sign_in_problem("code") is None
    assert state.account is None


def test_five_wrong_codes_lock_the_account_for_thirty_minutes(state):
    for _ in range(4):
        state.sign_in(ALEXIS_NIR, "00000000")
        assert state.message is not None and state.message.startswith(strings.SIGN_IN_REFUSED)
    state.sign_in(ALEXIS_NIR, "00000000")
    # 10:00 UTC is 12:00 in Paris in June.
    assert state.message == strings.SIGN_IN_LOCKED.format(heure="12:30")
    assert state.sign_in(ALEXIS_NIR, ALEXIS_CODE) is False
    assert state.account is None


def test_a_refused_sign_in_shows_the_nir_again_and_a_success_forgets_it(state):
    state.sign_in(ALEXIS_NIR, "00000000")
    assert state.typed_nir == ALEXIS_NIR
    assert state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    state.sign_out()
    assert state.typed_nir == ""


def test_the_right_code_opens_the_dashboard(state):
    assert state.sign_in(ALEXIS_NIR, ALEXIS_CODE) is True
    assert state.account is not None and state.account.nir == ALEXIS_NIR
    assert state.screen is Screen.HOME
    assert state.message is None


@pytest.mark.parametrize("screen", ACCOUNT_SCREENS, ids=lambda s: s.name)
def test_no_account_screen_is_reachable_while_signed_out(state, screen):
    state.go(screen)
    assert state.screen is Screen.SIGN_IN


# --- the procuration flow ----------------------------------------------------------------------
def test_the_procuration_link_shows_the_principles_when_none_is_active(alexis):
    alexis.open_procuration()
    assert alexis.screen is Screen.PRINCIPLES


def test_the_procuration_link_shows_the_active_one(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.back_to_dashboard()
    alexis.open_procuration()
    assert alexis.screen is Screen.PROCURATION_ACTIVE


def test_starting_a_request_shows_a_blank_mandataire_form(alexis, adult_form):
    alexis.open_procuration()
    fill(alexis, adult_form)
    alexis.start_request()
    assert alexis.screen is Screen.MANDATAIRE
    assert alexis.flow.form == MandataireForm()
    assert alexis.flow.problems == ()
    assert alexis.flow.certified is False


def test_suivant_waits_for_every_mandatory_field_but_not_the_nom_d_usage(alexis, adult_form):
    alexis.start_request()
    assert alexis.can_go_next is False
    for name in ("civilite", "nom", "prenom"):
        alexis.set_field(name, getattr(adult_form, name))
        assert alexis.can_go_next is False, name
    alexis.set_field("date_naissance", "   ")
    assert alexis.can_go_next is False
    alexis.set_field("date_naissance", adult_form.date_naissance)
    assert alexis.flow.form.nom_usage == ""
    assert alexis.can_go_next is True


def test_a_minor_mandataire_is_refused_with_the_seed_message(alexis, adult_form):
    alexis.start_request()
    fill(alexis, adult_form.model_copy(update={"date_naissance": MINOR_BIRTH}))
    alexis.next()
    assert alexis.screen is Screen.MANDATAIRE
    assert alexis.flow.problem("date_naissance") == SEED_MINOR
    assert [p.field for p in alexis.flow.problems] == ["date_naissance"]


def test_a_mandataire_on_their_eighteenth_birthday_is_accepted(alexis, adult_form):
    reach_recap(alexis, adult_form.model_copy(update={"date_naissance": "15/06/2006"}))


def test_a_valid_form_leads_to_the_recap_not_yet_certified(alexis, adult_form):
    reach_recap(alexis, adult_form)
    assert alexis.flow.certified is False
    assert alexis.flow.problems == ()
    mandataire = alexis.recap_mandataire()
    assert mandataire is not None and mandataire.nom == "Dupont"


def test_valider_without_the_certification_does_nothing(alexis, adult_form):
    reach_recap(alexis, adult_form)
    alexis.validate()
    assert alexis.screen is Screen.RECAP
    assert alexis.flow.granted is None
    assert alexis.current_procuration() is None


def test_retour_from_the_recap_keeps_every_value(alexis, adult_form):
    typed = adult_form.model_copy(update={"nom_usage": "Durand"})
    reach_recap(alexis, typed)
    alexis.back_from_recap()
    assert alexis.screen is Screen.MANDATAIRE
    assert alexis.flow.form == typed


def test_certify_and_validate_grant_it_for_one_month(alexis, adult_form, services):
    grant(alexis, adult_form)
    granted = alexis.flow.granted
    assert granted is not None
    assert granted.valid_until == validity_end(services.today())
    assert granted.valid_until.isoformat() == "2024-07-15"
    assert granted.mandataire.full_name() == "Monsieur Dupont Martin"
    current = alexis.current_procuration()
    assert current is not None and current.id == granted.id


def test_the_rating_is_saved(alexis, adult_form, services):
    grant(alexis, adult_form)
    alexis.rate(4)
    granted = alexis.flow.granted
    assert granted is not None
    assert services.rating(granted.id) == 4
    assert alexis.flow.rating == 4
    assert alexis.notice == strings.RATE_SAVED.format(n=4)


@pytest.mark.parametrize("screen", [Screen.PRINCIPLES, Screen.MANDATAIRE, Screen.RECAP])
def test_while_one_is_active_the_form_cannot_be_reached(alexis, adult_form, screen):
    grant(alexis, adult_form)
    alexis.go(screen)
    assert alexis.screen is Screen.PROCURATION_ACTIVE


def test_while_one_is_active_a_new_request_shows_the_active_one(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.start_request()
    assert alexis.screen is Screen.PROCURATION_ACTIVE


# --- revocation -----------------------------------------------------------------------------
def test_asking_to_revoke_opens_the_seed_dialog(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.open_procuration()
    alexis.ask_revoke()
    assert alexis.dialog is not None
    assert alexis.dialog.title == strings.REVOKE_TITLE == "Révocation de procuration"
    assert alexis.dialog.text == strings.REVOKE_TEXT
    assert alexis.dialog.revoke is True
    assert alexis.current_procuration() is not None


def test_revoking_ends_it_and_goes_back_to_the_principles(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.open_procuration()
    alexis.ask_revoke()
    alexis.revoke()
    assert alexis.current_procuration() is None
    assert alexis.dialog is None
    assert alexis.notice == strings.REVOKED_DONE
    assert alexis.screen is Screen.PRINCIPLES


def test_revoking_from_mes_informations_stays_there(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.go(Screen.INFORMATIONS)
    alexis.ask_revoke()
    alexis.revoke()
    assert alexis.current_procuration() is None
    assert alexis.screen is Screen.INFORMATIONS
    assert alexis.notice == strings.REVOKED_DONE


def test_asking_to_revoke_what_another_device_revoked_shows_the_principles(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.open_procuration()
    alexis.services.revoke(alexis.account_id)
    alexis.ask_revoke()
    assert alexis.dialog is None
    assert alexis.screen is Screen.PRINCIPLES


def test_asking_to_revoke_one_that_expired_meanwhile_shows_the_principles(
    alexis, adult_form, clock
):
    grant(alexis, adult_form)
    clock.now = datetime(2024, 7, 15, 21, 59, tzinfo=UTC)
    assert alexis.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    alexis.open_procuration()
    assert alexis.screen is Screen.PROCURATION_ACTIVE
    clock.advance(minutes=2)
    alexis.ask_revoke()
    assert alexis.dialog is None
    assert alexis.screen is Screen.PRINCIPLES


# --- idle session ---------------------------------------------------------------------------
IDLE_ACTIONS = {
    "go": lambda s: s.go(Screen.PAYMENTS),
    "open_procuration": lambda s: s.open_procuration(),
    "start_request": lambda s: s.start_request(),
    "next": lambda s: s.next(),
    "validate": lambda s: s.validate(),
    "ask_revoke": lambda s: s.ask_revoke(),
    "revoke": lambda s: s.revoke(),
}


@pytest.mark.parametrize("action", IDLE_ACTIONS.values(), ids=IDLE_ACTIONS.keys())
def test_after_fifteen_idle_minutes_the_next_action_signs_out(alexis, clock, action):
    clock.advance(minutes=15, seconds=1)
    action(alexis)
    assert alexis.account is None
    assert alexis.screen is Screen.SIGN_IN
    assert alexis.message == strings.SESSION_EXPIRED
    assert alexis.flow == Flow()


def test_the_idle_timer_signs_out_after_fifteen_minutes(alexis, clock):
    clock.advance(minutes=15, seconds=1)
    assert alexis.idle_expired() is True
    assert alexis.account is None
    assert alexis.screen is Screen.SIGN_IN
    assert alexis.message == strings.SESSION_EXPIRED


def test_fourteen_idle_minutes_keep_the_session(alexis, clock):
    clock.advance(minutes=14)
    assert alexis.idle_expired() is False
    alexis.go(Screen.PAYMENTS)
    assert alexis.account is not None
    assert alexis.screen is Screen.PAYMENTS
    clock.advance(minutes=14)
    alexis.go(Screen.HOME)
    assert alexis.screen is Screen.HOME, "each action restarts the 15 minutes"


# --- isolation, storage, expiry ------------------------------------------------------------
def test_two_phones_never_see_each_other(alexis, camille, adult_form):
    alexis.start_request()
    camille.start_request()
    fill(alexis, adult_form)
    assert camille.flow.form == MandataireForm()
    camille.set_field("nom", "Bernard")
    assert alexis.flow.form.nom == "Dupont"
    alexis.next()
    alexis.certify(True)
    alexis.validate()
    assert alexis.screen is Screen.CONFIRMATION
    assert camille.screen is Screen.MANDATAIRE
    assert camille.current_procuration() is None
    assert camille.account is not None and camille.account.nir == CAMILLE_NIR
    assert alexis.account is not None and alexis.account.nir == ALEXIS_NIR
    assert camille.flow.granted is None


def test_a_full_disk_keeps_the_recap_and_writes_nothing(alexis, adult_form, services):
    reach_recap(alexis, adult_form)
    alexis.certify(True)
    fill_the_disk(services.store, account_id(alexis, CAMILLE_NIR))
    before = count_rows(services.store)
    alexis.validate()
    assert alexis.message == strings.STORAGE_FAILED
    assert alexis.screen is Screen.RECAP
    assert alexis.flow.form == adult_form
    assert count_rows(services.store) == before
    assert alexis.current_procuration() is None


def test_an_expired_procuration_makes_room_for_a_new_request(alexis, adult_form, clock):
    grant(alexis, adult_form)
    # Valid until 15/07/2024 inclusive, 24:00 in Paris (22:00 UTC in summer).
    clock.now = datetime(2024, 7, 15, 21, 59, tzinfo=UTC)
    assert alexis.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert alexis.current_procuration() is not None
    clock.now = datetime(2024, 7, 15, 22, 0, 1, tzinfo=UTC)
    assert alexis.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert alexis.current_procuration() is None
    alexis.open_procuration()
    assert alexis.screen is Screen.PRINCIPLES
    alexis.start_request()
    assert alexis.screen is Screen.MANDATAIRE
    grant(alexis, adult_form.model_copy(update={"nom": "Leroy"}))
