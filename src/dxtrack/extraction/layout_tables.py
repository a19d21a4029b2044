"""PDF task tables with one cell per line, rebuilt into " | " rows (layout stage).

The text layer of a Công báo appendix prints its table STT / Nhiệm vụ / Cơ quan chủ trì /
Cơ quan phối hợp / Thời gian hoàn thành one cell, often one word, per line, with the header
repeated on each page and page headers and e-signature stamps in between:

    STT / Nhiệm vụ / Cơ quan / chủ trì / ... / I / THỂ CHẾ / 1 / Xây dựng / kế hoạch /
    Sở Tư pháp / Các sở, / ngành / Quý / II/2025 / 2 / ...

The header may also come as one Markdown row (a web copy: "TT | Nội dung | Cơ quan chủ trì
| ..."), its last cells on lines of their own, over cells printed one per line.
Rows start at the next STT number on a line of its own, sections at a Roman numeral; a
lettered row ("a)", "b)") is a sub-row of the numbered row above, which then only groups.
Within a row the time cell is the run of time words at its end, the lead cell starts at
the first later line that opens an agency name with a capital, the coordinators at the
next such line that does not continue a list ("Sở A," / "Sở B"). Output: the header
"STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành", section
rows "I | THỂ CHẾ |  |  | " and task rows, which `fields/tables.py` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dxtrack.extraction.fields.agencies import AgencyMatcher, get_matcher
from dxtrack.extraction.layout_groups import group_rows, lead_first
from dxtrack.extraction.layout_header import (
    GLUED_HEADER_LETTERS,
    glued_header,
    glued_label,
    time_first,
    trailing,
)
from dxtrack.extraction.layout_names import (
    OPEN_HEAD,
    agency_tail,
    join_names,
    next_agency,
    split_time_first,
    whole_names,
)
from dxtrack.extraction.textutil import fold, is_upper_line
from dxtrack.extraction.vocab import load as load_vocab

# compared with folded text (written as fold writes it)
_TASK_WORDS = "nhiệm vụ|nội dung|tên|công việc|hoạt động"

HEADER = "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"
_STT = re.compile(r"^(?:stt|tt|số\s+tt)$")
_NUMBER = re.compile(r"^(\d{1,3})\.?$")
_ROMAN = re.compile(r"^([IVX]{1,5})\.?$")
_ROMAN_OR_CAPITAL = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])$")
_LETTER = re.compile(r"^([a-zđ])\)$")
_LETTERS = "abcdđeghiklmn"
_NUMERIC = re.compile(r"^[\dIVXivx/.,\-–()&]+$")  # "24/8 & 25/8/2026"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    v = load_vocab("layout")
    return {
        "header": {fold(w) for w in v["header_words"]},
        "furniture": re.compile("|".join(f"(?:{p})" for p in v["page_furniture"])),
        "time": {fold(w) for w in v["time_words"]},
        "end": re.compile("|".join(f"(?:{p})" for p in v["table_end"])),
        "product": re.compile(
            "(?:" + "|".join(t["name"] for t in load_vocab("vocab")["doc_types"]) + r")\b"
        ),
    }


def rebuild_tables(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Lines with every one-cell-per-line task table replaced by its rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _may_open(lines[i]):
            out.append(lines[i])  # no header opens here: most lines
            i += 1
            continue
        header = _header(lines, i)
        rows, end = (
            _rows(lines, header[0], get_matcher(directory), header[1]) if header else ([], i)
        )
        if not rows:  # no header, or no numbered row under it: the lines stay as they are
            out.append(lines[i])
            i += 1
            continue
        section = _SECTION_ABOVE.match(out[-1].strip()) if out else None
        if section and is_upper_line(section.group(2)):  # "II. NHIỆM VỤ CỤ THỂ" over "STT"
            out[-1] = HEADER
            out.append(f"{section.group(1)} | {section.group(2)} |  |  | ")
        else:
            out.append(HEADER)
        out.extend(rows)
        i = end
    return out


_SECTION_ABOVE = re.compile(r"^([IVX]{1,5})\.\s+(\S.*)$")
_WORD_SPLIT = re.compile(r"[\s/,]+")  # "Kết quả/sản phẩm"
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _header_end(lines: list[str], i: int) -> int | None:
    header = _header(lines, i)
    return header[0] if header else None


@dataclass(frozen=True)
class _Shape:
    """What the header tells of the rows: the number of columns (known only for a pipe
    row: a one-per-line header may wrap its cells), whether a coordinators column exists."""

    width: int = 0
    coordinators: bool = True
    lead_first: bool = False  # "STT / Đơn vị chủ trì / Nhiệm vụ" (layout_groups.py)
    trailing: bool = False  # a product or note column after the time column
    time_first: bool = False  # the time column before the lead's


def _may_open(line: str) -> bool:
    """What `_header(lines, i)` needs of line i: a "|", or a first character other than a
    space that folds to an "s" or a "t" (the first of "stt", "tt", "số tt")."""
    return "|" in line or line.lstrip()[:1] in GLUED_HEADER_LETTERS


def _header(lines: list[str], i: int) -> tuple[int, _Shape] | None:
    """(index after, shape) of a header run starting at line i ("STT", "Nhiệm vụ", "Cơ
    quan", ...), or of a header row of pipe-joined cells (a web copy) whose body is not in
    rows of its own."""
    first = lines[i].strip()
    words = _vocab()["header"]
    width = 0
    if "|" in first:
        cells = [fold(c.strip()) for c in first.strip("| ").split("|")]
        if not _STT.match(cells[0]) or not all(set(c.split()) - {"/"} <= words for c in cells):
            return None
        text, width = " ".join(cells), len(cells)
    elif len(first) <= 6 and _STT.match(fold(first)):
        text = ""
    elif (
        first[:1] in GLUED_HEADER_LETTERS
        and (rest := glued_header(fold(first)))
        and set(_WORD_SPLIT.split(rest)) - {""} <= words
    ):
        text = rest  # "STT Nhiệm vụ": the first two header cells on one line
    else:
        return None
    j = i + 1
    while j < len(lines) and j - i <= 16:
        line = lines[j].strip()
        folded = fold(line)
        rule = bool(width and _MD_RULE.match(line))
        if folded and not set(_WORD_SPLIT.split(folded)) - {""} <= words and not rule:
            break
        text += " " + folded
        width += bool(width and folded and not rule)
        j += 1
    has_lead, has_task = _lead_and_task(text)
    body = [line for line in lines[j : j + 8] if line.strip()][:4]
    if width and any("|" in line for line in body):
        return None  # a table in rows of its own: fields/tables.py reads it as it is
    shape = _Shape(
        width,
        coordinators="phối hợp" in text,
        lead_first=lead_first(text),
        trailing=trailing(text),
        time_first=time_first(text),
    )
    return (j, shape) if has_lead and has_task else None


def _lead_and_task(text: str) -> tuple[bool, bool]:
    has_lead = "chủ trì" in text or "thực hiện" in text or "tham mưu" in text  # "Cơ quan tham mưu"
    return has_lead, re.search(_TASK_WORDS, text) is not None


def task_header(cells: list[str]) -> bool:
    """The cells of a task table's header: STT first, a task and a lead column."""
    folded = [fold(c.replace("*", "").strip()) for c in cells]
    return bool(folded) and bool(_STT.match(folded[0])) and all(_lead_and_task(" ".join(folded)))


def _rows(lines: list[str], i: int, matcher: AgencyMatcher, shape: _Shape) -> tuple[list[str], int]:
    """Rows of the table whose body starts at line i; returns them and the index after."""
    if shape.lead_first:
        return _lead_first_rows(lines, i, matcher)
    v = _vocab()
    rows: list[str] = []
    state = _Labels()
    while i < len(lines):
        line = lines[i].strip()
        folded = fold(line)
        if v["end"].match(folded):
            break
        i += 1
        if not line or v["furniture"].match(folded):
            continue
        if (end := _header_end(lines, i - 1)) is not None:
            i = end  # the header repeated on the next page
            continue
        label = state.opens(line)
        if label is not None:
            rows.extend(_flush(state.current, matcher, shape))
            state.current = label
        elif state.current:
            state.current.append(line)
    rows.extend(_flush(state.current, matcher, shape))
    return rows, i


def _body(lines: list[str], i: int) -> tuple[list[str], int]:
    """The table's body lines from line i without page furniture and repeated headers,
    and the index after the table."""
    v = _vocab()
    body: list[str] = []
    while i < len(lines):
        line = lines[i].strip()
        if v["end"].match(fold(line)):
            break
        i += 1
        if not line or v["furniture"].match(fold(line)):
            continue
        if (end := _header_end(lines, i - 1)) is not None:
            i = end
            continue
        body.append(line)
    return body, i


def _lead_first_rows(lines: list[str], i: int, matcher: AgencyMatcher) -> tuple[list[str], int]:
    body, end = _body(lines, i)
    expected = [1]

    def is_label(line: str) -> bool:
        number = _NUMBER.match(line)
        if number and int(number.group(1)) == expected[0]:
            expected[0] += 1
            return True
        return False

    def split_row(cells: list[str]) -> tuple[str, str, str]:
        time_at = len(cells)
        while time_at > 1 and _is_time(cells[time_at - 1]):
            time_at -= 1
        if time_at == len(cells):
            time_at = _wrapped_time(cells)
        names = [_ORDINAL_CELL.sub("", c) for c in cells[:time_at]]
        coord_at = next((k for k in range(1, time_at) if _ORDINAL_CELL.match(cells[k])), 0)
        coord_at = coord_at or next_agency(names, 1, matcher)
        task = " ".join(names[:coord_at] if coord_at else names)
        coords = join_names(names[coord_at:], matcher) if coord_at else ""
        return task, coords, " ".join(cells[time_at:])

    rows = group_rows(
        body,
        matcher,
        is_label=is_label,
        is_time=_is_time,
        whole_names=lambda names: whole_names(names, matcher),
        split_row=split_row,
    )
    return rows, end


_ORDINAL_CELL = re.compile(r"^\(\d{1,2}\)\s*")


def _wrapped_time(cells: list[str]) -> int:
    """Where a time cell wrapped in a narrow column starts: a time line whose words go on
    in lower case to the row's end, perhaps with a short last line ("Quý IV/2024 và" /
    "theo lộ trình triển" / "khai các Trung" / "Đề án"); else the row's end (no time cell)."""
    k = len(cells) - 1
    if k > 1 and len(cells[k].split()) <= 3 and cells[k - 1][:1].islower():
        k -= 1  # the short last line after the lower-case run
    while k > 1 and cells[k][:1].islower():
        k -= 1
    if k < len(cells) - 1 and _is_time(cells[k]) and cells[k + 1][:1].islower():
        return k
    return len(cells)


_SUBNUMBER = re.compile(r"^(\d{1,3})\.(\d{1,2})\.?$")
# "II", "II.", "II. HẠ TẦNG SỐ", "II HẠ TẦNG SỐ" (the numeral on the title's line)
_SECTION_LINE = re.compile(
    r"^([IVX]{1,5}|[A-ZĐ])\s*[.)]?$|^([IVX]{1,5}|[A-ZĐ])(?:\s*[.)\-–]\s*|\s+)(?=\S)"
)


class _Labels:
    """Which line opens the next row: the next STT number ("3", or "1.2" under "1"), the
    next letter ("b)") under a numbered row, a section ("II", "B", "II. HẠ TẦNG SỐ")."""

    def __init__(self) -> None:
        self.current: list[str] = []
        self.expected, self.sub, self.letter = 1, 0, 0

    def opens(self, line: str) -> list[str] | None:
        after_section = bool(self.current) and _ROMAN_OR_CAPITAL.match(self.current[0]) is not None
        number, sub, letter = _NUMBER.match(line), _SUBNUMBER.match(line), _LETTER.match(line)
        if number and int(number.group(1)) in {self.expected, 1 if after_section else -1}:
            self.expected, self.sub, self.letter = int(number.group(1)) + 1, 0, 0
            return [number.group(1)]
        glued = glued_label(line)  # "1 Xây dựng Nghị định" after a row ending in its time
        done = not self.current or after_section or _is_time(self.current[-1])
        if glued and done and glued[0] in {self.expected, 1 if after_section else -1}:
            self.expected, self.sub, self.letter = glued[0] + 1, 0, 0
            return [str(glued[0]), glued[1]]
        if sub and int(sub.group(1)) == self.expected - 1 and int(sub.group(2)) == self.sub + 1:
            self.sub += 1
            return [f"{sub.group(1)}.{sub.group(2)}"]
        if letter and self.letter < len(_LETTERS) and letter.group(1) == _LETTERS[self.letter]:
            self.letter += 1
            return [line]
        section = _SECTION_LINE.match(line)
        if section and (not self.current or len(self.current) > 1) and _is_section(line):
            self.sub = self.letter = 0
            title = line[section.end() :].strip()
            return [section.group(1) or section.group(2), *([title] if title else [])]
        return None


def _is_section(line: str) -> bool:
    """A Roman numeral or capital letter alone, or before a title in capitals."""
    words = line.split(maxsplit=1)
    return len(words) == 1 or is_upper_line(words[1])


def _flush(row: list[str], matcher: AgencyMatcher, shape: _Shape) -> list[str]:
    if not row:
        return []
    label, cells = row[0], row[1:]
    if _ROMAN_OR_CAPITAL.match(label):
        return [f"{label} | {' '.join(cells)} |  |  | "]
    if shape.trailing:
        cells = _before_product(cells)
    cells, rest = _page_split(cells)
    if shape.time_first and (
        split := split_time_first(cells, matcher, _is_time, coordinators=shape.coordinators)
    ):
        return [" | ".join([label, *split])]
    if _one_line_cells(cells, shape.width, matcher):
        return [_continued([label, *cells], rest, matcher)]
    time_at = len(cells)
    while time_at > 0 and _is_time(cells[time_at - 1]):
        time_at -= 1
    time = " ".join(cells[time_at:])
    body = cells[: _product_at(cells, time_at)]
    lead_at = agency_tail(body, matcher) or next_agency(body, 1, matcher)
    coord_at = 0
    if lead_at and shape.coordinators:
        coord_at = next_agency(body, lead_at + 1, matcher, lead_from=lead_at)
    if rest and lead_at and shape.coordinators:  # the lead's rest is after the page break
        cut = next((k for k in range(lead_at, len(body)) if OPEN_HEAD.search(body[k])), 0)
        coord_at = cut + 1 if 0 < cut < len(body) - 1 else coord_at
    task = " ".join(body[:lead_at] if lead_at else body)
    lead = join_names(body[lead_at : coord_at or None], matcher) if lead_at else ""
    coords = join_names(body[coord_at:], matcher) if coord_at else ""
    return [_continued([label, task, lead, coords, time], rest, matcher)]


def _before_product(cells: list[str]) -> list[str]:
    """The row's cells without the product, note or funding cells printed after its time
    cell ("Quý III/2025" / "Tin, bài", "Năm 2026" / "12.500" / "Ngân sách tỉnh"): the time
    cell names a period or a year, an amount does not."""
    for k in range(len(cells) - 1, 1, -1):
        if _is_time(cells[k]) and _PERIOD.search(fold(cells[k])):
            return cells[: k + 1]
    return cells


_PERIOD = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])|[^\W\d]")


