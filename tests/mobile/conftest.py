"""Fixtures of the smartphone app's tests.

The fake clock (`clock`, moved with `clock.advance(minutes=…)`), the seeded Store in tmp_path
(`store`) and `services` come from tests/conftest.py; here: one Phone (a session's state and
actions, without Flet's page) per person, and a phone-sized page driven in-process.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import flet as ft
import pytest

from mobile import layout
from mobile.app import make_main
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.services import Services
from tests.mobile.harness import Harness, text_of
from tests.mobile.phone import Phone


@pytest.fixture
def state(services: Services) -> Phone:
    """A fresh session on the sign-in screen."""
    return Phone(services)


@pytest.fixture
def alexis(state: Phone) -> Phone:
    """Alexis MOREAU, signed in, on the dashboard."""
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert state.session.account is not None, state.session.message
    return state


@pytest.fixture
def camille(services: Services) -> Phone:
    """Camille LEFEBVRE, signed in on another phone against the same services."""
    other = Phone(services)
    other.sign_in(CAMILLE_NIR, CAMILLE_CODE)
    assert other.session.account is not None, other.session.message
    return other


@pytest.fixture
def phone(services: Services) -> Callable[[], Harness]:
    """`async with phone() as h:` the real app on a 412×915 Android page."""
    return lambda: Harness(make_main(services), ft.PagePlatform.ANDROID, 412, 915)


@dataclass(frozen=True)
class Drawn:
    """A screen drawn: its heading, and whether the progress bar was on."""

    heading: str
    busy: bool


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Drawn]:
    """Every screen drawn from now on, in order."""
    screens: list[Drawn] = []
    frame = layout.frame

    def recorded(app: Any, body: list[ft.Control]) -> ft.Control:
        screens.append(Drawn(text_of(body[0]) if body else "", app.session.busy))
        return frame(app, body)

    monkeypatch.setattr(layout, "frame", recorded)
    return screens
