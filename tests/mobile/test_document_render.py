"""« Référence » and « Télécharger ma procuration (PDF) » in the three places, while active."""

from mobile.routes import Route
from shared import strings
from shared.reference import format_reference
from tests.mobile.harness import Harness, run
from tests.mobile.test_app_render import grant, open_procuration, sign_in


def reference_and_button(h: Harness) -> tuple[bool, bool]:
    return h.has_text(strings.REFERENCE_LABEL), bool(h.buttons(strings.DOWNLOAD_DOCUMENT))


def test_the_reference_and_the_download_show_wherever_the_active_one_is(phone, services, alexis_id):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            reference = format_reference(services.current_procuration(alexis_id).reference)
            assert h.stack()[-1] == Route.CONFIRMATION
            assert h.has_text(reference)
            assert reference_and_button(h) == (True, True)
            await h.select_tab(strings.TAB_INFORMATIONS)
            assert h.has_text(reference)
            assert reference_and_button(h) == (True, True)
            await open_procuration(h)
            assert h.has_text(reference)
            assert reference_and_button(h) == (True, True)

    run(body)


def test_once_revoked_no_screen_offers_the_document(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            await open_procuration(h)
            await h.click(h.button(strings.WANT_REVOKE))
            [shown] = h.open_dialogs()
            [revoke] = [a for a in shown.actions if a.content == strings.REVOKE]
            await h.click(revoke)
            await h.wait_text(strings.REVOKED_DONE)
            assert reference_and_button(h) == (False, False)
            await h.select_tab(strings.TAB_INFORMATIONS)
            assert reference_and_button(h) == (False, False)

    run(body)
