"""Properties of the rules over many dates and any text a user could type or paste."""

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.rules import (
    check_mandataire,
    latest_adult_birth,
    majority_date,
    normalise_name,
    parse_birth_date,
    read_nir,
    validity_end,
)
from shared.strings import MESSAGES
from tests.shared.examples import ASSURE, LATIN_LETTERS, TODAY

PROPERTIES = settings(max_examples=200, deadline=None)

TRICKY = st.sampled_from(
    [
        "\x00",
        "\x1f",
        "\x7f",
        "\x85",
        "\t",
        "\n",
        "\u200b",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u202e",
        "\u200f",
        "\u0301",
        "’",
        "'",
        "-",
        " ",
        "/",
        "0",
        "9",
        "A",
        "é",
        "א",
        "ﻻ",
        "ß",
        "ﬀ",
        "İ",
        "\U0001f600",
    ]
)
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.one_of(TRICKY, st.characters()), max_size=60),
    st.text(alphabet="0123456789ABab/ .-\t", max_size=20),
    st.text(min_size=1, max_size=20).map(lambda s: s * 1000),
)
WORD = st.text(alphabet=LATIN_LETTERS, min_size=1, max_size=12)
VALID_NAME = st.builds(
    lambda first, rest: first + "".join(sep + word for sep, word in rest),
    WORD,
    st.lists(st.tuples(st.sampled_from([" ", "-", "'"]), WORD), max_size=3),
).filter(lambda name: len(name) <= 50)


@PROPERTIES
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)))
def test_validity_end_is_28_to_31_days_later_in_the_next_month(created):
    end = validity_end(created)
    next_month = (created.replace(day=1) + timedelta(days=31)).replace(day=1)
    assert 28 <= (end - created).days <= 31
    assert (end.year, end.month) == (next_month.year, next_month.month)
    last_day = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(created.day, last_day)


@PROPERTIES
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_majority_date_is_in_the_month_of_the_eighteenth_birthday(born):
    adult_on = majority_date(born)
    assert adult_on >= date(born.year + 18, born.month, 1)
    assert (adult_on.year, adult_on.month) == (born.year + 18, born.month)
    assert adult_on.day in (born.day, born.day - 1)


@PROPERTIES
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_someone_is_adult_exactly_from_the_majority_date(born):
    adult_on = majority_date(born)
    form = {"civilite": "Madame", "nom": "Durand", "prenom": "Anne", "date_naissance": born}
    assert check_mandataire(form, today=adult_on) == []
    the_day_before = check_mandataire(form, today=adult_on - timedelta(days=1))
    assert [(p.field, p.code) for p in the_day_before] == [("date_naissance", "minor")]


@PROPERTIES
@given(st.dates(min_value=date(1918, 3, 1), max_value=date(2100, 12, 31)))
def test_the_latest_adult_birth_date_is_of_age_today_and_the_next_day_is_not(today):
    born = latest_adult_birth(today)
    form = {"civilite": "Madame", "nom": "Durand", "prenom": "Anne", "date_naissance": born}
    assert check_mandataire(form, today=today) == []
    assert majority_date(born + timedelta(days=1)) > today


def test_the_latest_adult_birth_date_around_29_february():
    assert latest_adult_birth(date(2026, 2, 28)) == date(2008, 2, 29)
    assert latest_adult_birth(date(2026, 3, 1)) == date(2008, 3, 1)
    assert latest_adult_birth(date(2024, 2, 29)) == date(2006, 2, 28)
    assert latest_adult_birth(date(2025, 6, 15)) == date(2007, 6, 15)


@PROPERTIES
@given(ANY_TEXT)
def test_any_text_in_the_mandataire_form_yields_problems_never_an_exception(text):
    fields = ("civilite", "nom", "nom_usage", "prenom", "date_naissance")
    problems = check_mandataire({f: text for f in fields}, today=TODAY, assure=ASSURE)
    # No one text is both a civilité and a date of birth: there is always something to say.
    assert problems
    assert all(p.field in (*fields, "mandataire") for p in problems)
    assert all(p.message == MESSAGES[p.code] for p in problems)


@PROPERTIES
@given(ANY_TEXT)
def test_any_text_read_as_a_nir_yields_a_nir_or_problems(text):
    nir13, problems = read_nir(text)
    assert (nir13 is None) == bool(problems)
    assert nir13 is None or (len(nir13) == 13 and nir13.isascii())


@PROPERTIES
@given(ANY_TEXT)
def test_any_text_read_as_a_birth_date_yields_a_date_or_a_code(text):
    born, code = parse_birth_date(text, TODAY)
    assert (born is None) != (code is None)
    assert code is None or code in MESSAGES
    assert born is None or date(1900, 1, 1) <= born <= TODAY


@PROPERTIES
@given(ANY_TEXT)
def test_normalising_any_text_gives_a_stable_string(text):
    name = normalise_name(text)
    assert normalise_name(name) == name
    assert name == name.strip()


@PROPERTIES
@given(VALID_NAME)
def test_a_valid_name_survives_normalisation_unchanged_and_is_accepted(name):
    assert normalise_name(name) == name
    form = {
        "civilite": "Madame",
        "nom": name,
        "nom_usage": name,
        "prenom": name,
        "date_naissance": "01/02/1980",
    }
    assert check_mandataire(form, today=TODAY) == []
