"""The place-and-date line of a letterhead ("Hà Nội, ngày 05 tháng 3 năm 2025") and the
head lines a copy broke in two ("Lâm Đồng, ngày 10 tháng 3" / "năm 2025", "Số:" / "12/UBND").

A draft's blanks ("ngày  tháng  năm"), OCR junk in the day or month ("ngày A2 thang 3") or a
lost year keep the place; the date needs clean digits. A numeric date ("ngày 12/3/2025") and
a place without its comma at the start of a line ("An Giang ngày 12 tháng 3 năm 2025") count.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

# A capitalised word; a copy that spaced letters apart may part its capital from the rest
# ("C ần T hơ", "T hành phố Hồ Chí M inh", printed so).
_WORD = rf"[{UPPER}](?:(?<![{UPPER}{LOWER}][{UPPER}])\s[{LOWER}]+(?![{UPPER}{LOWER}])|[{LOWER}]*)"
_PLACE = (
    rf"(?P<place>(?:TP\.\s?HCM\b|(?:(?:TP\.?|Tp\.?|Thành\s+phố)\s*)?{_WORD}\.?)"
    rf"(?:\s+(?:[-–]\s+)?(?:{_WORD}|[{LOWER}]{{1,3}}(?=\s+\S))){{0,5}})"
)
# OCR and unaccented copies: "ngay", "ngảy", "thang", "thảng", "nam", "nãm"; a comma before
# the year ("tháng 3, năm 2025") or after "ngày" (OCR junk: "ngày,ê§ thang} năm 2021")
_DATE = (
    r"[Nn]g[àaảạá]y(?:\s*(?P<nd>\d{1,2})\s*[/.\-]\s*(?P<nm>\d{1,2})\s*[/.\-]\s*(?P<ny>\d{4})(?!\d)"
    # "ngàyháng 3 năm 2020": OCR lost a blank day and the "t" of "tháng"; a PDF's lost glyph
    # drops it after the day too ("ngày 12 háng 01 năm 2026")
    r"|,?(?P<d>[^,;\n]{0,8}?)(?:[Tt]h|(?<=g[àaảạá]y)h|(?<=\d[ \t])h)[aáảạ]ng(?P<m>[^,;\n]{0,8}?),?\s*[Nn][aăãâ]m\b"
    r"(?:\s*(?P<y>\d{4})(?!\d))?)"
)
PLACE_DATE = re.compile(rf"(?<![\w\-/]){_PLACE}\s*,\s*{_DATE}")
_BARE = re.compile(rf"^[\s|*]*{_PLACE}\s+{_DATE}")  # no comma: only at the start of a line
# a day or month whose two digits a copy split ("tháng 0 6") counts as one number
_DAY = re.compile(r"^[\s.…_]*(\d ?\d|\d)[\s.…_]*$")
_OPEN_DATE = re.compile(r",\s*[Nn]gày\b.*\b[Tt]h[aá]ng\b(?!.*\b[Nn]ăm\b)")
_YEAR_LINE = re.compile(r"^[\s*_]*[Nn]ăm\s+\d{4}")
# ... or broken right after "ngày" ("Vĩnh Long, ngày" / "30 tháng 3 năm 2015")
_OPEN_DAY = re.compile(r",\s*[Nn]gày\s*$")
_DAY_LINE = re.compile(r"^[\s*_]*\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_NUMBER_ALONE = re.compile(r"^\s*S[ốỐ]\s*:?\s*$")
_NUMBER_BODY = re.compile(r"^\s*[\w.\-]*/[\w&.\-/]+\s*$")


# A place's first word glued to the cell before it by a copy ("/QĐ-UBNDBình Thuận, ngày"):
# a capitalised word right after capitals, then the rest of the place.
_GLUED_WORD = re.compile(rf"(?<=[{UPPER}])([{UPPER}][{LOWER}]+)\s+$")


class PlaceDate(NamedTuple):
    place: str
    year: int | None
    issued: str | None
    start: int
    end: int


def find_place_date(line: str) -> PlaceDate | None:
    m = PLACE_DATE.search(line) or _BARE.match(line)
    if not m:
        return None
    place, span = _place(m)
    if glued := _GLUED_WORD.search(line, 0, span[0]):  # "/QĐ-UBNDBình Thuận, ngày ..."
        whole = f"{glued.group(1)} {place}"
        if _dashes(fold(whole)) in _place_names():
            place, span = whole, (glued.start(1), span[1])
    return PlaceDate(place, *_dated(m), *span)


def _dated(m: re.Match[str]) -> tuple[int | None, str | None]:
    """The year and the ISO date of a `_DATE` match (None for a blank day or month)."""
    if m.group("ny"):
        year = int(m.group("ny"))
        return year, _iso(year, int(m.group("nm")), int(m.group("nd")))
    if not m.group("y"):
        return None, None
    year = int(m.group("y"))
    day, month = _DAY.match(m.group("d")), _DAY.match(m.group("m"))
    issued = (
        _iso(year, int(month.group(1).replace(" ", "")), int(day.group(1).replace(" ", "")))
        if day and month
        else None
    )
    return year, issued


# The place-date line with its place lost (a PDF's text run dropped, a blank left to fill):
# ", ngày 15 tháng 4 năm 2025" alone on its line.
_PLACELESS = re.compile(rf"^[\s|*_]*,\s*{_DATE}[\s.*_|]*$")


# ... or glued to the end of the line before it (the subject's: "V/v tổ chức ... , ngày 05
# tháng 5 năm 2026"): the lost place leaves a space or a blank's dots before its comma.
_PLACELESS_TAIL = re.compile(rf"(?:\s|[.…_]{{2}})\s*,\s*{_DATE}[\s.*_|]*$")


def placeless_tail(line: str) -> tuple[int, int | None, str | None] | None:
    """Where a place-less date glued after a line's text starts, with its year and date."""
    if "," not in line or "g" not in line:  # every match holds the comma and "ng..y"
        return None
    m = _PLACELESS_TAIL.search(line)
    return (m.start(), *_dated(m)) if m and line[: m.start()].strip() else None


