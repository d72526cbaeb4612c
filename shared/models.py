"""The domain's data: account, mandataire, procuration, rating, and the problems of a form."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from shared import strings
from shared.names import title_case


class Civilite(StrEnum):
    MADAME = "Madame"
    MONSIEUR = "Monsieur"


class Status(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"
    REFUSED = "refused"  # by the caisse's registry: never active


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with what the user typed: the field concerned and a message code.

    A plain dataclass: built several times per keystroke check, never validated or dumped.
    """

    field: str
    code: str

    @property
    def message(self) -> str:
        return strings.MESSAGES[self.code]


class Mandataire(BaseModel):
    """The adult who may act for the insured person; built only from checked input."""

    model_config = ConfigDict(frozen=True)

    civilite: Civilite
    nom: str = Field(min_length=1, max_length=50)
    nom_usage: str | None = Field(default=None, max_length=50)
    prenom: str = Field(min_length=1, max_length=50)
    date_naissance: date

    def short_name(self) -> str:
        """« M. DUPONT », as in the row of Mes informations: the nom in capitals."""
        return f"{strings.CIVILITE_SHORT[self.civilite.value]} {self.nom.upper()}"

    def full_name(self) -> str:
        """« Monsieur Dupont Martin », as on the page of Mes démarches (shared/names.py)."""
        return f"{self.civilite.value} {title_case(self.nom)} {title_case(self.prenom)}"


class Procuration(BaseModel):
    """A procuration; its status is derived from its dates, never stored."""

    model_config = ConfigDict(frozen=True)

    id: int
    account_id: int
    mandataire: Mandataire
    created_at: datetime
    created_on: date
    valid_until: date
    reference: str
    revoked_at: datetime | None = None
    refused_reason: str | None = None

    def status(self, today: date) -> Status:
        if self.refused_reason is not None:
            return Status.REFUSED
        if self.revoked_at is not None:
            return Status.REVOKED
        if today > self.valid_until:
            return Status.EXPIRED
        return Status.ACTIVE

    def is_active(self, today: date) -> bool:
        return self.status(today) is Status.ACTIVE


class InfoRow(BaseModel):
    """One row of « Mes informations »."""

    model_config = ConfigDict(frozen=True)

    label: str
    value: str


class Payment(BaseModel):
    model_config = ConfigDict(frozen=True)

    paid_on: date
    label: str
    amount_cents: int


class Account(BaseModel):
    """The insured person signed in (never holds the code personnel)."""

    model_config = ConfigDict(frozen=True)

    id: int
    nir: str
    civilite: Civilite
    nom: str
    prenom: str
    date_naissance: date
    informations: tuple[InfoRow, ...] = ()


class Rating(BaseModel):
    """The user's mark for the démarche, 1 to 5."""

    model_config = ConfigDict(frozen=True)

    procuration_id: int
    stars: int = Field(ge=1, le=5)
