"""Reading layer: .txt encodings, Markdown remnants, error messages, size limits.

DOCX and PDF readers are tested in test_readers_docx.py and test_readers_pdf.py.
"""

from __future__ import annotations

import codecs
import tracemalloc
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from dxtrack.extraction import ExtractionError, legacy
from dxtrack.extraction.readers import RawDocument, clean_markdown, read_bytes, read_file

try:
    from test_legacy import encode_tcvn3, encode_vni
except ImportError:  # tests/extraction imported as a package
    from .test_legacy import encode_tcvn3, encode_vni  # type: ignore[no-redef]

TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
    "Số: 1545/UBND-KGVX\n"
    "V/v triển khai thực hiện Thông báo số 624/TB-VPCP ngày 16/11/2025\n"
    "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành rà soát nhiệm vụ "
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (KHCN-ĐMST-CĐS); "
    "hoàn thành trước ngày 30/9/2025, định kỳ hằng quý báo cáo kết quả."
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after the base letter."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def failure_message(data: bytes, filename: str, **kwargs: int) -> str:
    with pytest.raises(ExtractionError) as info:
        read_bytes(data, filename, **kwargs)
    message = info.value.message
    assert message.startswith(f"Không đọc được tệp '{filename}': ")
    assert message == unicodedata.normalize("NFC", message)
    return message


MB = 1024 * 1024


def refusal_and_peak(call: Callable[[], object]) -> tuple[str, int]:
    """The ExtractionError message `call` raises and the peak Python memory it took (bytes,
    tracemalloc): how hostile input is shown refused early, instead of a wall-clock limit that
    fails on a loaded machine (speed is in benchmarks/bench_hostile.py)."""
    tracing = tracemalloc.is_tracing()
    if tracing:
        tracemalloc.reset_peak()
    else:
        tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    try:
        with pytest.raises(ExtractionError) as error:
            call()
        return error.value.message, tracemalloc.get_traced_memory()[1] - base
    finally:
        if not tracing:
            tracemalloc.stop()


class TestInterface:
    def test_returns_raw_document(self) -> None:
        doc = read_bytes(TEXT.encode(), "vb.txt")
        assert isinstance(doc, RawDocument)
        assert (doc.text, doc.format, doc.warnings) == (TEXT, "txt", [])

    def test_read_file(self, tmp_path: Path) -> None:
        path = tmp_path / "Công văn.TXT"
        path.write_bytes(TEXT.encode())
        assert read_file(path).text == TEXT
        assert read_file(str(path)).format == "txt"

    def test_output_is_nfc(self) -> None:
        doc = read_bytes(unicodedata.normalize("NFD", TEXT).encode(), "vb.txt")
        assert doc.text == TEXT

    def test_crlf_becomes_lf(self) -> None:
        assert read_bytes(b"a\r\nb\rc", "vb.txt").text == "a\nb\nc"


class TestEncodings:
    @pytest.mark.parametrize(
        "encoded",
        [
            pytest.param(TEXT.encode("utf-8"), id="utf-8"),
            pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
            pytest.param(TEXT.encode("utf-16"), id="utf-16-bom"),
            pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
            pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
            pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        ],
    )
    def test_unicode_encodings(self, encoded: bytes) -> None:
        doc = read_bytes(encoded, "vb.txt")
        assert doc.text == TEXT
        assert doc.warnings == []

    def test_windows_1258(self) -> None:
        doc = read_bytes(to_cp1258(TEXT), "vb.txt")
        assert doc.text == TEXT
        assert doc.warnings == ["Tệp dùng bảng mã Windows-1258; đã chuyển sang Unicode."]

    def test_tcvn3_bytes(self) -> None:
        doc = read_bytes(encode_tcvn3(TEXT).encode("latin-1"), "vb.txt")
        assert doc.text.lower() == TEXT.lower()
        assert doc.text.startswith("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 1545/UBND-KGVX")
        assert doc.warnings == ["Tệp dùng bảng mã TCVN3 (ABC); đã chuyển sang Unicode."]

    def test_tcvn3_bytes_with_windows_quotes(self) -> None:
        data = b"\x93" + encode_tcvn3("Chính phủ ban hành nghị quyết").encode("latin-1") + b"\x94"
        assert read_bytes(data, "vb.txt").text == "“Chính phủ ban hành nghị quyết”"

    def test_vni_bytes(self) -> None:
        doc = read_bytes(encode_vni(TEXT).encode("latin-1"), "vb.txt")
        assert doc.text == TEXT
        assert doc.warnings == ["Tệp dùng bảng mã VNI; đã chuyển sang Unicode."]

    def test_tcvn3_mojibake_saved_as_utf8(self) -> None:
        doc = read_bytes(encode_tcvn3(TEXT.lower()).encode("utf-8"), "vb.txt")
        assert doc.text == TEXT.lower()
        assert "TCVN3" in doc.warnings[0]

    def test_pure_ascii(self) -> None:
        assert read_bytes(b"Report 2025\nPlan", "r.txt").text == "Report 2025\nPlan"

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(bytes(range(128, 256)) * 20, id="high-bytes"),
            pytest.param(b"Hello \x00\x01\x02\x03 binary \x00\x00\xff\xfe\x00", id="binary"),
            pytest.param("Résumé du café à Genève".encode("cp1252"), id="french-cp1252"),
            pytest.param(b"\x01\x02\x03\x1b[0m text " * 20, id="control-characters"),
        ],
    )
    def test_implausible_is_refused(self, data: bytes) -> None:
        message = failure_message(data, "x.txt")
        assert "bảng mã" in message or "nhị phân" in message

    def test_ambiguous_single_byte_is_refused(self) -> None:
        # "phủ" in Windows-1258 reads as "phuề" in TCVN3: both plausible, so no guess
        assert "bảng mã" in failure_message(to_cp1258("phủ phủ phủ"), "x.txt")

    def test_invalid_utf16_after_bom(self) -> None:
        failure_message(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "x.txt")


