"""A damaged file is "tệp bị hỏng"; a defect in our own reading code is an internal error,
logged with its traceback (issue 13, item 5)."""

from __future__ import annotations

import io
import logging
import zipfile

import pdfplumber.page
import pytest
from PIL import Image

from dxtrack.extraction import ExtractionError
from dxtrack.extraction.reader_errors import ReaderBug, is_parser_error
from dxtrack.extraction.readers import read_bytes


def raised(function, *args):  # type: ignore[no-untyped-def]
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - the exception is the result
        return exc
    raise AssertionError("nothing raised")


class TestClassification:
    def test_parser_types(self) -> None:
        assert is_parser_error(raised(zipfile.ZipFile, io.BytesIO(b"PK not a zip")))
        assert is_parser_error(raised(Image.open, io.BytesIO(b"no image")))

    def test_plain_error_inside_a_parser(self) -> None:
        archive = zipfile.ZipFile(io.BytesIO(_zip()))
        exc = raised(archive.getinfo, "word/document.xml")  # KeyError raised in zipfile
        assert isinstance(exc, KeyError) and is_parser_error(exc)

    def test_plain_error_in_our_code(self) -> None:
        def ours() -> None:
            raise KeyError("top")

        assert not is_parser_error(raised(ours))


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.xml", "<x/>")
    return buffer.getvalue()


class TestReadBytes:
    def test_damaged_docx_is_corrupted(self) -> None:
        data = _zip().replace(b"other.xml", b"word/x.xml")
        with pytest.raises(ExtractionError) as info:
            read_bytes(data, "hong.docx")
        assert not isinstance(info.value, ReaderBug)
        assert "bị hỏng" in info.value.message

    def test_bug_in_our_code_is_internal_and_logged(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, "Enough text on this page to be read as a text layer page.")
        # pdfplumber answering in a shape our code does not expect: the KeyError is raised in
        # our reader (dxtrack/extraction/reader_pdf.py), so it is our bug, not a damaged file
        monkeypatch.setattr(pdfplumber.page.Page, "extract_text_lines", lambda self, **kw: [{}])
        with caplog.at_level(logging.ERROR, logger="dxtrack"), pytest.raises(ReaderBug) as info:
            read_bytes(bytes(pdf.output()), "vb.pdf")
        assert "lỗi nội bộ" in info.value.message and "bị hỏng" not in info.value.message
        record = next(r for r in caplog.records if r.name == "dxtrack.extraction.readers")
        assert "reader failed file=vb.pdf" in record.getMessage()
        assert record.exc_info is not None and record.exc_info[0] is KeyError
