"""Vietnamese formatting for templates: dates dd/mm/yyyy, numbers 1.234, rates 65,63%, sorting."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

VIETNAM = timezone(timedelta(hours=7), "ICT")

# Vietnamese alphabet order of base letters; tones are a secondary key.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPES = {"\u0306": "ă", "\u0302": "^", "\u031b": "ơ"}


def vn_date(value: date | datetime | None, empty: str = "—") -> str:
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: datetime | None, empty: str = "—") -> str:
    """Stored times are naive UTC; shown in Vietnam time (UTC+7, no daylight saving)."""
    if value is None:
        return empty
    local = value.replace(tzinfo=UTC).astimezone(VIETNAM)
    return local.strftime("%d/%m/%Y %H:%M")


def vn_number(value: float | None, digits: int = 0, empty: str = "—") -> str:
    """1234567 -> 1.234.567; halves round up (65,625 -> 65,63) as Vietnamese reports do."""
    if value is None:
        return empty
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def vn_percent(rate: float | None, digits: int = 2, empty: str = "—", *, trim: bool = True) -> str:
    """A 0..1 rate as a Vietnamese percentage: 0.65625 -> 65,63%; 0.068 -> 6,8%.

    `trim=False` keeps every decimal (6,80%), so a table column lines up.
    """
    if rate is None:
        return empty
    text = vn_number(rate * 100, digits)
    if trim and "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def parse_vn_date(text: str | None) -> date | None:
    """dd/mm/yyyy or ISO yyyy-mm-dd (what <input type=date> sends); None when blank."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    return date.fromisoformat(text)


def _letter_key(char: str) -> tuple[int, int]:
    parts = unicodedata.normalize("NFD", char.lower())
    base, marks = parts[0], parts[1:]
    tone = 0
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _SHAPES:
            shape = _SHAPES[mark]
            base = {"a^": "â", "e^": "ê", "o^": "ô", "uơ": "ư", "oơ": "ơ"}.get(
                base + shape, shape if shape == "ă" else base
            )
    if base in _RANK:
        return _RANK[base] * 8, tone
    return (len(_ALPHABET) + 1) * 8 + ord(base), tone


def vn_sort_key(text: str) -> tuple[list[int], list[int]]:
    """Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê ...), tones second."""
    letters = [_letter_key(c) for c in unicodedata.normalize("NFC", text) if not c.isspace()]
    return [base for base, _ in letters], [tone for _, tone in letters]


def vn_sorted(items: list, key=lambda item: item) -> list:  # type: ignore[no-untyped-def]
    return sorted(items, key=lambda item: vn_sort_key(key(item)))