def _page_split(cells: list[str]) -> tuple[list[str], list[str]]:
    """A row cut by a page break prints each cell's rest after the time cell, in column
    order: the task's rest in lower case first ("... thẩm định" / "Quý IV/2026" / "kết quả
    giảm phát thải ..." / "Lâm nghiệp và Kiểm lâm")."""
    for k in range(2, len(cells) - 1):
        if _is_time(cells[k]) and cells[k + 1][:1].islower() and not _is_time(cells[k + 1]):
            return cells[: k + 1], cells[k + 1 :]
    return cells, []


def _continued(row: list[str], rest: list[str], matcher: AgencyMatcher) -> str:
    """The row with the rests of its cells after a page break: lower-case lines go to the
    task, then a line goes to a lead left unfinished ("Viện X, Cục" / "Lâm nghiệp ...")
    and the others to the coordinators."""
    k = 0
    while k < len(rest) and rest[k][:1].islower():
        k += 1
    row[1] = " ".join([row[1], *rest[:k]])
    names = rest[k:]
    if names and row[2] and not whole_names([row[2]], matcher):
        row[2] = f"{row[2]} {names.pop(0)}"
    if names and len(row) > 3:
        row[3] = "; ".join(p for p in (row[3], join_names(names, matcher)) if p)
    return " | ".join(row)


def _one_line_cells(cells: list[str], width: int, matcher: AgencyMatcher) -> bool:
    """A web copy prints each cell on one line: as many lines as the header has columns
    after STT, the second opening an agency name and the last a time cell."""
    if width != 5 or len(cells) != width - 1 or not _is_time(cells[-1]):
        return False
    return bool(matcher.match_one(matcher.expand(cells[1]), 0, bare_groups=True))


def _product_at(cells: list[str], end: int) -> int:
    """Where a product cell before the time cell starts ("Báo cáo", "Quyết định" / "của
    UBND tỉnh"): a line opening with a document type after the lead's lines."""
    k = end
    while k > 2 and cells[k - 1][:1].islower():
        k -= 1
    if k > 2 and _vocab()["product"].match(cells[k - 1]):
        return k - 1
    return end


def _is_time(cell: str) -> bool:
    words = fold(cell).split()
    vocab = _vocab()["time"]
    return bool(words) and all(w in vocab or _NUMERIC.match(w) for w in words)
