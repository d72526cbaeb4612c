"""The outbox and what the registry said, in the app's store: queries over an open transaction.

An entry is written in the same transaction as the grant or revocation it carries, and leaves
the store only once the registry has answered it for good.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from shared.models import Procuration
from shared.repository import Repository


@dataclass(frozen=True)
class Entry:
    id: int
    key: str
    account_id: int
    procuration_id: int
    kind: str
    attempts: int
    next_attempt_at: datetime


def add(tx: Repository, kind: str, procuration: Procuration, at: datetime) -> None:
    """Queue a grant or a revocation; its idempotency key is made here, once."""
    tx.conn.execute(
        "INSERT INTO outbox (idempotency_key, account_id, procuration_id, kind, created_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            uuid.uuid4().hex,
            procuration.account_id,
            procuration.id,
            kind,
            at.isoformat(),
            at.isoformat(),
        ),
    )


def entries(tx: Repository, account_id: int | None = None) -> list[Entry]:
    """Every entry not yet answered, oldest first (all accounts, or one)."""
    where, args = ("WHERE account_id = ?", (account_id,)) if account_id is not None else ("", ())
    rows = tx.conn.execute(
        "SELECT id, idempotency_key, account_id, procuration_id, kind, attempts, next_attempt_at "
        f"FROM outbox {where} ORDER BY id",
        args,
    ).fetchall()
    return [
        Entry(int(i), str(k), int(a), int(p), str(kind), int(n), datetime.fromisoformat(at))
        for i, k, a, p, kind, n, at in rows
    ]


def pending_kinds(tx: Repository, procuration_id: int) -> set[str]:
    rows = tx.conn.execute("SELECT kind FROM outbox WHERE procuration_id = ?", (procuration_id,))
    return {str(kind) for (kind,) in rows}


def postpone(tx: Repository, entry_id: int, attempts: int, until: datetime) -> None:
    tx.conn.execute(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ? WHERE id = ?",
        (attempts, until.isoformat(), entry_id),
    )


def due_now(tx: Repository, account_id: int, now: datetime) -> None:
    """« Réessayer »: the account's entries may be sent at once."""
    tx.conn.execute(
        "UPDATE outbox SET next_attempt_at = ? WHERE account_id = ?", (now.isoformat(), account_id)
    )


def acknowledged(tx: Repository, entry: Entry, at: datetime | None, refused: str | None) -> None:
    """The registry's final answer: note it on the procuration and drop the entry."""
    column = "transmitted_at" if entry.kind == "grant" else "revocation_transmitted_at"
    if at is not None:
        tx.conn.execute(
            f"UPDATE procurations SET {column} = ? WHERE id = ?",
            (at.isoformat(), entry.procuration_id),
        )
    if refused is not None:
        tx.conn.execute(
            "UPDATE procurations SET refused_reason = ? WHERE id = ?",
            (refused, entry.procuration_id),
        )
    tx.conn.execute("DELETE FROM outbox WHERE id = ?", (entry.id,))


def transmitted(tx: Repository, procuration_id: int) -> tuple[datetime | None, datetime | None]:
    """When the registry recorded the grant, and the revocation."""
    row = tx.conn.execute(
        "SELECT transmitted_at, revocation_transmitted_at FROM procurations WHERE id = ?",
        (procuration_id,),
    ).fetchone()
    if row is None:
        return None, None
    return tuple(datetime.fromisoformat(v) if v else None for v in row)  # type: ignore[return-value]


def token(tx: Repository, account_id: int, now: datetime) -> str | None:
    """The account's registry token, if it has not expired."""
    row = tx.conn.execute(
        "SELECT token, expires_at FROM registry_tokens WHERE account_id = ?", (account_id,)
    ).fetchone()
    if row is None or datetime.fromisoformat(row[1]) <= now:
        return None
    return str(row[0])


def set_token(
    tx: Repository, account_id: int, value: str | None, expires_at: datetime | None
) -> None:
    if value is None or expires_at is None:
        tx.conn.execute("DELETE FROM registry_tokens WHERE account_id = ?", (account_id,))
        return
    tx.conn.execute(
        "INSERT INTO registry_tokens (account_id, token, expires_at) VALUES (?, ?, ?) "
        "ON CONFLICT (account_id) DO UPDATE SET token = excluded.token, "
        "expires_at = excluded.expires_at",
        (account_id, value, expires_at.isoformat()),
    )


def tokened_accounts(tx: Repository, now: datetime) -> list[int]:
    rows = tx.conn.execute(
        "SELECT account_id FROM registry_tokens WHERE expires_at > ?", (now.isoformat(),)
    )
    return [int(a) for (a,) in rows]


def procuration_id(tx: Repository, account_id: int, reference: str) -> int | None:
    row = tx.conn.execute(
        "SELECT id FROM procurations WHERE account_id = ? AND reference = ?",
        (account_id, reference),
    ).fetchone()
    return int(row[0]) if row else None


def add_checks(tx: Repository, procuration_id: int, moments: list[datetime]) -> int:
    """Keep the counter's checks of a procuration; how many were new."""
    cursor = tx.conn.executemany(
        "INSERT OR IGNORE INTO counter_checks (procuration_id, checked_at) VALUES (?, ?)",
        [(procuration_id, at.isoformat()) for at in moments],
    )
    return max(cursor.rowcount, 0)


def checks(tx: Repository, procuration_id: int) -> list[datetime]:
    rows = tx.conn.execute(
        "SELECT checked_at FROM counter_checks WHERE procuration_id = ? ORDER BY checked_at",
        (procuration_id,),
    )
    return [datetime.fromisoformat(at) for (at,) in rows]
