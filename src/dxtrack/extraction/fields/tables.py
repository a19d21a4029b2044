"""Appendix task tables: 'STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian'.

The reader renders a table row as one line with cells joined by " | ". A header row
naming a task column and a lead column starts a table; a row whose first cell is a
Roman numeral or a capital letter opens a section; a row numbered "1", "1.", "1.2"
is a task with clause `PL.<section>.<row>` (FORMAT.md); a lettered row "a)" under a
numbered one is `PL.<section>.<row>.<letter>` (the numbered row only groups). Lead and coordinators come
from their columns, the deadline from the time column, where a bare "2025" or
"Tháng 6/2025" is a limit. Rows without a header (a docx table whose header row was left
out, numbered rows "1 | Kiểm tra ... | Sở X | Sở Y | Tháng 5/2026", or "1. Kiểm tra ... |
Sở X | Năm 2026") are read when their cells tell the columns: a text, then a cell opening
with a body in every row, and a time cell at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dxtrack.extraction.fields.agencies import chair_marked, get_matcher
from dxtrack.extraction.fields.deadline import period_day
from dxtrack.extraction.fields.recurrence import time_recurrence
from dxtrack.extraction.fields.task_model import Task, reason_text
from dxtrack.extraction.fields.time_cell import time_cell_deadline
from dxtrack.extraction.normalize import Paragraph
from dxtrack.extraction.textutil import fold, skip_space
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER

# (column, pattern over the folded header cell), first match wins per cell.
COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(?:stt|tt|số\s+tt|số\s+thứ\s+tự)$")),
    # "Lãnh đạo UBND tỉnh phụ trách": the leader in charge (a person), not the lead column
    ("leader", re.compile(r"^lãnh\s+đạo")),
    ("coordinators", re.compile(r"phối\s+hợp")),
    # "Thời gian thực hiện", "Năm thực hiện" are times, not the lead ("... thực hiện")
    (
        "deadline",
        re.compile(r"^(?:thời\s+(?:gian|hạn)|tiến\s+độ|năm\s+(?:thực\s+hiện|hoàn\s+thành))"),
    ),
    (
        "lead",
        re.compile(
            r"chủ\s+trì|thực\s+hiện$|đơn\s+vị\s+thực\s+hiện|cơ\s+quan\s+thực\s+hiện"
            r"|phụ\s+trách|đầu\s+mối|trách\s+nhiệm|(?:cơ\s+quan|đơn\s+vị)\s+tham\s+mưu"
        ),
    ),
    ("deadline", re.compile(r"thời\s+(?:gian|hạn)|tiến\s+độ|hoàn\s+thành")),
    (
        "task",
        re.compile(
            r"nhiệm\s+vụ|nội\s+dung|tên|công\s+việc|đề\s+án|hoạt\s+động|giải\s+pháp"
            r"|danh\s+mục|chương\s+trình|dự\s+án"
        ),
    ),
]
_NUMBER_HEADER = COLUMNS[0][1]  # "STT", "TT": the first cell of a header row
_SECTION = re.compile(r"^\**\s*([IVXLC]{1,6}|[A-ZĐ])\s*[.)]?\s*\**$")
_ROW = re.compile(r"^\**\s*(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?\s*\**$")
# "I. HOÀN THIỆN THỂ CHẾ" in the STT cell of a section row (cells merged in the page)
_SECTION_TITLE = re.compile(r"^\**\s*([IVXLC]{1,6}|[A-ZĐ])\s*[.)\-–]\s*(?=[^a-zđ\W\d]{2})[^a-zđ]*$")
_NAME_SLASH = re.compile(rf"\s*/\s*(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][{LOWER}])")
_LETTER_ROW = re.compile(r"^\**\s*([a-zđ])\s*[.)]?\s*\**$")
# an STT cell holding only a bullet ("-", "+", "•"): a row without a number of its own
_BULLET_CELL = re.compile(r"^[\s*\-–+•.]*$")
# the bullet opening an activity cell ("+ Rà soát ...", ". Hỗ trợ ...")
_TEXT_BULLET = re.compile(r"^[\s*\-–+•.]+(?=\w)")


@lru_cache(maxsize=1)
def _group_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_vocab("layout")["group_column_words"])


@dataclass
class _Table:
    columns: dict[str, int]
    section: str = ""
    directory: tuple[str, ...] = ()
    rows: int = 0  # rows read after the header (the row number of a table without STT)
    parent: str = ""  # the numbered row above lettered rows ("1" over "a)", "b)")
    width: int = 0  # cells of the header row
    grouped: bool = False  # numbered group rows in a table without STT ("1 | Lập quy hoạch")
    when: str = ""  # the time cell merged over the rows of a group (empty below its first)
    # (section, parent) of the table above when its header is repeated (a page break); a
    # next row numbered 1 starts a table of its own
    carried: tuple[str, str] = ("", "")
    leads: tuple[str, ...] = ()  # the lead of the numbered row above (a merged lead cell)
    headless: bool = False  # numbered rows without a header, columns told from their cells


def _carried(table: _Table | None, columns: dict[str, int]) -> tuple[str, str]:
    same = table is not None and table.columns == columns
    return (table.section, table.parent) if table and same else ("", "")


def cells(line: str, width: int = 0) -> list[str]:
    """The cells of a row. The reader joins cells by " | " (a first or last cell empty
    leaves a pipe at the edge); a Markdown row "| a | b |" has pipes at both edges, which
    only the header's `width` can tell from two empty edge cells."""
    text = line.strip()
    parts = text.split("|")
    if len(text) > 1 and text[0] == text[-1] == "|" and not (width and len(parts) == width):
        parts = parts[1:-1]
    return [c.strip() for c in parts]


