"""The use cases: plain values in, domain objects or domain errors out, one transaction each."""

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from shared import outbox, strings
from shared.clock import Clock, paris_date, system_clock
from shared.download import Download
from shared.errors import (
    AccountLocked,
    InvalidInput,
    NoActiveProcuration,
    NotSignedIn,
    ProcurationAlreadyActive,
    SignInRefused,
)
from shared.limits import LOCK_DURATION, MAX_FAILURES
from shared.models import Account, Payment, Problem, Procuration, Rating
from shared.nir import read_nir
from shared.reference import format_reference, new_reference
from shared.reminder import Reminder, reminder
from shared.rules import MandataireForm, read_mandataire, validity_end
from shared.secrets import code_matches, lookup_key
from shared.standing import Standing, Transmission
from shared.store import Store

if TYPE_CHECKING:  # httpx is loaded only where a registry is configured (shared/sync.py)
    from shared.sync import Sync

log = logging.getLogger(__name__)

CODE_MAX = 64


def check_sign_in(nir_text: str, code: str) -> tuple[str | None, list[Problem]]:
    """The 13-character NIR typed, or the problems of the sign-in form."""
    nir13, problems = read_nir(nir_text)
    if not code:
        problems.append(Problem(field="code", code="required"))
    return nir13, problems


def refuse_if_locked(locked_until: datetime | None, now: datetime) -> None:
    """AccountLocked while a lock set by too many failures still runs."""
    if locked_until is not None and now < locked_until:
        raise AccountLocked(locked_until)


def count_attempt(
    failures: int, locked_until: datetime | None, matches: bool, now: datetime
) -> tuple[int, datetime | None]:
    """Failures and lock after one attempt; AccountLocked if a lock still runs.

    A success resets the count; a lock that ran out starts a fresh count of failures.
    """
    refuse_if_locked(locked_until, now)
    if matches:
        return 0, None
    failures = (0 if locked_until is not None else failures) + 1
    return failures, now + LOCK_DURATION if failures >= MAX_FAILURES else None