class TestMarkdown:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("| STT | Nhiệm vụ | Thời hạn |\n|---|:---:|---|\n| 1 | Rà soát | 30/9 |",
             "STT | Nhiệm vụ | Thời hạn\n1 | Rà soát | 30/9"),
            ("**Điều 1.** Ban hành", "Điều 1. Ban hành"),
            ("__Kính gửi:__ các sở", "Kính gửi: các sở"),
            ("văn bản *khẩn* gửi", "văn bản khẩn gửi"),
            ("## I. MỤC TIÊU", "I. MỤC TIÊU"),
            ("\\[1\\] Nghị quyết số 57\\-NQ/TW", "[1] Nghị quyết số 57-NQ/TW"),
            ("xem [Thông báo](https://vpcp.gov.vn/tb) kèm theo", "xem Thông báo kèm theo"),
            ("| a<br>b | c |", "a b | c"),
        ],
    )  # fmt: skip
    def test_cleaned(self, raw: str, expected: str) -> None:
        assert clean_markdown(raw) == (expected, True)

    @pytest.mark.parametrize(
        "text",
        [
            "KHCN-ĐMST-CĐS và 1545/UBND-KGVX",
            "Số: 12/2024/NĐ-CP; 02/QĐ- UBND",
            "Tổng 5* và 6* (ghi chú *)",
            "3 * 4 = 12, a*b, snake_case_name, __init__",
            "-----------------------",
            "Điều 5. a) Sở X | Sở Y",
            "#không phải tiêu đề vì thiếu dấu cách",
            "C# và F#",
        ],
    )
    def test_normal_text_untouched(self, text: str) -> None:
        assert clean_markdown(text) == (text, False)

    def test_pandoc_aligned_task_table_keeps_its_columns(self) -> None:
        """Bold marks in a pandoc multiline table become spaces of their width: the layout
        stage cuts the lines at the dash segments (a letterhead table is cleaned as usual)."""
        raw = (
            "  **STT**  **Nhiệm vụ**   **Cơ quan chủ trì**\n"
            "  -------  -------------  -------------------\n"
            "  1        Rà soát        Sở Tư pháp\n"
            "\n"
            "**Điều 2.** Hiệu lực"
        )
        text, _ = clean_markdown(raw)
        lines = text.split("\n")
        assert lines[0] == "    STT      Nhiệm vụ       Cơ quan chủ trì  "
        assert lines[0].index("Nhiệm vụ") == raw.index("Nhiệm vụ")
        assert lines[-1] == "Điều 2. Hiệu lực"

    def test_warning_when_cleaned(self) -> None:
        doc = read_bytes("**Điều 1.** Ban hành".encode(), "web.txt")
        assert doc.text == "Điều 1. Ban hành"
        assert "Markdown" in doc.warnings[0]

    def test_markdown_file_read_as_text(self) -> None:
        # a page saved as .md (the upload picker offers it) reads like the same text as .txt
        data = "**Điều 1.** Ban hành\n\n|\n\nGiao Sở Y tế".encode()
        assert read_bytes(data, "web.md").text == read_bytes(data, "web.txt").text
        assert read_bytes(data, "web.md").format == "md"


class TestErrors:
    def test_unsupported_extension(self) -> None:
        message = failure_message(b"data", "vb.rtf")
        assert "'.rtf' không được hỗ trợ" in message and "DOCX" in message

    def test_no_extension(self) -> None:
        assert "không có phần mở rộng" in failure_message(b"data", "README")

    @pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf"])
    def test_empty(self, name: str) -> None:
        assert failure_message(b"", name).endswith("tệp rỗng.")
        assert failure_message(b" \n\t", name).endswith("tệp rỗng.")

    def test_too_large_bytes(self) -> None:
        message = failure_message(b"a" * 2048, "a.txt", max_bytes=1024)
        assert "tệp quá lớn" in message

    def test_too_large_file_is_not_read(self, tmp_path: Path) -> None:
        path = tmp_path / "big.pdf"
        with path.open("wb") as handle:
            handle.truncate(200 * MB)  # sparse: 200 MB without writing them
        message, peak = refusal_and_peak(lambda: read_file(path))
        assert "'big.pdf': tệp quá lớn (200.0 MB; giới hạn 50 MB)" in message
        assert peak < MB // 4  # refused by its size on disk: not a byte of it read

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ExtractionError, match="không tìm thấy tệp"):
            read_file(tmp_path / "nope.txt")

    def test_directory(self, tmp_path: Path) -> None:
        folder = tmp_path / "folder.txt"
        folder.mkdir()
        with pytest.raises(ExtractionError, match="không phải là một tệp"):
            read_file(folder)

    def test_messages_are_vietnamese_nfc(self) -> None:
        from dxtrack.extraction import reader_docx, reader_pdf

        for module in (reader_docx, reader_pdf):
            for name in dir(module):
                value = getattr(module, name)
                if isinstance(value, str) and name.isupper() and " " in value:
                    assert value == unicodedata.normalize("NFC", value)
        assert legacy.LEGACY_NAMES["tcvn3"] == "TCVN3 (ABC)"
