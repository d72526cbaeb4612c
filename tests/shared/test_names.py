"""The mandataire's name reads the same on every screen, whatever case was typed."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.models import Civilite, Mandataire
from shared.names import title_case
from tests.shared.examples import LATIN_LETTERS


def mandataire(nom: str, prenom: str, civilite: Civilite = Civilite.MONSIEUR) -> Mandataire:
    return Mandataire(civilite=civilite, nom=nom, prenom=prenom, date_naissance=date(1970, 9, 20))


@pytest.mark.parametrize(
    "typed", [("Dupont", "Martin"), ("DUPONT", "MARTIN"), ("dupont", "mArTiN")]
)
def test_the_seed_names_read_the_same_whatever_case_was_typed(typed):
    shown = mandataire(*typed)
    assert shown.short_name() == "M. DUPONT"
    assert shown.full_name() == "Monsieur Dupont Martin"


def test_madame_is_abbreviated_mme():
    assert mandataire("bernard", "lucie", Civilite.MADAME).short_name() == "Mme BERNARD"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("jean-pierre", "Jean-Pierre"),
        ("JEAN-PIERRE", "Jean-Pierre"),
        ("d'arc", "D'Arc"),
        ("D'ARC", "D'Arc"),
        ("o'brien", "O'Brien"),
        ("de la fontaine", "De La Fontaine"),
        ("éLODIE", "Élodie"),
        ("MÜLLER-ŠŤASTNÝ", "Müller-Šťastný"),
        ("ǆemal", "ǅemal"),  # a digraph takes its title-case form, not its capital form
    ],
)
def test_each_part_after_a_space_hyphen_or_apostrophe_starts_with_a_capital(typed, shown):
    assert title_case(typed) == shown


def test_the_short_name_keeps_hyphens_and_apostrophes():
    assert mandataire("d'arc-dupont", "jeanne", Civilite.MADAME).short_name() == "Mme D'ARC-DUPONT"


# Letters whose capital and small forms map one to one (not ß, whose capital is « SS »).
ROUND_TRIP = "".join(
    c for c in LATIN_LETTERS if len(c.upper()) == 1 and c.upper().lower() == c.lower()
)
CASED_NAME = st.builds(
    lambda first, rest: first + "".join(sep + word for sep, word in rest),
    st.text(alphabet=ROUND_TRIP, min_size=1, max_size=12),
    st.lists(
        st.tuples(
            st.sampled_from([" ", "-", "'"]), st.text(alphabet=ROUND_TRIP, min_size=1, max_size=12)
        ),
        max_size=3,
    ),
).filter(lambda name: len(name) <= 50)


@settings(max_examples=300, deadline=None)
@given(CASED_NAME, st.lists(st.booleans(), min_size=50, max_size=50))
def test_any_case_typed_gives_the_same_display(name, flips):
    typed = "".join(c.swapcase() if flip else c for c, flip in zip(name, flips, strict=False))
    assert title_case(typed) == title_case(name) == title_case(name.upper())
    assert mandataire(typed, typed).full_name() == mandataire(name, name).full_name()
    assert mandataire(typed, typed).short_name() == mandataire(name, name).short_name()


@settings(max_examples=300, deadline=None)
@given(CASED_NAME)
def test_the_display_keeps_the_letters_and_separators_and_is_stable(name):
    shown = title_case(name)
    assert shown.casefold() == name.casefold()
    assert title_case(shown) == shown
    words = shown.replace("-", " ").replace("'", " ").split(" ")
    assert all(w[0] == w[0].upper() and w[1:] == w[1:].lower() for w in words)
