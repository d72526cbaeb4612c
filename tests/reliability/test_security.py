"""Codes hashed, no personal data in logs, the web server on loopback by default."""

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mobile.actions import RevokeAnswer
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR, DOMINIQUE_CODE
from shared.secrets import KDF, StoredCode
from shared.services import Services
from shared.store import DB_NAME
from tests.mobile.phone import Phone
from tests.serving import free_port

ROOT = Path(__file__).resolve().parents[2]
CANARY_NOM, CANARY_PRENOM = "Zqxcanarinom", "Wqvcanariprenom"


def test_codes_are_stored_only_as_salted_hashes(services: Services) -> None:
    raw = (services.store.path).read_bytes() + services.store.path.with_name(
        DB_NAME + "-wal"
    ).read_bytes()
    assert all(code.encode() not in raw for code in (ALEXIS_CODE, CAMILLE_CODE, DOMINIQUE_CODE))
    with services.store.reading() as tx:
        rows = tx.conn.execute("SELECT code_hash FROM accounts").fetchall()
    stored = [StoredCode.parse(text) for (text,) in rows]
    assert len({code.salt for code in stored}) == len(rows) == 3
    assert all(len(code.digest) == 32 and code.kdf == KDF for code in stored)


def test_a_whole_journey_leaves_no_nir_code_or_name_in_any_log_line(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    state = Phone(services)
    for _ in range(5):
        state.sign_in(CAMILLE_NIR, "99999999")
    state.sign_in("2 85 12 75 056 012 67", "00000000")
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.session.account is not None
    state.start_request()
    for name, value in (
        ("civilite", "Madame"),
        ("nom", CANARY_NOM),
        ("prenom", CANARY_PRENOM),
        ("date_naissance", "03/09/1959"),
    ):
        state.set_field(name, value)
    state.next()
    state.certify(True)
    state.validate()
    state.rate(5)
    state.ask_revoke()
    state.answer_revoke(RevokeAnswer.REVOKE)
    state.sign_out()
    lines = [record.getMessage() for record in caplog.records]
    assert lines, "the journey should have logged something"
    secrets = (
        ALEXIS_NIR,
        CAMILLE_NIR,
        "2 85 12 75 056 012",
        ALEXIS_CODE,
        CAMILLE_CODE,
        "99999999",
        CANARY_NOM,
        CANARY_PRENOM,
        "MOREAU",
        "LEFEBVRE",
        "Alexis",
        "Camille",
        "1959",
    )
    leaks = [(secret, line) for line in lines for secret in secrets if secret in line]
    assert not leaks


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on that port, read from /proc/net."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net")
def test_the_web_server_binds_loopback_unless_told_otherwise(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "FLET_SERVER_IP"}
    env.update(
        FLET_FORCE_WEB_SERVER="true",
        FLET_SERVER_PORT=str(port),
        FLET_APP_STORAGE_DATA=str(tmp_path),
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "mobile"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not _listening_addresses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing else
    finally:
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
