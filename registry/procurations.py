"""The insured's side of the registry: grant, revoke and list their own procurations.

The registry applies shared/'s rules again with its own clock. Every change is recorded with
the app's idempotency key in the same transaction, and the answer is kept: however often an
entry is sent, it is applied once and answered the same way.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from registry import tables
from registry.context import Registry
from registry.errors import ReferenceTaken, UnknownProcuration
from shared.clock import paris_date
from shared.errors import DomainError, InvalidInput, ProcurationAlreadyActive
from shared.models import Account, Civilite
from shared.reference import read_reference
from shared.rules import MandataireForm, read_mandataire, validity_end

log = logging.getLogger(__name__)
ATTEMPTS = 3  # a lost race on the one-open index is retried, then reads as already active
p = tables.procurations


@dataclass(frozen=True)
class Answer:
    """What the API answers to a grant or a revocation: HTTP status and JSON body, as kept."""

    status: int
    body: dict[str, Any]


def as_text(born: date) -> str:
    """JJ/MM/AAAA, the form's own format, for shared.rules to read again."""
    return f"{born.day:02d}/{born.month:02d}/{born.year:04d}"


def procuration_body(row: sa.Row[Any], today: date, checks: list[datetime]) -> dict[str, Any]:
    status = "revoked" if row.revoked_at else "expired" if today > row.valid_until else "active"
    return {
        "reference": row.reference,
        "civilite": row.civilite,
        "nom": row.nom,
        "nom_usage": row.nom_usage,
        "prenom": row.prenom,
        "date_naissance": row.date_naissance.isoformat(),
        "created_on": row.created_on.isoformat(),
        "valid_until": row.valid_until.isoformat(),
        "received_at": row.created_at.isoformat(),
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
        "status": status,
        "checks": [at.isoformat() for at in checks],
    }


def validity_at_registry(created_at: datetime, today: date) -> tuple[date, date]:
    """First and last valid day: from the day « Valider » was pressed (Paris), never later
    than the registry's today, and computed here whatever the app said."""
    created_on = min(paris_date(created_at), today)
    return created_on, validity_end(created_on)


def refusal_body(error: DomainError, code: str) -> dict[str, Any]:
    problems = [
        {"field": pr.field, "code": pr.code, "message": pr.message}
        for pr in getattr(error, "problems", [])
    ]
    return {"code": code, "message": error.message, "problems": problems}


def _account(conn: sa.Connection, account_id: int) -> Account:
    a = tables.accounts
    row = conn.execute(sa.select(a).where(a.c.id == account_id)).one()
    return Account(
        id=row.id,
        nir=row.nir,
        civilite=Civilite(row.civilite),
        nom=row.nom,
        prenom=row.prenom,
        date_naissance=row.date_naissance,
    )


def _kept(conn: sa.Connection, account_id: int, key: str) -> Answer | None:
    o = tables.operations
    row = conn.execute(
        sa.select(o.c.status_code, o.c.body).where(o.c.account_id == account_id, o.c.key == key)
    ).first()
    return Answer(row[0], json.loads(row[1])) if row else None


def _keep(
    conn: sa.Connection, account_id: int, key: str, kind: str, answer: Answer, now: datetime
) -> None:
    conn.execute(
        tables.operations.insert().values(
            account_id=account_id,
            key=key,
            kind=kind,
            status_code=answer.status,
            body=json.dumps(answer.body, ensure_ascii=False),
            at=now,
        )
    )


def _once(
    registry: Registry,
    account_id: int,
    key: str,
    kind: str,
    apply: Callable[[sa.Connection, datetime], Answer],
) -> Answer:
    """Run `apply` once per key, in one transaction with the kept answer; replay otherwise."""
    for attempt in range(ATTEMPTS):
        try:
            with registry.engine.begin() as conn:
                # One change at a time per insured (PostgreSQL: FOR NO KEY UPDATE, which still
                # lets tokens and checks point at the row; SQLite: BEGIN
                # IMMEDIATE), and the instant read once it is held: the order of the timestamps
                # is the order in which the changes were applied.
                a = tables.accounts
                conn.execute(
                    sa.select(a.c.id).where(a.c.id == account_id).with_for_update(key_share=True)
                )
                kept = _kept(conn, account_id, key)
                if kept is not None:
                    return kept
                now = registry.clock()
                answer = apply(conn, now)
                _keep(conn, account_id, key, kind, answer, now)
                return answer
        except sa.exc.IntegrityError:
            # Another request took the key, the reference or the one open row first: the next
            # attempt sees what it did.
            log.info("registry %s raced another request (attempt %d)", kind, attempt + 1)
    raise ProcurationAlreadyActive()


