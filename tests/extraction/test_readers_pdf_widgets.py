"""PDF reader: the number and date an e-office system stamps into signature widgets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dxtrack.extraction.readers import read_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    not FONT.exists(), reason="DejaVu Sans missing: apt-get install fonts-dejavu-core"
)


def template_pdf() -> bytes:
    """A Word-like letter whose number and day are left blank (spaces), as issued."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.set_font("dejavu", size=12)
    pdf.add_page()
    for text in (
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
        "Số:            /UBND-KGVX",
        "An Giang, ngày        tháng 4 năm 2026",
        "Kính gửi: Sở Y tế.",
        "Giao Sở Y tế báo cáo kết quả trước ngày 30/4/2026.",
    ):
        pdf.cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def stamp(data: bytes, stamps: list[tuple[str, float, float]]) -> bytes:
    """Add a signature widget per (text, x, y-from-top in pt) whose appearance stream prints
    the text a little above the template's baseline, in a font with wide glyph boxes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    height = float(page.mediabox.height)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/FirstChar"): NumberObject(48),
            NameObject("/LastChar"): NumberObject(57),
            NameObject("/Widths"): ArrayObject([NumberObject(900)] * 10),
        }
    )
    annots = ArrayObject()
    for index, (text, x, top) in enumerate(stamps):
        width, box = 10.0 * len(text) + 8, 20.0
        appearance = DecodedStreamObject()
        appearance.set_data(f"BT /F1 12 Tf 2 8 Td ({text}) Tj ET".encode())
        appearance.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, width, box)]),
                NameObject("/Resources"): DictionaryObject(
                    {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
                ),
            }
        )
        bottom = height - top - box
        widget = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Sig"),
                NameObject("/T"): TextStringObject(f"Signature{index + 1}"),
                NameObject("/F"): NumberObject(4),
                NameObject("/Rect"): ArrayObject(
                    [FloatObject(v) for v in (x, bottom, x + width, bottom + box)]
                ),
                NameObject("/AP"): DictionaryObject(
                    {NameObject("/N"): writer._add_object(appearance)}
                ),
            }
        )
        annots.append(writer._add_object(widget))
    page[NameObject("/Annots")] = annots
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


STAMPS = [("2496", 55.0, 60.0), ("06", 124.0, 88.5)]


def test_template_alone_has_blanks() -> None:
    text = read_bytes(template_pdf(), "cv.pdf").text
    assert "Số: /UBND-KGVX" in " ".join(text.split())


def test_stamped_number_and_day_join_their_lines() -> None:
    # "Số:" spans 65-77 pt from the top of the page, the date line 94-106 pt: each widget
    # prints 3 pt above its line, over the blanks.
    data = stamp(template_pdf(), STAMPS)
    lines = read_bytes(data, "cv.pdf").text.split("\n")
    assert lines[1] == "Số: 2496 /UBND-KGVX"
    assert lines[2] == "An Giang, ngày 06 tháng 4 năm 2026"


def test_stamped_letter_metadata() -> None:
    from dxtrack.extraction import extract_bytes

    data = stamp(template_pdf(), STAMPS)
    result = extract_bytes(data, "cv.pdf")
    assert result.number == "2496/UBND-KGVX"
    assert result.issued_date == "2026-04-06"


def test_long_widget_text_left_out() -> None:
    # A signature's own appearance ("Ký bởi: ...") is not a number or a date: not read.
    data = stamp(template_pdf(), [("12345678901234567890123", 60.0, 120.0)])
    assert "1234567890" not in read_bytes(data, "cv.pdf").text
