"""The procuration's document: what its text says, its QR code read back, when it is refused."""

import io
import logging
import subprocess
import sys
import unicodedata
from datetime import UTC, date, datetime

import pytest
import zxingcpp
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from shared import strings
from shared.document import FONTS, procuration_pdf
from shared.errors import NoActiveProcuration
from shared.models import Account, Civilite, Mandataire, Procuration
from shared.reference import format_reference, new_reference
from shared.rules import MandataireForm, read_mandataire
from tests.screenshots import screenshot_path
from tests.shared.examples import ASSURE, TODAY

MADE_AT = datetime(2024, 6, 15, 10, 5, tzinfo=UTC)  # 12:05 in Paris (summer time)
DUPONT = Mandataire(
    civilite=Civilite.MONSIEUR, nom="Dupont", prenom="Martin", date_naissance=date(1970, 9, 20)
)
CELIK = Mandataire(
    civilite=Civilite.MADAME,
    nom="Lefèvre-Çelik",
    nom_usage="Lœwenbrück",
    prenom="Łucja Ægir",
    date_naissance=date(1980, 2, 1),
)
ELOISE = Account(
    id=2,
    nir="2851275056012",
    civilite=Civilite.MADAME,
    nom="DUPRÉ-ŒHLER",
    prenom="Éloïse",
    date_naissance=date(1985, 12, 2),
)
# Blocks of letters for phonetics and medieval texts, which DejaVu Sans does not draw in full;
# the Glagolitic pair is there because « LATINATE » is in their Unicode names.
NOT_DRAWN = (
    (0x1D00, 0x1DBF),  # phonetic extensions
    (0x1EFC, 0x1EFF),  # medieval Welsh, end of Latin Extended Additional
    (0x2C00, 0x2C5F),  # Glagolitic
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xAB30, 0xAB6F),  # Latin Extended-E
    (0x1DF00, 0x1DFFF),  # Latin Extended-G
)


def procuration_for(mandataire: Mandataire, reference: str = "K7QM29XHT1") -> Procuration:
    return Procuration(
        id=1,
        account_id=ASSURE.id,
        mandataire=mandataire,
        created_at=MADE_AT,
        created_on=date(2024, 6, 15),
        valid_until=date(2024, 7, 15),
        reference=reference,
    )


def page_text(pdf: bytes) -> str:
    """The one page's text, every run of spaces and line breaks as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def rendered(pdf: bytes) -> bytes:
    """The page as a PNG at 100 dpi, by poppler's pdftoppm, without a file."""
    command = ["pdftoppm", "-r", "100", "-png", "-singlefile", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True, timeout=60).stdout


def assert_in_order(text: str, pieces: list[str]) -> None:
    position = 0
    for piece in pieces:
        piece = " ".join(piece.split())  # as page_text folds them (a non-breaking space too)
        found = text.find(piece, position)
        assert found >= 0, f"{piece!r} missing after {text[max(0, position - 40) : position]!r}"
        position = found + len(piece)


def test_the_document_holds_every_element_for_plain_names():
    text = page_text(procuration_pdf(procuration_for(DUPONT), ASSURE, MADE_AT))
    assert_in_order(
        text,
        [
            "Procuration",
            "Pour une démarche à l'accueil de la Caisse d'Assurance Maladie",
            "L'assuré",
            "Civilité Monsieur",
            "Nom MOREAU",
            "Prénom Alexis",
            "Date de naissance 14/03/1990",
            "Numéro de sécurité sociale 1 90 03 75 112 004 93",
            strings.SCOPE,
            "Le mandataire",
            "Civilité Monsieur",
            "Nom Dupont",
            "Nom d'usage Non renseigné",
            "Prénom Martin",
            "Date de naissance 20/09/1970",
            "Valable du 15/06/2024 au 15/07/2024 inclus",
            "À l'accueil, le mandataire présente :",
            "• cette procuration ;",
            "• sa propre pièce d'identité en cours de validité "
            "(carte nationale d'identité ou passeport) ;",
            "• le numéro de sécurité sociale de l'assuré ou sa carte Vitale.",
            "Référence K7QM2-9XHT1",
            strings.DOCUMENT_REVOCABLE,
            "Document établi le 15/06/2024 à 12:05",
        ],
    )


