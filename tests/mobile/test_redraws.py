"""What a change redraws: the screens that draw what changed, and nothing else (each redraw
builds a screen's controls anew, for Flet to diff with what the phone shows)."""

import flet as ft
from flet.messaging.protocol import MessageAction

from mobile.routes import Route
from shared import strings
from shared.demo import ALEXIS_NIR
from tests.mobile.harness import run
from tests.mobile.test_app_render import (
    INFO_ROW,
    close_button,
    dialog,
    open_procuration,
    sign_in,
)


def test_a_tab_draws_that_tab_alone(phone, drawn, clock):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            drawn.clear()
            for tab in (strings.TAB_PAYMENTS, strings.TAB_DEMARCHES):
                clock.advance(seconds=20)
                await h.select_tab(tab)
            # The idle sign-out notes every action; nothing draws that: the screen left is
            # not drawn again before the next one.
            assert [screen.heading for screen in drawn] == [
                strings.TAB_PAYMENTS,
                strings.TAB_DEMARCHES,
            ]

    run(body)


def test_a_dialog_does_not_rebuild_the_bars(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            bars = (h.top().appbar, h.top().navigation_bar)
            await h.click(h.tile("Commander une carte Vitale"))
            assert h.open_dialogs(ft.AlertDialog)
            assert h.top().appbar is bars[0]
            assert h.top().navigation_bar is bars[1]

    run(body)


def test_a_dialog_that_opens_and_closes_draws_no_screen(phone, drawn):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await h.select_tab(strings.TAB_DEMARCHES)
            drawn.clear()
            await h.click(h.tile("Commander une carte Vitale"))
            await h.click(close_button(dialog(h)))
            assert not h.open_dialogs(ft.AlertDialog)
            assert drawn == []

    run(body)


def test_a_tab_sends_its_screen_before_its_address(phone):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            sent = await h.select_tab(strings.TAB_PAYMENTS)
            kinds = [
                "address" if message.get("name") == "push_route" else MessageAction(action).name
                for action, message in sent
            ]
            assert "PATCH_CONTROL" in kinds[: kinds.index("address")], kinds
            assert h.address[-1] == Route.PAYMENTS

    run(body)


def test_a_closed_tab_lets_its_screens_go_and_a_reload_draws_them_from_the_state(
    phone, services, adult_form
):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await open_procuration(h)
            await h.click(h.button("Je démarre ma demande"))
            await h.set_value(h.field(strings.NOM_LABEL), "Leroy")
            await h.leave()
            # Flet keeps the session 15 minutes for a reconnection, but not its screens.
            assert h.views() == [] and not h.all(ft.TextField)
            with services.store.reading() as tx:
                [account_id, *_] = tx.credentials(ALEXIS_NIR)
            services.grant(account_id, adult_form)  # meanwhile, on another device
            await h.come_back()
            assert h.stack() == [Route.DEMARCHES, Route.PROCURATION]
            # The Router drawn again hears the browser's history (the form's address, where
            # the guard showed the procuration's page, then the principles', then Mes démarches).
            await h.browser_back()
            await h.browser_back()
            assert h.stack() == [Route.DEMARCHES]
            await h.select_tab(strings.TAB_INFORMATIONS)
            assert h.address[-1] == Route.INFORMATIONS
            assert h.has_text(INFO_ROW), "drawn from the state as it is now"

    run(body)
