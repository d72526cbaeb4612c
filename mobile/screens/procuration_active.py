"""« Faire ou révoquer une procuration en ligne » while one is active: show it, offer to revoke."""

import flet as ft

from mobile.format import full_date
from mobile.ui import Ui
from mobile.widgets import card, heading, paragraph, primary
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    current = state.current
    assert current is not None
    return [
        heading(strings.PROCURATION_LINK),
        card(
            paragraph(strings.ACTIVE_NOW.format(fin=full_date(current.valid_until))),
            paragraph(
                strings.GRANTED_TO.format(qui=current.mandataire.full_name()),
                weight=ft.FontWeight.BOLD,
            ),
        ),
        primary(strings.WANT_REVOKE, ui.on(state.ask_revoke), icon=ft.Icons.PERSON_REMOVE),
    ]
