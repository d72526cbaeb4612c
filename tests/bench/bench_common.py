"""What every measure shares: the result row, medians, interleaved timing loops, the table."""

from __future__ import annotations

import gc
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The app measured: this checkout, or a copy with a proposed change (BENCH_APP_ROOT=/path).
APP_ROOT = Path(os.environ.get("BENCH_APP_ROOT") or ROOT).resolve()
RUNS = 5  # every measure is taken at least this many times; the median is reported


@dataclass
class Target:
    """What the issue asks: a ratio to the floor and, for some, an absolute bound."""

    max_ratio: float | None = None
    max_value: float | None = None

    def describe(self, unit: str) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio <= {self.max_ratio:g}")
        if self.max_value is not None:
            parts.append(f"<= {self.max_value:g} {unit}")
        return ", ".join(parts) or "-"

    def met(self, value: float, ratio: float | None) -> bool | None:
        if self.max_ratio is None and self.max_value is None:
            return None
        ok = True
        if self.max_ratio is not None:
            ok = ok and ratio is not None and ratio <= self.max_ratio
        if self.max_value is not None:
            ok = ok and value <= self.max_value
        return ok


@dataclass
class Result:
    """One row of the table and of the JSON file."""

    name: str
    value: float
    unit: str
    floor_name: str | None
    floor_value: float | None
    target: Target = field(default_factory=Target)
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.floor_value is None or self.floor_value <= 0:
            return None
        return self.value / self.floor_value

    @property
    def ok(self) -> bool | None:
        return self.target.met(self.value, self.ratio)

    def as_json(self) -> dict[str, object]:
        ratio = self.ratio
        return {
            "name": self.name,
            "value": _round(self.value),
            "unit": self.unit,
            "floor_name": self.floor_name,
            "floor_value": None if self.floor_value is None else _round(self.floor_value),
            "ratio": None if ratio is None else round(ratio, 3),
        }


def _round(value: float) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    digits = max(0, 4 - math.floor(math.log10(abs(value))))
    return round(value, digits)


def compared(
    name: str,
    unit: str,
    samples: Sequence[float],
    floor_name: str,
    floor_samples: Sequence[float],
    target: Target,
) -> Result:
    """A result whose value and floor are the medians of their samples."""
    return Result(
        name=name,
        value=statistics.median(samples),
        unit=unit,
        floor_name=floor_name,
        floor_value=statistics.median(floor_samples),
        target=target,
        samples=list(samples),
        floor_samples=list(floor_samples),
    )


def log(message: str) -> None:
    """Progress goes to stderr; stdout only gets the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def per_call(fn: Callable[[], object], min_seconds: float = 0.1) -> Callable[[], float]:
    """A sampler: each call times enough calls of fn to last min_seconds; seconds per call.

    The clock is this thread's CPU time: on a shared 2-core machine, wall time mostly
    measures how often the scheduler handed the core to someone else.
    """
    clock = time.thread_time
    number = 1
    while True:  # calibrate once, like timeit.autorange
        start = clock()
        for _ in range(number):
            fn()
        if clock() - start >= min_seconds / 2:
            break
        number *= 2
    number *= 2

    def sample() -> float:
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            start = clock()
            for _ in range(number):
                fn()
            return (clock() - start) / number
        finally:
            if gc_was_enabled:
                gc.enable()

    return sample


def interleaved(
    measure: Callable[[], float], floor: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Alternate measure and floor so that load from other processes hits both alike."""
    values: list[float] = []
    floors: list[float] = []
    for index in range(runs):
        if index % 2 == 0:
            values.append(measure())
            floors.append(floor())
        else:
            floors.append(floor())
            values.append(measure())
    return values, floors


def table(results: Sequence[Result]) -> str:
    """The printed table: medians, floors, ratios and whether each target is met."""
    headers = ("name", "value", "unit", "floor", "floor value", "ratio", "target", "met")
    rows = []
    for r in results:
        ratio = r.ratio
        ok = r.ok
        rows.append(
            (
                r.name,
                _fmt(r.value),
                r.unit,
                r.floor_name or "-",
                "-" if r.floor_value is None else _fmt(r.floor_value),
                "-" if ratio is None else f"{ratio:.2f}",
                r.target.describe(r.unit),
                {True: "yes", False: "NO", None: "-"}[ok],
            )
        )
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]
    right = {1, 4, 5}

    def line(cells: Sequence[str]) -> str:
        return " | ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [line(headers), "-+-".join("-" * w for w in widths)]
    out += [line(row) for row in rows]
    return "\n".join(out)


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{value:,.0f}".replace(",", " ")
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def write_json(results: Sequence[Result], path: Path) -> None:
    path.write_text(
        json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def details(results: Sequence[Result]) -> str:
    """Samples and notes, for whoever wants to see the spread behind a median."""
    out = []
    for r in results:
        samples = ", ".join(_fmt(s) for s in r.samples)
        out.append(f"{r.name}: samples [{samples}] {r.unit}")
        if r.floor_samples:
            floors = ", ".join(_fmt(s) for s in r.floor_samples)
            out.append(f"  floor {r.floor_name}: [{floors}]")
        out += [f"  {note}" for note in r.notes]
    return "\n".join(out)


__all__ = [
    "APP_ROOT",
    "ROOT",
    "RUNS",
    "Result",
    "Target",
    "compared",
    "details",
    "interleaved",
    "log",
    "per_call",
    "table",
    "write_json",
]
