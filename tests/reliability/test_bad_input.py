"""Whatever is typed in any field: problems in French, never an exception, nothing written."""

from hypothesis import HealthCheck, given, settings

from mobile.routes import Route
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.rules import read_mandataire
from shared.services import Services
from tests.mobile.phone import Phone
from tests.reliability.inputs import any_text

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _procurations(services: Services) -> int:
    with services.store.reading() as tx:
        return int(tx.conn.execute("SELECT count(*) FROM procurations").fetchone()[0])


@SETTINGS
@given(nir=any_text, code=any_text)
def test_any_sign_in_text_is_refused_in_french_without_an_exception(
    services: Services, nir: str, code: str
) -> None:
    state = Phone(services)
    state.sign_in(nir, code)
    signed_in = state.session.account is not None
    assert not signed_in or code == ALEXIS_CODE
    if not signed_in:
        assert state.url == "/"
        assert state.session.message or state.session.sign_in_problems
        assert all(p.message for p in state.session.sign_in_problems)


@SETTINGS
@given(civilite=any_text, nom=any_text, nom_usage=any_text, prenom=any_text, naissance=any_text)
def test_any_mandataire_text_gets_field_messages_and_writes_nothing(
    services: Services, civilite: str, nom: str, nom_usage: str, prenom: str, naissance: str
) -> None:
    state = Phone(services)
    state.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    state.start_request()
    before = _procurations(services)
    for name, value in (
        ("civilite", civilite),
        ("nom", nom),
        ("nom_usage", nom_usage),
        ("prenom", prenom),
        ("date_naissance", naissance),
    ):
        state.set_field(name, value)
    state.next()
    state.validate()  # not certified: must never write
    assert _procurations(services) == before
    reading = read_mandataire(state.request.form, services.today(), state.session.account)
    if state.url == Route.RECAP:
        # The recap shows exactly what the rules accept, and nothing else is wrong.
        assert not state.request.problems
        assert reading.mandataire is not None
        assert state.request.checked == reading.mandataire
    else:
        assert state.url == Route.MANDATAIRE
        assert reading.mandataire is None
        if state.request.can_go_next:
            assert state.request.problems
            assert state.request.problems == reading.problems
        assert all(p.message for p in state.request.problems)
