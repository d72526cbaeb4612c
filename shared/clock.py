"""The injected clock and the Europe/Paris calendar date."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


def paris_date(moment: datetime) -> date:
    """The calendar date in Paris at that moment (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(PARIS).date()


def paris_time(moment: datetime) -> str:
    """HH:MM in Paris at that moment."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(PARIS).strftime("%H:%M")


def full_date(day: date) -> str:
    """JJ/MM/AAAA, as every date is written to the person."""
    return day.strftime("%d/%m/%Y")
