"""Connexion: numéro de sécurité sociale, code personnel, help, honest FranceConnect."""

import flet as ft

from mobile.ui import Ui
from mobile.widgets import heading, link, paragraph, primary, secondary
from shared import strings


def view(ui: Ui) -> list[ft.Control]:
    state = ui.state
    nir = ft.TextField(
        label=strings.NIR_LABEL,
        value=state.typed_nir,
        hint_text=strings.NIR_HINT,
        keyboard_type=ft.KeyboardType.TEXT,
        autofill_hints=[ft.AutofillHint.USERNAME],
        error=state.sign_in_problem("nir"),
        error_max_lines=3,
    )
    code = ft.TextField(
        label=strings.CODE_LABEL,
        password=True,
        can_reveal_password=False,
        keyboard_type=ft.KeyboardType.NUMBER,
        autofill_hints=[ft.AutofillHint.PASSWORD],
        error=state.sign_in_problem("code"),
        error_max_lines=3,
    )

    def submit() -> None:
        state.sign_in(nir.value or "", code.value or "")

    nir.on_submit = ui.busy(submit)
    code.on_submit = ui.busy(submit)
    return [
        ft.Container(
            ft.Image(src="logo.png", width=72, height=72, semantics_label=strings.APP_TITLE),
            alignment=ft.Alignment.CENTER,
        ),
        heading(strings.APP_TITLE),
        paragraph(strings.SIGN_IN_TITLE, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        nir,
        link(strings.WHERE_NIR, ui.on(state.show_help, strings.WHERE_NIR, strings.HELP_NIR)),
        code,
        link(strings.FORGOT_CODE, ui.on(state.show_help, strings.FORGOT_CODE, strings.HELP_CODE)),
        primary(strings.SIGN_IN_BUTTON, ui.busy(submit), icon=ft.Icons.LOGIN),
        ft.Container(paragraph(strings.OR), alignment=ft.Alignment.CENTER),
        secondary(
            strings.FRANCECONNECT,
            ui.on(state.show_help, strings.FRANCECONNECT, strings.FRANCECONNECT_UNAVAILABLE),
        ),
        link(
            strings.WHAT_FRANCECONNECT,
            ui.on(state.show_help, strings.WHAT_FRANCECONNECT, strings.FRANCECONNECT_ABOUT),
        ),
    ]
