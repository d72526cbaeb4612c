"""Flet's session lines reach the log without the session's key."""

import logging

import pytest

from shared.logs import hide_session_keys


@pytest.mark.parametrize("logger", ["flet", "flet_web.fastapi"])
def test_a_session_line_keeps_its_words_and_loses_its_key(logger, caplog):
    hide_session_keys()
    with caplog.at_level(logging.INFO, logger=logger):
        logging.getLogger(logger).info("Session disconnected: %s", "_VH9niHcUrPcOsChB_b141b4b6")
    [line] = [r.getMessage() for r in caplog.records]
    assert line == "Session disconnected: [clé masquée]"
