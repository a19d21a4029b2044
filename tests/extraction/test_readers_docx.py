"""DOCX reader: document order, tables, footnotes, legacy fonts, damaged and hostile files."""

from __future__ import annotations

import io
import re
import struct
import zipfile

import docx
import pytest

from dxtrack.extraction import ExtractionError
from dxtrack.extraction.readers import read_bytes

try:
    from test_readers import MB, refusal_and_peak
except ImportError:  # tests/extraction imported as a package
    from .test_readers import MB, refusal_and_peak  # type: ignore[no-redef]

FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
{notes}
</w:footnotes>"""
NOTE_XML = (
    '<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
)
FOOTNOTES_REL = (
    '<Relationship Id="rIdFootnotes" Target="footnotes.xml" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/footnotes"/></Relationships>'
)
FOOTNOTES_TYPE = (
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footnotes+xml"/></Types>'
)


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """Turn runs reading "[[FN<id>]]" into footnote references and add footnotes.xml."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = re.sub(
                    rb"<w:t[^>]*>\[\[FN(\d+)\]\]</w:t>",
                    rb'<w:footnoteReference w:id="\1"/>',
                    content,
                )
            elif info.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", FOOTNOTES_REL.encode())
            elif info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", FOOTNOTES_TYPE.encode())
            target.writestr(info, content)
        body = "".join(NOTE_XML.format(id=k, text=v) for k, v in notes.items())
        target.writestr("word/footnotes.xml", FOOTNOTES_XML.format(notes=body))
    return out.getvalue()


def directive_docx() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Đầu trang không được đọc"
    document.sections[0].footer.paragraphs[0].text = "Chân trang không được đọc"
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH AN GIANG")
    paragraph = document.add_paragraph("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị")
    paragraph.add_run("[[FN2]]")
    paragraph.add_run(", Nghị quyết số 71/NQ-CP của Chính phủ")
    paragraph.add_run("[[FN1]]")
    paragraph.add_run(";")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("STT", "Nhiệm vụ", "Cơ quan chủ trì"),
        ("1", "Xây dựng kho dữ liệu", "Sở Khoa học và Công nghệ"),
        ("2", "Đào tạo kỹ năng số", None),
        ("3", "Gộp ô theo chiều ngang", None),
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge
    table.cell(3, 1).merge(table.cell(3, 2))  # horizontal merge
    document.add_paragraph("Các sở, ngành tổ chức thực hiện.")
    data = save(document)
    return add_footnotes(
        data,
        {1: "Nghị quyết số 71/NQ-CP ngày 01/4/2025.", 2: "Nghị quyết số 57-NQ/TW ngày 22/12/2024."},
    )


