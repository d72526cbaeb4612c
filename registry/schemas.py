"""The JSON of the registry's API, with bounds on every field (the OpenAPI document shows them)."""

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

Text = Field(max_length=100)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InsuredSignIn(Model):
    nir: str = Field(max_length=32, description="Numéro de sécurité sociale, 13 ou 15 caractères")
    code: str = Field(max_length=64, description="Code personnel")


class AgentSignIn(Model):
    identifiant: str = Field(max_length=64)
    mot_de_passe: str = Field(max_length=128)


class TokenOut(Model):
    token: str
    expires_at: datetime


class ProblemOut(Model):
    field: str
    code: str
    message: str


class ErrorOut(Model):
    """A refusal: a stable code, the French message to show, and field problems if any."""

    code: str
    message: str
    problems: list[ProblemOut] = []


class GrantIn(Model):
    reference: str = Field(max_length=32, description="Made by the app (shared.reference)")
    civilite: str = Field(max_length=20)
    nom: str = Text
    nom_usage: str | None = Field(default=None, max_length=100)
    prenom: str = Text
    date_naissance: date
    created_at: AwareDatetime = Field(description="When the insured pressed « Valider »")


class ProcurationOut(Model):
    reference: str
    civilite: str
    nom: str
    nom_usage: str | None
    prenom: str
    date_naissance: date
    created_on: date
    valid_until: date
    received_at: datetime = Field(description="When the registry recorded it")
    revoked_at: datetime | None
    status: Literal["active", "revoked", "expired"]
    checks: list[datetime] = Field(description="Counter checks that found it valid")


class CheckByReference(Model):
    reference: str = Field(max_length=32)


class CheckByIdentity(Model):
    nir: str = Field(max_length=32, description="The insured's numéro de sécurité sociale")
    nom: str = Text
    prenom: str = Text
    date_naissance: date


class MandataireOut(Model):
    civilite: str
    nom: str
    nom_usage: str | None
    prenom: str
    date_naissance: date


class CheckOut(Model):
    valid: bool
    message: str
    valid_until: date | None
    mandataire: MandataireOut | None
    checked_at: datetime
