"""The demo accounts seeded on first start (fictitious people, fictitious data).

The third one starts locked, as after five wrong codes, for the 30 minutes after seeding.
"""

from datetime import date, timedelta

from shared.clock import Clock, paris_date, system_clock
from shared.limits import LOCK_DURATION, MAX_FAILURES
from shared.models import Account, Civilite, InfoRow, Payment
from shared.secrets import hash_code, lookup_key
from shared.store import Store

ALEXIS_NIR, ALEXIS_CODE = "1900375112004", "24681357"
CAMILLE_NIR, CAMILLE_CODE = "2851275056012", "13572468"
DOMINIQUE_NIR, DOMINIQUE_CODE = "1780569123045", "97531864"  # starts locked

_ALEXIS = Account(
    id=0,
    nir=ALEXIS_NIR,
    civilite=Civilite.MONSIEUR,
    nom="MOREAU",
    prenom="Alexis",
    date_naissance=date(1990, 3, 14),
    informations=(
        InfoRow(label="Nom", value="Alexis MOREAU"),
        InfoRow(label="Numéro de sécurité sociale", value="1 90 03 75 112 004 93"),
        InfoRow(label="Droits", value="Vos droits à l'Assurance Maladie sont ouverts."),
        InfoRow(
            label="Caisse d'assurance maladie", value="CPAM de PARIS – Code d'organisme 01 751 8954"
        ),
        InfoRow(
            label="Organisme complémentaire",
            value="Mutuelle Horizon (fictive) – N° adhérent 0000-4821 – Contrat du 01/01/2020"
            " – Transmission automatique des paiements : activée",
        ),
        InfoRow(
            label="Médecin traitant",
            value="Dr Hélène ROUSSEL – Médecine générale – Déclaré le 03/04/2019",
        ),
        InfoRow(
            label="Carte Européenne d'Assurance Maladie", value="Carte valable jusqu'au 11/07/2027"
        ),
        InfoRow(label="Coordonnées bancaires", value="FR76 •••• •••• •••• •••• •••• 042"),
        InfoRow(label="Adresse postale", value="12 rue des Exemples, 75011 PARIS"),
        InfoRow(label="Email", value="al***@exemple.fr"),
        InfoRow(label="Téléphone portable", value="06 •• •• •• 21"),
        InfoRow(label="Téléphone fixe", value="Non renseigné"),
        InfoRow(label="Autorisations de contact", value="Email - SMS"),
    ),
)

_CAMILLE = Account(
    id=0,
    nir=CAMILLE_NIR,
    civilite=Civilite.MADAME,
    nom="LEFEBVRE",
    prenom="Camille",
    date_naissance=date(1985, 12, 2),
    informations=(
        InfoRow(label="Nom", value="Camille LEFEBVRE"),
        InfoRow(label="Numéro de sécurité sociale", value="2 85 12 75 056 012 67"),
        InfoRow(label="Droits", value="Vos droits à l'Assurance Maladie sont ouverts."),
        InfoRow(
            label="Caisse d'assurance maladie", value="CPAM de PARIS – Code d'organisme 01 751 8954"
        ),
        InfoRow(label="Organisme complémentaire", value="Aucun organisme complémentaire déclaré"),
        InfoRow(
            label="Médecin traitant",
            value="Dr Paul GARNIER – Médecine générale – Déclaré le 15/09/2021",
        ),
        InfoRow(label="Carte Européenne d'Assurance Maladie", value="Aucune carte en cours"),
        InfoRow(label="Coordonnées bancaires", value="FR76 •••• •••• •••• •••• •••• 318"),
        InfoRow(label="Adresse postale", value="4 allée des Tilleuls, 75019 PARIS"),
        InfoRow(label="Email", value="ca***@exemple.fr"),
        InfoRow(label="Téléphone portable", value="07 •• •• •• 64"),
        InfoRow(label="Téléphone fixe", value="Non renseigné"),
        InfoRow(label="Autorisations de contact", value="Email"),
    ),
)

_DOMINIQUE = Account(
    id=0,
    nir=DOMINIQUE_NIR,
    civilite=Civilite.MONSIEUR,
    nom="PETIT",
    prenom="Dominique",
    date_naissance=date(1978, 5, 23),
    informations=(
        InfoRow(label="Nom", value="Dominique PETIT"),
        InfoRow(label="Numéro de sécurité sociale", value="1 78 05 69 123 045 19"),
        InfoRow(label="Droits", value="Vos droits à l'Assurance Maladie sont ouverts."),
        InfoRow(
            label="Caisse d'assurance maladie", value="CPAM du RHÔNE – Code d'organisme 01 691 0000"
        ),
        InfoRow(label="Organisme complémentaire", value="Aucun organisme complémentaire déclaré"),
        InfoRow(label="Adresse postale", value="8 place des Essais, 69003 LYON"),
        InfoRow(label="Email", value="do***@exemple.fr"),
        InfoRow(label="Téléphone fixe", value="Non renseigné"),
    ),
)

# The demo people and their codes, also seeded at the registry (registry/demo.py).
DEMO_ACCOUNTS: tuple[tuple[Account, str], ...] = (
    (_ALEXIS, ALEXIS_CODE),
    (_CAMILLE, CAMILLE_CODE),
    (_DOMINIQUE, DOMINIQUE_CODE),
)

# (days before first start, label, cents): the amounts of the seed's « Mes derniers paiements ».
_ALEXIS_PAYMENTS = (
    (3, "Remboursement de soins", 1610),
    (10, "Remboursement de soins", 1610),
    (17, "Paiement à un tiers", 2501),
    (17, "Remboursement de soins", 4439),
    (27, "Paiement à un tiers", 2501),
)
_CAMILLE_PAYMENTS = ((6, "Remboursement de soins", 2300), (21, "Remboursement de soins", 875))


def _payments(today: date, rows: tuple[tuple[int, str, int], ...]) -> list[Payment]:
    return [
        Payment(paid_on=today - timedelta(days=d), label=lb, amount_cents=c) for d, lb, c in rows
    ]


def seed_demo_accounts(store: Store, clock: Clock = system_clock) -> bool:
    """Add the demo accounts to an empty store; True when it did."""
    with store.reading() as tx:
        if tx.count_accounts():
            return False
    now = clock()
    today = paris_date(now)
    hashed = [
        (a, p, hash_code(c))
        for a, p, c in (
            (_ALEXIS, _ALEXIS_PAYMENTS, ALEXIS_CODE),
            (_CAMILLE, _CAMILLE_PAYMENTS, CAMILLE_CODE),
            (_DOMINIQUE, (), DOMINIQUE_CODE),
        )
    ]
    with store.transaction() as tx:
        if tx.count_accounts():
            return False
        for account, payments, stored in hashed:
            account_id = tx.add_account(account, stored)
            for payment in _payments(today, payments):
                tx.add_payment(account_id, payment)
            if account.nir == DOMINIQUE_NIR:
                tx.set_attempts(lookup_key(DOMINIQUE_NIR), MAX_FAILURES, now + LOCK_DURATION)
                tx.add_event("locked", now, account_id)
    return True
