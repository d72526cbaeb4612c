"""Mes informations: the account's rows and the « Procuration » row with « Révoquer »."""

import flet as ft

from mobile.format import full_date
from mobile.ui import Ui
from mobile.widgets import card, heading, link, row
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    account = state.account
    assert account is not None
    rows: list[ft.Control] = [row(r.label, r.value) for r in account.informations]
    rows.append(
        ft.Column(
            [
                ft.Text(strings.ACCOUNT_SETTINGS, weight=ft.FontWeight.BOLD),
                *[
                    link(name, ui.on(state.show_unavailable, name))
                    for name in strings.ACCOUNT_SETTINGS_LINKS
                ],
            ],
            spacing=0,
        )
    )
    current = state.current
    if current is None:
        procuration: ft.Control = row(strings.INFO_PROCURATION, strings.INFO_NONE)
    else:
        text = strings.INFO_GRANTED.format(
            qui=current.mandataire.short_name(), fin=full_date(current.valid_until)
        )
        procuration = ft.Column(
            [row(strings.INFO_PROCURATION, text), link(strings.REVOKE, ui.on(state.ask_revoke))],
            spacing=0,
        )
    return [
        heading(strings.TAB_INFORMATIONS),
        card(*rows, title=account.prenom.upper()),
        card(procuration),
    ]
