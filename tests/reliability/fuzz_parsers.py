"""Fuzz harness over every parser of user text; `make fuzz` runs it long, the tests briefly.

Usage: python tests/reliability/fuzz_parsers.py [EXAMPLES]
"""

import sys
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shared.rules import check_mandataire, normalise_name, parse_birth_date
from shared.services import check_sign_in
from tests.reliability.inputs import any_text

TODAY = date(2026, 11, 27)


def fuzz(examples: int) -> int:
    """Feed `examples` hostile inputs to each parser; any exception fails; returns the count."""
    tried = 0

    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(first=any_text, second=any_text)
    def parse_everything(first: str, second: str) -> None:
        nonlocal tried
        tried += 1
        nir13, sign_in_problems = check_sign_in(first, second)
        assert nir13 is None or (len(nir13) == 13 and nir13.isascii())
        assert nir13 is not None or sign_in_problems
        assert all(p.message for p in sign_in_problems)
        born, code = parse_birth_date(first, TODAY)
        assert (born is None) != (code is None)
        assert born is None or born <= TODAY
        name = normalise_name(first)
        assert normalise_name(name) == name == name.strip()
        problems = check_mandataire(
            civilite=second,
            nom=first,
            nom_usage=second,
            prenom=first,
            date_naissance=second,
            today=TODAY,
        )
        assert all(p.message for p in problems)

    parse_everything()
    return tried


if __name__ == "__main__":
    count = fuzz(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
    print(f"fuzz: {count} hostile inputs through every parser, no exception")
