"""Character error rate of the whole OCR path on a seed letter: its text typeset as a DOCX,
printed to PDF by LibreOffice, rasterised at 200 dpi like a scanner, the page images put in
a PDF and read back (render, deskew, Tesseract, OCR fixes). Issue 12: CER <= 2 %."""

from __future__ import annotations

from pathlib import Path

from ocrhelp import (
    character_error_rate,
    docx_of,
    edit_distance,
    needs_soffice,
    needs_tesseract,
    pdf_page_images,
    scan_pdf,
)

from dxtrack.extraction.office import convert, find_soffice
from dxtrack.extraction.readers import read_bytes

SEED = Path(__file__).parents[2] / "samples" / "seeds" / "002_d4a88603f1258d60.txt"


def test_edit_distance() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("Số", "Sô") == 1 and edit_distance("", "abc") == 3
    assert edit_distance("thực hiện", "thực hiện") == 0


@needs_tesseract
@needs_soffice
def test_seed_printed_scanned_and_recognised() -> None:
    paragraphs = [" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    soffice = find_soffice()
    assert soffice is not None
    pdf = convert(soffice, docx_of(paragraphs), suffix=".docx", to="pdf")
    pages = pdf_page_images(pdf, dpi=200)
    assert 1 <= len(pages) <= 3
    doc = read_bytes(scan_pdf(pages, dpi=200), "ban-in-quet.pdf")
    assert [p["ocr"] for p in doc.pages] == [True] * len(pages)
    # a line of underscores under the letterhead is a drawn rule, not text, on paper too
    reference = [p for p in paragraphs if p.strip("_-=. ")]
    rate = character_error_rate(doc.text, "\n".join(reference))
    assert rate <= 0.02, f"CER {rate:.2%}"
