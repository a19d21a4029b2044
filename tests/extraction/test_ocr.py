"""OCR: scanned PDFs, mixed PDFs, photos, progress, needs_ocr, a missing Tesseract.

Pages are drawn at 200 dpi with a serif font (ocrhelp.py) and read by the real Tesseract."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ocrhelp import (
    degrade,
    image_bytes,
    needs_tesseract,
    page_image,
    photo,
    scan_pdf,
    text_pdf_with_scan,
)

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import ExtractionError, extract_bytes, extract_text
from dxtrack.extraction.ocr import parse_tsv
from dxtrack.extraction.readers import needs_ocr, read_bytes

LETTER = [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    "Số: 1545/UBND-KGVX",
    "V/v triển khai chuyển đổi số năm 2025",
    "An Giang, ngày 16 tháng 11 năm 2025",
    "Kính gửi: Các sở, ban, ngành tỉnh.",
    "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở,",
    "ngành rà soát nhiệm vụ chuyển đổi số; hoàn thành trước ngày",
    "30/12/2025.",
    "2. Sở Tài chính bố trí kinh phí thực hiện.",
]
SIGNATURE = ["Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


@pytest.fixture(scope="module")
def letter_page():  # type: ignore[no-untyped-def]
    return page_image(LETTER)


def one_line(text: str) -> str:
    return " ".join(text.split())


@needs_tesseract
class TestScannedPdf:
    def test_read_by_ocr_with_progress(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        data = scan_pdf([letter_page])
        calls: list[tuple[int, int]] = []
        doc = read_bytes(data, "scan.pdf", progress=lambda done, total: calls.append((done, total)))
        assert calls == [(0, 1), (1, 1)]
        assert doc.format == "pdf" and doc.ocr
        assert doc.pages[0]["ocr"] is True and doc.pages[0]["confidence"] > 80
        assert doc.confidence == doc.pages[0]["confidence"]
        text = one_line(doc.text)
        assert "Số: 1545/UBND-KGVX" in text
        assert "Sở Tài chính bố trí kinh phí thực hiện." in text
        assert "OCR" in doc.warnings[0] and "1/1 trang" in doc.warnings[0]

    def test_skewed_speckled_jpeg_scan(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        doc = read_bytes(scan_pdf([degrade(letter_page)]), "scan.pdf")
        assert "1545/UBND-KGVX" in doc.text
        assert "Sở Tài chính bố trí kinh phí" in one_line(doc.text)

    def test_extraction_of_a_scan(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        result = extract_bytes(
            scan_pdf([letter_page]), "scan.pdf", directory=extraction_directory()
        ).to_dict()
        assert result["number"] == "1545/UBND-KGVX"
        assert result["issued_date"] == "2025-11-16"
        leads = [t["lead"] for t in result["tasks"]]
        assert ["Sở Khoa học và Công nghệ"] in leads
        assert result["pages"][0]["ocr"] is True

    def test_low_confidence_spans_point_at_words(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        page = read_bytes(scan_pdf([degrade(letter_page, speckle=0.01)]), "s.pdf").pages[0]
        for start, end in page["low"]:
            assert page["text"][start:end].strip() == page["text"][start:end] != ""


@needs_tesseract
class TestMixedPdf:
    def test_text_page_read_as_text_scan_page_by_ocr(self) -> None:
        data = text_pdf_with_scan(LETTER, page_image(SIGNATURE))
        assert needs_ocr(data, "hon-hop.pdf")
        calls: list[tuple[int, int]] = []
        doc = read_bytes(data, "hon-hop.pdf", progress=lambda d, t: calls.append((d, t)))
        assert calls == [(0, 1), (1, 1)]  # only the scanned page is recognised
        assert [p["ocr"] for p in doc.pages] == [False, True]
        lines = doc.text.split("\n")
        assert lines[: len(LETTER)] == LETTER  # the text layer, exactly
        assert "PHÓ CHỦ TỊCH" in doc.text and "Nguyễn Văn An" in doc.text


class TestNeedsOcr:
    def test_text_pdf_and_other_formats(self) -> None:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, "Plain text layer with enough characters to be a text page.")
        assert not needs_ocr(bytes(pdf.output()), "a.pdf")
        assert not needs_ocr(b"Van ban", "a.txt")
        assert not needs_ocr(b"not a pdf at all /Image", "a.pdf")

    def test_images_always(self) -> None:
        assert needs_ocr(b"anything", "anh.JPG") and needs_ocr(b"x", "scan.png")


@needs_tesseract
class TestPhotos:
    @pytest.mark.parametrize("fmt, name", [("JPEG", "anh.jpg"), ("PNG", "anh.png")])
    def test_photo_of_a_letter(self, letter_page, fmt: str, name: str) -> None:  # type: ignore[no-untyped-def]
        data = image_bytes(photo(letter_page), fmt)
        calls: list[tuple[int, int]] = []
        doc = read_bytes(data, name, progress=lambda d, t: calls.append((d, t)))
        assert calls == [(0, 1), (1, 1)] and doc.ocr
        assert "1545/UBND-KGVX" in doc.text
        assert "Kính gửi: Các sở, ban, ngành tỉnh." in one_line(doc.text)

    def test_broken_image(self) -> None:
        with pytest.raises(ExtractionError, match=r"'anh\.jpg': tệp ảnh bị hỏng"):
            read_bytes(b"\xff\xd8\xff\xe0 not really a jpeg", "anh.jpg")

    def test_blank_photo(self) -> None:
        from PIL import Image

        blank = image_bytes(Image.new("L", (800, 1100), 255), "PNG")
        with pytest.raises(ExtractionError, match="không nhận dạng được chữ nào trong ảnh"):
            read_bytes(blank, "trang.png")


class TestWithoutTesseract:
    """A server without Tesseract: PATH holds no `tesseract` (the real lookup, no mock)."""

    @pytest.fixture
    def no_tesseract(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.setenv("PATH", str(tmp_path))

    @pytest.mark.usefixtures("no_tesseract")
    def test_scan_pdf_names_the_packages(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ExtractionError) as info:
            read_bytes(scan_pdf([letter_page]), "scan.pdf")
        assert info.value.message.startswith("Không đọc được tệp 'scan.pdf': máy chủ chưa cài")
        assert "apt-get install tesseract-ocr tesseract-ocr-vie" in info.value.message

    @pytest.mark.usefixtures("no_tesseract")
    def test_photo_names_the_packages(self, letter_page) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ExtractionError, match="tesseract-ocr tesseract-ocr-vie"):
            read_bytes(image_bytes(letter_page, "PNG"), "anh.png")

    @pytest.mark.usefixtures("no_tesseract")
    def test_text_pdf_still_read(self) -> None:
        data = text_pdf_with_scan(LETTER, page_image(SIGNATURE))
        with pytest.raises(ExtractionError, match="tesseract-ocr"):
            read_bytes(data, "hon-hop.pdf")  # its scanned page cannot be read: said, not skipped
        assert os.environ["PATH"]


class TestTsv:
    def test_lines_confidence_and_low_words(self) -> None:
        header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        rows = [
            "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96.5\tSở",
            "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t40.0\tY",
            "4\t1\t1\t1\t2\t0\t0\t0\t1\t1\t-1\t",
            "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t90.0\ttế",
        ]
        page = parse_tsv("\n".join([header, *rows]) + "\n", number=2)
        assert page.text == "Sở Y\ntế"
        assert page.low == [(3, 4)] and page.text[3:4] == "Y"
        assert page.confidence == pytest.approx((96.5 + 40 + 90) / 3)
        assert page.to_dict()["page"] == 2 and page.words == 3


def _tsv(lines: list[list[tuple[str, int, int]]], width: int = 2480) -> str:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [header, f"1\t1\t0\t0\t0\t0\t0\t0\t{width}\t3508\t-1\t"]
    for n, words in enumerate(lines, start=1):
        for k, (text, left, right) in enumerate(words, start=1):
            rows.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{n * 60}\t{right - left}\t40\t95\t{text}")
    return "\n".join(rows) + "\n"


def _words(words: list[str], left: int) -> list[tuple[str, int, int]]:
    """Words of one line from `left`, 20 px apart, 25 px a letter."""
    out = []
    for word in words:
        out.append((word, left, left + 25 * len(word)))
        left += 25 * len(word) + 20
    return out


class TestColumns:
    """The letterhead and the closing read column by column (ocr_layout.py)."""

    def test_letterhead_then_body(self) -> None:
        tsv = _tsv(
            [
                [("ỦY", 200, 300), ("BAN", 320, 450), ("CỘNG", 1300, 1500), ("HÒA", 1520, 1700)],
                [("Số:", 200, 280), ("12/UBND", 300, 600), ("Hà", 1300, 1380), ("Nội", 1400, 1500)],
                [
                    ("Kính", 300, 450),
                    ("gửi:", 470, 600),
                    ("các", 620, 700),
                    ("sở,", 720, 1000),
                    ("ngành.", 1020, 1400),
                ],
            ]
        )
        assert (
            parse_tsv(tsv, number=1).text
            == "ỦY BAN\nSố: 12/UBND\nCỘNG HÒA\nHà Nội\nKính gửi: các sở, ngành."
        )
        assert parse_tsv(tsv, number=2).text.startswith("ỦY BAN CỘNG HÒA\n")  # not page 1

    def test_wrapped_issuer_is_one_issuer(self) -> None:
        """The issuer wraps in its column ("BỘ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG"): the metadata
        rules read it as one name, not its last line (cases/letterhead.txt for the rule)."""
        left = ["BỘ", "NÔNG", "NGHIỆP", "VÀ", "MÔI"]
        motto = ["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"]
        date = ["Hà", "Nội,", "ngày", "27", "tháng", "02", "năm", "2026"]
        body = ["Căn", "cứ", "Luật", "Bảo", "vệ", "môi", "trường", "ngày", "17/11/2020;"]
        motto_2 = ["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"]
        tsv = _tsv(
            [
                _words(left, 200) + _words(motto, 1300),
                _words(["TRƯỜNG"], 350) + _words(motto_2, 1450),
                _words(["Số:", "699/QĐ-BNNMT"], 200) + _words(date, 1300),
                _words(body, 320),  # "trường" across the gutter: the block ends
            ]
        )
        text = parse_tsv(tsv, number=1).text
        assert text.startswith("BỘ NÔNG NGHIỆP VÀ MÔI\nTRƯỜNG\nSố: 699/QĐ-BNNMT\nCỘNG HÒA")
        result = extract_text(text, directory=extraction_directory())
        assert (result.issuer, result.number, result.place, result.issued_date) == (
            "Bộ Nông nghiệp và Môi trường",
            "699/QĐ-BNNMT",
            "Hà Nội",
            "2026-02-27",
        )

    def test_closing(self) -> None:
        tsv = _tsv(
            [
                [("Trân", 300, 420), ("trọng./.", 440, 700)],
                [("Nơi", 200, 280), ("nhận:", 300, 450), ("KT.", 1400, 1480), ("GIÁM", 1500, 1700)],
                [("-", 200, 220), ("Như", 240, 330), ("trên;", 350, 450), ("Trần", 1400, 1520)],
            ]
        )
        text = parse_tsv(tsv, number=2).text
        assert text == "Trân trọng./.\nNơi nhận:\n- Như trên;\nKT. GIÁM\nTrần"
