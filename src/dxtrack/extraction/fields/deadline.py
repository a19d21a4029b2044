"""Deadlines: the first stated time limit of a clause, as an ISO date.

Rules are a named, ordered table (name, pattern, handler). Every rule finds its
candidates in the folded clause text; a candidate inside a masked span (the date of
a cited document) or opening a range ("từ quý II/2027") is not a deadline; of the
rest, the first stated wins (FORMAT.md: "two deadlines in one clause -> the first").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from dxtrack.extraction.vocab import alternation, cued, entry_cues
from dxtrack.extraction.vocab import load as load_vocab

_D = r"(\d{1,2})"
# A day with no digit (or "/") just before it, "(?<![\d/])(\d{1,2})", written with the
# look-behind after its first digit so that the regex engine skips ahead from digit to digit;
# _D_NO_DIGIT is "(?<!\d)(\d{1,2})".
_D_ALONE = r"(\d(?<![\d/]\d)\d?)"
_D_NO_DIGIT = r"(\d(?<!\d\d)\d?)"
_D_FREE = r"(\d(?<![\d/.\-]\d)\d?)"  # "(?<![\d/.\-])(\d{1,2})"
_M = r"(\d{1,2})"
_Y = r"((?:19|20)\d\d)"
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_TRIGGER = re.compile(
    r"(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|thời\s+hạn|hạn|đến|hết|xong|hoàn\s+thành|trong"
    r"|không\s+quá|kết\s+thúc|thời\s+gian(?:\s+\w+){0,3}\s*:?|cuối|vào|ngay"
    # a session to report at: "báo cáo ... tại phiên họp tháng 9 năm 2022" (a past one, "tại
    # phiên họp vào ngày ...", is `_past_meeting`)
    r"|(?:tại|trong)\s+(?:phiên|kỳ)\s+họp(?:\s+thường\s+kỳ)?"
    r"|hạn\s+cuối(?:\s+[^\s.;:]+){0,6}?\s+là)\s*:?\s*(?:là\s+)?"
    # a time of day before the date: "trước 17 giờ ngày 20/5/2025", "trước 16 giờ 00, ngày ..."
    r"(?:(?:lúc\s+)?\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}\s*['’]?)?(?:\s*phút)?\s*,?\s*)?"
    # a part of the day: "trong chiều ngày 03/10/2025", "trước 17 giờ chiều ngày ..."
    r"(?:(?:buổi\s+)?(?:sáng|trưa|chiều|tối)\s+)?"
    # the weekday before the date of a limit: "trước thứ Sáu, ngày 04/12/2026" (not a
    # meeting's "Thời gian: chiều thứ Hai, ngày ...")
    r"(?:(?:(?<=trước\s)|(?<=nhất\s))(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)?"
    r"(?:ngày|hết)?\s*[:,]?\s*$"
)
# "năm 2025 và các năm tiếp theo", "từ năm 2025 trở đi": open-ended, no deadline (FORMAT.md).
_OPEN_END = re.compile(
    r"\s*(?:và\s+|,\s*)?(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)|\s*trở\s+đi"
    r"|\s*(?:và|,)\s*(?:các\s+)?(?:giai\s+đoạn\s+)?tiếp\s+theo"  # "đến năm 2020 và tiếp theo"
)
# "số liệu tính đến (hết) ngày ...", "số liệu từ ngày ... đến ngày ...": a data cut-off.
# (Searched only where "tính" or "liệu" is: see `_cut_off`, keep it in step.)
_CUT_OFF = re.compile(
    r"(?:tính\s+(?:đến|tới)|(?:tính|số\s+liệu)\s+(?:\w+\s+){0,3}?từ\s+[^.;()]{1,30}?\s+(?:đến|tới))"
    r"\s+(?:hết\s+)?(?:ngày|thời\s+điểm)?\s*$"
)
_OPEN_END_IN = re.compile(
    r"(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)|trở\s+đi|(?:và|,)\s*(?:giai\s+đoạn\s+)?tiếp\s+theo"
)
OPEN_ENDED = _OPEN_END_IN  # for a time cell ("Từ năm 2013 đến năm 2020 và tiếp theo")
_Q = r"(iv|i{1,3}|[1-4])"
# A year "trong năm ..." followed by its owner ("giải ngân các nhiệm vụ trong năm 2025 của
# Nghị quyết số ..."): it qualifies the noun before it, no time limit of the action. (A
# session's owner, "tại phiên họp tháng 9 năm 2022 của Ủy ban", keeps its date.)
_OWNER = re.compile(r"\s*của\s")
# A recurring day ("trước ngày 18 hằng tháng", "ngày 5 của tháng đầu quý"): when stated before
# every dated candidate it is the clause's first limit (FORMAT.md: null with the recurrence).
_RECURRING_DAY = re.compile(
    r"\bngày\s+\d{1,2}(?!\s*[/.\-]\s*\d)\s+(?:của\s+)?(?:hằng|hàng|mỗi)\s+(?:tháng|quý)\b"
)
# (searched only where "từ", "sau" or "bắt" is: see `_start`, keep it in step)
_START = re.compile(r"(?:\btừ|bắt\s+đầu(?:\s+từ)?|kể\s+từ|sau)\s*(?:ngày|tháng|quý|năm)?\s*$")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: date
    has_year: bool
    triggered: bool


def last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_full_date(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    d, mo, y = m.group(1), m.group(2), m.group(3)
    if y:
        return _safe(int(y), int(mo), int(d)), True
    return (_safe(year, int(mo), int(d)) if year else None), False


def parse_month(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    mo, y = int(m.group(1)), m.group(2)
    if not 1 <= mo <= 12:
        return None, False
    if y:
        return last_day(int(y), mo), True
    return (last_day(year, mo) if year else None), False


def parse_month_range(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    mo, y = int(m.group(2)), int(m.group(3))
    return (last_day(y, mo) if 1 <= mo <= 12 else None), True


def _month_end(month: str, year: str) -> tuple[date | None, bool]:
    mo = int(month)
    return (last_day(int(year), mo) if 1 <= mo <= 12 else None), True


def parse_quarter(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    q, y = _ROMAN_Q[m.group(1)], m.group(2)
    yy = int(y) if y else year
    return (last_day(yy, q * 3) if yy else None), bool(y)


def parse_quarter_list(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    return last_day(int(m.group(2)), _ROMAN_Q[m.group(1)] * 3), True


def parse_year(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    return date(int(m.group(1)), 12, 31), True


def parse_months_of_year(m: re.Match[str], year: int | None) -> tuple[date | None, bool]:
    months = {"6": 6, "sáu": 6, "9": 9, "chín": 9, "3": 3, "ba": 3}[m.group(1)]
    if m.group(2) == "cuối":
        months = 12
    yy = int(m.group(3)) if m.group(3) else year
    return (last_day(yy, months) if yy else None), bool(m.group(3))


# The within_year rule's plain form (see RULES).
WITHIN_YEAR_PLAIN = (
    rf"(?<=trong\s)(?:(?:các|hai|ba|\d{{1,2}})\s+)?năm\s+(?:(?:19|20)\d\d\s*[-–]\s*)?{_Y}"
    rf"|(?:^|(?<=[.;:]\s))đến\s+năm\s+{_Y}(?=\s*,)"
    rf"|(?<=hết\s)năm\s+{_Y}|(?<=cuối\s)năm\s+{_Y}|(?<=\()năm\s+{_Y}(?=\s*\))"
    rf"|(?<=;\s)năm\s+(?:(?:19|20)\d\d\s*[-–]\s*)?{_Y}(?=\s*\))"
    rf"|(?<=hoàn\sthành\s)năm\s+{_Y}(?!\s*[-–/])"
    rf"|(?<=kết\sthúc\s)năm\s+{_Y}"
)

Handler = Callable[[re.Match[str], "int | None"], "tuple[date | None, bool]"]

# (name, pattern, handler, needs_trigger): the table of deadline forms.
RULES: list[tuple[str, re.Pattern[str], Handler, bool]] = [
    (
        "month_range",
        re.compile(rf"tháng\s+{_M}\s*[-–,]\s*{_M}\s*(?:/|năm)\s*{_Y}"),  # "Tháng 11, 12/2013"
        parse_month_range,
        False,
    ),
    (
        # "tháng 10 - tháng 12/2025", "tháng 11 và tháng 12/2025", "tháng 6/2025 - 12/2025"
        "month_list",
        re.compile(
            rf"tháng\s+\d{{1,2}}(?:\s*/\s*{_Y})?\s*(?:[-–]|và)\s*tháng\s+{_M}\s*(?:/|năm)\s*{_Y}"
            rf"|tháng\s+\d{{1,2}}\s*/\s*(?:19|20)\d\d\s*[-–]\s*(?:tháng\s+)?{_M}\s*/\s*{_Y}"
        ),
        lambda m, y: _month_end(m.group(2) or m.group(4), m.group(3) or m.group(5)),
        False,
    ),
    (
        # "quý III, IV/2026", "Quý III - IV/2026", "quý III và quý IV năm 2026": the last
        "quarter_list",
        re.compile(
            rf"quý\s+(?:(?:iv|i{{1,3}}|[1-4])\s*(?:,|-|–|và)\s*(?:quý\s+)?)+{_Q}\b"
            rf"\s*(?:/|năm|-)\s*{_Y}"
        ),
        parse_quarter_list,
        False,
    ),
    (
        "full_date",
        re.compile(rf"{_D_ALONE}\s*[/.\-]\s*{_M}\s*[/.\-]\s*{_Y}(?![\d/])"),
        parse_full_date,
        True,
    ),
    (
        # "trước ngày 15/3/25", "15-03-25": a two-digit year, only after a trigger
        "short_year_date",
        re.compile(rf"{_D_FREE}\s*([/.\-])\s*{_M}\s*\2\s*(\d\d)(?![\d/]|[.\-]\d)"),
        lambda m, y: (_safe(2000 + int(m.group(4)), int(m.group(3)), int(m.group(1))), True),
        True,
    ),
    (
        "written_date",
        re.compile(rf"{_D_NO_DIGIT}\s+tháng\s+{_M}\s+(?:năm|tháng)\s+{_Y}"),
        parse_full_date,
        True,
    ),
    ("day_month", re.compile(rf"{_D_ALONE}\s*/\s*{_M}()(?![\d/])"), parse_full_date, True),
    (
        "written_day_month",
        re.compile(rf"{_D_NO_DIGIT}\s+tháng\s+{_M}()(?!\s*(?:năm|/)\s*\d)"),
        parse_full_date,
        True,
    ),
    ("month", re.compile(rf"tháng\s+{_M}(?:\s*(?:/|năm)\s*{_Y})?(?![\d/])"), parse_month, True),
    (
        "quarter",
        re.compile(
            rf"quý\s+(iv|i{{1,3}}|[1-4])\b(?:\s*,?\s*(?:/|năm|-)\s*{_Y})?"
        ),  # "Quý III, năm 2022"
        parse_quarter,
        False,
    ),
    (
        "part_of_year",
        re.compile(rf"(?<!\d)0?(6|sáu|9|chín)\s+tháng\s+(đầu|cuối)?\s*năm(?:\s+{_Y})?"),
        parse_months_of_year,
        False,
    ),
    (
        # "từ năm 2026 đến năm 2030", "từ năm 2026 đến hết năm 2030": the range's end
        "year_range",
        re.compile(rf"năm(?<=từ\snăm)\s+(?:19|20)\d\d\s*(?:đến|[-–])\s*(?:hết\s+)?năm\s+{_Y}"),
        parse_year,
        False,
    ),
    (
        # "trước năm 2025": the end of the year before (FORMAT.md's "trước ngày" read for a year)
        "before_year",
        # "(?<=trước\s)năm ...", the word first and what comes before checked behind it, so
        # that the regex engine skips ahead to the word
        re.compile(rf"năm(?<=trước\snăm)\s+{_Y}(?!\s*[-–/])"),
        lambda m, y: (date(int(m.group(1)) - 1, 12, 31), True),
        False,
    ),
    (
        "within_year",
        # Each form opens with the class of its first letters, where the regex engine skips
        # ahead to, and checks what comes before behind that letter; the plain form is
        # WITHIN_YEAR_PLAIN (tests/extraction/test_fast_paths.py holds both to one result).
        re.compile(
            rf"[nđchb\d](?:ăm(?:"
            # "trong năm 2025"; "trong các năm 2025 - 2026": the range's end
            rf"(?<=trong\snăm)\s+(?:(?:19|20)\d\d\s*[-–]\s*)?{_Y}"
            rf"|(?<=hết\snăm)\s+{_Y}|(?<=cuối\snăm)\s+{_Y}|(?<=\(năm)\s+{_Y}(?=\s*\))"
            # "(Sở Công Thương; năm 2026)", "(...; năm 2026 - 2027)": the (last) year closing a
            # bracket after its bodies
            rf"|(?<=;\snăm)\s+(?:(?:19|20)\d\d\s*[-–]\s*)?{_Y}(?=\s*\))"
            # "(...; hoàn thành năm 2027)": the year the work is to be finished in
            rf"|(?<=hoàn\sthành\snăm)\s+{_Y}(?!\s*[-–/])"
            # "Kết thúc năm 2013, Chính phủ báo cáo ...": the year's end
            rf"|(?<=kết\sthúc\snăm)\s+{_Y})"
            rf"|(?:ác(?<=trong\scác)|ai(?<=trong\shai)|a(?<=trong\sba)|(?<=trong\s\d)\d?)"
            rf"\s+năm\s+(?:(?:19|20)\d\d\s*[-–]\s*)?{_Y}"
            # "Đến năm 2015, hoàn thành ...": a year fronted before the action
            rf"|ến(?:(?<=^đến)|(?<=[.;:]\sđến))\s+năm\s+{_Y}(?=\s*,))"
        ),
        lambda m, y: (date(int(next(g for g in m.groups() if g)), 12, 31), True),
        False,
    ),
]


def find_deadlines(
    folded: str, *, year: int | None, masked: Sequence[tuple[int, int]] = (), cell: bool = False
) -> list[Found]:
    """All deadline candidates in the clause, in text order.

    A range's start is dropped ("từ quý III/2026 đến quý III/2030" leaves the end).
    `cell=True` for a table's time column, where a bare "Tháng 6/2025" or "2025" is a limit.
    """
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    days: tuple[list[int], list[int]] | None = None  # found once, for the day-led rules
    for name, pattern, handler, needs_trigger, keyword, day_led in (
        _TABLE if _may_match(folded, masked) else ()
    ):
        if keyword and keyword not in folded:
            continue
        if day_led == _YEAR_LED:
            matches: Iterator[re.Match[str]] = _matches_at(pattern, folded, _year_starts(folded))
        elif day_led == _MONTHS_LED:
            matches = _matches_at(pattern, folded, _months_starts(folded))
        elif day_led:
            if days is None:
                days = _days(folded)
            matches = _matches_at(pattern, folded, days[day_led - 1])
        else:
            matches = pattern.finditer(folded)
        for m in matches:
            start, end = m.span()
            if _overlaps(start, end, taken) or _overlaps(start, end, masked):
                continue
            taken.append((start, end))
            if _OPEN_END.match(folded, end):
                continue
            if name == "within_year" and _OWNER.match(folded, end):
                continue  # "các nhiệm vụ trong năm 2025 của Nghị quyết": a noun's period
            value, has_year = handler(m, year)
            if value is None:
                continue
            before = folded[max(0, start - 40) : start]
            if _cut_off(folded[max(0, start - 60) : start]):
                continue  # the data's cut-off ("số liệu tính đến ngày ..."), not a limit
            if _start(before) and name not in _RANGES:
                continue  # a start date; a range's end is found on its own
            if _past_meeting(folded[max(0, start - 120) : start]):
                continue  # "tại cuộc họp vào ngày 10/3/2025": when the issuer met, no limit
            if _event_start(before):
                continue  # "15 ngày, kể từ ngày bế mạc kỳ họp cuối năm 2017": the event's time
            if "sau khi" in folded and _after_event(folded[max(0, start - 160) : start]):
                continue  # "ngay sau khi ... được thông qua (dự kiến tháng 12/2017)": the event's
            wide = folded[max(0, start - 150) : start]
            if _bounded_state(wide):
                continue  # "tạm dừng đóng ... đến hết tháng 6/2027": the state's period
            if _covered_documents(wide):
                continue  # "hợp nhất các văn bản ban hành trước ngày ...": which are meant
            triggered = (
                bool(_TRIGGER.search(before))
                or _latest_from(before)
                or _in_parentheses(folded, m, before)
                or _leading_period(folded, m)
            )
            if needs_trigger and not (triggered or cell):
                continue
            if name in _REPORTED and not triggered and not cell and _reported_period(wide[-80:]):
                continue  # "báo cáo 6 tháng đầu năm 2026": the period the report covers
            found.append(Found(start, end, value, has_year, triggered))
    if cell and not found and not _OPEN_END_IN.search(folded):
        found += _cell_year(folded)
    elif (
        not found
        and ("thời" in folded or "tiến" in folded)  # (every _TIME_LABEL holds one)
        and (label := _TIME_LABEL.search(folded))
    ):
        found += _labelled_year(folded, label.end())
    elif not found and not cell and (tail := _row_time(folded)):
        # "Tổ chức tập huấn ... - Sở Nội vụ - Năm 2026.": a flattened row's time column
        found += [
            Found(f.start + tail.start(1), f.end + tail.start(1), f.value, f.has_year, True)
            for f in find_deadlines(tail.group(1), year=year, cell=True)
        ]
    found.sort(key=lambda f: f.start)
    return _own_first(folded, found)


# A flattened row's time segment: a worded time with a year ("Năm 2026", "Tháng 8/2026",
# "Quý IV/2026"), no dash or stop inside (also subjects.py's time-first row).
ROW_YEAR = r"[^\W\d][^-–.;:]{0,30}\b(?:19|20)\d\d"
# A table row flattened onto one line ("<action> - <lead> - <time>"): the last segment, a
# ROW_YEAR, after at least two such dashes.
_ROW_TAIL = re.compile(rf"(?<=\S)\s[-–]\s+[^-–.;:]{{3,}}\s[-–]\s+({ROW_YEAR})\s*[.;]?\s*$")
# ... or its time before its lead ("<action> - Năm 2026 - <lead>.")
_ROW_MID = re.compile(rf"(?<=\S)\s[-–]\s+({ROW_YEAR})\s+[-–]\s+[^-–.;:\d]{{3,80}}[.;]?\s*$")


def _row_time(folded: str) -> re.Match[str] | None:
    """`_ROW_TAIL.search(folded) or _ROW_MID.search(folded)`, each matched at one place: a
    match of either holds two dashes and none after them (no part of it holds another), so
    they are the clause's last two, and it opens on the space before the first of them."""
    last = max(folded.rfind("-"), folded.rfind("–"))
    if last < 2:
        return None
    first = max(folded.rfind("-", 0, last), folded.rfind("–", 0, last))
    if first < 1:
        return None
    return _ROW_TAIL.match(folded, first - 1) or _ROW_MID.match(folded, first - 1)


