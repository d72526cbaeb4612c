"""« Faire ou révoquer une procuration en ligne »: the principles, or the active procuration."""

import flet as ft

from mobile.context import App
from mobile.format import full_date
from mobile.screens.document import reference_and_document
from mobile.screens.standing import pending_revocation
from mobile.widgets import act, card, heading, paragraph, primary
from shared import strings


def view(app: App) -> list[ft.Control]:
    """The seed's step 1, or (while one is active) the page of rule 3 with « Je souhaite
    révoquer ma procuration »."""
    current, actions = app.session.current, app.actions
    if current is None:
        # Just revoked here, not yet transmitted: the counter may still accept the mandataire.
        revoked = pending_revocation(app)
        return [
            heading(strings.PROCURATION_LINK),
            *([card(*reference_and_document(app, revoked))] if revoked else []),
            *[paragraph(text) for text in strings.PRINCIPLES],
            primary(strings.START_REQUEST, act(actions.start_request), icon=ft.Icons.ARROW_FORWARD),
        ]
    return [
        heading(strings.PROCURATION_LINK),
        card(
            paragraph(strings.ACTIVE_NOW.format(fin=full_date(current.valid_until))),
            paragraph(
                strings.GRANTED_TO.format(qui=current.mandataire.full_name()),
                weight=ft.FontWeight.BOLD,
            ),
            *reference_and_document(app, current),
        ),
        primary(strings.WANT_REVOKE, act(actions.ask_revoke), icon=ft.Icons.PERSON_REMOVE),
    ]
