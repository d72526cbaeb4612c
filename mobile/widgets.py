"""Small building blocks shared by the screens (sizes keep every touch target >= 48 px)."""

import asyncio
import contextlib
import inspect
from collections.abc import Callable
from typing import Any

import flet as ft

from mobile.theme import FOCUS_RING

Handler = Callable[..., Any]
TARGET = 48
FOCUS_ANSWER_SECONDS = 5.0  # the client answers a focus request at once, when it is there
# About 20 px of label + 2 × 16 px of padding: at least 48 px high.
BUTTON_STYLE = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=20, vertical=16))
# Radios and checkboxes are 40 px high on desktop browsers: a 3× line height makes their
# row, label included, a 48 px target.
TALL_LABEL = ft.TextStyle(size=16, height=3.0)
LINK_STYLE = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=8, vertical=16))
# A list row: the text colour of the page, left-aligned, a 56 px row for one line.
TILE_STYLE = ft.ButtonStyle(
    color=ft.Colors.ON_SURFACE,
    padding=ft.Padding.symmetric(horizontal=16, vertical=16),
    shape=ft.RoundedRectangleBorder(radius=8),
    alignment=ft.Alignment.CENTER_LEFT,
)


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
    """A heading; a screen's own (level 1) can take the focus (`take_focus`)."""
    style = ft.TextThemeStyle.HEADLINE_SMALL if level == 1 else ft.TextThemeStyle.TITLE_MEDIUM
    title: ft.Control = ft.Text(text, theme_style=style, weight=ft.FontWeight.BOLD)
    if level == 1:
        # A focus node of Flutter's, merged into the heading's node: when it has the focus,
        # the heading has it (and a browser's too), and the next Tab goes on from there.
        title = ft.KeyboardListener(content=title)
    # A node of its own (container): else a card's heading merges into the card, which then
    # reads as one « header » holding the card's buttons.
    return ft.Semantics(
        header=True,
        heading_level=level,  # the screen's h1, a card's or a step's h2
        container=True,
        content=title,
    )


def screen_heading(controls: list[ft.Control]) -> ft.KeyboardListener | None:
    """The focus node of the first level-1 heading among these controls and theirs."""
    for control in controls:
        if isinstance(control, ft.KeyboardListener):
            return control
        inner = [getattr(control, "content", None), *(getattr(control, "controls", None) or [])]
        found = screen_heading([c for c in inner if isinstance(c, ft.Control)])
        if found is not None:
            return found
    return None


async def take_focus(node: ft.KeyboardListener) -> None:
    """Ask the client to give that focus node the focus."""
    # Bounded: a client that has gone never answers, and the wait would keep the node.
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(node.focus(), FOCUS_ANSWER_SECONDS)  # type: ignore[no-untyped-call]


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
) -> ft.Control:
    """A row of a list. A row that does something is a button: a ListTile's focus is only a
    faint tint, a button takes the theme's focus ring."""
    if on_click is None:
        return ft.ListTile(
            title=ft.Text(title),
            subtitle=ft.Text(subtitle) if subtitle else None,
            leading=ft.Icon(icon) if icon else None,
            min_height=TARGET + 8,
        )
    # A title alone takes the row's room itself: one control less per row (Mes démarches has
    # 24 rows, each drawn anew at every visit).
    text: ft.Control = ft.Text(title, size=16, expand=True)
    if subtitle:
        subtitle_text = ft.Text(subtitle, size=14, color=ft.Colors.ON_SURFACE_VARIANT)
        text = ft.Column([ft.Text(title, size=16), subtitle_text], spacing=2, expand=True)
    return ft.TextButton(
        content=ft.Row(
            [
                *([ft.Icon(icon, color=ft.Colors.ON_SURFACE_VARIANT)] if icon else []),
                text,
                ft.Icon(ft.Icons.CHEVRON_RIGHT, color=ft.Colors.ON_SURFACE_VARIANT),
            ],
            spacing=16,
        ),
        on_click=on_click,
        style=TILE_STYLE,
    )


def card(*controls: ft.Control, title: str | None = None) -> ft.Card:
    body: list[ft.Control] = [heading(title, level=2)] if title else []
    # The column's margin is the card's padding: one control fewer to send and to diff.
    return ft.Card(content=ft.Column([*body, *controls], spacing=8, margin=16))


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


# A text field's focus ring: its outline becomes the buttons' ring (3 px of ON_SURFACE).
FIELD_BORDER: dict[ft.ControlState, ft.InputBorder] = {
    ft.ControlState.DEFAULT: ft.OutlineInputBorder(),
    ft.ControlState.FOCUSED: ft.OutlineInputBorder(
        side=ft.BorderSide(FOCUS_RING.width, FOCUS_RING.color)
    ),
}


def text_field(**kwargs: Any) -> ft.TextField:
    """A TextField with the focus ring."""
    return ft.TextField(border=FIELD_BORDER, **kwargs)


def labelled(label: str, field: ft.TextField) -> ft.Control:
    """The seed's layout: the label above the field, its hint inside, seen before the field has
    the focus (a TextField's own label keeps its hint hidden until then). Merged with the label,
    the field is named by it (followed by the hint while empty, as Flutter does)."""
    return ft.MergeSemantics(
        content=ft.Column(
            [ft.Text(label), field], spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
        )
    )


def row(label: str, value: str) -> ft.Control:
    return ft.Column(
        [ft.Text(label, weight=ft.FontWeight.BOLD), ft.Text(value)],
        spacing=2,
        margin=ft.Margin.symmetric(vertical=8),
    )
