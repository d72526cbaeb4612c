"""Dates and amounts as a French reader expects them."""

from datetime import UTC, date, datetime, timedelta

from shared.clock import full_date as full_date  # JJ/MM/AAAA: the domain's texts use it too
from shared.strings import MONTHS_SHORT


def day_month(day: date) -> str:
    """« 28 janv. », as in « Mes derniers paiements »."""
    return f"{day.day:02d} {MONTHS_SHORT[day.month - 1]}"


def amount(cents: int) -> str:
    """« 16,10 € »."""
    euros, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{euros:,}".replace(",", "\u202f") + f",{rest:02d}\u00a0€"


def picked_day(value: date) -> date:
    """The day chosen in Flet's DatePicker.

    The client sends its local midnight converted to UTC; the nearest UTC midnight is that
    day for every time zone from UTC−12 to UTC+12 (all of France, overseas included).
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return (value + timedelta(hours=12)).date()
    return value
