"""Granting, revoking and rating a procuration through the services, one transaction each."""

import logging
from datetime import UTC, date, datetime

import pytest

from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR
from shared.errors import InvalidInput, ProcurationAlreadyActive, SignInRefused
from shared.models import Problem, Status
from shared.nir import format_nir
from shared.rules import MandataireForm


def grant_with(services, account_id, **fields):
    form = {"civilite": "Madame", "nom": "Durand", "prenom": "Anne", "date_naissance": "01/02/1980"}
    return services.grant(account_id, MandataireForm(**{**form, **fields}))


def test_a_procuration_is_active_at_once_for_one_month(services, clock, alexis_id, adult_form):
    procuration = services.grant(alexis_id, adult_form)
    assert (procuration.created_on, procuration.valid_until) == (
        date(2024, 6, 15),
        date(2024, 7, 15),
    )
    assert services.current_procuration(alexis_id) == procuration
    assert procuration.mandataire.full_name() == "Monsieur Dupont Martin"


def test_a_second_grant_while_one_is_active_is_refused(services, alexis_id, adult_form):
    first = services.grant(alexis_id, adult_form)
    with pytest.raises(ProcurationAlreadyActive):
        grant_with(services, alexis_id)
    assert services.history(alexis_id) == [first]


def test_revoking_twice_is_harmless(services, clock, alexis_id, adult_form):
    granted = services.grant(alexis_id, adult_form)
    clock.advance(hours=1)
    revoked = services.revoke(alexis_id)
    assert revoked is not None and revoked.revoked_at == clock.now
    assert services.revoke(alexis_id) is None
    assert services.current_procuration(alexis_id) is None
    [only] = services.history(alexis_id)
    assert (only.id, only.status(services.today())) == (granted.id, Status.REVOKED)


def test_after_revocation_a_new_procuration_can_be_made(services, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    assert services.current_procuration(alexis_id) is None
    second = grant_with(services, alexis_id)
    assert services.current_procuration(alexis_id) == second


def test_a_procuration_stays_valid_until_midnight_in_paris_then_expires(
    services, clock, alexis_id, adult_form
):
    first = services.grant(alexis_id, adult_form)
    clock.now = datetime(2024, 7, 15, 21, 59, 59, tzinfo=UTC)
    assert services.current_procuration(alexis_id) == first
    clock.now = datetime(2024, 7, 15, 22, 0, tzinfo=UTC)
    assert services.current_procuration(alexis_id) is None
    assert services.revoke(alexis_id) is None
    second = grant_with(services, alexis_id)
    assert services.current_procuration(alexis_id) == second
    assert [p.status(services.today()) for p in services.history(alexis_id)] == [
        Status.ACTIVE,
        Status.EXPIRED,
    ]


def test_the_creation_date_is_the_date_in_paris(services, clock, alexis_id, adult_form):
    clock.now = datetime(2024, 1, 30, 23, 30, tzinfo=UTC)
    procuration = services.grant(alexis_id, adult_form)
    assert (procuration.created_on, procuration.valid_until) == (
        date(2024, 1, 31),
        date(2024, 2, 29),
    )


def test_a_minor_mandataire_is_refused_and_nothing_is_written(services, alexis_id):
    with pytest.raises(InvalidInput) as refused:
        grant_with(services, alexis_id, date_naissance="16/06/2006")
    assert refused.value.problems == [Problem(field="date_naissance", code="minor")]
    assert str(refused.value) == strings.FORM_SUMMARY
    assert services.history(alexis_id) == []
    with services.store.reading() as tx:
        assert [kind for _, kind, _ in tx.events(alexis_id)] == []


def test_the_insured_person_cannot_be_their_own_mandataire(services, alexis_id):
    with pytest.raises(InvalidInput) as refused:
        grant_with(
            services,
            alexis_id,
            civilite="Monsieur",
            nom="Moreau",
            prenom="Alexis",
            date_naissance="14/03/1990",
        )
    assert refused.value.problems == [Problem(field="mandataire", code="self")]
    assert services.history(alexis_id) == []


def test_the_names_are_stored_normalised(services, alexis_id):
    grant_with(services, alexis_id, nom="  d’Artagnan ", nom_usage="", prenom="E\u0301lise")
    [stored] = services.history(alexis_id)
    assert (stored.mandataire.nom, stored.mandataire.nom_usage, stored.mandataire.prenom) == (
        "d'Artagnan",
        None,
        "\u00c9lise",
    )


def test_grants_and_revocations_are_logged_as_events(services, alexis_id, adult_form):
    granted = services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    with services.store.reading() as tx:
        events = [(kind, pid) for _, kind, pid in tx.events(alexis_id)]
    assert events == [("granted", granted.id), ("revoked", granted.id)]


def test_history_lists_every_procuration_of_the_account(services, alexis_id, adult_form):
    for _ in range(101):
        services.grant(alexis_id, adult_form)
        services.revoke(alexis_id)
    assert len(services.history(alexis_id)) == 101


@pytest.mark.parametrize("stars", [1, 2, 3, 4, 5])
def test_a_rating_from_1_to_5_is_saved(services, alexis_id, adult_form, stars):
    procuration = services.grant(alexis_id, adult_form)
    assert services.rate(alexis_id, procuration.id, stars).stars == stars
    assert services.rating(procuration.id) == stars


@pytest.mark.parametrize("stars", [0, 6, -1])
def test_a_rating_outside_1_to_5_is_refused(services, alexis_id, adult_form, stars):
    procuration = services.grant(alexis_id, adult_form)
    with pytest.raises(InvalidInput) as refused:
        services.rate(alexis_id, procuration.id, stars)
    assert refused.value.problems == [Problem(field="rating", code="rating_range")]
    assert services.rating(procuration.id) is None


def test_no_nir_code_or_name_reaches_the_logs(services, alexis_id, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SignInRefused):
        services.sign_in(ALEXIS_NIR, "97531864")
    with pytest.raises(SignInRefused):
        services.sign_in("2951099126111", ALEXIS_CODE)
    account = services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    grant_with(
        services,
        account.id,
        nom="Canarinom",
        nom_usage="Canariusage",
        prenom="Canariprenom",
        date_naissance="07/07/1977",
    )
    services.revoke(account.id)
    canaries = [
        ALEXIS_NIR,
        format_nir(ALEXIS_NIR),
        "2951099126111",
        ALEXIS_CODE,
        "97531864",
        "Canari",
        "MOREAU",
        "Alexis",
        "1977",
    ]
    logged = [
        " ".join([r.getMessage(), repr(r.args), r.exc_text or "", r.name]) for r in caplog.records
    ]
    assert logged, "expected the services to log something"
    assert [text for text in logged if any(c.casefold() in text.casefold() for c in canaries)] == []


def test_every_grant_gets_a_readable_reference_of_its_own(services, alexis_id, adult_form):
    from shared.reference import read_reference

    first = services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    second = services.grant(alexis_id, adult_form)
    assert first.reference != second.reference
    assert read_reference(first.reference) == (first.reference, [])
    assert [p.reference for p in services.history(alexis_id)] == [
        second.reference,
        first.reference,
    ]
