"""The reminder: from three days before the last valid day, then for a week after it."""

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shared import strings
from shared.models import Civilite, Mandataire, Procuration
from shared.reminder import ReminderKind, reminder
from shared.rules import validity_end

DUPONT = Mandataire(
    civilite=Civilite.MONSIEUR, nom="Dupont", prenom="Martin", date_naissance=date(1970, 9, 20)
)
DAYS = st.dates(date(2000, 1, 1), date(2099, 12, 1))


def made_on(day: date, revoked_after: timedelta | None = None) -> Procuration:
    created = datetime.combine(day, time(8), tzinfo=UTC)
    return Procuration(
        id=1,
        account_id=1,
        mandataire=DUPONT,
        created_at=created,
        created_on=day,
        valid_until=validity_end(day),
        reference="K7QM29XHT1",
        revoked_at=None if revoked_after is None else created + revoked_after,
    )


def test_the_texts_name_the_mandataire_and_the_last_day():
    procuration = made_on(date(2020, 9, 20))  # last valid day 20/10/2020
    soon = reminder(procuration, date(2020, 10, 17))
    assert soon is not None and soon.kind is ReminderKind.ENDING_SOON
    assert soon.text == "Votre procuration pour M. DUPONT prend fin le 20/10/2020."
    assert soon.action == strings.ADD_TO_AGENDA == "Ajouter à mon agenda"
    ended = reminder(procuration, date(2020, 10, 21))
    assert ended is not None and ended.kind is ReminderKind.ENDED
    assert ended.text.startswith("Votre procuration pour M. DUPONT a pris fin le 20/10/2020.")
    assert ended.action == strings.REDO
    assert ended.procuration == procuration


@settings(max_examples=300, deadline=None)
@given(DAYS)
def test_exactly_three_days_before_the_end_it_is_shown_four_days_before_it_is_not(day):
    procuration = made_on(day)
    end = procuration.valid_until
    assert reminder(procuration, end - timedelta(days=4)) is None
    for before in (3, 2, 1, 0):
        shown = reminder(procuration, end - timedelta(days=before))
        assert shown is not None and shown.kind is ReminderKind.ENDING_SOON


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(1, 7))
def test_the_day_after_the_end_and_for_a_week_it_says_it_has_ended(day, after):
    procuration = made_on(day)
    shown = reminder(procuration, procuration.valid_until + timedelta(days=after))
    assert shown is not None and shown.kind is ReminderKind.ENDED
    assert reminder(procuration, procuration.valid_until + timedelta(days=8)) is None


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(-40, 40), st.integers(0, 30 * 24))
def test_a_revoked_procuration_has_no_reminder(day, offset, hours):
    procuration = made_on(day, revoked_after=timedelta(hours=hours))
    assert reminder(procuration, procuration.valid_until + timedelta(days=offset)) is None


def test_no_procuration_no_reminder():
    assert reminder(None, date(2024, 6, 15)) is None


def test_the_service_reminds_of_the_latest_procuration_only(services, clock, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)  # 15/06/2024, last valid day 15/07/2024
    assert services.reminder(alexis_id) is None
    clock.now = datetime(2024, 7, 11, 22, 0, tzinfo=UTC)  # 00:00 on 12 July in Paris
    shown = services.reminder(alexis_id)
    assert shown is not None and shown.text.endswith("prend fin le 15/07/2024.")
    clock.now = datetime(2024, 7, 11, 21, 59, tzinfo=UTC)  # still 11 July in Paris
    assert services.reminder(alexis_id) is None
    clock.now = datetime(2024, 7, 16, 8, 0, tzinfo=UTC)
    ended = services.reminder(alexis_id)
    assert ended is not None and ended.kind is ReminderKind.ENDED
    services.grant(alexis_id, adult_form)  # a newer one: the ended one is not the latest
    assert services.reminder(alexis_id) is None
