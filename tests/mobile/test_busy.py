"""The progress bar: shown for work that lasts, never flashed for work of a few milliseconds;
no second « Valider » while the first is under way."""

import asyncio
import threading
from typing import Any

import flet as ft
import pytest

from mobile import layout
from mobile.actions import BUSY_SHOWN_AFTER_S
from shared import strings
from shared.services import Services
from tests.mobile.harness import Harness, run
from tests.mobile.test_actions import count_rows
from tests.mobile.test_app_render import reach_recap, sign_in


@pytest.fixture
def busy_when_drawn(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the progress bar was on, for every screen drawn from now on."""
    seen: list[bool] = []
    frame = layout.frame

    def recorded(app: Any, body: list[ft.Control]) -> ft.Control:
        seen.append(app.session.busy)
        return frame(app, body)

    monkeypatch.setattr(layout, "frame", recorded)
    return seen


def progress_bar(h: Harness) -> ft.ProgressBar:
    [bar] = [bar for bar in h.all(ft.ProgressBar) if h.top() in ancestors(bar)]
    return bar


def ancestors(control: Any) -> list[Any]:
    found = []
    while control is not None:
        found.append(control)
        control = control.parent
    return found


def test_quick_work_shows_no_progress_bar(phone, busy_when_drawn):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            await h.set_value(h.one(ft.Checkbox), True)
            busy_when_drawn.clear()
            await h.click(h.button(strings.VALIDATE))
            await h.wait_text(strings.CONFIRM_TITLE)
            assert busy_when_drawn and not any(busy_when_drawn)

    run(body)


def test_lasting_work_shows_the_progress_bar_and_takes_no_second_tap(
    phone, services: Services, monkeypatch: pytest.MonkeyPatch
):
    release = threading.Event()
    grant = services.grant

    def slow_grant(*args: Any) -> Any:
        release.wait(10)
        return grant(*args)

    monkeypatch.setattr(services, "grant", slow_grant)

    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            await h.set_value(h.one(ft.Checkbox), True)
            before = count_rows(services.store)["procurations"]
            first = asyncio.create_task(h.click(h.button(strings.VALIDATE)))
            await asyncio.sleep(BUSY_SHOWN_AFTER_S / 3)
            assert progress_bar(h).visible is False, "not yet: most work ends before"
            await h.wait_for(lambda: progress_bar(h).visible, "the progress bar")
            assert h.button(strings.VALIDATE).disabled is True
            await h.click(h.button(strings.VALIDATE))  # a second tap that reached the server
            release.set()
            await first
            await h.wait_text(strings.CONFIRM_TITLE)
            assert progress_bar(h).visible is False
            assert count_rows(services.store)["procurations"] == before + 1

    run(body)
