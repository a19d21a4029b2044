"""LibreOffice headless conversions: .doc and .odt read as DOCX; report DOCX printed to PDF.

    find_soffice()                        -> the `soffice` binary on PATH, or None
    convert(soffice, data, suffix, to)    -> the converted file's bytes
    read_office(data, ext)                -> the DOCX bytes of a .doc/.odt (ExtractionError
                                             with install advice when LibreOffice is missing)

Each call uses a private LibreOffice profile in a temporary directory, so conversions may
run at the same time. reports/pdf.py prints reports through the same `convert()`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dxtrack.extraction.errors import ExtractionError

TIMEOUT_S = 180
PACKAGE = "libreoffice-writer-nogui"
MISSING = (
    "máy chủ chưa cài LibreOffice nên không đọc được tệp .{ext}. Hãy cài bằng lệnh "
    f"«apt-get install --no-install-recommends {PACKAGE}», hoặc mở tệp bằng Word hoặc "
    "LibreOffice và lưu lại dưới dạng DOCX."
)
SLOW = "LibreOffice chuyển đổi tệp .{ext} quá lâu (trên 3 phút); hãy lưu lại dưới dạng DOCX."
FAILED = "tệp .{ext} bị hỏng hoặc LibreOffice không chuyển được tệp này sang DOCX."


class ConversionFailed(Exception):
    """LibreOffice ran but produced no file."""


class ConversionTimeout(Exception):
    """LibreOffice did not finish within the time limit."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(soffice: str, data: bytes, *, suffix: str, to: str, timeout: int = TIMEOUT_S) -> bytes:
    """`data` (a file ending in `suffix`) converted by LibreOffice to the format `to`."""
    with tempfile.TemporaryDirectory(prefix="dxtrack-office-") as tmp:
        work = Path(tmp)
        source = work / f"van-ban{suffix}"
        source.write_bytes(data)
        out = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionTimeout from None
        target = out / f"van-ban.{to.split(':')[0]}"
        if not target.exists():
            raise ConversionFailed
        return target.read_bytes()


_MAGIC = {
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf"),  # Word 97-2003; RTF named .doc
    "odt": (b"PK\x03\x04",),
}
NOT_OFFICE = "tệp .{ext} bị hỏng hoặc không đúng định dạng."


def read_office(data: bytes, ext: str) -> bytes:
    """The DOCX LibreOffice makes of a .doc or .odt file (bare reasons in ExtractionError).
    The file's first bytes must be those of its format: LibreOffice would read anything
    (plain text, HTML) as a document."""
    if not data.startswith(_MAGIC[ext]):
        raise ExtractionError(NOT_OFFICE.format(ext=ext))
    if ext == "odt" and b"application/vnd.oasis.opendocument.text" not in data[:200]:
        raise ExtractionError(NOT_OFFICE.format(ext=ext))
    soffice = find_soffice()
    if soffice is None:
        raise ExtractionError(MISSING.format(ext=ext))
    try:
        return convert(soffice, data, suffix=f".{ext}", to="docx:MS Word 2007 XML")
    except ConversionTimeout:
        raise ExtractionError(SLOW.format(ext=ext)) from None
    except ConversionFailed:
        raise ExtractionError(FAILED.format(ext=ext)) from None
