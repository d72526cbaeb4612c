"""The rules of DOMAIN.md, with its own examples."""

from datetime import date

import pytest

from shared import strings
from shared.errors import InvalidInput
from shared.models import Problem
from shared.rules import (
    MandataireForm,
    check_mandataire,
    majority_date,
    normalise_name,
    parse_birth_date,
    read_mandataire,
    validity_end,
)
from tests.shared.examples import ASSURE, TODAY


def problems_of(today: date = TODAY, **fields: object) -> list[Problem]:
    form = {"civilite": "Madame", "nom": "Durand", "prenom": "Anne", "date_naissance": "01/02/1980"}
    return check_mandataire({**form, **fields}, today=today)


def codes_of(today: date = TODAY, **fields: object) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems_of(today, **fields)]


@pytest.mark.parametrize(
    ("created", "end"),
    [
        (date(2020, 9, 20), date(2020, 10, 20)),
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2023, 1, 31), date(2023, 2, 28)),
        (date(2024, 3, 31), date(2024, 4, 30)),
        (date(2024, 12, 31), date(2025, 1, 31)),
    ],
)
def test_a_procuration_is_valid_until_the_same_day_next_month_or_its_last_day(created, end):
    assert validity_end(created) == end


@pytest.mark.parametrize(
    ("born", "adult_on"),
    [
        (date(2006, 6, 15), date(2024, 6, 15)),
        (date(2004, 2, 29), date(2022, 2, 28)),
        (date(2000, 2, 29), date(2018, 2, 28)),
        (date(1990, 12, 31), date(2008, 12, 31)),
    ],
)
def test_majority_is_the_eighteenth_birthday_and_29_february_falls_on_28(born, adult_on):
    assert majority_date(born) == adult_on


def test_the_eighteenth_birthday_counts_as_adult():
    assert problems_of(date_naissance="15/06/2006") == []


def test_the_day_before_the_eighteenth_birthday_is_still_minor():
    assert codes_of(date_naissance="16/06/2006") == [("date_naissance", "minor")]


def test_born_29_february_is_adult_on_28_february_of_a_common_year():
    assert problems_of(date_naissance="29/02/2004", today=date(2022, 2, 28)) == []
    minor = codes_of(date_naissance="29/02/2004", today=date(2022, 2, 27))
    assert minor == [("date_naissance", "minor")]


def test_a_minor_mandataire_is_refused_with_the_seed_message():
    [problem] = problems_of(date_naissance="16/06/2006")
    assert problem.field == "date_naissance"
    assert problem.message == (
        "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter"
    )


def test_the_form_summary_is_the_seed_sentence():
    summary = "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie."
    assert summary == strings.FORM_SUMMARY
    assert str(InvalidInput([])) == summary


def test_an_empty_form_asks_for_every_mandatory_field_but_not_the_nom_d_usage():
    assert check_mandataire(MandataireForm(), today=TODAY) == [
        Problem(field=field, code="required")
        for field in ("civilite", "nom", "prenom", "date_naissance")
    ]


def test_civilite_is_madame_or_monsieur():
    assert problems_of(civilite="Monsieur") == []
    assert codes_of(civilite="Docteur") == [("civilite", "civilite_invalid")]


def test_names_are_trimmed_and_inner_spaces_collapsed():
    assert normalise_name("  Jean   Pierre  ") == "Jean Pierre"


def test_names_are_stored_in_nfc():
    reading = read_mandataire(
        MandataireForm(
            civilite="Madame", nom="E\u0301lise", prenom="Zoe\u0301", date_naissance="01/02/1980"
        ),
        TODAY,
    )
    assert reading.mandataire is not None
    assert (reading.mandataire.nom, reading.mandataire.prenom) == ("\u00c9lise", "Zo\u00e9")


def test_a_typographic_apostrophe_is_stored_as_a_straight_one():
    reading = read_mandataire(
        MandataireForm(
            civilite="Monsieur", nom="D’Artagnan", prenom="Charles", date_naissance="01/02/1980"
        ),
        TODAY,
    )
    assert reading.mandataire is not None
    assert reading.mandataire.nom == "D'Artagnan"


def test_a_name_may_have_fifty_characters_but_not_fifty_one():
    assert problems_of(nom=" " + "a" * 50 + " ") == []
    assert codes_of(nom="a" * 51) == [("nom", "name_too_long")]


