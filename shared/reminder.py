"""The reminder of Accueil and Mes démarches: a procuration about to end, or just ended."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from shared import strings
from shared.clock import full_date
from shared.models import Procuration

ENDING_SOON_FROM = timedelta(days=3)  # shown from three days before the last valid day
ENDED_FOR = timedelta(days=7)  # « ended » is shown for a week after it


class ReminderKind(StrEnum):
    ENDING_SOON = "ending_soon"
    ENDED = "ended"


@dataclass(frozen=True)
class Reminder:
    """What to say, and the button that goes with it (« Ajouter à mon agenda » or « Refaire »)."""

    kind: ReminderKind
    text: str
    action: str
    procuration: Procuration


def reminder(latest: Procuration | None, today: date) -> Reminder | None:
    """The reminder for the account's latest procuration, if one is due today (Paris date)."""
    if latest is None or latest.revoked_at is not None:
        return None
    end = latest.valid_until
    qui, fin = latest.mandataire.short_name(), full_date(end)
    if end - ENDING_SOON_FROM <= today <= end:
        text = strings.REMINDER_ENDING.format(qui=qui, fin=fin)
        return Reminder(ReminderKind.ENDING_SOON, text, strings.ADD_TO_AGENDA, latest)
    if end < today <= end + ENDED_FOR:
        text = strings.REMINDER_ENDED.format(qui=qui, fin=fin)
        return Reminder(ReminderKind.ENDED, text, strings.REDO, latest)
    return None
