"""Mes informations: the account's rows and the « Procuration » row with « Révoquer »."""

import flet as ft

from mobile.context import App
from mobile.format import full_date
from mobile.routes import Route
from mobile.screens.document import reference_and_document
from mobile.screens.standing import pending_revocation, standing_lines
from mobile.widgets import act, card, heading, link, row
from shared import strings


def view(app: App) -> list[ft.Control]:
    session, actions = app.session, app.actions
    account = session.account
    if account is None:
        return []
    rows: list[ft.Control] = [row(r.label, r.value) for r in account.informations]
    rows.append(
        ft.Column(
            [
                ft.Text(strings.ACCOUNT_SETTINGS, weight=ft.FontWeight.BOLD),
                *[
                    link(name, act(actions.show_unavailable, name))
                    for name in strings.ACCOUNT_SETTINGS_LINKS
                ],
            ],
            spacing=0,
        )
    )
    current = session.current
    if current is None:
        # A revocation not yet transmitted: the counter may still accept the mandataire.
        revoked = pending_revocation(app)
        procuration: ft.Control = ft.Column(
            [
                row(strings.INFO_PROCURATION, strings.INFO_NONE),
                *(standing_lines(app, revoked) if revoked else []),
            ],
            spacing=0,
        )
    else:
        text = strings.INFO_GRANTED.format(
            qui=current.mandataire.short_name(), fin=full_date(current.valid_until)
        )
        procuration = ft.Column(
            [
                row(strings.INFO_PROCURATION, text),
                *reference_and_document(app, current),
                link(strings.REVOKE, act(actions.ask_revoke)),
            ],
            spacing=0,
        )
    return [
        heading(strings.TAB_INFORMATIONS),
        card(*rows, title=account.prenom.upper()),
        card(procuration, link(strings.HISTORY_TITLE, act(actions.go, Route.HISTORY))),
    ]
