"""Property-based tests: any input is read or refused with ExtractionError; a hostile container
is refused without being unpacked (peak memory far below its unpacked size).

Speed is measured by benchmarks (benchmarks/bench_hostile.py: hostile Markdown lines, the
bombs), never here: wall-clock asserts fail on a loaded machine."""

from __future__ import annotations

import importlib
import io
import unicodedata
import zipfile
import zlib
from functools import cache
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dxtrack.extraction import ExtractionError
from dxtrack.extraction.readers import RawDocument, clean_markdown, read_bytes, read_file

try:
    from test_readers import MB, refusal_and_peak, to_cp1258
except ImportError:  # tests/extraction imported as a package
    from .test_readers import MB, refusal_and_peak, to_cp1258  # type: ignore[no-redef]

FAST = settings(
    max_examples=120,
    deadline=None,  # speed is benchmarked; a Hypothesis deadline is a wall-clock assert
    suppress_health_check=[HealthCheck.too_slow],
)
SYLLABLES = [
    "của", "các", "và", "trong", "thực", "hiện", "nhiệm", "vụ", "chuyển", "đổi", "số", "tỉnh",
    "ủy", "ban", "nhân", "dân", "sở", "ngành", "đề", "nghị", "giao", "chủ", "trì", "phối",
    "hợp", "báo", "cáo", "trước", "ngày", "tháng", "năm", "quý", "hằng", "khẩn", "trương",
    "được", "những", "người", "việc", "rà", "soát", "bảo", "đảm", "tiến", "độ", "hoàn",
    "thành", "Nghị", "quyết", "Chính", "phủ", "Bộ",
]  # fmt: skip


def read_or_refuse(data: bytes, filename: str) -> RawDocument | None:
    try:
        doc = read_bytes(data, filename)
    except ExtractionError as exc:
        assert exc.message.startswith(f"Không đọc được tệp '{filename}': ")
        return None
    assert doc.format == filename.rsplit(".", 1)[1]
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    assert doc.text.strip()
    return doc


@cache
def sample_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Giao Sở Nội vụ chủ trì thực hiện.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "STT"
    table.cell(1, 1).text = "Sở Tài chính"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def sample_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    for page in range(2):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 8, f"Page {page + 1}: Giao So Noi vu chu tri", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def mutate(data: bytes, cuts: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in cuts:
        out[position % len(out)] = value
    return bytes(out)


class TestAnyBytes:
    @FAST
    @given(st.binary(max_size=4096), st.sampled_from(["txt", "docx", "pdf"]))
    def test_random_bytes(self, data: bytes, ext: str) -> None:
        read_or_refuse(data, f"x.{ext}")

    @FAST
    @given(st.sampled_from([b"PK\x03\x04", b"%PDF-1.7\n", b"\xef\xbb\xbf", b"\xff\xfe"]),
           st.binary(max_size=2048), st.sampled_from(["txt", "docx", "pdf"]))  # fmt: skip
    def test_magic_prefix_then_garbage(self, prefix: bytes, data: bytes, ext: str) -> None:
        read_or_refuse(prefix + data, f"x.{ext}")

    @FAST
    @given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
           st.integers(1, 10**6))  # fmt: skip
    def test_damaged_docx(self, flips: list[tuple[int, int]], cut: int) -> None:
        data = mutate(sample_docx(), flips)
        read_or_refuse(data[: max(1, cut % (len(data) + 1))], "x.docx")

    @FAST
    @given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
           st.integers(1, 10**6))  # fmt: skip
    def test_damaged_pdf(self, flips: list[tuple[int, int]], cut: int) -> None:
        data = mutate(sample_pdf(), flips)
        read_or_refuse(data[: max(1, cut % (len(data) + 1))], "x.pdf")


class TestAnyText:
    @FAST
    @given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    def test_any_unicode_text(self, text: str, encoding: str) -> None:
        read_or_refuse(text.encode(encoding, errors="surrogatepass"), "x.txt")

    @FAST
    @given(st.lists(st.sampled_from(SYLLABLES), min_size=5, max_size=200),
           st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))  # fmt: skip
    def test_vietnamese_round_trip(self, words: list[str], encoding: str) -> None:
        # five words at least: BOM-less UTF-16 is recognised by the NULs of ASCII characters
        text = " ".join(words)
        doc = read_bytes(text.encode(encoding), "x.txt")
        assert doc.text == text

    @FAST
    @given(st.lists(st.sampled_from(SYLLABLES), min_size=6, max_size=60, unique=True))
    def test_windows_1258_round_trip(self, words: list[str]) -> None:
        # distinct words: one word repeated ("phủ phủ phủ") is also valid TCVN3 ("phuề")
        # and is refused as ambiguous, which is the intended behaviour
        text = " ".join(words)
        doc = read_bytes(to_cp1258(text), "x.txt")
        assert doc.text == text
        if not text.isascii():
            assert doc.warnings == ["Tệp dùng bảng mã Windows-1258; đã chuyển sang Unicode."]


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SLOW = settings(FAST, max_examples=40)  # building a DOCX or PDF costs ~40 ms per example
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), max_size=300)


