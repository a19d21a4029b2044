"""Evidence types are sniffed from the content, never from the file name."""

from __future__ import annotations

import io

import pytest
from builders import minimal_pdf
from docx import Document as DocxDocument
from openpyxl import Workbook

from dxtrack.errors import Invalid
from dxtrack.files import check_evidence, sniff_type, store_blob


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    DocxDocument().save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


class TestSniffType:
    @pytest.mark.parametrize(
        ("data", "kind"),
        [
            (minimal_pdf(), "pdf"),
            (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "png"),
            (b"\xff\xd8\xff\xe0" + b"\x00" * 8, "jpg"),
            (docx_bytes(), "docx"),
            (xlsx_bytes(), "xlsx"),
            (b"PK\x03\x04 not a zip", None),
            (b"<html>", None),
        ],
        ids=["pdf", "png", "jpg", "docx", "xlsx", "broken-zip", "html"],
    )
    def test_kinds(self, data: bytes, kind: str | None):
        assert sniff_type(data) == kind

    def test_renamed_executable_refused(self):
        with pytest.raises(Invalid):
            check_evidence("bao-cao.pdf", b"MZ\x90\x00", max_bytes=1000)


class TestStoreBlob:
    def test_same_content_same_path(self, tmp_path):
        first = store_blob(tmp_path, b"abc", suffix=".TXT")
        assert store_blob(tmp_path, b"abc", suffix=".txt") == first
        assert (tmp_path / first[1]).read_bytes() == b"abc"
