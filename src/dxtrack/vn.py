"""The Vietnamese locale, in one place: folding, formats, sort order, period codes, the clock.

Any layer may import this module (the extraction engine included); it imports nothing of ours.

- `fold()` is the one text folding: lower case, one tone placement in the vowel pairs oa, oe,
  uy (hoà and hòa → hòa, uỷ and ủy → ủy; a closed pair keeps it on the second vowel: hòan and
  hoàn → hoàn; quý keeps its tone on the y: after q the u belongs to the consonant), and with
  `accents=False` no diacritics at all (đ → d). Search keys, agency-name keys, annex headers
  and the extraction rules all fold with it.
- `date_text()`, `datetime_text()`, `number()`, `percent()`, `size_text()`, `parse_date()`: dd/mm/yyyy,
  1.234.567, 65,63% (halves round up, as Vietnamese reports do); `parse_cell_date()`: a
  spreadsheet cell's date (a date, an Excel serial, or text such as 31/12/2025).
- `sort_key()` / `sorted_vn()`: Vietnamese alphabetical order (a ă â b c d đ e ê ...), tones second.
- `UPPER` / `LOWER`: regex character-class bodies of the Vietnamese letters of one case
  (`[{UPPER}]` matches Ấ, not ấ; a range such as À-Ỹ holds both cases).
- `month_end()` and `period_code()`: the one month-end helper and the one period-code format
  (`2025`, `2025-H1`, `2025-9M`, `2025-Q4`, `2025-M03`, `2025-W05`).
- `today()` / `now()`: the province's date and time (setting `DXTRACK_TIMEZONE`, default
  `Asia/Ho_Chi_Minh`). Timestamps are stored in UTC (naive) and shown in local time.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
T = TypeVar("T")

# ---------------------------------------------------------------- folding

# Tone placement in the vowel pairs oa, oe, uy, written both ways ("hoà"/"hòa", "uỷ"/"ủy",
# "hòan"/"hoàn"): one key for both. An open pair (nothing follows it in the word) carries
# the tone on its first vowel (hòa, khỏe, thủy); a closed one on its second (hoàn, hoạch,
# khoét, huỳnh, khuỷu), where both spellings put it. After "q" the "u" belongs to the
# consonant: the tone is always on the "y" (quý, quỳnh). Each swap keeps the length, so
# offsets in folded text are offsets in the original.

# Each vowel untoned, then with huyền, sắc, hỏi, ngã, nặng.
_TONED = {"a": "aàáảãạ", "e": "eèéẻẽẹ", "y": "yỳýỷỹỵ", "o": "oòóỏõọ", "u": "uùúủũụ"}
_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def _tone_swaps() -> dict[str, str]:
    swaps: dict[str, str] = {}
    for first, second in _PAIRS:
        for tone in range(1, 6):
            on_first = _TONED[first][tone] + second
            on_second = first + _TONED[second][tone]
            swaps[on_first], swaps[on_second] = on_second, on_first
    for tone in range(1, 6):  # qúy -> quý
        swaps["q" + _TONED["u"][tone] + "y"] = "qu" + _TONED["y"][tone]
    return swaps


_SWAPS = _tone_swaps()
_LETTER = r"[^\W\d_]"
# A pair whose tone is on the wrong vowel: an open one toned on its second vowel (hoà), a
# closed one on its first (hòan), qu + toned u (qúy). Its first letter is read by the leading
# class (the regex engine skips ahead to those letters), each form checks it behind: the
# plain form is "o[àáảãạèéẻẽẹ](?!L)|[òóỏõọ][ae](?=L)|(?<!q)u[ỳýỷỹỵ](?!L)|(?<!q)[ùúủũụ]y(?=L)
# |q[ùúủũụ]y".
_MISPLACED = re.compile(
    rf"[oòóỏõọuùúủũụq](?:(?<=o)[àáảãạèéẻẽẹ](?!{_LETTER})|(?<=[òóỏõọ])[ae](?={_LETTER})"
    rf"|(?<=u)(?<!qu)[ỳýỷỹỵ](?!{_LETTER})|(?<=[ùúủũụ])(?<!q.)y(?={_LETTER})|(?<=q)[ùúủũụ]y)"
)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep it as it is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept.replace("đ", "d").replace("Đ", "D"))


def _bare_table() -> tuple[dict[int, str], re.Pattern[str]]:
    """`fold(c, accents=False)` of each character of ASCII, the Vietnamese letters (NFC, both
    cases) and common punctuation, and a pattern of any other character: a text of only
    these characters is NFC and folds character by character, so one translation gives its
    fold (the extraction engine folds whole lines this way)."""
    letters = "aăâeêioôơuưy"
    marks = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    viet = {unicodedata.normalize("NFC", b + m) for b in letters for m in marks} | {"đ"}
    chars = [chr(i) for i in range(128)] + sorted(viet | {c.upper() for c in viet})
    chars += list("–—“”‘’…•")
    table = {ord(c): _bare(_lower(c)) for c in chars}
    return table, re.compile(f"[^{re.escape(''.join(chars))}]")


_BARE_TABLE, _NOT_BARE_SAFE = _bare_table()


def fold(text: str | None, *, accents: bool = True) -> str:
    """Lower case and one tone placement (see `_MISPLACED`); `accents=False` also drops every
    diacritic.

    Input is brought to NFC first. For NFC text with accents kept, the result has the length
    of the input (the extraction engine maps offsets through it).
    """
    if not text:
        return ""
    if accents:
        folded = _FOLDED.get(text)
        if folded is None:
            folded = _fold(text, True)
            if len(text) <= 2000:  # a whole document is folded once, not worth keeping
                if len(_FOLDED) >= 8192:
                    _FOLDED.clear()
                _FOLDED[text] = folded
        return folded
    if not _NOT_BARE_SAFE.search(text):
        return text.translate(_BARE_TABLE)  # plain Vietnamese text: one translation
    if len(text) > 2000:
        return _fold(text, accents)
    return _fold_cached(text, accents)


def folds_alone(text: str) -> bool:
    """`fold(text, accents=False)` folds each character of the text alone (one translation,
    see `_bare_table`): the fold of a slice of the text is that slice of its fold."""
    return not _NOT_BARE_SAFE.search(text)


# The letters a _MISPLACED match can hold (in lower case): a match reaches the character
# after it only through its look-ahead, so a cut after any other letter is reached by none.
_PAIR_LETTERS = frozenset("".join(_TONED.values()) + "q")


def fold_keeps(word: str) -> bool:
    """Folding leaves the word where it finds it: an NFC text's fold holds the word only where
    the text's `lower()` does. True for lower-case letters outside the tone pairs
    (_PAIR_LETTERS: besides lower-casing, folding moves only those) other than σ and ς (whose
    lower case depends on what follows). A pattern over folded text that needs such a word
    fails, unfolded, on any NFC text whose `lower()` lacks it (a cheap test before a fold)."""
    return bool(word) and all(
        c.isalpha() and c.islower() and c not in _PAIR_LETTERS and c not in "σς" for c in word
    )


def _cut_is_safe(text: str, n: int) -> bool:
    """No tone pair (nor its look-around) reaches across a cut of the text before position n
    (see `fold_head`)."""
    return (
        n <= 0
        or n >= len(text)
        or text[n - 1].lower() not in _PAIR_LETTERS
        or (text[n].isascii() and not text[n].isalpha())
    )


def fold_head(text: str, n: int) -> str:
    """`fold(text[:n])`, cut from `fold(text)` (which the caller folds too, so it is kept) when
    no tone pair reaches across the cut: the last character before it can be in none
    (_PAIR_LETTERS), or the first after it is an ASCII character other than a letter. The
    text is NFC (so is its head) and holds no "Σ" (whose lower case depends on what
    follows); lower-casing is otherwise character by character."""
    if len(text) <= n:
        return fold(text)
    if (
        n > 0
        and _cut_is_safe(text, n)
        and "Σ" not in text
        and len(text) <= 2000
        and unicodedata.is_normalized("NFC", text)
    ):
        return fold(text)[:n]
    return fold(text[:n])


def fold_edited(text: str, edits: Iterable[tuple[int, int, str]], edited: str) -> str:
    """`fold(edited)`, where `edited` is `text` with the spans (start, end) of `edits`, in
    order and apart, replaced by their strings: pieced from the kept fold of `text` (the
    caller folded it before) and the folds of the new strings, when no tone pair reaches
    across a cut in either text (`_cut_is_safe`); else folded whole. Both texts are NFC and
    hold no "Σ", so lower-casing is character by character and keeps the length."""
    folded = _FOLDED.get(edited)
    if folded is not None:
        return folded
    base = _FOLDED.get(text)
    if (
        base is None
        or len(edited) > 2000
        or len(base) != len(text)
        or "Σ" in text
        or "Σ" in edited
        or not unicodedata.is_normalized("NFC", text)
        or not unicodedata.is_normalized("NFC", edited)
    ):
        return fold(edited)
    pieces: list[str] = []
    prev = shift = 0  # the end of the last span in text; edited's offset minus text's
    for start, end, new in edits:
        if not (
            _cut_is_safe(text, start)
            and _cut_is_safe(text, end)
            and _cut_is_safe(edited, start + shift)
            and _cut_is_safe(edited, start + shift + len(new))
        ):
            return fold(edited)
        pieces.append(base[prev:start])
        pieces.append(fold(new))
        prev, shift = end, shift + len(new) - (end - start)
    pieces.append(base[prev:])
    folded = "".join(pieces)
    if len(folded) != len(edited):  # a new string not NFC alone
        return fold(edited)
    if len(_FOLDED) >= 8192:
        _FOLDED.clear()
    _FOLDED[edited] = folded
    return folded


def _fold(text: str, accents: bool) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    low = _lower(text)
    if not accents:
        return _bare(low)
    if not _MISPLACED.search(low):  # most texts: a search, cheaper than a sub finding nothing
        return low
    return _MISPLACED.sub(lambda m: _SWAPS[m.group(0)], low)


# The extraction engine folds the same clause in several rules in turn: recent folds are
# kept, with accents in a plain dict (a lookup is most calls: cheaper than lru_cache's),
# emptied when full.
_FOLDED: dict[str, str] = {}
_fold_cached = functools.lru_cache(maxsize=8192)(_fold)


# ---------------------------------------------------------------- formats


def date_text(value: date | datetime | None, empty: str = "—") -> str:
    """dd/mm/yyyy (a datetime: its date as stored)."""
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


def local(value: datetime) -> datetime:
    """A stored (naive UTC) or aware time in the province's time zone."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(zone())


