"""The procuration's reference: alphabet, check character, confusables, errors, migration."""

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from shared.reference import ALPHABET, LENGTH, format_reference, new_reference, read_reference
from shared.schema import MIGRATIONS
from shared.store import Store

references = st.builds(lambda _: new_reference(), st.integers())


def test_a_reference_has_ten_symbols_of_crockfords_alphabet_without_confusables():
    reference = new_reference()
    assert len(reference) == LENGTH == 10
    assert set(reference) <= set(ALPHABET)
    assert not set("ILOU") & set(ALPHABET)


@given(references)
def test_any_reference_made_reads_back_to_itself(reference):
    assert read_reference(reference) == (reference, [])


@given(references, st.integers(0, LENGTH - 1), st.sampled_from(ALPHABET))
def test_any_single_character_change_is_refused(reference, where, symbol):
    changed = reference[:where] + symbol + reference[where + 1 :]
    if changed != reference:
        found, problems = read_reference(changed)
        assert found is None
        assert [p.code for p in problems] == ["reference_check"]


@given(references)
def test_case_spaces_hyphens_and_confusable_letters_do_not_matter(reference):
    typed = format_reference(reference).lower().replace("0", "o").replace("1", "l")
    assert read_reference(f"  {typed[:3]} {typed[3:]} ") == (reference, [])


def test_the_formatted_reference_is_two_groups_of_five():
    assert format_reference("K7QM29XHTR") == "K7QM2-9XHTR"


def test_bad_references_get_a_french_message_each():
    assert read_reference("")[1][0].code == "required"
    assert read_reference("ABC")[1][0].code == "reference_length"
    assert read_reference("ABCDEFGHJ*")[1][0].code == "reference_characters"
    assert read_reference("UUUUUUUUUU")[1][0].code == "reference_characters"
    for text in ("", "ABC", "ABCDEFGHJ*"):
        assert read_reference(text)[1][0].message.endswith(".")


def test_procurations_of_an_older_store_get_a_reference_each(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        assert isinstance(statement, str)
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO accounts (nir, code_salt, code_hash, civilite, nom, prenom, date_naissance)"
        " VALUES ('2951099126111', x'00', x'00', 'Madame', 'Durand', 'Anne', '1995-10-01')"
    )
    for day in ("2024-01-01", "2024-03-01"):
        conn.execute(
            "INSERT INTO procurations (account_id, civilite, nom, prenom, date_naissance,"
            " created_at, created_on, valid_until) VALUES (1, 'Monsieur', 'Dupont', 'Martin',"
            " '1970-09-20', ?, ?, ?)",
            (day + "T10:00:00+00:00", day, day),
        )
    conn.close()
    store = Store(db_path)
    with store.reading() as tx:
        found = [p.reference for p in tx.procurations(1)]
    store.close()
    assert len(set(found)) == 2
    assert all(read_reference(r) == (r, []) for r in found)
