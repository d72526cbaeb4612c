"""Where the store's file lives: the app's data folder, or in the browser a folder in IndexedDB.

Server and phone: shared.store.data_dir() (FLET_APP_STORAGE_DATA, else the user's data folder).
Browser (the static web build, Pyodide): the file system is in memory and gone on reload, so
the folder is mounted on Emscripten's IDBFS, loaded from the site's IndexedDB before the store
opens and written back after every committed transaction. A reload or another tab of the same
site finds the same data; they stay in that browser, and clearing the site's data erases them.
Before each piece of domain work the store is loaded again (closed, refreshed, reopened), so
that two tabs open at once each see what the other wrote: a procuration revoked in one stays
revoked when the other writes, and failed sign-ins add up across tabs.
"""

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.store import Store

log = logging.getLogger(__name__)

IN_BROWSER = sys.platform == "emscripten"
BROWSER_FOLDER = Path("/procuration-en-ligne")  # also the name of the IndexedDB database

SyncFs = Callable[[bool], Awaitable[None]]


def idbfs_syncfs(populate: bool) -> Awaitable[None]:
    """Emscripten's FS.syncfs: True loads IndexedDB into memory, False writes memory back."""
    import pyodide_js  # type: ignore[import-not-found]  # only inside Pyodide
    from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(error: object = None) -> None:
        if done.done():
            return
        if error:  # null, undefined (None) or jsnull: success
            done.set_exception(OSError(f"IDBFS: {error}"))
        else:
            done.set_result(None)

    try:
        pyodide_js.FS.syncfs(populate, create_once_callable(finished))
    except Exception as error:  # a JavaScript error: this browser has no IndexedDB at all
        done.set_exception(OSError(f"IDBFS: {error}"))
    return done


def mount_idbfs(path: Path) -> None:
    """Mount an IDBFS file system on `path` (an empty folder of the in-memory file system)."""
    import js  # type: ignore[import-not-found]  # only inside Pyodide
    import pyodide_js

    path.mkdir(parents=True, exist_ok=True)
    fs = pyodide_js.FS
    fs.mount(fs.filesystems.IDBFS, js.Object.new(), str(path))


class BrowserFolder:
    """The store's folder on IDBFS: loaded once, written back after commits, one sync at a time."""

    def __init__(self, path: Path = BROWSER_FOLDER, syncfs: SyncFs = idbfs_syncfs) -> None:
        self.path = path
        self.kept = False  # False: IndexedDB refused, the data last as long as the page
        self.on_failure: list[Callable[[], None]] = []
        self.store: Store | None = None  # set once open: closed and reopened around a refresh
        self._syncfs = syncfs
        self._pending = False
        self._unsaved = False  # the last write-back failed: this page's copy is the newer
        self._writing: asyncio.Task[None] | None = None

    async def load(self) -> bool:
        """Fill the folder from IndexedDB; whether the data will be kept."""
        try:
            await self._syncfs(True)
            self.kept = True
        except OSError:
            log.exception("loading the store from IndexedDB failed: data kept for this page only")
        return self.kept

    async def refreshed(self) -> None:
        """Before domain work: the store's file as IndexedDB holds it now (other tabs too)."""
        if not self.kept or self.store is None:
            return
        if self._unsaved:
            self.committed()  # try again first: loading IndexedDB's older copy would lose it
        await self.written_back()
        if self._unsaved:
            return
        self.store.close()
        try:
            await self._syncfs(True)
        except OSError:
            log.exception("loading the store again from IndexedDB failed: this page's copy is used")
        finally:
            self.store.reconnect()

    def committed(self) -> None:
        """The store's `on_commit`: write back soon; commits during a write share the next one."""
        if not self.kept:
            return
        self._pending = True
        if self._writing is None or self._writing.done():
            self._writing = asyncio.get_running_loop().create_task(self._write_back())

    async def written_back(self) -> None:
        """Wait until every commit so far has been written back (or its writing failed)."""
        while self._writing is not None and not self._writing.done():
            await asyncio.shield(self._writing)

    async def _write_back(self) -> None:
        while self._pending:
            self._pending = False
            try:
                await self._syncfs(False)
                self._unsaved = False
            except OSError:
                log.exception("writing the store back to IndexedDB failed")
                self._unsaved = True
                for tell in self.on_failure:
                    tell()


_browser: BrowserFolder | None = None


async def open_browser_folder() -> BrowserFolder:
    """The page's folder, mounted on IDBFS and loaded (once per page)."""
    global _browser
    if _browser is None:
        folder = BrowserFolder()
        try:
            mount_idbfs(folder.path)
        except Exception:  # a JavaScript error: the data will last as long as the page
            log.exception("mounting IDBFS failed")
        else:
            await folder.load()
        _browser = folder
    return _browser


async def refreshed() -> None:
    """In the browser, load the store again from IndexedDB; elsewhere there is nothing to do."""
    if _browser is not None:
        await _browser.refreshed()


async def written_back() -> None:
    """In the browser, wait for the pending write-back; elsewhere a commit is already durable."""
    if _browser is not None:
        await _browser.written_back()
