"""Agency names in the cell lines of a one-cell-per-line task table (layout stage).

`layout_tables.py` and `layout_groups.py` cut a row's lines into cells: where the lead cell
starts (`agency_tail`, `next_agency`), whether the lines so far form whole names
(`whole_names`: not after "Sở A," or a bare "Cục"), and a cell's lines joined into names
separated by "; " (`join_names`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dxtrack.extraction.fields.agencies import AgencyMatcher

_CONNECTOR_END = re.compile(r"(?:[,;\-–]|\bvà)$")
# a name cut after its head word ("Viện X, Cục" / "Lâm nghiệp và Kiểm lâm")
OPEN_HEAD = re.compile(r"(?:^|[\s,;])(?:Sở|Cục|Bộ|Vụ|Viện|Ban|Phòng|Ủy ban|Trung tâm|Chi cục)$")


def agency_tail(cells: list[str], matcher: AgencyMatcher) -> int:
    """The first line from which every remaining line is agency names (the lead cell, then
    possibly the coordinators): a task text that mentions "Chính phủ" is not cut there."""
    for k in range(1, len(cells)):
        if cells[k][:1].isupper() and _names_only(_joined(cells[k:], matcher), matcher):
            return k
    return 0


def _names_only(text: str, matcher: AgencyMatcher) -> bool:
    ex = matcher.expand(text)
    pos = 0
    for _ in range(2):  # the lead list, then the coordinators list
        found, end = matcher.match_list(ex, pos, bare_groups=True)
        if not found:
            return False
        pos = len(ex.text) - len(ex.text[end:].lstrip(" ,;.-–"))
        if pos >= len(ex.text.rstrip(" ,;.")):
            return True
    return False


def whole_names(lines: list[str], matcher: AgencyMatcher) -> bool:
    """The lines form whole agency names: no trailing connector ("Sở A," / "và") or bare
    head word ("Cục"), and the names run to the end of the text."""
    text = _joined(lines, matcher)
    if _CONNECTOR_END.search(text) or OPEN_HEAD.search(text):
        return False
    ex = matcher.expand(text)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    return bool(found) and end >= len(ex.text.rstrip(" .;,")) - 1


def join_names(lines: list[str], matcher: AgencyMatcher) -> str:
    """The lines of a cell of names: "; " where a line ends whole names and the next opens
    another ("Văn phòng" / "Ủy ban nhân dân tỉnh" / "Công an tỉnh" is two names); a line
    that opens no name ends the one above ("Đài Truyền hình" / "Việt Nam")."""
    out, start = "", 0
    for k, line in enumerate(lines):
        if (
            k
            and line[:1].isupper()
            and whole_names(lines[start:k], matcher)
            and _opens(lines, k, matcher)
        ):
            out, start = f"{out}; ", k
        elif k:
            out += " "
        out += line
    return out


_UNIT_END = re.compile(r"(?:^|\s)(?:tỉnh|[Tt]hành phố|huyện|quận|thị xã|xã|phường|đặc khu)$")


def _joined(lines: list[str], matcher: AgencyMatcher) -> str:
    """The lines as one text for the matcher; a line ending in a unit word before a line
    that opens another name ends a name ("Ủy ban nhân dân tỉnh" / "Công an tỉnh" is two
    names, "Ủy ban nhân dân tỉnh" / "Lào Cai" one)."""
    out = ""
    for k, line in enumerate(lines):
        if k:
            cut = (
                _UNIT_END.search(lines[k - 1]) and line[:1].isupper() and _opens(lines, k, matcher)
            )
            out += "; " if cut else " "
        out += line
    return out


def _opens(lines: list[str], k: int, matcher: AgencyMatcher) -> bool:
    """Line k opens an agency name ("Ủy ban nhân dân" / "các xã, phường" read together)."""
    return bool(matcher.match_one(matcher.expand(" ".join(lines[k : k + 4])), 0, bare_groups=True))


def next_agency(
    cells: list[str], start: int, matcher: AgencyMatcher, *, lead_from: int | None = None
) -> int:
    """Index of the first cell line from `start` that opens an agency name with a capital.
    For the coordinators (`lead_from`: where the lead cell starts): only once the lead's
    lines so far form whole names, not right after "Sở A," or a bare "Văn phòng"."""
    for k in range(max(start, 1), len(cells)):
        cell = cells[k]
        if not cell[:1].isupper():
            continue
        if lead_from is not None and not whole_names(cells[lead_from:k], matcher):
            continue
        if _opens(cells, k, matcher):
            return k
    return 0


def split_time_first(
    cells: list[str], matcher: AgencyMatcher, is_time: Callable[[str], bool], *, coordinators: bool
) -> list[str] | None:
    """Task, lead, coordinators and time cells of a row whose header puts the time column
    before the lead's ("STT / Nhiệm vụ / Thời gian hoàn thành / Cơ quan chủ trì / ..."): the
    lead starts where the names start, the time is the run of time lines right before it."""
    lead_at = agency_tail(cells, matcher) or next_agency(cells, 1, matcher)
    time_at = lead_at
    while time_at > 1 and is_time(cells[time_at - 1]):
        time_at -= 1
    if not lead_at or time_at == lead_at:
        return None
    names = cells[lead_at:]
    coord_at = next_agency(names, 1, matcher, lead_from=0) if coordinators else 0
    return [
        " ".join(cells[:time_at]),
        join_names(names[: coord_at or None], matcher),
        join_names(names[coord_at:], matcher) if coord_at else "",
        " ".join(cells[time_at:lead_at]),
    ]