def placeless_date(line: str) -> tuple[int | None, str | None] | None:
    """The year and date of a place-date line whose place was lost; None for any other line."""
    m = _PLACELESS.match(line) if "," in line else None
    return _dated(m) if m else None


def _place(m: re.Match[str]) -> tuple[str, tuple[int, int]]:
    """The place and the line's span; a place printed twice is the subject's end before it
    ("V/v ... của HĐND tỉnh Lâm Đồng  Lâm Đồng, ngày ...", the cells' tab lost), and so are
    capitalised words before a known place ("V/v ... tôm Bạc Liêu Hà Nội, ngày ...")."""
    words = list(re.finditer(r"\S+", m.group("place")))
    half = len(words) // 2
    texts = [w.group() for w in words]
    if len(words) % 2 == 0 and texts[:half] == texts[half:]:
        return " ".join(texts[half:]), (m.start("place") + words[half].start(), m.end())
    if cut := _known_tail(texts):
        return " ".join(texts[cut:]), (m.start("place") + words[cut].start(), m.end())
    return " ".join(texts), m.span()


# Words that open a place's own name ("Thành phố Hồ Chí Minh", "TP. Huế", "Xã Tân Hiệp").
_UNIT_WORDS = re.compile(
    r"^(?:(?:tp\.?|thành\s+phố|thị\s+xã|thị\s+trấn|huyện|quận|xã|phường|tỉnh|đặc\s+khu)\s*)+$"
)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(_dashes(fold(p)) for p in load_vocab("metadata")["place_names"])


def _dashes(text: str) -> str:
    return text.replace("–", "-")  # "Bà Rịa – Vũng Tàu" is "Bà Rịa - Vũng Tàu"


def _known_tail(words: list[str]) -> int | None:
    """Index of the longest known place (data/metadata.yaml `place_names`) that ends the
    words, when words that are not a unit's kind come before it; else None."""
    for k in range(len(words)):
        if _dashes(fold(" ".join(words[k:]))) in _place_names():
            before = fold(" ".join(words[:k]))  # "Xuân Hương - Đà Lạt": one name
            return k if k and not _UNIT_WORDS.match(before) and words[k - 1] not in "-–" else None
    return None


def without_place_date(text: str) -> str:
    found = find_place_date(text)
    return text if found is None else f"{text[: found.start]} {text[found.end :]}"


def join_broken(lines: list[str]) -> list[str]:
    """Head lines a copy broke in two joined again, the second left empty (same count)."""
    out = list(lines)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (
            (_OPEN_DATE.search(first) and _YEAR_LINE.match(second))
            or (_OPEN_DAY.search(first) and _DAY_LINE.match(second))
            or (_NUMBER_ALONE.match(first) and _NUMBER_BODY.match(second))
        ):
            out[i], out[i + 1] = f"{first.rstrip(' *_')} {second.strip(' *_')}", ""
    return out


