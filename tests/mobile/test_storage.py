"""The browser's copy of the store (mobile/storage.py), with IndexedDB played by a dict of files.

IDBFS keeps whole files: syncfs(False) copies the folder into IndexedDB, syncfs(True) makes the
folder what IndexedDB holds (files it lacks are deleted). Two tabs are two folders on one store
of files; the SQLite file and the services are the real ones.
"""

import asyncio
from pathlib import Path

import pytest

from mobile import storage
from mobile.storage import BrowserFolder
from shared.demo import CAMILLE_CODE, CAMILLE_NIR, seed_demo_accounts
from shared.errors import AccountLocked, SignInRefused
from shared.limits import MAX_FAILURES
from shared.services import Services
from shared.store import open_store
from tests.mobile.phone import run_to_end


class IndexedDB:
    """The files one site keeps in the browser, and what was asked of it."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.calls: list[bool] = []
        self.failing = False  # IndexedDB refused to this site (private browsing, disabled)
        self.full = False  # reads work, writes fail (the site's quota is used up)

    def syncfs(self, folder: Path) -> storage.SyncFs:
        async def sync(populate: bool) -> None:
            self.calls.append(populate)
            await asyncio.sleep(0.01)  # IndexedDB answers later; the page goes on meanwhile
            if self.failing or (self.full and not populate):
                raise OSError("QuotaExceededError")
            if populate:
                for path in folder.iterdir():
                    if path.name not in self.files:
                        path.unlink()
                for name, data in self.files.items():
                    (folder / name).write_bytes(data)
            else:
                self.files = {path.name: path.read_bytes() for path in folder.iterdir()}

        return sync


async def open_tab(db: IndexedDB, folder: Path, clock) -> tuple[BrowserFolder, Services]:
    """What the web build's start-up does: load the folder, open the store on it, seed it."""
    folder.mkdir()
    browser = BrowserFolder(folder, db.syncfs(folder))
    await browser.load()
    store = open_store(folder, browser.committed)
    seed_demo_accounts(store, clock)
    browser.store = store
    await browser.written_back()
    return browser, Services(store, clock)


async def act(browser: BrowserFolder, action, *args):
    """What mobile/offload.py does in the browser around each piece of domain work."""
    await browser.refreshed()
    result = action(*args)
    await browser.written_back()
    return result


def test_a_new_tab_finds_what_was_committed_in_the_first(tmp_path, clock, adult_form):
    async def journey() -> None:
        db = IndexedDB()
        first, services = await open_tab(db, tmp_path / "first", clock)
        account = await act(first, services.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        granted = await act(first, services.grant, account.id, adult_form)
        services.store.close()

        second, again = await open_tab(db, tmp_path / "second", clock)
        assert await act(second, again.current_procuration, account.id) == granted
        again.store.close()

    run_to_end(journey())


def test_two_open_tabs_see_each_others_writes_at_their_next_step(tmp_path, clock, adult_form):
    async def journey() -> None:
        db = IndexedDB()
        first, one = await open_tab(db, tmp_path / "first", clock)
        second, two = await open_tab(db, tmp_path / "second", clock)
        account = await act(first, one.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        await act(first, one.grant, account.id, adult_form)
        assert await act(second, two.revoke, account.id) is not None
        # Revoked in the second tab: the first sees it, and its next write keeps it revoked.
        assert await act(first, one.current_procuration, account.id) is None
        await act(first, one.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        assert await act(second, two.current_procuration, account.id) is None
        # Failed sign-ins add up across the tabs.
        for tab, services in [(first, one), (second, two)] * MAX_FAILURES:
            try:
                await act(tab, services.sign_in, CAMILLE_NIR, "00000000")
            except AccountLocked:
                break
            except SignInRefused:
                continue
        with pytest.raises(AccountLocked):
            await act(first, one.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        one.store.close()
        two.store.close()

    run_to_end(journey())


def test_commits_made_while_writing_back_share_the_next_write(tmp_path, clock, adult_form):
    async def journey() -> None:
        db = IndexedDB()
        browser, services = await open_tab(db, tmp_path / "tab", clock)
        db.calls.clear()
        account = services.sign_in(CAMILLE_NIR, CAMILLE_CODE)  # a commit: a write is due
        services.grant(account.id, adult_form)  # before it starts: the same write
        await asyncio.sleep(0.005)  # now it is writing
        services.revoke(account.id)  # meanwhile: one more write, after that one
        await browser.written_back()
        assert db.calls == [False, False]
        services.store.close()

        _, later = await open_tab(db, tmp_path / "later", clock)
        assert [p.revoked_at is not None for p in later.history(account.id)] == [True]
        later.store.close()

    run_to_end(journey())


def test_a_failed_write_back_is_told_and_the_page_goes_on(tmp_path, clock):
    async def journey() -> list[str]:
        db = IndexedDB()
        browser, services = await open_tab(db, tmp_path / "tab", clock)
        told: list[str] = []
        browser.on_failure.append(lambda: told.append("failed"))
        db.full = True
        await act(browser, services.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        services.store.close()
        return told

    assert run_to_end(journey()) == ["failed"]


def test_after_a_failed_write_back_the_page_keeps_its_copy_and_writes_it_later(
    tmp_path, clock, adult_form
):
    async def journey() -> None:
        db = IndexedDB()
        browser, services = await open_tab(db, tmp_path / "tab", clock)
        account = await act(browser, services.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        db.full = True
        granted = await act(browser, services.grant, account.id, adult_form)
        # IndexedDB's copy is older: it is not loaded over this page's.
        assert await act(browser, services.current_procuration, account.id) == granted
        db.full = False
        await act(browser, services.current_procuration, account.id)
        services.store.close()

        _, later = await open_tab(db, tmp_path / "later", clock)
        assert later.current_procuration(account.id) == granted
        later.store.close()

    run_to_end(journey())


def test_without_indexeddb_the_data_last_as_long_as_the_page(tmp_path, clock):
    async def journey() -> tuple[bool, list[bool]]:
        db = IndexedDB()
        db.failing = True
        browser, services = await open_tab(db, tmp_path / "tab", clock)
        await act(browser, services.sign_in, CAMILLE_NIR, CAMILLE_CODE)
        services.store.close()
        return browser.kept, db.calls

    assert run_to_end(journey()) == (False, [True])  # one try to load, nothing written