# A time cell's years: "2026 - 2030", "Giai đoạn 2026-2030", "Từ 2026 đến 2030" end with the
# last; "2025" alone is its end; "Từ năm 2027" is a start.
_YEAR_SPAN = re.compile(
    rf"(?<![\d/])(?:19|20)\d\d\s*(?:[-–]|đến(?:\s+hết)?(?:\s+năm)?)\s*{_Y}(?![\d/])"
)


def _cell_year(folded: str) -> list[Found]:
    y = _YEAR_SPAN.search(folded) or re.search(rf"(?<![\d/]){_Y}(?![\d/])", folded)
    if not y or (y.re is not _YEAR_SPAN and _START.search(folded[: y.start()])):
        return []
    return [Found(y.start(), y.end(), date(int(y.group(1)), 12, 31), True, False)]


# "Thời gian thực hiện: năm 2026" inside a clause: what follows the label reads as a time cell.
_TIME_LABEL = re.compile(
    r"(?:thời\s+(?:gian|hạn)|tiến\s+độ)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*"
)


def _labelled_year(folded: str, start: int) -> list[Found]:
    end = re.compile(r"[.;)\n]|$").search(folded, start)
    part = folded[start : end.start() if end else len(folded)]
    if len(part) > 40 or _OPEN_END_IN.search(part) or re.search(r"\b(?:số|ngày)\b", part):
        return []  # a short time, not a cited document's date
    return [
        Found(f.start + start, f.end + start, f.value, f.has_year, True) for f in _cell_year(part)
    ]


