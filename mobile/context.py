"""What every screen of a session reads: its actions and its state, through Flet's contexts."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import flet as ft

from mobile.actions import Actions
from mobile.navigation import Navigation
from mobile.state import Request, Session
from shared.services import Services


@dataclass(frozen=True)
class App:
    """One session's state and the actions that change it."""

    services: Services
    session: Session
    request: Request
    actions: Actions
    nav: Navigation


AppContext = ft.create_context(cast(App, None))
SessionContext = ft.create_context(Session())
RequestContext = ft.create_context(Request())


def provide(app: App, render: Callable[[], ft.Control]) -> ft.Control:
    """Render under this session's contexts."""
    return AppContext(
        app, lambda: SessionContext(app.session, lambda: RequestContext(app.request, render))
    )


def use_session_app() -> App:
    """This session's App, for a component that does not draw its state (the bars).

    The Router's own listeners are set up by its mount effect, which runs after its
    parent's and before its routes' components': the guard wraps them from here.
    """
    app = ft.use_context(AppContext)
    ft.use_effect(app.nav.install)
    return app


def use_app() -> App:
    """This session's App; the calling component redraws when its state changes.

    Only the component that draws a screen's content subscribes: a layout that redrew too
    would hand Flet its outlet as it was, and the screen's own redraw could be lost.
    """
    app = use_session_app()
    ft.use_context(SessionContext)
    ft.use_context(RequestContext)
    return app
