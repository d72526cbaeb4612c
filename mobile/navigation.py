"""The address bar and the guard: every route change, the browser's included, is guarded.

Flet's Router owns `page.on_route_change`; its handler is wrapped so that it renders the
route the guard allows. A route the person reached through the browser's history (Back,
Forward, a typed address) and may not see is shown as the nearest allowed screen in place,
without a new history entry: a pushed redirect would make Back land on it again forever.

In a browser the stack is one page, with one key, in which every screen is drawn (a move is a
patch, never a page pushed or popped: every Back there goes through the server). On a phone and
in the desktop preview the steps are pages of a stack, for the system back and the iOS swipe.
Flutter animates a page out for 300 ms before the one under it shows (and reaches the
accessibility tree), whatever the page transition. So when a move the server drives (a tab,
the app bar's arrow, « Retour ») would uncover a page of the stack, that page gets a new
key: Flutter draws it as a new page at once and drops the ones above it. Only the system back
and the iOS swipe pop a page: Flutter has already taken it away (and when the guard gives
another screen than the one uncovered, that one is drawn anew). The five tabs share one page,
the root of every stack: a tab replaces another in place, and the system back on a tab asks
its View, which answers with Accueil in place (`tab_popped`).
"""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import flet as ft

from mobile.guard import Facts, allowed
from mobile.routes import BROWSER_PAGE, parent_of, stack_of, view_key

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
        self.shown = ""  # the screen on top of the stack
        self._renewed: dict[str, int] = {}  # view key -> times renewed
        self._uncovered: str | None = None  # the page Flutter uncovered by a view pop

    def key_of(self, path: str) -> str:
        """The key of the View drawn at that path of the stack (also Flutter's page key)."""
        if self.page.web:
            return BROWSER_PAGE
        key = view_key(path)
        times = self._renewed.get(key)
        return f"{key}#{times}" if times else key

    def first_route(self) -> str:
        """What the Router shows first: the guarded address the page was opened at."""
        return str(allowed(self.url, self.facts()))

    def reopened(self, address: str) -> str:
        """A client is back at `address` (a reload): the screen the Router starts at."""
        self.url = address or "/"
        self.shown = self.first_route()
        return self.shown

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

    def view_popped(self, _event: Any) -> None:
        """The system back or the iOS swipe took the top page away: show the one under it."""
        self._uncovered = parent_of(self.shown)
        self.go(self._uncovered)

    async def tab_popped(self, event: Any) -> None:
        """Android's back on a tab, the root of its stack: Accueil in its place, and Flutter
        told to keep the page (it would close the app)."""
        self.go(parent_of(self.shown))
        await event.control.confirm_pop(False)

    def _show(self, route: str) -> None:
        below = [] if self.page.web else [self.key_of(path) for path in stack_of(self.shown)[:-1]]
        # The page a view pop uncovered is on screen already; any other (the guard's choice
        # after the confirmation, say) is drawn anew rather than popped to.
        if route != self._uncovered and self.key_of(route) in below:
            key = view_key(route)
            self._renewed[key] = self._renewed.get(key, 0) + 1
        self._uncovered, self.shown = None, route
        self.on_show(route)
        if self._router is not None:
            self._router(SimpleNamespace(route=route))

    def go(self, route: str) -> None:
        """Show `route`, or the nearest allowed screen, with its address."""
        target = allowed(route, self.facts())
        moved, self.url = target != self.url, target
        # The screen first, the address after: Flutter draws the one while the other follows
        # (sent the other way round, a tab reached the screen 10 to 30 ms later in Chromium).
        self._show(target)
        if moved:
            self.page.navigate(target)
