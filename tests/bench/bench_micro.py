"""In-process measures of the rules, and the import time of the app's entry module."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench_common import APP_ROOT, Result, Target, compared, interleaved, per_call
from pydantic import BaseModel
from stdnum.fr import nir as stdnum_nir

from shared.nir import read_nir
from shared.rules import check_mandataire

VALID = {
    "civilite": "Monsieur",
    "nom": "Dupont",
    "nom_usage": "",
    "prenom": "Martin",
    "date_naissance": "20/09/1970",
}
# Three problems: a digit in the name, no first name, a date that does not exist.
INVALID = {
    "civilite": "Madame",
    "nom": "Dup0nt",
    "nom_usage": "",
    "prenom": "",
    "date_naissance": "31/02/1980",
}
# The demo NIRs as typed at sign-in (13 characters); stdnum needs the 2-digit key as well.
TYPED_NIRS = ("1900375112004", "2851275056012")
FULL_NIRS = tuple(n + stdnum_nir.calc_check_digits(n) for n in TYPED_NIRS)


class FiveStrings(BaseModel):
    """The floor: pydantic checks five text fields and nothing else."""

    civilite: str
    nom: str
    nom_usage: str
    prenom: str
    date_naissance: str


def bench_check_mandataire(runs: int) -> Result:
    assert check_mandataire(VALID) == [], "the valid mandataire must pass"
    assert len(check_mandataire(INVALID)) == 3, "the invalid mandataire must have 3 problems"

    def both() -> None:
        check_mandataire(VALID)
        check_mandataire(INVALID)

    def both_floor() -> None:
        FiveStrings.model_validate(VALID)
        FiveStrings.model_validate(INVALID)

    measure, floor = per_call(both), per_call(both_floor)
    values, floors = interleaved(measure, floor, runs)
    # Two checks per call: report one check, in microseconds.
    result = compared(
        "rules.check_mandataire",
        "µs",
        [v / 2 * 1e6 for v in values],
        "pydantic model_validate (5 str fields)",
        [f / 2 * 1e6 for f in floors],
        Target(max_ratio=5, max_value=50),
    )
    result.notes.append("one check = mean of check_mandataire(valid dict) and (invalid dict)")
    return result


def bench_nir(runs: int) -> Result:
    assert all(read_nir(n)[0] == n for n in TYPED_NIRS)
    assert all(stdnum_nir.is_valid(n) for n in FULL_NIRS)

    def ours() -> None:
        for text in TYPED_NIRS:
            read_nir(text)

    def floor_fn() -> None:
        for text in FULL_NIRS:
            stdnum_nir.is_valid(text)

    values, floors = interleaved(per_call(ours), per_call(floor_fn), runs)
    n = len(TYPED_NIRS)
    result = compared(
        "rules.nir",
        "µs",
        [v / n * 1e6 for v in values],
        "stdnum.fr.nir.is_valid",
        [f / n * 1e6 for f in floors],
        Target(max_ratio=1.2),
    )
    result.notes.append("read_nir on the 13 characters typed; is_valid on the same NIR + key")
    return result


def _import_seconds(module: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=APP_ROOT,
        env=dict(os.environ),
        check=True,
    )
    return time.perf_counter() - start


def bench_import(runs: int) -> Result:
    for module in ("flet", "mobile.app"):  # warm the bytecode caches
        _import_seconds(module)
    values, floors = interleaved(
        lambda: _import_seconds("mobile.app"), lambda: _import_seconds("flet"), runs
    )
    result = compared(
        "import.app",
        "ms",
        [v * 1e3 for v in values],
        "import flet",
        [f * 1e3 for f in floors],
        Target(max_ratio=1.3),
    )
    result.notes.append("wall time of a fresh `python -c 'import X'`, interpreter start included")
    result.notes += _heaviest_imports()
    return result


def _heaviest_imports(top: int = 8) -> list[str]:
    """Where import time goes (python -X importtime, cumulative), for the report."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import mobile.app"],
        cwd=APP_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip())) // 2
        name = name.strip()
        first_party = name.split(".")[0] in ("mobile", "shared")
        if depth <= 1 or (first_party and depth <= 3):
            rows.append((int(parts[1]), int(parts[0]), name))
    rows.sort(reverse=True)
    return [
        f"importtime {name}: cumulative {cum / 1e3:.0f} ms (self {own / 1e3:.1f} ms)"
        for cum, own, name in rows[:top]
    ]
