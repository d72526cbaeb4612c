"""SIGKILL a granting worker 50 times at random moments: nothing acknowledged is lost."""

import os
import random
import signal
import time
from pathlib import Path

from shared.demo import ALEXIS_NIR, seed_demo_accounts
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import DB_NAME, Store

KILLS = 50
FORM = MandataireForm(civilite="Madame", nom="Durand", prenom="Léa", date_naissance="02/03/1975")


def _work_until_killed(db_path: Path, pipe: int) -> None:
    """In the forked child: grant and revoke forever, acknowledging each after it returns."""
    services = Services(Store(db_path))
    with services.store.reading() as tx:
        credentials = tx.credentials(ALEXIS_NIR)
    assert credentials is not None
    services.revoke(credentials[0])
    os.write(pipe, b"ready\n")
    while True:
        granted = services.grant(credentials[0], FORM)
        os.write(pipe, f"G {granted.id}\n".encode())
        services.revoke(credentials[0])
        os.write(pipe, f"R {granted.id}\n".encode())


def _kill_at_random(db_path: Path, rng: random.Random) -> list[str]:
    """Fork a worker, SIGKILL it after a random delay, return the lines it acknowledged."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        try:
            _work_until_killed(db_path, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    received = b""
    deadline = time.monotonic() + 20
    while b"ready\n" not in received and time.monotonic() < deadline:
        received += os.read(read_end, 4096)
    time.sleep(rng.uniform(0.0, 0.15))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        received += chunk
    os.close(read_end)
    return [line for line in received.decode().split("\n")[:-1] if line != "ready"]


def test_fifty_sigkills_lose_no_acknowledged_grant_or_revocation(tmp_path: Path) -> None:
    db_path = tmp_path / DB_NAME
    store = Store(db_path)
    seed_demo_accounts(store)
    store.close()
    rng = random.Random(20261127)
    granted: set[int] = set()
    revoked: set[int] = set()
    for _ in range(KILLS):
        for line in _kill_at_random(db_path, rng):
            kind, pid = line.split()
            (granted if kind == "G" else revoked).add(int(pid))
        reopened = Store(db_path)
        with reopened.reading() as tx:
            assert tx.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = dict(tx.conn.execute("SELECT id, revoked_at FROM procurations"))
        reopened.close()
        assert granted <= stored.keys()
        assert all(stored[pid] is not None for pid in revoked)
    assert len(granted) > KILLS, "the workers should have acknowledged many grants"
