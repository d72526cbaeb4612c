"""The procuration to hand over: one A4 page in French, with its reference and a QR code.

fpdf2 draws it in memory (nothing is written to disk) with DejaVu Sans, shipped in assets/fonts
so that every Latin letter of a name prints; the QR code is drawn from segno's module matrix as
filled rectangles, so neither needs Pillow. Bold is the regular face filled and stroked: loading
and subsetting a second 700 kB font file would double the cost of every document.
"""

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

import segno
from fpdf import FPDF
from fpdf.enums import TextMode

from shared import strings
from shared.clock import PARIS, full_date, paris_date, paris_time
from shared.models import Account, Mandataire, Procuration
from shared.nir import format_nir, nir_key
from shared.reference import format_reference

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT = "DejaVu"
# fpdf2 logs the characters a font lacks: they would be pieces of a name.
logging.getLogger("fpdf.output").setLevel(logging.ERROR)

MARGIN = 20.0
LABEL_WIDTH = 58.0
QR_SIZE = 42.0
GREY = (80, 80, 80)


def procuration_pdf(procuration: Procuration, account: Account, made_at: datetime) -> bytes:
    """The document of that procuration of that insured person, made at that instant."""
    pdf = _page(made_at)
    _bold(pdf, 22, strings.DOCUMENT_TITLE, new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 11)
    pdf.cell(text=strings.DOCUMENT_SUBTITLE, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, strings.DOCUMENT_ASSURE)
    for field, value in _assure_rows(account):
        _row(pdf, field, value)
    pdf.ln(4)
    _font(pdf, 11)
    _paragraph(pdf, strings.SCOPE, 5.5)
    _heading(pdf, strings.DOCUMENT_MANDATAIRE)
    for field, value in _mandataire_rows(procuration.mandataire):
        _row(pdf, field, value)
    pdf.ln(5)
    validity = strings.DOCUMENT_VALIDITY.format(
        debut=full_date(procuration.created_on), fin=full_date(procuration.valid_until)
    )
    _bold(pdf, 13, validity, new_x="LMARGIN", new_y="NEXT")
    _bring(pdf)
    _reference(pdf, procuration.reference)
    _footer(pdf, made_at)
    return bytes(pdf.output())


def _page(made_at: datetime) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    # No name in the metadata: only the document's kind, and the instant it was made.
    pdf.set_title(strings.DOCUMENT_TITLE)
    pdf.set_lang("fr-FR")
    pdf.set_creator(strings.APP_TITLE)
    pdf.set_creation_date(made_at.astimezone(PARIS))
    pdf.add_page()
    return pdf


def _font(pdf: FPDF, size: float, colour: tuple[int, int, int] = (0, 0, 0)) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*colour)


def _bold(pdf: FPDF, size: float, text: str, **cell: Any) -> None:
    """A cell of text in the regular face, filled then stroked a twenty-fourth of its size wide."""
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(0, 0, 0)
    # A local context, because fpdf2 leaves the rendering mode set after the cell otherwise;
    # fpdf2 writes this width as it is, in points, for the text's stroke.
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=size / 24):
        pdf.set_draw_color(0, 0, 0)
        pdf.cell(text=text, **cell)


def _assure_rows(account: Account) -> list[tuple[str, str]]:
    return [
        ("civilite", account.civilite.value),
        ("nom", account.nom),
        ("prenom", account.prenom),
        ("date_naissance", full_date(account.date_naissance)),
        ("nir", f"{format_nir(account.nir)} {nir_key(account.nir)}"),
    ]


def _mandataire_rows(mandataire: Mandataire) -> list[tuple[str, str]]:
    return [
        ("civilite", mandataire.civilite.value),
        ("nom", mandataire.nom),
        ("nom_usage", mandataire.nom_usage or strings.NONE_GIVEN),
        ("prenom", mandataire.prenom),
        ("date_naissance", full_date(mandataire.date_naissance)),
    ]


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(6)
    _bold(pdf, 14, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, pdf.get_y() + 0.5, pdf.w - MARGIN, pdf.get_y() + 0.5)
    pdf.ln(2.5)


def _row(pdf: FPDF, field: str, value: str) -> None:
    _font(pdf, 10, colour=GREY)
    pdf.cell(LABEL_WIDTH, 6.5, strings.DOCUMENT_FIELDS[field])
    _font(pdf, 11)
    if pdf.get_string_width(value) <= pdf.w - MARGIN - pdf.get_x():
        _bold(pdf, 11, value, h=6.5, new_x="LMARGIN", new_y="NEXT")
    else:  # a long name wraps inside its column instead of running off the page
        _paragraph(pdf, value, 6.5)


def _paragraph(pdf: FPDF, text: str, line_height: float) -> None:
    pdf.multi_cell(0, line_height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _bring(pdf: FPDF) -> None:
    pdf.ln(5)
    _bold(pdf, 11, strings.DOCUMENT_BRING_TITLE, new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 11)
    for item in strings.DOCUMENT_BRING:
        pdf.cell(6, 6, "•")
        _paragraph(pdf, item, 6)


def _reference(pdf: FPDF, reference: str) -> None:
    top = pdf.get_y() + 8
    _font(pdf, 12)
    pdf.set_line_width(0.4)
    pdf.rect(MARGIN, top, pdf.w - 2 * MARGIN, QR_SIZE + 8)
    pdf.set_xy(MARGIN + 6, top + 10)
    pdf.cell(text=strings.REFERENCE_LABEL)
    pdf.set_xy(MARGIN + 6, top + 18)
    _bold(pdf, 30, format_reference(reference))
    _qr_code(pdf, reference, pdf.w - MARGIN - 4 - QR_SIZE, top + 4, QR_SIZE)
    pdf.set_y(top + QR_SIZE + 8)


def _qr_code(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code of the text, quiet zone included, as one rectangle per run of dark modules."""
    rows = [list(row) for row in segno.make_qr(text, error="m").matrix_iter(border=4)]
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for j, row in enumerate(rows):
        i = 0
        while i < len(row):
            if not row[i]:
                i += 1
                continue
            start = i
            while i < len(row) and row[i]:
                i += 1
            pdf.rect(x + start * module, y + j * module, (i - start) * module, module, style="F")


def _footer(pdf: FPDF, made_at: datetime) -> None:
    pdf.ln(6)
    _font(pdf, 9)
    _paragraph(pdf, strings.DOCUMENT_REVOCABLE, 4.5)
    made = strings.DOCUMENT_MADE.format(
        date=full_date(paris_date(made_at)), heure=paris_time(made_at)
    )
    pdf.set_y(pdf.h - MARGIN - 5)
    pdf.cell(text=made)
