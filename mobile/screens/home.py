"""Accueil: the dashboard of the seed, and the active procuration when there is one."""

import flet as ft

from mobile.context import App
from mobile.format import amount, day_month, full_date
from mobile.routes import Route
from mobile.screens.reminder import reminder_card
from mobile.widgets import act, card, heading, link, paragraph, tile
from shared import strings


def view(app: App) -> list[ft.Control]:
    session, actions = app.session, app.actions
    account = session.account
    if account is None:
        return []
    controls: list[ft.Control] = [
        heading(strings.HELLO.format(prenom=account.prenom)),
        *reminder_card(app),
    ]
    current = session.current
    if current is not None:
        controls.append(
            card(
                paragraph(
                    strings.HOME_ACTIVE.format(
                        qui=current.mandataire.short_name(), fin=full_date(current.valid_until)
                    )
                ),
                link(strings.PROCURATION_LINK, act(actions.go, Route.PROCURATION)),
                title=strings.INFO_PROCURATION,
            )
        )
    payments: list[ft.Control] = [
        tile(p.label, None, subtitle=f"{day_month(p.paid_on)} · {amount(p.amount_cents)}")
        for p in session.payments[:5]
    ]
    controls.append(
        card(
            *(payments or [paragraph(strings.NO_PAYMENTS)]),
            link(strings.TAB_PAYMENTS, act(actions.go, Route.PAYMENTS)),
            title=strings.LAST_PAYMENTS,
        )
    )
    controls.append(
        card(
            *[tile(name, act(actions.show_unavailable, name)) for name in strings.QUICK_LINKS],
            tile(strings.SEE_ALL_DEMARCHES, act(actions.go, Route.DEMARCHES)),
            tile(strings.DELAYS_LINK, act(actions.show_unavailable, strings.DELAYS_LINK)),
            title=strings.QUICK_DEMARCHES,
        )
    )
    controls.append(
        card(
            *[tile(name, act(actions.show_unavailable, name)) for name in strings.AGENDA_LINKS],
            title=strings.AGENDA,
        )
    )
    teaser_title, teaser_text, teaser_link = strings.PREVENTION_TEASER
    controls.append(
        card(
            paragraph(teaser_title, weight=ft.FontWeight.BOLD),
            paragraph(teaser_text),
            link(teaser_link, act(actions.go, Route.PREVENTION)),
            title=strings.PREVENTION,
        )
    )
    controls.append(
        card(
            tile(
                strings.TAB_PAYMENTS,
                act(actions.go, Route.PAYMENTS),
                subtitle=strings.PAYMENTS_NOTIFICATION,
                icon=ft.Icons.NOTIFICATIONS_OUTLINED,
            ),
            title=strings.NOTIFICATIONS,
        )
    )
    return controls