def test_accents_and_ligatures_print_in_every_name():
    text = page_text(procuration_pdf(procuration_for(CELIK), ELOISE, MADE_AT))
    assert_in_order(
        text,
        [
            "Civilité Madame",
            "Nom DUPRÉ-ŒHLER",
            "Prénom Éloïse",
            "Date de naissance 02/12/1985",
            "Numéro de sécurité sociale 2 85 12 75 056 012 67",
            "Civilité Madame",
            "Nom Lefèvre-Çelik",
            "Nom d'usage Lœwenbrück",
            "Prénom Łucja Ægir",
            "Date de naissance 01/02/1980",
        ],
    )


def test_the_time_it_was_made_is_read_in_paris():
    winter = datetime(2024, 12, 31, 23, 30, tzinfo=UTC)  # already 1 January in Paris
    text = page_text(procuration_pdf(procuration_for(DUPONT), ASSURE, winter))
    assert "Document établi le 01/01/2025 à 00:30" in text


def test_the_page_is_one_a4_sheet_without_a_name_in_its_metadata():
    reader = PdfReader(io.BytesIO(procuration_pdf(procuration_for(CELIK), ELOISE, MADE_AT)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert "Procuration" in metadata
    assert not any(name in metadata for name in ("Çelik", "Łucja", "DUPRÉ", "Éloïse", "2851"))


LETTERS = "".join(
    c
    for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1EFC)])
    if unicodedata.category(c).startswith("L")
)


@settings(max_examples=20, deadline=None)
@given(
    st.text(alphabet=LETTERS + " -'", min_size=1, max_size=20),
    st.text(alphabet=LETTERS + " -'", min_size=1, max_size=20),
)
def test_any_european_or_vietnamese_name_the_rules_accept_prints_as_typed(nom, prenom):
    form = MandataireForm(civilite="Madame", nom=nom, prenom=prenom, date_naissance="01/02/1980")
    mandataire = read_mandataire(form, TODAY).mandataire
    if mandataire is None:
        return
    text = page_text(procuration_pdf(procuration_for(mandataire), ASSURE, MADE_AT))
    assert f"Nom {mandataire.nom} " in text
    assert f"Prénom {mandataire.prenom} " in text


def test_every_letter_the_rules_accept_is_drawn_but_phonetic_and_medieval_ones():
    candidates = [
        c
        for c in map(chr, range(0x20000))
        if unicodedata.category(c).startswith("L") and "LATIN" in unicodedata.name(c, "")
    ]
    accepted = [
        c
        for c in candidates
        if read_mandataire(
            MandataireForm(civilite="M.", nom=c, prenom="Anne", date_naissance="01/02/1980"),
            TODAY,
        ).mandataire
    ]
    cmap = TTFont(FONTS / "DejaVuSans.ttf").getBestCmap()
    missing = [c for c in accepted if ord(c) not in cmap]
    assert len(accepted) > 1000
    assert [c for c in missing if not any(a <= ord(c) <= b for a, b in NOT_DRAWN)] == []


def test_a_name_of_fifty_wide_letters_wraps_in_its_column_and_stays_whole():
    wide = Mandataire(
        civilite=Civilite.MONSIEUR, nom="W" * 50, prenom="Martin", date_naissance=date(1970, 9, 20)
    )
    reader = PdfReader(io.BytesIO(procuration_pdf(procuration_for(wide), ASSURE, MADE_AT)))
    assert len(reader.pages) == 1
    assert "W" * 50 in "".join(reader.pages[0].extract_text().split())


