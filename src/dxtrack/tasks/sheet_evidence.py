"""Evidence for a progress sheet: one ZIP whose files are named by assignment id.

`125.pdf`, `125-bien-ban.jpg`, `125_anh 2.png` or any file in a folder `125/` belong to
assignment 125. Sizes are checked from the ZIP's directory before anything is inflated, and
again while reading (a forged directory cannot make a file larger than the limit); each file's
type is checked later, as a whole file, by the evidence storage (files.store_evidence).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from dxtrack.errors import Invalid
from dxtrack.files import clean_filename

MAX_FILES = 1000
_LEADING_ID = re.compile(r"(\d{1,12})(?:[\s._\-].*)?")


def assignment_of(name: str) -> int | None:
    """The assignment id a ZIP member's path names: the start of its name, else of its
    nearest folder."""
    path = PurePosixPath(name.replace("\\", "/"))
    for part in reversed(path.parts):
        match = _LEADING_ID.fullmatch(part)
        if match:
            return int(match.group(1))
    return None


def _members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = []
    for info in archive.infolist():
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or name.name.startswith(".") or "__MACOSX" in name.parts:
            continue
        members.append(info)
    if len(members) > MAX_FILES:
        raise Invalid(f"Tệp ZIP minh chứng có quá {MAX_FILES} tệp.")
    return members


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    limit = max_bytes // (1024 * 1024)
    too_big = Invalid(f"Tệp «{info.filename}» trong ZIP vượt quá {limit} MB.")
    if info.file_size > max_bytes:
        raise too_big
    with archive.open(info) as member:
        data = member.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_big
    return data


def read_evidence_zip(
    data: bytes | None, *, max_bytes: int
) -> tuple[dict[int, list[tuple[str, bytes]]], list[str]]:
    """(assignment id -> [(file name, bytes)], names that name no assignment)."""
    if not data:
        return {}, []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        files: dict[int, list[tuple[str, bytes]]] = {}
        unused: list[str] = []
        for info in _members(archive):
            assignment = assignment_of(info.filename)
            if assignment is None:
                unused.append(clean_filename(info.filename))
                continue
            name = clean_filename(info.filename)
            files.setdefault(assignment, []).append((name, _read(archive, info, max_bytes)))
        return files, unused
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise Invalid("Tệp minh chứng không phải tệp ZIP hợp lệ.") from None
