"""Content-addressed file storage under the data directory, and type sniffing."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

from dxtrack.errors import Invalid

EVIDENCE_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
}


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


def check_evidence(filename: str, data: bytes, *, max_bytes: int) -> str:
    """The sniffed type of an evidence file; Invalid when too big or of another type."""
    if len(data) > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise Invalid(f"Tệp «{filename}» vượt quá dung lượng cho phép ({limit} MB).")
    kind = sniff_type(data)
    if kind is None:
        raise Invalid(
            f"Tệp «{filename}» không phải PDF, DOCX, XLSX, JPG hoặc PNG hợp lệ "
            "(kiểm tra theo nội dung tệp)."
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
        (name, check_evidence(name, data, max_bytes=max_bytes), data) for name, data in files
    ]
    stored = []
    for name, kind, data in checked:
        digest, relative = store_blob(root, data, suffix=f".{kind}")
        stored.append(
            StoredFile(Path(name).name, EVIDENCE_TYPES[kind], len(data), digest, relative)
        )
    return stored
