"""Mes démarches: the sections of the seed; the procuration opens its flow."""

import flet as ft

from mobile.context import App
from mobile.routes import Route
from mobile.widgets import act, card, heading, tile
from shared import strings


def view(app: App) -> list[ft.Control]:
    actions = app.actions
    controls: list[ft.Control] = [heading(strings.TAB_DEMARCHES)]
    for section, names in strings.DEMARCHES_SECTIONS:
        tiles = [
            tile(name, act(actions.go, Route.PROCURATION), icon=ft.Icons.HOW_TO_REG)
            if name == strings.PROCURATION_LINK
            else tile(name, act(actions.show_unavailable, name))
            for name in names
        ]
        controls.append(card(*tiles, title=section))
    return controls
