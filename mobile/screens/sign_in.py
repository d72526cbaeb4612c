"""Connexion: numéro de sécurité sociale, code personnel, help, honest FranceConnect."""

from typing import Any

import flet as ft

from mobile.context import App
from mobile.widgets import act, heading, link, paragraph, primary, secondary, text_field
from shared import strings


def view(app: App) -> list[ft.Control]:
    session, actions = app.session, app.actions
    # What is typed stays in this screen until « Me connecter »; the code is never state.
    typed: dict[str, str] = ft.use_ref(dict).current  # type: ignore[arg-type,assignment]
    typed.setdefault("nir", session.typed_nir)

    def keep(name: str) -> Any:
        def changed(event: Any) -> None:
            typed[name] = event.control.value or ""

        return changed

    async def submit() -> None:
        await actions.sign_in(typed["nir"], typed.get("code", ""))

    nir = text_field(
        label=strings.NIR_LABEL,
        value=session.typed_nir,
        hint_text=strings.NIR_HINT,
        keyboard_type=ft.KeyboardType.TEXT,
        autofill_hints=[ft.AutofillHint.USERNAME],
        error=session.sign_in_problem("nir"),
        error_max_lines=3,
        on_change=keep("nir"),
        on_submit=submit,
    )
    code = text_field(
        label=strings.CODE_LABEL,
        password=True,
        can_reveal_password=False,
        keyboard_type=ft.KeyboardType.NUMBER,
        autofill_hints=[ft.AutofillHint.PASSWORD],
        error=session.sign_in_problem("code"),
        error_max_lines=3,
        on_change=keep("code"),
        on_submit=submit,
    )
    return [
        ft.Container(
            ft.Image(src="logo.png", width=72, height=72, semantics_label=strings.APP_TITLE),
            alignment=ft.Alignment.CENTER,
        ),
        heading(strings.APP_TITLE),
        paragraph(strings.SIGN_IN_TITLE, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        nir,
        link(strings.WHERE_NIR, act(actions.show_help, strings.WHERE_NIR, strings.HELP_NIR)),
        code,
        link(strings.FORGOT_CODE, act(actions.show_help, strings.FORGOT_CODE, strings.HELP_CODE)),
        primary(strings.SIGN_IN_BUTTON, submit, icon=ft.Icons.LOGIN, disabled=session.busy),
        ft.Container(paragraph(strings.OR), alignment=ft.Alignment.CENTER),
        secondary(
            strings.FRANCECONNECT,
            act(actions.show_help, strings.FRANCECONNECT, strings.FRANCECONNECT_UNAVAILABLE),
        ),
        link(
            strings.WHAT_FRANCECONNECT,
            act(actions.show_help, strings.WHAT_FRANCECONNECT, strings.FRANCECONNECT_ABOUT),
        ),
    ]
