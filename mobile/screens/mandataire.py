"""Step 2, « 1. Le mandataire »: the form, its summary and the messages of the rules."""

from datetime import date
from typing import Any

import flet as ft

from mobile.context import App
from mobile.format import full_date, picked_day
from mobile.routes import Route
from mobile.screens.steps import indicator
from mobile.widgets import (
    TALL_LABEL,
    act,
    banner,
    heading,
    labelled,
    link,
    paragraph,
    primary,
    secondary,
    text_field,
)
from shared import strings
from shared.models import Civilite
from shared.rules import OLDEST_BIRTH, latest_adult_birth, parse_birth_date

# The picker opens on a birth date of a 40-year-old (an adult the first year shown offers).
PICKER_OPENS_AGED = 40


def picker_dates(today: date, typed: str) -> tuple[date, date, date]:
    """The date picker's first day, last day (the latest adult birth date: it offers no minor)
    and the day it opens on (the typed date if it can be picked, else 40 years ago)."""
    last = latest_adult_birth(today)
    born, _ = parse_birth_date(typed, today)
    if born is not None and OLDEST_BIRTH <= born <= last:
        return OLDEST_BIRTH, last, born
    try:
        opens = today.replace(year=today.year - PICKER_OPENS_AGED)
    except ValueError:  # 29 February
        opens = date(today.year - PICKER_OPENS_AGED, 2, 28)
    return OLDEST_BIRTH, last, min(opens, last)


def _error(text: str | None) -> list[ft.Control]:
    return [ft.Text(text, color=ft.Colors.ERROR)] if text else []


def view(app: App) -> list[ft.Control]:
    request, actions = app.request, app.actions
    form = request.form

    def keep(name: str) -> Any:
        def changed(event: Any) -> None:
            actions.set_field(name, event.control.value or "")

        return changed

    def field(name: str, label: str, hint: str, **kwargs: Any) -> ft.Control:
        return labelled(
            label,
            text_field(
                hint_text=hint,
                value=getattr(form, name),
                error=request.problem(name),
                error_max_lines=4,
                on_change=keep(name),
                on_submit=act(actions.next),  # Enter: « Suivant »
                **kwargs,
            ),
        )

    birth = field(
        "date_naissance",
        strings.BIRTH_LABEL,
        strings.BIRTH_HINT,
        keyboard_type=ft.KeyboardType.DATETIME,
    )

    def picked(event: Any) -> None:
        if event.control.value:
            actions.set_field("date_naissance", full_date(picked_day(event.control.value)))

    def open_picker() -> None:
        today = app.services.today()
        first, last, opens = picker_dates(today, form.date_naissance)
        ft.context.page.show_dialog(
            ft.DatePicker(
                first_date=first,
                last_date=last,
                value=opens,
                current_date=today,
                entry_mode=ft.DatePickerEntryMode.CALENDAR_ONLY,
                date_picker_mode=ft.DatePickerMode.YEAR,
                on_change=picked,
                help_text=strings.BIRTH_LABEL,
                cancel_text=strings.CANCEL,
                confirm_text=strings.OK,
            )
        )

    civilite = ft.RadioGroup(
        value=form.civilite or None,
        on_change=keep("civilite"),
        content=ft.Row(
            [ft.Radio(value=c.value, label=c.value, label_style=TALL_LABEL) for c in Civilite],
            spacing=24,
        ),
    )
    summary = [banner(strings.FORM_SUMMARY, error=True)] if request.problems else []
    return [
        heading(strings.PROCURATION_LINK),
        indicator(Route.MANDATAIRE),
        heading(strings.STEP_MANDATAIRE, level=2),
        *summary,
        *_error(request.problem("mandataire")),
        paragraph(strings.SCOPE),
        ft.Semantics(
            label=strings.CIVILITE_LABEL,
            container=True,
            content=ft.Column(
                [
                    ft.Semantics(exclude_semantics=True, content=ft.Text(strings.CIVILITE_LABEL)),
                    civilite,
                    *_error(request.problem("civilite")),
                ],
                spacing=4,
            ),
        ),
        field("nom", strings.NOM_LABEL, strings.NOM_HINT),
        field("nom_usage", strings.NOM_USAGE_LABEL, strings.NOM_USAGE_HINT),
        field("prenom", strings.PRENOM_LABEL, strings.PRENOM_HINT),
        birth,
        link(strings.PICK_DATE, open_picker, icon=ft.Icons.CALENDAR_MONTH),
        paragraph(strings.MANDATORY_NOTE, italic=True),
        ft.Row(
            [
                secondary(strings.BACK, act(actions.go, Route.PROCURATION)),
                primary(strings.NEXT, act(actions.next), disabled=not request.can_go_next),
            ],
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        ),
    ]
