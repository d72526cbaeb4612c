"""The counter page's logic, in-process on an SQLite registry: sign-in, both checks, expiry."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from registry import access, procurations, tables
from registry.context import Registry
from registry.counter_state import CounterState
from registry.demo import AGENT_IDENTIFIANT, AGENT_PASSWORD
from registry.server import open_registry
from registry.settings import Settings
from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.reference import format_reference, new_reference
from shared.rules import MandataireForm

FORM = MandataireForm(
    civilite="Madame", nom="Durand", nom_usage="Petit", prenom="Anne", date_naissance="01/02/1980"
)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return open_registry(Settings(database_url=f"sqlite:///{tmp_path / 'registre.sqlite3'}"))


@pytest.fixture
def reference(registry: Registry) -> str:
    token = access.sign_in_insured(registry, ALEXIS_NIR, ALEXIS_CODE)
    account_id = access.insured(registry, token.value)
    ref = new_reference()
    answer = procurations.grant(registry, account_id, "k" * 16, ref, FORM, datetime.now(UTC))
    assert answer.status == 201
    return ref


@pytest.fixture
def counter(registry: Registry) -> CounterState:
    state = CounterState(registry)
    assert state.sign_in(AGENT_IDENTIFIANT, AGENT_PASSWORD)
    return state


def test_a_wrong_password_is_refused_in_french_and_the_identifiant_kept(registry: Registry):
    state = CounterState(registry)
    assert not state.sign_in(AGENT_IDENTIFIANT, "pas-le-bon")
    assert state.message == strings.AGENT_SIGN_IN_REFUSED
    assert state.kept["identifiant"] == AGENT_IDENTIFIANT and state.token is None


def test_an_empty_form_shows_the_problem_on_each_field(registry: Registry):
    state = CounterState(registry)
    assert not state.sign_in(" ", "")
    assert state.problem("identifiant") == strings.MESSAGES["required"]
    assert state.problem("mot_de_passe") == strings.MESSAGES["required"]


def test_a_scanned_reference_gives_the_validity_and_the_mandataires_identity(
    counter: CounterState, reference: str
):
    counter.check_reference(format_reference(reference).lower())
    verdict = counter.verdict
    assert verdict is not None and verdict.valid
    assert verdict.message.startswith("Procuration valide jusqu'au ")
    lines = counter.answer_lines()
    assert lines[0] == strings.COUNTER_COMPARE
    assert "Nom d'usage : Petit" in lines and "Date de naissance : 01/02/1980" in lines
    assert not any(
        ALEXIS_NIR in line or "MOREAU" in line for line in lines
    )  # nothing of the insured


def test_the_insureds_nir_and_the_mandataire_as_on_the_id(counter: CounterState, reference: str):
    counter.check_identity("1 90 03 75 112 004 93", "petit", "ANNE", "01/02/1980")
    assert counter.verdict is not None and counter.verdict.valid
    counter.check_identity("1 90 03 75 112 004 93", "Durand", "Anne", "02/02/1980")
    assert counter.verdict is not None and counter.verdict.message == strings.COUNTER_NONE
    assert counter.answer_lines()[-1].startswith("Vérification enregistrée à ")


def test_a_mistyped_reference_is_shown_on_its_field(counter: CounterState):
    counter.check_reference("K7QM2-9XHTZ")
    assert counter.verdict is None
    assert counter.problem("reference") == strings.MESSAGES["reference_check"]
    assert counter.kept["reference"] == "K7QM2-9XHTZ"


def test_an_expired_agent_token_goes_back_to_the_sign_in(counter: CounterState, registry: Registry):
    with registry.engine.begin() as conn:
        conn.execute(
            tables.tokens.update().values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    counter.check_reference(new_reference())
    assert counter.token is None and counter.message == strings.REGISTRY_NOT_AUTHENTICATED


def test_signing_out_forgets_the_token(counter: CounterState, registry: Registry):
    counter.sign_out()
    with registry.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.tokens)).scalar_one() == 0


def test_only_the_log_of_checks_skips_waiting_for_the_disk(
    counter: CounterState, registry: Registry
):
    from registry.database import audit_transaction

    counter.check_reference(new_reference())
    with registry.engine.begin() as conn:  # a grant's or a revocation's transaction
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    with audit_transaction(registry.engine) as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with registry.engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
