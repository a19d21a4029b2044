"""Folding of free-text agency names into lookup keys (no database).

Two keys per name: `exact_key` keeps the diacritics but unifies case, spacing,
punctuation, abbreviations and tone placement (hoà/hòa, uỷ/ủy, hòan/hoàn); `loose_key`
also drops every diacritic (for text typed without accents).
"""

from __future__ import annotations

import re

from dxtrack import vn

_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "kh&cn": "khoa học và công nghệ",
    "khcn": "khoa học và công nghệ",
    "gd&đt": "giáo dục và đào tạo",
    "gdđt": "giáo dục và đào tạo",
    "nn&mt": "nông nghiệp và môi trường",
    "vh&tt": "văn hóa và thể thao",
    "tthc": "thủ tục hành chính",
}
_LEADING = ("các ",)
_SUFFIXES = (" tỉnh an giang", " an giang", " cấp tỉnh", " tỉnh")


def _expand(text: str) -> str:
    words = [_ABBREVIATIONS.get(word, word) for word in text.split()]
    return " ".join(words)


def exact_key(name: str) -> str:
    """Case-, spacing-, punctuation-, abbreviation- and tone-placement-insensitive key."""
    text = vn.fold(name)
    text = _expand(text.replace("(", " ").replace(")", " "))
    text = re.sub(r"[^\w&]+", " ", text).replace("&", " và ")
    return " ".join(text.split())


def loose_key(name: str) -> str:
    """`exact_key()` without any diacritic (text typed without accents)."""
    return vn.fold(exact_key(name), accents=False)


_UNITS = ("xã", "phường", "đặc khu", "thị trấn")
_UNIT_LIST = re.compile(
    r"^(.+?) (?:các )?((?:(?:xã|phường|đặc khu|thị trấn) (?:và )?)*(?:xã|phường|đặc khu|thị trấn))$"
)


def _unit_order(key: str) -> str | None:
    """ "ủy ban nhân dân các phường xã đặc khu" -> "ủy ban nhân dân xã phường đặc khu": a list
    of commune-level unit kinds in one order, without `các` or `và`."""
    m = _UNIT_LIST.match(key)
    if not m:
        return None
    found = [unit for unit in _UNITS if re.search(rf"(?:^| ){unit}(?: |$)", m.group(2))]
    return f"{m.group(1)} {' '.join(found)}" if len(found) >= 2 else None


def variants(key: str) -> list[str]:
    """The key, then forms without a leading `các` or a trailing `tỉnh (An Giang)`, and a list
    of unit kinds in one order (`các phường, xã` = `xã, phường`)."""
    found = [key]
    if ordered := _unit_order(key):
        found.append(ordered)
    for prefix in _LEADING:
        if key.startswith(prefix):
            found.append(key[len(prefix) :])
    for form in list(found):
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix):
                found.append(form[: -len(suffix)])
    return list(dict.fromkeys(found))


# Words of a generic addressee ("Các cơ quan, đơn vị có liên quan", "Quý đơn vị"): a name made
# only of them names nobody in particular, so it needs no agency of the directory.
_GENERIC_TEXT = (
    "các quý cơ quan đơn vị địa phương và có liên quan bộ ngành sở ban tổ chức cá "
    "nhân doanh nghiệp trực thuộc khác những cấp tỉnh huyện xã"
)
_GENERIC_WORDS = frozenset(exact_key(_GENERIC_TEXT).split())


def is_generic_name(name: str) -> bool:
    """A generic addressee that designates no particular agency."""
    words = exact_key(name).split()
    return bool(words) and all(word in _GENERIC_WORDS for word in words)
