"""Scanned pages of a PDF: which pages need OCR, and their recognition one page at a time.

    scan_pages(data)      -> indices (0-based) of pages without a text layer of their own
    PdfOcr(data, ...)     -> .page(index) renders one page at 300 dpi, prepares and OCRs it

A page needs OCR when it shows an image and has almost no text of its own once an
e-signature stamp ("Người ký: ...", "Thời gian ký: ...") and a page number are set aside:
a scan signed electronically carries just such a stamp. Pages are rendered by PDFium
(pypdfium2, which pdfplumber already uses) one at a time, so a 200-page scan holds one page
image at once. PDFium is not thread-safe: every call into it holds one lock (recognition,
the slow part, runs outside it).
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from typing import Any

from dxtrack.extraction.ocr import OcrPage, check_tesseract, ocr_warning, recognise

DPI = 300
__all__ = ["DPI", "PdfOcr", "Progress", "ocr_warning", "page_png", "scan_pages"]
MIN_TEXT = 40  # characters of the page's own text below which an image page is a scan
Progress = Callable[[int, int], None]

_LOCK = threading.Lock()
PDFIUM_LOCK = _LOCK  # every PDFium call of the readers holds it (reader_pdf_widgets.py too)
_ASIDE = re.compile(
    r"^\s*(?:Người ký|Ký bởi|Thời gian ký|Ngày ký|Ký ngày|E-?mail|Cơ quan|Chức vụ|Tổ chức)\s*:"
    r"|^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$|^\s*(?:Trang|Page)\s*\d",
    re.IGNORECASE,
)


def _pdfium() -> Any:
    import pypdfium2  # PDFium binary: loaded only when a PDF is read

    return pypdfium2


def _own_text(page: Any) -> int:
    textpage = page.get_textpage()
    try:
        lines = textpage.get_text_range().splitlines()
    finally:
        textpage.close()
    return sum(len("".join(line.split())) for line in lines if not _ASIDE.match(line))


def _has_image(page: Any) -> bool:
    from pypdfium2 import raw

    return (
        next(iter(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=3)), None)
        is not None
    )


def scan_pages(data: bytes) -> list[int]:
    """Pages that need OCR; none when the file cannot be opened (the text reader then says why)."""
    if b"/Image" not in data:  # an image XObject's dictionary is never compressed
        return []
    pdfium = _pdfium()
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return []
        try:
            found = []
            for index in range(len(document)):
                page = document[index]
                try:
                    if _has_image(page) and _own_text(page) < MIN_TEXT:
                        found.append(index)
                finally:
                    page.close()
            return found
        finally:
            document.close()


class PdfOcr:
    """Recognises chosen pages of one PDF, reporting progress after each page."""

    def __init__(self, data: bytes, pages: list[int], progress: Progress | None = None) -> None:
        check_tesseract()  # before any rendering: a missing Tesseract is said at once
        self.data = data
        self.total = len(pages)
        self.done = 0
        self.progress = progress
        self._document: Any = None
        if progress is not None:
            progress(0, self.total)

    def page(self, index: int) -> OcrPage:
        from dxtrack.extraction.ocr_image import prepare_scan  # NumPy and Pillow: scans only

        image = prepare_scan(self._render(index))
        result = recognise(image, number=index + 1, dpi=DPI)
        del image
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
        return result

    def _render(self, index: int) -> Any:
        pdfium = _pdfium()
        with _LOCK:
            if self._document is None:
                self._document = pdfium.PdfDocument(self.data)
            page = self._document[index]
            try:
                bitmap = page.render(scale=DPI / 72, grayscale=True)
                image = bitmap.to_pil().copy()  # to_pil() shares the bitmap's buffer
                bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        if self._document is not None:
            with _LOCK:
                self._document.close()
            self._document = None


def page_png(data: bytes, ext: str, number: int, *, width: int = 1100) -> bytes | None:
    """Page `number` (1-based) of a stored PDF or image as a PNG `width` pixels wide, for the
    review screen; None when the file has no such page."""
    from PIL import Image

    from dxtrack.extraction.ocr_image import open_image

    if ext != "pdf":
        image = open_image(data) if number == 1 else None
    else:
        pdfium = _pdfium()
        with _LOCK:
            document = pdfium.PdfDocument(data)
            try:
                if not 1 <= number <= len(document):
                    return None
                page = document[number - 1]
                scale = width / page.get_width()
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil().copy()
                bitmap.close()
                page.close()
            finally:
                document.close()
    if image is None:
        return None
    if image.width > width:
        image = image.resize(
            (width, round(image.height * width / image.width)), Image.Resampling.LANCZOS
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
