"""Sync faults between a real app store and a real registry process: nothing lost, nothing twice."""

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared import strings
from shared.standing import Transmission
from tests.registry.app_side import FORM, alexis, assert_agree, open_app, operations, queued
from tests.registry.faults import FaultyProxy
from tests.registry_process import RegistryProcess


@pytest.fixture
def own_registry(database_url: str, tmp_path: Path) -> Iterator[RegistryProcess]:
    """A registry of this test's own, that it may kill (the module's database)."""
    process = RegistryProcess(tmp_path, database_url).start()
    yield process
    process.stop()


def clear(services, account_id: int) -> None:
    services.revoke(account_id)
    services.retry(account_id)


def test_refused_connections_keep_the_entries_until_the_registry_is_there(
    registry: RegistryProcess, tmp_path: Path
):
    with FaultyProxy(registry.url) as proxy:
        services = open_app(tmp_path, proxy.url)
        port = proxy.server.server_address[1]
    me = alexis(services)  # the proxy is gone: its port refuses connections
    granted = services.grant(me, FORM)
    assert services.sync.deliver() == 0
    assert queued(services) == 1
    standing = services.standing(granted)
    assert standing.grant is Transmission.PENDING and standing.can_retry
    assert standing.lines()[0] == strings.SYNC_PENDING
    with FaultyProxy(registry.url, port=port):
        before = operations(registry.engine())
        assert services.retry(me) == 1
        assert operations(registry.engine()) == before + 1
        assert_agree(services, registry.engine())


def test_a_500_postpones_with_backoff_then_delivers_once(registry: RegistryProcess, tmp_path: Path):
    with FaultyProxy(registry.url) as proxy:
        services = open_app(tmp_path, proxy.url)
        me = alexis(services)
        clear(services, me)
        before = operations(registry.engine())
        proxy.mode = "error500"
        services.grant(me, FORM)
        assert services.sync.deliver() == 0
        assert services.sync.deliver() == 0  # not due yet: the backoff holds it
        due = services.sync.next_due()
        assert due is not None and due > services.clock()
        proxy.mode = "pass"
        assert services.retry(me) == 1
        assert operations(registry.engine()) == before + 1
        assert_agree(services, registry.engine())


def test_an_answer_after_the_clients_timeout_is_applied_once(
    registry: RegistryProcess, tmp_path: Path
):
    with FaultyProxy(registry.url, delay=1.0) as proxy:
        services = open_app(tmp_path, proxy.url, timeout=0.4)
        me = alexis(services)
        clear(services, me)
        before = operations(registry.engine())
        proxy.mode = "late"
        granted = services.grant(me, FORM)
        assert services.sync.deliver() == 0  # timed out, yet the registry applied it
        assert services.standing(granted).grant is Transmission.PENDING
        services.revoke(me)
        proxy.mode = "pass"
        time.sleep(2 * proxy.delay)  # let the late answer finish, on a loaded machine too
        assert services.retry(me) == 2
        assert operations(registry.engine()) == before + 2
        history = assert_agree(services, registry.engine())
        assert history[0].revoked_at is not None


def test_the_same_entry_delivered_twice_is_applied_once(registry: RegistryProcess, tmp_path: Path):
    with FaultyProxy(registry.url) as proxy:
        services = open_app(tmp_path, proxy.url)
        me = alexis(services)
        clear(services, me)
        before = operations(registry.engine())
        proxy.mode = "twice"
        services.grant(me, FORM)
        services.revoke(me)
        services.grant(me, FORM)
        assert services.sync.deliver() == 3
        assert proxy.forwarded >= 6
        assert operations(registry.engine()) == before + 3
        assert_agree(services, registry.engine())


def test_a_registry_killed_in_the_middle_of_a_sync_loses_nothing(
    own_registry: RegistryProcess, tmp_path: Path
):
    services = open_app(tmp_path, own_registry.url, timeout=2.0)
    me = alexis(services)
    clear(services, me)
    before = operations(own_registry.engine())
    for _ in range(15):
        services.grant(me, FORM)
        services.revoke(me)
    assert queued(services) == 30
    sender = threading.Thread(target=services.sync.deliver)
    sender.start()
    deadline = time.monotonic() + 20
    while queued(services) > 22 and time.monotonic() < deadline:
        time.sleep(0.005)
    own_registry.kill()
    sender.join(timeout=30)
    left = queued(services)
    assert 0 < left < 30, "the kill did not land in the middle of the sync"
    assert services.retry(me) == 0  # the port now refuses connections: nothing moves
    assert queued(services) == left
    own_registry.start(own_registry.port)
    assert services.retry(me) == left
    assert operations(own_registry.engine()) == before + 30
    history = assert_agree(services, own_registry.engine())
    assert len([p for p in history if p.revoked_at is not None]) >= 15


def test_without_a_registry_the_app_queues_nothing(tmp_path: Path, services, alexis_id, adult_form):
    granted = services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    with services.store.reading() as tx:
        assert tx.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert services.standing(granted).lines()[0].startswith("Mode hors ligne")
