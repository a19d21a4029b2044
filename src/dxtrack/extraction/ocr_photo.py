"""Photos and scanned images (.jpg, .jpeg, .png, .webp) read by OCR, one page each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.ocr import check_tesseract, ocr_warning, recognise
from dxtrack.extraction.ocr_fixes import fix_ocr
from dxtrack.extraction.ocr_image import open_image, prepare_photo

NO_TEXT = "không nhận dạng được chữ nào trong ảnh (ảnh quá mờ, quá nhỏ hoặc không có chữ)."


def read_image(
    data: bytes, *, progress: Callable[[int, int], None] | None = None
) -> tuple[str, list[str], list[dict[str, Any]]]:
    """(text, warnings, pages) of a photo or scan of one page."""
    check_tesseract()
    if progress is not None:
        progress(0, 1)
    page = recognise(prepare_photo(open_image(data)), number=1)
    if progress is not None:
        progress(1, 1)
    if not page.text.strip():
        raise ExtractionError(NO_TEXT)
    facts = [page.to_dict()]
    return fix_ocr(page.text), [ocr_warning(facts)], facts
