"""What a person can do, driven through a session's Actions (no page, no browser)."""

import sqlite3
from datetime import UTC, datetime

import pytest

from mobile.actions import RevokeAnswer
from mobile.routes import Route
from mobile.state import DialogKind
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_NIR
from shared.errors import SignInRefused
from shared.reference import format_reference
from shared.reminder import ReminderKind
from shared.rules import MandataireForm, validity_end
from shared.store import Store
from tests.mobile.phone import Phone

SEED_MINOR = "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"
ACCOUNT_ROUTES = [route for route in Route if route is not Route.SIGN_IN]
# The clock of the fixtures says 15/06/2024: this mandataire turns 18 tomorrow.
MINOR_BIRTH = "16/06/2006"


def fill(phone: Phone, form: MandataireForm) -> None:
    """Type every field of the form, as the person would."""
    for name, value in form.model_dump().items():
        phone.set_field(name, value)


def reach_recap(phone: Phone, form: MandataireForm) -> None:
    phone.go(Route.PROCURATION)
    phone.start_request()
    fill(phone, form)
    phone.next()
    assert phone.url == Route.RECAP, phone.request.problems


def grant(phone: Phone, form: MandataireForm) -> None:
    reach_recap(phone, form)
    phone.certify(True)
    phone.validate()
    assert phone.url == Route.CONFIRMATION, phone.session.message


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


def account_id(phone: Phone, nir: str) -> int:
    with phone.services.store.reading() as tx:
        credentials = tx.credentials(nir)
    assert credentials is not None
    return credentials[0]


# --- sign-in ---------------------------------------------------------------------------------
def test_a_wrong_code_is_refused_with_the_sign_in_message(state):
    state.sign_in(ALEXIS_NIR, "00000000")
    assert state.session.message == SignInRefused(tries_left=4).message
    assert state.session.message.startswith(strings.SIGN_IN_REFUSED)
    assert state.session.account is None
    assert state.url == "/"


def test_a_badly_formed_nir_is_a_problem_on_the_nir_field(state):
    state.sign_in("12345", ALEXIS_CODE)
    assert state.session.sign_in_problem("nir") == strings.MESSAGES["nir_length"]
    assert state.session.sign_in_problem("code") is None
    assert state.session.account is None


def test_five_wrong_codes_lock_the_account_for_thirty_minutes(state):
    for left in (4, 3, 2, 1):
        state.sign_in(ALEXIS_NIR, "00000000")
        assert state.session.message == SignInRefused(tries_left=left).message
    state.sign_in(ALEXIS_NIR, "00000000")
    # 10:00 UTC is 12:00 in Paris in June.
    assert state.session.message == strings.SIGN_IN_LOCKED.format(heure="12:30")
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.session.account is None


def test_a_refused_sign_in_shows_the_nir_again_and_a_success_forgets_it(state):
    state.sign_in(ALEXIS_NIR, "00000000")
    assert state.session.typed_nir == ALEXIS_NIR
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    state.sign_out()
    assert state.session.typed_nir == ""


def test_the_right_code_opens_the_dashboard_and_follows_the_account(state):
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    account = state.session.account
    assert account is not None and account.nir == ALEXIS_NIR
    assert state.url == Route.HOME
    assert state.session.message is None
    assert state.broadcasts.followed == account.id
    assert len(state.session.payments) == 5


def test_signing_in_at_an_account_address_opens_that_screen(state):
    state.nav.url = Route.INFORMATIONS  # a deep link, shown as Connexion while signed out
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.url == Route.INFORMATIONS


def test_signing_in_at_the_recap_address_without_a_checked_form_opens_the_form(state):
    state.nav.url = Route.RECAP
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.url == Route.MANDATAIRE


@pytest.mark.parametrize("route", ACCOUNT_ROUTES, ids=lambda r: r.name)
def test_no_account_screen_is_reachable_while_signed_out(state, route):
    state.go(route)
    assert state.url == Route.SIGN_IN


def test_deconnexion_forgets_the_account_the_request_and_the_dialog(alexis, adult_form):
    alexis.go(Route.PROCURATION)
    fill(alexis, adult_form)
    alexis.show_unavailable("Relevé fiscal")
    alexis.sign_out()
    assert alexis.session.account is None and alexis.session.dialogs.shown is None
    assert alexis.request.form == MandataireForm()
    assert alexis.url == Route.SIGN_IN
    assert alexis.broadcasts.followed is None


# --- the procuration flow ----------------------------------------------------------------------
def test_the_procuration_link_shows_the_principles_when_none_is_active(alexis):
    alexis.go(Route.PROCURATION)
    assert alexis.url == Route.PROCURATION
    assert alexis.session.current is None


