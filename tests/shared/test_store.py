"""The SQLite store: migrations, transactions, the append-only log, a crash mid-loop."""

import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from shared.demo import ALEXIS_NIR, seed_demo_accounts
from shared.errors import StorageError
from shared.models import Account, Civilite
from shared.schema import MIGRATIONS, SCHEMA_VERSION
from shared.secrets import SCRYPT, StoredCode
from shared.services import Services
from shared.store import Store

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2024, 6, 15, 10, 0, tzinfo=UTC)
SOMEONE = Account(
    id=0,
    nir="2951099126111",
    civilite=Civilite.MADAME,
    nom="Durand",
    prenom="Anne",
    date_naissance=date(1995, 10, 1),
)
GRANT_AND_REVOKE_FOREVER = """
import sys
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import Store

services = Services(Store(sys.argv[1]))
account_id = int(sys.argv[2])
form = MandataireForm(civilite="Madame", nom="Durand", prenom="Anne", date_naissance="01/02/1980")
while True:
    procuration = services.grant(account_id, form)
    print(procuration.id, flush=True)
    services.revoke(account_id)
"""


def count(store: Store, table: str) -> int:
    with store.reading() as tx:
        return int(tx.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_an_empty_file_is_migrated_to_the_current_schema_in_wal_mode(db_path):
    db_path.touch()
    store = Store(db_path)
    with store.reading() as tx:
        assert tx.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.schema_version == SCHEMA_VERSION >= 1
    store.close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_a_transaction_that_raises_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.transaction() as tx:
        account_id = tx.add_account(SOMEONE, "pbkdf2-sha256$i=150000$c2FsdA$aGFzaA")
        tx.add_event("granted", NOW, account_id)
        raise RuntimeError("interrupted")
    assert count(store, "accounts") == count(store, "events") == 0


def test_a_failing_statement_rolls_back_the_whole_transaction(store):
    with pytest.raises(StorageError), store.transaction() as tx:
        tx.add_account(SOMEONE, "pbkdf2-sha256$i=150000$c2FsdA$aGFzaA")
        tx.add_account(SOMEONE, "pbkdf2-sha256$i=150000$c2FsdA$aGFzaA")
    assert count(store, "accounts") == 0


def test_reopening_the_store_keeps_everything(db_path, store):
    with store.transaction() as tx:
        account_id = tx.add_account(SOMEONE, "pbkdf2-sha256$i=150000$c2FsdA$aGFzaA")
        tx.add_event("sign_in_failed", NOW, account_id)
    store.close()
    reopened = Store(db_path)
    with reopened.reading() as tx:
        assert tx.account(account_id) == SOMEONE.model_copy(update={"id": account_id})
        assert tx.events(account_id) == [(NOW.isoformat(), "sign_in_failed", None)]
    assert reopened.schema_version == SCHEMA_VERSION
    reopened.close()


@pytest.mark.parametrize("statement", ["UPDATE events SET kind = 'revoked'", "DELETE FROM events"])
def test_the_events_log_is_append_only(db_path, store, statement):
    with store.transaction() as tx:
        tx.add_event("sign_in_failed", NOW)
    with pytest.raises(StorageError), store.transaction() as tx:
        tx.conn.execute(statement)
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute(statement)
    raw.close()
    assert count(store, "events") == 1


def test_every_acknowledged_grant_survives_a_sigkill_mid_loop(db_path, store, tmp_path):
    seed_demo_accounts(store)
    with store.reading() as tx:
        account_id = tx.credentials(ALEXIS_NIR)[0]
    store.close()
    acknowledged = tmp_path / "acknowledged.txt"
    with acknowledged.open("w") as out:
        child = subprocess.Popen(
            [sys.executable, "-c", GRANT_AND_REVOKE_FOREVER, str(db_path), str(account_id)],
            cwd=ROOT,
            stdout=out,
        )
        deadline = time.monotonic() + 20
        while not acknowledged.read_text() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)
        child.send_signal(signal.SIGKILL)
        child.wait()
    complete_lines = acknowledged.read_text().split("\n")[:-1]
    ids = {int(line) for line in complete_lines}
    assert ids, "the child acknowledged no grant before being killed"

    reopened = Store(db_path)
    with reopened.reading() as tx:
        assert tx.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {p.id for p in tx.procurations(account_id)}
        granted = {p for _, kind, p in tx.events(account_id) if kind == "granted"}
    reopened.close()
    assert ids <= stored
    assert ids <= granted


def test_codes_of_an_older_store_name_their_scrypt_and_still_sign_in(db_path, clock):
    # A store of schema version 2: salt and scrypt hash in two BLOB columns.
    conn = sqlite3.connect(db_path, isolation_level=None)
    for version, steps in enumerate(MIGRATIONS[:2], start=1):
        for step in steps:
            conn.execute(step) if isinstance(step, str) else step(conn)
        conn.execute(f"PRAGMA user_version = {version}")
    salt = b"\x07" * 16
    digest = hashlib.scrypt(b"24681357", salt=salt, n=2**14, r=8, p=1, maxmem=2**26, dklen=32)
    conn.execute(
        "INSERT INTO accounts (nir, code_salt, code_hash, civilite, nom, prenom, date_naissance)"
        " VALUES (?, ?, ?, 'Madame', 'Durand', 'Anne', '1995-10-01')",
        (SOMEONE.nir, salt, digest),
    )
    conn.close()

    store = Store(db_path)
    with store.reading() as tx:
        stored = StoredCode.parse(tx.credentials(SOMEONE.nir)[1])
        columns = {row[1] for row in tx.conn.execute("PRAGMA table_info(accounts)")}
    assert (stored.kdf, stored.salt, stored.digest) == (SCRYPT, salt, digest)
    assert "code_salt" not in columns
    assert Services(store, clock).sign_in(SOMEONE.nir, "24681357").nom == "Durand"
    store.close()
