"""« Mes procurations »: every procuration, newest first; a past one can be made again."""

import flet as ft

from mobile.context import App
from mobile.screens.standing import standing_lines
from mobile.widgets import act, card, heading, paragraph, row, secondary
from shared import strings
from shared.history import HistoryEntry, history_entries


def _entry(app: App, entry: HistoryEntry) -> ft.Control:
    redo = (
        [secondary(strings.REDO, act(app.actions.redo, entry.procuration), icon=ft.Icons.REPLAY)]
        if entry.can_redo
        else []
    )
    return card(
        paragraph(entry.period),
        row(strings.REFERENCE_LABEL, entry.reference),
        row(strings.STATUS_LABEL, entry.status_text),
        *standing_lines(app, entry.procuration),
        *redo,
        title=entry.mandataire,
    )


def view(app: App) -> list[ft.Control]:
    entries = history_entries(app.session.history, app.services.today())
    return [
        heading(strings.HISTORY_TITLE),
        *([_entry(app, entry) for entry in entries] or [paragraph(strings.HISTORY_EMPTY)]),
    ]