# A meeting the clause cites ("ý kiến ... tại cuộc họp vào ngày 10/3/2025"): its date is no
# limit even after "vào". (Searched only where "tại" and "vào" are: see `_past_meeting`.)
_PAST_MEETING = re.compile(
    r"\btại\s+(?:cuộc\s+họp|buổi\s+(?:làm\s+việc|họp|tiếp)|phiên\s+họp|hội\s+nghị|kỳ\s+họp"
    r"|cuộc\s+làm\s+việc)[^.;]{0,80}?\bvào\s*(?:ngày)?\s*$"
)

# The issuer's own follow-up ("Để Ủy ban nhân dân tỉnh kịp báo cáo Thủ tướng Chính phủ trước
# ngày 20/3, đề nghị Sở X báo cáo trước ngày 15/3"; "... để UBND tỉnh báo cáo Bộ trước ...")
# gives way to the clause's own limit; a fronted scope ("Đối với các đơn vị chưa đạt chỉ tiêu
# trong 6 tháng đầu năm 2026, đề nghị ... trong năm 2026") holds none.
_SCOPE = re.compile(r"(?:^|[.;:\n]\s*)đối\s+với\s[^.;,:\n]*,")
_PURPOSE = re.compile(
    r"(?:^|[.;:]\s*)để\s[^.;,]*"
    r"|\bđể\s+(?:kịp\s+(?:thời\s+)?)?(?:(?:ủy|uỷ)\s+ban\s+nhân\s+dân|ubnd|chủ\s+tịch|thường\s+trực"
    r"|ban\s+chỉ\s+đạo|tỉnh\s+ủy|văn\s+phòng|tổng\s+hợp|kịp)[^.;]*"
)