def header_columns(row: list[str]) -> dict[str, int] | None:
    """Column positions when the row is a header (short cells naming the columns)."""
    if not row or _ROW.match(row[0]) or any(len(c.split()) > 12 for c in row):
        return None
    found: dict[str, int] = {}
    group: int | None = None  # "Nhóm hoạt động" beside "Hoạt động": the rows' group
    for i, cell in enumerate(row):
        key = " ".join(fold(cell).replace("*", "").split())
        for name, pattern in COLUMNS:
            if name not in found and pattern.search(key):
                if name == "task" and group is None and key.split()[0] in _group_words():
                    group = i
                    break
                found[name] = i
                break
    if "task" not in found and group is not None:
        found["task"] = group  # no other column names the task: the group's is it
    if {"task", "lead"} - found.keys():
        return None
    lead = found["lead"]
    if "coordinators" not in found and lead + 1 < len(row) and not row[lead + 1].strip("* "):
        # "Cơ quan thực hiện" merged over "Chủ trì" | "Phối hợp" (a second header row)
        found["coordinators"] = lead + 1
    return found


def extract_table_tasks(
    paragraphs: list[Paragraph], *, year: int | None, directory: tuple[str, ...] = ()
) -> list[Task]:
    tasks: list[Task] = []
    table: _Table | None = None
    tried = 0
    for i, para in enumerate(paragraphs):
        if " | " not in para.text and not para.text.startswith("|"):
            if table and (section := _SECTION_TITLE.match(para.text)):
                table.section, table.parent = section.group(1), ""  # a one-cell section row
            elif table and table.headless:
                table = None  # a table without header ends with its rows
            continue
        row = cells(para.text, table.width if table else 0)
        columns = header_columns(row)
        if columns:
            table = _Table(columns, directory=directory, carried=_carried(table, columns))
            table.width = len(row)
            continue
        if row and _NUMBER_HEADER.match(" ".join(fold(row[0]).replace("*", "").split())):
            # "| STT | Tên dự án | Chủ đầu tư | Tổng mức đầu tư |": another table's header, with
            # no lead column (a list of projects, of indicators): its rows are no tasks
            table, tried = None, _run_end(paragraphs, i)
            continue
        if table is None:
            if i < tried:
                continue  # a run of rows already found to be no table without header
            table = _headless(paragraphs, i, directory)
            if table is None:
                tried = _run_end(paragraphs, i)
                continue
        if table.headless:
            row = _split_number(row)
        if table.rows == 0 and (roles := _sub_header(row)):
            table.columns = {**table.columns, **roles}  # "Thực hiện" over "Chủ trì" | "Phối hợp"
            table.width = max(table.width, len(row))
            continue
        table.rows += 1
        task = _row_task(table, row, para, year=year)
        if task:
            tasks.append(task)
    return tasks