class TestBody:
    def test_document_order_tables_and_footnotes(self) -> None:
        doc = read_bytes(directive_docx(), "cv.docx")
        assert doc.format == "docx"
        assert doc.warnings == []
        assert doc.text.split("\n") == [
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
            (
                "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị1, "
                "Nghị quyết số 71/NQ-CP của Chính phủ2;"
            ),
            "STT | Nhiệm vụ | Cơ quan chủ trì",
            "1 | Xây dựng kho dữ liệu | Sở Khoa học và Công nghệ",
            "2 | Đào tạo kỹ năng số |",
            "3 | Gộp ô theo chiều ngang",
            "Các sở, ngành tổ chức thực hiện.",
            "1 Nghị quyết số 57-NQ/TW ngày 22/12/2024.",
            "2 Nghị quyết số 71/NQ-CP ngày 01/4/2025.",
        ]

    def test_headers_and_footers_skipped(self) -> None:
        text = read_bytes(directive_docx(), "cv.docx").text
        assert "Đầu trang" not in text and "Chân trang" not in text

    def test_line_break_and_tab(self) -> None:
        document = docx.Document()
        run = document.add_paragraph().add_run("Nơi nhận:")
        run.add_break()
        run.add_text("- Như trên;")
        run.add_tab()
        run.add_text("- Lưu: VT.")
        assert read_bytes(save(document), "a.docx").text == "Nơi nhận:\n- Như trên; - Lưu: VT."

    def test_nested_table_in_cell(self) -> None:
        document = docx.Document()
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "Ngoài"
        inner = outer.cell(0, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "trong 1"
        inner.cell(0, 1).text = "trong 2"
        assert read_bytes(save(document), "a.docx").text == "Ngoài | trong 1 trong 2"


def two_column_table(document, left: list[str], right: list[str]) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


class TestLayoutTables:
    """Letterhead and closing tables read as columns; other two-column tables as rows."""

    def test_letterhead_and_closing(self) -> None:
        document = docx.Document()
        two_column_table(
            document,
            ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 12/UBND-KGVX"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "An Giang, ngày 5 tháng 12 năm 2025"],
        )
        document.add_paragraph("Kính gửi: Sở Y tế.")
        two_column_table(
            document, ["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["CHỦ TỊCH", "", "Nguyễn Văn An"]
        )
        assert read_bytes(save(document), "a.docx").text.split("\n") == [
            "ỦY BAN NHÂN DÂN",
            "TỈNH AN GIANG",
            "Số: 12/UBND-KGVX",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "An Giang, ngày 5 tháng 12 năm 2025",
            "Kính gửi: Sở Y tế.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT.",
            "CHỦ TỊCH",
            "Nguyễn Văn An",
        ]

    def test_table_in_the_body_stays_rows(self) -> None:
        document = docx.Document()
        document.add_paragraph("Danh sách đầu mối:")
        two_column_table(document, ["Sở Y tế", "Sở Nội vụ"], ["Ông A", "Bà B"])
        text = read_bytes(save(document), "a.docx").text
        assert text == "Danh sách đầu mối:\nSở Y tế Sở Nội vụ | Ông A Bà B"

    def test_body_table_opening_with_noi_nhan_stays_rows(self) -> None:
        # "Nơi nhận hồ sơ" is a body table's cell, not the closing's "Nơi nhận:" heading.
        document = docx.Document()
        document.add_paragraph("Thủ tục tiếp nhận:")
        two_column_table(
            document, ["Nơi nhận hồ sơ", "Bộ phận Một cửa"], ["Thời hạn giải quyết", "05 ngày"]
        )
        text = read_bytes(save(document), "a.docx").text
        assert (
            text
            == "Thủ tục tiếp nhận:\nNơi nhận hồ sơ Bộ phận Một cửa | Thời hạn giải quyết 05 ngày"
        )


class TestLegacyFonts:
    def legacy_docx(self, runs: list[tuple[str, str | None]]) -> bytes:
        document = docx.Document()
        for text, font in runs:
            run = document.add_paragraph().add_run(text)
            if font:
                run.font.name = font
        return save(document)

    def test_tcvn3_fonts(self) -> None:
        data = self.legacy_docx(
            [("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", ".VnTimeH"),
             ("ñy ban nh©n d©n tØnh", ".VnTimeH"),
             ("Thùc hiÖn chuyÓn ®æi sè", ".VnTime"),
             ("Unicode giữ nguyên", "Times New Roman")]
        )  # fmt: skip
        doc = read_bytes(data, "cu.docx")
        assert doc.text.split("\n") == [
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN TỈNH",
            "Thực hiện chuyển đổi số",
            "Unicode giữ nguyên",
        ]
        assert doc.warnings == ["Tệp dùng phông chữ bảng mã TCVN3 (ABC); đã chuyển sang Unicode."]

    def test_vni_font(self) -> None:
        doc = read_bytes(
            self.legacy_docx([("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI-Times")]), "v.docx"
        )
        assert doc.text == "Độc lập - Tự do - Hạnh phúc"
        assert doc.warnings == ["Tệp dùng phông chữ bảng mã VNI; đã chuyển sang Unicode."]

    def test_font_from_paragraph_style(self) -> None:
        document = docx.Document()
        document.styles["Normal"].font.name = ".VnTime"
        document.add_paragraph("Thùc hiÖn chuyÓn ®æi sè")
        document.add_paragraph().add_run("Unicode giữ nguyên").font.name = "Arial"
        doc = read_bytes(save(document), "style.docx")
        assert doc.text == "Thực hiện chuyển đổi số\nUnicode giữ nguyên"

    def test_legacy_text_without_font_hint(self) -> None:
        doc = read_bytes(self.legacy_docx([("Thùc hiÖn chuyÓn ®æi sè quèc gia", None)]), "v.docx")
        assert doc.text == "Thực hiện chuyển đổi số quốc gia"
        assert "TCVN3" in doc.warnings[0]


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def declare_size(data: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size of every entry in the central directory."""
    out = bytearray(data)
    start = out.find(b"PK\x01\x02")
    while start != -1:
        out[start + 24 : start + 28] = struct.pack("<I", size)
        start = out.find(b"PK\x01\x02", start + 4)
    return bytes(out)


class TestDamaged:
    def message(self, data: bytes, **kwargs: int) -> str:
        with pytest.raises(ExtractionError) as info:
            read_bytes(data, "hỏng.docx", **kwargs)
        assert info.value.message.startswith("Không đọc được tệp 'hỏng.docx': ")
        return info.value.message

    @pytest.mark.parametrize("cut", [10, 200, 1000, -200, -22])
    def test_truncated(self, cut: int) -> None:
        data = directive_docx()
        assert "DOCX bị hỏng" in self.message(data[:cut])

    def test_not_a_zip(self) -> None:
        assert "DOCX bị hỏng" in self.message(b"Just some text, not a zip")

    def test_zip_without_document(self) -> None:
        assert "DOCX bị hỏng" in self.message(zip_bytes({"hello.txt": b"hi"}))

    def test_old_word_or_encrypted(self) -> None:
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
        assert "Word cũ (.doc)" in self.message(data)

    def test_garbage_document_xml(self) -> None:
        data = zip_bytes({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<"})
        assert "DOCX bị hỏng" in self.message(data)

    def test_zip_bomb_by_declared_size(self) -> None:
        data = declare_size(zip_bytes({"word/document.xml": b"<x/>" * 100}), 0xF0000000)
        message, peak = refusal_and_peak(lambda: read_bytes(data, "hỏng.docx"))
        assert "tệp DOCX khi giải nén quá lớn" in message  # 3.75 GB declared, 400 bytes real
        assert peak < MB  # refused by the declared size: nothing allocated for it

    def test_real_bomb_over_small_limit(self) -> None:
        data = zip_bytes({"word/document.xml": b"\0" * (8 * 1024 * 1024)})
        assert len(data) < 100_000
        assert "giải nén quá lớn" in self.message(data, max_bytes=1024 * 1024)

    def test_understated_size_is_corrupt_not_hang(self) -> None:
        data = declare_size(directive_docx(), 10)
        assert "DOCX bị hỏng" in self.message(data)
