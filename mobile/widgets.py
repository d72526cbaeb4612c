"""Small building blocks shared by the screens (sizes keep every touch target >= 48 px)."""

import inspect
from collections.abc import Callable
from typing import Any

import flet as ft

Handler = Callable[..., Any]
TARGET = 48
# About 20 px of label + 2 × 16 px of padding: at least 48 px high.
BUTTON_STYLE = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=20, vertical=16))
# Radios and checkboxes are 40 px high on desktop browsers: a 3× line height makes their
# row, label included, a 48 px target.
TALL_LABEL = ft.TextStyle(size=16, height=3.0)
LINK_STYLE = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=8, vertical=16))


def act(action: Callable[..., Any], *args: Any) -> Handler:
    """A click handler that sends the action with these arguments (awaited if async)."""
    if inspect.iscoroutinefunction(action):

        async def send_async() -> None:
            await action(*args)

        return send_async

    def send() -> None:
        action(*args)

    return send


def heading(text: str, level: int = 1) -> ft.Control:
    style = ft.TextThemeStyle.HEADLINE_SMALL if level == 1 else ft.TextThemeStyle.TITLE_MEDIUM
    return ft.Semantics(
        header=True, content=ft.Text(text, theme_style=style, weight=ft.FontWeight.BOLD)
    )


def paragraph(text: str, **kwargs: Any) -> ft.Text:
    return ft.Text(text, selectable=False, **kwargs)


def primary(
    text: str, on_click: Handler | None, disabled: bool = False, icon: ft.IconData | None = None
) -> ft.FilledButton:
    return ft.FilledButton(
        text, on_click=on_click, disabled=disabled, icon=icon, style=BUTTON_STYLE
    )


def secondary(
    text: str, on_click: Handler | None, icon: ft.IconData | None = None, disabled: bool = False
) -> ft.OutlinedButton:
    return ft.OutlinedButton(
        text, on_click=on_click, icon=icon, style=BUTTON_STYLE, disabled=disabled
    )


def link(text: str, on_click: Handler | None, icon: ft.IconData | None = None) -> ft.TextButton:
    return ft.TextButton(text, on_click=on_click, style=LINK_STYLE, icon=icon)


def tile(
    title: str,
    on_click: Handler | None,
    subtitle: str | None = None,
    icon: ft.IconData | None = None,
) -> ft.ListTile:
    return ft.ListTile(
        title=ft.Text(title),
        subtitle=ft.Text(subtitle) if subtitle else None,
        leading=ft.Icon(icon) if icon else None,
        trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT) if on_click else None,
        on_click=on_click,
        min_height=TARGET + 8,
    )


def card(*controls: ft.Control, title: str | None = None) -> ft.Card:
    body: list[ft.Control] = [heading(title, level=2)] if title else []
    return ft.Card(content=ft.Container(ft.Column([*body, *controls], spacing=8), padding=16))


def banner(text: str, error: bool = False) -> ft.Control:
    """A message that screen readers announce (live region)."""
    colour = ft.Colors.ERROR_CONTAINER if error else ft.Colors.SECONDARY_CONTAINER
    icon = ft.Icons.ERROR_OUTLINE if error else ft.Icons.CHECK_CIRCLE_OUTLINE
    return ft.Semantics(
        live_region=True,
        content=ft.Container(
            ft.Row([ft.Icon(icon), ft.Text(text, expand=True)], spacing=12),
            bgcolor=colour,
            padding=12,
            border_radius=8,
        ),
    )


def row(label: str, value: str) -> ft.Control:
    return ft.Container(
        ft.Column([ft.Text(label, weight=ft.FontWeight.BOLD), ft.Text(value)], spacing=2),
        padding=ft.Padding.symmetric(vertical=8),
    )
