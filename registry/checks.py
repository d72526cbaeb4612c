"""The counter's check: is there a valid procuration for this reference, or this insured and
mandataire? The answer tells the mandataire's identity to compare with the ID, nothing else.
Every check is recorded: agent, time, question, answer.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from registry import access, tables
from registry.context import Registry
from registry.database import audit_transaction
from shared import strings
from shared.clock import paris_date
from shared.errors import InvalidInput
from shared.models import Civilite, Mandataire, Problem
from shared.nir import read_nir
from shared.reference import read_reference
from shared.rules import parse_birth_date, same_identity
from shared.secrets import lookup_key

log = logging.getLogger(__name__)
p = tables.procurations


@dataclass(frozen=True)
class Verdict:
    """The counter's answer: valid until a date for that mandataire, or no valid procuration."""

    valid_until: date | None
    mandataire: Mandataire | None
    checked_at: datetime

    @property
    def valid(self) -> bool:
        return self.valid_until is not None

    @property
    def message(self) -> str:
        if self.valid_until is None:
            return strings.COUNTER_NONE
        return strings.COUNTER_VALID.format(fin=self.valid_until.strftime("%d/%m/%Y"))


def _valid(by: sa.ColumnElement[bool]) -> sa.Select[Any]:
    today = sa.bindparam("today", type_=sa.Date)
    return sa.select(p).where(
        by, p.c.revoked_at.is_(None), p.c.created_on <= today, p.c.valid_until >= today
    )


# Built once: the counter's two questions, the procuration valid today for each.
_BY_REFERENCE = _valid(p.c.reference == sa.bindparam("reference"))
_BY_ACCOUNT = _valid(p.c.account_id == sa.bindparam("account_id"))
_RECORD = tables.checks.insert()


def _mandataire(row: sa.Row[Any]) -> Mandataire:
    return Mandataire(
        civilite=Civilite(row.civilite),
        nom=row.nom,
        nom_usage=row.nom_usage,
        prenom=row.prenom,
        date_naissance=row.date_naissance,
    )


def _record(
    conn: sa.Connection,
    agent_id: int,
    now: datetime,
    kind: str,
    question: dict[str, Any],
    row: sa.Row[Any] | None,
) -> Verdict:
    conn.execute(
        _RECORD,
        {
            "agent_id": agent_id,
            "at": now,
            "kind": kind,
            "question": json.dumps(question, ensure_ascii=False),
            "answer": "valid" if row else "none",
            "procuration_id": row.id if row else None,
        },
    )
    # The check itself is recorded in the database; the log only follows it when asked.
    log.debug("counter check by agent %d: %s", agent_id, "valid" if row else "none")
    if row is None:
        return Verdict(None, None, now)
    return Verdict(row.valid_until, _mandataire(row), now)


def by_reference(registry: Registry, token: str | None, reference_text: str) -> Verdict:
    """The check of the reference printed on the procuration (or read from its QR code).

    The agent's token is read in the check's own transaction: one round trip fewer.
    """
    with audit_transaction(registry.engine) as conn:
        agent_id = access.agent(registry, token, conn)
        reference, problems = read_reference(reference_text)
        if reference is None:
            raise InvalidInput(problems)
        now = registry.clock()
        row = conn.execute(
            _BY_REFERENCE, {"reference": reference, "today": paris_date(now)}
        ).first()
        return _record(conn, agent_id, now, "reference", {"reference": reference}, row)


def _identity_question(
    nir_text: str, nom: str, prenom: str, born_text: str, today: date
) -> tuple[str, date]:
    """The insured's NIR and the mandataire's birth date, or the problems of the form."""
    nir13, problems = read_nir(nir_text)
    born, date_code = (
        parse_birth_date(born_text, today) if born_text.strip() else (None, "required")
    )
    if date_code:
        problems.append(Problem(field="date_naissance", code=date_code))
    for name, value in (("nom", nom), ("prenom", prenom)):
        if not value.strip():
            problems.append(Problem(field=name, code="required"))
    if nir13 is None or born is None or problems:
        raise InvalidInput(problems)
    return nir13, born


def by_identity(
    registry: Registry, token: str | None, nir_text: str, nom: str, prenom: str, born_text: str
) -> Verdict:
    """The check of the insured's NIR with the mandataire's names and birth date, as on the ID."""
    with audit_transaction(registry.engine) as conn:
        agent_id = access.agent(registry, token, conn)
        now = registry.clock()
        nir13, born = _identity_question(nir_text, nom, prenom, born_text, paris_date(now))
        a = tables.accounts
        account_id = conn.execute(sa.select(a.c.id).where(a.c.nir == nir13)).scalar()
        row = None
        if account_id:
            found = {"account_id": account_id, "today": paris_date(now)}
            row = conn.execute(_BY_ACCOUNT, found).first()
        if row is not None and not same_identity(_mandataire(row), nom, prenom, born):
            row = None
        question = {
            "account_id": account_id,
            "nir_key": None if account_id else lookup_key(nir13),
            "nom": nom.strip(),
            "prenom": prenom.strip(),
            "date_naissance": born.isoformat(),
        }
        return _record(conn, agent_id, now, "identity", question, row)


Check = Callable[[str | None], Verdict]
