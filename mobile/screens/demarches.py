"""Mes démarches: the reminder, the sections of the seed; the procuration opens its flow."""

import flet as ft

from mobile.actions import Actions
from mobile.context import App
from mobile.routes import Route
from mobile.screens.reminder import reminder_card
from mobile.widgets import act, card, heading, tile
from shared import strings


def _tiles(actions: Actions, name: str) -> list[ft.Control]:
    """The démarche's tile; the procuration's comes with « Mes procurations »."""
    if name != strings.PROCURATION_LINK:
        return [tile(name, act(actions.show_unavailable, name))]
    return [
        tile(name, act(actions.go, Route.PROCURATION), icon=ft.Icons.HOW_TO_REG),
        tile(strings.HISTORY_TITLE, act(actions.go, Route.HISTORY), icon=ft.Icons.HISTORY),
    ]


def view(app: App) -> list[ft.Control]:
    controls: list[ft.Control] = [heading(strings.TAB_DEMARCHES), *reminder_card(app)]
    for section, names in strings.DEMARCHES_SECTIONS:
        tiles = [shown for name in names for shown in _tiles(app.actions, name)]
        controls.append(card(*tiles, title=section))
    return controls
