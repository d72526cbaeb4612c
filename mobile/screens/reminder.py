"""The reminder of Accueil and Mes démarches: it ends soon (the .ics), or it ended (redo)."""

import flet as ft

from mobile.context import App
from mobile.widgets import act, card, paragraph, primary
from shared.reminder import ReminderKind


def reminder_card(app: App) -> list[ft.Control]:
    """The reminder due today with its button, or nothing."""
    shown, actions = app.session.reminder, app.actions
    if shown is None:
        return []
    if shown.kind is ReminderKind.ENDING_SOON:
        button = primary(
            shown.action,
            act(actions.add_to_agenda),
            disabled=app.session.busy,
            icon=ft.Icons.EVENT,
        )
    else:
        button = primary(shown.action, act(actions.redo, shown.procuration), icon=ft.Icons.REPLAY)
    return [card(paragraph(shown.text, weight=ft.FontWeight.BOLD), button)]
