"""A real registry process on loopback, and a throwaway PostgreSQL cluster: tests and bench."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

from tests.serving import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 30


class RegistryProcess:
    """`python -m registry` on a free port of 127.0.0.1, its log in a file, stopped by its pid."""

    def __init__(self, folder: Path, database_url: str | None = None, **env: str) -> None:
        self.folder = folder
        self.database_url = database_url or f"sqlite:///{folder / 'registre.sqlite3'}"
        self.env = env
        self.log_path = folder / "registry.log"
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int | None = None) -> RegistryProcess:
        """Start on `port` (a restart keeps its port), else on a free one."""
        self.port = port or self.port or free_port()
        env = dict(
            os.environ,
            REGISTRY_HOST="127.0.0.1",
            REGISTRY_PORT=str(self.port),
            REGISTRY_DATABASE_URL=self.database_url,
            PYTHONUNBUFFERED="1",
            **self.env,
        )
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "registry"], cwd=ROOT, env=env, stdout=log, stderr=log
            )
        if not wait_until_serving(self.url + "/v1/health", self.proc, START_TIMEOUT_S):
            self.stop()
            raise RuntimeError(f"registry did not start: {self.log_path.read_text()[-2000:]}")
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, as a crash."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def engine(self) -> sa.Engine:
        """A second connection to the registry's database, to look at what it holds."""
        from registry.database import make_engine

        return make_engine(self.database_url)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


class PostgresCluster:
    """A cluster in a temporary folder, on a Unix socket only (no TCP port), owned by postgres."""

    def __init__(self, durable: bool = False) -> None:
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is missing: `make test` installs Debian's postgresql")
        self.folder = Path(tempfile.mkdtemp(prefix="registry-pg-"))
        self.durable = durable
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_postgres = ["runuser", "-u", "postgres", "--"]
        self._databases = 0

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_postgres, *args], check=True, capture_output=True, timeout=60)

    def start(self) -> PostgresCluster:
        data = self.folder / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-N")
        options = f"-k {self.folder} -c listen_addresses='' -c max_connections=200"
        if not self.durable:  # a throwaway test cluster: speed over crash safety
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "-t",
            "30",
            "start",
        )
        return self

    def stop(self) -> None:
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            pid = int((data / "postmaster.pid").read_text().split()[0])
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
            except subprocess.SubprocessError:
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}"

    def new_database(self, stem: str) -> str:
        """A fresh, empty database; its SQLAlchemy URL."""
        self._databases += 1
        name = f"{''.join(c for c in stem.lower() if c.isalnum())[:40]}_{self._databases}"
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url(name)