def test_the_draft_survives_going_back_to_the_principles_and_switching_tabs(alexis, adult_form):
    alexis.go(Route.PROCURATION)
    alexis.start_request()
    fill(alexis, adult_form)
    alexis.go(Route.PROCURATION)
    alexis.open_tab(1)
    assert alexis.url == Route.PAYMENTS
    alexis.go(Route.PROCURATION)
    alexis.start_request()
    assert alexis.request.form == adult_form


def test_suivant_waits_for_every_mandatory_field_but_not_the_nom_d_usage(alexis, adult_form):
    alexis.start_request()
    assert alexis.request.can_go_next is False
    for name in ("civilite", "nom", "prenom"):
        alexis.set_field(name, getattr(adult_form, name))
        assert alexis.request.can_go_next is False, name
    alexis.set_field("date_naissance", "   ")
    assert alexis.request.can_go_next is False
    alexis.next()
    assert alexis.url == Route.MANDATAIRE
    alexis.set_field("date_naissance", adult_form.date_naissance)
    assert alexis.request.form.nom_usage == ""
    assert alexis.request.can_go_next is True


def test_a_minor_mandataire_is_refused_with_the_seed_message(alexis, adult_form):
    alexis.start_request()
    fill(alexis, adult_form.model_copy(update={"date_naissance": MINOR_BIRTH}))
    alexis.next()
    assert alexis.url == Route.MANDATAIRE
    assert alexis.request.problem("date_naissance") == SEED_MINOR
    assert [p.field for p in alexis.request.problems] == ["date_naissance"]
    alexis.go(Route.RECAP)
    assert alexis.url == Route.MANDATAIRE, "no recap for a form that was refused"


def test_a_mandataire_on_their_eighteenth_birthday_is_accepted(alexis, adult_form):
    reach_recap(alexis, adult_form.model_copy(update={"date_naissance": "15/06/2006"}))


def test_a_valid_form_leads_to_the_recap_not_yet_certified(alexis, adult_form):
    reach_recap(alexis, adult_form)
    assert alexis.request.certified is False
    assert alexis.request.problems == ()
    assert alexis.request.checked is not None and alexis.request.checked.nom == "Dupont"


def test_valider_without_the_certification_does_nothing(alexis, adult_form, services):
    reach_recap(alexis, adult_form)
    alexis.validate()
    assert alexis.url == Route.RECAP
    assert alexis.request.granted is None
    assert services.current_procuration(alexis.session.account.id) is None


def test_retour_from_the_recap_keeps_every_value_and_unticks_the_certification(alexis, adult_form):
    typed = adult_form.model_copy(update={"nom_usage": "Durand"})
    reach_recap(alexis, typed)
    alexis.certify(True)
    alexis.go(Route.MANDATAIRE)
    assert alexis.url == Route.MANDATAIRE
    assert alexis.request.form == typed
    alexis.set_field("nom", "Dupond")
    assert alexis.request.certified is False and alexis.request.checked is None


def test_certify_and_validate_grant_it_for_one_month(alexis, adult_form, services):
    grant(alexis, adult_form)
    granted = alexis.request.granted
    assert granted is not None
    assert granted.valid_until == validity_end(services.today())
    assert granted.valid_until.isoformat() == "2024-07-15"
    assert granted.mandataire.full_name() == "Monsieur Dupont Martin"
    assert alexis.session.current == granted
    assert alexis.request.form == MandataireForm(), "the draft ends with the grant"
    assert alexis.broadcasts.sent == [(granted.account_id, strings.GRANTED_ELSEWHERE)]


def test_after_the_confirmation_back_never_shows_a_recap_that_could_validate(alexis, adult_form):
    grant(alexis, adult_form)
    for route in (Route.RECAP, Route.MANDATAIRE):
        alexis.go(route)
        assert alexis.url == Route.PROCURATION


def test_the_rating_is_saved(alexis, adult_form, services):
    grant(alexis, adult_form)
    alexis.rate(4)
    granted = alexis.request.granted
    assert granted is not None
    assert services.rating(granted.id) == 4
    assert alexis.request.rating == 4
    assert alexis.session.notice == strings.RATE_SAVED.format(n=4)


