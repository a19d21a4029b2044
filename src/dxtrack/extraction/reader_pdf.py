"""PDF reading with pdfplumber (pypdf as fallback): the text layer, and OCR for scanned pages.

Per page, text lines outside tables and the rows of ruled tables (cells joined by " | ",
words wrapped inside a cell rejoined with spaces) are merged by vertical position. Then:

- e-signature stamps are dropped: the Official Gazette / e-office stamp prints lines
  "Người ký: ...", "Email: ...", "Cơ quan: ...", "Thời gian ký: 07.04.2025 16:32:56 +07:00"
  wherever it sits on the page, often between two halves of a sentence;
- running headers/footers (a line repeated at the top or bottom of most pages, digits
  ignored) and page-number-only lines at the page edges ("2", "- 2 -", "Trang 2/5").

Pages without a text layer (ocr_pdf.scan_pages), and pages whose text layer cannot be read
(a font without a Unicode map gives "(cid:N)", a wrong map or a poor OCR layer gives words
that are not Vietnamese syllables), are read by OCR instead, page by page, and go through
the same cleanup. A PDF without extractable text and no image is reported as a
probable scan. Raises ExtractionError with the bare reason (readers.py adds the file name).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from dxtrack.extraction.bombs import pdf_stream_bytes
from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.legacy import is_syllable
from dxtrack.extraction.ocr import check_tesseract
from dxtrack.extraction.ocr_fixes import fix_ocr
from dxtrack.extraction.ocr_pdf import PdfOcr, Progress, ocr_warning, scan_pages
from dxtrack.extraction.reader_errors import is_parser_error
from dxtrack.extraction.reader_pdf_clean import PAGE_NUMBER, clean_pages
from dxtrack.extraction.reader_pdf_widgets import place_widget_chars, widget_chars
from dxtrack.extraction.textutil import CLOSING_LINE

SCAN = (
    "tệp PDF không có lớp văn bản (có thể là bản quét). Hãy dùng bản PDF có văn bản hoặc tệp DOCX."
)
CORRUPTED = "tệp PDF bị hỏng hoặc không đúng định dạng."
ENCRYPTED = "tệp PDF được đặt mật khẩu hoặc mã hoá. Hãy gỡ mật khẩu rồi thử lại."
NO_UNICODE = (
    "phông chữ trong tệp PDF không có bảng mã Unicode nên không trích được chữ. "
    "Hãy dùng tệp DOCX hoặc bản PDF xuất lại từ Word."
)
BOMB = "tệp PDF khi giải nén quá lớn (có thể là tệp độc hại), không xử lý."
NO_TEXT = "không nhận dạng được chữ nào trong bản quét (ảnh quá mờ, quá nhỏ hoặc không có chữ)."
MAX_PAGES = 2000


def read_pdf(
    data: bytes, *, max_unpacked: int, progress: Progress | None = None
) -> tuple[str, list[str], list[dict[str, Any]]]:
    """(text, warnings, pages). Pages without a text layer (ocr_pdf.scan_pages) are read by
    OCR, page by page, `progress(done, total)` after each; `pages` says how each page was
    read (empty when no page needed OCR)."""
    if b"%PDF" not in data[:1024]:
        raise ExtractionError(CORRUPTED)
    if inflated_size(data, limit=max_unpacked) > max_unpacked:
        raise ExtractionError(BOMB)
    encrypted = b"/Encrypt" in data
    pages = _pages(data, encrypted)
    scans = scan_pages(data)
    unmapped = [i for i, lines in enumerate(pages) if _unmapped(lines) and i not in scans]
    if unmapped and not _ocr_available():
        raise ExtractionError(NO_UNICODE)
    scans = sorted({*scans, *unmapped})  # a font without a Unicode map is read as a scan
    if not scans:
        return "\n".join(_text_lines(pages, [], None, encrypted=encrypted)), [], []
    facts: list[dict[str, Any]] = []
    ocr = PdfOcr(data, scans, progress)
    try:
        lines = _text_lines(pages, scans, ocr, facts, encrypted=encrypted)
    finally:
        ocr.close()
    return "\n".join(lines), [ocr_warning(facts)], facts


def _ocr_available() -> bool:
    try:
        check_tesseract()
    except ExtractionError:
        return False
    return True


def _unmapped(lines: list[str]) -> bool:
    """A page whose text layer cannot be read: mostly "(cid:N)" (a font without a Unicode
    map), or words that are mostly not Vietnamese syllables (a font whose map is wrong, or a
    scan under a poor OCR layer: "SO CONG THTIONG ceNG HoA")."""
    text = "".join(lines)
    if text.count("(cid:") * 6 > len(text) / 2:
        return True
    words = _WORD.findall(" ".join(lines).lower())
    if len(words) < MIN_WORDS:
        return False
    return sum(1 for word in words if is_syllable(word)) < MIN_SYLLABLES * len(words)


_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 30  # words a page needs before its share of syllables says anything
MIN_SYLLABLES = 0.6  # Vietnamese text: 0.9 and more; a wrong font map or OCR layer: under 0.5


def _text_lines(
    pages: list[list[str]],
    scans: list[int],
    ocr: PdfOcr | None,
    facts: list[dict[str, Any]] | None = None,
    *,
    encrypted: bool,
) -> list[str]:
    if facts is not None:
        facts.extend({"page": i + 1, "ocr": False} for i in range(len(pages)))
    for index in scans:
        if ocr is not None and index < len(pages):
            recognised = ocr.page(index)
            pages[index] = [line for line in fix_ocr(recognised.text).split("\n") if line.strip()]
            if facts is not None:
                facts[index] = recognised.to_dict()
    body = "".join("".join(lines) for lines in pages)
    if not body.strip():
        raise ExtractionError(ENCRYPTED if encrypted and not body else NO_TEXT if scans else SCAN)
    if body.count("(cid:") * 6 > len(body) / 2:
        raise ExtractionError(NO_UNICODE)
    lines = clean_pages(pages)
    if not lines:  # only a stamp, headers or page numbers: a signed scan
        raise ExtractionError(NO_TEXT if scans else SCAN)
    return lines


def _pages(data: bytes, encrypted: bool) -> list[list[str]]:
    try:
        pages = _pages_pdfplumber(data)
    except ExtractionError:
        raise
    except Exception as exc:
        if not is_parser_error(exc):
            raise  # our own bug: readers.py logs it as an internal error
        try:
            pages = _pages_pypdf(data)
        except Exception as again:
            if not is_parser_error(again):
                raise
            raise ExtractionError(ENCRYPTED if encrypted else CORRUPTED) from None
    if not pages:
        raise ExtractionError(CORRUPTED)
    return pages


# --- decompression bomb guard -----------------------------------------------------


def inflated_size(data: bytes, *, limit: int) -> int:
    """Bytes the file's streams decode to, counted up to just past `limit` (bombs.py: any
    stream syntax, any filter chain). pdfminer inflates content and object streams whole,
    without a limit: a 1 MB file can expand to 1 GB."""
    return pdf_stream_bytes(data, limit=limit)


# --- extraction --------------------------------------------------------------------


def _pages_pdfplumber(data: bytes) -> list[list[str]]:
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise ExtractionError(f"tệp PDF có quá nhiều trang (trên {MAX_PAGES} trang).")
        carry: Carry | None = None
        stamped = widget_chars(data)  # number and date stamped into e-office widgets
        for number, page in enumerate(pdf.pages):
            if number in stamped:
                place_widget_chars(page, stamped[number])
            lines, carry = _page_lines(page, carry, first=number == 0)
            pages.append(lines)
            page.close()
        if carry is not None:  # the document ended inside the closing
            pages[-1].extend(carry.right)
    return pages


_STAMP_WORDS = frozenset({"ký:", "bởi:"})  # "Người ký:", "Thời gian ký:", "Ký bởi:"


def _without_stamp(page: Any) -> Any:
    """Drop a signature stamp printed in a smaller font, even where it shares a line
    with body text; a stamp in the body font is left to the line rules of clean_pages."""
    words = page.extract_words(extra_attrs=["size"])
    keys = [w for w in words if w["text"] in _STAMP_WORDS]
    if not keys:
        return page
    size = min(w["size"] for w in keys)
    body = sorted(w["size"] for w in words)[len(words) // 2]
    if size > 0.8 * body:
        return page
    top = min(w["top"] for w in keys) - 3 * size
    bottom = max(w["bottom"] for w in keys) + 3 * size
    stamp = [w for w in words if abs(w["size"] - size) < 0.5 and top <= w["top"] <= bottom]
    left, right = min(w["x0"] for w in stamp) - 1, max(w["x1"] for w in stamp) + 1

    def outside_stamp(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char" or abs(obj.get("size", 0) - size) >= 0.5:
            return True
        inside = left <= obj["x0"] and obj["x1"] <= right and top <= obj["top"] <= bottom
        return not inside

    return page.filter(outside_stamp)


def _page_lines(
    page: Any, carry: Carry | None = None, *, first: bool = False
) -> tuple[list[str], Carry | None]:
    """The page's lines in reading order, and the closing's columns to continue on the next
    page when they run to the bottom of this one."""
    page = _without_stamp(page)
    ruled = page.lines or page.rects  # table detection needs ruling lines; skip it otherwise
    tables = [t for t in page.find_tables() if len(t.cells) > 1] if ruled else []
    # (a single cell is a frame or a box around text, not a table: its lines are read as text)
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if "x0" not in obj or "top" not in obj:
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    lines = text_page.extract_text_lines()
    placed = [(line["top"], line["text"]) for line in lines]
    start = _continued_start(lines) if carry else _closing_start(lines)
    closing, carry = _closing_columns(text_page, lines, start, carry)
    placed[start:] = closing
    if first:
        end, heading = _letterhead_columns(text_page, lines[:start])
        placed[:end] = heading
    for table in tables:
        placed.extend((table.bbox[1], row) for row in _table_rows(table))
    placed.sort(key=lambda item: item[0])  # stable: table rows keep their order
    return [text for _, text in placed if text.strip()], carry


# A Decree 30 document opens and closes with borderless two-column tables: issuer, number and
# subject | motto, place and date; "Nơi nhận" and its list | the signature block. Read line by
# line, the columns interleave ("- Như trên; PHÓ CHỦ TỊCH", "... Ban Chỉ đạo Hà Nội, ngày");
# read as columns (as a DOCX table is read), the left one comes first, then the right one.
_GUTTER = 0.05  # narrowest gap between the two columns, as a share of the page width
_HEAD_LINES = 3  # a letterhead shows its two columns within the first lines of page 1


@dataclass
class Carry:
    """A two-column closing running on to the next page: where the columns split, and the
    right column's lines read so far (they follow the whole left column)."""

    split: float
    right: list[str]


