"""The caisse's registry: a counter check under 20 concurrent clients against a bare FastAPI
endpoint, and « Valider » until the registry has it against the local grant + revoke."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from bench_common import ROOT, Result, Target, compared

from tests.registry.app_side import FORM, alexis, open_app
from tests.registry.calls import grant_body, key, revoke_all, sign_in, sign_in_agent
from tests.registry_process import PostgresCluster, RegistryProcess
from tests.serving import free_port, wait_until_serving

HERE = Path(__file__).resolve().parent
CLIENTS = 20
REQUESTS = 25  # per client and sample
SYNC_CYCLES = 20


class BareApi:
    """tests/bench/bare_api.py in its own process."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.log = open(folder / "bare.log", "ab")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "bare_api.py"), str(self.port)],
            cwd=ROOT,
            stdout=self.log,
            stderr=self.log,
        )
        assert wait_until_serving(self.url + "/v1/health", self.proc, 30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


def _latencies(url: str, headers: dict[str, str], body: dict[str, str]) -> list[float]:
    """Every request's time in ms, CLIENTS clients at once, each with its own connection."""
    out: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client() -> None:
        mine = []
        with httpx.Client(base_url=url, timeout=30) as http:
            http.post("/v1/checks/reference", json=body, headers=headers)  # connect first
            start.wait()
            for _ in range(REQUESTS):
                t0 = time.perf_counter()
                reply = http.post("/v1/checks/reference", json=body, headers=headers)
                mine.append((time.perf_counter() - t0) * 1e3)
                assert reply.status_code == 200, reply.text
        with lock:
            out.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def bench_check(runs: int, workdir: Path, backend: str) -> list[Result]:
    """Median and 99th percentile of a check by reference, registry vs the bare endpoint."""
    cluster = PostgresCluster(durable=True).start() if backend == "postgresql" else None
    folder = Path(tempfile.mkdtemp(prefix=f"check-{backend}-", dir=workdir))
    url = cluster.new_database("bench") if cluster else None
    registry, bare = RegistryProcess(folder, url).start(), BareApi(folder)
    try:
        with httpx.Client(base_url=registry.url + "/v1", timeout=30) as http:
            auth, agent = sign_in(http), sign_in_agent(http)
            revoke_all(http, auth)
            granted = http.post("/procurations", json=grant_body(), headers={**auth, **key()})
        body = {"reference": granted.json()["reference"]}
        medians: tuple[list[float], list[float]] = ([], [])
        tails: tuple[list[float], list[float]] = ([], [])
        for index in range(runs):
            order = [(registry.url, agent, 0), (bare.url, {}, 1)]
            for target, headers, side in order if index % 2 == 0 else order[::-1]:
                sample = _latencies(target, headers, body)
                medians[side].append(statistics.median(sample))
                tails[side].append(p99(sample))
    finally:
        registry.stop()
        bare.stop()
        if cluster:
            cluster.stop()
    name = "registry.check" + (".postgresql" if cluster else "")
    floor = "bare FastAPI endpoint, a constant"
    results = [
        compared(f"{name}.median", "ms", medians[0], floor, medians[1], Target(max_ratio=2)),
        compared(f"{name}.p99", "ms", tails[0], floor + " (p99)", tails[1], Target(max_ratio=2)),
    ]
    for result in results:
        result.notes.append(
            f"{CLIENTS} clients at once, {REQUESTS} checks each per sample; the check reads the "
            "agent's token and the procuration and records the check (not fsynced: an audit log)"
        )
    return results


def bench_sync_grant(runs: int, workdir: Path) -> Result:
    """« Valider » → the registry has it, against store.grant_revoke (local, no registry)."""
    from bench_store import FORM as LOCAL_FORM
    from bench_store import _new_store_with_account

    from shared.services import Services

    folder = Path(tempfile.mkdtemp(prefix="sync-", dir=workdir))
    registry = RegistryProcess(folder).start()
    local_store, local_account = _new_store_with_account(folder / "local.sqlite3")
    local = Services(local_store)
    try:
        services = open_app(folder, registry.url)
        me = alexis(services)
        assert services.sync is not None
        services.revoke(me)
        services.sync.deliver()
        values, floors = [], []
        for _ in range(runs):
            synced, alone = [], []
            for _ in range(SYNC_CYCLES):
                t0 = time.perf_counter()
                services.grant(me, FORM)
                assert services.sync.deliver() == 1
                synced.append((time.perf_counter() - t0) * 1e3)
                services.revoke(me)
                services.sync.deliver()
                t0 = time.perf_counter()
                local.grant(local_account, LOCAL_FORM)
                local.revoke(local_account)
                alone.append((time.perf_counter() - t0) * 1e3)
            values.append(statistics.median(synced))
            floors.append(statistics.median(alone))
        services.store.close()
    finally:
        registry.stop()
        local_store.close()
    result = compared("sync.grant", "ms", values, "store.grant_revoke (same run)", floors, Target())
    result.notes.append(
        "« Valider »: the local grant with its outbox entry, then the sender's POST until the "
        "registry's durable commit is acknowledged (SQLite registry); floor: a local grant + revoke"
    )
    return result
