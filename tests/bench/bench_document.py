"""The procuration's PDF against fpdf2 writing a one-line page with the same font."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bench_common import Result, Target, compared, interleaved, per_call
from fpdf import FPDF

from shared.document import FONT, FONTS, procuration_pdf
from shared.models import Account, Civilite, Mandataire, Procuration

MADE_AT = datetime(2024, 6, 15, 10, 5, tzinfo=UTC)
ASSURE = Account(
    id=1,
    nir="1900375112004",
    civilite=Civilite.MONSIEUR,
    nom="MOREAU",
    prenom="Alexis",
    date_naissance=date(1990, 3, 14),
)
PROCURATION = Procuration(
    id=1,
    account_id=1,
    mandataire=Mandataire(
        civilite=Civilite.MADAME,
        nom="Lefèvre-Çelik",
        nom_usage="Lœwenbrück",
        prenom="Łucja Ægir",
        date_naissance=date(1980, 2, 1),
    ),
    created_at=MADE_AT,
    created_on=date(2024, 6, 15),
    valid_until=date(2024, 7, 15),
    reference="K7QM29XHT1",
)


def one_line_page() -> bytes:
    """The floor: an A4 page with one line of text in the same font, embedded and subset."""
    pdf = FPDF(format="A4")
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font(FONT, "", 12)
    pdf.cell(text="Procuration")
    return bytes(pdf.output())


def bench_document(runs: int) -> Result:
    assert procuration_pdf(PROCURATION, ASSURE, MADE_AT).startswith(b"%PDF-")
    assert one_line_page().startswith(b"%PDF-")
    values, floors = interleaved(
        per_call(lambda: procuration_pdf(PROCURATION, ASSURE, MADE_AT)),
        per_call(one_line_page),
        runs,
    )
    result = compared(
        "document.pdf",
        "ms",
        [v * 1e3 for v in values],
        "fpdf2 one-line page, same font",
        [f * 1e3 for f in floors],
        Target(max_ratio=3, max_value=150),
    )
    result.notes.append("CPU time of this thread; the font is loaded and subset on every call")
    return result
