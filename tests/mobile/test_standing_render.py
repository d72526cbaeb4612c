"""Where a procuration stands with the caisse, on the screens, while the registry is down."""

import httpx
import pytest

from shared import strings
from shared.demo import seed_demo_accounts
from shared.reference import format_reference
from shared.services import Services
from shared.store import Store
from shared.sync import Sync
from tests.conftest import FakeClock
from tests.mobile.harness import run
from tests.mobile.test_app_render import action, dialog, grant, open_procuration, sign_in
from tests.shared.test_sync import Registry


@pytest.fixture
def services(store: Store, clock: FakeClock) -> Services:
    """The app with its sender: the registry hands out a token, then cannot be reached."""
    answers = Registry(clock)

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sessions/insured"):
            return answers(request)
        raise httpx.ConnectError("refused", request=request)

    seed_demo_accounts(store, clock)
    sync = Sync(store, "http://registry.invalid", clock, httpx.MockTransport(answer))
    return Services(store, clock, sync)


def test_revoking_from_mes_demarches_says_the_counter_may_still_accept_the_mandataire(
    phone, services, alexis_id
):
    async def body() -> None:
        async with phone() as h:
            await sign_in(h)
            await grant(h)
            reference = format_reference(services.current_procuration(alexis_id).reference)
            await open_procuration(h)
            await h.click(h.button(strings.WANT_REVOKE))
            await h.click(action(dialog(h), strings.REVOKE))
            await h.wait_text(strings.SYNC_REVOCATION_PENDING)
            assert h.has_text(strings.REVOKED_DONE) and h.has_text(reference)
            assert h.buttons(strings.SYNC_RETRY) and h.buttons(strings.START_REQUEST)

    run(body)
