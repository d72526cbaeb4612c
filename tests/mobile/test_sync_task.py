"""The sending loop wakes when a change is queued and delivers it (network played by httpx)."""

import asyncio
from datetime import UTC, datetime, timedelta

import httpx

from mobile.sync_task import SyncTask
from shared import outbox
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, seed_demo_accounts
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import Store
from shared.sync import Sync
from tests.mobile.phone import run_to_end


def answer(request: httpx.Request) -> httpx.Response:
    at = datetime.now(UTC)
    if request.url.path.endswith("/sessions/insured"):
        return httpx.Response(
            201, json={"token": "t", "expires_at": (at + timedelta(hours=1)).isoformat()}
        )
    if request.method == "GET":
        return httpx.Response(200, json=[])
    return httpx.Response(201, json={"received_at": at.isoformat()})


def test_a_queued_grant_wakes_the_loop_and_is_delivered(store: Store, adult_form: MandataireForm):
    seed_demo_accounts(store)
    sync = Sync(store, "http://registry.invalid", transport=httpx.MockTransport(answer))
    services = Services(store, sync=sync)
    account = services.sign_in(ALEXIS_NIR, ALEXIS_CODE)

    def queued() -> int:
        with store.reading() as tx:
            return len(outbox.entries(tx))

    told: list[str] = []

    async def scenario() -> int:
        loop = SyncTask(sync)
        loop.subscribe(lambda: told.append("answered"))
        gone = loop.subscribe(lambda: told.append("never"))
        gone()
        task = asyncio.create_task(loop.run())
        await asyncio.sleep(0.2)  # the loop is now waiting (up to a minute) for something to do
        await asyncio.to_thread(services.grant, account.id, adult_form)
        for _ in range(100):
            if queued() == 0 and told:
                break
            await asyncio.sleep(0.02)
        task.cancel()
        return queued()

    assert run_to_end(scenario()) == 0
    assert "answered" in told and "never" not in told
