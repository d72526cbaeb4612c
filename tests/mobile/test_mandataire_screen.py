"""« 1. Le mandataire » in-process: labels above the fields, Enter for « Suivant », the picker."""

from datetime import date, datetime

import flet as ft

from mobile.screens.mandataire import picker_dates
from shared import strings
from shared.rules import OLDEST_BIRTH
from tests.mobile.harness import Harness, run
from tests.mobile.test_app_render import open_procuration, sign_in

TODAY = date(2024, 6, 15)  # the fixtures' clock
LABELS = {
    strings.NOM_LABEL: strings.NOM_HINT,
    strings.NOM_USAGE_LABEL: strings.NOM_USAGE_HINT,
    strings.PRENOM_LABEL: strings.PRENOM_HINT,
    strings.BIRTH_LABEL: strings.BIRTH_HINT,
}


async def the_form(h: Harness) -> None:
    await sign_in(h)
    await open_procuration(h)
    await h.click(h.button(strings.START_REQUEST))
    await h.wait_for(lambda: h.all(ft.RadioGroup), "the mandataire form")


def test_the_picker_offers_no_minor_and_opens_on_an_adults_year():
    first, last, opens = picker_dates(TODAY, "")
    assert (first, last, opens) == (OLDEST_BIRTH, date(2006, 6, 15), date(1984, 6, 15))
    assert picker_dates(TODAY, "20/09/1970")[2] == date(1970, 9, 20)
    # A minor, a date in the future or an unreadable one: the picker opens on 40 years ago.
    for typed in ("16/06/2006", "01/01/2030", "31/02/1980", "demain"):
        assert picker_dates(TODAY, typed)[2] == date(1984, 6, 15), typed
    assert picker_dates(date(2024, 2, 29), "")[2] == date(1984, 2, 29)
    assert picker_dates(date(2140, 2, 29), "")[2] == date(2100, 2, 28)  # 2100 is not leap


def test_each_field_has_its_label_above_and_its_hint_inside_before_focus(phone):
    async def body() -> None:
        async with phone() as h:
            await the_form(h)
            for label, hint in LABELS.items():
                field = h.field(label)
                # A TextField's own label would hide the hint until the field has the focus.
                assert field.label is None, label
                assert field.hint_text == hint, label
                assert isinstance(field.parent.parent, ft.MergeSemantics), label

    run(body)


def test_enter_in_any_field_of_a_complete_form_is_suivant(phone):
    async def body() -> None:
        async with phone() as h:
            await the_form(h)
            await h.set_value(h.one(ft.RadioGroup), strings.MONSIEUR)
            await h.set_value(h.field(strings.NOM_LABEL), "Dupont")
            await h.set_value(h.field(strings.PRENOM_LABEL), "Martin")
            # Incomplete: Enter does nothing (« Suivant » is disabled too).
            await h.event(h.field(strings.PRENOM_LABEL), "submit")
            assert not h.has_text(strings.STEP_RECAP)
            await h.set_value(h.field(strings.BIRTH_LABEL), "20/09/1970")
            await h.event(h.field(strings.NOM_USAGE_LABEL), "submit")
            await h.wait_text(strings.STEP_RECAP)

    run(body)


def test_the_date_picker_offers_no_minor_and_fills_the_field(phone):
    async def body() -> None:
        async with phone() as h:
            await the_form(h)
            await h.click(h.button(strings.PICK_DATE))
            [picker] = h.open_dialogs(ft.DatePicker)
            assert picker.first_date == OLDEST_BIRTH
            assert picker.last_date == date(2006, 6, 15)
            assert picker.value == date(1984, 6, 15)
            assert picker.current_date == TODAY
            # OK on the untouched picker: a 40-year-old's birth date, never today's.
            await h.set_value(picker, datetime(1984, 6, 15))
            assert h.field(strings.BIRTH_LABEL).value == "15/06/1984"

    run(body)


def test_the_mandataires_name_reads_the_same_on_every_screen_whatever_the_case(phone):
    async def body() -> None:
        async with phone() as h:
            await the_form(h)
            await h.set_value(h.one(ft.RadioGroup), strings.MONSIEUR)
            await h.set_value(h.field(strings.NOM_LABEL), "dUPONT")
            await h.set_value(h.field(strings.NOM_USAGE_LABEL), "de la fontaine")
            await h.set_value(h.field(strings.PRENOM_LABEL), "jean-pierre")
            await h.set_value(h.field(strings.BIRTH_LABEL), "20/09/1970")
            await h.click(h.button(strings.NEXT))
            await h.wait_text(strings.STEP_RECAP)
            for shown in ("Dupont", "De La Fontaine", "Jean-Pierre"):
                assert h.has_text(shown), shown
            await h.set_value(h.one(ft.Checkbox), True)
            await h.click(h.button(strings.VALIDATE))
            await h.wait_text(strings.CONFIRM_TITLE)
            assert h.has_text(strings.GRANTED_TO.format(qui="Monsieur Dupont Jean-Pierre"))
            await h.select_tab(strings.TAB_INFORMATIONS)
            assert any(text.startswith("Accordée à M. DUPONT") for text in h.texts())
            await h.select_tab(strings.TAB_HOME)
            assert any("accordée à M. DUPONT" in text for text in h.texts())

    run(body)
