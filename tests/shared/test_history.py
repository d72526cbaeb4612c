"""« Mes procurations »: the status of each one in French, and the form to make one again."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.errors import ProcurationAlreadyActive
from shared.history import form_for, history_entries, status_text
from shared.models import Civilite, Mandataire, Status
from shared.rules import read_mandataire
from tests.shared.examples import TODAY

DUPONT = Mandataire(
    civilite=Civilite.MONSIEUR, nom="Dupont", prenom="Martin", date_naissance=date(1970, 9, 20)
)


def test_statuses_read_en_cours_revoquee_and_expiree_with_their_dates(
    services, clock, alexis_id, adult_form
):
    first = services.grant(alexis_id, adult_form)
    clock.now = datetime(2024, 6, 20, 22, 30, tzinfo=UTC)  # 00:30 on 21 June in Paris
    services.revoke(alexis_id)
    second = services.grant(alexis_id, form_for(first.mandataire))
    today = date(2024, 8, 1)
    revoked, expired = services.history(alexis_id)[1], services.history(alexis_id)[0]
    assert expired.id == second.id
    assert status_text(revoked, today) == "révoquée le 21/06/2024"
    assert status_text(expired, today) == "expirée le 21/07/2024"
    assert status_text(expired, date(2024, 7, 21)) == "en cours"


def test_the_history_lists_newest_first_with_dates_reference_and_status(
    services, clock, alexis_id, adult_form
):
    first = services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    clock.advance(days=1)
    second = services.grant(alexis_id, form_for(first.mandataire))
    entries = history_entries(services.history(alexis_id), services.today())
    assert [e.procuration.id for e in entries] == [second.id, first.id]
    newest, oldest = entries
    assert (newest.status, newest.status_text) == (Status.ACTIVE, "en cours")
    assert (oldest.status, oldest.status_text) == (Status.REVOKED, "révoquée le 15/06/2024")
    assert newest.mandataire == "Monsieur Dupont Martin"
    assert newest.period == "Du 16/06/2024 au 16/07/2024 inclus"
    assert newest.reference == f"{second.reference[:5]}-{second.reference[5:]}"
    # One at a time: nothing can be made again while a procuration is active.
    assert [e.can_redo for e in entries] == [False, False]


def test_past_procurations_can_be_made_again_once_none_is_active(services, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    [entry] = history_entries(services.history(alexis_id), services.today())
    assert entry.can_redo


def test_making_one_again_is_checked_by_the_rules_and_the_one_at_a_time_rule(
    services, alexis_id, adult_form
):
    first = services.grant(alexis_id, adult_form)
    with pytest.raises(ProcurationAlreadyActive):
        services.grant(alexis_id, form_for(first.mandataire))
    services.revoke(alexis_id)
    again = services.grant(alexis_id, form_for(first.mandataire))
    assert again.mandataire == first.mandataire and again.id != first.id


def test_the_form_is_filled_with_the_past_mandataire_as_typed():
    form = form_for(
        Mandataire(
            civilite=Civilite.MADAME,
            nom="Lefèvre-Çelik",
            nom_usage="Lœwenbrück",
            prenom="Łucja",
            date_naissance=date(1980, 2, 1),
        )
    )
    assert form.model_dump() == {
        "civilite": "Madame",
        "nom": "Lefèvre-Çelik",
        "nom_usage": "Lœwenbrück",
        "prenom": "Łucja",
        "date_naissance": "01/02/1980",
    }


def test_a_mandataire_without_nom_d_usage_leaves_that_field_empty():
    assert form_for(DUPONT).nom_usage == ""


NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèçœæłßÉÇŒŁ -'", min_size=1, max_size=50)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(list(Civilite)),
    NAMES,
    NAMES | st.just(""),
    NAMES,
    st.dates(date(1900, 1, 1), date(2006, 6, 15)),
)
def test_any_accepted_mandataire_reads_back_from_its_form(civilite, nom, usage, prenom, born):
    typed = form_for(
        Mandataire.model_construct(
            civilite=civilite, nom=nom, nom_usage=usage or None, prenom=prenom, date_naissance=born
        )
    )
    first = read_mandataire(typed, TODAY).mandataire
    if first is None:
        return
    assert read_mandataire(form_for(first), TODAY).mandataire == first


def test_a_past_mandataire_still_a_minor_today_is_refused_again():
    # Built without the rules (as if stored by an older version): « Suivant » checks again.
    minor = Mandataire(
        civilite=Civilite.MONSIEUR, nom="Dupont", prenom="Léo", date_naissance=date(2010, 1, 1)
    )
    reading = read_mandataire(form_for(minor), TODAY)
    assert reading.mandataire is None
    assert [p.code for p in reading.problems] == ["minor"]