def _closing_start(lines: list[dict[str, Any]]) -> int:
    return next((i for i, line in enumerate(lines) if CLOSING_LINE.match(line["text"])), len(lines))


def _continued_start(lines: list[dict[str, Any]]) -> int:
    """A continued closing starts below the page's running header (a page number)."""
    return next((i for i, line in enumerate(lines) if not PAGE_NUMBER.match(line["text"])), 0)


def _widest_gap(line: dict[str, Any], width: float) -> tuple[float, float] | None:
    chars = sorted((c for c in line["chars"] if c["text"].strip()), key=lambda c: c["x0"])
    gaps = [(b["x0"] - a["x1"], a["x1"], b["x0"]) for a, b in pairwise(chars)]
    size, left, right = max(gaps, default=(0.0, 0.0, 0.0))
    centre = (left + right) / 2
    return (left, right) if size >= _GUTTER * width and 0.2 * width < centre < 0.8 * width else None


def _crosses(line: dict[str, Any], x: float) -> bool:
    return any(c["x0"] < x < c["x1"] for c in line["chars"] if c["text"].strip())


def _column_block(
    page: Any, lines: list[dict[str, Any]], start: int, split: float
) -> tuple[int, list[str], list[str]]:
    """The two columns either side of `split` from line `start` down to the first line that
    runs across it: (the end index, the left column's lines, the right column's)."""
    end = next((i for i in range(start, len(lines)) if _crosses(lines[i], split)), len(lines))
    if end == start:
        return end, [], []
    top, bottom = lines[start]["top"] - 1, lines[end - 1]["bottom"] + 1
    left, right = (
        [line["text"] for line in page.crop(bbox).extract_text_lines()]
        for bbox in ((0, top, split, bottom), (split, top, page.width, bottom))
    )
    return end, left, right


