"""The dialog the session's state asks for: built from state, closed by ✕, Escape or an answer."""

import flet as ft

from mobile.actions import RevokeAnswer
from mobile.context import App
from mobile.state import Dialog, DialogKind
from mobile.widgets import BUTTON_STYLE, TARGET, act
from shared import strings

# A phone's width at most, title and text (the dialog adds its padding): on a wide window the
# title's row would stretch the dialog across.
DIALOG_WIDTH = 380


def dialog_for(app: App) -> ft.AlertDialog | None:
    """The AlertDialog of `session.dialogs.shown`, or None when no dialog is asked for."""
    shown = app.session.dialogs.shown
    if shown is None:
        return None
    actions = app.actions
    revoke = shown.kind is DialogKind.REVOKE
    close = act(actions.answer_revoke, RevokeAnswer.BACK) if revoke else act(actions.close_dialog)

    def dismissed() -> None:
        # Escape, a tap outside, or the end of a programmatic close: only this dialog's.
        if app.session.dialogs.shown is shown:
            app.session.dialogs.shown = None

    if revoke:
        answers: list[ft.Control] = [
            ft.OutlinedButton(strings.BACK, style=BUTTON_STYLE, on_click=close),
            ft.FilledButton(
                strings.REVOKE,
                style=BUTTON_STYLE,
                on_click=act(actions.answer_revoke, RevokeAnswer.REVOKE),
            ),
        ]
        text = f"{shown.text} {strings.REVOKE_QUESTION}"
    else:
        answers, text = [], shown.text
    return ft.AlertDialog(
        modal=False,
        title=_title(shown, close),
        content=ft.Text(text, width=DIALOG_WIDTH),
        semantics_label=shown.title,
        actions=answers,
        on_dismiss=dismissed,
    )


def _title(shown: Dialog, close: object) -> ft.Control:
    return ft.Row(
        [
            # A node of its own: the dialog's name, not merged into the ✕ button's group.
            ft.Semantics(
                container=True,
                header=True,
                expand=True,
                content=ft.Text(shown.title, theme_style=ft.TextThemeStyle.TITLE_LARGE),
            ),
            ft.IconButton(
                ft.Icon(ft.Icons.CLOSE, semantics_label=strings.CLOSE),
                tooltip=strings.CLOSE,
                on_click=close,  # type: ignore[arg-type]
                width=TARGET,
                height=TARGET,
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        width=DIALOG_WIDTH,
    )
