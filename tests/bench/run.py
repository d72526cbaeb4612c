"""`make bench`: every measure of the issue, each taken at least 5 times, medians vs floors.

Usage: python tests/bench/run.py [--runs N] [--only PREFIX ...] [--details]
BENCH_APP_ROOT=/copy/of/the/repo measures that copy's mobile/ and shared/ instead.
Writes the figures as JSON to $BENCH_JSON (default: bench-results.json at the repo root):
a list of {"name", "value", "unit", "floor_name", "floor_value", "ratio"}.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# shared/ and mobile/ of the app measured (BENCH_APP_ROOT: a copy with a proposed change),
# then the sibling modules first of all.
APP_ROOT = Path(os.environ.get("BENCH_APP_ROOT") or ROOT).resolve()
for entry in (str(APP_ROOT), str(HERE)):
    if entry in sys.path:
        sys.path.remove(entry)
    sys.path.insert(0, entry)

from bench_common import RUNS, Result, details, log, table, write_json  # noqa: E402


def machine() -> str:
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            total_kb = int(meminfo.readline().split()[1])
        ram = f"{total_kb / 1024**2:.1f} GiB RAM"
    except OSError:
        ram = "? RAM"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model}), {ram}, load {load}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS, help="samples per measure (>= 5)")
    parser.add_argument("--only", nargs="*", default=[], help="name prefixes to run")
    parser.add_argument("--details", action="store_true", help="print samples and notes")
    args = parser.parse_args(argv)
    runs = max(args.runs, 1)

    def wanted(*names: str) -> bool:
        return not args.only or any(
            n.startswith(p) or p.startswith(n) for n in names for p in args.only
        )

    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="procuration-bench-"))
    results: list[Result] = []
    log(f"machine: {machine()}")
    log(f"app measured: {APP_ROOT}")

    def step(label: str, fn: Callable[[], list[Result]]) -> None:
        t0 = time.perf_counter()
        log(f"{label}…")
        new = fn()
        results.extend(new)
        log(f"{label} done in {time.perf_counter() - t0:.0f} s")
        for line in details(new).splitlines():
            log("  " + line)

    try:
        import bench_micro
        import bench_store

        if wanted("rules.check_mandataire"):
            step("rules.check_mandataire", lambda: [bench_micro.bench_check_mandataire(runs)])
        if wanted("rules.nir"):
            step("rules.nir", lambda: [bench_micro.bench_nir(runs)])
        if wanted("store.grant_revoke"):
            step("store.grant_revoke", lambda: [bench_store.bench_grant_revoke(runs, workdir)])
        if wanted("store.lookup_1e6", "store.bytes_per_procuration"):
            step("store.lookup_1e6", lambda: list(bench_store.bench_lookup(runs, workdir)))
        if wanted("web."):
            import bench_web

            with bench_web.Browser(workdir) as browser:
                if wanted("web.first_screen"):
                    step("web.first_screen", lambda: [browser.bench_first_screen(runs)])
                if wanted("web.transition"):
                    step("web.transition", lambda: [browser.bench_transition(runs)])
                if wanted("web.rss_per_session"):
                    step("web.rss_per_session", lambda: [browser.bench_rss(runs)])
        if wanted("document.pdf"):
            import bench_document

            step("document.pdf", lambda: [bench_document.bench_document(runs)])
        if wanted("registry.", "sync."):
            import bench_registry

            if wanted("registry.check.median", "registry.check.p99"):
                step("registry.check", lambda: bench_registry.bench_check(runs, workdir, "sqlite"))
            if wanted("sync.grant"):
                step("sync.grant", lambda: [bench_registry.bench_sync_grant(runs, workdir)])
            if wanted("registry.check.postgresql"):
                step(
                    "registry.check.postgresql",
                    lambda: bench_registry.bench_check(runs, workdir, "postgresql"),
                )
        if wanted("web_static."):
            import bench_web
            import bench_web_static

            with bench_web.Browser(workdir) as browser:
                static = bench_web_static.StaticBench(browser)
                step("web_static", lambda: static.bench(runs))
        if wanted("import.app"):
            step("import.app", lambda: [bench_micro.bench_import(runs)])
    except BaseException:
        log(f"failed; server logs and stores kept in {workdir}")
        raise
    shutil.rmtree(workdir, ignore_errors=True)

    out = Path(os.environ.get("BENCH_JSON") or ROOT / "bench-results.json")
    write_json(results, out)
    print(table(results))
    if args.details:
        print()
        print(details(results))
    missed = [r.name for r in results if r.ok is False]
    print()
    print(f"machine: {machine()}")
    print(f"{len(results)} figures, {runs} runs each, in {time.perf_counter() - started:.0f} s")
    print(f"targets missed: {', '.join(missed) if missed else 'none'}; JSON written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
