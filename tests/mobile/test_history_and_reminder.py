"""« Mes procurations » and the reminder, rendered, with the fixtures' clock moved by hand."""

from datetime import UTC, datetime

import flet as ft

from mobile.routes import Route
from shared import strings
from shared.history import form_for
from shared.reference import format_reference
from shared.rules import MandataireForm
from tests.mobile.harness import Harness, run
from tests.mobile.test_app_render import sign_in

# Granted on 15/06/2024 (the fixtures' clock): valid until 15/07/2024 inclusive.
ENDING = strings.REMINDER_ENDING.format(qui="M. DUPONT", fin="15/07/2024")
ENDED = strings.REMINDER_ENDED.format(qui="M. DUPONT", fin="15/07/2024")
CLAIRE = MandataireForm(
    civilite="Madame", nom="Girard", prenom="Claire", date_naissance="02/03/1980"
)


def on_day(clock, day: int, month: int = 7) -> None:
    clock.now = datetime(2024, month, day, 10, 0, tzinfo=UTC)


def form_values(h: Harness) -> dict[str, str]:
    fields = {
        name: h.field(label).value
        for name, label in (
            ("nom", strings.NOM_LABEL),
            ("nom_usage", strings.NOM_USAGE_LABEL),
            ("prenom", strings.PRENOM_LABEL),
            ("date_naissance", strings.BIRTH_LABEL),
        )
    }
    return {"civilite": h.one(ft.RadioGroup).value, **{k: v or "" for k, v in fields.items()}}


# --- the reminder ------------------------------------------------------------------------------
def test_the_reminder_appears_three_days_before_the_end_and_not_four(
    phone, services, alexis_id, adult_form, clock
):
    services.grant(alexis_id, adult_form)

    async def accueil_on(day: int) -> bool:
        on_day(clock, day)
        async with phone() as h:
            await sign_in(h)
            return h.has_text(ENDING) or bool(h.buttons(strings.ADD_TO_AGENDA))

    async def body() -> None:
        assert await accueil_on(11) is False
        assert await accueil_on(12) is True
        assert await accueil_on(15) is True, "the last valid day too"

    run(body)


def test_the_reminder_on_mes_demarches_hands_over_the_calendar_file(
    phone, services, alexis_id, adult_form, clock
):
    services.grant(alexis_id, adult_form)
    on_day(clock, 12)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            assert h.has_text(ENDING)
            await h.click(h.button(strings.ADD_TO_AGENDA))
            [call] = h.invoked
            assert (call.service, call.method) == ("Share", "share_files")
            [shared] = call.args["files"]
            assert shared["mime_type"] == "text/calendar"
            assert b"DTSTART;VALUE=DATE:20240715" in shared["data"]

    run(body)


def test_the_day_after_the_end_accueil_says_it_ended_and_offers_to_make_it_again(
    phone, services, alexis_id, adult_form, clock
):
    services.grant(alexis_id, adult_form)
    on_day(clock, 16)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            assert h.has_text(ENDED)
            assert not h.has_text(ENDING)
            await h.click(h.button(strings.REDO))
            await h.wait_for(lambda: h.all(ft.RadioGroup), "the mandataire form")
            assert h.stack()[-1] == Route.MANDATAIRE
            assert form_values(h) == adult_form.model_dump()

    run(body)


def test_revoking_takes_the_reminder_away(phone, services, alexis_id, adult_form, clock):
    services.grant(alexis_id, adult_form)
    on_day(clock, 13)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            assert h.has_text(ENDING)
            await h.select_tab(strings.TAB_INFORMATIONS)
            await h.click(h.button(strings.REVOKE))
            [shown] = h.open_dialogs(ft.AlertDialog)
            [revoke] = [a for a in shown.actions if a.content == strings.REVOKE]
            await h.click(revoke)
            await h.wait_text(strings.REVOKED_DONE)
            await h.select_tab(strings.TAB_HOME)
            assert not h.has_text(ENDING)
            assert not h.buttons(strings.ADD_TO_AGENDA)

    run(body)


# --- « Mes procurations » ------------------------------------------------------------------------
def test_mes_procurations_lists_the_active_one_above_the_revoked_one(
    phone, services, alexis_id, adult_form, clock
):
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    on_day(clock, 20, month=6)
    active = services.grant(alexis_id, CLAIRE)
    [_, revoked] = services.history(alexis_id)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            await h.click(h.tile(strings.HISTORY_TITLE))
            await h.wait_text(strings.HISTORY_TITLE)
            assert h.stack() == [Route.INFORMATIONS, Route.HISTORY]
            texts = h.texts()
            expected = [
                "Madame Girard Claire",
                "Du 20/06/2024 au 20/07/2024 inclus",
                format_reference(active.reference),
                strings.STATUS_ACTIVE,
                "Monsieur Dupont Martin",
                "Du 15/06/2024 au 15/07/2024 inclus",
                format_reference(revoked.reference),
                "révoquée le 15/06/2024",
            ]
            assert [t for t in texts if t in expected] == expected
            assert h.buttons(strings.REDO) == [], "one at a time: none while one is active"

    run(body)


def test_refaire_from_mes_procurations_fills_the_form_and_suivant_checks_it_again(
    phone, services, alexis_id, adult_form, clock
):
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    services.grant(alexis_id, CLAIRE)
    services.revoke(alexis_id)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_INFORMATIONS)
            await h.click(h.button(strings.HISTORY_TITLE))
            redo_claire, _ = h.buttons(strings.REDO)
            await h.click(redo_claire)
            await h.wait_for(lambda: h.all(ft.RadioGroup), "the mandataire form")
            assert (
                form_values(h) == form_for(services.history(alexis_id)[0].mandataire).model_dump()
            )
            assert form_values(h) == CLAIRE.model_dump()
            await h.click(h.button(strings.NEXT))
            await h.wait_text(strings.STEP_RECAP)
            assert h.has_text("Girard") and h.has_text("02/03/1980")

    run(body)


def test_mes_procurations_without_any_says_so(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_INFORMATIONS)
            await h.click(h.button(strings.HISTORY_TITLE))
            await h.wait_text(strings.HISTORY_EMPTY)

    run(body)
