"""A session's state and actions without Flet's page: what the screens would drive."""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from mobile.actions import Actions
from mobile.guard import allowed
from mobile.state import Request, Session
from shared.download import Download
from shared.services import Services


def run_to_end(action: Any, *args: Any) -> Any:
    """Run an async action (or a coroutine) to its end in a thread of its own: Playwright's
    sync API may hold this thread's event loop when the browser tests ran first."""
    work = action if asyncio.iscoroutine(action) else action(*args)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, work).result()


class AddressBar:
    """The Navigator of a session without a browser: the guarded address, and its history."""

    def __init__(self) -> None:
        self.url = "/"
        self.history: list[str] = []
        self.facts: Callable[[], Any] = lambda: None

        self.on_show: Callable[[str], None] = lambda route: None

    def go(self, route: str) -> None:
        self.url = allowed(route, self.facts())
        self.history.append(self.url)
        self.on_show(self.url)


class Broadcasts:
    """What the phones of one test told each other, delivered when a test says so."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []
        self.followed: int | None = None

    def follow(self, account_id: int) -> None:
        self.followed = account_id

    def unfollow(self) -> None:
        self.followed = None

    def changed(self, account_id: int, notice: str) -> None:
        self.sent.append((account_id, notice))


class Handed:
    """The files a session without a page was given, kept in the order given."""

    def __init__(self) -> None:
        self.files: list[Download] = []

    async def give(self, download: Download) -> str | None:
        self.files.append(download)
        return None


class Phone:
    """One session's state and actions; async actions are run to completion."""

    def __init__(self, services: Services) -> None:
        self.session, self.request = Session(), Request()
        self.nav, self.broadcasts, self.handed = AddressBar(), Broadcasts(), Handed()
        self.actions = Actions(
            services, self.session, self.request, self.nav, self.broadcasts, self.handed
        )
        self.nav.facts, self.nav.on_show = self.actions.facts, self.actions.shown
        self.services = services

    def __getattr__(self, name: str) -> Any:
        action = getattr(self.actions, name)
        if not asyncio.iscoroutinefunction(action):
            return action
        return lambda *args: run_to_end(action, *args)

    @property
    def url(self) -> str:
        return self.nav.url
