"""The progress bar: shown for work that lasts, never flashed for work of a few milliseconds;
no second « Valider » while the first is under way."""

import asyncio
import threading
from typing import Any

import flet as ft
import pytest

from mobile.actions import BUSY_SHOWN_AFTER_S
from shared import strings
from shared.services import Services
from tests.mobile.harness import Harness, run
from tests.mobile.test_actions import count_rows
from tests.mobile.test_app_render import reach_recap, sign_in


def progress_bar(h: Harness) -> ft.ProgressBar:
    bar: ft.ProgressBar = h.one(ft.ProgressBar)
    return bar


def test_quick_work_shows_no_progress_bar(phone, drawn):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await reach_recap(h)
            await h.set_value(h.one(ft.Checkbox), True)
            drawn.clear()
            await h.click(h.button(strings.VALIDATE))
            await h.wait_text(strings.CONFIRM_TITLE)
            assert drawn and not any(screen.busy for screen in drawn)

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