def _refused(error: DomainError, code: str, status: int) -> Answer:
    return Answer(status, refusal_body(error, code))


def grant(
    registry: Registry,
    account_id: int,
    key: str,
    reference_text: str,
    form: MandataireForm,
    created_at: datetime,
) -> Answer:
    """Record a procuration made in the app, if the rules still allow it at the registry."""
    reference, problems = read_reference(reference_text)
    if reference is None:
        return _refused(InvalidInput(problems), "invalid", 422)

    def apply(conn: sa.Connection, now: datetime) -> Answer:
        today = paris_date(now)
        reading = read_mandataire(form, today, _account(conn, account_id))
        if reading.mandataire is None:
            return _refused(InvalidInput(list(reading.problems)), "invalid", 422)
        created_on, valid_until = validity_at_registry(created_at, today)
        conn.execute(
            p.update()
            .where(p.c.account_id == account_id, p.c.closed_at.is_(None), p.c.valid_until < today)
            .values(closed_at=now)
        )
        if conn.execute(sa.select(p.c.id).where(p.c.reference == reference)).first():
            return _refused(ReferenceTaken(), "reference_taken", 409)
        still_open = valid_until >= today
        if (
            still_open
            and conn.execute(
                sa.select(p.c.id).where(p.c.account_id == account_id, p.c.closed_at.is_(None))
            ).first()
        ):
            return _refused(ProcurationAlreadyActive(), "already_active", 409)
        m = reading.mandataire
        conn.execute(
            p.insert().values(
                reference=reference,
                account_id=account_id,
                civilite=m.civilite.value,
                nom=m.nom,
                nom_usage=m.nom_usage,
                prenom=m.prenom,
                date_naissance=m.date_naissance,
                created_at=now,
                created_on=created_on,
                valid_until=valid_until,
                closed_at=None if still_open else now,
            )
        )
        row = conn.execute(sa.select(p).where(p.c.reference == reference)).one()
        log.info("registry procuration %d granted for account %d", row.id, account_id)
        return Answer(201, procuration_body(row, today, []))

    return _once(registry, account_id, key, "grant", apply)


def revoke(registry: Registry, account_id: int, key: str, reference: str) -> Answer:
    """Revoke one of the insured's procurations at once; revoking twice changes nothing."""

    def apply(conn: sa.Connection, now: datetime) -> Answer:
        row = conn.execute(
            sa.select(p).where(p.c.reference == reference, p.c.account_id == account_id)
        ).first()
        if row is None:
            return _refused(UnknownProcuration(), "unknown_procuration", 404)
        if row.revoked_at is None:
            conn.execute(
                p.update()
                .where(p.c.id == row.id)
                .values(revoked_at=now, closed_at=sa.func.coalesce(p.c.closed_at, now))
            )
            log.info("registry procuration %d revoked for account %d", row.id, account_id)
        row = conn.execute(sa.select(p).where(p.c.id == row.id)).one()
        return Answer(200, procuration_body(row, paris_date(now), _checks(conn, [row.id])[row.id]))

    return _once(registry, account_id, key, "revoke", apply)


def _checks(conn: sa.Connection, ids: list[int]) -> dict[int, list[datetime]]:
    c = tables.checks
    found: dict[int, list[datetime]] = {pid: [] for pid in ids}
    if ids:
        rows = conn.execute(
            sa.select(c.c.procuration_id, c.c.at)
            .where(c.c.procuration_id.in_(ids), c.c.answer == "valid")
            .order_by(c.c.at)
        )
        for pid, at in rows:
            found[pid].append(at)
    return found


def own(registry: Registry, account_id: int) -> list[dict[str, Any]]:
    """The insured's procurations, newest first, with the counter checks that found each valid."""
    with registry.engine.connect() as conn:
        rows = conn.execute(
            sa.select(p).where(p.c.account_id == account_id).order_by(p.c.id.desc())
        ).all()
        checks = _checks(conn, [row.id for row in rows])
    today = registry.today()
    return [procuration_body(row, today, checks[row.id]) for row in rows]
