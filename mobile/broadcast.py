"""Flet's pubsub between the sessions of one account: a grant or a revocation shows at once."""

from collections.abc import Awaitable, Callable

import flet as ft

Received = Callable[[int, str], Awaitable[None]]


def _topic(account_id: int) -> str:
    return f"account-{account_id}"


class PageBroadcast:
    """One per session; follows the signed-in account's topic."""

    def __init__(self, page: ft.Page) -> None:
        self.page = page
        self.received: Received | None = None
        self._topic: str | None = None

    def follow(self, account_id: int) -> None:
        self.unfollow()
        self._topic = _topic(account_id)
        self.page.pubsub.subscribe_topic(self._topic, self._on_message)

    def unfollow(self) -> None:
        if self._topic is not None:
            self.page.pubsub.unsubscribe_topic(self._topic)
            self._topic = None

    def changed(self, account_id: int, notice: str) -> None:
        self.page.pubsub.send_others_on_topic(_topic(account_id), (account_id, notice))

    async def _on_message(self, _topic: str, message: tuple[int, str]) -> None:
        # The hub runs this in the sender's context: page.run_task gives the work this
        # session's page, so that the redraws it causes go to this session, not the sender's.
        if self.received is not None:
            self.page.run_task(self.received, *message)
