"""The numéro de sécurité sociale: 13 characters at sign-in, key checked when 15 are given."""

import pytest

from shared.demo import ALEXIS_NIR, CAMILLE_NIR
from shared.models import Problem
from shared.nir import format_nir, nir_key, normalise_nir, read_nir


@pytest.mark.parametrize(
    ("nir15", "key"),
    [
        ("295109912611193", "93"),
        ("253072B07300470", "70"),
        ("253072A07300443", "43"),
        ("190037511200493", "93"),
        ("285127505601267", "67"),
    ],
)
def test_the_key_is_97_minus_the_number_mod_97_with_corsica_read_as_19_and_18(nir15, key):
    assert nir_key(nir15[:13]) == key
    assert read_nir(nir15) == (nir15[:13], [])


def test_the_demo_nirs_have_the_keys_shown_in_mes_informations(services):
    assert (nir_key(ALEXIS_NIR), nir_key(CAMILLE_NIR)) == ("93", "67")
    with services.store.reading() as tx:
        accounts = [tx.account(tx.credentials(nir)[0]) for nir in (ALEXIS_NIR, CAMILLE_NIR)]
    for account in accounts:
        shown = dict((row.label, row.value) for row in account.informations)
        expected = f"{format_nir(account.nir)} {nir_key(account.nir)}"
        assert shown["Numéro de sécurité sociale"] == expected


@pytest.mark.parametrize(
    "typed",
    [
        "1900375112004",
        "1 90 03 75 112 004",
        "1.90.03.75.112.004",
        "253072A073004",
        "253072b073004",
        "2 53 07 2B 073 004",
    ],
)
def test_thirteen_characters_are_enough_at_sign_in(typed):
    nir13, problems = read_nir(typed)
    assert problems == []
    assert nir13 == normalise_nir(typed)


def test_a_wrong_key_is_refused_when_fifteen_characters_are_given():
    assert read_nir("190037511200494") == (None, [Problem(field="nir", code="nir_key")])
    assert read_nir("253072A07300470") == (None, [Problem(field="nir", code="nir_key")])


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("190037511200", "nir_length"),
        ("19003751120049", "nir_length"),
        ("1900375112004933", "nir_length"),
        ("5900375112004", "nir_format"),
        ("1900075112004", "nir_format"),
        ("1901375112004", "nir_format"),
        ("1904375112004", "nir_format"),
        ("190032C112004", "nir_format"),
        ("19003751120O4", "nir_format"),
        ("１９００３７５１１２００４", "nir_format"),
    ],
)
def test_a_malformed_nir_is_refused_with_a_reason(typed, code):
    assert read_nir(typed, field="nir") == (None, [Problem(field="nir", code=code)])


@pytest.mark.parametrize(
    "typed", ["1902075112004", "1904275112004", "1905075112004", "7900375112004", "8999975112004"]
)
def test_months_20_to_42_and_50_to_99_and_temporary_numbers_are_readable(typed):
    assert read_nir(typed) == (typed, [])


def test_a_nir_is_shown_in_the_usual_groups():
    assert format_nir("1900375112004") == "1 90 03 75 112 004"
