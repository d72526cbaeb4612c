"""Where one procuration stands with the caisse: what the app shows next to it, in French."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shared import strings
from shared.clock import paris_date, paris_time


class Transmission(StrEnum):
    OFFLINE = "offline"  # no registry configured: known only on this device
    PENDING = "pending"  # in the outbox, not yet answered
    TRANSMITTED = "transmitted"
    REFUSED = "refused"


def _on(at: datetime) -> dict[str, str]:
    return {"date": paris_date(at).strftime("%d/%m/%Y"), "heure": paris_time(at)}


@dataclass(frozen=True)
class Standing:
    """The grant's transmission, the revocation's (None if not revoked), the counter's checks."""

    grant: Transmission
    granted_at: datetime | None = None
    refused_reason: str | None = None
    revocation: Transmission | None = None
    revoked_at: datetime | None = None
    checks: tuple[datetime, ...] = ()
    needs_sign_in: bool = False  # pending, but the registry token has expired

    @property
    def can_retry(self) -> bool:
        """Show « Réessayer »: something waits and a token can carry it."""
        waiting = Transmission.PENDING in (self.grant, self.revocation)
        return waiting and not self.needs_sign_in

    def lines(self) -> list[str]:
        """The sentences to show under the procuration, in this order."""
        out: list[str] = []
        if self.grant is Transmission.OFFLINE:
            out.append(strings.SYNC_OFFLINE)
        elif self.grant is Transmission.REFUSED:
            out.append(strings.SYNC_REFUSED.format(motif=self.refused_reason or ""))
        elif self.grant is Transmission.TRANSMITTED and self.granted_at is not None:
            out.append(strings.SYNC_TRANSMITTED.format(**_on(self.granted_at)))
        else:
            out.append(strings.SYNC_PENDING)
        if self.revocation is Transmission.PENDING:
            out.append(strings.SYNC_REVOCATION_PENDING)
        elif self.revocation is Transmission.TRANSMITTED and self.revoked_at is not None:
            out.append(strings.SYNC_REVOCATION_TRANSMITTED.format(**_on(self.revoked_at)))
        if self.needs_sign_in and Transmission.PENDING in (self.grant, self.revocation):
            out.append(strings.SYNC_SIGN_IN_AGAIN)
        out += [strings.SYNC_CHECKED.format(**_on(at)) for at in self.checks]
        return out
