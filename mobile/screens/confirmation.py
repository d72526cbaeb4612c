"""Step 4: the seed's confirmation texts, the rating and « Retour au tableau de bord »."""

import flet as ft

from mobile.format import full_date
from mobile.routes import Screen
from mobile.screens.steps import indicator
from mobile.ui import Ui
from mobile.widgets import TARGET, banner, card, heading, paragraph, primary
from shared import strings


def _stars(ui: Ui) -> ft.Control:
    chosen = ui.state.flow.rating or 0
    buttons: list[ft.Control] = [
        ft.IconButton(
            ft.Icon(
                ft.Icons.STAR if n <= chosen else ft.Icons.STAR_BORDER,
                semantics_label=strings.RATE_STAR.format(n=n),
            ),
            tooltip=strings.RATE_STAR.format(n=n),
            selected=n == chosen,
            on_click=ui.busy(ui.state.rate, n),
            width=TARGET,
            height=TARGET,
        )
        for n in range(1, 6)
    ]
    return ft.Semantics(
        label=strings.RATE_TITLE, container=True, content=ft.Row(buttons, spacing=0, wrap=True)
    )


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    granted = state.flow.granted
    assert granted is not None
    return [
        indicator(Screen.CONFIRMATION),
        banner(strings.CONFIRM_BANNER),
        heading(strings.CONFIRM_TITLE),
        paragraph(strings.GRANTED_TO.format(qui=granted.mandataire.full_name())),
        paragraph(strings.RECAP_VALIDITY.format(fin=full_date(granted.valid_until))),
        paragraph(strings.IMMEDIATE),
        *[paragraph(text) for text in strings.CONFIRM_LINES],
        card(_stars(ui), title=strings.RATE_TITLE),
        primary(strings.BACK_TO_DASHBOARD, ui.on(state.back_to_dashboard), icon=ft.Icons.HOME),
    ]
