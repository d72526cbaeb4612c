"""Who may act: sign-in of the insured (NIR + code) and of agents, and their short-lived tokens.

A token is 32 random bytes shown once to its holder; the registry keeps only its SHA-256
(enough for a random secret of that size) with an expiry.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from registry import tables
from registry.context import Registry
from registry.errors import AgentSignInRefused, Forbidden, NotAuthenticated
from shared.errors import AccountLocked, InvalidInput, SignInRefused
from shared.limits import MAX_FAILURES
from shared.models import Problem
from shared.secrets import code_matches, lookup_key
from shared.services import (
    CODE_MAX,
    check_sign_in,
    count_attempt,
    refuse_if_locked,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: datetime


@dataclass(frozen=True)
class Holder:
    """Whoever a valid token belongs to: an insured account or a counter agent."""

    account_id: int | None
    agent_id: int | None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(conn: sa.Connection, now: datetime, lifetime: timedelta, **holder: int) -> Token:
    conn.execute(tables.tokens.delete().where(tables.tokens.c.expires_at <= now))
    value = secrets.token_urlsafe(32)
    expires_at = now + lifetime
    conn.execute(
        tables.tokens.insert().values(
            token_hash=_digest(value), issued_at=now, expires_at=expires_at, **holder
        )
    )
    return Token(value, expires_at)


def _checked(
    registry: Registry,
    key: str,
    found: tuple[int, str] | None,
    secret: str,
    refused: type[SignInRefused] = SignInRefused,
) -> tuple[int, datetime]:
    """The id whose secret matches, counting failures against `key` (5 → 30 minutes)."""
    now = registry.clock()
    with registry.engine.connect() as conn:
        row = conn.execute(
            sa.select(tables.sign_in_attempts.c.locked_until).where(
                tables.sign_in_attempts.c.key == key
            )
        ).first()
    refuse_if_locked(row[0] if row else None, now)
    # An unknown NIR or identifiant costs the same work as a known one (code_matches does it).
    matches = code_matches(secret[:CODE_MAX], found[1] if found else None) and found is not None
    failures, lock = _count(registry, key, matches, now)
    if not matches or found is None:
        log.info("registry sign-in refused (failure %d)", failures)
        if lock:
            raise AccountLocked(lock)
        raise refused(tries_left=MAX_FAILURES - failures)
    return found[0], now


def _count(
    registry: Registry, key: str, matches: bool, now: datetime
) -> tuple[int, datetime | None]:
    """Count this attempt against `key`. Two first attempts at once may both insert the row:
    the one that loses sees the other's row on its second try (no 500 under load)."""
    t = tables.sign_in_attempts
    for attempt in range(2):
        try:
            with registry.engine.begin() as conn:
                row = conn.execute(
                    sa.select(t.c.failures, t.c.locked_until).where(t.c.key == key)
                ).first()
                failures, lock = count_attempt(
                    row[0] if row else 0, row[1] if row else None, matches, now
                )
                if row:
                    conn.execute(
                        t.update()
                        .where(t.c.key == key)
                        .values(failures=failures, locked_until=lock)
                    )
                else:
                    conn.execute(t.insert().values(key=key, failures=failures, locked_until=lock))
                return failures, lock
        except sa.exc.IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def sign_in_insured(registry: Registry, nir_text: str, code: str) -> Token:
    """A token for the insured whose NIR and code these are."""
    nir13, problems = check_sign_in(nir_text, code)
    if nir13 is None or problems:
        raise InvalidInput(problems)
    with registry.engine.connect() as conn:
        a = tables.accounts
        row = conn.execute(sa.select(a.c.id, a.c.code_hash).where(a.c.nir == nir13)).first()
    found = (int(row[0]), str(row[1])) if row else None
    account_id, now = _checked(registry, lookup_key(nir13), found, code)
    with registry.engine.begin() as conn:
        token = _issue(conn, now, registry.settings.insured_token_lifetime, account_id=account_id)
    log.info("registry token issued for account %d", account_id)
    return token


def sign_in_agent(registry: Registry, identifiant: str, password: str) -> Token:
    """A token for the counter agent with that identifiant and password."""
    problems = [
        Problem(field=name, code="required")
        for name, value in (("identifiant", identifiant), ("mot_de_passe", password))
        if not value.strip()
    ]
    if problems:
        raise InvalidInput(problems)
    ident = identifiant.strip().casefold()[:64]
    with registry.engine.connect() as conn:
        g = tables.agents
        row = conn.execute(
            sa.select(g.c.id, g.c.secret_hash).where(g.c.identifiant == ident)
        ).first()
    found = (int(row[0]), str(row[1])) if row else None
    agent_id, now = _checked(
        registry, lookup_key("agent:" + ident), found, password, AgentSignInRefused
    )
    with registry.engine.begin() as conn:
        token = _issue(conn, now, registry.settings.agent_token_lifetime, agent_id=agent_id)
    log.info("registry token issued for agent %d", agent_id)
    return token


# Built once: the hottest query of the registry (every request but the sign-ins).
_HOLDER = sa.select(tables.tokens.c.account_id, tables.tokens.c.agent_id).where(
    tables.tokens.c.token_hash == sa.bindparam("digest"),
    tables.tokens.c.expires_at > sa.bindparam("now", type_=tables.UtcDateTime),
)


def holder(registry: Registry, token: str | None, conn: sa.Connection | None = None) -> Holder:
    """Whose unexpired token this is (read in `conn` if given); NotAuthenticated otherwise."""
    if not token:
        raise NotAuthenticated()
    found = {"digest": _digest(token), "now": registry.clock()}
    if conn is None:
        with registry.engine.connect() as own:
            row = own.execute(_HOLDER, found).first()
    else:
        row = conn.execute(_HOLDER, found).first()
    if row is None:
        raise NotAuthenticated()
    return Holder(row[0], row[1])


def insured(registry: Registry, token: str | None) -> int:
    """The account id of an insured's token; an agent's token is Forbidden here."""
    found = holder(registry, token)
    if found.account_id is None:
        raise Forbidden()
    return found.account_id


def agent(registry: Registry, token: str | None, conn: sa.Connection | None = None) -> int:
    """The agent id of an agent's token; an insured's token is Forbidden here."""
    found = holder(registry, token, conn)
    if found.agent_id is None:
        raise Forbidden()
    return found.agent_id


def sign_out(registry: Registry, token: str | None) -> None:
    """Forget a token (whoever holds it); an unknown one is NotAuthenticated."""
    holder(registry, token)
    with registry.engine.begin() as conn:
        conn.execute(
            tables.tokens.delete().where(tables.tokens.c.token_hash == _digest(token or ""))
        )
