"""Content-addressed file storage under the data directory, and type sniffing."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

from dxtrack.errors import Invalid
from dxtrack.extraction.bombs import pdf_stream_bytes, zip_bytes

EVIDENCE_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
}


MAX_NAME = 200
MAX_PIXELS = 60_000_000  # a 60-megapixel photo; larger images are refused before decoding
# Control characters (C0, DEL, C1) and the bidirectional overrides that disguise an extension.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SUFFIX = re.compile(r"\.[0-9A-Za-z]{1,10}")


def clean_filename(name: str) -> str:
    """A file name as shown and stored: no directories, no control or bidi characters, NFC,
    at most MAX_NAME characters (the extension kept)."""
    name = unicodedata.normalize("NFC", _UNSAFE.sub("", name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip().strip(".")
    if len(name) > MAX_NAME:
        suffix = Path(name).suffix[:11]
        name = name[: MAX_NAME - len(suffix)] + suffix
    return name or "tep"


def safe_suffix(name: str) -> str:
    """The name's extension when it is a plain one (stored files are named <sha256><suffix>)."""
    suffix = Path(clean_filename(name)).suffix
    return suffix.lower() if _SUFFIX.fullmatch(suffix) else ""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_blob(root: Path, data: bytes, *, suffix: str = "") -> tuple[str, str]:
    """Write `data` once under root/ab/<sha256><suffix>; returns (sha256, relative path)."""
    digest = sha256_hex(data)
    relative = Path(digest[:2]) / f"{digest}{suffix.lower()}"
    target = root / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # A name of its own: two processes storing the same content at once must not share
        # (and truncate) one temporary file; the last rename wins, with identical bytes.
        partial = target.with_name(f"{target.name}.{uuid4().hex}.part")
        partial.write_bytes(data)
        partial.replace(target)
    return digest, relative.as_posix()


def _zip_kind(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff_type(data: bytes) -> str | None:
    """The evidence type from the content itself (never the name), or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


def _whole_file(kind: str, data: bytes, *, limit: int) -> bool:
    """True when the whole file parses as its type (not only its first bytes)."""
    try:
        if kind == "pdf":
            return pdf_stream_bytes(data, limit=limit) <= limit and _pdf_pages(data) > 0
        if kind in ("png", "jpg"):
            return _image_ok(data)
        archive = zipfile.ZipFile(io.BytesIO(data))
        return zip_bytes(archive, limit=limit) <= limit and "[Content_Types].xml" in set(
            archive.namelist()
        )
    except Exception:  # noqa: BLE001 - every parser failure means "not a valid file"
        return False


def _pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data), strict=False).pages)


def _image_ok(data: bytes) -> bool:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            return False
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # decodes every pixel: a truncated or forged body fails here
    return True


def check_evidence(filename: str, data: bytes, *, max_bytes: int) -> str:
    """The sniffed type of an evidence file, checked as a whole file of that type; Invalid when
    too big, of another type, or only dressed as one (a PDF header over anything else)."""
    if len(data) > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise Invalid(f"Tệp «{filename}» vượt quá dung lượng cho phép ({limit} MB).")
    kind = sniff_type(data)
    if kind is None:
        raise Invalid(
            f"Tệp «{filename}» không phải PDF, DOCX, XLSX, JPG hoặc PNG hợp lệ "
            "(kiểm tra theo nội dung tệp)."
        )
    if not _whole_file(kind, data, limit=4 * max_bytes):
        raise Invalid(
            f"Tệp «{filename}» có phần đầu của tệp {kind.upper()} nhưng nội dung bị hỏng hoặc "
            "không phải tệp hợp lệ; hãy mở thử rồi lưu lại."
        )
    return kind


@dataclass(frozen=True)
class StoredFile:
    """A stored evidence file: the columns its row needs (same names in every domain)."""

    filename: str
    content_type: str
    size: int
    sha256: str
    stored_path: str


def store_evidence(
    root: Path, files: Iterable[tuple[str, bytes]], *, max_bytes: int
) -> list[StoredFile]:
    """Check every (name, bytes) with `check_evidence()`, then store each under `root`.

    Nothing is written unless every file passes (Invalid names the first that does not).
    """
    checked = [
        (
            clean_filename(name),
            check_evidence(clean_filename(name), data, max_bytes=max_bytes),
            data,
        )
        for name, data in files
    ]
    stored = []
    for name, kind, data in checked:
        digest, relative = store_blob(root, data, suffix=f".{kind}")
        stored.append(StoredFile(name, EVIDENCE_TYPES[kind], len(data), digest, relative))
    return stored
