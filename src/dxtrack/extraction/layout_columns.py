"""Space-aligned task tables (`pdftotext -layout`), rebuilt into " | " rows (layout stage).

A PDF's text layer saved with its layout keeps a table's columns as runs of spaces:

     STT           Nhiệm vụ              Cơ quan chủ trì    Cơ quan phối hợp   Thời gian
                                                                               hoàn thành
      I    HOÀN THIỆN THỂ CHẾ
      1    Xây dựng kế hoạch chuyển      Sở Khoa học và     Các sở, ngành      Quý II/2025
           đổi số của tỉnh               Công nghệ

The header band (one to four lines made of header words, `layout.yaml: header_words`,
naming a number, a task and a lead column) gives the columns; the gutter between two
columns is the position between their header texts left blank by most body lines (a
header is often centred over a wider cell). Each body line is cut at the gutters; a row
starts where the number cell holds a number (`PL.<section>.<row>`), a section where it
holds a Roman numeral or a capital letter. When rows are separated by blank lines and
each block holds one number, the blocks are the rows (cells centred vertically print
lines above their number). The header repeated on each page, Công báo page headers and
e-signature stamps are skipped; a prose line starting at the margin, the closing
(`Nơi nhận`, `KT.`) or the next appendix ends the table. Output: the header cells and the
rows joined by " | ", which `fields/tables.py` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from dxtrack.extraction.textutil import fold, is_upper_line, nfc
from dxtrack.extraction.vocab import load as load_vocab

# compared with folded text (written as fold writes it)
_TASK_WORDS = "nhiệm vụ|nội dung|công việc|hoạt động|^tên"

_GAP = re.compile(r"\S+(?: \S+)*")  # a run of text without two spaces in a row
_CUE = re.compile(
    r"\b(?:STT|TT|Stt|Nhiệm vụ|NHIỆM VỤ|Nội dung|NỘI DUNG|Cơ quan|CƠ QUAN|Đơn vị|ĐƠN VỊ"
    r"|Thời gian|THỜI GIAN|Thời hạn|THỜI HẠN)\b"
)
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)\.?$")
_SECTION = re.compile(r"^([IVX]{1,5}|[A-ZĐ])\.?$")
_BAND_LINES = 4


@lru_cache(maxsize=1)
def _vocab() -> dict:
    v = load_vocab("layout")
    return {
        "header": {fold(w) for w in v["header_words"]},
        "furniture": re.compile("|".join(f"(?:{p})" for p in v["page_furniture"])),
        "end": re.compile("|".join(f"(?:{p})" for p in v["table_end"])),
    }


@dataclass
class _Column:
    start: int
    end: int
    words: list[str] = field(default_factory=list)


def segments(line: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two spaces or more: (start, end, text)."""
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(line)]


def rebuild_aligned_tables(lines: list[str]) -> list[str]:
    """Lines with every space-aligned task table replaced by its " | " rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        band = _header_band(lines, i) if _maybe_header(lines[i]) else None
        if band is None:
            out.append(lines[i])
            i += 1
            continue
        end, columns = band
        rows, after = _table(lines, end, columns)
        if rows:
            out.append(" | ".join(" ".join(c.words) for c in columns))
            out.extend(rows)
            i = after
        else:
            out.append(lines[i])
            i += 1
    return out


def _maybe_header(line: str) -> bool:
    return ("  " in line or "\t" in line) and _CUE.search(line) is not None


def _header_band(lines: list[str], i: int) -> tuple[int, list[_Column]] | None:
    """(index after the band, its columns) when a header band starts at line i."""
    words = _vocab()["header"]
    cells: list[tuple[int, int, str]] = []
    j = i
    while j < len(lines) and j - i < _BAND_LINES + 1:
        line = nfc(lines[j].expandtabs())
        folded = fold(line)
        if not folded.strip() and j > i and j + 1 < len(lines) and lines[j + 1].strip():
            j += 1  # a blank line inside the band
            continue
        if not folded.strip() or not set(folded.split()) <= words:
            break
        cells.extend(segments(line))
        j += 1
    if j > i and not lines[j - 1].strip():
        j -= 1
    columns = _columns(cells)
    if len(columns) < 3:
        return None
    names = [fold(" ".join(c.words)) for c in columns]
    has_number = re.fullmatch(r"stt|tt|số\s+tt|số\s+thứ\s+tự", names[0]) is not None
    has_lead = any("chủ trì" in n or "thực hiện" in n for n in names)
    has_task = any(re.search(_TASK_WORDS, n) for n in names)
    return (j, columns) if has_number and has_lead and has_task else None


def _columns(cells: list[tuple[int, int, str]]) -> list[_Column]:
    """Header segments of the band's lines merged where their spans overlap."""
    columns: list[_Column] = []
    for start, end, text in cells:
        hit = next((c for c in columns if start <= c.end and c.start <= end), None)
        if hit is None:
            columns.append(_Column(start, end, [text]))
        else:
            hit.start, hit.end = min(hit.start, start), max(hit.end, end)
            hit.words.append(text)
    return sorted(columns, key=lambda c: c.start)


