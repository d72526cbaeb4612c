"""« 2. » Récapitulatif: what was entered, the certification, « Valider » once certified."""

from typing import Any

import flet as ft

from mobile.context import App
from mobile.format import full_date
from mobile.routes import Route
from mobile.screens.steps import indicator
from mobile.widgets import TALL_LABEL, act, card, heading, paragraph, primary, row, secondary
from shared import strings
from shared.names import title_case
from shared.rules import validity_end


def view(app: App) -> list[ft.Control]:
    request, actions = app.request, app.actions
    mandataire = request.checked
    if mandataire is None:
        return []

    def certify(event: Any) -> None:
        actions.certify(bool(event.control.value))

    return [
        heading(strings.PROCURATION_LINK),
        indicator(Route.RECAP),
        heading(strings.STEP_RECAP, level=2),
        paragraph(strings.RECAP_INTRO),
        card(
            row(strings.CIVILITE_LABEL.rstrip("*"), mandataire.civilite.value),
            # The names as every other screen shows them (shared/names.py), whatever the case typed.
            row(strings.NOM_LABEL.rstrip("*"), title_case(mandataire.nom)),
            row(
                strings.NOM_USAGE_LABEL,
                title_case(mandataire.nom_usage) if mandataire.nom_usage else strings.NONE_GIVEN,
            ),
            row(strings.PRENOM_LABEL.rstrip("*"), title_case(mandataire.prenom)),
            row(strings.BIRTH_LABEL.rstrip("*"), full_date(mandataire.date_naissance)),
        ),
        paragraph(strings.RECAP_VALIDITY.format(fin=full_date(validity_end(app.services.today())))),
        ft.Checkbox(
            label=strings.CERTIFY,
            value=request.certified,
            on_change=certify,
            label_style=TALL_LABEL,
        ),
        ft.Row(
            [
                secondary(strings.BACK, act(actions.go, Route.MANDATAIRE)),
                primary(
                    strings.VALIDATE,
                    act(actions.validate),
                    disabled=not request.certified or app.session.busy,
                ),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        ),
    ]
