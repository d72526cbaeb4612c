"""A screen's heading takes the focus when the screen comes to the top: on a phone, where
the steps are pages of a stack and the tabs one page, and in a browser, where every screen is
drawn in one page (and the focus would else go back to the last control used)."""

import asyncio
import gc
import weakref

import flet as ft
import pytest

from mobile import widgets
from mobile.app import make_main
from shared import strings
from shared.services import Services
from tests.mobile.harness import Harness, run, text_of
from tests.mobile.test_app_render import reach_recap, sign_in


def headings(h: Harness) -> list[str]:
    """The headings asked for the focus so far, the last one drawn on the top page."""
    assert all(h._on_top(control) for control in h.focused[-1:]), "not on the top page"
    return [text_of(control) for control in h.focused]


@pytest.mark.parametrize("web", [False, True], ids=["phone", "browser"])
def test_the_heading_of_each_screen_shown_takes_the_focus(services: Services, web: bool):
    async def body() -> None:
        async with Harness(make_main(services), web=web) as h:
            assert headings(h) == [strings.APP_TITLE]  # Connexion
            await sign_in(h)
            await h.settle()
            assert headings(h)[1:] == [strings.HELLO.format(prenom="Alexis")]
            h.focused.clear()
            await reach_recap(h)  # a tab, a row, « Je démarre ma demande », « Suivant »
            await h.settle()
            assert headings(h) == [
                strings.TAB_DEMARCHES,
                *[strings.PROCURATION_LINK] * 3,  # principes, le mandataire, récapitulatif
            ]
            h.focused.clear()
            if web:  # the form drawn again in the page
                await h.browser_back()
                await h.settle()
                assert headings(h) == [strings.PROCURATION_LINK]
            else:  # the form's page uncovered: Flutter gives it back the focus it had
                await h.back()
                await h.settle()
                assert headings(h) == []

    run(body)


def test_a_focus_request_the_client_never_answers_lets_the_screen_go(
    services: Services, monkeypatch: pytest.MonkeyPatch
):
    """A client that has gone never answers: the wait ends, and with it the hold on the screen."""
    monkeypatch.setattr(widgets, "FOCUS_ANSWER_SECONDS", 0.2)

    def waiting() -> list[asyncio.Task[object]]:
        return [
            task
            for task in asyncio.all_tasks()
            if "use_focused_heading" in task.get_coro().__qualname__  # type: ignore[union-attr]
        ]

    async def body() -> None:
        async with Harness(make_main(services), web=True) as h:
            h.unanswered.add("focus")
            await sign_in(h)
            await h.settle()
            assert headings(h)[-1] == strings.HELLO.format(prenom="Alexis")  # asked
            for _ in range(100):  # at most 5 s
                if not waiting():
                    return
                await asyncio.sleep(0.05)
            raise AssertionError(f"still waiting for the client: {waiting()}")

    run(body)


def test_while_the_client_has_not_answered_the_screen_can_be_let_go(services: Services):
    """A closed tab's session lets its screens go (`Client`): a focus request still waiting
    for the client holds the heading's node, not the screen."""

    async def body() -> None:
        async with Harness(make_main(services), web=True) as h:
            h.unanswered.add("focus")
            await sign_in(h)
            await h.settle()
            drawn = weakref.ref(h.all(ft.Card)[0])  # of Accueil
            h.page.on_disconnect(None)  # type: ignore[misc]  # the tab is closed
            await h.settle()
            gc.collect()
            assert drawn() is None, "the screen is still held"

    run(body)