# A law or resolution of the National Assembly or its Standing Committee as printed in Công
# báo has no place-date line: it is dated the day it was passed; so is a People's Council's
# resolution whose copy lost its letterhead (its ngày ban hành is its adoption date) ("Nghị quyết này được Ủy ban
# Thường vụ Quốc hội ... khóa XV, phiên họp thứ 47 thông qua ngày 10 tháng 7 năm 2025.").
# Its word boundary is checked after the first letter ("N(?<!\w.)ghị" is "\bNghị"), so that
# the search skips ahead to those letters over the whole text.
# The day in long or numeric form ("thông qua ngày 13/7/2017").
_PASSED_DAY = (
    r"\bthông\s+qua\s+ngày\s+(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
    r"|(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}))"
)
_PASSED = re.compile(
    r"(?:N(?<!\w.)ghị\s+quyết|L(?<!\w.)uật|B(?<!\w.)ộ\s+luật|P(?<!\w.)háp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+[^.;]{0,250}?"
    + _PASSED_DAY
)
# The same sentence without "này", opening a line: "Nghị quyết đã được Hội đồng nhân dân tỉnh
# ... thông qua ngày 13 tháng 7 năm 2017 ..." (not a cited resolution: "Nghị quyết số ...").
_PASSED_BARE = re.compile(
    r"^(?:Nghị\s+quyết|Luật|Pháp\s+lệnh)\s+đã\s+được\s+[^.;]{0,250}?" + _PASSED_DAY
)


def passed_date(lines: list[str]) -> tuple[int, str] | None:
    """The year and ISO day a law or resolution was passed, from its closing sentence."""
    m = _PASSED.search(" ".join(lines))
    if not m:
        starts = [n for n, line in enumerate(lines) if _PASSED_BARE.match(line.strip())]
        if starts:
            m = _PASSED_BARE.match(
                " ".join(ln.strip() for ln in lines[starts[-1] : starts[-1] + 4])
            )
    if not m:
        return None
    d, mo, y = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    if not (issued := _iso(y, mo, d)):
        return None
    return y, issued


# A portal's copy naming its source on its last line: "(Theo Công văn số 907/UBND-KT ngày
# 13/3/2023)": the document's own number and date.
_SOURCE = re.compile(
    rf"^\(?\s*Theo\s+(?:[A-ZĐ][^\s\d]*(?:\s+[{LOWER}]+){{0,2}})\s+(?:số\s+)?"
    r"(\d+[A-Za-z0-9]*(?:/[A-ZĐa-zđ0-9&.-]+)+)\s*,?\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
    r"\s*\)?\s*\.?\s*$"
)


def source_line(lines: list[str]) -> tuple[str, int, str | None] | None:
    """The number, year and ISO date a web copy gives for its source on one of its last
    lines ("(Theo Công văn số 1962/UBND-KT, ngày 25/4/2024)"), or None."""
    for line in [ln for ln in lines if ln.strip()][-3:]:
        m = _SOURCE.match(line.strip())
        if m:
            d, mo, y = int(m.group(2)), int(m.group(3)), int(m.group(4))
            return m.group(1), y, _iso(y, mo, d)
    return None


# a portal's title line carrying the letter's own number and date in a parenthesis at its
# end: "Về việc báo cáo ... (3585/VP-KTN, ngày 23/10/2017)."
_TITLE_SOURCE = re.compile(
    r"\s*\(\s*(?:số\s+)?(\d+[A-Za-z0-9]*(?:/[A-ZĐa-zđ0-9&.-]+)+)\s*,?\s+ngày\s+(\d{1,2})\s*/\s*"
    r"(\d{1,2})\s*/\s*(\d{4})\s*\)\s*\.?\s*$"
)


def title_source(subject: str) -> tuple[str, str, int, str | None] | None:
    """The subject without the parenthesis, the number, year and ISO date a portal's title
    line gives at its end ("Về việc ... (3585/VP-KTN, ngày 23/10/2017)."), or None."""
    m = _TITLE_SOURCE.search(subject)
    if not m or m.start() == 0:
        return None
    d, mo, y = int(m.group(2)), int(m.group(3)), int(m.group(4))
    return subject[: m.start()].rstrip(" .,"), m.group(1), y, _iso(y, mo, d)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
