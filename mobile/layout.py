"""The frame of every screen: app bar with Déconnexion, the five tabs, messages, content."""

from collections.abc import Callable
from typing import Any

import flet as ft

from mobile.context import App, use_app, use_session_app
from mobile.routes import TABS, Route, is_tab, known, parent_of, tab_index
from mobile.widgets import (
    BUTTON_STYLE,
    TARGET,
    act,
    banner,
    heading,
    paragraph,
    primary,
    screen_heading,
    take_focus,
)
from shared import strings

TAB_ICONS = (
    (ft.Icons.HOME_OUTLINED, ft.Icons.HOME),
    (ft.Icons.EURO_OUTLINED, ft.Icons.EURO),
    (ft.Icons.DESCRIPTION_OUTLINED, ft.Icons.DESCRIPTION),
    (ft.Icons.FAVORITE_OUTLINE, ft.Icons.FAVORITE),
    (ft.Icons.PERSON_OUTLINE, ft.Icons.PERSON),
)
# Full width on a phone, a centred phone-width column (400–470 px) on wide windows.
PHONE_COLUMN: dict[str | ft.ResponsiveRowBreakpoint, int | float] = {
    "xs": 12,
    "sm": 9,
    "md": 7,
    "lg": 5,
    "xl": 4,
    "xxl": 4,
}
Screen = Callable[[App], list[ft.Control]]
SCREEN_MARGIN = 16  # round a screen's content; the app bar's title lines up with it
BAR_INSET = 4  # the app bar's row from its edges, beside the arrow and Déconnexion


def frame(app: App, body: list[ft.Control]) -> ft.Control:
    """The messages and the screen's content, in a scroll view centred at phone width."""
    session = app.session
    banners = [
        banner(text, error=error)
        for text, error in ((session.message, True), (session.notice, False))
        if text
    ]
    progress = ft.ProgressBar(visible=session.busy, semantics_label=strings.BUSY)
    # The messages in a column of their own, always there: a message that appears does not
    # move the screen's controls to new places, where they would be built anew (and the
    # control just used would lose the focus).
    messages = ft.Column(banners, spacing=16, visible=bool(banners))
    column = ft.Column(
        [progress, messages, *body],
        spacing=16,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        margin=SCREEN_MARGIN,
        col=PHONE_COLUMN,
    )
    return ft.SafeArea(
        ft.Column(
            [
                ft.ResponsiveRow(
                    [column],
                    alignment=ft.MainAxisAlignment.CENTER,
                )
            ],
            scroll=ft.ScrollMode.AUTO,
            expand=True,
        ),
        expand=True,
    )


def _app_bar(app: App, path: str) -> ft.AppBar:
    """« Écran précédent », the title and Déconnexion, in the content's phone-width column."""
    # Flutter's own back arrow is 40 px and named « Retour » like the flow's buttons: ours is
    # 48 px, has a name of its own, and goes where the system back goes (the parent screen).
    # Always in the bar, hidden on Accueil: the title and Déconnexion keep their places in
    # the row, where Flet would else remove them and add them anew on the way to Accueil.
    back = ft.IconButton(
        # No tooltip: its text would join the name of the bar (« Écran précédent Procu… »).
        ft.Icon(ft.Icons.ARROW_BACK, semantics_label=strings.PREVIOUS_SCREEN),
        on_click=act(app.actions.go, parent_of(path)),
        width=TARGET,
        height=TARGET,
        visible=path != Route.HOME,
    )
    sign_out = ft.TextButton(
        strings.SIGN_OUT,
        icon=ft.Icons.LOGOUT,
        style=BUTTON_STYLE,
        on_click=act(app.actions.sign_out),
    )
    # Without the arrow (Accueil), the title lines up with the screen's content.
    title_inset = BAR_INSET if back.visible else SCREEN_MARGIN
    bar = ft.Row(
        [
            back,
            # 20 px: the whole title fits between the arrow and Déconnexion at 412 px.
            ft.Text(
                strings.APP_TITLE,
                size=20,
                expand=True,
                no_wrap=True,
                overflow=ft.TextOverflow.ELLIPSIS,
            ),
            sign_out,
        ],
        spacing=8,
    )
    return ft.AppBar(
        automatically_imply_leading=False,
        title_spacing=0,
        title=ft.ResponsiveRow(
            [
                ft.Container(
                    bar,
                    padding=ft.Padding.only(left=title_inset, right=BAR_INSET),
                    col=PHONE_COLUMN,
                )
            ],
            alignment=ft.MainAxisAlignment.CENTER,
        ),
    )