def test_retour_au_tableau_de_bord_ends_the_request(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.back_to_dashboard()
    assert alexis.url == Route.HOME
    alexis.go(Route.CONFIRMATION)
    assert alexis.url == Route.PROCURATION


# --- revocation -----------------------------------------------------------------------------
def test_asking_to_revoke_opens_the_seed_dialog(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.go(Route.PROCURATION)
    alexis.ask_revoke()
    dialog = alexis.session.dialogs.shown
    assert dialog is not None and dialog.kind is DialogKind.REVOKE
    assert dialog.title == "Révocation de procuration"
    assert dialog.text == strings.REVOKE_TEXT


def test_retour_in_the_dialog_keeps_the_procuration(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.ask_revoke()
    alexis.answer_revoke(RevokeAnswer.BACK)
    assert alexis.session.dialogs.shown is None
    assert alexis.session.current is not None


def test_revoking_ends_it_and_the_procuration_page_shows_the_principles(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.go(Route.PROCURATION)
    alexis.ask_revoke()
    alexis.answer_revoke(RevokeAnswer.REVOKE)
    assert alexis.session.current is None
    assert alexis.session.dialogs.shown is None
    assert alexis.session.notice == strings.REVOKED_DONE
    assert alexis.url == Route.PROCURATION
    assert alexis.broadcasts.sent[-1][1] == strings.REVOKED_ELSEWHERE


def test_asking_to_revoke_what_another_device_revoked_says_so(alexis, adult_form, services):
    grant(alexis, adult_form)
    alexis.go(Route.INFORMATIONS)
    services.revoke(alexis.session.account.id)
    alexis.ask_revoke()
    assert alexis.session.dialogs.shown is None
    assert alexis.session.current is None
    assert alexis.session.notice == strings.ALREADY_ENDED


def test_a_grant_elsewhere_takes_the_form_away_with_a_notice(alexis, adult_form, services):
    alexis.start_request()
    fill(alexis, adult_form)
    other = Phone(services)
    other.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    grant(other, adult_form)
    account_id_, notice = other.broadcasts.sent[-1]
    alexis.changed_elsewhere(account_id_, notice)
    assert alexis.session.current is not None
    assert alexis.url == Route.PROCURATION
    assert alexis.session.notice == strings.GRANTED_ELSEWHERE


def test_a_revocation_elsewhere_closes_the_revoke_dialog(alexis, adult_form, services):
    grant(alexis, adult_form)
    alexis.ask_revoke()
    services.revoke(alexis.session.account.id)
    alexis.changed_elsewhere(alexis.session.account.id, strings.REVOKED_ELSEWHERE)
    assert alexis.session.dialogs.shown is None and alexis.session.current is None
    assert alexis.session.notice == strings.REVOKED_ELSEWHERE


def test_escape_closes_any_dialog(alexis):
    alexis.show_help("Titre", "Texte")
    alexis.key("Escape")
    assert alexis.session.dialogs.shown is None


# --- idle session ---------------------------------------------------------------------------
IDLE_ACTIONS = {
    "go": lambda s: s.go(Route.PAYMENTS),
    "start_request": lambda s: s.start_request(),
    "next": lambda s: (s.set_field("nom", "x"), s.next()),
    "validate": lambda s: s.validate(),
    "ask_revoke": lambda s: s.ask_revoke(),
    "revoke": lambda s: s.answer_revoke(RevokeAnswer.REVOKE),
    "download": lambda s: s.download_document(),
}


@pytest.mark.parametrize("action", IDLE_ACTIONS.values(), ids=IDLE_ACTIONS.keys())
def test_after_fifteen_idle_minutes_the_next_action_signs_out(alexis, clock, action):
    clock.advance(minutes=15, seconds=1)
    action(alexis)
    assert alexis.session.account is None
    assert alexis.url == Route.SIGN_IN
    assert alexis.session.message == strings.SESSION_EXPIRED


def test_the_idle_timer_signs_out_after_fifteen_minutes(alexis, clock):
    clock.advance(minutes=15, seconds=1)
    alexis.check_idle()
    assert alexis.session.account is None
    assert alexis.url == Route.SIGN_IN
    assert alexis.session.message == strings.SESSION_EXPIRED


def test_fourteen_idle_minutes_keep_the_session(alexis, clock):
    clock.advance(minutes=14)
    alexis.check_idle()
    alexis.go(Route.PAYMENTS)
    assert alexis.session.account is not None
    assert alexis.url == Route.PAYMENTS
    clock.advance(minutes=14)
    alexis.go(Route.HOME)
    assert alexis.url == Route.HOME, "each action restarts the 15 minutes"


# --- isolation, storage, expiry ------------------------------------------------------------
def test_two_phones_never_see_each_other(alexis, camille, adult_form):
    alexis.start_request()
    camille.start_request()
    fill(alexis, adult_form)
    assert camille.request.form == MandataireForm()
    camille.set_field("nom", "Bernard")
    assert alexis.request.form.nom == "Dupont"
    alexis.next()
    alexis.certify(True)
    alexis.validate()
    assert alexis.url == Route.CONFIRMATION
    assert camille.url == Route.MANDATAIRE
    assert camille.session.current is None
    assert camille.session.account.nir == CAMILLE_NIR
    assert alexis.session.account.nir == ALEXIS_NIR


def test_a_full_disk_keeps_the_recap_and_writes_nothing(alexis, adult_form, services):
    reach_recap(alexis, adult_form)
    alexis.certify(True)
    fill_the_disk(services.store, account_id(alexis, CAMILLE_NIR))
    before = count_rows(services.store)
    alexis.validate()
    assert alexis.session.message == strings.STORAGE_FAILED
    assert alexis.url == Route.RECAP
    assert alexis.request.form == adult_form
    assert count_rows(services.store) == before
    assert alexis.session.current is None


def test_an_expired_procuration_makes_room_for_a_new_request(alexis, adult_form, clock):
    grant(alexis, adult_form)
    # Valid until 15/07/2024 inclusive, 24:00 in Paris (22:00 UTC in summer).
    clock.now = datetime(2024, 7, 15, 22, 0, 1, tzinfo=UTC)
    alexis.sign_out()
    alexis.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert alexis.session.current is None
    alexis.go(Route.PROCURATION)
    alexis.start_request()
    assert alexis.url == Route.MANDATAIRE
    grant(alexis, adult_form.model_copy(update={"nom": "Leroy"}))


# --- the document, « Mes procurations », the reminder (issue 12) -------------------------------
def test_the_document_is_made_from_the_active_procuration_and_handed_over(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.download_document()
    [given] = alexis.handed.files
    reference = format_reference(alexis.session.current.reference)
    assert (given.name, given.media_type) == (f"procuration-{reference}.pdf", "application/pdf")
    assert given.content.startswith(b"%PDF")
    assert alexis.session.message is None
    assert alexis.session.busy is False


def test_a_revoked_procuration_gives_no_document_and_says_so(alexis, adult_form, services):
    grant(alexis, adult_form)
    services.revoke(account_id(alexis, ALEXIS_NIR))  # on another device
    alexis.download_document()
    assert alexis.handed.files == []
    assert alexis.session.message == strings.NO_DOCUMENT
    assert alexis.session.current is None, "its button goes with it"


def test_a_storage_failure_while_making_the_document_is_the_screen_s_message(
    alexis, adult_form, services
):
    grant(alexis, adult_form)
    services.store.close()
    alexis.download_document()
    assert alexis.handed.files == []
    assert alexis.session.message == strings.STORAGE_FAILED


def test_the_agenda_file_is_the_ics_of_the_last_day(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.add_to_agenda()
    [given] = alexis.handed.files
    assert given.media_type == "text/calendar"
    assert b"DTSTART;VALUE=DATE:20240715" in given.content


def test_signing_in_reads_the_history_newest_first(alexis, adult_form, services):
    grant(alexis, adult_form)
    alexis.ask_revoke()
    alexis.answer_revoke(RevokeAnswer.REVOKE)
    grant(alexis, adult_form.model_copy(update={"nom": "Leroy"}))
    assert [p.mandataire.nom for p in alexis.session.history] == ["Leroy", "Dupont"]
    other = Phone(services)
    other.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert [p.mandataire.nom for p in other.session.history] == ["Leroy", "Dupont"]


def test_refaire_fills_the_form_with_that_mandataire_and_checks_it_again(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.ask_revoke()
    alexis.answer_revoke(RevokeAnswer.REVOKE)
    [past] = alexis.session.history
    alexis.redo(past)
    assert alexis.url == Route.MANDATAIRE
    assert alexis.request.form == adult_form
    assert alexis.request.checked is None, "the recap waits for « Suivant »"
    alexis.next()
    assert alexis.url == Route.RECAP


def test_refaire_while_one_is_active_shows_the_active_one(alexis, adult_form):
    grant(alexis, adult_form)
    alexis.redo(alexis.session.current)
    assert alexis.url == Route.PROCURATION


def test_granting_and_revoking_read_the_reminder_again(alexis, adult_form, clock):
    grant(alexis, adult_form)
    clock.now = datetime(2024, 7, 12, 10, 0, tzinfo=UTC)  # three days before the end
    alexis.sign_out()
    alexis.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert alexis.session.reminder.kind is ReminderKind.ENDING_SOON
    alexis.ask_revoke()
    alexis.answer_revoke(RevokeAnswer.REVOKE)
    assert alexis.session.reminder is None


@pytest.mark.parametrize(
    "route", [r for r in ACCOUNT_ROUTES if r is not Route.HOME], ids=lambda r: r.name
)
def test_a_session_that_starts_at_an_account_address_says_why_it_must_sign_in(state, route):
    state.opened_at(route)
    assert state.session.notice == strings.SESSION_LOST
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.session.notice is None


@pytest.mark.parametrize("path", [Route.SIGN_IN, Route.HOME, "/nulle-part"])
def test_a_session_that_starts_at_connexion_accueil_or_nowhere_says_nothing(state, path):
    state.opened_at(path)
    assert state.session.notice is None
