"""First start: the demo insured people of shared/demo.py and one demo counter agent."""

import sqlalchemy as sa

from registry import tables
from shared.demo import DEMO_ACCOUNTS
from shared.secrets import hash_code

AGENT_IDENTIFIANT, AGENT_PASSWORD = "agent.paris", "Comptoir-Paris-2024"
AGENT_NAME = "Accueil CPAM de Paris (démonstration)"


def seed_demo(engine: sa.Engine) -> bool:
    """Add the demo accounts and agent to an empty registry; True when it did."""
    with engine.connect() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(tables.accounts)).scalar_one():
            return False
    people = [(account, hash_code(code)) for account, code in DEMO_ACCOUNTS]
    agent_hash = hash_code(AGENT_PASSWORD)
    with engine.begin() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(tables.accounts)).scalar_one():
            return False
        for account, digest in people:
            conn.execute(
                tables.accounts.insert().values(
                    nir=account.nir,
                    code_hash=digest,
                    civilite=account.civilite.value,
                    nom=account.nom,
                    prenom=account.prenom,
                    date_naissance=account.date_naissance,
                )
            )
        conn.execute(
            tables.agents.insert().values(
                identifiant=AGENT_IDENTIFIANT,
                name=AGENT_NAME,
                secret_hash=agent_hash,
            )
        )
    return True
