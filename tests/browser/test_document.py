"""The procuration's PDF downloaded in Chromium, « Mes procurations » and « Refaire … »."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from shared import strings
from shared.demo import ALEXIS_CODE, ALEXIS_NIR

pytestmark = pytest.mark.browser

REFERENCE_ON_SCREEN = re.compile(rf"{strings.REFERENCE_LABEL} ([0-9A-Z]{{5}}-[0-9A-Z]{{5}})")


def shown_references(text: str) -> list[str]:
    return REFERENCE_ON_SCREEN.findall(text)


def test_download_then_mes_procurations_then_refaire(server, user, paris_today):
    server.revoke_all(ALEXIS_NIR)
    person = user()
    page = person.page
    person.sign_in(ALEXIS_NIR, ALEXIS_CODE, prenom="Alexis")
    person.grant(civilite=strings.MONSIEUR, nom="Dupont", prenom="Martin")

    # The confirmation: its reference, and the PDF as a browser download that carries it.
    person.expect_text(strings.REFERENCE_LABEL)
    [first] = shown_references(person.tree_text())
    with page.expect_download(timeout=15_000) as started:
        person.click(strings.DOWNLOAD_DOCUMENT)
    download = started.value
    assert download.suggested_filename == f"procuration-{first}.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert first in text

    # Revoked from Mes informations: « Mes procurations » offers to make it again.
    person.click_tab(strings.TAB_INFORMATIONS)
    person.click(strings.REVOKE)
    person.dialog().get_by_role("button", name=strings.REVOKE, exact=True).click()
    person.expect_text(strings.REVOKED_DONE)
    expect(person.button(strings.DOWNLOAD_DOCUMENT)).to_have_count(0)
    person.click(strings.HISTORY_TITLE)
    person.expect_heading(strings.HISTORY_TITLE)
    revoked = strings.STATUS_REVOKED.format(date=paris_today.strftime("%d/%m/%Y"))
    person.expect_text(f"{strings.STATUS_LABEL} {revoked}")
    person.click(strings.REDO)

    # The form, filled with that mandataire; « Suivant » checks it again, then a new grant.
    expect(person.textbox(strings.NOM_LABEL)).to_be_visible()
    monsieur = page.get_by_role("radio", name=strings.MONSIEUR, exact=True)
    expect(monsieur).to_be_checked()
    filled = {
        strings.NOM_LABEL: "Dupont",
        strings.PRENOM_LABEL: "Martin",
        strings.BIRTH_LABEL: "20/09/1970",
    }
    assert {label: person.value_of(label, value) for label, value in filled.items()} == filled
    person.click(strings.NEXT)
    person.expect_heading(strings.STEP_RECAP)
    certify = page.get_by_role("checkbox", name=strings.CERTIFY, exact=True)
    certify.click()
    expect(certify).to_be_checked()
    person.click(strings.VALIDATE)
    person.expect_heading(strings.CONFIRM_TITLE)
    [second] = shown_references(person.tree_text())

    # From Mes démarches: the active one above the revoked one, and no « Refaire » now.
    person.click_tab(strings.TAB_DEMARCHES)
    person.click(strings.HISTORY_TITLE)
    person.expect_heading(strings.HISTORY_TITLE)
    person.expect_text(f"{strings.STATUS_LABEL} {strings.STATUS_ACTIVE}")
    tree = person.tree_text()
    assert shown_references(tree) == [second, first]
    assert tree.index(strings.STATUS_ACTIVE) < tree.index(revoked)
    expect(person.button(strings.REDO)).to_have_count(0)
