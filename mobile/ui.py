"""What a screen may ask of the shell: wrap a state method as a click handler."""

from collections.abc import Callable
from typing import Any, Protocol

import flet as ft

from mobile.state import AppState


class Ui(Protocol):
    state: AppState
    page: ft.Page

    def on(self, action: Callable[..., Any], *args: Any) -> Callable[[Any], Any]:
        """A handler that runs the action, then shows the new state."""
        ...

    def busy(self, action: Callable[..., Any], *args: Any) -> Callable[[Any], Any]:
        """Same, with a progress indicator while the action runs."""
        ...
