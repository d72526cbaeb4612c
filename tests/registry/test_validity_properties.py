"""The validity the registry computes, for any instant the app may send (Hypothesis)."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from registry.procurations import validity_at_registry
from shared.clock import paris_date
from shared.rules import validity_end

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)


@given(sent=instants, now=instants)
def test_the_validity_is_never_longer_than_one_month_from_the_registrys_today(sent, now):
    today = paris_date(now)
    created_on, valid_until = validity_at_registry(sent, today)
    assert created_on <= today
    assert valid_until == validity_end(created_on)
    assert valid_until <= validity_end(today)
    assert valid_until - created_on <= timedelta(days=31)


@given(now=instants, late=st.integers(min_value=0, max_value=10**6))
def test_a_grant_sent_late_keeps_the_day_it_was_made(now, late):
    sent = now - timedelta(seconds=late)
    created_on, _ = validity_at_registry(sent, paris_date(now))
    assert created_on == paris_date(sent)


def test_the_evening_of_31_january_in_paris_is_still_january():
    sent = datetime(2024, 1, 31, 22, 30, tzinfo=UTC)  # 23:30 in Paris
    assert validity_at_registry(sent, date(2024, 2, 1)) == (date(2024, 1, 31), date(2024, 2, 29))