def datetime_text(value: datetime | None, empty: str = "—") -> str:
    """Stored times are naive UTC; shown as dd/mm/yyyy HH:MM in the province's time zone."""
    if value is None:
        return empty
    return local(value).strftime("%d/%m/%Y %H:%M")


def number(
    value: float | Decimal | None, digits: int = 0, empty: str = "—", *, trim: bool = False
) -> str:
    """1234567 -> 1.234.567; halves round up (65,625 -> 65,63) as Vietnamese reports do.

    `trim=True` drops trailing zeros of the decimals (1.234.567,50 -> 1.234.567,5; 80,00 -> 80).
    """
    if value is None:
        return empty
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    exact = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(rate: float | None, digits: int = 2, empty: str = "—", *, trim: bool = True) -> str:
    """A 0..1 rate as a Vietnamese percentage: 0.65625 -> 65,63%; 0.068 -> 6,8%.

    `trim=False` keeps every decimal (6,80%), so a table column lines up.
    """
    if rate is None:
        return empty
    return f"{number(rate * 100, digits, trim=trim)}%"


def size_text(size: int) -> str:
    """A file size: 512 byte, 12 KB, 3,4 MB."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{number(size / 1024)} KB"
    return f"{number(size / 1024 / 1024, 1)} MB"


def parse_date(text: str | None) -> date | None:
    """dd/mm/yyyy or ISO yyyy-mm-dd (what <input type=date> sends); None when blank."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    return date.fromisoformat(text)


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
EXCEL_EPOCH = date(1899, 12, 30)
# Serials of 01/01/1900 .. 31/12/9999; a number outside is not a date.
_SERIALS = range(1, 2_958_466)


