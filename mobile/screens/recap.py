"""Step 3: what was entered, the certification box, « Valider » once certified, « Retour »."""

from typing import Any

import flet as ft

from mobile.format import full_date
from mobile.routes import Screen
from mobile.screens.steps import indicator
from mobile.ui import Ui
from mobile.widgets import TALL_LABEL, card, heading, paragraph, primary, row, secondary
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    mandataire = state.recap_mandataire()
    assert mandataire is not None
    valider = primary(strings.VALIDATE, ui.busy(state.validate), disabled=not state.flow.certified)

    def certify(event: Any) -> None:
        state.certify(bool(event.control.value))
        valider.disabled = not state.flow.certified

    return [
        heading(strings.PROCURATION_LINK),
        indicator(Screen.RECAP),
        heading(strings.RECAP_TITLE, level=2),
        paragraph(strings.RECAP_INTRO),
        card(
            row(strings.CIVILITE_LABEL.rstrip("*"), mandataire.civilite.value),
            row(strings.NOM_LABEL.rstrip("*"), mandataire.nom),
            row(strings.NOM_USAGE_LABEL, mandataire.nom_usage or strings.NONE_GIVEN),
            row(strings.PRENOM_LABEL.rstrip("*"), mandataire.prenom),
            row(strings.BIRTH_LABEL.rstrip("*"), full_date(mandataire.date_naissance)),
        ),
        paragraph(strings.RECAP_VALIDITY.format(fin=full_date(state.validity_if_granted_today()))),
        ft.Checkbox(
            label=strings.CERTIFY,
            value=state.flow.certified,
            on_change=certify,
            label_style=TALL_LABEL,
        ),
        ft.Row(
            [secondary(strings.BACK, ui.on(state.back_from_recap)), valider],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        ),
    ]
