"""The shell: renders the current screen of an AppState, its bars, dialogs and messages."""

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import flet as ft

from mobile.offload import offload
from mobile.routes import TABS, Screen, tab_index
from mobile.screens import (
    confirmation,
    demarches,
    home,
    informations,
    mandataire,
    payments,
    prevention,
    principles,
    procuration_active,
    recap,
    sign_in,
)
from mobile.state import AppState
from mobile.widgets import BUTTON_STYLE, banner, link
from shared import strings

log = logging.getLogger(__name__)

SCREENS: dict[Screen, Callable[[Any], list[ft.Control]]] = {
    Screen.SIGN_IN: sign_in.view,
    Screen.HOME: home.view,
    Screen.PAYMENTS: payments.view,
    Screen.DEMARCHES: demarches.view,
    Screen.PREVENTION: prevention.view,
    Screen.INFORMATIONS: informations.view,
    Screen.PROCURATION_ACTIVE: procuration_active.view,
    Screen.PRINCIPLES: principles.view,
    Screen.MANDATAIRE: mandataire.view,
    Screen.RECAP: recap.view,
    Screen.CONFIRMATION: confirmation.view,
}
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


class Shell:
    """One per page (browser session or phone): owns no data, only draws `state`."""

    def __init__(self, page: ft.Page, state: AppState) -> None:
        self.page = page
        self.state = state
        self.progress = ft.ProgressBar(visible=False, semantics_label=strings.BUSY)
        self._shown_dialog: object | None = None
        self._acting = asyncio.Lock()
        self._drawn: Screen | None = None
        # The bars are built once: a drawing swaps the content and the selected tab, so each
        # update carries the new screen alone and Flutter keeps the bars.
        self._bar = self._app_bar()
        self._nav = self._navigation_bar()
        self._column, _ = self._content_frame()

    # --- handlers given to screens ----------------------------------------------------------
    # Flet runs handlers on its event loop: the domain work (scrypt, durable commits) goes to a
    # worker thread so that one person's click never freezes the other sessions.
    def on(self, action: Callable[..., Any], *args: Any) -> Callable[[Any], Awaitable[None]]:
        async def handler(_: Any) -> None:
            await self._run(action, *args)

        return handler

    def busy(self, action: Callable[..., Any], *args: Any) -> Callable[[Any], AsyncIterator[None]]:
        async def handler(_: Any) -> AsyncIterator[None]:
            self.progress.visible = True
            yield
            await self._run(action, *args)

        return handler

    async def _run(self, action: Callable[..., Any], *args: Any) -> None:
        async with self._acting:
            try:
                await offload(self._act, action, *args)
            except Exception:
                log.exception("action failed")
                self.state.message = strings.STORAGE_FAILED
            self.render(settled=True)

    def _act(self, action: Callable[..., Any], *args: Any) -> None:
        """In a worker thread: the action, then the store read the next drawing needs."""
        action(*args)
        self.state.settle()

    # --- drawing ----------------------------------------------------------------------------
    def render(self, settled: bool = False) -> None:
        """Draw the state; a screen that fails to draw leaves a message, not a frozen page."""
        try:
            self._draw(settled)
        except Exception:
            log.exception("drawing failed")
            self.state.message = strings.STORAGE_FAILED
            self.state.screen = Screen.HOME if self.state.account else Screen.SIGN_IN
            self._draw(settled=False)

    def _draw(self, settled: bool) -> None:
        state, page = self.state, self.page
        self.progress.visible = False
        if not settled:
            state.settle()
        moved, self._drawn = state.screen is not self._drawn, state.screen
        body = SCREENS[state.screen](self)
        banners = [
            banner(text, error=error)
            for text, error in ((state.message, True), (state.notice, False))
            if text
        ]
        signed_in = state.account is not None
        self._nav.selected_index = tab_index(state.screen)
        page.appbar = self._bar if signed_in else None
        page.navigation_bar = self._nav if signed_in else None
        if moved or not page.controls:
            # Each screen gets a scroll view of its own: it starts at the top, and Flutter's
            # accessibility tree never keeps the scroll offset of the screen before.
            self._column, frame = self._content_frame()
            page.controls = [frame]
        self._column.controls = [self.progress, *banners, *body]
        self._show_dialog()
        page.update()

    def release(self) -> None:
        """Forget the drawn controls while no client is connected (nothing is sent)."""
        self.page.controls = []
        self._drawn = None
        self.page.appbar = None
        self.page.navigation_bar = None
        self.page.update()

    @staticmethod
    def _content_frame() -> tuple[ft.Column, ft.Control]:
        """The column a screen fills, inside a scroll view centred at phone width."""
        column = ft.Column(spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        frame = ft.SafeArea(
            ft.Column(
                [
                    ft.ResponsiveRow(
                        [ft.Container(column, padding=16, col=PHONE_COLUMN)],
                        alignment=ft.MainAxisAlignment.CENTER,
                    )
                ],
                scroll=ft.ScrollMode.AUTO,
                expand=True,
            ),
            expand=True,
        )
        return column, frame

    def _app_bar(self) -> ft.AppBar:
        return ft.AppBar(
            title=ft.Text(strings.APP_TITLE),
            actions=[
                ft.TextButton(
                    strings.SIGN_OUT,
                    icon=ft.Icons.LOGOUT,
                    style=BUTTON_STYLE,
                    on_click=self.on(self.state.sign_out),
                )
            ],
        )

    def _navigation_bar(self) -> ft.NavigationBar:
        async def changed(event: Any) -> None:
            await self._run(self.state.go, TABS[int(event.control.selected_index)][0])

        return ft.NavigationBar(
            selected_index=tab_index(self.state.screen),
            on_change=changed,
            destinations=[
                ft.NavigationBarDestination(label=label, icon=icon, selected_icon=selected)
                for (_, label), (icon, selected) in zip(TABS, TAB_ICONS, strict=True)
            ],
        )

    def _show_dialog(self) -> None:
        dialog = self.state.dialog
        if dialog is None and self._shown_dialog is not None:
            self._shown_dialog = None
            self.page.pop_dialog()
        if dialog is None or dialog is self._shown_dialog:
            return
        self._shown_dialog = dialog
        if dialog.revoke:
            actions: list[ft.Control] = [
                ft.OutlinedButton(strings.BACK, style=BUTTON_STYLE, on_click=self._close_dialog),
                ft.FilledButton(strings.REVOKE, style=BUTTON_STYLE, on_click=self._confirm_revoke),
            ]
            text = f"{dialog.text}\n{strings.REVOKE_QUESTION}"
        else:
            actions, text = [link(strings.CLOSE, self._close_dialog)], dialog.text
        self.page.show_dialog(
            ft.AlertDialog(
                modal=True,
                title=ft.Text(dialog.title),
                content=ft.Text(text),
                semantics_label=dialog.title,
                actions=actions,
                on_dismiss=self._dismissed,
            )
        )

    def _close_dialog(self, _: Any) -> None:
        self.state.close_dialog()
        self._shown_dialog = None
        self.page.pop_dialog()

    def _dismissed(self, _: Any) -> None:
        if self._shown_dialog is self.state.dialog:
            self.state.close_dialog()
            self._shown_dialog = None

    async def _confirm_revoke(self, _: Any) -> None:
        self._shown_dialog = None
        self.page.pop_dialog()
        await self._run(self.state.revoke)
