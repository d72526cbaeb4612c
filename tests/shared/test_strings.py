"""French typography in every text of shared/strings.py, and the helper that puts it there."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared import strings
from shared.strings import french_spacing


def every_text(value: object = None, where: str = "strings") -> list[tuple[str, str]]:
    """(where, text) for every str in the module's public constants, nested ones included."""
    if value is None:
        return [
            found
            for name, constant in vars(strings).items()
            if name[0].isupper()
            for found in every_text(constant, name)
        ]
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, tuple):
        return [t for i, item in enumerate(value) for t in every_text(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [t for key, item in value.items() for t in every_text(item, f"{where}[{key!r}]")]
    return []


TEXTS = every_text()


def test_the_walk_sees_the_texts_of_tuples_and_dicts():
    names = {where for where, _ in TEXTS}
    assert {"REVOKE_QUESTION", "MESSAGES['date_impossible']", "DEMARCHES_SECTIONS[0][1][9]"} <= (
        names
    )
    assert len(TEXTS) > 150


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_every_text_has_french_spacing(where, text):
    assert french_spacing(text) == text
    assert not re.search(r" [:;!?»]|« ", text), f"{where}: a breaking space at a mark: {text!r}"
    assert not re.search(r"«[^\u00a0]|[^\u00a0]»", text), f"{where}: « » without a space: {text!r}"


@pytest.mark.parametrize(
    ("typed", "typeset"),
    [
        ("Que faire ?", "Que faire\u00a0?"),
        ("Notez votre démarche !", "Notez votre démarche\u00a0!"),
        ("Accordée à : M. DUPONT ; fin", "Accordée à\u00a0: M. DUPONT\u00a0; fin"),
        ("la rubrique « Mes informations »", "la rubrique «\u00a0Mes informations\u00a0»"),
        ("«Mes informations»", "«\u00a0Mes informations\u00a0»"),
        ("Cette date n'existe pas\u202f: vérifiez", "Cette date n'existe pas\u00a0: vérifiez"),
    ],
)
def test_a_non_breaking_space_goes_before_the_high_marks_and_inside_the_quotes(typed, typeset):
    assert french_spacing(typed) == typeset


@pytest.mark.parametrize("text", ["à partir de 12:30.", "Code oublié?", "K7QM2-9XHTR", "3646"])
def test_no_space_is_added_where_none_was_typed_before_a_mark(text):
    assert french_spacing(text) == text


def test_a_demarche_is_feminine():
    shown = strings.UNAVAILABLE_TEXT.format(nom="Relevé fiscal")
    assert "cette démarche n'est pas proposée dans cette version" in shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab :;!?«» \u00a0\u202f1")), max_size=40))
def test_the_helper_only_changes_spaces_and_is_stable(text):
    typeset = french_spacing(text)
    assert french_spacing(typeset) == typeset
    assert re.sub(r"\s", "", typeset) == re.sub(r"\s", "", text)
    assert not re.search(r"[ \u202f][:;!?»]|«[ \u202f]|«$|[^\u00a0]»|^»", typeset)
