"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) and a Vietnamese plausibility score.

Before Unicode, Vietnamese documents were typed in 8-bit fonts: the bytes are ordinary
Windows-1252 / Latin-1 characters that the font *draws* as Vietnamese letters. Read as
Unicode they look like "Céng hoµ x· héi" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI).

- TCVN3 (TCVN 5712:1993, the "VN3" set used by .VnTime/.VnArial fonts): one byte per
  precomposed lowercase letter. Accented capitals have no code of their own: the
  ".VnTimeH" fonts draw the lowercase codes as capitals. `to_unicode_tcvn3` recovers
  capitals from the font name (DOCX) or from an all-caps word around the letter.
- VNI (VNI-Windows fonts, "VNI-Times"): a Latin base letter followed by one mark byte;
  i, y-dot-below, ơ, ư and đ have single bytes.

The tables below are written from the published code charts; tests encode Unicode with
the inverted tables and decode it back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# TCVN3 byte -> Unicode letter (lowercase set; 0xA1-0xA7 are the only capitals).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI mark bytes (lowercase forms; the capital forms are the same letters in upper case).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# Single-byte VNI letters: đ, ơ, ư and the i / ỵ family.
VNI_SINGLE: dict[str, str] = {
    "ñ": "đ", "ô": "ơ", "ö": "ư",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def vni_table() -> dict[str, str]:
    """VNI byte sequence (as Latin-1 characters) -> Unicode letter, both cases."""
    table: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            table[base + mark] = _nfc(base + tone)
    for mark, tone in _VNI_BREVE_TONES.items():
        table["a" + mark] = _nfc("ă" + tone)
    table["aê"] = "ă"
    for base in "aeo":
        table[base + "â"] = _nfc(base + "\u0302")
        for mark, tone in _VNI_HAT_TONES.items():
            table[base + mark] = _nfc(base + "\u0302" + tone)
    for mark, tone in _VNI_TONES.items():  # ơ and ư carry tones after their own byte
        table["ô" + mark] = _nfc("ơ" + tone)
        table["ö" + mark] = _nfc("ư" + tone)
    table.update(VNI_SINGLE)
    table.pop("yï")  # ỵ has its own byte (î); "y" + dot-below is not used
    upper = {k.upper(): v.upper() for k, v in table.items()}
    return {**table, **upper}


@lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


_SYMBOL_RANGE = re.compile("[\uf000-\uf0ff]")


def _unwrap_symbol_range(text: str) -> str:
    """Word stores some 8-bit font text in the private range U+F000-U+F0FF."""
    if not _SYMBOL_RANGE.search(text):
        return text
    return "".join(chr(ord(ch) - 0xF000) if "\uf000" <= ch <= "\uf0ff" else ch for ch in text)


_TCVN3_CHARS = {chr(code): letter for code, letter in TCVN3.items()}
_TCVN3_WORD = re.compile("[A-Za-z" + re.escape("".join(_TCVN3_CHARS)) + "]+")
_TCVN3_TRANS = str.maketrans(_TCVN3_CHARS)
# Lines that may hold an all-caps word: two capitals with only TCVN3 letters between.
_CAPS_HINT = re.compile("[A-Z][" + re.escape("".join(_TCVN3_CHARS)) + "]*[A-Z]")


@lru_cache(maxsize=65536)
def _tcvn3_case(raw: str) -> str:
    """ "upper" (all-caps word with legacy letters), "lower", or "?" (cannot tell)."""
    ascii_letters = [ch for ch in raw if ch.isascii()]
    if any(ch.islower() for ch in ascii_letters):
        return "lower"
    if len(ascii_letters) >= 2 and any(ch in _TCVN3_CHARS for ch in raw):
        return "upper"
    return "?"


def _nearest_known(cases: list[str]) -> list[str | None]:
    """For each position, the last case before it that is not "?" (None at the start)."""
    nearest: list[str | None] = []
    last = None
    for case in cases:
        nearest.append(last)
        if case != "?":
            last = case
    return nearest


def _decode_tcvn3_line(line: str) -> str:
    decoded = line.translate(_TCVN3_TRANS)  # one character per character: offsets hold
    words = list(_TCVN3_WORD.finditer(line))
    cases = [_tcvn3_case(m.group(0)) for m in words]
    if "upper" not in cases:
        return decoded
    before = _nearest_known(cases)
    after = _nearest_known(cases[::-1])[::-1]
    out, last = [], 0
    for match, case, prev, nxt in zip(words, cases, before, after, strict=True):
        if case == "?" and match.group(0) != decoded[match.start() : match.end()]:
            near = {prev, nxt} - {None}
            case = "upper" if near == {"upper"} else "lower"
        if case == "upper":
            out.append(decoded[last : match.start()])
            out.append(decoded[match.start() : match.end()].upper())
            last = match.end()
    out.append(decoded[last:])
    return "".join(out)


def to_unicode_tcvn3(text: str, *, upper: bool = False) -> str:
    """Decode TCVN3 text read as Latin-1 characters. `upper`: the text used a ...H font.

    Without a font name, an accented capital is recovered only inside an all-caps word
    ("CéNG HOµ" -> "CỘNG HOÀ") or a short word between all-caps words ("X·").
    """
    text = _unwrap_symbol_range(text)
    if upper:
        return _nfc(text.translate(_TCVN3_TRANS).upper())
    lines = text.split("\n")
    decoded = (
        _decode_tcvn3_line(line) if _CAPS_HINT.search(line) else line.translate(_TCVN3_TRANS)
        for line in lines
    )
    return _nfc("\n".join(decoded))


def to_unicode_vni(text: str) -> str:
    """Decode VNI text read as Latin-1 characters."""
    text = _unwrap_symbol_range(text)
    table = vni_table()
    return _nfc(_vni_pattern().sub(lambda m: table[m.group(0)], text))


# --- Vietnamese plausibility -------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSETS = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
]  # fmt: skip
# Vowel nuclei: "closed" ones may take a final consonant, "open" ones never do.
_CLOSED = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "iê", "yê", "oa", "oă", "oe", "oo", "uâ", "uê", "uô", "ươ", "uy", "uyê",
]  # fmt: skip
_OPEN = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iêu", "iu", "oai", "oay", "oeo",
    "oi", "ôi", "ơi", "ua", "uây", "ui", "uôi", "uơ", "uya", "uyu", "ưa", "ưi", "ưu", "ươi",
    "ươu", "yêu",
]  # fmt: skip


