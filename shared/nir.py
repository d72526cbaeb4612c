"""The numéro de sécurité sociale (NIR): 13 characters at sign-in, key checked when 15 are given."""

import re

from stdnum.fr import nir as stdnum_nir

from shared.models import Problem

_SEPARATORS = re.compile(r"[\s.\-]+")
# sex, year, month, département (2A/2B for Corsica), commune, order
_NIR13 = re.compile(
    r"[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-3][0-9]|4[0-2]|[5-9][0-9])"
    r"([0-9]{2}|2A|2B)[0-9]{6}",
    re.ASCII,
)


def normalise_nir(text: str) -> str:
    """Upper case, without spaces, dots or hyphens."""
    return _SEPARATORS.sub("", text).upper()


def nir_key(nir13: str) -> str:
    """The two-digit key of a well-formed 13-character NIR (2A read as 19, 2B as 18)."""
    return str(stdnum_nir.calc_check_digits(nir13))


def read_nir(text: str, field: str = "nir") -> tuple[str | None, list[Problem]]:
    """The 13-character NIR in the text, or the problems that prevent reading it."""
    compact = normalise_nir(text)
    if not compact:
        return None, [Problem(field=field, code="required")]
    if len(compact) not in (13, 15):
        return None, [Problem(field=field, code="nir_length")]
    nir13 = compact[:13]
    if not _NIR13.fullmatch(nir13) or not compact[13:].isascii():
        return None, [Problem(field=field, code="nir_format")]
    if len(compact) == 15 and not stdnum_nir.is_valid(compact):
        return None, [Problem(field=field, code="nir_key")]
    return nir13, []


def format_nir(nir13: str) -> str:
    """« 1 90 03 75 112 004 », the usual grouping."""
    parts = (nir13[0], nir13[1:3], nir13[3:5], nir13[5:7], nir13[7:10], nir13[10:13])
    return " ".join(parts)
