"""Signing in with the demo accounts; five wrong codes lock the NIR for 30 minutes."""

import pytest

from shared import strings
from shared.demo import (
    ALEXIS_CODE,
    ALEXIS_NIR,
    CAMILLE_CODE,
    CAMILLE_NIR,
    DOMINIQUE_CODE,
    DOMINIQUE_NIR,
)
from shared.errors import AccountLocked, InvalidInput, SignInRefused
from shared.models import Problem
from shared.services import Services
from shared.store import Store


def fail_four_times(services: Services) -> None:
    for _ in range(4):
        with pytest.raises(SignInRefused):
            services.sign_in(ALEXIS_NIR, "00000000")


@pytest.mark.parametrize(
    ("nir", "code", "nom"),
    [
        (ALEXIS_NIR, ALEXIS_CODE, "MOREAU"),
        ("1 90 03 75 112 004 93", ALEXIS_CODE, "MOREAU"),
        (CAMILLE_NIR, CAMILLE_CODE, "LEFEBVRE"),
    ],
)
def test_the_demo_accounts_can_sign_in(services, nir, code, nom):
    account = services.sign_in(nir, code)
    assert (account.nir, account.nom) == (nir.replace(" ", "")[:13], nom)


def test_a_wrong_code_is_refused_with_the_same_message_as_an_unknown_nir(services):
    with pytest.raises(SignInRefused) as wrong_code:
        services.sign_in(ALEXIS_NIR, CAMILLE_CODE)
    with pytest.raises(SignInRefused) as unknown_nir:
        services.sign_in("2951099126111", ALEXIS_CODE)
    assert str(wrong_code.value) == str(unknown_nir.value)
    assert str(wrong_code.value).startswith(strings.SIGN_IN_REFUSED)


def test_each_wrong_code_says_how_many_tries_are_left_before_the_lock(services):
    said = []
    for _ in range(4):
        with pytest.raises(SignInRefused) as refused:
            services.sign_in(ALEXIS_NIR, "00000000")
        said.append((refused.value.tries_left, str(refused.value)))
    assert [left for left, _ in said] == [4, 3, 2, 1]
    refused_text = strings.SIGN_IN_REFUSED
    assert [text for _, text in said] == [
        f"{refused_text} Il vous reste 4 essais avant que l'accès à votre compte soit bloqué "
        "pendant 30 minutes.",
        f"{refused_text} Il vous reste 3 essais avant que l'accès à votre compte soit bloqué "
        "pendant 30 minutes.",
        f"{refused_text} Il vous reste 2 essais avant que l'accès à votre compte soit bloqué "
        "pendant 30 minutes.",
        f"{refused_text} Il vous reste 1 essai avant que l'accès à votre compte soit bloqué "
        "pendant 30 minutes.",
    ]


def test_the_count_of_tries_starts_again_after_a_lock_has_passed(services, clock):
    fail_four_times(services)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, "00000000")
    clock.advance(minutes=30)
    with pytest.raises(SignInRefused) as refused:
        services.sign_in(ALEXIS_NIR, "00000000")
    assert refused.value.tries_left == 4


def test_a_nir_with_a_wrong_key_is_refused_before_any_code_is_checked(services):
    with pytest.raises(InvalidInput) as refused:
        services.sign_in("190037511200494", ALEXIS_CODE)
    assert refused.value.problems == [Problem(field="nir", code="nir_key")]


def test_an_empty_code_is_asked_for(services):
    with pytest.raises(InvalidInput) as refused:
        services.sign_in(ALEXIS_NIR, "")
    assert refused.value.problems == [Problem(field="code", code="required")]


def test_the_fifth_wrong_code_locks_the_account_even_for_the_right_code(services):
    fail_four_times(services)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, "00000000")
    with pytest.raises(AccountLocked) as locked:
        services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert str(locked.value).endswith("à partir de 12:30.")  # 10:00 UTC is 12:00 in Paris


def test_the_lock_says_until_when_the_time_it_started_plus_thirty_minutes(services, clock):
    fail_four_times(services)
    clock.advance(minutes=7)
    with pytest.raises(AccountLocked) as locked:
        services.sign_in(ALEXIS_NIR, "00000000")
    clock.advance(minutes=20)  # still locked: the time said is the lock's end, not now + 30
    with pytest.raises(AccountLocked) as still:
        services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    assert str(locked.value) == str(still.value) == strings.SIGN_IN_LOCKED.format(heure="12:37")


def test_the_lock_survives_reopening_the_store(db_path, services, clock):
    fail_four_times(services)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, "00000000")
    services.store.close()
    reopened = Services(Store(db_path), clock)
    with pytest.raises(AccountLocked):
        reopened.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    reopened.store.close()


def test_the_account_is_unlocked_after_thirty_minutes(services, clock):
    fail_four_times(services)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, "00000000")
    clock.advance(minutes=29, seconds=59)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    clock.advance(seconds=1)
    assert services.sign_in(ALEXIS_NIR, ALEXIS_CODE).nir == ALEXIS_NIR


def test_a_successful_sign_in_resets_the_count_of_failures(services):
    fail_four_times(services)
    services.sign_in(ALEXIS_NIR, ALEXIS_CODE)
    fail_four_times(services)
    assert services.sign_in(ALEXIS_NIR, ALEXIS_CODE).nir == ALEXIS_NIR


def test_locking_one_nir_leaves_the_other_account_open(services):
    fail_four_times(services)
    with pytest.raises(AccountLocked):
        services.sign_in(ALEXIS_NIR, "00000000")
    assert services.sign_in(CAMILLE_NIR, CAMILLE_CODE).nir == CAMILLE_NIR


def test_the_third_demo_account_starts_locked_for_thirty_minutes(services, clock):
    with pytest.raises(AccountLocked) as locked:
        services.sign_in(DOMINIQUE_NIR, DOMINIQUE_CODE)
    assert str(locked.value) == strings.SIGN_IN_LOCKED.format(heure="12:30")
    clock.advance(minutes=30)
    assert services.sign_in(DOMINIQUE_NIR, DOMINIQUE_CODE).prenom == "Dominique"