@pytest.mark.parametrize("name", ["Dupont2", "Louis XIV 14", "٣Ali"])
def test_a_name_with_digits_is_refused(name):
    assert codes_of(nom=name) == [("nom", "name_invalid_characters")]


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u00ad"],
)
def test_a_name_with_a_control_or_invisible_character_is_refused(char):
    assert codes_of(prenom=f"Jean{char}Pierre") == [("prenom", "name_invalid_characters")]


@pytest.mark.parametrize("char", ["\t", "\n", "\x1f", "\x85"])
def test_a_control_character_inside_a_name_is_refused_not_turned_into_a_space(char):
    assert codes_of(prenom=f"Jean{char}Pierre") == [("prenom", "name_invalid_characters")]


@pytest.mark.parametrize(
    "name",
    [
        "Éléonore",
        "Çağla",
        "Łukasz",
        "Núñez",
        "Bjørn",
        "Œillet",
        "Müller-Šťastný",
        "O'Brien",
        "de la Fontaine",
        "Ðorđević",
    ],
)
def test_accented_latin_names_with_spaces_hyphens_and_apostrophes_are_accepted(name):
    assert problems_of(nom=name, nom_usage=name, prenom=name) == []


@pytest.mark.parametrize("name", ["-Jean", "Jean-", "'Anne"])
def test_a_name_starts_and_ends_with_a_letter(name):
    assert codes_of(nom=name) == [("nom", "name_edges")]


@pytest.mark.parametrize("name", ["Иван", "王", "محمد", "Νίκος", "Jean Иванов", "すずき", "김"])
def test_a_name_in_another_script_is_asked_in_latin_letters(name):
    assert codes_of(nom=name) == [("nom", "name_not_latin")]
    assert "lettres latines" in strings.MESSAGES["name_not_latin"]


@pytest.mark.parametrize(
    "name", ["Jean--Pierre", "Jean -Pierre", "Jean- Pierre", "D''Arc", "D'-Arc", "Zoé--Lou"]
)
def test_two_separators_in_a_row_are_refused(name):
    assert codes_of(prenom=name) == [("prenom", "name_separators")]


@pytest.mark.parametrize("name", ["Jean-Pierre", "D'Arc", "de la Fontaine", "Zoé-Lou"])
def test_one_separator_between_two_letters_is_accepted(name):
    assert problems_of(prenom=name) == []


def test_a_birth_date_is_read_as_jj_mm_aaaa():
    assert parse_birth_date(" 04/07/1985 ", TODAY) == (date(1985, 7, 4), None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31/02/2000", "date_impossible"),
        ("29/02/2023", "date_impossible"),
        ("00/01/2000", "date_impossible"),
        ("16/06/2024", "date_future"),
        ("31/12/1899", "date_before_1900"),
        ("1985-07-04", "date_format"),
        ("4 juillet 1985", "date_format"),
        ("04/07/85", "date_format"),
    ],
)
def test_an_impossible_future_or_too_old_birth_date_is_refused(text, code):
    assert parse_birth_date(text, TODAY) == (None, code)


def test_the_first_of_january_1900_and_today_are_accepted_dates():
    assert parse_birth_date("01/01/1900", TODAY) == (date(1900, 1, 1), None)
    assert parse_birth_date("15/06/2024", TODAY) == (TODAY, None)


def test_a_wrong_birth_date_is_reported_on_the_date_field():
    assert codes_of(date_naissance="31/02/2000") == [("date_naissance", "date_impossible")]


def test_the_mandataire_cannot_be_yourself():
    problems = check_mandataire(
        civilite="Monsieur",
        nom="moreau",
        prenom="Alexis",
        date_naissance=date(1990, 3, 14),
        today=TODAY,
        assure=ASSURE,
    )
    assert problems == [Problem(field="mandataire", code="self")]
    assert problems[0].message == "Vous ne pouvez pas vous désigner vous-même comme mandataire."


def test_a_namesake_born_another_day_can_be_the_mandataire():
    problems = check_mandataire(
        civilite="Monsieur",
        nom="Moreau",
        prenom="Alexis",
        date_naissance="15/03/1990",
        today=TODAY,
        assure=ASSURE,
    )
    assert problems == []


@pytest.mark.parametrize(
    ("typed", "read"), [("M.", "Monsieur"), ("Mme", "Madame"), ("madame", "Madame")]
)
def test_the_usual_abbreviations_of_the_civilite_are_read(typed: str, read: str) -> None:
    form = MandataireForm(civilite=typed, nom="Dupont", prenom="Jean", date_naissance="01/01/1980")
    mandataire = read_mandataire(form, TODAY).mandataire
    assert mandataire is not None and mandataire.civilite.value == read
