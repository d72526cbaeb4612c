"""A full disk or an I/O error: a clear French message, nothing half-written, the app goes on."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from mobile.actions import RevokeAnswer
from mobile.routes import Route
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.services import Services
from shared.store import Store
from tests.mobile.phone import Phone


class FailingConnection:
    """The real connection, except that one kind of statement fails as a sick disk makes it."""

    def __init__(self, real: sqlite3.Connection, failing: str, error: str) -> None:
        self._real = real
        self._failing = failing
        self._error = error

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.startswith(self._failing):
            raise sqlite3.OperationalError(self._error)
        return self._real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@contextmanager
def failing(store: Store, statement: str, error: str) -> Iterator[None]:
    real = store._conn
    store._conn = FailingConnection(real, statement, error)  # type: ignore[assignment]
    try:
        yield
    finally:
        store._conn = real


def disk_full(store: Store) -> Any:
    """SQLITE_FULL on the second write of the grant: the first one must be rolled back."""
    return failing(store, "INSERT INTO events", "database or disk is full")


def io_error(store: Store) -> Any:
    return failing(store, "COMMIT", "disk I/O error")


def _on_recap(services: Services) -> Phone:
    state = Phone(services)
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    state.start_request()
    for name, value in (
        ("civilite", "Madame"),
        ("nom", "Roux"),
        ("prenom", "Anne"),
        ("date_naissance", "05/05/1966"),
    ):
        state.set_field(name, value)
    state.next()
    state.certify(True)
    assert state.url == Route.RECAP
    return state


def _count(store: Store) -> int:
    with store.reading() as tx:
        return int(tx.conn.execute("SELECT count(*) FROM procurations").fetchone()[0])


@pytest.mark.parametrize("fault", [disk_full, io_error], ids=["disk-full", "io-error"])
def test_a_storage_fault_shows_a_french_message_writes_nothing_and_the_app_goes_on(
    services: Services, fault: Any
) -> None:
    state = _on_recap(services)
    before = _count(services.store)
    with fault(services.store):
        state.validate()
    assert state.session.message == strings.STORAGE_FAILED
    assert state.url == Route.RECAP
    assert _count(services.store) == before
    assert state.session.current is None
    state.validate()
    assert state.url == Route.CONFIRMATION
    assert _count(services.store) == before + 1


def test_a_full_disk_at_revocation_keeps_the_procuration_active(services: Services) -> None:
    state = _on_recap(services)
    state.validate()
    state.ask_revoke()
    with io_error(services.store):
        state.answer_revoke(RevokeAnswer.REVOKE)
    assert state.session.message == strings.STORAGE_FAILED
    assert state.session.current is not None
