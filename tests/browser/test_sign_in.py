"""Connexion: a wrong code is refused in French; five wrong codes lock the account, and the
lock survives a restart of the server (graceful or killed)."""

import signal
from datetime import datetime

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.clock import paris_time
from shared.demo import ALEXIS_CODE, ALEXIS_NIR, CAMILLE_CODE, CAMILLE_NIR
from shared.limits import MAX_FAILURES
from shared.secrets import lookup_key

pytestmark = pytest.mark.browser
WRONG_CODE = "11112222"


def attempts(server, nir):
    """(failures, locked_until) as the store holds them for that NIR."""
    with server.db() as conn:
        row = conn.execute(
            "SELECT failures, locked_until FROM sign_in_attempts WHERE key = ?",
            (lookup_key(nir),),
        ).fetchone()
    return (0, None) if row is None else (int(row[0]), row[1])


def test_wrong_code_is_refused_in_french_then_the_right_one_works(person):
    person.fill(strings.NIR_LABEL, CAMILLE_NIR, keystrokes=True)
    person.fill(strings.CODE_LABEL, WRONG_CODE, keystrokes=True)
    person.click(strings.SIGN_IN_BUTTON)
    person.expect_text(strings.SIGN_IN_REFUSED)
    expect(person.tab(strings.TAB_HOME)).to_have_count(0)

    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.expect_no_text(strings.SIGN_IN_REFUSED)


def test_five_wrong_codes_lock_the_account_even_across_restarts(server, user, poll):
    person = user()
    for attempt in range(1, MAX_FAILURES):
        person.sign_in(ALEXIS_NIR, WRONG_CODE)
        # The message is the same after every attempt: wait until this one is counted.
        poll(lambda n=attempt: attempts(server, ALEXIS_NIR)[0] == n, f"failure {attempt}")
        person.expect_text(strings.SIGN_IN_REFUSED)
        person.expect_no_text(strings.SIGN_IN_LOCKED.split(",")[0])

    person.sign_in(ALEXIS_NIR, WRONG_CODE)
    locked_until = poll(lambda: attempts(server, ALEXIS_NIR)[1], "the lock")
    locked = strings.SIGN_IN_LOCKED.format(heure=paris_time(datetime.fromisoformat(locked_until)))
    person.expect_text(locked)
    person.expect_no_text(strings.SIGN_IN_REFUSED)

    # Even the right code is refused while locked.
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    person.expect_text(locked)
    expect(person.tab(strings.TAB_HOME)).to_have_count(0)

    for how in (signal.SIGTERM, signal.SIGKILL):
        server.restart(how)
        person = user()
        person.sign_in(ALEXIS_NIR, ALEXIS_CODE)
        person.expect_text(locked)
        expect(person.tab(strings.TAB_HOME)).to_have_count(0)
        assert attempts(server, ALEXIS_NIR)[1] == locked_until, f"lock changed after {how.name}"
