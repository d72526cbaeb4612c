"""The app's outbox and sender, with the registry's answers played by httpx.MockTransport
(the network is the edge; tests/registry/ runs the same against a real registry process)."""

import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from shared import outbox, strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, seed_demo_accounts
from shared.errors import InvalidInput
from shared.rules import MandataireForm
from shared.services import Services
from shared.standing import Transmission
from shared.store import Store
from shared.sync import MAX_DELAY, Sync, backoff
from tests.conftest import FakeClock


class Registry:
    """Answers as the registry would; `status` forces an HTTP status for procurations."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.status: int | None = None
        self.seen: list[tuple[str, str, str | None]] = []
        self.checks: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.seen.append((request.method, path, request.headers.get("Idempotency-Key")))
        if path.endswith("/sessions/insured"):
            expires = (self.clock() + timedelta(minutes=30)).isoformat()
            return httpx.Response(201, json={"token": "t0k3n", "expires_at": expires})
        if self.status is not None:
            return httpx.Response(
                self.status, json={"code": "x", "message": "Refus", "problems": []}
            )
        if request.method == "GET":
            body = [{"reference": r, "checks": self.checks} for r in self.references()]
            return httpx.Response(200, json=body)
        at = self.clock().isoformat()
        if path.endswith("/procurations"):
            self.granted += (json.loads(request.content)["reference"],)
        if path.endswith("/revocation"):
            return httpx.Response(200, json={"revoked_at": at})
        return httpx.Response(201, json={"received_at": at})

    def references(self) -> list[str]:
        """The references of the grants received so far."""
        return list(self.granted)

    granted: tuple[str, ...] = ()


@pytest.fixture
def answers(clock: FakeClock) -> Registry:
    return Registry(clock)


def connected(store: Store, clock: FakeClock, answers: Registry) -> Services:
    seed_demo_accounts(store, clock)
    sync = Sync(store, "http://registry.invalid", clock, transport=httpx.MockTransport(answers))
    services = Services(store, clock, sync)
    services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    return services


def test_the_backoff_doubles_from_2_seconds_and_stops_at_5_minutes():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert backoff(50) == MAX_DELAY


def test_grant_and_revoke_queue_their_entry_in_the_same_transaction(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    account_id = services.account(1).id
    with pytest.raises(InvalidInput):
        services.grant(account_id, MandataireForm(civilite="Monsieur", nom="1"))
    with store.reading() as tx:
        assert outbox.entries(tx) == []  # a refused form queues nothing
    granted = services.grant(account_id, adult_form)
    services.revoke(account_id)
    with store.reading() as tx:
        entries = outbox.entries(tx)
    assert [(e.kind, e.procuration_id) for e in entries] == [
        ("grant", granted.id),
        ("revoke", granted.id),
    ]
    assert len({e.key for e in entries}) == 2


def test_an_entry_is_sent_once_with_its_key_and_then_shows_as_transmitted(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    granted = services.grant(1, adult_form)
    assert services.standing(granted).lines() == [strings.SYNC_PENDING]
    assert services.sync is not None and services.sync.deliver() == 1
    assert services.sync.deliver() == 0  # nothing left
    posts = [s for s in answers.seen if s[0] == "POST" and s[1].endswith("/procurations")]
    assert len(posts) == 1 and posts[0][2]
    standing = services.standing(granted)
    assert standing.grant is Transmission.TRANSMITTED
    assert standing.lines()[0].startswith("Transmise à votre caisse le ")


def test_a_refused_grant_is_no_longer_active_and_says_why(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    granted = services.grant(1, adult_form)
    answers.status = 409
    assert services.sync is not None and services.sync.deliver() == 1
    assert services.current_procuration(1) is None
    assert services.standing(granted).lines() == [strings.SYNC_REFUSED.format(motif="Refus")]
    answers.status = None
    services.grant(1, adult_form)  # a new one can be made


def test_a_revocation_not_yet_transmitted_warns_that_the_counter_may_still_accept(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    granted = services.grant(1, adult_form)
    assert services.sync is not None and services.sync.deliver() == 1
    services.revoke(1)
    revoked = services.history(1)[0]
    answers.status = 503
    assert services.sync.deliver() == 0
    standing = services.standing(revoked)
    assert strings.SYNC_REVOCATION_PENDING in standing.lines() and standing.can_retry
    answers.status = None
    clock.advance(seconds=3)  # the 2 s backoff has run out
    assert services.sync.deliver() == 1
    assert (
        services.standing(revoked).lines()[1].startswith("Révocation transmise à votre caisse le ")
    )
    assert granted.id == revoked.id


def test_entries_and_the_token_survive_a_restart(
    db_path: Path, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    store = Store(db_path)
    services = connected(store, clock, answers)
    services.grant(1, adult_form)
    store.close()
    reopened = Store(db_path)
    sync = Sync(reopened, "http://registry.invalid", clock, transport=httpx.MockTransport(answers))
    assert sync.deliver() == 1  # no new sign-in needed while the token lasts
    reopened.close()


def test_an_expired_token_makes_the_entries_wait_for_the_next_sign_in(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    granted = services.grant(1, adult_form)
    clock.advance(hours=1)  # past the token's 30 minutes
    assert services.sync is not None and services.sync.deliver() == 0
    standing = services.standing(granted)
    assert standing.needs_sign_in and not standing.can_retry
    assert standing.lines() == [strings.SYNC_PENDING, strings.SYNC_SIGN_IN_AGAIN]
    answers.status = 401
    services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert services.sync.deliver() == 0 and not services.sync.has_token(1)  # 401 drops it


def test_the_counters_checks_are_shown_in_paris_time(
    store: Store, clock: FakeClock, answers: Registry, adult_form: MandataireForm
):
    services = connected(store, clock, answers)
    granted = services.grant(1, adult_form)
    answers.checks = ["2024-06-15T08:30:00+00:00"]
    assert services.sync is not None
    services.sync.deliver()
    assert services.sync.refresh() == 1
    assert services.sync.refresh() == 0  # kept once
    assert (
        strings.SYNC_CHECKED.format(date="15/06/2024", heure="10:30")
        in services.standing(granted).lines()
    )


def test_without_a_registry_nothing_is_queued_and_the_app_says_so(
    services: Services, alexis_id: int, adult_form: MandataireForm
):
    granted = services.grant(alexis_id, adult_form)
    with services.store.reading() as tx:
        assert outbox.entries(tx) == []
    assert services.standing(granted).lines() == [strings.SYNC_OFFLINE]
    assert services.retry(alexis_id) == 0
