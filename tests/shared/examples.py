"""The insured person and the day the rule tests reason about."""

from datetime import date

from shared.models import Account, Civilite

TODAY = date(2024, 6, 15)
ASSURE = Account(
    id=1,
    nir="1900375112004",
    civilite=Civilite.MONSIEUR,
    nom="MOREAU",
    prenom="Alexis",
    date_naissance=date(1990, 3, 14),
)
# Latin letters, accented or not, that a name may hold.
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäîïôöùûüÿçœæÉÈÇŒÆñøåłšžđ"
