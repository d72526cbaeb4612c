"""A page left open while the server restarts comes back on Connexion and says why.

Restarts the module's server (its own file for that reason).
"""

import pytest
from playwright.sync_api import expect

from shared import strings
from shared.demo import CAMILLE_CODE, CAMILLE_NIR

pytestmark = pytest.mark.browser


def test_after_a_restart_connexion_says_the_session_ended_with_the_connection(server, person):
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE, prenom="Camille")
    person.click_tab(strings.TAB_DEMARCHES)
    server.restart()
    expect(person.button(strings.SIGN_IN_BUTTON)).to_be_visible(timeout=30_000)
    person.expect_text(strings.SESSION_LOST)
    person.sign_in(CAMILLE_NIR, CAMILLE_CODE)
    person.expect_heading(strings.TAB_DEMARCHES)  # where the page was
    person.expect_no_text(strings.SESSION_LOST)
