"""The view stack and Back of each screen, as a table. No Flet here."""

import pytest

from mobile.routes import Route, parent_of, stack_of, view_key

R = Route
TABLE = [
    # each tab is the root of its stack; Back from a tab is Accueil, from Accueil nothing
    (R.HOME, [R.HOME], R.HOME),
    (R.PAYMENTS, [R.PAYMENTS], R.HOME),
    (R.DEMARCHES, [R.DEMARCHES], R.HOME),
    (R.PREVENTION, [R.PREVENTION], R.HOME),
    (R.INFORMATIONS, [R.INFORMATIONS], R.HOME),
    (R.HISTORY, [R.INFORMATIONS, R.HISTORY], R.INFORMATIONS),
    # the request: Mes démarches → principes → le mandataire → récapitulatif → confirmation
    (R.PROCURATION, [R.DEMARCHES, R.PROCURATION], R.DEMARCHES),
    (R.MANDATAIRE, [R.DEMARCHES, R.PROCURATION, R.MANDATAIRE], R.PROCURATION),
    (R.RECAP, [R.DEMARCHES, R.PROCURATION, R.MANDATAIRE, R.RECAP], R.MANDATAIRE),
    (
        R.CONFIRMATION,
        [R.DEMARCHES, R.PROCURATION, R.MANDATAIRE, R.RECAP, R.CONFIRMATION],
        R.RECAP,
    ),
    # pages of their own
    (R.SIGN_IN, [R.SIGN_IN], R.HOME),
    ("/nulle-part/ailleurs", ["/nulle-part/ailleurs"], "/nulle-part"),
]


@pytest.mark.parametrize(("path", "stack", "back"), TABLE)
def test_each_screen_has_its_stack_and_its_back(path: str, stack: list[str], back: str) -> None:
    assert stack_of(path) == stack
    assert parent_of(path) == back


def test_the_five_tabs_share_one_page_and_every_other_screen_has_its_own() -> None:
    tabs = {view_key(tab) for tab in (R.HOME, R.PAYMENTS, R.DEMARCHES, R.PREVENTION)}
    assert tabs == {view_key(R.INFORMATIONS)}
    others = [view_key(route) for route in Route if view_key(route) not in tabs]
    assert len(others) == len(set(others)) == len(Route) - 5