class Services:
    """What the screens may ask of the domain; the clock is injected."""

    def __init__(
        self, store: Store, clock: Clock = system_clock, sync: "Sync | None" = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.sync = sync  # None: the app alone, no outbox (REGISTRY_URL unset)

    def today(self) -> date:
        """Today in Europe/Paris."""
        return paris_date(self.clock())

    def sign_in(self, nir_text: str, code: str) -> Account:
        """The account for that NIR and code; 5 failures in a row lock it for 30 minutes."""
        nir13, problems = check_sign_in(nir_text, code)
        if nir13 is None or problems:
            raise InvalidInput(problems)
        key, now = lookup_key(nir13), self.clock()
        with self.store.reading() as tx:
            refuse_if_locked(tx.attempts(key)[1], now)
            credentials = tx.credentials(nir13)
        # The key derivation runs outside the store's lock; an unknown NIR costs the same work.
        stored = credentials[1] if credentials else None
        matches = code_matches(code[:CODE_MAX], stored) and credentials is not None
        account_id = credentials[0] if credentials else None
        with self.store.transaction() as tx:
            failures, lock = count_attempt(*tx.attempts(key), matches, now)
            tx.set_attempts(key, failures, lock)
            if matches and account_id is not None:
                account = tx.account(account_id)
            else:
                account = None
                tx.add_event("sign_in_failed", now, account_id)
                if lock:
                    tx.add_event("locked", now, account_id)
        if account is None:
            log.info("sign-in refused (failure %d of %d)", failures, MAX_FAILURES)
            if failures >= MAX_FAILURES:
                raise AccountLocked(now + LOCK_DURATION)
            raise SignInRefused(tries_left=MAX_FAILURES - failures)
        log.info("sign-in accepted for account %d", account.id)
        if self.sync is not None:
            self.sync.link(account.id, nir13, code[:CODE_MAX])
        return account

    def account(self, account_id: int) -> Account:
        with self.store.reading() as tx:
            account = tx.account(account_id)
        if account is None:
            raise NotSignedIn()
        return account

    def payments(self, account_id: int) -> list[Payment]:
        with self.store.reading() as tx:
            return tx.payments(account_id)

    def current_procuration(self, account_id: int) -> Procuration | None:
        """The active procuration, if any (expired and revoked ones are not current)."""
        with self.store.reading() as tx:
            latest = tx.latest_procuration(account_id)
        return latest if latest and latest.is_active(self.today()) else None

    def history(self, account_id: int) -> list[Procuration]:
        """Every procuration of the account, newest first."""
        with self.store.reading() as tx:
            return tx.procurations(account_id)

    def grant(self, account_id: int, form: MandataireForm) -> Procuration:
        """Record the procuration typed in the form, effective at once for one month."""
        with self.store.transaction() as tx:
            # The instant is read once the write lock is held, so that the order of the
            # timestamps is the order in which the store applied the changes.
            now = self.clock()
            today = paris_date(now)
            assure = tx.account(account_id)
            if assure is None:
                raise NotSignedIn()
            reading = read_mandataire(form, today, assure)
            if reading.mandataire is None:
                raise InvalidInput(list(reading.problems))
            latest = tx.latest_procuration(account_id)
            if latest is not None and latest.is_active(today):
                raise ProcurationAlreadyActive()
            reference = new_reference()
            while tx.reference_taken(reference):
                reference = new_reference()
            procuration = tx.add_procuration(
                account_id, reading.mandataire, now, today, validity_end(today), reference
            )
            tx.add_event("granted", now, account_id, procuration.id)
            if self.sync is not None:
                outbox.add(tx, "grant", procuration, now)
        if self.sync is not None:
            self.sync.notify()
        log.info("procuration %d granted for account %d", procuration.id, account_id)
        return procuration

    def revoke(self, account_id: int) -> Procuration | None:
        """Revoke the active procuration at once; nothing to revoke is no error."""
        with self.store.transaction() as tx:
            now = self.clock()
            latest = tx.latest_procuration(account_id)
            if latest is None or not latest.is_active(paris_date(now)):
                return None
            tx.set_revoked(latest.id, now)
            tx.add_event("revoked", now, account_id, latest.id)
            revoked = tx.procuration(latest.id)
            if self.sync is not None and revoked is not None:
                outbox.add(tx, "revoke", revoked, now)
        if self.sync is not None:
            self.sync.notify()
        log.info("procuration %d revoked for account %d", latest.id, account_id)
        return revoked

    def rate(self, account_id: int, procuration_id: int, stars: int) -> Rating:
        """Save the mark (1 to 5) given to the démarche that made this procuration."""
        if not 1 <= stars <= 5:
            raise InvalidInput([Problem(field="rating", code="rating_range")])
        with self.store.transaction() as tx:
            procuration = tx.procuration(procuration_id)
            if procuration is None or procuration.account_id != account_id:
                raise NotSignedIn()
            tx.set_rating(procuration_id, stars, self.clock())
        return Rating(procuration_id=procuration_id, stars=stars)

    def rating(self, procuration_id: int) -> int | None:
        with self.store.reading() as tx:
            return tx.rating(procuration_id)

    def document(self, account_id: int) -> Download:
        """The PDF of the active procuration, made now; a revoked or expired one has none."""
        # fpdf2 takes about a quarter of a second to import: paid on the first document only.
        from shared.document import procuration_pdf

        account, procuration = self._active(account_id)
        content = procuration_pdf(procuration, account, self.clock())
        name = strings.DOCUMENT_FILE.format(reference=format_reference(procuration.reference))
        log.info("document made for procuration %d", procuration.id)
        return Download(name=name, media_type="application/pdf", content=content)

    def agenda(self, account_id: int) -> Download:
        """The calendar file (.ics) of the active procuration's last day."""
        from shared.agenda import procuration_ics  # icalendar's import: 0.1 s, on first use

        _, procuration = self._active(account_id)
        content = procuration_ics(procuration, self.clock())
        name = strings.AGENDA_FILE.format(reference=format_reference(procuration.reference))
        return Download(name=name, media_type="text/calendar", content=content)

    def reminder(self, account_id: int) -> Reminder | None:
        """The reminder due today for the account's latest procuration, if any."""
        with self.store.reading() as tx:
            latest = tx.latest_procuration(account_id)
        return reminder(latest, self.today())

    def _active(self, account_id: int) -> tuple[Account, Procuration]:
        with self.store.reading() as tx:
            account = tx.account(account_id)
            latest = tx.latest_procuration(account_id)
        if account is None:
            raise NotSignedIn()
        if latest is None or not latest.is_active(self.today()):
            raise NoActiveProcuration()
        return account, latest

    def standing(self, procuration: Procuration) -> Standing:
        """Where this procuration stands with the caisse (« Transmise… », « Pas encore… »)."""
        with self.store.reading() as tx:
            procuration = tx.procuration(procuration.id) or procuration  # as stored now
            pending = outbox.pending_kinds(tx, procuration.id)
            granted_at, revoked_at = outbox.transmitted(tx, procuration.id)
            checks = tuple(outbox.checks(tx, procuration.id))
        if procuration.refused_reason is not None:
            grant = Transmission.REFUSED
        elif "grant" in pending:
            grant = Transmission.PENDING
        elif granted_at is not None:
            grant = Transmission.TRANSMITTED
        else:
            grant = Transmission.OFFLINE
        revocation = None
        if procuration.revoked_at is not None and grant is not Transmission.REFUSED:
            revocation = (
                Transmission.PENDING
                if "revoke" in pending or grant is Transmission.PENDING
                else Transmission.TRANSMITTED
                if revoked_at is not None
                else Transmission.OFFLINE
            )
        waiting = Transmission.PENDING in (grant, revocation)
        needs_sign_in = waiting and (
            self.sync is None or not self.sync.has_token(procuration.account_id)
        )
        return Standing(
            grant=grant,
            granted_at=granted_at,
            refused_reason=procuration.refused_reason,
            revocation=revocation,
            revoked_at=revoked_at,
            checks=checks,
            needs_sign_in=needs_sign_in,
        )

    def retry(self, account_id: int) -> int:
        """« Réessayer »: send the account's waiting changes now; how many got through."""
        return self.sync.retry(account_id) if self.sync is not None else 0
