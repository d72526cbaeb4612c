"""The guard, as a table: (route, facts) → the route that may be shown. No Flet here."""

import pytest

from mobile.guard import Facts, allowed
from mobile.routes import Route

OUT = Facts(signed_in=False)
IN = Facts(signed_in=True)
ACTIVE = Facts(signed_in=True, active=True)
CHECKED = Facts(signed_in=True, checked=True)
GRANTED = Facts(signed_in=True, active=True, granted=True)
R = Route

TABLE = [
    # signed out: every account screen is Connexion
    *[(route, OUT, R.SIGN_IN) for route in Route],
    # signed in: Connexion is Accueil; the tabs are themselves
    (R.SIGN_IN, IN, R.HOME),
    *[(tab, IN, tab) for tab in (R.HOME, R.PAYMENTS, R.DEMARCHES, R.PREVENTION, R.INFORMATIONS)],
    # the request, step by step
    (R.PROCURATION, IN, R.PROCURATION),
    (R.MANDATAIRE, IN, R.MANDATAIRE),
    (R.RECAP, IN, R.MANDATAIRE),
    (R.RECAP, CHECKED, R.RECAP),
    (R.CONFIRMATION, IN, R.PROCURATION),
    (R.CONFIRMATION, CHECKED, R.PROCURATION),
    # while one is active: its page, never the form nor a recap that could validate
    (R.PROCURATION, ACTIVE, R.PROCURATION),
    (R.MANDATAIRE, ACTIVE, R.PROCURATION),
    (R.RECAP, Facts(signed_in=True, active=True, checked=True), R.PROCURATION),
    (R.CONFIRMATION, GRANTED, R.CONFIRMATION),
    (R.RECAP, GRANTED, R.PROCURATION),
    (R.INFORMATIONS, ACTIVE, R.INFORMATIONS),
    # « Mes procurations »: any signed-in person, one active or not
    (R.HISTORY, IN, R.HISTORY),
    (R.HISTORY, ACTIVE, R.HISTORY),
]


@pytest.mark.parametrize(("route", "facts", "expected"), TABLE)
def test_the_guard_allows_the_nearest_screen(route, facts, expected):
    assert allowed(route, facts) == expected


@pytest.mark.parametrize("path", ["/nimporte", "/demarches/inconnue", "/connexion/x"])
@pytest.mark.parametrize("facts", [OUT, IN])
def test_an_unknown_path_is_left_to_page_introuvable(path, facts):
    assert allowed(path, facts) == path


def test_a_trailing_slash_or_a_query_names_the_same_screen():
    assert allowed("/informations/", IN) == R.INFORMATIONS
    assert allowed("/demarches?x=1", IN) == R.DEMARCHES
