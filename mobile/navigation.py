"""The address bar and the guard: every route change, the browser's included, is guarded.

Flet's Router owns `page.on_route_change`; its handler is wrapped so that it renders the
route the guard allows. A route the person reached through the browser's history (Back,
Forward, a typed address) and may not see is shown as the nearest allowed screen in place,
without a new history entry: a pushed redirect would make Back land on it again forever.
"""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import flet as ft

from mobile.guard import Facts, allowed

Handler = Callable[..., Any]


class Navigation:
    """One per session: where the address bar is, and what the Router is told to show."""

    def __init__(self, page: ft.Page) -> None:
        self.page = page
        self.url = page.route or "/"
        self.facts: Callable[[], Facts] = lambda: Facts(signed_in=False)
        self.on_history_move: Callable[[], bool] = lambda: False
        self.on_show: Callable[[str], None] = lambda route: None
        self._router: Handler | None = None

    def first_route(self) -> str:
        """What the Router shows first: the guarded address the page was opened at."""
        return str(allowed(self.url, self.facts()))

    def install(self) -> None:
        """Wrap the Router's route-change handler (once it has mounted)."""
        current = self.page.on_route_change
        if current is None or current == self._guarded:
            return
        self._router = current
        self.page.on_route_change = self._guarded

    def _guarded(self, event: Any) -> None:
        if event.route != self.url and self.on_history_move():
            # An open dialog closes first: the address goes back to the screen under it.
            self.page.navigate(self.url)
            return
        self.url = event.route
        self._show(allowed(event.route, self.facts()))

    def _show(self, route: str) -> None:
        self.on_show(route)
        if self._router is not None:
            self._router(SimpleNamespace(route=route))

    def go(self, route: str) -> None:
        """Show `route`, or the nearest allowed screen, with its address."""
        target = allowed(route, self.facts())
        if target != self.url:
            self.url = target
            self.page.navigate(target)
        self._show(target)
