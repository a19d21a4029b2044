"""Bad input or our own bug? How the readers tell a damaged file from a defect of ours.

A third-party parser choking on a damaged file raises its own error types (zipfile's
BadZipFile, pdfminer's PDFSyntaxError, lxml's XMLSyntaxError, PIL's UnidentifiedImageError
...) or, deep inside its own code, plain KeyError, ValueError, struct.error. Both mean "the
file is damaged". An exception raised in our own code means a bug: the reader logs it with
its traceback and raises `ReaderBug`, which the app answers as an internal error, never as
"tệp bị hỏng".
"""

from __future__ import annotations

import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path
from types import TracebackType

from dxtrack.extraction.errors import ExtractionError

INTERNAL = (
    "lỗi nội bộ của chương trình khi đọc tệp (không phải do tệp). Lỗi đã được ghi vào nhật "
    "ký; hãy báo cho quản trị viên."
)
# Packages whose code parses untrusted bytes: an exception raised inside them is bad input.
PARSER_PACKAGES = frozenset(
    {"pdfminer", "pdfplumber", "pypdf", "pypdfium2", "docx", "lxml", "PIL", "zipfile", "zlib"}
    | {"xml", "struct", "olefile", "codecs", "encodings", "gzip", "bz2", "lzma", "base64"}
)

_ANCHORS = {"site-packages", "dist-packages"}
_STDLIB = re.compile(r"python3\.\d+")


class ReaderBug(ExtractionError):
    """A defect in our reading code (logged with its traceback): an internal error."""


def _parser_types() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = [
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        EOFError,
        UnicodeDecodeError,
    ]
    for module, names in (
        ("PIL", ("UnidentifiedImageError",)),
        ("lxml.etree", ("LxmlError",)),
        ("pdfminer.pdfparser", ("PDFSyntaxError",)),
        ("pdfminer.psexceptions", ("PSException",)),
        ("pdfminer.pdfexceptions", ("PDFException",)),
        ("pypdf.errors", ("PyPdfError",)),
        ("docx.opc.exceptions", ("OpcError",)),
        ("pypdfium2", ("PdfiumError",)),
    ):
        loaded = sys.modules.get(module)
        for name in names:
            kind = getattr(loaded, name, None) if loaded else None
            if isinstance(kind, type) and issubclass(kind, BaseException):
                found.append(kind)
    return tuple(found)


def _package(filename: str) -> str:
    """The top-level package of an installed or standard-library module's file, else ""."""
    parts = Path(filename).parts
    anchors = [i for i, p in enumerate(parts) if p in _ANCHORS or _STDLIB.fullmatch(p)]
    if not anchors or anchors[-1] + 1 >= len(parts):
        return ""
    return parts[anchors[-1] + 1].removesuffix(".py")


def _innermost(tb: TracebackType | None) -> str:
    filename = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return filename


def is_parser_error(exc: BaseException) -> bool:
    """True when `exc` comes from a third-party parser on bad input, False for our own bug."""
    if isinstance(exc, _parser_types()):
        return True
    innermost = _innermost(exc.__traceback__)
    if "/dxtrack/" in innermost.replace("\\", "/"):
        return False
    return _package(innermost) in PARSER_PACKAGES