def _first_split(page: Any, lines: list[dict[str, Any]]) -> float | None:
    gap = next((g for g in (_widest_gap(x, page.width) for x in lines) if g), None)
    return (gap[0] + gap[1]) / 2 if gap else None


def _letterhead_columns(
    page: Any, lines: list[dict[str, Any]]
) -> tuple[int, list[tuple[float, str]]]:
    """The letterhead of the first page (issuer, number and subject | motto, place and date):
    when one of its first lines has two columns, the left one then the right one, down to
    the first line across the page."""
    split = _first_split(page, lines[:_HEAD_LINES])
    if split is None:
        return 0, []
    end, left, right = _column_block(page, lines, 0, split)
    base = lines[0]["top"] - 1 if lines else 0
    return end, [(base + i * 1e-6, text) for i, text in enumerate(left + right)]


def _closing_columns(
    page: Any, lines: list[dict[str, Any]], start: int, carry: Carry | None
) -> tuple[list[tuple[float, str]], Carry | None]:
    """From `start` (the "Nơi nhận" line, or the top of a continued page) down: the left
    column's lines, then the right column's, split in the middle of the first wide gap (or
    where the previous page split) and as long as no line runs across that point. The lines
    after, and a closing without a second column, stay as they are."""
    rest = [(line["top"], line["text"]) for line in lines[start:]]
    split = carry.split if carry else _first_split(page, lines[start:])
    if split is None:
        return rest, None
    if start >= len(lines):
        return rest, carry
    # A page number at the foot (often centred, so right of the split) is the page's, not a line
    # of the signature block: it stays below the columns, or is dropped when the right column
    # goes on over the page (clean_pages() would drop it, but only at the page's edge).
    foot = len(lines)
    while foot > start and PAGE_NUMBER.match(lines[foot - 1]["text"]):
        foot -= 1
    end, left, right = _column_block(page, lines[:foot], start, split)
    right = [*(carry.right if carry else []), *right]
    base = lines[start]["top"] - 1
    if end == foot:  # the closing may go on over the page
        return [(base + i * 1e-6, text) for i, text in enumerate(left)], Carry(split, right)
    ordered = [(base + i * 1e-6, text) for i, text in enumerate(left + right)]
    return ordered + rest[end - start :], None


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.extract():
        cells = [" ".join(cell.split()) for cell in row if cell is not None]
        if any(cells):
            rows.append(" | ".join(cells).rstrip())
    return rows


def _pages_pypdf(data: bytes) -> list[list[str]]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files log loudly
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError(ENCRYPTED)
    if len(reader.pages) > MAX_PAGES:
        raise ExtractionError(f"tệp PDF có quá nhiều trang (trên {MAX_PAGES} trang).")
    return [
        [line for line in (page.extract_text() or "").split("\n") if line.strip()]
        for page in reader.pages
    ]
