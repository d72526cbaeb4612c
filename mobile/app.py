"""Start-up: one store for the process; per page (session) its state, actions and Router.

The screens and the domain are imported when the app starts, not when this module is
imported, so that `flet build`'s loader and the tests pay only for what they use.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import flet as ft

from shared.services import IDLE_LIMIT

if TYPE_CHECKING:
    from mobile.actions import Actions
    from shared.services import Services

log = logging.getLogger(__name__)
ASSETS = Path(__file__).resolve().parent.parent / "assets"
IDLE_CHECK_SECONDS = 30
PHONE_WINDOW = (412, 915)  # the desktop preview's size, as a phone


def make_main(services: Services) -> ft.AppCallable:
    """The per-session entry point: everything a session owns is created here."""
    from mobile.actions import Actions
    from mobile.broadcast import PageBroadcast
    from mobile.context import App
    from mobile.navigation import Navigation
    from mobile.router import Root
    from mobile.state import Request, Session
    from mobile.theme import apply_theme

    async def watch_idle(actions: Actions) -> None:
        while True:
            await asyncio.sleep(IDLE_CHECK_SECONDS)
            actions.check_idle()

    def main(page: ft.Page) -> None:
        apply_theme(page)
        if not page.web:
            page.window.width, page.window.height = PHONE_WINDOW
        session, request = Session(), Request()
        broadcast, nav = PageBroadcast(page), Navigation(page)
        actions = Actions(services, session, request, nav, broadcast)
        nav.facts, nav.on_history_move = actions.facts, actions.close_dialog_on_history_move
        broadcast.received = actions.changed_elsewhere
        watcher = page.run_task(watch_idle, actions)

        def closed(_: object) -> None:
            watcher.cancel()
            broadcast.unfollow()

        page.on_close = closed
        page.on_keyboard_event = lambda event: actions.key(event.key)
        actions.opened_at(nav.url)
        page.route = nav.first_route()  # the Router starts there; the address bar is unchanged
        page.render_views(Root, App(services, session, request, actions, nav))

    return main


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


def open_services() -> Services:
    """The process's store (migrated, demo accounts seeded on first start) and services."""
    from shared.demo import seed_demo_accounts
    from shared.services import Services
    from shared.store import open_store

    store = open_store()
    seed_demo_accounts(store)
    return Services(store)


# Flet's session lines end with the session's key (« Session disconnected: <key> »): whoever
# reads it could open the session from another browser. The key is replaced.
_SESSION_KEY = re.compile(r"(?i)(session[^:]*:\s*).+$")
# Flet keeps a closed tab's session for a reconnection: no longer than the idle sign-out.
SESSION_TIMEOUT_SECONDS = int(IDLE_LIMIT.total_seconds())


class _HideSessionKeys(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "ession" in text:
            record.msg, record.args = _SESSION_KEY.sub(r"\1[clé masquée]", text), ()
        return True


def _hide_session_keys() -> None:
    for name in ("flet", "flet_web.fastapi"):
        logging.getLogger(name).addFilter(_HideSessionKeys())


def run() -> None:
    """Serve the app with Flet's own settings; web server on 127.0.0.1 unless told otherwise."""
    from mobile.serve import use_our_page

    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    _hide_session_keys()
    os.environ.setdefault("FLET_SESSION_TIMEOUT", str(SESSION_TIMEOUT_SECONDS))
    use_our_page()
    ft.run(
        make_main(open_services()),
        host=os.environ.get("FLET_SERVER_IP") or "127.0.0.1",
        port=int(os.environ.get("FLET_SERVER_PORT") or 0),
        assets_dir=str(ASSETS),
        no_cdn=_env_flag("FLET_WEB_NO_CDN", True),
    )
