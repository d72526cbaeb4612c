"""Step 1: the principles of the procuration en ligne, and « Je démarre ma demande »."""

import flet as ft

from mobile.routes import Screen
from mobile.screens.steps import indicator
from mobile.ui import Ui
from mobile.widgets import heading, paragraph, primary
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    return [
        heading(strings.PROCURATION_LINK),
        indicator(Screen.PRINCIPLES),
        *[paragraph(text) for text in strings.PRINCIPLES],
        primary(strings.START_REQUEST, ui.on(state.start_request), icon=ft.Icons.ARROW_FORWARD),
    ]