def _row_task(table: _Table, row: list[str], para: Paragraph, *, year: int | None) -> Task | None:
    col = table.columns
    first = row[col.get("number", 0)] if row else ""
    section = _SECTION.match(first) or _SECTION_TITLE.match(first)
    if table.carried != ("", "") and not section and first.strip("*. ") != "1":
        table.section, table.parent = table.carried  # the table goes on after a page break
    table.carried = ("", "")
    if section:
        table.section, table.parent, table.when = section.group(1), "", ""
        return None
    if (letter := _LETTER_ROW.match(first)) and not table.parent and _title_only(row, col):
        # "| a) | Nhóm hoạt động ... |" with no numbered row above: a lettered section
        table.section, table.when = letter.group(1), ""
        return None
    text = _TEXT_BULLET.sub("", _cell(row, col.get("task")))
    label = _label(table, first, text)
    if label is None or not text:
        return None
    leads = _agencies(_cell(row, col.get("lead")), table.directory)
    coordinators = _agencies(_cell(row, col.get("coordinators")), table.directory)
    if "coordinators" not in col:  # "Sở X (chủ trì); Sở Y" in a lone "Đơn vị thực hiện" column
        leads, coordinators = _marked(_cell(row, col.get("lead")), leads, table.directory)
    when = _cell(row, col.get("deadline"))
    if table.grouped:  # a time cell merged over a group's rows is printed in its first
        when = table.when = when or table.when
    if not leads and not first.strip("* ") and label and label == table.parent:
        leads = list(table.leads)  # STT and lead cells merged over this row and the one above
    if not leads:
        return None
    if first.strip("* "):
        table.leads = tuple(leads)
    recurrence = time_recurrence(fold(when))  # the task text's "thường xuyên" is a noun's
    deadline = time_cell_deadline(when, year=year, recurrence=recurrence)
    clause = ".".join(p for p in ("PL", table.section, label) if p)
    return Task(
        clause,
        leads,
        coordinators,
        deadline,
        recurrence,
        " ".join(text.replace("*", "").split()),
        (para.start, para.end),
        period_day=None if deadline else period_day(fold(when), recurrence=recurrence),
        rule="table_row",
        reason=reason_text("table_row"),
    )


def _label(table: _Table, first: str, text: str) -> str | None:
    """The row's path under its section (None: no task row): its STT number, "1.a" for a
    lettered row under row 1, "1" for a row with an empty STT cell under row 1; without an STT column the row's order, or the number of the
    group row above ("1 | Lập nhiệm vụ quy hoạch" in the first column, then rows of that
    group; "" right under a section)."""
    number = _ROW.match(first)
    if "number" not in table.columns:
        if number and table.columns.get("task") != 0:
            table.parent, table.grouped, table.when = number.group(1), True, ""
            return number.group(1)
        if table.grouped:
            return table.parent
        if text and not _SECTION.match(text):
            number = _ROW.match(str(table.rows))  # a table without an STT column: row order
    if number:
        table.parent = number.group(1)
        return table.parent
    if (letter := _LETTER_ROW.match(first)) and table.parent:
        return f"{table.parent}.{letter.group(1)}"
    if not first.strip("* ") and table.parent and text:
        return table.parent  # a row under row 1 with no STT of its own (a merged STT cell)
    if _BULLET_CELL.match(first) and not table.parent and table.section and text:
        return ""  # "| - | ... |", "|  | + ... |" in a section without numbered rows: PL.<section>
    return None


def _title_only(row: list[str], col: dict[str, int]) -> bool:
    """A row holding only its number and a title: no cell after the one after its number."""
    start = col.get("number", 0) + 2
    return not any(c.strip("* ") for c in row[start:])


# "1. Nâng cấp Cổng dịch vụ công" in the first cell: the row number before the task's text
_NUMBERED_TEXT = re.compile(r"^\**\s*(\d{1,3}(?:\.\d{1,3})*)\s*[.)]\s+(\S.*)$")
_HEADLESS_ROWS = 2  # numbered rows that make a table without its header


def _split_number(row: list[str]) -> list[str]:
    m = _NUMBERED_TEXT.match(row[0]) if row else None
    return [m.group(1), m.group(2), *row[1:]] if m else row


