"""Mon espace prévention: general prevention landmarks."""

import flet as ft

from mobile.context import App
from mobile.widgets import card, heading, paragraph
from shared import strings


def view(app: App) -> list[ft.Control]:
    title, text, _ = strings.PREVENTION_TEASER
    return [
        heading(strings.PREVENTION),
        card(paragraph(text), title=title),
        *[card(paragraph(body), title=name) for name, body in strings.PREVENTION_ITEMS],
    ]
