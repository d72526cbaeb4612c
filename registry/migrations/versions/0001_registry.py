"""The registry's first schema: accounts, agents, tokens, procurations, operations, checks.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from registry.tables import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("nir", sa.String(13), nullable=False, unique=True),
        sa.Column("code_hash", sa.String(200), nullable=False),
        sa.Column("civilite", sa.String(8), nullable=False),
        sa.Column("nom", sa.String(50), nullable=False),
        sa.Column("prenom", sa.String(50), nullable=False),
        sa.Column("date_naissance", sa.Date, nullable=False),
    )
    op.create_table(
        "agents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("identifiant", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("secret_hash", sa.String(200), nullable=False),
    )
    op.create_table(
        "sign_in_attempts",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("locked_until", UtcDateTime, nullable=True),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=True),
        sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=True),
        sa.Column("issued_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.CheckConstraint("(account_id IS NULL) <> (agent_id IS NULL)", name="tokens_one_holder"),
    )
    op.create_index("tokens_by_expiry", "tokens", ["expires_at"])
    op.create_table(
        "procurations",
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
        sa.Column("closed_at", UtcDateTime, nullable=True),
        sa.CheckConstraint("civilite IN ('Madame', 'Monsieur')", name="procurations_civilite"),
        sa.CheckConstraint("revoked_at IS NULL OR closed_at IS NOT NULL", name="revoked_is_closed"),
    )
    op.create_index("procurations_by_account", "procurations", ["account_id", "id"])
    op.create_index(
        "procurations_one_open_per_account",
        "procurations",
        ["account_id"],
        unique=True,
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    )
    op.create_table(
        "operations",
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.CheckConstraint("kind IN ('grant', 'revoke')", name="operations_kind"),
    )
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.String(10), nullable=False),
        sa.Column("procuration_id", sa.Integer, sa.ForeignKey("procurations.id"), nullable=True),
        sa.CheckConstraint("kind IN ('reference', 'identity')", name="checks_kind"),
        sa.CheckConstraint("answer IN ('valid', 'none')", name="checks_answer"),
    )
    op.create_index("checks_by_procuration", "checks", ["procuration_id", "at"])


def downgrade() -> None:
    for table in ("checks", "operations", "procurations", "tokens", "sign_in_attempts"):
        op.drop_table(table)
    op.drop_table("agents")
    op.drop_table("accounts")
