""".doc and .odt read through LibreOffice (converted to DOCX), or refused with install advice."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from ocrhelp import needs_soffice

from dxtrack.extraction import ExtractionError
from dxtrack.extraction.office import convert, find_soffice
from dxtrack.extraction.readers import read_bytes

PARAGRAPHS = [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    "Số: 88/UBND-KT",
    "1. Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí.",
    "2. Sở Nội vụ theo dõi, đôn đốc thực hiện.",
]


def letter_docx() -> bytes:
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def office_files() -> dict[str, bytes]:
    """The letter saved by LibreOffice as Word 97 .doc and as .odt (made once)."""
    soffice = find_soffice()
    assert soffice is not None
    source = letter_docx()
    return {
        "doc": convert(soffice, source, suffix=".docx", to="doc:MS Word 97"),
        "odt": convert(soffice, source, suffix=".docx", to="odt"),
    }


@needs_soffice
class TestConverted:
    @pytest.mark.parametrize("ext", ["doc", "odt"])
    def test_paragraphs_read(self, office_files: dict[str, bytes], ext: str) -> None:
        doc = read_bytes(office_files[ext], f"cong-van.{ext}")
        assert doc.format == ext and not doc.ocr
        assert doc.text.split("\n") == PARAGRAPHS

    @pytest.mark.parametrize("ext", ["doc", "odt"])
    def test_not_really_that_format(self, ext: str) -> None:
        with pytest.raises(
            ExtractionError, match=rf"tệp \.{ext} bị hỏng hoặc không đúng định dạng"
        ):
            read_bytes(b"just some text saved with the wrong name", f"x.{ext}")

    def test_truncated_doc(self, office_files: dict[str, bytes]) -> None:
        data = office_files["doc"][:1500]
        with pytest.raises(ExtractionError, match=r"'x\.doc': tệp \.doc bị hỏng"):
            read_bytes(data, "x.doc")


class TestWithoutLibreOffice:
    def test_install_advice(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on PATH: the real lookup
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
        with pytest.raises(ExtractionError) as info:
            read_bytes(ole, "cu.doc")
        message = info.value.message
        assert message.startswith("Không đọc được tệp 'cu.doc': máy chủ chưa cài LibreOffice")
        assert "apt-get install --no-install-recommends libreoffice-writer-nogui" in message