def _alternation(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


_FRONT = ["a", "ê", "i", "y", "oa", "uê", "uy"]  # the only nuclei before -ch, -nh
_CLOSED_RHYME = re.compile(
    f"(?:{_alternation(_FRONT)})(?:ch|nh)"
    f"|(?:{_alternation([n for n in _CLOSED if n not in ('i', 'ê', 'y', 'uy', 'uê')])})(?:c|ng)"
    f"|(?:{_alternation(_CLOSED)})(?:m|n|p|t)?"
)
_OPEN_SET = frozenset(_OPEN)
# Word-internal characters: everything except spaces, ASCII punctuation/digits and the
# typographic punctuation of ordinary Unicode text (mojibake symbols such as "·" stay in).
_TOKEN = re.compile(r"[^\s!-@\[-`{-~\u2010-\u206f\u00a0\u00ab\u00bb]+")


def _split_tone(word: str) -> tuple[str, int | None] | None:
    """(letters without tone, index of the letter carrying the tone); None for two tones."""
    letters: list[str] = []
    tone_at = None
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            if tone_at is not None or not letters:
                return None
            tone_at = len(letters) - 1
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    return "".join(_nfc(letter) for letter in letters), tone_at


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """True for one Vietnamese syllable (lower, Capitalised or UPPER), NFC or NFD.

    Checks onset + vowel nucleus + final consonant, and that the tone mark does not sit
    on the closing glide of an open nucleus ("sơì", "caì" are not syllables).
    """
    if not (token.islower() or token.isupper() or token[1:].islower() or len(token) == 1):
        return False
    split = _split_tone(token.lower())
    if split is None:
        return False
    base, tone_at = split
    for onset in (o for o in (*_ONSETS, "") if base.startswith(o)):
        rest = base[len(onset) :]
        if _CLOSED_RHYME.fullmatch(rest):
            return True
        if rest in _OPEN_SET and (tone_at != len(base) - 1 or rest == "uơ"):
            return True
    return False


def vietnamese_score(text: str, *, sample: int = 200_000) -> float:
    """Share of non-ASCII words that are Vietnamese syllables; 1.0 when all is ASCII.

    ASCII words are neutral (numbers, symbols, English); only words that carry
    non-ASCII characters tell one 8-bit reading from another.
    """
    tokens = [t for t in _TOKEN.findall(text[:sample]) if not t.isascii()]
    if not tokens:
        return 1.0
    return sum(1 for t in tokens if is_syllable(t)) / len(tokens)


def _char_class(keep: Callable[[str], bool], first: int, last: int) -> str:
    """A regex character class of the characters first..last that `keep` accepts."""
    ranges: list[tuple[int, int]] = []
    for code in range(first, last + 1):
        if keep(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "[" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges) + "]"


# Letters beyond Latin-1 up to the Vietnamese block (ư, ơ, đ, ạ ...); Latin-1's upper half.
_OUTSIDE_LATIN1 = re.compile(_char_class(str.isalpha, 0x100, 0x1EF9))
_LATIN1_HIGH = re.compile("[\u00a0-\u00ff]")


def has_unicode_vietnamese(text: str, *, sample: int = 200_000) -> bool:
    """True when the text already has letters outside Latin-1 (ư, ơ, đ, ạ ...)."""
    head = text[:sample]
    outside = _OUTSIDE_LATIN1.subn("", head)[1]  # counted by the regex engine, not char by char
    latin1 = _LATIN1_HIGH.subn("", head)[1]
    return outside > 0 and outside >= latin1


def detect_legacy(text: str) -> str | None:
    """ "tcvn3", "vni" or None, for text read as Latin-1/Windows-1252 characters."""
    if has_unicode_vietnamese(text) or not any("\u00a0" <= ch <= "\u00ff" for ch in text):
        return None
    head = text[:200_000]
    base = vietnamese_score(head)
    scores = {
        "tcvn3": vietnamese_score(to_unicode_tcvn3(head)),
        "vni": vietnamese_score(to_unicode_vni(head)),
    }
    best = max(scores, key=lambda k: scores[k])
    if scores[best] >= 0.6 and scores[best] >= base + 0.2:
        return best
    return None


def convert_legacy(text: str, encoding: str) -> str:
    return to_unicode_tcvn3(text) if encoding == "tcvn3" else to_unicode_vni(text)


LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def conversion_warning(encoding: str, *, fonts: bool = False) -> str:
    """User-facing note that a legacy encoding (or a legacy font, in DOCX) was converted."""
    what = "phông chữ bảng mã" if fonts else "bảng mã"
    return f"Tệp dùng {what} {LEGACY_NAMES[encoding]}; đã chuyển sang Unicode."


def legacy_font_encoding(font: str | None) -> str | None:
    """Encoding implied by a font name: ".VnTime" -> tcvn3, "VNI-Times" -> vni."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith((".vn", "vn3", "abc")):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None


def is_upper_font(font: str | None) -> bool:
    """TCVN3 capital fonts end in "H": ".VnTimeH", ".VnArialH"."""
    if not font:
        return False
    return font.strip().lower().startswith(".vn") and font.strip().endswith("H")