# a purpose fronted before the actor, up to its first comma ("Để đạt mục tiêu ... trong năm
# 2026, Thường trực Tỉnh ủy đề nghị ...")
_FRONT_PURPOSE = re.compile(r"^\W*để\s(?:[^.;,:]|(?<=\d)[.,](?=\d))*,")  # (not "71.000")


def _own_first(folded: str, found: list[Found]) -> list[Found]:
    """The clause's limits before those of the issuer's own follow-up (a purpose phrase);
    none from a fronted scope ("Đối với các hồ sơ tồn đọng trước ngày 01/01/2025, ...") nor
    the year of a fronted purpose's goal ("Để ... hoàn thành việc hỗ trợ ... trong năm 2013
    ..., Bộ X đề nghị ...")."""
    if "đối với" in folded:
        scopes = [(m.start(), m.end()) for m in _SCOPE.finditer(folded)]
        found = [f for f in found if not _overlaps(f.start, f.end, scopes)]
    if found and "để" in folded and (goal := _FRONT_PURPOSE.match(folded)):
        found = [
            f
            for f in found
            if not (  # a "trong năm ..." inside the purpose
                f.end <= goal.end()
                and folded.endswith("trong ", 0, f.start)
                and folded.startswith("năm", f.start)
            )
        ]
    if len(found) < 2 or "để" not in folded:
        return found
    spans = [(m.start(), m.end()) for m in _PURPOSE.finditer(folded)]
    own = [f for f in found if not _overlaps(f.start, f.end, spans)]
    return own + [f for f in found if f not in own] if own else found


