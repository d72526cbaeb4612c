"""The app's side in a test: its own store, Services with a Sync to a registry URL."""

from __future__ import annotations

from pathlib import Path

import httpx
import sqlalchemy as sa

from registry import tables
from shared import outbox
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, seed_demo_accounts
from shared.models import Procuration
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import Store
from shared.sync import Sync

FORM = MandataireForm(civilite="Madame", nom="Durand", prenom="Anne", date_naissance="01/02/1980")


def open_app(folder: Path, url: str, timeout: float = 5.0) -> Services:
    """A fresh app store, signed in as Alexis (which also signs in at the registry)."""
    store = Store(folder / "app.sqlite3")
    seed_demo_accounts(store)
    sync = Sync(store, url, timeout=httpx.Timeout(timeout))
    services = Services(store, sync=sync)
    services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    return services


def alexis(services: Services) -> int:
    with services.store.reading() as tx:
        found = tx.credentials(ALEXIS_NIR)
    assert found is not None
    return found[0]


def queued(services: Services) -> int:
    with services.store.reading() as tx:
        return len(outbox.entries(tx))


def registry_rows(engine: sa.Engine, references: list[str]) -> dict[str, sa.Row[object]]:
    p = tables.procurations
    with engine.connect() as conn:
        rows = conn.execute(sa.select(p).where(p.c.reference.in_(references))).all()
    return {row.reference: row for row in rows}


def operations(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(tables.operations)).scalar_one()
        )


def assert_agree(services: Services, engine: sa.Engine) -> list[Procuration]:
    """Every local procuration is at the registry once, in the same state; none is waiting."""
    history = services.history(alexis(services))
    rows = registry_rows(engine, [p.reference for p in history])
    assert queued(services) == 0
    for procuration in history:
        row = rows.get(procuration.reference)
        if procuration.refused_reason is not None:
            assert row is None
            continue
        assert row is not None, "a procuration of the app never reached the registry"
        assert (row.revoked_at is None) == (procuration.revoked_at is None)
        standing = services.standing(procuration)
        assert standing.grant.value == "transmitted"
        assert standing.revocation is None or standing.revocation.value == "transmitted"
    return history