def _navigation_bar(app: App, route: Route) -> ft.NavigationBar:
    def changed(event: Any) -> None:
        app.actions.open_tab(int(event.control.selected_index))

    return ft.NavigationBar(
        selected_index=tab_index(route),
        on_change=changed,
        destinations=[
            ft.NavigationBarDestination(label=label, icon=icon, selected_icon=selected)
            for (_, label), (icon, selected) in zip(TABS, TAB_ICONS, strict=True)
        ],
    )


@ft.component
def RootLayout() -> ft.View:
    """The bars round a signed-in screen: each step a View of its own on a phone (flet issue
    #6322), the one View of every screen in a browser."""
    app = use_session_app()
    path = ft.use_view_path()
    outlet = ft.use_route_outlet()
    # Keyed like its page: a View whose page key changed, patched in place, is drawn empty.
    key = app.nav.key_of(path)
    if not _in_sight(path, ft.use_route_location()):
        return ft.View(key=key, route=key, padding=0)
    # A tab is the root of its stack: Flutter has no page under it to pop to, so it asks the
    # View, and Accueil takes the tab's place (Android's back; the app closes from Accueil).
    tab_above_home = is_tab(path) and path != Route.HOME
    return ft.View(
        key=key,
        route=key,
        appbar=_app_bar(app, path),
        navigation_bar=_navigation_bar(app, known(path) or Route.HOME),
        controls=[outlet],
        padding=0,
        can_pop=not tab_above_home,
        on_confirm_pop=app.nav.tab_popped if tab_above_home else None,
    )


def _in_sight(path: str, top: str) -> bool:
    """Whether the page at `path` can be seen with `top` on top of the stack: the top one, and
    the one under it, which the system back or the iOS swipe uncovers before the server hears
    of it (in a browser the stack is one page). The others are drawn when they come to the
    top: Flutter lays out every page it keeps, and Flet diffs them all on every change of the
    state (« Suivant » 213 -> 116 ms, « Valider » 369 -> 140 ms in Chromium)."""
    return path in (top, parent_of(top))


def use_focused_heading(body: list[ft.Control], on_top: bool = True) -> None:
    """The screen's heading takes the focus when the screen is drawn on top of the stack, and
    the next Tab goes on from there: on a page patched from screen to screen too (the tabs',
    every screen's in a browser), where the focus would else go back to the last control
    used. A page uncovered by a pop gets back its own focus from Flutter."""
    # The wait for the client's answer holds the heading's node alone, not the screen.
    node = screen_heading(body) if on_top else None

    async def focus() -> None:
        if node is not None:
            await take_focus(node)

    ft.use_effect(focus, [on_top])


def screen(view: Screen) -> Callable[[], ft.Control]:
    """The Router's component for one screen module's `view`."""

    def Screen() -> ft.Control:
        app = use_app()
        body = view(app)
        use_focused_heading(body, on_top=ft.use_view_path() == ft.use_route_location())
        return frame(app, body)

    Screen.__name__ = Screen.__qualname__ = view.__module__.rsplit(".", 1)[-1].title()
    # Memoised: when the Router redraws the stack for a new address, the screens under the
    # top one (the form under the recap) are not drawn again; a screen still redraws when the
    # state it reads changes.
    memoised: Callable[[], ft.Control] = ft.memo(ft.component(Screen))  # type: ignore[no-untyped-call]
    return memoised


def page_view(route: Route, view: Screen) -> Callable[[], ft.View]:
    """The Router's component for a screen without the bars (Connexion)."""

    @ft.component
    def Page() -> ft.View:
        app = use_app()
        body = view(app)
        use_focused_heading(body)
        return ft.View(route=route, controls=[frame(app, body)], padding=0)

    return Page


@ft.component
def NotFound() -> ft.Control:
    """« Page introuvable », with a way back to Accueil."""
    app = use_app()
    body = [
        heading(strings.NOT_FOUND_TITLE),
        paragraph(strings.NOT_FOUND_TEXT),
        primary(strings.BACK_HOME, act(app.actions.go, Route.HOME), icon=ft.Icons.HOME),
    ]
    use_focused_heading(body)
    return frame(app, body)
