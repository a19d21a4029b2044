"""Evidence types are sniffed from the content, never from the file name."""

from __future__ import annotations

import io

import pytest
from builders import minimal_pdf, minimal_png
from docx import Document as DocxDocument
from openpyxl import Workbook

from dxtrack.errors import Invalid
from dxtrack.files import (
    StoredFile,
    check_evidence,
    sha256_hex,
    sniff_type,
    store_blob,
    store_evidence,
)


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


class TestStoreEvidence:
    def test_returns_the_row_columns_and_stores_each_file(self, tmp_path):
        pdf, png = minimal_pdf(), minimal_png()
        stored = store_evidence(
            tmp_path, [("ho-so/bao-cao.pdf", pdf), ("anh.jpeg", png)], max_bytes=1000
        )
        assert (
            stored
            == [
                StoredFile(
                    filename="bao-cao.pdf",
                    content_type="application/pdf",
                    size=len(pdf),
                    sha256=sha256_hex(pdf),
                    stored_path=f"{sha256_hex(pdf)[:2]}/{sha256_hex(pdf)}.pdf",
                ),
                StoredFile(
                    filename="anh.jpeg",
                    content_type="image/png",  # sniffed from the bytes, not the name
                    size=len(png),
                    sha256=sha256_hex(png),
                    stored_path=f"{sha256_hex(png)[:2]}/{sha256_hex(png)}.png",
                ),
            ]
        )
        assert [(tmp_path / f.stored_path).read_bytes() for f in stored] == [pdf, png]

    def test_same_content_stored_once(self, tmp_path):
        first, second = store_evidence(
            tmp_path, [("a.pdf", minimal_pdf()), ("b.pdf", minimal_pdf())], max_bytes=1000
        )
        assert first.stored_path == second.stored_path
        assert (first.filename, second.filename) == ("a.pdf", "b.pdf")
        assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            (("virus.pdf", b"MZ\x90\x00"), "Tệp «virus.pdf» không phải PDF"),
            (("lon.pdf", minimal_pdf() + b" " * 1000), "Tệp «lon.pdf» vượt quá"),
        ],
        ids=["type", "size"],
    )
    def test_one_bad_file_stores_nothing(self, tmp_path, bad, message):
        with pytest.raises(Invalid, match=message):
            store_evidence(tmp_path, [("tot.pdf", minimal_pdf()), bad], max_bytes=1000)
        assert list(tmp_path.iterdir()) == []

    def test_no_files(self, tmp_path):
        assert store_evidence(tmp_path, [], max_bytes=1000) == []
