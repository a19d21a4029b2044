"""Reading layer: file bytes -> Unicode NFC text, one paragraph per line.

    read_bytes(data, filename, *, max_bytes=50 MB, progress=None) -> RawDocument
    read_file(path, *, max_bytes=50 MB, progress=None)            -> RawDocument
    needs_ocr(data, filename) -> bool   (cheap: no recognition)

Formats: .txt/.md (reader_text.py: UTF-8 with/without BOM, UTF-16, Windows-1258, TCVN3, VNI;
Markdown remnants of web copies removed), .docx (reader_docx.py), .doc and .odt (converted
to DOCX by LibreOffice, office.py), .pdf (reader_pdf.py: the text layer, and OCR for pages
without one, ocr_pdf.py), photos and scans .jpg/.jpeg/.png/.webp (OCR after cropping,
light and skew correction, ocr_image.py). Tables come out one row per line, cells joined by
" | ". `progress(pages_done, pages_total)` is called once with 0 pages done when OCR starts,
then after each page recognised.

Anything unreadable raises ExtractionError with a Vietnamese message naming the file and
the reason. A third-party parser failing on a damaged file is "tệp bị hỏng"; an exception
from our own code is logged with its traceback and raised as ReaderBug, an internal error
(reader_errors.py).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.reader_errors import INTERNAL, ReaderBug, is_parser_error
from dxtrack.extraction.reader_text import clean_markdown, read_text_bytes

__all__ = [
    "FORMATS",
    "RawDocument",
    "ReaderBug",
    "clean_markdown",
    "needs_ocr",
    "read_bytes",
    "read_file",
    "read_text_bytes",
]

logger = logging.getLogger(__name__)
MAX_BYTES = 50 * 1024 * 1024
TEXT_FORMATS = ("txt", "md")  # Markdown copied from a web page is plain text with remnants
OFFICE_FORMATS = ("doc", "odt")  # converted to DOCX by LibreOffice
IMAGE_FORMATS = ("jpg", "jpeg", "png", "webp")
FORMATS = (*TEXT_FORMATS, "docx", "pdf", *OFFICE_FORMATS, *IMAGE_FORMATS)
PARAGRAPH_FORMATS = ("docx", *OFFICE_FORMATS)  # one paragraph per line: nothing to rejoin
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RawDocument:
    text: str  # NFC, paragraphs separated by "\n"; table rows as lines, cells joined by " | "
    format: str  # the extension: "txt" | "md" | "docx" | "doc" | "odt" | "pdf" | "jpg" ...
    warnings: list[str] = field(default_factory=list)  # Vietnamese, shown to the user
    # How each page was read, when OCR read any: {"page", "ocr": bool} and for OCR'd pages
    # "confidence" (mean word confidence 0-100), "words", "text" (as recognised) and "low"
    # ([start, end] of each low-confidence word in that text). Empty without OCR.
    pages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ocr(self) -> bool:
        """Whether any page was read by OCR."""
        return any(page.get("ocr") for page in self.pages)

    @property
    def confidence(self) -> float | None:
        """Mean word confidence over the OCR'd pages (0-100), None without OCR."""
        scores = [p["confidence"] for p in self.pages if p.get("confidence") is not None]
        return round(sum(scores) / len(scores), 1) if scores else None


def failure(filename: str, reason: str) -> ExtractionError:
    return ExtractionError(f"Không đọc được tệp '{filename}': {reason}")


def _too_large(size: int, max_bytes: int) -> str:
    mb = 1024 * 1024
    return f"tệp quá lớn ({size / mb:.1f} MB; giới hạn {max_bytes / mb:.0f} MB)."


def _extension(filename: str) -> str:
    return Path(filename).suffix.lower().lstrip(".")


