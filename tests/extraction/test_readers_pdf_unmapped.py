"""PDF reader: a page whose text layer cannot be read (a font without a Unicode map gives
"(cid:N)" or garbage) is read by OCR,
and without Tesseract the reader says why it cannot read the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocrhelp import needs_tesseract

from dxtrack.extraction import ExtractionError
from dxtrack.extraction.readers import read_bytes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(
    not FONT.exists(), reason="DejaVu Sans missing: apt-get install fonts-dejavu-core"
)
LINES = [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    "Số: 1545/UBND-KGVX",
    "Kính gửi: Sở Khoa học và Công nghệ.",
    "Giao Sở Khoa học và Công nghệ chủ trì triển khai.",
]


def unmapped_pdf() -> bytes:
    """A text PDF whose embedded font has lost its Unicode map (/ToUnicode): the glyphs
    render, but a text extractor only sees glyph numbers."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.set_font("dejavu", size=16)
    pdf.add_page()
    for text in LINES:
        pdf.cell(0, 14, text, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    assert b"/ToUnicode" in data
    return data.replace(b"/ToUnicode", b"/ToUnicodX")  # same length: the offsets stay right


def test_fixture_has_no_unicode_text() -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(unmapped_pdf())) as pdf:
        assert "(cid:" in (pdf.pages[0].extract_text() or "")


@needs_tesseract
def test_unmapped_font_read_by_ocr() -> None:
    doc = read_bytes(unmapped_pdf(), "qd.pdf")
    assert doc.ocr
    text = " ".join(doc.text.split())
    assert "(cid:" not in text
    assert "1545/UBND-KGVX" in text
    assert "Sở Khoa học và Công nghệ" in text


def test_without_tesseract_the_font_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `tesseract` on PATH: the real lookup
    with pytest.raises(ExtractionError) as info:
        read_bytes(unmapped_pdf(), "qd.pdf")
    assert info.value.message == (
        "Không đọc được tệp 'qd.pdf': phông chữ trong tệp PDF không có bảng mã Unicode nên "
        "không trích được chữ. Hãy dùng tệp DOCX hoặc bản PDF xuất lại từ Word."
    )
