"""DOCX reader: Word's automatic list numbers (word/numbering.xml) read as printed."""

from __future__ import annotations

import io
import zipfile

import docx
from case_documents import AN_GIANG
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dxtrack.extraction import extract_bytes
from dxtrack.extraction.reader_docx_numbering import format_number
from dxtrack.extraction.readers import read_bytes

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


# list 1: "I." / "1." / "a)" / bullet; list 2 uses the same levels, restarting level 1 at 1;
# list 3: decimal paths "1." / "1.1."
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>'
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "upperRoman", "%1.")
    + _level(1, "decimal", "%2.")
    + _level(2, "lowerLetter", "%3)")
    + _level(3, "bullet", "\uf0b7")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
    + _level(0, "decimal", "%1.")
    + _level(1, "decimal", "%1.%2.")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def _numbered(document, text: str, num_id: int | None = None, ilvl: int = 0) -> None:  # type: ignore[no-untyped-def]
    paragraph = document.add_paragraph(text)
    if num_id is None:
        return
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(value))
        num_pr.append(element)
    paragraph._p.get_or_add_pPr().append(num_pr)


def _with_numbering(document) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/numbering.xml":
                content = NUMBERING.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def _plan() -> bytes:
    document = docx.Document()
    _numbered(document, "KẾ HOẠCH")
    _numbered(document, "Chuyển đổi số năm 2026")
    _numbered(document, "MỤC ĐÍCH, YÊU CẦU", 1, 0)
    _numbered(document, "Nâng cao chất lượng dịch vụ công trực tuyến.")
    _numbered(document, "NHIỆM VỤ CỤ THỂ", 1, 0)
    _numbered(document, "Sở Y tế:", 1, 1)
    _numbered(document, "Kết nối dữ liệu khám chữa bệnh;", 1, 2)
    _numbered(document, "Báo cáo kết quả trước ngày 15/11/2026.", 1, 2)
    _numbered(document, "Sở Tài chính:", 1, 1)
    _numbered(document, "Bảo đảm kinh phí;", 1, 2)
    _numbered(document, "Hướng dẫn thanh quyết toán.", 1, 3)
    _numbered(document, "TỔ CHỨC THỰC HIỆN", 2, 0)
    _numbered(document, "Công an tỉnh bảo đảm an ninh mạng.", 2, 1)
    return _with_numbering(document)


def test_list_numbers_are_read_as_printed():
    text = read_bytes(_plan(), "ke-hoach.docx").text
    lines = text.split("\n")
    assert lines[2:] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao chất lượng dịch vụ công trực tuyến.",
        "II. NHIỆM VỤ CỤ THỂ",
        "1. Sở Y tế:",
        "a) Kết nối dữ liệu khám chữa bệnh;",
        "b) Báo cáo kết quả trước ngày 15/11/2026.",
        "2. Sở Tài chính:",
        "a) Bảo đảm kinh phí;",
        "• Hướng dẫn thanh quyết toán.",
        "III. TỔ CHỨC THỰC HIỆN",  # list 2 shares list 1's counters: III
        "1. Công an tỉnh bảo đảm an ninh mạng.",  # its level 1 restarts at 1
    ]


def test_numbered_plan_gives_clause_paths():
    tasks = extract_bytes(_plan(), "ke-hoach.docx", directory=AN_GIANG).tasks
    assert [(t["clause"], t["lead"], t["deadline"]) for t in tasks] == [
        ("II.1.a", ["Sở Y tế"], None),
        ("II.1.b", ["Sở Y tế"], "2026-11-15"),
        ("II.2.a", ["Sở Tài chính"], None),
        ("III.1", ["Công an tỉnh"], None),
    ]


def test_decimal_paths_and_empty_paragraphs():
    document = docx.Document()
    _numbered(document, "Nhóm nhiệm vụ về dữ liệu", 3, 0)
    _numbered(document, "Sở Tư pháp số hóa sổ hộ tịch.", 3, 1)
    _numbered(document, "", 3, 1)  # an empty numbered paragraph still counts
    _numbered(document, "Sở Nội vụ số hóa hồ sơ công chức.", 3, 1)
    _numbered(document, "Nhóm nhiệm vụ về hạ tầng", 3, 0)
    _numbered(document, "Công an tỉnh bảo đảm an toàn thông tin.", 3, 1)
    text = read_bytes(_with_numbering(document), "a.docx").text
    assert [line for line in text.split("\n") if line] == [
        "1. Nhóm nhiệm vụ về dữ liệu",
        "1.1. Sở Tư pháp số hóa sổ hộ tịch.",
        "1.3. Sở Nội vụ số hóa hồ sơ công chức.",
        "2. Nhóm nhiệm vụ về hạ tầng",
        "2.1. Công an tỉnh bảo đảm an toàn thông tin.",
    ]


def test_formats():
    assert [format_number("upperRoman", n) for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [format_number("lowerLetter", n) for n in (1, 5, 26, 27)] == ["a", "e", "z", "aa"]
    assert format_number("decimalZero", 3) == "03"


def test_document_without_lists_is_unchanged():
    document = docx.Document()
    _numbered(document, "1. Sở Y tế kiểm tra.")
    text = read_bytes(_with_numbering(document), "a.docx").text
    assert text.strip() == "1. Sở Y tế kiểm tra."
