"""The app's side of the sync: sends the outbox to the caisse's registry over httpx.

Entries of one account go in the order they were made; a failure to reach the registry
postpones that account's entries with exponential backoff (persisted, so it survives a
restart); a final answer (applied, or refused with its French reason) removes the entry in the
same transaction that records it. The registry applies each idempotency key once, so sending
again after a crash, a timeout or a lost answer changes nothing there.

The registry token obtained at sign-in is kept in the store, so that a restarted app can still
deliver; once it expires, the account's entries wait until the person signs in again.
"""

import logging
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx

from shared import outbox
from shared.clock import Clock, system_clock
from shared.models import Procuration
from shared.outbox import Entry
from shared.store import Store

log = logging.getLogger(__name__)

FIRST_DELAY = timedelta(seconds=2)
MAX_DELAY = timedelta(minutes=5)
TIMEOUT = httpx.Timeout(5.0, connect=3.0)
_FINAL = {200, 201, 404, 409, 422}  # the registry's answers that sending again cannot change


def backoff(attempts: int) -> timedelta:
    """2 s, 4 s, 8 s… after each failed attempt, never more than 5 minutes."""
    return min(MAX_DELAY, FIRST_DELAY * (1 << min(max(attempts - 1, 0), 20)))


def reason(body: dict[str, Any]) -> str:
    """The French reason of a refusal: the first field's message, else the general one."""
    problems = body.get("problems") or []
    return str(problems[0]["message"] if problems else body.get("message", ""))


def _when(text: object) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


class Sync:
    """One per process: the store, the registry's URL, and a hook to wake the sending loop."""

    def __init__(
        self,
        store: Store,
        url: str,
        clock: Clock = system_clock,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        self.store = store
        self.clock = clock
        self.client = httpx.Client(
            base_url=url.rstrip("/") + "/v1", timeout=timeout, transport=transport
        )
        self.on_new_entry: Callable[[], None] | None = None

    def close(self) -> None:
        self.client.close()

    def notify(self) -> None:
        """Called after a change was queued: wake the loop that sends."""
        if self.on_new_entry is not None:
            self.on_new_entry()

    # --- tokens -----------------------------------------------------------------------------
    def link(self, account_id: int, nir13: str, code: str) -> bool:
        """Sign in at the registry with what the person just typed; keep only the token."""
        try:
            reply = self.client.post("/sessions/insured", json={"nir": nir13, "code": code})
        except httpx.HTTPError as error:
            log.info("registry unreachable at sign-in (%s)", type(error).__name__)
            return False
        if reply.status_code != 201:
            log.info("registry refused the sign-in (HTTP %d)", reply.status_code)
            return False
        body = reply.json()
        with self.store.transaction() as tx:
            outbox.set_token(
                tx, account_id, str(body["token"]), datetime.fromisoformat(body["expires_at"])
            )
        self.notify()
        return True

    def has_token(self, account_id: int) -> bool:
        with self.store.reading() as tx:
            return outbox.token(tx, account_id, self.clock()) is not None

    # --- sending ------------------------------------------------------------------------------
    def deliver(self, account_id: int | None = None) -> int:
        """Send every due entry (of all accounts, or one); the number answered for good."""
        now = self.clock()
        with self.store.reading() as tx:
            queued = outbox.entries(tx, account_id)
            accounts = {e.account_id: outbox.token(tx, e.account_id, now) for e in queued}
        done = 0
        blocked: set[int] = set()
        for entry in queued:
            token = accounts[entry.account_id]
            if entry.account_id in blocked or token is None:
                continue
            if entry.next_attempt_at > now:
                blocked.add(entry.account_id)  # keep the order: later entries wait too
                continue
            if self._send(entry, token):
                done += 1
            else:
                blocked.add(entry.account_id)
        return done

    def _send(self, entry: Entry, token: str) -> bool:
        with self.store.reading() as tx:
            procuration = tx.procuration(entry.procuration_id)
        assert procuration is not None, "an outbox entry outlived its procuration"
        headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": entry.key}
        try:
            if entry.kind == "grant":
                reply = self.client.post(
                    "/procurations", json=_grant_body(procuration), headers=headers
                )
            else:
                reply = self.client.post(
                    f"/procurations/{procuration.reference}/revocation", headers=headers
                )
        except httpx.HTTPError as error:
            return self._postpone(entry, type(error).__name__)
        if reply.status_code == 401:
            with self.store.transaction() as tx:
                outbox.set_token(tx, entry.account_id, None, None)
            log.info("registry token expired: entries wait for the next sign-in")
            return False
        if reply.status_code not in _FINAL:
            return self._postpone(entry, f"HTTP {reply.status_code}")
        body = reply.json()
        at, refused = None, None
        if reply.status_code in (200, 201):
            at = _when(body.get("received_at") if entry.kind == "grant" else body.get("revoked_at"))
        elif entry.kind == "grant":
            refused = reason(body)
        with self.store.transaction() as tx:
            outbox.acknowledged(tx, entry, at, refused)
        log.info("outbox entry %d (%s) answered: HTTP %d", entry.id, entry.kind, reply.status_code)
        return True

    def _postpone(self, entry: Entry, why: str) -> bool:
        attempts = entry.attempts + 1
        with self.store.transaction() as tx:
            outbox.postpone(tx, entry.id, attempts, self.clock() + backoff(attempts))
        log.info("outbox entry %d not delivered (%s), attempt %d", entry.id, why, attempts)
        return False

    def retry(self, account_id: int) -> int:
        """« Réessayer »: send the account's entries now, whatever the backoff said."""
        with self.store.transaction() as tx:
            outbox.due_now(tx, account_id, self.clock())
        return self.deliver(account_id)

    def next_due(self) -> datetime | None:
        """When the earliest entry that has a token may be sent again."""
        now = self.clock()
        with self.store.reading() as tx:
            due = [
                e.next_attempt_at for e in outbox.entries(tx) if outbox.token(tx, e.account_id, now)
            ]
        return min(due, default=None)

    # --- what the counter saw ---------------------------------------------------------------
    def refresh(self) -> int:
        """Fetch the counter checks of every account that has a token; how many were new."""
        with self.store.reading() as tx:
            now = self.clock()
            accounts = [(a, outbox.token(tx, a, now)) for a in outbox.tokened_accounts(tx, now)]
        new = 0
        for account_id, token in accounts:
            try:
                reply = self.client.get(
                    "/procurations", headers={"Authorization": f"Bearer {token}"}
                )
            except httpx.HTTPError as error:
                log.info("registry unreachable for the checks (%s)", type(error).__name__)
                return new
            if reply.status_code != 200:
                continue
            with self.store.transaction() as tx:
                for row in reply.json():
                    pid = outbox.procuration_id(tx, account_id, str(row["reference"]))
                    if pid is not None:
                        moments = [datetime.fromisoformat(c) for c in row["checks"]]
                        new += outbox.add_checks(tx, pid, moments)
        return new


def _grant_body(procuration: Procuration) -> dict[str, Any]:
    m = procuration.mandataire
    return {
        "reference": procuration.reference,
        "civilite": m.civilite.value,
        "nom": m.nom,
        "nom_usage": m.nom_usage,
        "prenom": m.prenom,
        "date_naissance": m.date_naissance.isoformat(),
        "created_at": procuration.created_at.isoformat(),
    }


def open_sync(store: Store, clock: Clock = system_clock) -> Sync | None:
    """The sender when REGISTRY_URL names a registry; None (the app alone) otherwise."""
    url = os.environ.get("REGISTRY_URL", "").strip()
    return Sync(store, url, clock) if url else None