def _table(lines: list[str], i: int, columns: list[_Column]) -> tuple[list[str], int]:
    """Rows of the table whose body starts at line i, and the index after it."""
    v = _vocab()
    body: list[str] = []
    while i < len(lines):
        line = nfc(lines[i].expandtabs()).rstrip()
        stripped = line.strip()
        if v["end"].match(fold(stripped)):
            break
        if stripped and v["furniture"].match(fold(stripped)):
            i += 1
            continue
        if _maybe_header(line) and (band := _header_band(lines, i)):
            i = band[0]  # the header repeated on the next page
            continue
        if stripped and (_is_prose(line, columns) or _heading_before_prose(lines, i, columns)):
            break
        body.append(line)
        i += 1
    while body and not body[-1].strip():
        body.pop()
        i -= 1
    gutters = _gutters(body, columns)
    split = [_cut(line, gutters) if line.strip() else None for line in body]
    return _rows(split, len(columns)), i


def _is_prose(line: str, columns: list[_Column], *, upper: bool = False) -> bool:
    """A paragraph after the table: text from the margin running on with single spaces
    across the number column's gutter ("1. Các sở ...") or under the lead column's
    header, where a task cell never reaches; an upper-case line is a section row unless
    `upper`."""
    start, end, text = segments(line)[0]
    if start >= columns[1].start or (is_upper_line(text) and not upper):
        return False
    return (start < columns[0].end and end > columns[0].end + 3) or end > columns[2].start


def _heading_before_prose(lines: list[str], i: int, columns: list[_Column]) -> bool:
    """An upper-case heading from the margin ("IV. TỔ CHỨC THỰC HIỆN") followed by prose
    is the document's next section, not a section row of the table."""
    if not _is_prose(nfc(lines[i].expandtabs()), columns, upper=True):
        return False
    following = next((line for line in lines[i + 1 : i + 4] if line.strip()), "")
    return not following or _is_prose(nfc(following.expandtabs()), columns)


def _gutters(body: list[str], columns: list[_Column]) -> list[int]:
    """For each pair of neighbour columns, the position between their header texts that
    cuts through the fewest runs of text in the body."""
    runs = [(start, end) for line in body for start, end, _ in segments(line)]
    gutters = []
    for left, right in pairwise(columns):
        lo, hi = left.end, max(right.start, left.end)
        best, best_cost = hi, len(runs) + 1
        for pos in range(lo, hi + 1):
            cost = sum(1 for start, end in runs if start < pos < end)
            if cost < best_cost:
                best, best_cost = pos, cost
        gutters.append(best)
    return gutters


def _cut(line: str, gutters: list[int]) -> list[str]:
    """The line's cells; a cut falling inside a text run moves to the nearest gap of two
    spaces (a cell's edge), else to the start of its word."""
    cells, prev = [], 0
    for pos in gutters:
        cut = min(pos, len(line))
        if prev < cut < len(line) and line[cut - 1] != " " and line[cut] != " ":
            cut = _nearest_gap(line, cut, prev)
        cells.append(line[prev:cut].strip())
        prev = max(cut, prev)
    cells.append(line[prev:].strip())
    return cells


def _nearest_gap(line: str, cut: int, floor: int) -> int:
    left = line.rfind("  ", floor, cut)
    right = line.find("  ", cut)
    if right != -1 and (left == -1 or right - cut < cut - left) and right - cut <= 12:
        return right
    if left != -1 and cut - left <= 12:
        return left + 2
    while cut > floor and line[cut - 1] != " ":
        cut -= 1
    return cut


def _rows(split: list[list[str] | None], width: int) -> list[str]:
    """Rows from the cut lines (None: a blank line)."""
    blocks = _blocks(split)
    rows: list[list[str]] = []
    for block in blocks:
        if len(blocks) > 1:  # one row per block, its number wherever it is printed
            label = next((c[0] for c in block if _label(c[0])), "")
            if label or not rows:
                rows.append([label])
            for cells in block:
                _merge(rows[-1], cells[1:])
            continue
        for cells in block:
            if _label(cells[0]):
                rows.append([cells[0]])
            elif not rows:
                continue  # text above the first row
            _merge(rows[-1], cells[1:])
    return [_render(r, width) for r in rows if r[0]]


def _label(cell: str) -> bool:
    return bool(_NUMBER.match(cell) or _SECTION.match(cell))


def _blocks(split: list[list[str] | None]) -> list[list[list[str]]]:
    """Blank-separated blocks when each holds at most one row number (else one block)."""
    blocks: list[list[list[str]]] = [[]]
    for cells in split:
        if cells is None:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(cells)
    blocks = [b for b in blocks if b]
    numbers = [sum(1 for c in b if _label(c[0])) for b in blocks]
    if len(blocks) > 1 and max(numbers) <= 1 and numbers.count(1) * 2 >= len(blocks):
        return blocks
    return [[cells for b in blocks for cells in b]]


def _merge(row: list[str], cells: list[str]) -> None:
    while len(row) < len(cells) + 1:
        row.append("")
    for k, text in enumerate(cells, start=1):
        if text:
            row[k] = f"{row[k]} {text}".strip()


def _render(row: list[str], width: int) -> str:
    label = row[0].rstrip(".")
    if _SECTION.match(row[0]):
        title = " ".join(c for c in row[1:] if c)
        return " | ".join([label, title] + [""] * (width - 2))
    cells = row[1:] + [""] * (width - len(row))
    return " | ".join([label, *cells])