# The window searches above, each tried only where the words every match of it holds are
# (most candidates have none of them before).
def _cut_off(window: str) -> bool:
    # both patterns end on "đến / tới (hết) (ngày / thời điểm)" and spaces: a window ending on
    # another word matches neither (most candidates; each search tries every position)
    if not window.rstrip().endswith(_CUT_OFF_ENDS):
        return False
    if ("tính" in window or "liệu" in window) and _CUT_OFF.search(window) is not None:
        return True
    return cued(window, _AMOUNT_CUES) and _AMOUNT_CUT_OFF.search(window) is not None


# the last word of every match of `_CUT_OFF` and `_AMOUNT_CUT_OFF` (their spaces stripped)
_CUT_OFF_ENDS = ("đến", "tới", "hết", "ngày", "điểm")


# An amount counted up to a day (vocab.yaml `cut_off_nouns`), then up to five words with no
# stop and no word of a limit, then "đến / tới (hết) ngày": "số tiền thuê nhà phải nộp đến hết
# ngày ...", the day the figures run to (not "nộp số tiền ... chậm nhất đến hết ngày ...").
_AMOUNT_NOUNS = load_vocab("vocab")["cut_off_nouns"]
_AMOUNT_CUT_OFF = re.compile(
    rf"\b(?:{alternation(_AMOUNT_NOUNS)})\b"
    r"(?:\s+(?!(?:trước|chậm|muộn|hạn|hoàn|xong|kết|gửi|báo|trình|nộp\s+về)\b)[^\s.;:,()]+){0,5}?"
    r"\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày|thời\s+điểm)?\s*$"
)
_AMOUNT_CUES = entry_cues(_AMOUNT_NOUNS)


# "chậm nhất kể từ ngày 01 tháng 8 năm 2025" ('at the latest from'): the latest day the
# action must run by, a limit (GENRE.md 23), not a start
_LATEST_FROM = re.compile(
    r"(?:chậm|muộn)\s+nhất(?:\s+là)?\s*,?\s*(?:kể\s+)?từ\s*(?:ngày|tháng|quý|năm)?\s*$"
)


