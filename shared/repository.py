"""Parameterised SQL over one open transaction; rows in, domain objects out."""

import json
import sqlite3
from datetime import date, datetime

from shared.models import Account, Civilite, InfoRow, Mandataire, Payment, Procuration

_PROCURATION_COLUMNS = (
    "id, account_id, civilite, nom, nom_usage, prenom, date_naissance, "
    "created_at, created_on, valid_until, revoked_at, reference, refused_reason"
)
_ACCOUNT_COLUMNS = "id, nir, civilite, nom, prenom, date_naissance, informations"


def _procuration(row: sqlite3.Row | tuple[object, ...]) -> Procuration:
    (
        pid,
        account_id,
        civilite,
        nom,
        nom_usage,
        prenom,
        born,
        created_at,
        created_on,
        valid_until,
        revoked_at,
        reference,
        refused_reason,
    ) = row
    return Procuration(
        id=pid,
        account_id=account_id,
        mandataire=Mandataire(
            civilite=Civilite(str(civilite)),
            nom=nom,
            nom_usage=nom_usage,
            prenom=prenom,
            date_naissance=date.fromisoformat(str(born)),
        ),
        created_at=datetime.fromisoformat(str(created_at)),
        created_on=date.fromisoformat(str(created_on)),
        valid_until=date.fromisoformat(str(valid_until)),
        revoked_at=datetime.fromisoformat(str(revoked_at)) if revoked_at else None,
        reference=str(reference),
        refused_reason=refused_reason,
    )


def _account(row: tuple[object, ...]) -> Account:
    aid, nir, civilite, nom, prenom, born, informations = row
    return Account(
        id=aid,
        nir=nir,
        civilite=Civilite(str(civilite)),
        nom=nom,
        prenom=prenom,
        date_naissance=date.fromisoformat(str(born)),
        informations=tuple(InfoRow(label=k, value=v) for k, v in json.loads(str(informations))),
    )


class Repository:
    """The queries of the app, run inside a transaction opened by the Store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add_account(self, account: Account, code_hash: str) -> int:
        """A new account; `code_hash` is the stored form of shared.secrets.hash_code."""
        informations = json.dumps([[r.label, r.value] for r in account.informations])
        cursor = self.conn.execute(
            "INSERT INTO accounts (nir, code_hash, civilite, nom, prenom, "
            "date_naissance, informations) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                account.nir,
                code_hash,
                account.civilite.value,
                account.nom,
                account.prenom,
                account.date_naissance.isoformat(),
                informations,
            ),
        )
        return int(cursor.lastrowid or 0)

    def count_accounts(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM accounts").fetchone()[0])

    def account(self, account_id: int) -> Account | None:
        row = self.conn.execute(
            f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE id = ?", (account_id,)
        ).fetchone()
        return _account(row) if row else None

    def credentials(self, nir: str) -> tuple[int, str] | None:
        """The account's id and the stored form of its code."""
        row = self.conn.execute(
            "SELECT id, code_hash FROM accounts WHERE nir = ?", (nir,)
        ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def add_payment(self, account_id: int, payment: Payment) -> None:
        self.conn.execute(
            "INSERT INTO payments (account_id, paid_on, label, amount_cents) VALUES (?, ?, ?, ?)",
            (account_id, payment.paid_on.isoformat(), payment.label, payment.amount_cents),
        )

    def payments(self, account_id: int) -> list[Payment]:
        rows = self.conn.execute(
            "SELECT paid_on, label, amount_cents FROM payments WHERE account_id = ? "
            "ORDER BY paid_on DESC, id DESC",
            (account_id,),
        ).fetchall()
        return [
            Payment(paid_on=date.fromisoformat(d), label=lb, amount_cents=a) for d, lb, a in rows
        ]

    def latest_procuration(self, account_id: int) -> Procuration | None:
        row = self.conn.execute(
            f"SELECT {_PROCURATION_COLUMNS} FROM procurations WHERE account_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (account_id,),
        ).fetchone()
        return _procuration(row) if row else None

    def procurations(self, account_id: int) -> list[Procuration]:
        rows = self.conn.execute(
            f"SELECT {_PROCURATION_COLUMNS} FROM procurations WHERE account_id = ? "
            "ORDER BY id DESC",
            (account_id,),
        ).fetchall()
        return [_procuration(row) for row in rows]

    def procuration(self, procuration_id: int) -> Procuration | None:
        row = self.conn.execute(
            f"SELECT {_PROCURATION_COLUMNS} FROM procurations WHERE id = ?", (procuration_id,)
        ).fetchone()
        return _procuration(row) if row else None

    def add_procuration(
        self,
        account_id: int,
        mandataire: Mandataire,
        created_at: datetime,
        created_on: date,
        valid_until: date,
        reference: str,
    ) -> Procuration:
        cursor = self.conn.execute(
            f"INSERT INTO procurations ({_PROCURATION_COLUMNS}) "
            "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL)",
            (
                account_id,
                mandataire.civilite.value,
                mandataire.nom,
                mandataire.nom_usage,
                mandataire.prenom,
                mandataire.date_naissance.isoformat(),
                created_at.isoformat(),
                created_on.isoformat(),
                valid_until.isoformat(),
                reference,
            ),
        )
        return Procuration(
            id=int(cursor.lastrowid or 0),
            account_id=account_id,
            mandataire=mandataire,
            created_at=created_at,
            created_on=created_on,
            valid_until=valid_until,
            reference=reference,
        )

    def reference_taken(self, reference: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM procurations WHERE reference = ?", (reference,)
        ).fetchone()
        return row is not None

    def set_revoked(self, procuration_id: int, at: datetime) -> None:
        self.conn.execute(
            "UPDATE procurations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (at.isoformat(), procuration_id),
        )

    def set_rating(self, procuration_id: int, stars: int, at: datetime) -> None:
        self.conn.execute(
            "INSERT INTO ratings (procuration_id, stars, rated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (procuration_id) DO UPDATE SET stars = excluded.stars, "
            "rated_at = excluded.rated_at",
            (procuration_id, stars, at.isoformat()),
        )

    def rating(self, procuration_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT stars FROM ratings WHERE procuration_id = ?", (procuration_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def attempts(self, key: str) -> tuple[int, datetime | None]:
        row = self.conn.execute(
            "SELECT failures, locked_until FROM sign_in_attempts WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return 0, None
        return int(row[0]), datetime.fromisoformat(row[1]) if row[1] else None

    def set_attempts(self, key: str, failures: int, locked_until: datetime | None) -> None:
        self.conn.execute(
            "INSERT INTO sign_in_attempts (key, failures, locked_until) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, "
            "locked_until = excluded.locked_until",
            (key, failures, locked_until.isoformat() if locked_until else None),
        )

    def add_event(
        self,
        kind: str,
        at: datetime,
        account_id: int | None = None,
        procuration_id: int | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO events (at, kind, account_id, procuration_id) VALUES (?, ?, ?, ?)",
            (at.isoformat(), kind, account_id, procuration_id),
        )

    def events(self, account_id: int) -> list[tuple[str, str, int | None]]:
        rows = self.conn.execute(
            "SELECT at, kind, procuration_id FROM events WHERE account_id = ? ORDER BY id",
            (account_id,),
        ).fetchall()
        return [(str(a), str(k), p) for a, k, p in rows]
