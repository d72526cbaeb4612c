"""The procuration's reference: 10 characters of Crockford's base 32, the last one a check.

Nine random symbols and a Luhn mod 32 check character: every single-character change is
refused, and so are most swaps of two neighbours. Read aloud or typed, case, spaces and hyphens do
not matter, and the letters people mistake for digits (O, I, L) are read as 0, 1, 1.
"""

import secrets

from shared.models import Problem

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 10
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = str.maketrans("", "", " -\u00a0\u202f\t")


def check_symbol(body: str) -> str:
    """The Luhn mod 32 check character of a body written in ALPHABET."""
    total, factor = 0, 2
    for symbol in reversed(body):
        addend = factor * _VALUE[symbol]
        total += addend // 32 + addend % 32
        factor = 3 - factor
    return ALPHABET[-total % 32]


def new_reference() -> str:
    """A fresh random reference (about 45 bits), check character included."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH - 1))
    return body + check_symbol(body)


def format_reference(reference: str) -> str:
    """« K7QM2-9XHTR »: two groups of five, easy to read aloud."""
    return f"{reference[:5]}-{reference[5:]}"


def read_reference(text: str, field: str = "reference") -> tuple[str | None, list[Problem]]:
    """The reference in what was typed, or the problem that prevents reading it."""
    compact = text.translate(_IGNORED).upper().translate(_CONFUSABLE)
    if not compact:
        return None, [Problem(field=field, code="required")]
    if len(compact) != LENGTH:
        return None, [Problem(field=field, code="reference_length")]
    if any(symbol not in _VALUE for symbol in compact):
        return None, [Problem(field=field, code="reference_characters")]
    if check_symbol(compact[:-1]) != compact[-1]:
        return None, [Problem(field=field, code="reference_check")]
    return compact, []
