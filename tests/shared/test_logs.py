"""The processes' logs keep Flet's session lines without their key and no request's URL."""

import logging

import httpx
import pytest

from shared.demo import ALEXIS_CODE, ALEXIS_NIR, seed_demo_accounts
from shared.logs import keep_private
from shared.rules import MandataireForm
from shared.services import Services
from shared.store import Store
from shared.sync import Sync
from tests.conftest import FakeClock
from tests.shared.test_sync import Registry


@pytest.mark.parametrize("logger", ["flet", "flet_web.fastapi"])
def test_a_session_line_keeps_its_words_and_loses_its_key(logger, caplog):
    keep_private()
    with caplog.at_level(logging.INFO, logger=logger):
        logging.getLogger(logger).info("Session disconnected: %s", "_VH9niHcUrPcOsChB_b141b4b6")
    [line] = [r.getMessage() for r in caplog.records]
    assert line == "Session disconnected: [clé masquée]"


def test_sending_a_revocation_logs_its_outcome_not_its_reference(
    store: Store, clock: FakeClock, adult_form: MandataireForm, caplog
):
    seed_demo_accounts(store, clock)
    sync = Sync(store, "http://registry.invalid", clock, httpx.MockTransport(Registry(clock)))
    services = Services(store, clock, sync)
    keep_private()
    with caplog.at_level(logging.DEBUG):
        account = services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
        granted = services.grant(account.id, adult_form)
        services.revoke(account.id)
        assert sync.deliver() == 2
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "(revoke) answered: HTTP 200" in logged
    assert granted.reference not in logged
