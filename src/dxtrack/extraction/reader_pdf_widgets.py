"""Text that e-office systems stamp into form-field widgets: the number and the date.

A letter signed in a provincial e-office system is issued by the clerk's digital signature,
which writes the number ("Số: 2496 /UBND-KT") and the day and month ("ngày 06 tháng 4")
into signature widgets laid over the blanks of the Word template. That text lives in the
widgets' appearance streams, which pdfminer does not read: without it every such letter
loses its number and date.

    widget_chars(data) -> {page index: [chars]}   the short texts of the widgets of each page
    place_widget_chars(page, chars)                puts them into the page's line of text

The appearance streams are flattened into the page content by PDFium (pypdfium2, which
pdfplumber already uses) and read back by pdfplumber; the characters that the flattened page
has and the original page has not are the widgets'. Only short texts (a number, a day) are
kept: a signature's own appearance ("Ký bởi: ...", the seal) stays out, as before.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

MAX_WIDGET_TEXT = 20  # characters (spaces aside) of a widget text kept: a number, a date
_WIDGET = 20  # FPDF_ANNOT_WIDGET


def _flattened(data: bytes) -> tuple[bytes, set[int]] | None:
    """The document with its widgets' appearances drawn into the page content, and the
    indices of the pages that had widgets; None when no page has one."""
    import pypdfium2
    from pypdfium2 import raw

    from dxtrack.extraction.ocr_pdf import PDFIUM_LOCK

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return None
        try:
            pages = set()
            for index in range(len(document)):
                page = document[index]
                try:
                    if _has_widget(page, raw):
                        raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY)
                        pages.add(index)
                finally:
                    page.close()
            if not pages:
                return None
            buffer = io.BytesIO()
            document.save(buffer)
            return buffer.getvalue(), pages
        finally:
            document.close()


def _has_widget(page: Any, raw: Any) -> bool:
    for index in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, index)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) == _WIDGET:
                return True
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return False


def _key(char: dict[str, Any]) -> tuple[str, float, float]:
    return char["text"], round(char["x0"], 1), round(char["top"], 1)


def widget_chars(data: bytes) -> dict[int, list[dict[str, Any]]]:
    """Per page index, the characters of its widgets' short texts (pdfplumber char dicts)."""
    if b"/Annots" not in data and b"/ObjStm" not in data:
        return {}
    flattened = _flattened(data)
    if flattened is None:
        return {}
    import pdfplumber

    found: dict[int, list[dict[str, Any]]] = {}
    with (
        pdfplumber.open(io.BytesIO(data)) as original,
        pdfplumber.open(io.BytesIO(flattened[0])) as flat,
    ):
        for index in sorted(flattened[1]):
            if index >= len(original.pages) or index >= len(flat.pages):
                continue
            own = Counter(_key(c) for c in original.pages[index].chars)
            added = []
            for char in flat.pages[index].chars:
                if own[_key(char)] > 0:
                    own[_key(char)] -= 1
                else:
                    added.append(char)
            chars = [c for group in _groups(added) for c in group]
            if chars:
                found[index] = chars
    return found


def _groups(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The added characters as runs (one baseline, no wide gap), each kept when it is a
    short text."""
    runs: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if not char["text"].strip():
            continue
        last = runs[-1][-1] if runs else None
        size = char.get("size") or 10.0
        if (
            last is None
            or round(last["top"]) != round(char["top"])
            or char["x0"] > last["x1"] + size
        ):
            runs.append([char])
        else:
            runs[-1].append(char)
    kept = []
    for run in runs:
        text = "".join(c["text"] for c in run)
        if len(text) <= MAX_WIDGET_TEXT and ":" not in text:
            kept.append(run)
    return kept


def place_widget_chars(page: Any, chars: list[dict[str, Any]]) -> None:
    """Add the widget characters to `page` (its cached char list) on the line they overlay:
    same top and bottom as that line's characters, one tight word, the template's blanks
    under them removed."""
    page_chars: list[dict[str, Any]] = page.objects.setdefault("char", [])
    for run in _groups(chars):
        run.sort(key=lambda c: c["x0"])
        left, right = run[0]["x0"], run[-1]["x1"]
        top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
        line = _overlaid_line(page_chars, top, bottom)
        if line is not None:
            page_chars[:] = [
                c
                for c in page_chars
                if c["text"].strip() or c["top"] != line["top"] or not left <= c["x0"] < right
            ]
        page_chars.extend(_tight(run, line))


def _overlaid_line(chars: list[dict[str, Any]], top: float, bottom: float) -> Any:
    """A character of the text line that the span top..bottom overlaps most."""
    best, overlap = None, 0.0
    for char in chars:
        if not char["text"].strip():
            continue
        shared = min(bottom, char["bottom"]) - max(top, char["top"])
        if shared > overlap:
            best, overlap = char, shared
    return best if overlap > 0.3 * (bottom - top) else None


def _tight(run: list[dict[str, Any]], line: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The run as one word: narrow glyphs side by side from its left edge (widget fonts
    often carry widths wider than the glyphs), on the overlaid line's baseline."""
    size = run[0].get("size") or 10.0
    width = 0.3 * size
    x = run[0]["x0"]
    placed = []
    for char in run:
        new = dict(char)
        new["x0"], new["x1"], new["width"] = x, x + width, width
        if line is not None:
            for key in ("top", "bottom", "doctop", "y0", "y1", "height"):
                if key in line:
                    new[key] = line[key]
        placed.append(new)
        x += width
    return placed