def _latest_from(window: str) -> bool:
    return "nhất" in window and _LATEST_FROM.search(window) is not None


def _start(window: str) -> bool:
    return (
        ("từ" in window or "sau" in window or "bắt" in window)
        and bool(_START.search(window))
        and not _latest_from(window)
    )


# A verb whose period bounds a state or a ban (vocab.yaml `bounded_state_verbs`), then no
# stop before the candidate's "trong / đến (hết)": "không tổ chức kiểm tra ... trong năm".
_BOUNDED_STATE = re.compile(
    rf"\b(?:{alternation(load_vocab('vocab')['bounded_state_verbs'])})\b[^.;,:()]*"
    r"\b(?:trong|đến(?:\s+hết)?|tới|hết)\s*:?\s*(?:ngày\s+)?$"
)


def _bounded_state(window: str) -> bool:
    return ("không" in window or "chưa" in window or "tạm" in window or "gi" in window) and (
        _BOUNDED_STATE.search(window) is not None
    )


# A report or review noun, then up to ten words and no stop, right before a period
# (vocab.yaml `reported_period_nouns`): "báo cáo (kết quả thực hiện) 6 tháng đầu năm 2026";
# "kết quả công tác cải cách hành chính của tỉnh 06 tháng đầu năm 2026" (looked for in the
# 80 characters before the period, wider than a trigger's window);
# not after where the report goes ("báo cáo kết quả về UBND tỉnh quý IV/2025": its limit).
_REPORTED_NOUNS = load_vocab("vocab")["reported_period_nouns"]
_REPORTED_PERIOD = re.compile(
    rf"\b(?:{alternation(_REPORTED_NOUNS)})"
    r"(?:\s+(?!(?:về|gửi|cho|lên|tới|với|trình)\b)[^\s.;:,()]+){0,10}?\s+$"
)
# The rules that need no trigger whose period may be a report's
_REPORTED = {"part_of_year", "quarter", "quarter_list"}


# the words a match cannot hold none of (a cheap test before the search)
_REPORTED_CUES = entry_cues(_REPORTED_NOUNS)


def _reported_period(window: str) -> bool:
    return cued(window, _REPORTED_CUES) and _REPORTED_PERIOD.search(window) is not None


# Documents named by the day they were issued ("hợp nhất đối với văn bản được ban hành trước
# ngày 01/7/2026", "rà soát các văn bản do Ủy ban nhân dân tỉnh ban hành trước ngày ..."):
# a noun of vocab.yaml `covered_document_nouns` after a determiner or before "(đã) được",
# then one of `covered_issue_verbs`, then "trước (ngày)": the day says which documents are
# meant, no limit of the work ("trình ... ký ban hành trước ngày ..." keeps its deadline, as
# does "phải được ban hành trước ngày ...").
_COVERED_NOUNS = load_vocab("vocab")["covered_document_nouns"]
_COVERED_DOCUMENTS = re.compile(
    rf"(?:\b(?:các|những|mọi|đối\s+với)\s+(?:{alternation(_COVERED_NOUNS)})\b"
    rf"(?:\s+(?:đã\s+)?(?:được\s+)?|\s+do\s+[^.;:,()]{{1,80}}?\s+)"
    rf"|\b(?:{alternation(_COVERED_NOUNS)})\s+(?:đã\s+)?được\s+)"
    rf"(?:{alternation(load_vocab('vocab')['covered_issue_verbs'])})\s+trước\s*(?:ngày\s*)?$"
)
_COVERED_CUES = entry_cues(_COVERED_NOUNS)


def _covered_documents(window: str) -> bool:
    return (
        "trước" in window
        and cued(window, _COVERED_CUES)
        and _COVERED_DOCUMENTS.search(window) is not None
    )


# A time inside the event a count of days runs from ("chậm nhất là 15 ngày, kể từ ngày bế mạc
# kỳ họp cuối năm 2017", "kể từ khi kết thúc đợt kiểm tra tháng 6/2026"): it dates the event,
# the limit is relative to it (FORMAT.md: event-relative timing is null). Not where a limit
# follows the start ("kể từ ngày ký đến hết năm 2026": "đến" in between).
_EVENT_START = re.compile(
    r"\bkể\s+từ\s+(?:ngày|khi)\s+(?!\d)(?:(?!đến\b|tới\b|trước\b|hết\b)[^\d.;:,()\s]+\s+){1,6}$"
)


def _event_start(window: str) -> bool:
    return "kể" in window and _EVENT_START.search(window) is not None


