"""The registry's schema as SQLAlchemy Core tables: one definition for SQLite and PostgreSQL.

The Alembic migrations create exactly this (a test compares them); the queries use it.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


class UtcDateTime(sa.TypeDecorator[datetime]):
    """An instant, stored as naive UTC on both backends and read back as aware UTC."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the registry")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


metadata = sa.MetaData()

accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("nir", sa.String(13), nullable=False, unique=True),
    # The code as shared/secrets.py stores it: its key derivation, parameters, salt, hash.
    sa.Column("code_hash", sa.String(200), nullable=False),
    sa.Column("civilite", sa.String(8), nullable=False),
    sa.Column("nom", sa.String(50), nullable=False),
    sa.Column("prenom", sa.String(50), nullable=False),
    sa.Column("date_naissance", sa.Date, nullable=False),
)

agents = sa.Table(
    "agents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("identifiant", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("secret_hash", sa.String(200), nullable=False),
)

sign_in_attempts = sa.Table(
    "sign_in_attempts",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("locked_until", UtcDateTime, nullable=True),
)

tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
    sa.Column("issued_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.CheckConstraint("(account_id IS NULL) <> (agent_id IS NULL)", name="tokens_one_holder"),
    sa.Index("tokens_by_expiry", "expires_at"),
)

procurations = sa.Table(
    "procurations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("reference", sa.String(10), nullable=False, unique=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False),
    sa.Column("civilite", sa.String(8), nullable=False),
    sa.Column("nom", sa.String(50), nullable=False),
    sa.Column("nom_usage", sa.String(50), nullable=True),
    sa.Column("prenom", sa.String(50), nullable=False),
    sa.Column("date_naissance", sa.Date, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("valid_until", sa.Date, nullable=False),
    sa.Column("revoked_at", UtcDateTime, nullable=True),
    # Set when the procuration stops being the insured's open one (revoked, or found expired).
    sa.Column("closed_at", UtcDateTime, nullable=True),
    sa.CheckConstraint("civilite IN ('Madame', 'Monsieur')", name="procurations_civilite"),
    sa.CheckConstraint("revoked_at IS NULL OR closed_at IS NOT NULL", name="revoked_is_closed"),
    sa.Index("procurations_by_account", "account_id", "id"),
    # One active procuration per insured, held by the database itself.
    sa.Index(
        "procurations_one_open_per_account",
        "account_id",
        unique=True,
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    ),
)

operations = sa.Table(
    "operations",
    metadata,
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("status_code", sa.Integer, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.CheckConstraint("kind IN ('grant', 'revoke')", name="operations_kind"),
)

checks = sa.Table(
    "checks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    # What was asked, as JSON: the reference, or the mandataire typed and the insured's account
    # (a NIR that matched no account is kept only as its non-reversible lookup key).
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("answer", sa.String(10), nullable=False),
    sa.Column("procuration_id", sa.Integer, sa.ForeignKey("procurations.id"), nullable=True),
    sa.CheckConstraint("kind IN ('reference', 'identity')", name="checks_kind"),
    sa.CheckConstraint("answer IN ('valid', 'none')", name="checks_answer"),
    sa.Index("checks_by_procuration", "procuration_id", "at"),
)
