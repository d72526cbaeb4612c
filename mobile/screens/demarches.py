"""Mes démarches: the sections of the seed; the procuration opens its flow."""

import flet as ft

from mobile.ui import Ui
from mobile.widgets import card, heading, tile
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    controls: list[ft.Control] = [heading(strings.TAB_DEMARCHES)]
    for section, names in strings.DEMARCHES_SECTIONS:
        tiles = [
            tile(name, ui.on(state.open_procuration), icon=ft.Icons.HOW_TO_REG)
            if name == strings.PROCURATION_LINK
            else tile(name, ui.on(state.show_unavailable, name))
            for name in names
        ]
        controls.append(card(*tiles, title=section))
    return controls