# A time inside the event a task waits for ("ngay sau khi các danh mục ... được Hội đồng nhân
# dân tỉnh thông qua vào Kỳ họp thứ Sáu (dự kiến tháng 12/2017)"): it dates the event, the
# task's timing is relative to it (FORMAT.md: null). Not past a comma, where the task's own
# clause follows ("Sau khi ... phê duyệt, Sở X triển khai trong quý I/2027"), nor after a
# word of a limit; the time says when the event is held or expected ("vào", "dự kiến", a
# bracket), not when the task is due ("... sau khi lấy ý kiến các sở trong tháng 8/2027").
_AFTER_EVENT = re.compile(
    r"\bsau\s+khi\s+(?:(?!trước\b|chậm\s+nhất\b|hạn\b|hết\b|hoàn\s+thành\b)[^.;:,\s]+\s+){1,30}"
    r"(?:\(\s*(?:dự\s+kiến\s+)?(?:vào\s+)?|dự\s+kiến\s+(?:vào\s+)?|vào\s+)$"
    # or its expected time in a bracket, past a comma ("... thông qua vào Kỳ họp thứ Sáu HĐND
    # tỉnh, khóa XVII (dự kiến tổ chức vào tháng 12/2017)")
    r"|\bsau\s+khi\s+(?:(?!trước\b|chậm\s+nhất\b|hạn\b|hết\b|hoàn\s+thành\b)[^.;:\s]+\s+){1,30}"
    r"\(\s*dự\s+kiến(?:\s+[^\s().;:,]+){0,3}?\s+(?:vào\s+)?$"
)


def _after_event(window: str) -> bool:
    return "sau khi" in window and _AFTER_EVENT.search(window) is not None


def _past_meeting(window: str) -> bool:
    return "tại" in window and "vào" in window and _PAST_MEETING.search(window) is not None


# Rules whose match holds a whole range: a "từ" before it opens the range, not a start.
_RANGES = {"month_range", "month_list", "quarter_list", "year_range"}

# A word each rule's pattern needs: rules whose word is absent are not run.
_KEYWORDS = {
    "month_range": "tháng",
    "written_date": "tháng",
    "short_year_date": "ngày",
    "written_day_month": "tháng",
    "month": "tháng",
    "quarter": "quý",
    "quarter_list": "quý",
    "month_list": "tháng",
    "part_of_year": "tháng",
    "within_year": "năm",
    "before_year": "trước",
    "year_range": "năm",
    "day_month": "/",
}


# The rules whose every match opens with a day (their patterns open with `_D_ALONE`, `_D_FREE`
# or `_D_NO_DIGIT`, then a date's separator or "tháng"): a day of one or two digits that opens
# a run of digits, then its separator (1) or the word (2). Those days are found once per
# clause, all rules' at once, and each rule is matched at them only, not searched over the
# whole clause (the regex engine tries every digit of it, rule after rule); a clause without
# any runs none (tests/extraction/test_fast_paths.py holds the kinds to the patterns and the
# matches to `finditer`'s).
_DAY_LED = {
    "full_date": 1,
    "short_year_date": 1,
    "day_month": 1,
    "written_date": 2,
    "written_day_month": 2,
}
_DAY_AT = re.compile(r"\d(?<!\d\d)\d?(?!\d)\s*(?:([/.\-])|(?<=\s)tháng)")


def _days(folded: str) -> tuple[list[int], list[int]]:
    """Where a day before a separator, and a day before "tháng", opens (see `_DAY_LED`)."""
    sep: list[int] = []
    word: list[int] = []
    for m in _DAY_AT.finditer(folded):
        (sep if m.lastindex else word).append(m.start())
    return sep, word


# No rule can match a clause whose every digit lies in a masked span (each rule's match holds
# a digit, a match overlapping a masked span is dropped) unless it holds "quý" (the quarter
# rules' Roman numerals), "sáu" or "chín" (the part_of_year rule's months)
_DIGIT = re.compile(r"\d")


def _may_match(folded: str, masked: Sequence[tuple[int, int]]) -> bool:
    """Some rule of RULES may find a candidate outside the masked spans: a digit outside them,
    or one of the words above (test_fast_paths.py holds the rules to it)."""
    if "quý" in folded or "sáu" in folded or "chín" in folded:
        return True
    if len(masked) == 1:  # (most clauses that cite a document cite one)
        start, end = masked[0]
        return bool(_DIGIT.search(folded, 0, start) or _DIGIT.search(folded, end))
    at = 0
    for start, end in sorted(masked):
        if start > at and _DIGIT.search(folded, at, start):
            return True
        at = max(at, end)
    return _DIGIT.search(folded, at) is not None


# The within_year rule is matched only where its matches can open (`_year_starts`), not
# searched over the clause (its first letters are among the commonest; test_fast_paths.py holds
# the matches to `finditer`'s).
_YEAR_LED = 3


def _year_starts(folded: str) -> list[int]:
    """Where a within_year match can open, in order: at each "năm", and where the word right
    before it can open ("các", "hai", "đến": three characters before its spaces, "ba" two, a
    number of one or two digits one or two)."""
    out: list[int] = []
    at = folded.find("năm")
    while at >= 0:
        word_end = at
        while word_end and folded[word_end - 1].isspace():
            word_end -= 1
        if word_end < at:
            last = out[-1] if out else -1
            out += [k for k in range(word_end - 3, word_end) if k > last and k >= 0]
        out.append(at)
        at = folded.find("năm", at + 3)
    return out


