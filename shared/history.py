"""« Mes procurations »: each procuration as the list shows it, and the form to make it again."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shared import strings
from shared.clock import full_date, paris_date
from shared.models import Mandataire, Procuration, Status
from shared.reference import format_reference
from shared.rules import MandataireForm


@dataclass(frozen=True)
class HistoryEntry:
    """One line of « Mes procurations », every text ready to show."""

    procuration: Procuration
    status: Status
    mandataire: str
    period: str
    reference: str
    status_text: str
    can_redo: bool


def status_text(procuration: Procuration, today: date) -> str:
    """« en cours », « révoquée le JJ/MM/AAAA » (Paris date) or « expirée le JJ/MM/AAAA »."""
    status = procuration.status(today)
    if status is Status.REVOKED and procuration.revoked_at is not None:
        return strings.STATUS_REVOKED.format(date=full_date(paris_date(procuration.revoked_at)))
    if status is Status.EXPIRED:
        return strings.STATUS_EXPIRED.format(date=full_date(procuration.valid_until))
    return strings.STATUS_ACTIVE


def history_entries(procurations: Sequence[Procuration], today: date) -> list[HistoryEntry]:
    """The entries in the order given (the store's: newest first).

    « Refaire » is offered on past procurations only while none is active: one at a time.
    """
    none_active = not any(p.is_active(today) for p in procurations)
    return [
        HistoryEntry(
            procuration=p,
            status=p.status(today),
            mandataire=p.mandataire.full_name(),
            period=strings.HISTORY_PERIOD.format(
                debut=full_date(p.created_on), fin=full_date(p.valid_until)
            ),
            reference=format_reference(p.reference),
            status_text=status_text(p, today),
            can_redo=none_active,
        )
        for p in procurations
    ]


def form_for(mandataire: Mandataire) -> MandataireForm:
    """The mandataire form filled with a past mandataire; « Suivant » checks it all again."""
    return MandataireForm(
        civilite=mandataire.civilite.value,
        nom=mandataire.nom,
        nom_usage=mandataire.nom_usage or "",
        prenom=mandataire.prenom,
        date_naissance=full_date(mandataire.date_naissance),
    )