def parse_cell_date(value: object) -> date | None:
    """A date as a spreadsheet cell holds it: a date, an Excel serial number (45657), or text
    (31/12/2025, 31-12-2025, 31.12.2025, 2025-12-31); None when blank; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = int(value)  # a serial with a time of day (45657.5): its date
        if serial not in _SERIALS:
            raise ValueError(f"{value} is not an Excel date serial")
        return EXCEL_EPOCH + timedelta(days=serial)
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit():
        return parse_cell_date(int(text))
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text)


# ---------------------------------------------------------------- sort order

# Vietnamese alphabet order of base letters; tones are a secondary key.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPES = {"\u0306": "ă", "\u0302": "^", "\u031b": "ơ"}


def _accented_lower() -> str:
    """Every precomposed lower-case Vietnamese letter outside a-z: đ and the toned vowels."""
    marks = ("", *_TONES)
    letters = {unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in marks}
    return "".join(sorted((letters | {"đ"}) - set("aeiouy")))


# Regex character-class bodies by case, for "[{UPPER}]" in a pattern.
LOWER = "a-z" + _accented_lower()
UPPER = "A-Z" + _accented_lower().upper()


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


def sort_key(text: str) -> tuple[list[int], list[int]]:
    """Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê ...), tones second."""
    letters = [_letter_key(c) for c in unicodedata.normalize("NFC", text) if not c.isspace()]
    return [base for base, _ in letters], [tone for _, tone in letters]


def sorted_vn(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """`items` in Vietnamese alphabetical order of `key(item)` (the item itself by default)."""
    pick: Callable[[Any], str] = key or (lambda item: item)
    return sorted(items, key=lambda item: sort_key(pick(item)))


# ---------------------------------------------------------------- periods


def month_end(year: int, month: int) -> date:
    """The last day of `month` of `year`."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def period_code(kind: str, year: int, number: int = 0) -> str:
    """The one period-code format: `year` 2025, `half` 2025-H1, `nine` 2025-9M,
    `quarter` 2025-Q4, `month` 2025-M03, `week` 2025-W05 (ISO week)."""
    if kind == "year":
        return f"{year}"
    if kind == "nine":
        return f"{year}-9M"
    prefix = {"half": "H", "quarter": "Q", "month": "M", "week": "W"}[kind]
    width = 2 if kind in ("month", "week") else 1
    return f"{year}-{prefix}{number:0{width}d}"


# ---------------------------------------------------------------- the clock

_zone: tzinfo | None = None


def set_timezone(name: str) -> None:
    """Use the IANA zone `name` from now on (the shell calls it with the settings' value)."""
    global _zone
    _zone = ZoneInfo(name)


def zone() -> tzinfo:
    """The province's time zone: `DXTRACK_TIMEZONE`, default Asia/Ho_Chi_Minh."""
    if _zone is None:
        set_timezone(os.environ.get("DXTRACK_TIMEZONE") or DEFAULT_TIMEZONE)
    assert _zone is not None
    return _zone


def now() -> datetime:
    """The current time in the province (aware)."""
    return datetime.now(UTC).astimezone(zone())


def today() -> date:
    """The current date in the province: every "today" of the application comes from here."""
    return now().date()
