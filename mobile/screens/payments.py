"""Mes paiements: every payment of the account, newest first."""

import flet as ft

from mobile.context import App
from mobile.format import amount, day_month
from mobile.widgets import heading, paragraph, tile
from shared import strings


def view(app: App) -> list[ft.Control]:
    payments = app.session.payments
    rows: list[ft.Control] = [
        tile(
            p.label,
            None,
            subtitle=f"{day_month(p.paid_on)} {p.paid_on.year} · {amount(p.amount_cents)}",
            icon=ft.Icons.EURO,
        )
        for p in payments
    ]
    return [
        heading(strings.PAYMENTS_TITLE),
        *(rows or [paragraph(strings.NO_PAYMENTS)]),
        paragraph(strings.PAYMENTS_NOTIFICATION),
    ]
