"""The rules of « Procuration en ligne » (DOMAIN.md): pure functions that return data."""

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict

from shared.clock import paris_date, system_clock
from shared.models import Account, Civilite, Mandataire, Problem
from shared.nir import format_nir, nir_key, normalise_nir, read_nir

__all__ = [
    "MandataireForm",
    "check_mandataire",
    "format_nir",
    "is_complete",
    "latest_adult_birth",
    "majority_date",
    "nir_key",
    "normalise_name",
    "normalise_nir",
    "parse_birth_date",
    "read_mandataire",
    "read_nir",
    "same_identity",
    "validity_end",
]

NAME_MAX = 50
# The fields marked * on the form; « Suivant » waits for them (the nom d'usage is optional).
MANDATORY_FIELDS = ("civilite", "nom", "prenom", "date_naissance")
OLDEST_BIRTH = date(1900, 1, 1)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "´": "'", "`": "'"})
_SPACES = re.compile(r"[ \u00a0\u202f]+")
# ASCII letters, inner spaces, hyphens and apostrophes, a letter at each end: always valid.
_ASCII_NAME = re.compile(r"[A-Za-z](?:[A-Za-z' -]*[A-Za-z])?", re.ASCII)
_NOT_NAME_ASCII = re.compile(r"[^A-Za-z' -]", re.ASCII)
# « Jean--Pierre », « Jean -Pierre », « d''Arc »: a separator goes between two letters.
_SEPARATOR_RUN = re.compile(r"[' -]{2}")
# The full words, as the form offers them, and the usual abbreviations.
_CIVILITES = {
    **{c.value.casefold(): c for c in Civilite},
    **dict.fromkeys(("mme", "mme."), Civilite.MADAME),
    **dict.fromkeys(("m", "m.", "mr", "mr."), Civilite.MONSIEUR),
}
_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|([0-9]{2})([0-9]{2})([0-9]{4})", re.ASCII)


def majority_date(birth: date) -> date:
    """Day the person is 18 « révolus »; born 29 February: 28 February of a non-leap year."""
    try:
        return birth.replace(year=birth.year + 18)
    except ValueError:
        return date(birth.year + 18, 2, 28)


def latest_adult_birth(today: date) -> date:
    """The latest birth date of a person 18 « révolus » today (the date picker's last day)."""
    try:
        born = today.replace(year=today.year - 18)
    except ValueError:  # today is 29 February, 18 years ago was not a leap year
        born = date(today.year - 18, 2, 28)
    # Born 29 February of a leap year: of age on 28 February of a common year (majority_date).
    following = born + timedelta(days=1)
    return following if majority_date(following) <= today else born


def validity_end(created_on: date) -> date:
    """Last valid day: same day-of-month next month, else that month's last day (CPC 641)."""
    year = created_on.year + (created_on.month == 12)
    month = created_on.month % 12 + 1
    return date(year, month, min(created_on.day, calendar.monthrange(year, month)[1]))


def normalise_name(text: str) -> str:
    """NFC, typographic apostrophes as ', trimmed, inner runs of spaces as one.

    Only spaces are folded: a tab or any other control character inside a name stays,
    so that the check refuses it instead of silently rewriting it.
    """
    if text.isascii():  # already NFC; the only ASCII apostrophe to fold is `
        text = text.replace("`", "'").strip()
        return _SPACES.sub(" ", text) if "  " in text else text
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).strip()
    return _SPACES.sub(" ", text)


@functools.lru_cache(maxsize=4096)
def _is_latin_letter(char: str) -> bool:
    """A Latin letter, accented or not; fullwidth and compatibility forms are refused."""
    return (
        unicodedata.category(char).startswith("L")
        and "LATIN" in unicodedata.name(char, "")
        and unicodedata.normalize("NFKC", char) == char
    )


@functools.lru_cache(maxsize=4096)
def _is_other_script_letter(char: str) -> bool:
    """A letter of another script (Cyrillic, Greek, Arabic, CJK…): the name is to be written
    in Latin letters, as on the identity document."""
    return unicodedata.category(char).startswith("L") and "LATIN" not in unicodedata.name(char, "")


def _name_problem(name: str) -> str | None:
    """The code of what is wrong with a normalised, non-empty name, if anything."""
    if len(name) > NAME_MAX:
        return "name_too_long"
    if name.isascii():  # the usual case, without a look at Unicode's tables
        if _ASCII_NAME.fullmatch(name):
            return "name_separators" if _SEPARATOR_RUN.search(name) else None
        return "name_invalid_characters" if _NOT_NAME_ASCII.search(name) else "name_edges"
    if any(_is_other_script_letter(c) for c in name):
        return "name_not_latin"
    if any(not (_is_latin_letter(c) or c in " -'") for c in name):
        return "name_invalid_characters"
    if not _is_latin_letter(name[0]) or not _is_latin_letter(name[-1]):
        return "name_edges"
    if _SEPARATOR_RUN.search(name):
        return "name_separators"
    return None