def _matches_at(
    pattern: re.Pattern[str], folded: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(folded)` for a pattern whose every match opens at one of `starts`
    (in order): tried there only, each after the end of the match before."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(folded, start)) is not None:
            end = m.end()
            yield m


# The part_of_year rule ("6 tháng đầu năm 2026") is matched only where its matches can open
# (`_months_starts`), not searched over the clause (its pattern opens with a look-behind: the
# regex engine tries every position; test_fast_paths.py holds the matches to `finditer`'s).
_MONTHS_LED = 4


_MONTHS_LAST = frozenset("69un")  # the last letter of "6", "9", "sáu", "chín"


def _months_starts(folded: str) -> list[int]:
    """Where a part_of_year match can open, in order: up to five characters before the spaces
    before each "tháng" (its number, "6", "9", "sáu" or "chín", ends where those spaces start,
    a "0" may come before it), when the number's last letter is there."""
    out: list[int] = []
    at = folded.find("tháng")
    while at >= 0:
        word_end = at
        while word_end and folded[word_end - 1].isspace():
            word_end -= 1
        if word_end < at and folded[word_end - 1] in _MONTHS_LAST:
            last = out[-1] if out else -1
            out += [k for k in range(word_end - 5, word_end) if k > last and k >= 0]
        at = folded.find("tháng", at + 5)
    return out


# Where each rule is matched: its `_DAY_LED` kind, `_YEAR_LED`, `_MONTHS_LED`, or 0 (searched)
_STARTS = {**_DAY_LED, "within_year": _YEAR_LED, "part_of_year": _MONTHS_LED}

# RULES with each rule's keyword and its `_STARTS` kind: the table a clause runs through (one
# lookup per rule saved)
_TABLE: list[tuple[str, re.Pattern[str], Handler, bool, str | None, int]] = [
    (*rule, _KEYWORDS.get(rule[0]), _STARTS.get(rule[0], 0)) for rule in RULES
]


_PAREN_OPEN = re.compile(r"\(\s*(?:ngày\s+)?$")
_PAREN_CLOSE = re.compile(r"\s*\)")


_LABEL_COLON = re.compile(r"\s*:")


def _leading_period(folded: str, m: re.Match[str]) -> bool:
    """A period opening the clause before a colon, a timeline's step ("Tháng 9/2026: Sở X báo
    cáo ..."): the clause's limit."""
    return not folded[: m.start()].strip(" -–+*•") and bool(_LABEL_COLON.match(folded, m.end()))


def _in_parentheses(folded: str, m: re.Match[str], before: str) -> bool:
    """A time alone in parentheses is the clause's limit: "báo cáo ... (tháng 6/2026)"."""
    return bool(_PAREN_OPEN.search(before) and _PAREN_CLOSE.match(folded, m.end()))


def _overlaps(start: int, end: int, spans) -> bool:
    for s, e in spans:  # a loop, not any() over a generator: called for every candidate
        if start < e and s < end:
            return True
    return False


_BARE_DAY = re.compile(r"ngày\s+(\d{1,2})(?!\d)(?!\s*[/.\-]\s*\d)(?!\s*tháng\s*\d)")
_DAY_MONTH = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/\s*)(\d{1,2})(?!\d)(?!\s*(?:năm|/|-)\s*\d)"
)
_IN_LAST_MONTH = {"monthly", "quarterly", "half-yearly"}


def period_day(
    folded: str, *, recurrence: str | None, masked: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The day of the period a recurring clause is due: "20" for "trước ngày 20 hằng tháng"
    (the day of the period's last month), "12-31" (MM-DD) for a yearly "ngày 31 tháng 12"."""
    pattern = _BARE_DAY if recurrence in _IN_LAST_MONTH else _DAY_MONTH
    if recurrence not in _IN_LAST_MONTH and recurrence != "yearly":
        return None
    for m in pattern.finditer(folded):
        if _overlaps(m.start(), m.end(), masked):
            continue
        day = int(m.group(1))
        if recurrence != "yearly":
            return str(day) if 1 <= day <= 31 else None
        month = int(m.group(2))
        return f"{month:02d}-{day:02d}" if _safe(2024, month, day) else None
    return None


def _same_part(folded: str, day: re.Match[str], f: Found) -> bool:
    """The recurring day and the later limit belong to one statement: no comma or semicolon
    between them, or both inside one bracket (a list of report dates, "(trước ngày 18 hằng
    tháng, 6 tháng, cả năm; ... đến tháng 7/2026)"); not another actor's part of the clause
    ("các đơn vị gửi trước ngày 20 hằng tháng, Sở X báo cáo Bộ trước ngày 20/5/2026")."""
    between = folded[day.end() : f.start]
    if not re.search(r"[,;]", between):
        return True
    opened = folded.rfind("(", 0, day.start()) > folded.rfind(")", 0, day.start())
    return opened and ")" not in between


def first_deadline(
    folded: str,
    *,
    year: int | None,
    masked: Sequence[tuple[int, int]] = (),
    recurrence: str | None = None,
    cell: bool = False,
) -> date | None:
    """The first stated deadline; a yearless day in a yearly/monthly clause is no deadline."""
    for f in find_deadlines(folded, year=year, masked=masked, cell=cell):
        if not f.has_year and recurrence in {"yearly", "monthly", "quarterly", "half-yearly"}:
            return None
        if recurrence in _IN_LAST_MONTH and "ngày" in folded[: f.start]:
            day = _RECURRING_DAY.search(folded, 0, f.start)
            if day and not _overlaps(day.start(), day.end(), masked) and _same_part(folded, day, f):
                return None  # "(trước ngày 18 hằng tháng; ... từ tháng 01 đến tháng 7/2026)"
        return f.value
    return None
