"""Start-up: one store for the process; per page (session) its state, actions and Router.

The screens and the domain are imported when the app starts, not when this module is
imported, so that `flet build`'s loader and the tests pay only for what they use.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

import flet as ft

from mobile import storage
from shared.limits import IDLE_LIMIT
from shared.logs import keep_private

if TYPE_CHECKING:
    from mobile.actions import Actions
    from mobile.storage import BrowserFolder
    from mobile.sync_task import SyncTask
    from shared.services import Services

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
IDLE_CHECK_SECONDS = 30
PHONE_WINDOW = (412, 915)  # the desktop preview's size, as a phone
PHONES = (ft.PagePlatform.ANDROID, ft.PagePlatform.IOS)


def make_main(
    services: Services, browser: BrowserFolder | None = None, sync_task: SyncTask | None = None
) -> ft.AppCallable:
    """The per-session entry point: everything a session owns is created here."""
    from mobile.actions import Actions
    from mobile.broadcast import PageBroadcast
    from mobile.context import App
    from mobile.handover import PageHandover
    from mobile.navigation import Navigation
    from mobile.router import Client, Root
    from mobile.state import Request, Session
    from mobile.theme import apply_theme
    from shared import strings

    async def watch_idle(actions: Actions) -> None:
        while True:
            await asyncio.sleep(IDLE_CHECK_SECONDS)
            actions.check_idle()

    def main(page: ft.Page) -> None:
        apply_theme(page)
        if not page.web:
            page.window.width, page.window.height = PHONE_WINDOW
        session, request = Session(), Request()
        if browser is not None:  # the web build: say where the data stay, and any failure
            session.notice = strings.BROWSER_DATA_KEPT if browser.kept else None
            session.message = None if browser.kept else strings.BROWSER_DATA_NOT_KEPT
            browser.on_failure.append(
                lambda: setattr(session, "message", strings.BROWSER_WRITE_BACK_FAILED)
            )
        broadcast, nav = PageBroadcast(page), Navigation(page)
        actions = Actions(services, session, request, nav, broadcast, PageHandover(page))
        nav.facts, nav.on_show = actions.facts, actions.shown
        nav.on_history_move = actions.close_dialog_on_history_move
        broadcast.received = actions.changed_elsewhere
        watcher = page.run_task(watch_idle, actions)
        unsubscribe: Callable[[], object] = lambda: None  # noqa: E731
        if sync_task is not None:
            sync_task.start(page)
            # Flet drops a service nothing references: the page keeps the watch.
            page.data = sync_task.watch_connectivity() if page.platform in PHONES else None

            def answered() -> None:
                page.run_task(actions.refresh)

            unsubscribe = sync_task.subscribe(answered)

        def closed(_: object) -> None:
            watcher.cancel()
            broadcast.unfollow()
            unsubscribe()

        page.on_close = closed
        page.on_keyboard_event = lambda event: actions.key(event.key)
        page.on_view_pop = nav.view_popped  # before the Router mounts: it hands pops to it
        if browser is None:  # the web build has no server whose restart ended a session
            actions.opened_at(nav.url)
        page.route = nav.first_route()  # the Router starts there; the address bar is unchanged
        client = Client()
        page.render_views(Root, App(services, session, request, actions, nav), client)
        # The Root component render_views put there, drawn again at once by these two.
        redraw: Callable[[], None] = cast(ft.Component, page.views).update

        def left(_: object) -> None:
            client.connected = False
            redraw()  # at once: Flet runs no scheduled update for a disconnected session

        async def back(_: object) -> None:
            await actions.refresh()  # another device, or the web build's other tab, may have
            # granted or revoked meanwhile: the guard and the screens read the store's truth
            page.route = nav.reopened(page.route)
            client.connected = True
            redraw()

        page.on_disconnect, page.on_connect = left, back

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
    if browser is not None:  # the web build keeps its data in the browser: no registry
        return Services(store)
    from shared.sync import open_sync  # httpx: only where a registry may be configured

    return Services(store, sync=open_sync(store))


# Flet keeps a closed tab's session for a reconnection: no longer than the idle sign-out.
SESSION_TIMEOUT_SECONDS = int(IDLE_LIMIT.total_seconds())


async def browser_main(page: ft.Page) -> None:
    """The web build's entry point: the store opens once its folder is loaded from IndexedDB."""
    browser = await storage.open_browser_folder()
    services = open_services(browser.path, browser)
    browser.store = services.store
    await browser.written_back()
    make_main(services, browser)(page)


def run() -> None:
    """Serve the app with Flet's own settings; web server on 127.0.0.1 unless told otherwise."""
    if storage.IN_BROWSER:  # the static web build: Python runs in the visitor's browser
        ft.run(browser_main)
        return
    from mobile.serve import use_our_page
    from mobile.sync_task import SyncTask

    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    keep_private()
    os.environ.setdefault("FLET_SESSION_TIMEOUT", str(SESSION_TIMEOUT_SECONDS))
    use_our_page()
    services = open_services()
    sync_task = SyncTask(services.sync) if services.sync is not None else None
    ft.run(
        make_main(services, sync_task=sync_task),
        host=os.environ.get("FLET_SERVER_IP") or "127.0.0.1",
        port=int(os.environ.get("FLET_SERVER_PORT") or 0),
        assets_dir=str(ASSETS),
        no_cdn=_env_flag("FLET_WEB_NO_CDN", True),
    )
