"""Decree 30/2020/NĐ-CP page and letterhead for python-docx documents.

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt,
justified, first line indented 1,27 cm; page number centred in the header from page 2.
Letterhead: a borderless two-column table, issuing body (bold) under its parent with a short
rule, national motto and sub-motto (rule as long as the text); number and symbol left blank
for the clerk; place and date in italics. The closing is another borderless table: "Nơi nhận"
on the left, the signature block (KT./TM., title, name) on the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
NATIONAL_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SUB_MOTTO = "Độc lập - Tự do - Hạnh phúc"
TEXT_WIDTH = Mm(210 - 30 - 15)
# Schema order (ECMA-376): children that must follow w:pBdr in w:pPr, w:tblBorders in w:tblPr.
PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
TBLPR_AFTER_BORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
    "w:tblPrChange",
)  # fmt: skip
LEFT_COL, RIGHT_COL = Cm(7.2), Cm(9.3)


@dataclass(frozen=True)
class Letterhead:
    issuer: str
    parent: str
    symbol: str
    place: str
    doc_code: str = "BC"
    issued_on: date | None = None
    year: int = 0


@dataclass(frozen=True)
class Signature:
    authority: str
    title: str
    name: str
    recipients: tuple[str, ...]
    archive: str


def _set_fonts(rpr: BaseOxmlElement) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


def new_document() -> Document:
    """An empty A4 document with Decree 30 margins, fonts and header page numbers."""
    doc = new_docx()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.0
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    section.start_type = WD_SECTION.NEW_PAGE
    _page_numbers(section)
    return doc


def _page_numbers(section: object) -> None:
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    run.font.size = Pt(13)


def para(
    container: Document | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str = "justify",
    indent: bool = False,
    after: float | None = None,
    before: float | None = None,
) -> Paragraph:
    """One paragraph with one run; alignment left/center/right/justify."""
    paragraph = container.add_paragraph()
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    fmt = paragraph.paragraph_format
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if after is not None:
        fmt.space_after = Pt(after)
    if before is not None:
        fmt.space_before = Pt(before)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
    return paragraph


def rule(container: Document | _Cell, *, width: float, available: float) -> Paragraph:
    """A centred horizontal rule `width` cm long: an empty paragraph's bottom border."""
    paragraph = para(container, align="center", after=0)
    side = Cm(max(0.0, (available - width) / 2))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_PBDR)
    return paragraph


def borderless(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *TBLPR_AFTER_BORDERS)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "28")  # twentieths of a point: 0,05 cm
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *TBLPR_AFTER_BORDERS[3:])


def two_columns(doc: Document, left: Cm, right: Cm) -> Table:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borderless(table)
    for cell, width in zip(table.rows[0].cells, (left, right), strict=True):
        cell.width = width
    for column, width in zip(table.columns, (left, right), strict=True):
        column.width = width
    return table


def _fresh(cell: _Cell) -> _Cell:
    """Remove the empty paragraph python-docx puts in every new cell."""
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _date_line(head: Letterhead) -> str:
    if head.issued_on:
        day = head.issued_on
        return f"{head.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    return f"{head.place}, ngày      tháng      năm {head.year}"


def add_letterhead(doc: Document, head: Letterhead) -> Table:
    """The two-column letterhead table (Decree 30, Appendix I, items 1-5)."""
    table = two_columns(doc, LEFT_COL, RIGHT_COL)
    left, right = (_fresh(cell) for cell in table.rows[0].cells)
    para(left, head.parent.upper(), size=13, align="center", after=0)
    para(left, head.issuer.upper(), bold=True, size=13, align="center", after=0)
    rule(left, width=2.6, available=7.2)
    para(right, NATIONAL_MOTTO, bold=True, size=12, align="center", after=0)
    para(right, SUB_MOTTO, bold=True, size=13, align="center", after=0)
    rule(right, width=5.6, available=9.3)
    number, dated = (_fresh(cell) for cell in table.add_row().cells)
    para(number, f"Số:        /{head.doc_code}-{head.symbol}", size=13, align="center", before=6)
    para(dated, _date_line(head), italic=True, size=14, align="center", before=6)
    return table


def add_title(doc: Document, type_name: str, subject: str) -> None:
    para(doc, type_name, bold=True, align="center", before=18, after=0)
    para(doc, subject, bold=True, align="center", after=0)
    rule(doc, width=4.0, available=16.5).paragraph_format.space_before = Pt(3)
    para(doc, after=6)


def heading(doc: Document, text: str, *, level: int = 1) -> Paragraph:
    """Section (I., II.) and subsection (1., 2.) headings: bold, indented like the body."""
    paragraph = para(doc, text, bold=True, indent=True, before=6 if level == 1 else 0)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_closing(doc: Document, sign: Signature) -> Table:
    """«Nơi nhận» (left, 12/11 pt) and the signature block (right, bold)."""
    para(doc, after=0)
    table = two_columns(doc, Cm(7.5), Cm(9.0))
    left, right = (_fresh(cell) for cell in table.rows[0].cells)
    heading_ = para(left, "Nơi nhận:", bold=True, italic=True, size=12, align="left", after=0)
    heading_.paragraph_format.keep_with_next = True
    for item in sign.recipients:
        para(left, f"- {item};", size=11, align="left", after=0)
    para(left, f"- Lưu: {sign.archive}.", size=11, align="left", after=0)
    para(right, sign.authority.upper(), bold=True, size=14, align="center", after=0)
    if sign.title:
        para(right, sign.title.upper(), bold=True, size=14, align="center", after=0)
    for _ in range(4):
        para(right, after=0)
    para(right, sign.name, bold=True, size=14, align="center", after=0)
    return table