def read_file(
    path: str | Path, *, max_bytes: int = MAX_BYTES, progress: Progress | None = None
) -> RawDocument:
    """Read a file from disk; the size is checked before any byte is read."""
    p = Path(path)
    name = p.name or str(path)
    if _extension(name) not in FORMATS:
        raise failure(name, _unsupported(name))
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise failure(name, "đây không phải là một tệp.")
        if size > max_bytes:
            raise failure(name, _too_large(size, max_bytes))
        with p.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise failure(name, "không tìm thấy tệp.") from None
    except OSError as exc:
        raise failure(name, f"không mở được tệp ({exc.strerror or 'lỗi hệ thống'}).") from None
    return read_bytes(data, name, max_bytes=max_bytes, progress=progress)


def _unsupported(name: str) -> str:
    ext = _extension(name)
    shown = f"'.{ext}'" if ext else "không có phần mở rộng"
    hint = " Hãy lưu lại dưới dạng DOCX." if ext in ("rtf", "wps", "pages") else ""
    accepted = ", ".join(f".{e}" for e in FORMATS)
    return f"định dạng {shown} không được hỗ trợ (chỉ nhận {accepted}).{hint}"


def needs_ocr(data: bytes, filename: str) -> bool:
    """True when reading the file will run OCR: a photo or scan image, or a PDF with a page
    without a text layer. Cheap (no recognition); False for a file that cannot be opened."""
    ext = _extension(filename)
    if ext in IMAGE_FORMATS:
        return True
    if ext != "pdf":
        return False
    from dxtrack.extraction.ocr_pdf import scan_pages

    try:
        return bool(scan_pages(data))
    except Exception as exc:
        if not is_parser_error(exc):
            logger.exception("needs_ocr failed file=%s", filename)
        return False


def read_bytes(
    data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, progress: Progress | None = None
) -> RawDocument:
    """Read a document held in memory; the format comes from the file extension."""
    name = Path(filename).name or filename
    ext = _extension(name)
    if ext not in FORMATS:
        raise failure(name, _unsupported(name))
    if len(data) > max_bytes:
        raise failure(name, _too_large(len(data), max_bytes))
    if not data.strip():
        raise failure(name, "tệp rỗng.")
    try:
        text, warnings, pages = _read(data, ext, max_bytes=max_bytes, progress=progress)
    except ExtractionError as exc:  # reader modules raise the bare reason
        raise failure(name, exc.message) from None
    except (RecursionError, MemoryError):
        raise failure(name, "tệp quá phức tạp hoặc bị hỏng, không xử lý được.") from None
    except Exception as exc:
        if not is_parser_error(exc):
            logger.exception("reader failed file=%s format=%s", name, ext)
            raise ReaderBug(f"Không đọc được tệp '{name}': {INTERNAL}") from exc
        kind = "ảnh" if ext in IMAGE_FORMATS else ext.upper()
        raise failure(name, f"tệp {kind} bị hỏng hoặc không đúng định dạng.") from None
    text = unicodedata.normalize("NFC", text).strip("\n")
    if not text.strip():
        raise failure(name, "tệp không có nội dung văn bản.")
    return RawDocument(text=text, format=ext, warnings=warnings, pages=pages)


def _read(
    data: bytes, ext: str, *, max_bytes: int, progress: Progress | None
) -> tuple[str, list[str], list[dict[str, Any]]]:
    """(text, warnings, pages) of one format; reader modules raise bare reasons."""
    if ext in TEXT_FORMATS:
        return (*read_text_bytes(data), [])
    if ext in OFFICE_FORMATS:
        from dxtrack.extraction.office import read_office

        data = read_office(data, ext)
        ext = "docx"
    if ext == "docx":
        from dxtrack.extraction.reader_docx import read_docx

        return (*read_docx(data, max_unpacked=4 * max_bytes), [])
    if ext in IMAGE_FORMATS:
        from dxtrack.extraction.ocr_photo import read_image

        return read_image(data, progress=progress)
    from dxtrack.extraction.reader_pdf import read_pdf

    return read_pdf(data, max_unpacked=4 * max_bytes, progress=progress)
