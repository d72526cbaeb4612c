"""Fixtures shared by every test folder, at the edges only: a Store in tmp_path, a clock to move."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared.demo import ALEXIS_NIR, seed_demo_accounts
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import DB_NAME, Store


class FakeClock:
    """An aware UTC 'now' that only moves when told to."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / DB_NAME


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 6, 15, 10, 0, tzinfo=UTC))


@pytest.fixture
def services(store: Store, clock: FakeClock) -> Services:
    seed_demo_accounts(store, clock)
    return Services(store, clock)


@pytest.fixture
def alexis_id(services: Services) -> int:
    with services.store.reading() as tx:
        credentials = tx.credentials(ALEXIS_NIR)
    assert credentials is not None
    return credentials[0]


@pytest.fixture
def adult_form() -> MandataireForm:
    return MandataireForm(
        civilite="Monsieur", nom="Dupont", prenom="Martin", date_naissance="20/09/1970"
    )
