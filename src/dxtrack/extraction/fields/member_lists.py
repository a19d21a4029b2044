"""Groups of provinces spelled out by their members.

A Công điện or a Government resolution names the provinces it addresses after the group:
"Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Thái Bình",
"Ủy ban nhân dân các tỉnh, thành phố Hà Nội, Hồ Chí Minh, Cần Thơ và các địa phương có
liên quan", and a province the communes after a colon ("Ủy ban nhân dân các xã: Vĩnh Tế,
Nhơn Hưng" -> "Ủy ban nhân dân xã Vĩnh Tế", ...). The contract (FORMAT.md, `lead`) gives one body per member: "Ủy ban nhân dân
tỉnh Quảng Ninh", "Ủy ban nhân dân thành phố Hải Phòng". A centrally-run city
(`agencies.yaml: central_cities`) is a "thành phố", any other member a "tỉnh".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dxtrack.vn import UPPER

# "ủy ban nhân dân các tỉnh, thành phố:" / "công an các tỉnh:" (folded text)
# ... or communes after a colon: "Ủy ban nhân dân các xã: Vĩnh Tế, Nhơn Hưng"
_HEAD = re.compile(
    r"(ủy\s+ban\s+nhân\s+dân|công\s+an)\s+các\s+(tỉnh|thành\s+phố|xã|phường)"
    r"(\s*,\s*(?:tỉnh|thành\s+phố))?(\s*:)?[ \t]*"
)
# a place name as printed: capitalised words, "Bà Rịa - Vũng Tàu" (original text)
_PLACE = re.compile(rf"[{UPPER}][^\s,;.:()]*(?:(?:[ \t]+|[ \t]*-[ \t]*)[{UPPER}][^\s,;.:()]*)*")
_SEP = re.compile(r"[ \t]*(?:,|\bvà\b)[ \t]*")


def province_members(
    text: str, folded: str, pos: int, central: Iterable[str]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each member of a group spelled out at `pos`, or []. Without a
    colon the group must name both kinds ("các tỉnh, thành phố") and two members or more,
    so "Ủy ban nhân dân các tỉnh Tây Nguyên" stays one group."""
    head = _HEAD.match(folded, pos)
    if not head:
        return []
    places: list[tuple[int, int]] = []
    at = head.end()
    while p := _PLACE.match(text, at):
        places.append((p.start(), p.end()))
        sep = _SEP.match(text, p.end())
        if not sep:
            break
        at = sep.end()
    if not places or (not head.group(4) and (not head.group(3) or len(places) < 2)):
        return []
    commune = head.group(2) in {"xã", "phường"}
    if commune and (head.group(3) or not head.group(4)):
        return []
    body = "Ủy ban nhân dân" if head.group(1).startswith("ủy") else "Công an"
    only_cities = head.group(2) != "tỉnh" and not head.group(3)
    cities = {c.lower() for c in central}
    out = []
    for i, (start, end) in enumerate(places):
        place = text[start:end]
        unit = "thành phố" if only_cities or place.lower() in cities else "tỉnh"
        unit = head.group(2) if commune else unit
        out.append((pos if i == 0 else start, end, f"{body} {unit} {place}"))
    return out


Places = tuple[Iterable[str], Iterable[str]]

# a later member sharing the head of "Ủy ban nhân dân tỉnh Quảng Ninh, thành phố Hải Phòng,
# tỉnh Thái Bình": its unit and place (folded unit, original place)
# ... and of a lower level: "Ủy ban nhân dân xã A, phường B", "UBND thành phố C, thị xã D"
_LEVELS = r"tỉnh|thành\s+phố|thị\s+xã|thị\s+trấn|huyện|quận|xã|phường|đặc\s+khu"
_UNIT = re.compile(rf"({_LEVELS})[ \t]+")
_OWN_HEAD = re.compile(rf"(ủy\s+ban\s+nhân\s+dân|công\s+an)\s+({_LEVELS})\s")


def shared_head_member(
    text: str, folded: str, pos: int, first: str, places: Places = ((), ())
) -> tuple[int, int, str] | None:
    """(start, end, name) of the member at `pos` of a list whose first member `first` names
    the head once for all ("Ủy ban nhân dân tỉnh Quảng Ninh, thành phố Hải Phòng", or in a
    table cell "UBND thành phố Hà Nội, Hòa Bình, Cần Thơ" with a known province's bare
    name: `places` = (province names, centrally-run cities), case-folded), or None."""
    head = _OWN_HEAD.match(first.casefold())
    if not head:
        return None
    unit = _UNIT.match(folded, pos)
    place = _PLACE.match(text, unit.end() if unit else pos)
    if not place or not text[place.start()].isupper():
        return None  # "Tỉnh đoàn", "tỉnh ủy": no place
    name = " ".join(text[place.start() : place.end()].split())
    if unit:
        kind = " ".join(unit.group(1).split())
    elif head.group(2) in {"tỉnh", "thành phố"} and name.casefold() in places[0]:
        kind = "thành phố" if name.casefold() in places[1] else "tỉnh"
    else:
        return None
    body = "Ủy ban nhân dân" if head.group(1).startswith("ủy") else "Công an"
    return pos, place.end(), f"{body} {kind} {name}"
