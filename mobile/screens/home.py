"""Accueil: the dashboard of the seed, and the active procuration when there is one."""

import flet as ft

from mobile.format import amount, day_month, full_date
from mobile.routes import Screen
from mobile.ui import Ui
from mobile.widgets import card, heading, link, paragraph, tile
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    account = state.account
    assert account is not None
    controls: list[ft.Control] = [heading(strings.HELLO.format(prenom=account.prenom))]
    current = state.current
    if current is not None:
        controls.append(
            card(
                paragraph(
                    strings.HOME_ACTIVE.format(
                        qui=current.mandataire.short_name(), fin=full_date(current.valid_until)
                    )
                ),
                link(strings.PROCURATION_LINK, ui.on(state.open_procuration)),
                title=strings.INFO_PROCURATION,
            )
        )
    payments: list[ft.Control] = [
        tile(p.label, None, subtitle=f"{day_month(p.paid_on)} · {amount(p.amount_cents)}")
        for p in state.payments()[:5]
    ]
    controls.append(
        card(
            *(payments or [paragraph(strings.NO_PAYMENTS)]),
            link(strings.TAB_PAYMENTS, ui.on(state.go, Screen.PAYMENTS)),
            title=strings.LAST_PAYMENTS,
        )
    )
    controls.append(
        card(
            *[tile(name, ui.on(state.show_unavailable, name)) for name in strings.QUICK_LINKS],
            tile(strings.SEE_ALL_DEMARCHES, ui.on(state.go, Screen.DEMARCHES)),
            tile(strings.DELAYS_LINK, ui.on(state.show_unavailable, strings.DELAYS_LINK)),
            title=strings.QUICK_DEMARCHES,
        )
    )
    controls.append(
        card(
            *[tile(name, ui.on(state.show_unavailable, name)) for name in strings.AGENDA_LINKS],
            title=strings.AGENDA,
        )
    )
    teaser_title, teaser_text, teaser_link = strings.PREVENTION_TEASER
    controls.append(
        card(
            paragraph(teaser_title, weight=ft.FontWeight.BOLD),
            paragraph(teaser_text),
            link(teaser_link, ui.on(state.go, Screen.PREVENTION)),
            title=strings.PREVENTION,
        )
    )
    controls.append(
        card(
            tile(
                strings.TAB_PAYMENTS,
                ui.on(state.go, Screen.PAYMENTS),
                subtitle=strings.PAYMENTS_NOTIFICATION,
                icon=ft.Icons.NOTIFICATIONS_OUTLINED,
            ),
            title=strings.NOTIFICATIONS,
        )
    )
    return controls
