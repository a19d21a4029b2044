"""Bordered data tables and figures inside a Decree 30 report body."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from dxtrack.reports.docx_layout import para

TABLE_PT = 12


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _cell_text(cell: object, text: str, *, bold: bool, align: str, size: float) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(size)


def data_table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float],
    aligns: Sequence[str],
    size: float = TABLE_PT,
    total: Sequence[str] | None = None,
) -> None:
    """A bordered table: bold repeated header row, one text row per item, optional bold total."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, align="center", size=size)
    _repeat_header(table.rows[0])
    body = list(rows) + ([total] if total else [])
    for index, values in enumerate(body):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        bold = total is not None and index == len(body) - 1
        for cell, text, align in zip(cells, values, aligns, strict=True):
            _cell_text(cell, text, bold=bold, align=align, size=size)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    para(doc, after=0).paragraph_format.space_after = Pt(6)


def figure(doc: Document, png: bytes, caption: str, *, width_cm: float = 15.5) -> None:
    """A centred picture with its italic caption underneath."""
    paragraph = para(doc, align="center", after=0)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    para(doc, caption, italic=True, size=12, align="center", after=6)


def bullet(doc: Document, text: str) -> None:
    """A body line opening with a dash, indented like the body."""
    para(doc, f"- {text}", indent=True)
