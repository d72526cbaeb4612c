"""The app as a tree of routes: Flet's Router builds the view stack from the address."""

from collections.abc import Callable, Iterator

import flet as ft

from mobile.context import App, provide
from mobile.dialogs import dialog_for
from mobile.layout import NotFound, RootLayout, Screen, page_view, screen
from mobile.routes import Route
from mobile.screens import (
    confirmation,
    demarches,
    history,
    home,
    informations,
    mandataire,
    payments,
    prevention,
    principles,
    recap,
    sign_in,
)

Tree = tuple[tuple[Route, Screen, "Tree"], ...]

# Each tab the root of its stack: Mes démarches → principes → le mandataire → récapitulatif →
# confirmation; Mes informations → Mes procurations.
SCREENS: Tree = (
    (Route.HOME, home.view, ()),
    (Route.PAYMENTS, payments.view, ()),
    (
        Route.DEMARCHES,
        demarches.view,
        (
            (
                Route.PROCURATION,
                principles.view,
                (
                    (
                        Route.MANDATAIRE,
                        mandataire.view,
                        (
                            (
                                Route.RECAP,
                                recap.view,
                                ((Route.CONFIRMATION, confirmation.view, ()),),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    (Route.PREVENTION, prevention.view, ()),
    (Route.INFORMATIONS, informations.view, ((Route.HISTORY, history.view, ()),)),
)


def _walk(tree: Tree) -> Iterator[tuple[Route, Screen, Tree]]:
    """Every screen of the tree, parents first."""
    for node in tree:
        yield node
        yield from _walk(node[2])


# One Router component per screen, whichever table the session's Router gets.
COMPONENTS = {route: screen(view) for route, view, _ in _walk(SCREENS)}


def _path(route: Route, parent: str = "") -> str:
    return route.removeprefix(parent).lstrip("/") or "/"


def _nested(parent: str, tree: Tree) -> list[ft.Route]:
    """Each screen a route nested under its parent: one View per level of the path."""
    return [
        ft.Route(
            path=_path(route, parent),
            component=COMPONENTS[route],
            children=_nested(route, children) or None,
        )
        for route, _, children in tree
    ]


SIGN_IN = ft.Route(path=_path(Route.SIGN_IN), component=page_view(Route.SIGN_IN, sign_in.view))


def _with_bars(screens: list[ft.Route]) -> list[ft.Route]:
    """Connexion, a page of its own, and the screens under the bars."""
    return [SIGN_IN, ft.Route(component=RootLayout, outlet=True, children=screens)]


# On a phone and in the desktop preview: the stack that the system back and the iOS swipe pop.
PHONE_ROUTES = _with_bars(_nested("", SCREENS))
# In a browser every Back goes through the server (its history, the app bar's arrow,
# « Retour »): each screen is a route of its own, so the stack is one page, patched from
# screen to screen as the tabs' page is (no Flutter push, laid out offstage a frame first).
BROWSER_ROUTES = _with_bars(
    [ft.Route(path=_path(route), component=COMPONENTS[route]) for route, _, _ in _walk(SCREENS)]
)


@ft.component
def Routes(app: App) -> ft.Control:
    """The session's contexts and the Router."""
    routes = BROWSER_ROUTES if app.nav.page.web else PHONE_ROUTES
    return provide(app, lambda: ft.Router(routes, not_found=NotFound, manage_views=True))


# Memoised: Root redraws when the dialog changes; the Router and the views' bars need not,
# and each screen redraws when the state it draws changes.
MemoRoutes: Callable[[App], ft.Control] = ft.memo(Routes)  # type: ignore[no-untyped-call]


class Client:
    """Whether a client (a browser tab, the app) shows the session now. Flet keeps a closed
    tab's session for a reconnection (FLET_SESSION_TIMEOUT) and drops every update meanwhile:
    its screens are let go when the client leaves and drawn from the state when it is back."""

    def __init__(self) -> None:
        self.connected = True


@ft.component
def Root(app: App, client: Client) -> ft.Control | list[ft.View]:
    """The session's dialog, and the Router; nothing while no client shows the session."""
    ft.use_state(app.session.dialogs)  # redraw when the dialog changes
    ft.use_dialog(dialog_for(app) if client.connected else None)
    return MemoRoutes(app) if client.connected else []
