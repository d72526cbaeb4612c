"""Start-up: one store for the process, one AppState and Shell per page (session).

The screens and the domain are imported when the app starts, not when this module is
imported, so that `flet build`'s loader and the tests pay only for what they use.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import flet as ft

from mobile import storage

if TYPE_CHECKING:
    from mobile.shell import Shell
    from mobile.storage import BrowserFolder
    from shared.services import Services

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
IDLE_CHECK_SECONDS = 30


def make_main(services: Services, browser: BrowserFolder | None = None) -> ft.AppCallable:
    """The per-session entry point: everything a session owns is created here."""
    from mobile.shell import Shell
    from mobile.state import AppState
    from mobile.theme import apply_theme
    from shared import strings

    def tell_write_back_failed(shell: Shell) -> None:
        shell.state.message = strings.BROWSER_WRITE_BACK_FAILED
        shell.render()

    async def watch_idle(shell: Shell) -> None:
        while True:
            await asyncio.sleep(IDLE_CHECK_SECONDS)
            if shell.state.idle_expired():
                shell.render()

    def main(page: ft.Page) -> None:
        apply_theme(page)
        state = AppState(services)
        if browser is not None:  # the web build: say where the data stay, and any failure
            state.notice = strings.BROWSER_DATA_KEPT if browser.kept else None
            state.message = None if browser.kept else strings.BROWSER_DATA_NOT_KEPT
        shell = Shell(page, state)
        if browser is not None:
            browser.on_failure.append(lambda: tell_write_back_failed(shell))
        watcher = page.run_task(watch_idle, shell)
        page.on_close = lambda _: watcher.cancel()
        # A closed tab or a locked phone leaves the session in memory for a reconnection:
        # keep the state, drop the drawn screen, draw it again if the client comes back.
        page.on_disconnect = lambda _: shell.release()
        page.on_connect = lambda _: shell.render()
        shell.render()

    return main


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


def open_services(folder: Path | None = None, browser: BrowserFolder | None = None) -> Services:
    """The process's store (migrated, demo accounts seeded on first start) and services."""
    from shared.demo import seed_demo_accounts
    from shared.services import Services
    from shared.store import open_store

    store = open_store(folder, browser.committed if browser else None)
    seed_demo_accounts(store)
    return Services(store)


async def browser_main(page: ft.Page) -> None:
    """The web build's entry point: the store opens once its folder is loaded from IndexedDB."""
    browser = await storage.open_browser_folder()
    services = open_services(browser.path, browser)
    browser.store = services.store
    await browser.written_back()
    make_main(services, browser)(page)


def run() -> None:
    """Serve the app with Flet's own settings; web server on 127.0.0.1 unless told otherwise."""
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if storage.IN_BROWSER:  # the static web build: Python runs in the visitor's browser
        ft.run(browser_main)
        return
    ft.run(
        make_main(open_services()),
        host=os.environ.get("FLET_SERVER_IP") or "127.0.0.1",
        port=int(os.environ.get("FLET_SERVER_PORT") or 0),
        assets_dir=str(ASSETS),
        no_cdn=_env_flag("FLET_WEB_NO_CDN", True),
    )
