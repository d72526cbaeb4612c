"""What a change redraws: the screens that draw what changed, and nothing else (each redraw
builds a screen's controls anew, for Flet to diff with what the phone shows)."""

from typing import Any

import flet as ft
import pytest
from flet.messaging.protocol import MessageAction

from mobile import layout
from mobile.routes import Route
from shared import strings
from tests.mobile.harness import run, text_of
from tests.mobile.test_app_render import sign_in


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The heading of every screen drawn from now on, in order."""
    headings: list[str] = []
    frame = layout.frame

    def recorded(app: Any, body: list[ft.Control]) -> ft.Control:
        headings.append(text_of(body[0]) if body else "")
        return frame(app, body)

    monkeypatch.setattr(layout, "frame", recorded)
    return headings


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
            assert drawn == [strings.TAB_PAYMENTS, strings.TAB_DEMARCHES]

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