def _headless(paragraphs: list[Paragraph], at: int, directory: tuple[str, ...]) -> _Table | None:
    """A table without a header starting at `at`: numbered rows of one width (three cells or
    more), a text cell, a cell opening with a body in each row (the lead; the cell after it,
    before the time, the coordinators) and a time cell (a period or a recurrence)."""
    rows: list[list[str]] = []
    for para in paragraphs[at:]:
        if " | " not in para.text and not para.text.startswith("|"):
            break
        row = _split_number(cells(para.text))
        if not _section_row(row):  # "| II | Công tác kiểm tra | | |" between the rows
            rows.append(row)
    width = len(rows[0]) if rows else 0
    if len(rows) < _HEADLESS_ROWS or width < 3 or any(len(r) != width for r in rows):
        return None
    if not all(_ROW.match(r[0]) and len(r[1].split()) >= 3 for r in rows):
        return None
    if any(_PERSON.match(r[1]) for r in rows):
        return None  # "1 | Ông Nguyễn Văn A | Giám đốc Sở X | ...": a roll of members
    matcher = get_matcher(directory)

    def bodies(c: int, *, empty: bool = False) -> bool:
        return all(
            (empty and not r[c]) or matcher.match_one(matcher.expand(r[c]), 0, bare_groups=True)
            for r in rows
        )

    when = next((c for c in range(width - 1, 2, -1) if all(_is_time(r[c]) for r in rows)), None)
    if when is None and width == 4 and bodies(2) and bodies(3, empty=True):
        # "1 | Rà soát ... | Sở X | Sở Y": a lead and a coordinators' cell, no time column
        columns = {"number": 0, "task": 1, "lead": 2, "coordinators": 3}
        return _Table(columns, directory=directory, width=width, headless=True)
    lead = next((c for c in range(2, when or 0) if bodies(c)), None)
    if when is None or lead is None:
        return None
    columns = {"number": 0, "task": 1, "lead": lead, "deadline": when}
    if lead + 1 < when:
        columns["coordinators"] = lead + 1
    return _Table(columns, directory=directory, width=width, headless=True)


def _run_end(paragraphs: list[Paragraph], at: int) -> int:
    """The index after the run of table rows starting at `at`."""
    end = at
    while end < len(paragraphs) and (
        " | " in paragraphs[end].text or paragraphs[end].text.startswith("|")
    ):
        end += 1
    return end


_PERSON = re.compile(r"^\W*(?:[Ôô]ng|[Bb]à|[Đđ]ồng\s+chí)\s")


def _section_row(row: list[str]) -> bool:
    """A section row between a table's rows: a Roman numeral or a capital letter (perhaps
    with its title) in the first cell, nothing after the title cell."""
    if not row:
        return False
    titled = bool(_SECTION.match(row[0]) or _SECTION_TITLE.match(row[0]))
    return titled and not any(c.strip("* ") for c in row[2:])


def _is_time(cell: str) -> bool:
    folded = fold(cell)
    if not cell or len(cell.split()) > 8:
        return False
    recurrence = time_recurrence(folded)
    return bool(recurrence) or time_cell_deadline(cell, year=None, recurrence=None) is not None


def _sub_header(row: list[str]) -> dict[str, int]:
    """Roles named by a second header row ("", "", "Đơn vị chủ trì", "Đơn vị phối hợp"):
    every filled cell names a column and none is a number."""
    roles: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = " ".join(fold(cell).replace("*", "").split())
        if not key:
            continue
        name = next((name for name, pattern in COLUMNS if pattern.search(key)), None)
        if name is None or name == "number" or len(key.split()) > 8:
            return {}
        roles.setdefault(name, i)
    return roles


def _marked(cell: str, leads: list[str], directory: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The lead and coordinators of a lone "Đơn vị thực hiện" cell whose lead is marked
    "(chủ trì)" ("Sở Công Thương (chủ trì); Ủy ban nhân dân các phường")."""
    matcher = get_matcher(directory)
    ex = matcher.expand(cell)
    found, _ = matcher.match_list(ex, 0, bare_groups=True)
    marked = chair_marked(ex, found)
    if not marked:
        return leads, []
    return [m.name for m in found[:marked]], [m.name for m in found[marked:]]


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _agencies(cell: str, directory: tuple[str, ...]) -> list[str]:
    if not cell or cell in {"-", "–"}:
        return []
    names = _NAME_SLASH.split(cell)  # "Vụ Kế hoạch - Tài chính/ Ban Quản lý quy hoạch"
    if len(names) > 1:
        return [name for part in names for name in _agencies(part, directory)]
    matcher = get_matcher(directory)
    ex = matcher.expand(cell)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    while found and (at := skip_space(ex.folded, end)) < len(ex.folded):
        # "Sở Nội vụ Văn phòng UBND tỉnh": names a copy put on lines of one cell ("<br>"), now
        # side by side without a separator; a cell of names goes on to the next one
        more, end = matcher.match_list(ex, at, bare_groups=True)
        if not more:
            break
        found += more
    if found:
        return [m.name for m in found]
    parts = [p.strip(" .-–") for p in re.split(r"[;,/]|\bvà\b", ex.text) if p.strip(" .-–")]
    return [p[:1].upper() + p[1:] for p in parts]