def test_the_qr_code_read_from_the_page_at_100_dpi_is_the_reference():
    reference = new_reference()
    pdf = procuration_pdf(procuration_for(CELIK, reference), ASSURE, MADE_AT)
    png = rendered(pdf)
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert (found.format, found.text) == (zxingcpp.BarcodeFormat.QRCode, reference)
    assert format_reference(reference) in page_text(pdf)


def test_the_demo_procurations_page_goes_to_the_readme():
    png = rendered(procuration_pdf(procuration_for(CELIK), ASSURE, MADE_AT))
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert found.text == "K7QM29XHT1"
    assert Image.open(io.BytesIO(png)).size == (827, 1170)  # A4 at 100 dpi
    screenshot_path("document.png").write_bytes(png)


def test_the_service_makes_the_active_procurations_document(services, alexis_id, adult_form):
    granted = services.grant(alexis_id, adult_form)
    download = services.document(alexis_id)
    assert download.name == f"procuration-{format_reference(granted.reference)}.pdf"
    assert download.media_type == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    text = page_text(download.content)
    assert_in_order(text, ["Nom MOREAU", "Nom Dupont", format_reference(granted.reference)])
    assert "Document établi le 15/06/2024 à 12:00" in text


def test_a_revoked_procuration_gives_no_document(services, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)
    services.revoke(alexis_id)
    with pytest.raises(NoActiveProcuration) as refused:
        services.document(alexis_id)
    assert str(refused.value) == strings.NO_DOCUMENT


def test_an_expired_procuration_gives_no_document(services, clock, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)
    clock.now = datetime(2024, 7, 15, 21, 59, tzinfo=UTC)  # 23:59 on the last day, in Paris
    assert services.document(alexis_id).content.startswith(b"%PDF-")
    clock.advance(minutes=1)
    with pytest.raises(NoActiveProcuration):
        services.document(alexis_id)


def test_no_procuration_at_all_gives_no_document(services, alexis_id):
    with pytest.raises(NoActiveProcuration):
        services.document(alexis_id)


_WRITES: list[str] | None = None


def _record_writes(event: str, args: tuple[object, ...]) -> None:
    if _WRITES is not None and event == "open" and len(args) > 1:
        mode, flags = args[1], args[2] if len(args) > 2 else 0
        if (isinstance(mode, str) and set(mode) & set("wax+")) or (
            isinstance(flags, int) and flags & 0o3
        ):
            _WRITES.append(str(args[0]))


sys.addaudithook(_record_writes)


def test_making_the_document_writes_no_file(services, alexis_id, adult_form):
    global _WRITES
    services.grant(alexis_id, adult_form)
    services.document(alexis_id)  # the first one imports fpdf2 and may write its bytecode
    _WRITES = []
    try:
        services.document(alexis_id)
    finally:
        writes, _WRITES = _WRITES, None
    assert writes == []


def test_no_personal_data_goes_into_the_log(services, alexis_id, caplog):
    outside_the_font = "Ꞗabcock"  # a letter of Latin Extended-D, which fpdf2 would log
    form = MandataireForm(
        civilite="Madame", nom=outside_the_font, prenom="Łucja", date_naissance="01/02/1980"
    )
    granted = services.grant(alexis_id, form)
    caplog.set_level(logging.DEBUG)
    services.document(alexis_id)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert logged, "the service says that it made a document"
    for secret in ("Ꞗ", "abcock", "Łucja", "MOREAU", "Alexis", "1900375", granted.reference):
        assert secret not in logged


def test_a_document_made_later_says_so(services, clock, alexis_id, adult_form):
    services.grant(alexis_id, adult_form)
    clock.advance(days=2, hours=3)
    text = page_text(services.document(alexis_id).content)
    assert "Document établi le 17/06/2024 à 15:00" in text
    assert "Valable du 15/06/2024 au 15/07/2024 inclus" in text
