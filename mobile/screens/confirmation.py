"""Step 4: the seed's confirmation texts, the rating and « Retour au tableau de bord »."""

import flet as ft

from mobile.context import App
from mobile.format import full_date
from mobile.screens.document import reference_and_document
from mobile.widgets import TARGET, act, banner, card, heading, paragraph, primary
from shared import strings


def _stars(app: App) -> ft.Control:
    """One group named « Notez votre démarche ! », a button « Note : N sur 5 » per star, the
    chosen one selected. No tooltip: its text joined the group's name (« 1 sur 5 Notez… »)."""
    chosen = app.request.rating or 0
    buttons: list[ft.Control] = [
        ft.IconButton(
            ft.Icon(
                ft.Icons.STAR if n <= chosen else ft.Icons.STAR_BORDER,
                semantics_label=strings.RATE_STAR.format(n=n),
            ),
            selected=n == chosen,
            on_click=act(app.actions.rate, n),
            width=TARGET,
            height=TARGET,
        )
        for n in range(1, 6)
    ]
    return ft.Semantics(
        label=strings.RATE_TITLE, container=True, content=ft.Row(buttons, spacing=0, wrap=True)
    )


def view(app: App) -> list[ft.Control]:
    granted = app.request.granted
    if granted is None:
        return []
    return [
        banner(strings.CONFIRM_BANNER),
        heading(strings.CONFIRM_TITLE),
        paragraph(strings.GRANTED_TO.format(qui=granted.mandataire.full_name())),
        paragraph(strings.RECAP_VALIDITY.format(fin=full_date(granted.valid_until))),
        *reference_and_document(app, granted),
        paragraph(strings.IMMEDIATE),
        *[paragraph(text) for text in strings.CONFIRM_LINES],
        card(_stars(app), title=strings.RATE_TITLE),
        primary(strings.BACK_TO_DASHBOARD, act(app.actions.back_to_dashboard), icon=ft.Icons.HOME),
    ]
