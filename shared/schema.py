"""The store's schema, one migration per version (PRAGMA user_version).

A migration is a list of steps: SQL statements, or functions of the open connection where
the new data must be made in Python (a reference for each older procuration).
"""

import sqlite3
from collections.abc import Callable

from shared.reference import new_reference
from shared.secrets import SCRYPT, SCRYPT_PARAMETERS, StoredCode

Step = str | Callable[[sqlite3.Connection], None]


def _give_references(conn: sqlite3.Connection) -> None:
    """Every procuration made before references existed gets one."""
    taken = {row[0] for row in conn.execute("SELECT reference FROM procurations")}
    for (pid,) in conn.execute("SELECT id FROM procurations WHERE reference IS NULL").fetchall():
        reference = new_reference()
        while reference in taken:
            reference = new_reference()
        taken.add(reference)
        conn.execute("UPDATE procurations SET reference = ? WHERE id = ?", (reference, pid))


def _name_the_key_derivation(conn: sqlite3.Connection) -> None:
    """Codes hashed before version 3 were scrypt's (salt and hash in two columns): one text
    now says so, so that a platform without scrypt can store pbkdf2 hashes beside them."""
    rows = conn.execute("SELECT id, code_salt, code_hash FROM accounts").fetchall()
    for aid, salt, digest in rows:
        stored = StoredCode(SCRYPT, dict(SCRYPT_PARAMETERS), bytes(salt), bytes(digest))
        conn.execute("UPDATE accounts SET code = ? WHERE id = ?", (str(stored), aid))


MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    (
        """CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            nir TEXT NOT NULL UNIQUE CHECK (length(nir) = 13),
            code_salt BLOB NOT NULL,
            code_hash BLOB NOT NULL,
            civilite TEXT NOT NULL,
            nom TEXT NOT NULL,
            prenom TEXT NOT NULL,
            date_naissance TEXT NOT NULL,
            informations TEXT NOT NULL DEFAULT '[]'
        )""",
        """CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            paid_on TEXT NOT NULL,
            label TEXT NOT NULL,
            amount_cents INTEGER NOT NULL
        )""",
        "CREATE INDEX payments_by_account ON payments(account_id, paid_on)",
        """CREATE TABLE procurations (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            civilite TEXT NOT NULL CHECK (civilite IN ('Madame', 'Monsieur')),
            nom TEXT NOT NULL,
            nom_usage TEXT,
            prenom TEXT NOT NULL,
            date_naissance TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_on TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            revoked_at TEXT
        )""",
        "CREATE INDEX procurations_by_account ON procurations(account_id, id)",
        """CREATE TABLE ratings (
            procuration_id INTEGER PRIMARY KEY REFERENCES procurations(id),
            stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
            rated_at TEXT NOT NULL
        )""",
        """CREATE TABLE sign_in_attempts (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until TEXT
        )""",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('granted', 'revoked', 'sign_in_failed', 'locked')),
            account_id INTEGER REFERENCES accounts(id),
            procuration_id INTEGER REFERENCES procurations(id)
        )""",
        "CREATE INDEX events_by_account ON events(account_id, id)",
        """CREATE TRIGGER events_never_change BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
        """CREATE TRIGGER events_never_vanish BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    ),
    (
        "ALTER TABLE procurations ADD COLUMN reference TEXT",
        _give_references,
        "CREATE UNIQUE INDEX procurations_by_reference ON procurations(reference)",
    ),
    (
        # Where each procuration stands with the caisse's registry (shared/sync.py).
        "ALTER TABLE procurations ADD COLUMN transmitted_at TEXT",
        "ALTER TABLE procurations ADD COLUMN revocation_transmitted_at TEXT",
        "ALTER TABLE procurations ADD COLUMN refused_reason TEXT",
        # Changes not yet acknowledged by the registry, written in the change's transaction.
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            procuration_id INTEGER NOT NULL REFERENCES procurations(id),
            kind TEXT NOT NULL CHECK (kind IN ('grant', 'revoke')),
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL
        )""",
        "CREATE INDEX outbox_by_account ON outbox(account_id, id)",
        """CREATE TABLE registry_tokens (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
            token TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
        """CREATE TABLE counter_checks (
            procuration_id INTEGER NOT NULL REFERENCES procurations(id),
            checked_at TEXT NOT NULL,
            PRIMARY KEY (procuration_id, checked_at)
        )""",
    ),
    (
        # Every stored code names its key derivation (scrypt, or PBKDF2 where scrypt is missing).
        "ALTER TABLE accounts ADD COLUMN code TEXT NOT NULL DEFAULT ''",
        _name_the_key_derivation,
        "ALTER TABLE accounts DROP COLUMN code_salt",
        "ALTER TABLE accounts DROP COLUMN code_hash",
        "ALTER TABLE accounts RENAME COLUMN code TO code_hash",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