def parse_birth_date(text: str, today: date) -> tuple[date | None, str | None]:
    """JJ/MM/AAAA (or JJMMAAAA) to a date, or the code of what is wrong with it."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None, "date_format"
    day, month, year = (int(g) for g in match.groups() if g is not None)
    try:
        born = date(year, month, day)
    except ValueError:
        return None, "date_impossible"
    if born > today:
        return None, "date_future"
    if born < OLDEST_BIRTH:
        return None, "date_before_1900"
    return born, None


class MandataireForm(BaseModel):
    """The mandataire form as typed: plain text, nothing checked yet."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=False)

    civilite: str = ""
    nom: str = ""
    nom_usage: str = ""
    prenom: str = ""
    date_naissance: str = ""


def is_complete(form: MandataireForm) -> bool:
    """Every mandatory field holds something (« Suivant » becomes active)."""
    return all(getattr(form, name).strip() for name in MANDATORY_FIELDS)


@dataclass(frozen=True)
class MandataireReading:
    """The outcome of reading the form: a mandataire, or the problems found."""

    mandataire: Mandataire | None
    problems: tuple[Problem, ...]


def _civilite(text: str) -> Civilite | None:
    return _CIVILITES.get(text.strip().casefold())


def _identity_key(*parts: str) -> str:
    text = unicodedata.normalize("NFKD", " ".join(parts).casefold())
    return "".join(c for c in text if c.isalnum())


def _is_self(mandataire: Mandataire, assure: Account) -> bool:
    if mandataire.date_naissance != assure.date_naissance:
        return False
    same_first = _identity_key(mandataire.prenom) == _identity_key(assure.prenom)
    names = {_identity_key(mandataire.nom), _identity_key(mandataire.nom_usage or "")}
    return same_first and _identity_key(assure.nom) in names


def same_identity(mandataire: Mandataire, nom: str, prenom: str, born: date) -> bool:
    """Whether typed names and birth date are the mandataire's (case and accents aside)."""
    if born != mandataire.date_naissance:
        return False
    names = {_identity_key(mandataire.nom), _identity_key(mandataire.nom_usage or "")}
    return _identity_key(prenom) == _identity_key(mandataire.prenom) and _identity_key(nom) in names


def read_mandataire(
    form: MandataireForm, today: date, assure: Account | None = None
) -> MandataireReading:
    """Check every field of the form; build the mandataire only when nothing is wrong."""
    problems: list[Problem] = []
    civilite = _civilite(form.civilite)
    if civilite is None:
        code = "civilite_invalid" if form.civilite.strip() else "required"
        problems.append(Problem(field="civilite", code=code))
    names: dict[str, str] = {}
    for field in ("nom", "nom_usage", "prenom"):
        name = normalise_name(getattr(form, field))
        names[field] = name
        if not name:
            if field != "nom_usage":
                problems.append(Problem(field=field, code="required"))
        elif name_code := _name_problem(name):
            problems.append(Problem(field=field, code=name_code))
    born: date | None = None
    date_code: str | None = "required"
    if form.date_naissance.strip():
        born, date_code = parse_birth_date(form.date_naissance, today)
    if born is not None and today < majority_date(born):
        date_code = "minor"
    if date_code:
        problems.append(Problem(field="date_naissance", code=date_code))
    if problems or civilite is None or born is None:
        return MandataireReading(None, tuple(problems))
    mandataire = Mandataire(
        civilite=civilite,
        nom=names["nom"],
        nom_usage=names["nom_usage"] or None,
        prenom=names["prenom"],
        date_naissance=born,
    )
    if assure is not None and _is_self(mandataire, assure):
        return MandataireReading(None, (Problem(field="mandataire", code="self"),))
    return MandataireReading(mandataire, ())


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def check_mandataire(
    form: MandataireForm | dict[str, Any] | None = None,
    *,
    today: date | None = None,
    assure: Account | None = None,
    **fields: object,
) -> list[Problem]:
    """The problems of a filled-in mandataire form, as data (empty when it can be granted)."""
    if isinstance(form, dict):
        fields = {**form, **fields}
        form = None
    if form is None:
        form = MandataireForm(**{k: _as_text(v) for k, v in fields.items()})
    when = today if today is not None else paris_date(system_clock())
    return list(read_mandataire(form, when, assure).problems)
