"""References: every other document cited with a number, one entry per number.

A document symbol follows Decree 30/2020/NĐ-CP: `766/QĐ-TTg`, `4720/VPCP-KGVX`,
`09/2019/NĐ-CP`, Party documents `57-NQ/TW`, `02-QC/BCĐTW`. Numbers split by a line
break or a stray space (`02/QĐ- UBND`) are one number. The type is the word printed
before the number ("Nghị quyết số ..."), else the one its symbol code names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import load as load_vocab

_SYM = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
# "(?<![\w/.-])\d{1,5}" with the look-behind after the first digit, so that the regex engine
# skips ahead from digit to digit
NUMBER = re.compile(
    rf"(\d(?<![\w/.-]\d)\d{{0,4}}(?:\s?/\s?(?:19|20)\d\d)?(?:\s?[-/]\s?{_SYM})(?:\s?[-/]\s?{_SYM}|\.[A-ZĐ]{{2,}})*)"
    rf"(?![\w/])"
)
_DATE_AFTER = re.compile(
    r"^\s*[,;]?\s*(?:ban\s+hành\s+|đến\s+)?(?:ngày|ngay)\s*(\d{1,2})\s*(?:[/.\-]\s*(\d{1,2})\s*[/.\-]\s*"
    r"((?:19|20)\d\d)|tháng\s+(\d{1,2})\s+(?:năm|tháng)\s+((?:19|20)\d\d))",
    re.IGNORECASE,
)
_DATE_PAREN = re.compile(r"^\s*\((\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\)")
_DAY = r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)((?:19|20)\d\d)"
_DATE_BEFORE = re.compile(
    rf"(?:^|[.;:]\s+|\n)[-–+•]?\s*Ngày\s+{_DAY},?\s[^.;\n]*$"
    # "..., ngày 17 tháng 6 năm 2025 Bộ trưởng ... đã ban hành Thông tư số ..."
    rf"|,\s+ngày\s+{_DAY},?\s[^.;,\n]*\bban\s+hành\s[^.;,\n]*$"
)
_ISSUER = re.compile(
    r"^\s*(?:của|do)\s+((?:(?!\s(?:về|phê\s+duyệt|ban\s+hành|quy\s+định|hướng\s+dẫn|thực\s+hiện"
    r"|triển\s+khai|về\s+việc|v/v|trong|tại|đã|nhằm|để|theo|và\s+(?:các|Kế|Quyết|Nghị|Công|Chỉ"
    r"|Thông))\b)[^,;.:()\n])+(?:\([^)\n]{1,40}\))?)"
)
_TYPE_BEFORE_GAP = re.compile(r"(?:\s+(?:số|sô|so))?\s*:?\s*$", re.IGNORECASE)


@dataclass
class Reference:
    doc_type: str | None
    number: str
    date: str | None
    issuer: str | None
    start: int
    end: int  # end of the citation (number, date and issuer)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
        }


@lru_cache(maxsize=1)
def _types() -> tuple[re.Pattern[str], dict[str, str]]:
    vocab = load_vocab("vocab")
    names = sorted((t["name"] for t in vocab["doc_types"]), key=len, reverse=True)
    alt = "|".join(re.escape(fold(n)).replace(r"\ ", r"\s+") for n in names)
    pattern = re.compile(rf"(?:^|(?<=[^\w]))({alt})(?:\s+(?:kết\s+luận|liên\s+tịch))?$")
    codes = {t["code"]: t["name"] for t in vocab["doc_types"] if t["code"]}
    codes.update({"QĐ": "Quyết định", "TB": "Thông báo", "CTr": "Chương trình"})
    return pattern, codes


def symbol_codes() -> dict[str, str]:
    """Type codes of document symbols ("QĐ" -> "Quyết định"), from `data/vocab.yaml`."""
    return _types()[1]


def find_references(text: str, *, own_number: str | None = None) -> list[Reference]:
    """All cited numbers in text (body and footnotes), first mention first."""
    pattern, codes = _types()
    folded = fold(text)
    found: dict[str, Reference] = {}
    own = _key(own_number) if own_number else None
    for m in NUMBER.finditer(text):
        number = re.sub(r"\s+", "", m.group(1))
        if not _plausible(number):
            continue
        key = _key(number)
        doc_type = _type_before(folded, m.start(), pattern, text)
        if doc_type is None and not re.search(
            r"(?:số|sô|so)\s*:?\s*$", folded[max(0, m.start() - 6) : m.start()]
        ):
            continue
        if key == own or doc_type == "Đề án":
            continue
        dt, end = _date_after(text, m.end())
        dt = dt or _date_before(text, m.start())
        issuer, end = _issuer_after(text, end)
        ref = found.get(key)
        if ref is None:
            found[key] = Reference(
                doc_type or _type_from_code(number, codes), number, dt, issuer, m.start(), end
            )
        else:
            ref.date = ref.date or dt
            ref.issuer = ref.issuer or issuer
    return list(found.values())


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of citations (number + date + issuer), masked when looking for deadlines."""
    spans = []
    for m in NUMBER.finditer(text):
        _dt, end = _date_after(text, m.end())
        spans.append((m.start(), end))
    return spans


def _key(number: str) -> str:
    return re.sub(r"[\s\u2010-\u2015]", "", fold(number)).replace("-", "-")


def _plausible(number: str) -> bool:
    letters = re.sub(r"[^A-Za-zĐđ]", "", number)
    return len(letters) >= 2 and not re.fullmatch(r"\d+[-/](?:[A-Z]|ĐA)", number)


def _type_before(folded: str, pos: int, pattern: re.Pattern[str], text: str) -> str | None:
    window = folded[max(0, pos - 60) : pos]
    gap = _TYPE_BEFORE_GAP.search(window)
    head = window[: gap.start()] if gap else window
    head = re.sub(
        r"\s*(?:,\s*)?(?:số\s+\S+\s*,\s*)+$", "", head
    ).rstrip()  # "các Tờ trình số A, số B"
    m = pattern.search(head)
    if not m:
        return None
    start = max(0, pos - 60) + m.start(1)
    printed = text[start : start + len(m.group(1))]
    return " ".join(printed.split()).capitalize() if printed else None


def _type_from_code(number: str, codes: dict[str, str]) -> str:
    parts = re.split(r"[-/]", number)
    for part in parts[1:]:
        if part in codes:
            return codes[part]
    return "Công văn"


def _date_after(text: str, pos: int) -> tuple[str | None, int]:
    window = text[pos : pos + 80]
    m = _DATE_AFTER.match(window) or _DATE_PAREN.match(window)
    if not m:
        return None, pos
    groups = [g for g in m.groups() if g]
    d, mo, y = (int(g) for g in groups[:3])
    try:
        return date(y, mo, d).isoformat(), pos + m.end()
    except ValueError:
        return None, pos + m.end()


def _date_before(text: str, pos: int) -> str | None:
    m = _DATE_BEFORE.search(text[max(0, pos - 200) : pos])
    if not m:
        return None
    d, mo, y = (int(g) for g in m.groups() if g)
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _ISSUER.match(text[pos : pos + 200])
    if not m:
        return None, pos
    issuer = " ".join(m.group(1).split()).strip()
    return (issuer or None), pos + m.end()
