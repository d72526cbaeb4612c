"""The procuration's « Référence », where it stands with the caisse, and, while it is active,
« Télécharger ma procuration (PDF) »."""

import flet as ft

from mobile.context import App
from mobile.screens.standing import standing_lines
from mobile.widgets import act, row, secondary
from shared import strings
from shared.models import Procuration
from shared.reference import format_reference


def reference_and_document(app: App, procuration: Procuration) -> list[ft.Control]:
    """Shown with the procuration on the confirmation, Mes informations and its own page."""
    session = app.session
    shown: list[ft.Control] = [
        row(strings.REFERENCE_LABEL, format_reference(procuration.reference)),
        *standing_lines(app, procuration),
    ]
    if session.current is not None and session.current.id == procuration.id:
        shown.append(
            secondary(
                strings.DOWNLOAD_DOCUMENT,
                act(app.actions.download_document),
                icon=ft.Icons.DOWNLOAD,
                disabled=session.busy,
            )
        )
    return shown
