"""Expiry: the store is prepared before the app starts, with a procuration that ended
yesterday (and one that ends today) — no fake clock needed, the app reads real dates."""

import calendar
from datetime import UTC, date, datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.clock import PARIS
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.rules import validity_end

pytestmark = pytest.mark.browser


def month_before(day: date) -> date:
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def insert_procuration(conn, account_id, civilite, nom, prenom, valid_until):
    """A row as the app writes it (shared/schema.py), created one month before its end."""
    created_on = month_before(valid_until)
    created_at = datetime.combine(created_on, time(10, 0), tzinfo=PARIS).astimezone(UTC)
    cursor = conn.execute(
        "INSERT INTO procurations (account_id, civilite, nom, nom_usage, prenom, "
        "date_naissance, created_at, created_on, valid_until, revoked_at) "
        "VALUES (?, ?, ?, NULL, ?, '1975-05-17', ?, ?, ?, NULL)",
        (
            account_id,
            civilite,
            nom,
            prenom,
            created_at.isoformat(),
            created_on.isoformat(),
            valid_until.isoformat(),
        ),
    )
    conn.execute(
        "INSERT INTO events (at, kind, account_id, procuration_id) VALUES (?, 'granted', ?, ?)",
        (created_at.isoformat(), account_id, cursor.lastrowid),
    )


YESTERDAY_MANDATAIRE = ("Madame", "Girard", "Anne")  # Camille's, ended yesterday
TODAY_MANDATAIRE = ("Monsieur", "Petit", "Louis")  # Alexis's, ends today


@pytest.fixture(scope="module")
def server(new_server):
    """Start once (migrate and seed), stop, write the procurations, start again."""
    today = datetime.now(UTC).astimezone(PARIS).date()
    app = new_server()
    app.start()
    app.stop()
    with app.db() as conn:
        for nir, mandataire, end in (
            (CAMILLE_NIR, YESTERDAY_MANDATAIRE, today - timedelta(days=1)),
            (ALEXIS_NIR, TODAY_MANDATAIRE, today),
        ):
            (account_id,) = conn.execute("SELECT id FROM accounts WHERE nir = ?", (nir,)).fetchone()
            insert_procuration(conn, account_id, *mandataire, valid_until=end)
    app.start()
    try:
        yield app
    finally:
        app.stop()


def test_expired_yesterday_is_not_current_and_a_new_one_can_be_granted(server, person, paris_today):
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    # Accueil no longer calls it current: it says it has ended (the reminder of issue 12).
    ended = (paris_today - timedelta(days=1)).strftime("%d/%m/%Y")
    person.expect_text(strings.REMINDER_ENDED.format(qui="Mme GIRARD", fin=ended))
    person.expect_no_text(strings.HOME_ACTIVE.split(":")[0])
    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(f"{strings.INFO_PROCURATION} {strings.INFO_NONE}")
    person.expect_no_text("Mme GIRARD")
    expect(person.button(strings.REVOKE)).to_have_count(0)

    # « Faire ou révoquer une procuration en ligne » offers the form again.
    person.open_procuration()
    expect(person.button(strings.START_REQUEST)).to_be_visible()
    person.expect_no_text(strings.ACTIVE_NOW.split(".")[0])

    person.grant(civilite=strings.MONSIEUR, nom="Dupont", prenom="Martin")
    person.click_tab(strings.TAB_INFORMATIONS)
    fin = validity_end(paris_today).strftime("%d/%m/%Y")
    person.expect_text(strings.INFO_GRANTED.format(qui="M. DUPONT", fin=fin))
    with server.db() as conn:
        count = conn.execute(
            "SELECT count(*) FROM procurations WHERE account_id = ?",
            (server.account_id(CAMILLE_NIR),),
        ).fetchone()
    assert count == (2,)


def test_last_day_is_still_current(person, paris_today):
    """Valid until the end of its last day (24:00 Europe/Paris)."""
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    fin = paris_today.strftime("%d/%m/%Y")
    person.expect_text(strings.HOME_ACTIVE.format(qui="M. PETIT", fin=fin))
    person.click_tab(strings.TAB_INFORMATIONS)
    person.expect_text(strings.INFO_GRANTED.format(qui="M. PETIT", fin=fin))
    person.open_procuration()
    person.expect_text(strings.ACTIVE_NOW.format(fin=fin))
    person.expect_text(strings.GRANTED_TO.format(qui="Monsieur Petit Louis"))
    expect(person.button(strings.START_REQUEST)).to_have_count(0)
