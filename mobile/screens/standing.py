"""Where a procuration stands with the caisse: « Transmise… », « Pas encore… », the checks."""

import flet as ft

from mobile.context import App
from mobile.widgets import act, paragraph, secondary
from shared import strings
from shared.models import Procuration
from shared.standing import Transmission


def standing_lines(app: App, procuration: Procuration) -> list[ft.Control]:
    """The sentences of its standing, and « Réessayer » while something waits."""
    standing = app.session.standings.get(procuration.id)
    if standing is None:
        return []
    shown: list[ft.Control] = [paragraph(line) for line in standing.lines()]
    if standing.can_retry:
        shown.append(
            secondary(
                strings.SYNC_RETRY,
                act(app.actions.retry),
                icon=ft.Icons.SYNC,
                disabled=app.session.busy,
            )
        )
    return shown


def pending_revocation(app: App) -> Procuration | None:
    """The latest procuration while its revocation has not reached the caisse yet."""
    latest = app.session.history[0] if app.session.history else None
    standing = app.session.standings.get(latest.id) if latest else None
    return latest if standing and standing.revocation is Transmission.PENDING else None