class TestAnyTextInContainers:
    @SLOW
    @given(XML_TEXT)
    def test_docx_paragraph(self, text: str) -> None:
        document = docx.Document()
        document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        read_or_refuse(buffer.getvalue(), "x.docx")

    @SLOW
    @given(st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=12), max_size=8))
    def test_docx_vietnamese_paragraphs_round_trip(self, paragraphs: list[list[str]]) -> None:
        document = docx.Document()
        lines = [" ".join(words) for words in paragraphs] + ["Hết."]
        for line in lines:
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        assert read_bytes(buffer.getvalue(), "x.docx").text == "\n".join(lines)

    @pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans missing: fonts-dejavu-core")
    @SLOW
    @given(st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=12),
                    min_size=1, max_size=6))  # fmt: skip
    def test_pdf_vietnamese_lines_round_trip(self, paragraphs: list[list[str]]) -> None:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_font("dejavu", "", str(FONT))
        pdf.set_font("dejavu", size=12)
        pdf.add_page()
        lines = [" ".join(words) for words in paragraphs]
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        assert read_bytes(bytes(pdf.output()), "x.pdf").text == "\n".join(lines)


MARKDOWN_PIECES = ["*", "**", "_", "__", "|", "#", " ", "\t", "a", "é", "-", ":", "[", "]",
                   "(", ")", "\\", "http://", ".", "<br>", "\n"]  # fmt: skip
LONG_LINES = [  # (hostile line, what cleanup makes of it)
    ("__a" + " é" * 50_000,) * 2,  # was quadratic: two lazy groups around a character class
    ("[a](http://" * 10_000,) * 2,  # was quadratic: a link target running to the end of line
    ("# " + " #" * 50_000 + "x", "#" + " #" * 49_999 + "x"),  # a heading: its mark goes
    ("| " + "--- | " * 30_000 + "x",) * 2,
    ("**" + " " * 100_000 + "a",) * 2,
    ("*" + "a." * 50_000,) * 2,
    ("**" + "đổi " * 25_000 + "số**", "đổi " * 25_000 + "số"),  # bold over a long run
]


class TestMarkdownCleanupHostile:
    """Cleanup removes markup only, never text. Its time on these lines (once quadratic) is
    measured by benchmarks/bench_hostile.py ("Markdown"), not here."""

    @FAST
    @given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=3000))
    @example(["|"] * 4)
    @example(["|"] * 50)
    def test_any_markdown_soup(self, pieces: list[str]) -> None:
        soup = "".join(pieces)
        cleaned, changed = clean_markdown(soup)
        assert changed == (cleaned != soup)
        # a cell separator may gain the spaces around it ('||' -> ' |  | '); never more
        assert len(cleaned) <= 3 * len(soup)
        assert (cleaned.count("a"), cleaned.count("é")) == (soup.count("a"), soup.count("é"))

    @pytest.mark.parametrize(("line", "cleaned"), LONG_LINES, ids=lambda text: repr(text[:12]))
    def test_long_hostile_lines(self, line: str, cleaned: str) -> None:
        assert clean_markdown(line) == (cleaned, cleaned != line)


def minimal_pdf(flate_content: bytes) -> bytes:
    """One page whose content stream is the given Flate data."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(flate_content)
        + flate_content
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


class TestHostileContainers:
    def test_docx_zip_bomb_refused_without_unpacking(self) -> None:
        buffer = io.BytesIO()
        chunk = b"\0" * (1 << 20)
        with (
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
            archive.open("word/document.xml", "w", force_zip64=True) as entry,
        ):
            for _ in range(250):
                entry.write(chunk)
        data = buffer.getvalue()
        assert len(data) < 5 * MB  # 250 MB unpacked from about 1 MB
        importlib.import_module("dxtrack.extraction.reader_docx")  # its import is not the bomb's
        message, peak = refusal_and_peak(lambda: read_bytes(data, "bomb.docx"))
        assert "DOCX khi giải nén quá lớn" in message
        assert peak < MB  # refused by its declared size, nothing unpacked (4 KB measured)

    def test_pdf_flate_bomb_refused_without_unpacking(self) -> None:
        packer = zlib.compressobj(1)
        chunk = b" " * (1 << 20)
        content = b"".join(packer.compress(chunk) for _ in range(250)) + packer.flush()
        data = minimal_pdf(content)
        assert len(data) < 2 * MB  # 250 MB of page content from about 1 MB
        importlib.import_module("dxtrack.extraction.reader_pdf")  # its import is not the bomb's
        message, peak = refusal_and_peak(lambda: read_bytes(data, "bomb.pdf"))
        assert "PDF khi giải nén quá lớn" in message
        # Inflated output is counted, never held: 2.5 MB measured (241 MB when the last Flate
        # stage was held whole); the time is in benchmarks/bench_hostile.py ("bombs").
        assert peak < 8 * MB

    def test_deeply_nested_docx_tables(self) -> None:
        document = docx.Document()
        cell = document.add_table(rows=1, cols=1).cell(0, 0)
        for _ in range(300):
            cell = cell.add_table(rows=1, cols=1).cell(0, 0)
        cell.text = "sâu"
        buffer = io.BytesIO()
        document.save(buffer)
        read_or_refuse(buffer.getvalue(), "deep.docx")

    @pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
    def test_200_mb_path_refused_by_size(self, tmp_path: Path, ext: str) -> None:
        path = tmp_path / f"big.{ext}"
        with path.open("wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        message, peak = refusal_and_peak(lambda: read_file(path))
        assert "tệp quá lớn (200.0 MB; giới hạn 50 MB)" in message  # the size check, by stat
        assert peak < MB // 4  # nothing read
