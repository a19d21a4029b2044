"""One-cell-per-line task tables whose lead column comes before the task column.

Some appendix tables (national resolutions in the Công báo, provincial plans) print
`STT | Đơn vị chủ trì | Nhiệm vụ | Đơn vị phối hợp | Thời gian`: the STT and the lead
are one cell merged over all the rows of that lead, so the text layer prints them once,
somewhere inside the group (a merged cell is centred over its rows):

    Tham mưu ban hành ... / (1) Sở Tư pháp / Quý IV/2025 /          <- a row of group 1
    1 / Sở Khoa học và / Công nghệ /                                 <- group 1's label
    Xây dựng Kiến trúc số ... / (1) Văn phòng UBND tỉnh / Tháng 6/2026

Rows end at their time cell. The rows before the first label belong to it; the rows
between two labels are cut where the first group's rows after its label weigh (in
lines) about what its rows before it weigh, and the row right after a label is that
label's. Output: the `layout_tables.HEADER` rows `1 | task | lead | coordinators | time`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dxtrack.extraction.fields.agencies import AgencyMatcher

_ORDINAL = re.compile(r"^\(\d{1,2}\)\s*")  # "(1) Bộ Tư pháp" in a coordinators cell


@dataclass
class _Group:
    label: str
    lead: str
    at: int  # index of the first row printed after the label
    rows: list[list[str]] = field(default_factory=list)


def lead_first(header_text: str) -> bool:
    """The header names the lead's column before the task's ("STT / Cơ quan chủ trì /
    Nhiệm vụ", "STT / Đơn vị / Nhiệm vụ chủ trì")."""
    lead = re.search(r"\b(?:cơ\s+quan|đơn\s+vị|chủ\s+trì)\b", header_text)
    task = re.search(r"\b(?:nhiệm\s+vụ|nội\s+dung|công\s+việc|tên)\b", header_text)
    return bool(lead and task) and lead.start() < task.start()  # type: ignore[union-attr]


def group_rows(
    lines: list[str],
    matcher: AgencyMatcher,
    *,
    is_label,
    is_time,
    whole_names,
    split_row,
) -> list[str]:
    """The table rows of a lead-first table's body lines (furniture already dropped).
    `is_label(line)` says whether a line is the next STT number; `split_row(cells)`
    gives (task, coordinators, time) of one row's lines."""
    rows: list[list[str]] = []
    groups: list[_Group] = []
    current: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if is_label(line):
            if current and rows and _leftover(current):
                rows[-1].extend(current)  # "Đề án": the end of the row's wrapped time cell
            elif current:
                rows.append(current)
            current = []
            lead_end = _lead_end(lines, k + 1, whole_names)
            groups.append(_Group(line.rstrip("."), " ".join(lines[k + 1 : lead_end]), len(rows)))
            k = lead_end
            continue
        current.append(line)
        k += 1
        while is_time(line) and k < len(lines) and lines[k][:1].islower():
            current.append(lines[k])  # "Quý IV/2024 và" / "theo lộ trình triển khai ..."
            k += 1
        if is_time(line) and (k >= len(lines) or not _goes_on(lines[k], is_time)):
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    if not groups:
        return []
    _assign(rows, groups)
    out: list[str] = []
    for group in groups:
        for row in group.rows:
            task, coords, time = split_row(row)
            coords = "; ".join(_ORDINAL.sub("", c) for c in coords.split("; ") if c)
            out.append(f"{group.label} | {task} | {group.lead} | {coords} | {time}")
    return out


def _goes_on(line: str, is_time) -> bool:
    """The line after a time-like line goes on with the same row: another time line, or the
    row's coordinators cell ("(1) Bộ Tài chính"), printed before its time cell, so that the
    time-like line ended the task's text ("... trang cấp trong giai đoạn" / "2023 - 2025")."""
    return bool(is_time(line) or _ORDINAL.match(line))


def _lead_end(lines: list[str], start: int, whole_names) -> int:
    """Where the lead cell after a label ends: the longest run of up to six lines that
    forms whole names and is followed by a line opening with a capital (the task)."""
    best = start
    for end in range(start + 1, min(len(lines), start + 6) + 1):
        if whole_names(lines[start:end]) and (end == len(lines) or lines[end][:1].isupper()):
            best = end
    best = best if best > start else min(start + 1, len(lines))
    while best < len(lines) and _name_rest(lines[best]):
        best += 1  # "UBND thành phố" / "Hà Nội, Thành" / "phố Hồ Chí Minh," / ...
    return best


def _name_rest(line: str) -> bool:
    """A line that goes on with a list of names in a narrow cell: lower case, or a few
    words around a comma ("Hòa Bình, Cần")."""
    return line[:1].islower() or (len(line.split()) <= 4 and "," in line)


def _leftover(lines: list[str]) -> bool:
    """A few short lines before a label: the rest of the row above, not a row."""
    return len(lines) <= 2 and all(len(line.split()) <= 3 for line in lines)


def _weight(row: list[str]) -> int:
    return len(row)


def _assign(rows: list[list[str]], groups: list[_Group]) -> None:
    """Cut the rows between groups (see the module's docstring)."""
    start = 0
    for n, group in enumerate(groups):
        limit = groups[n + 1].at if n + 1 < len(groups) else len(rows)
        if n + 1 == len(groups):
            end = len(rows)
        else:
            before = sum(_weight(r) for r in rows[start : group.at])
            end, after = min(group.at + 1, limit), 0
            after = sum(_weight(r) for r in rows[group.at : end])
            while end < limit and abs(after + _weight(rows[end]) - before) < abs(after - before):
                after += _weight(rows[end])
                end += 1
        group.rows = rows[start:end]
        start = end
