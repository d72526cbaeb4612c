"""The local SQLite store: WAL, synchronous=FULL, explicit BEGIN IMMEDIATE … COMMIT."""

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from shared.errors import StorageError
from shared.repository import Repository
from shared.schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

DB_NAME = "procuration.sqlite3"
APP_DIR = "procuration-en-ligne"


def data_dir() -> Path:
    """FLET_APP_STORAGE_DATA when set (every Flet platform), else the user's data folder."""
    flet_dir = os.environ.get("FLET_APP_STORAGE_DATA")
    if flet_dir:
        return Path(flet_dir)
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / APP_DIR


class Store:
    """One connection per store, shared by threads under a lock; every write is one transaction."""

    def __init__(self, path: Path | str, on_commit: Callable[[], None] | None = None) -> None:
        """`on_commit` is told after each committed write (the browser copies the file then)."""
        self.path = Path(path)
        self.on_commit = on_commit
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = self._connect()
        try:
            self._migrate()
        except sqlite3.Error as error:
            raise StorageError() from error

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=10.0
            )
            for pragma in (
                "journal_mode=WAL",
                "synchronous=FULL",
                "foreign_keys=ON",
                "busy_timeout=10000",
            ):
                conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error as error:
            raise StorageError() from error
        return conn

    def reconnect(self) -> None:
        """Open the file again after close(): in the browser, another tab's copy replaced it."""
        with self._lock:
            self._conn = self._connect()

    def _migrate(self) -> None:
        with self.transaction() as tx:
            version = tx.conn.execute("PRAGMA user_version").fetchone()[0]
            for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
                for step in statements:
                    if isinstance(step, str):
                        tx.conn.execute(step)
                    else:
                        step(tx.conn)
                tx.conn.execute(f"PRAGMA user_version = {number:d}")
                log.info("store migrated to schema version %d", number)

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[Repository]:
        """BEGIN IMMEDIATE … COMMIT; any failure rolls everything back."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StorageError() from error
            try:
                yield Repository(self._conn)
                self._conn.execute("COMMIT")
            except BaseException as error:
                self._rollback()
                if isinstance(error, sqlite3.Error):
                    log.error("store transaction failed: %s", type(error).__name__)
                    raise StorageError() from error
                raise
            if self.on_commit is not None:
                self.on_commit()

    @contextmanager
    def reading(self) -> Iterator[Repository]:
        """A consistent read (deferred transaction)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                yield Repository(self._conn)
                self._conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise StorageError() from error
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                log.exception("rollback failed")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def open_store(folder: Path | None = None, on_commit: Callable[[], None] | None = None) -> Store:
    """The store in the app's data folder (or `folder`)."""
    return Store((folder or data_dir()) / DB_NAME, on_commit)


__all__ = ["DB_NAME", "SCHEMA_VERSION", "Store", "data_dir", "open_store"]
