"""The loop that sends the outbox to the caisse's registry, once per process.

The sending itself is shared/sync.py; this only decides when: at start, whenever a change is
queued or a sign-in brings a token, when the device's connectivity changes, when the backoff
of the earliest entry runs out, and every REFRESH to fetch the counter's checks.
"""

import asyncio
import contextlib
import logging
from collections.abc import Callable

import flet as ft

from mobile.offload import offload_network
from shared.sync import Sync

log = logging.getLogger(__name__)
REFRESH_SECONDS = 60.0


class SyncTask:
    """Started once per process (`start`); a phone's page adds the connectivity watch."""

    def __init__(self, sync: Sync) -> None:
        self.sync = sync
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = False
        self._listeners: list[Callable[[], None]] = []

    def start(self, page: ft.Page) -> None:
        """Run the loop on the page's event loop, unless it already runs."""
        if not self._started:
            self._started = True
            page.run_task(self.run)

    def wake(self) -> None:
        """From any thread: send now."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` (on the event loop) after the registry answered something, so that a
        session can draw « Transmise… » or a refusal; returns the function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def watch_connectivity(self) -> ft.Connectivity:
        """Send again as soon as the phone's connectivity changes (a network comes back).

        Call it while a page is current (in the session's main): Flet registers the service with
        that page, and drops it once nothing references it, so keep the returned object.
        """
        return ft.Connectivity(on_change=lambda _: self.wake())

    async def run(self) -> None:
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        self.sync.on_new_entry = self.wake
        last_refresh = 0.0
        while True:
            self._wake.clear()
            try:
                answered = await offload_network(self.sync.deliver)
                if self._loop.time() - last_refresh >= REFRESH_SECONDS:
                    answered += await offload_network(self.sync.refresh)
                    last_refresh = self._loop.time()
                due = await offload_network(self.sync.next_due)
            except Exception:
                log.exception("sending to the registry failed")
                answered, due = 0, None
            if answered:
                for listener in list(self._listeners):
                    listener()
            delay = REFRESH_SECONDS
            if due is not None:
                delay = min(delay, max(0.0, (due - self.sync.clock()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
