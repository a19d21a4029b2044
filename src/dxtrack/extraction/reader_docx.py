"""DOCX reading: body paragraphs and tables in document order, footnotes at the end.

- Paragraphs and tables are taken from the body XML in order; headers and footers are
  not read. A table row is one line, cells joined by " | "; a merged cell once (the
  continuation of a vertical merge is an empty cell).
- The Decree 30 layout tables are read as columns instead: the letterhead (a two-column
  table before any body text: issuer, number, subject | motto, place and date) and the
  closing (a two-column table with "Nơi nhận": the list | the signature block) and the
  "Kính gửi:" | recipients table give each paragraph (or line of a paragraph broken by hand)
  of the left column as a line, then those of the right column, as the PDF reader does with
  the same tables. A spacer column left empty between the two (common in Word templates)
  does not count as a column.
- A footnote reference becomes its number glued to the preceding word ("Bộ Chính trị1,"),
  as PDF exports print it; footnote texts follow the body as lines "<n> <text>" (a manual
  line break inside a footnote is a space).
- A paragraph of a Word list gets the number Word shows before it ("2.", "a)", "1.1.",
  "•" for a bullet), counted from word/numbering.xml (`reader_docx_numbering`).
- Runs in legacy fonts (.VnTime... = TCVN3, VNI-... = VNI) are converted to Unicode;
  without font hints the whole text is checked for TCVN3/VNI patterns.
- The zip is checked before parsing: entry count, encryption, declared and then actually
  produced uncompressed size (bombs.py). Raises ExtractionError with the bare reason (readers.py adds the file name).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from dxtrack.extraction import legacy
from dxtrack.extraction.bombs import zip_bytes
from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.reader_docx_numbering import Numbering, read_numbering
from dxtrack.extraction.textutil import CLOSING_LINE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_ENTRIES = 5000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

CORRUPTED = "tệp DOCX bị hỏng hoặc không phải tệp DOCX hợp lệ."
LEGACY_WORD = (
    "tệp là định dạng Word cũ (.doc) hoặc DOCX có mật khẩu. "
    "Hãy mở bằng Word, gỡ mật khẩu và lưu lại dưới dạng DOCX."
)
ENCRYPTED = "tệp DOCX được đặt mật khẩu. Hãy gỡ mật khẩu rồi thử lại."
BOMB = "tệp DOCX khi giải nén quá lớn (có thể là tệp độc hại), không xử lý."


def check_zip(data: bytes, *, max_unpacked: int) -> zipfile.ZipFile:
    """Open the zip and refuse it by its directory alone when it is unsafe or not a DOCX."""
    if data.startswith(_OLE_MAGIC):
        raise ExtractionError(LEGACY_WORD)
    if not data.startswith(b"PK"):
        raise ExtractionError(CORRUPTED)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise ExtractionError(CORRUPTED) from None
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > max_unpacked:
        raise ExtractionError(BOMB)
    if any(i.flag_bits & 0x1 for i in infos):
        raise ExtractionError(ENCRYPTED)
    if "word/document.xml" not in archive.namelist():
        raise ExtractionError(CORRUPTED)
    try:  # the bytes actually produced: a header may declare false sizes
        produced = zip_bytes(archive, limit=max_unpacked)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, OSError, EOFError):
        raise ExtractionError(CORRUPTED) from None
    if produced > max_unpacked:
        raise ExtractionError(BOMB)
    return archive


def read_docx(data: bytes, *, max_unpacked: int) -> tuple[str, list[str]]:
    archive = check_zip(data, max_unpacked=max_unpacked)
    import docx  # imported late: python-docx is slow to import

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many types on broken packages
        raise ExtractionError(CORRUPTED) from None
    reader = _DocxText(_style_fonts(document))
    reader.style_caps = _style_caps(document)
    numbering = (
        archive.read("word/numbering.xml") if "word/numbering.xml" in archive.namelist() else None
    )
    reader.numbering = read_numbering(numbering, document.styles.element)
    lines = list(reader.block_lines(document.element.body))
    lines.extend(reader.footnote_lines(archive))
    text = "\n".join(lines)
    warnings = [legacy.conversion_warning(enc, fonts=True) for enc in sorted(reader.legacy_seen)]
    if not reader.legacy_seen:
        found = legacy.detect_legacy(text)
        if found:
            text = legacy.convert_legacy(text, found)
            warnings.append(legacy.conversion_warning(found))
    return text, warnings


def _attr(element: Any, path: str, name: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(W + name)


def _style_fonts(document: Any) -> dict[str | None, str | None]:
    """Style id -> font name (following basedOn); key None holds the default paragraph font."""
    root = document.styles.element
    default = _attr(root, f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts", "ascii")
    own: dict[str, tuple[str | None, str | None]] = {}
    default_style = None
    for style in root.iter(W + "style"):
        style_id = style.get(W + "styleId")
        if not style_id:
            continue
        font = _attr(style, f"{W}rPr/{W}rFonts", "ascii")
        own[style_id] = (font, _attr(style, W + "basedOn", "val"))
        if style.get(W + "default") in ("1", "true") and style.get(W + "type") == "paragraph":
            default_style = style_id

    def resolve(style_id: str | None, depth: int = 0) -> str | None:
        if style_id not in own or depth > 20:
            return default
        font, parent = own[style_id]
        return font or resolve(parent, depth + 1)

    fonts: dict[str | None, str | None] = {sid: resolve(sid) for sid in own}
    fonts[None] = resolve(default_style)
    return fonts


def _caps(rpr_owner: Any) -> bool | None:
    """The All Caps (or Small Caps) effect of a run's or a style's properties: Word shows
    the text in capitals though it was typed in lower case (a letterhead's "Ủy ban nhân
    dân tỉnh ..."); None when not set."""
    for tag in ("caps", "smallCaps"):
        found = rpr_owner.find(f"{W}rPr/{W}{tag}")
        if found is not None:
            return found.get(W + "val") not in ("0", "false", "off")
    return None


def _style_caps(document: Any) -> set[str]:
    """Paragraph styles whose text Word shows in capitals (following basedOn)."""
    own: dict[str, tuple[bool | None, str | None]] = {}
    for style in document.styles.element.iter(W + "style"):
        if style_id := style.get(W + "styleId"):
            own[style_id] = (_caps(style), _attr(style, W + "basedOn", "val"))

    def resolve(style_id: str | None, depth: int = 0) -> bool:
        if style_id not in own or depth > 20:
            return False
        caps, parent = own[style_id]
        return caps if caps is not None else resolve(parent, depth + 1)

    return {sid for sid in own if resolve(sid)}


class _DocxText:
    def __init__(self, style_fonts: dict[str | None, str | None]) -> None:
        self.style_fonts = style_fonts
        self.footnote_numbers: dict[str, int] = {}
        self.legacy_seen: set[str] = set()
        self.body_started = False  # a non-empty paragraph was read outside tables
        self.style_caps: set[str] = set()
        self.numbering: Numbering | None = None  # Word's list numbers, prefixed to paragraphs

    def layout_columns(self, table: Any) -> list[list[str]] | None:
        """The two columns' lines of a letterhead, "Kính gửi" or closing table; None for other
        tables. Columns empty in every row (a spacer between the two) are left out."""
        rows = [r for r in table.iter(W + "tr") if _nearest(r, W + "tbl") is table]
        cells = [list(_row_cells(row)) for row in rows]
        if not rows or len(rows) > LAYOUT_MAX_ROWS or len({len(row) for row in cells}) != 1:
            return None
        if any(cell.find(W + "tbl") is not None for row in cells for cell in row):
            return None  # a table inside a cell: not the plain letterhead or closing
        started = self.body_started  # reading the cells must not count as body text
        texts = [[self._cell_lines(cell) for cell in row] for row in cells]
        used = [i for i in range(len(texts[0])) if any(row[i] for row in texts)]
        self.body_started = started
        if len(used) != 2:
            return None
        columns: list[list[str]] = [[], []]
        for row in texts:
            for column, index in zip(columns, used, strict=True):
                column.extend(row[index])
        multi_line = any(len(column) > 1 for column in columns)
        closing = any(CLOSING_LINE.match(line) for column in columns for line in column)
        addressed = bool(columns[0]) and ADDRESSED_LINE.match(columns[0][0]) is not None
        if multi_line and (closing or addressed or not started):
            return columns
        return None

    def _cell_lines(self, cell: Any) -> list[str]:
        """The non-empty lines of a cell: its paragraphs, split at manual line breaks."""
        lines = (part.strip() for line in self.block_lines(cell, " ") for part in line.split("\n"))
        return [line for line in lines if line]

    # --- body ------------------------------------------------------------------

    def block_lines(self, container: Any, cell_sep: str = " | ") -> Iterator[str]:
        for child in container.iterchildren():
            if child.tag == W + "p":
                text = self.paragraph_text(child)
                self.body_started = self.body_started or bool(text.strip())
                yield text
            elif child.tag == W + "tbl":
                counted = self.numbering.snapshot() if self.numbering else None
                columns = self.layout_columns(child)
                if columns is not None:
                    yield from (line for column in columns for line in column)
                else:
                    if self.numbering and counted:
                        self.numbering.restore(counted)  # the cells are read again as rows
                    yield from self.table_lines(child, cell_sep)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.block_lines(content, cell_sep)

    def table_lines(self, table: Any, cell_sep: str = " | ") -> Iterator[str]:
        for row in table.iter(W + "tr"):
            if _nearest(row, W + "tbl") is not table:
                continue  # rows of nested tables are read inside their cell
            cells = [self.cell_text(cell) for cell in _row_cells(row)]
            if any(cells):
                yield cell_sep.join(cells).rstrip()

    def cell_text(self, cell: Any) -> str:
        merge = cell.find(f"{W}tcPr/{W}vMerge")
        if merge is not None and merge.get(W + "val") in (None, "continue"):
            return ""
        # a table nested in a cell is flattened: its cells must not look like columns
        parts = [line.strip() for line in self.block_lines(cell, cell_sep=" ")]
        return " ".join(p.replace("\n", " ") for p in parts if p)

    def paragraph_text(self, paragraph: Any) -> str:
        style = _attr(paragraph, f"{W}pPr/{W}pStyle", "val")
        para_font = self.style_fonts.get(style, self.style_fonts.get(None))
        para_caps = style in self.style_caps
        parts = []
        for run in paragraph.iter(W + "r"):
            if _inside_fallback(run, paragraph):
                continue
            font = _attr(run, f"{W}rPr/{W}rFonts", "ascii") or _attr(
                run, f"{W}rPr/{W}rFonts", "hAnsi"
            )
            text = self.run_text(run, font or para_font)
            caps = _caps(run)
            parts.append(text.upper() if (para_caps if caps is None else caps) else text)
        text = "".join(parts)
        label = self.numbering.label(paragraph) if self.numbering else ""
        return f"{label} {text.lstrip()}" if label and text.strip() else text

    def run_text(self, run: Any, font: str | None) -> str:
        pieces = []
        for child in run.iterchildren():
            tag = child.tag
            if tag == W + "t":
                pieces.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                pieces.append(" ")
            elif tag in (W + "br", W + "cr"):
                pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "footnoteReference":
                pieces.append(self.footnote_mark(child.get(W + "id")))
        text = "".join(pieces)
        encoding = legacy.legacy_font_encoding(font)
        if encoding and text:
            self.legacy_seen.add(encoding)
            if encoding == "tcvn3":
                return legacy.to_unicode_tcvn3(text, upper=legacy.is_upper_font(font))
            return legacy.to_unicode_vni(text)
        return text

    def footnote_mark(self, footnote_id: str | None) -> str:
        if footnote_id is None:
            return ""
        if footnote_id not in self.footnote_numbers:
            self.footnote_numbers[footnote_id] = len(self.footnote_numbers) + 1
        return str(self.footnote_numbers[footnote_id])

    # --- footnotes -------------------------------------------------------------

    def footnote_lines(self, archive: zipfile.ZipFile) -> list[str]:
        if not self.footnote_numbers or "word/footnotes.xml" not in archive.namelist():
            return []
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(archive.read("word/footnotes.xml"), parser)
        texts: dict[str, str] = {}
        for note in root.iter(W + "footnote"):
            note_id = note.get(W + "id")
            if note_id in self.footnote_numbers:
                paragraphs = (self.paragraph_text(p).strip() for p in note.iter(W + "p"))
                texts[note_id] = " ".join(" ".join(p.split("\n")) for p in paragraphs if p)
        ordered = sorted(self.footnote_numbers.items(), key=lambda item: item[1])
        return [f"{number} {texts[nid]}" for nid, number in ordered if texts.get(nid)]


LAYOUT_MAX_ROWS = 6  # a letterhead row per line (issuer, unit, number | place and date, V/v)
ADDRESSED_LINE = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)  # "Kính gửi:" | the list


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == W + "tc":
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from (c for c in content.iterchildren() if c.tag == W + "tc")


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _inside_fallback(run: Any, stop: Any) -> bool:
    """Text boxes appear twice (DrawingML and a VML fallback); read the first only."""
    parent = run.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False
