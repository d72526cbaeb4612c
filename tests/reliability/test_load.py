"""20 concurrent sessions grant and revoke: no « database is locked », never two active at once."""

import itertools
import threading
from datetime import date
from pathlib import Path

from shared.demo import seed_demo_accounts
from shared.errors import DomainError, ProcurationAlreadyActive
from shared.models import Account, Civilite
from shared.rules import MandataireForm
from shared.secrets import hash_code
from shared.services import Services
from shared.store import DB_NAME, Store

SESSIONS = 20
ROUNDS = 15
FORM = MandataireForm(civilite="Monsieur", nom="Petit", prenom="Hugo", date_naissance="11/11/1961")


def _accounts(store: Store, count: int) -> list[int]:
    """Ten accounts of their own plus the shared demo one, all fictitious."""
    stored = hash_code("00000000")
    ids = []
    with store.transaction() as tx:
        for n in range(count):
            account = Account(
                id=0,
                nir=f"1800175{n:06d}",
                civilite=Civilite.MADAME,
                nom="CHARGE",
                prenom=f"Essai{chr(65 + n)}",
                date_naissance=date(1980, 1, 1),
            )
            ids.append(tx.add_account(account, stored))
    return ids


def _never_two_active(store: Store, account_id: int) -> None:
    with store.reading() as tx:
        history = sorted(tx.procurations(account_id), key=lambda p: p.id)
    for earlier, later in itertools.pairwise(history):
        assert earlier.revoked_at is not None, "a newer procuration while one was active"
        assert earlier.revoked_at <= later.created_at


def test_twenty_sessions_never_see_a_locked_store_nor_two_active_procurations(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / DB_NAME
    setup = Store(db_path)
    seed_demo_accounts(setup)
    own = _accounts(setup, SESSIONS // 2)
    shared_account = own[0]
    errors: list[BaseException] = []
    refused = 0
    lock = threading.Lock()
    start = threading.Barrier(SESSIONS)

    def session(index: int) -> None:
        nonlocal refused
        # Each session has its own connection: SQLite's own locking is what is under test.
        services = Services(Store(db_path))
        account = own[index] if index < SESSIONS // 2 else shared_account
        start.wait()
        try:
            for _ in range(ROUNDS):
                try:
                    services.grant(account, FORM)
                except ProcurationAlreadyActive:
                    with lock:
                        refused += 1
                services.revoke(account)
        except (DomainError, Exception) as error:  # a StorageError would be « database is locked »
            errors.append(error)
        finally:
            services.store.close()

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    for account in own:
        _never_two_active(setup, account)
    with setup.reading() as tx:
        total = tx.conn.execute("SELECT count(*) FROM procurations").fetchone()[0]
    setup.close()
    assert total >= SESSIONS // 2 * ROUNDS
