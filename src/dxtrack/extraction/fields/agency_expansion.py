"""Agency names as printed, expanded before matching: abbreviations spelled out ("UBND" ->
"Ủy ban nhân dân"), office-holders reduced to their agencies ("Giám đốc Sở Y tế" ->
"Sở Y tế", "Bộ trưởng các Bộ" -> "các Bộ") and typo'd head words mended ("Vu Kế hoạch").

The vocabulary is data (`data/agencies.yaml` `abbreviations`, `head_typos`); the
office-holder phrases are `TITLE_REWRITES` below. `fields/agencies.py` matches agencies in
the expanded text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dxtrack.extraction.textutil import fold
from dxtrack.vn import UPPER, fold_edited


class Expanded(NamedTuple):  # immutable, built and hashed (a cache key) faster than a dataclass
    """Text with abbreviations expanded and office-holders reduced, and its folded twin
    (same length, so offsets are shared)."""

    text: str
    folded: str
    # where an office-holder's title was dropped after a comma before "các" ("Giám đốc các
    # Sở, Thủ trưởng các ban, ngành tỉnh"): a group chain does not run across it, each holder
    # names a group of its own (FORMAT.md lead: an office-holder becomes the agency)
    breaks: tuple[int, ...] = ()


class Expander:
    """Compiled abbreviations and rewrites, with a bounded cache of expanded clauses."""

    def __init__(self, vocab: dict) -> None:
        abbr, spelt = dict(vocab["abbreviations"]), ampersand_spellings(vocab)
        for key, value in spelt.items():
            abbr.setdefault(key, value)
        self._abbr = abbr
        self._expanded: dict[str, Expanded] = {}
        ordered = sorted(abbr, key=len, reverse=True)
        abbrs = [_at_word_start(re.escape(a)) + r"(?![\w&])" for a in ordered]
        # typo'd head words ("Vu Kế hoạch - Tài chính") are mended before a capitalised name
        heads = kind_word_heads(vocab)
        self._rewrites = [*TITLE_REWRITES.values(), *vocab["head_typos"].values(), *heads.values()]
        patterns = list(TITLE_REWRITES) + [rf"{t}(?=[ \t]+[{UPPER}])" for t in vocab["head_typos"]]
        patterns += list(heads)
        titles = [_at_word_start(p, group=f"t{i}") for i, p in enumerate(patterns)]
        # the words a pattern cannot match without, where it opens with a lower-case letter
        # (common in running text: each one is a place the search stops at)
        guards = [a if a[:1].islower() else None for a in ordered]
        guards += [TITLE_GUARDS.get(p) or p[:1].islower() and "rưởng" or None for p in patterns]
        every = list(zip(abbrs + titles, guards, strict=True))
        # The alternation split by its first letters (`_by_first_letter`: at a place only the
        # branch of the letter there is tried): the patterns opening with a capital, searched
        # in every text, and those opening in lower case, searched only in a text holding one
        # of their guard words (`_edits` merges the two searches as the one alternation's)
        self._upper = re.compile(_by_first_letter([p for p, _ in every if p[0].isupper()]))
        lower = [(p, guard) for p, guard in every if not p[0].isupper()]
        if any(guard is None for _, guard in lower):
            raise ValueError("a pattern opening in lower case needs a guard word")
        self._lower = re.compile(_by_first_letter([p for p, _ in lower])) if lower else None
        self._lower_guards = tuple(dict.fromkeys(guard for _, guard in lower if guard))

    def expand(self, text: str) -> Expanded:
        """Expand abbreviations and reduce office-holders to their agencies
        ("Giám đốc Sở Y tế" -> "Sở Y tế", "Bộ trưởng các Bộ" -> "các Bộ")."""
        cached = self._expanded.get(text)
        if cached is None:
            if len(self._expanded) >= 4096:  # a clause is expanded by several finders in turn
                self._expanded.clear()
            # the regex's substitution written out, so that the fold of the result is
            # pieced from the text's (kept: the clause was folded before) where that is exact
            edits = self._edits(text)
            if not edits:
                cached = self._expanded[text] = Expanded(text, fold(text))
                return cached
            pieces: list[str] = []
            prev, at, breaks = 0, 0, []
            for start, end, new in edits:
                pieces += (text[prev:start], new)
                at += start - prev
                if (
                    not new
                    and _HOLDER_BREAK.search(text, max(0, start - 4), start)
                    and text.startswith("các", end)
                ):
                    breaks.append(at)
                at += len(new)
                prev = end
            pieces.append(text[prev:])
            out = "".join(pieces)
            folded = fold_edited(text, edits, out)
            cached = self._expanded[text] = Expanded(out, folded, tuple(breaks))
        return cached

    def _edits(self, text: str) -> list[tuple[int, int, str]]:
        """The rewrites the whole alternation finds (`finditer`), as (start, end, new): where
        the text holds no lower-case pattern's guard word, the capitals' search alone; else
        the leftmost match of the two searches, each searched again from the end of a match
        once it starts before that end (the alternation's next search starts there)."""
        upper, lower = self._upper, self._lower
        b = (
            lower.search(text)
            if lower is not None and any(g in text for g in self._lower_guards)
            else None
        )
        if b is None:
            return [(m.start(), m.end(), self._replacement(m)) for m in upper.finditer(text)]
        edits = []
        a = upper.search(text)
        assert lower is not None
        while a is not None or b is not None:
            m = a if b is None or (a is not None and a.start() < b.start()) else b
            assert m is not None
            edits.append((m.start(), m.end(), self._replacement(m)))
            end = m.end()
            if a is not None and a.start() < end:
                a = upper.search(text, end)
            if b is not None and b.start() < end:
                b = lower.search(text, end)
        return edits

    def _replacement(self, m: re.Match[str]) -> str:
        if m.lastgroup is None:  # an abbreviation (only the titles have groups)
            return self._abbr[m.group(0)]
        return self._rewrites[int(m.lastgroup[1:])]


def ampersand_spellings(vocab: dict) -> dict[str, str]:
    """The other spellings of "và" in a department's name or initials, each to its full name:
    "Sở Tài nguyên & Môi trường" (a spaced "&" for "và"), "Sở GD và ĐT", "Sở GD & ĐT"
    (initials joined by "và" or a spaced "&" instead of "GD&ĐT"). FORMAT.md lead:
    abbreviations expanded."""
    out: dict[str, str] = {}
    for domain in vocab["domains"]:
        if " và " in domain:
            out[domain.replace(" và ", " & ")] = domain
    for key, value in vocab["abbreviations"].items():
        if "&" in key and " " not in key:
            out[key.replace("&", " & ")] = value
            out[key.replace("&", " và ")] = value
    return out


def kind_word_heads(vocab: dict) -> dict[str, str]:
    """A head's title ending in its body's kind word in lower case, before the body's
    capitalised name ("Trưởng ban Dân tộc tỉnh" -> "Ban Dân tộc tỉnh"; vocab.yaml
    `kind_word_heads`), as pattern -> replacement; the title may open in lower case. Not
    before the kind word printed again ("Trưởng ban Ban Chỉ đạo" is read as a holder)."""
    out: dict[str, str] = {}
    for title, kind in vocab["kind_word_heads"].items():
        for first in dict.fromkeys((title[0].upper(), title[0].lower())):
            words = (first + title[1:]).split()
            out[r"\s+".join(words) + rf"\s+(?=[{UPPER}])(?!{kind}\s)"] = f"{kind} "
    return out


# Office-holder phrases rewritten to the agency they stand for (regex -> replacement).
_HEAD = r"(?=(?:các\s+)?(?:Sở|Bộ|Ban|Ủy|UBND|Cục|Vụ|Trung|Đài|Văn|Thanh|Công|Ngân|Kho|Bảo|Hội|Viện"
_HEAD += r"|Tổng|Chi|cơ\s+quan|đơn\s+vị|sở|ban|ngành|địa|xã|huyện|tỉnh|thành|Đoàn|Liên|Báo|Cổng"
_HEAD += r"|Trường|trường))"
_HAMLET = r"(?:thôn|ấp|bản|buôn|khu\s+phố|tổ\s+dân\s+phố|tổ\s+dân\s+cư)"
# office-holders of a body ("Giám đốc Sở Y tế" -> "Sở Y tế"), tried in this order
_HOLDERS = (
    *(r"Thủ\s+trưởng", r"Người\s+đứng\s+đầu", r"Phó\s+Giám\s+đốc", r"Giám\s+đốc"),
    *(r"Phó\s+Chủ\s+tịch", r"Chủ\s+tịch", r"Tổng\s+Giám\s+đốc"),
    # a committee's head, co-head and deputy ("Đồng Trưởng ban Ban chỉ đạo ...:")
    *(r"Phó\s+[Tt]rưởng\s+[Bb]an", r"Đồng\s+[Tt]rưởng\s+[Bb]an", r"Trưởng\s+[Bb]an"),
    *(r"Cục\s+trưởng", r"Vụ\s+trưởng", r"Tổng\s+cục\s+trưởng"),
    # a member sitting for a body ("Đại diện Bộ Tài chính: chịu trách nhiệm ...")
    r"Đại\s+diện",
)
# a seat on a committee held by an office-holder, who acts in that office ("Phó trưởng ban
# là Giám đốc Sở X quyết định ...", "Các ủy viên đại diện ... là Phó chủ tịch Ủy ban nhân
# dân tỉnh, chịu trách nhiệm ..."): the seat and the title give way to the body
_SEATS: tuple[str, ...] = ("Phó trưởng ban", "Đồng trưởng ban", "Trưởng ban", "Tổ trưởng")
_SEATS += ("Tổ phó", "Ủy viên", "Uỷ viên", "Thành viên", "Các ủy viên", "Các uỷ viên")
_SEATS += ("Các thành viên",)
_SEAT_HOLDERS = r"(?:Thủ\s+trưởng|Người\s+đứng\s+đầu|(?:[Pp]hó\s+)?(?:[Gg]iám\s+đốc|[Cc]hủ\s+tịch))"


def _seat(name: str) -> str:
    first, rest = name[0], name[1:].replace(" ", r"\s+")
    return rf"{first}{rest}(?:\s+[^\s,.;:]+){{0,10}}?\s+là\s+{_SEAT_HOLDERS}\s+{_HEAD}"


# Each pattern opens with a plain letter (see `_at_word_start`).
TITLE_REWRITES: dict[str, str] = {
    **{_seat(seat[0].swapcase() + seat[1:]): "" for seat in _SEATS},
    **{_seat(seat): "" for seat in _SEATS},
    # national bodies' heads: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Thống đốc Ngân
    # hàng Nhà nước Việt Nam", "Tổng Thanh tra Chính phủ", "Tổng Kiểm toán nhà nước"
    r"Bộ\s+trưởng,\s+Chủ\s+nhiệm\s+(?=Văn\s+phòng|Ủy\s+ban)": "",
    r"Chủ\s+nhiệm\s+(?=Văn\s+phòng|Ủy\s+ban|Ngân\s+hàng)": "",
    r"Thống\s+đốc\s+(?=Văn\s+phòng|Ủy\s+ban|Ngân\s+hàng)": "",
    r"Tổng\s+(?=Thanh\s+tra\s+Chính\s+phủ|Kiểm\s+toán\s+[Nn]hà\s+nước)": "",
    r"Bộ\s+trưởng(?=\s*(?:,|;|và\b))": "Bộ",
    r"Bộ\s+trưởng\s+": "",
    r"Chánh\s+(?=Văn\s+phòng|Thanh\s+tra)": "",
    # two titles of one head joined by a slash ("Giám đốc/Thủ trưởng các sở, ban, ngành"):
    # the first gives way, the second is read as below
    **{rf"{holder}\s*/\s*(?=(?:{'|'.join(_HOLDERS)})\s)": "" for holder in _HOLDERS},
    **{rf"{holder}\s*:?\s+{_HEAD}": "" for holder in _HOLDERS},
    r"Hiệu\s+trưởng\s+(?=(?:các\s+)?[Tt]rường)": "",  # "Hiệu trưởng các trường THPT"
    # "các đồng chí Trưởng thôn" -> "các thôn", "Trưởng các ấp" -> "các ấp"
    rf"các\s+đồng\s+chí\s+[Tt]rưởng\s+(?={_HAMLET})": "các ",
    rf"Trưởng\s+(?=các\s+{_HAMLET})": "",
    rf"trưởng\s+(?=các\s+{_HAMLET})": "",
    # the head of each body of a kind ("Trưởng các điểm thi", "Trưởng các đoàn kiểm tra"):
    # the bodies; in lower case only before hamlets ("tăng trưởng các ngành" is growth)
    r"Trưởng\s+(?=các\s+\w)": "",
    # a holder in lower case after a comma of a list ("Hiệu trưởng các trường ..., giám đốc
    # các trung tâm ... có trách nhiệm"): the bodies (not "Tổng giám đốc các tập đoàn")
    r"g(?<=,\sg)iám\s+đốc\s+(?=các\s+\w)": "",
    r"t(?<=,\st)hủ\s+trưởng\s+(?=các\s+\w)": "",
    r"h(?<=,\sh)iệu\s+trưởng\s+(?=các\s+\w)": "",
}

# The word each of these patterns cannot match without (see `Expander._edits`: those opening
# in lower case are searched only in a text holding theirs): a committee seat held by an
# office-holder says "là", a hamlet's head "trưởng".
TITLE_GUARDS: dict[str, str] = {
    **{p: "là" for p in TITLE_REWRITES if r"\s+là\s+" in p},
    **{p: "rưởng" for p in TITLE_REWRITES if "rưởng" in p and _HAMLET in p},
    r"g(?<=,\sg)iám\s+đốc\s+(?=các\s+\w)": "đốc",
    r"t(?<=,\st)hủ\s+trưởng\s+(?=các\s+\w)": "trưởng",
    r"h(?<=,\sh)iệu\s+trưởng\s+(?=các\s+\w)": "trưởng",
}


def _by_first_letter(patterns: list[str]) -> str:
    r"""The alternation of `_at_word_start` patterns, those with the same first letter in one
    branch under one look-behind ("U(?<![\w&].)(?:BND|BMTTQ)"): where a letter stands, only
    its branch is tried, in the order given, as the plain alternation tries them."""
    branches: dict[str, list[str]] = {}
    for pattern in patterns:
        first, rest = pattern[0], pattern[1 + len(_WORD_START) :]
        if pattern[1 : 1 + len(_WORD_START)] != _WORD_START:
            raise ValueError(f"not an _at_word_start pattern: {pattern!r}")
        branches.setdefault(first, []).append(rest)
    return "|".join(f"{c}{_WORD_START}(?:{'|'.join(rests)})" for c, rests in branches.items())


_WORD_START = r"(?<![\w&].)"
_HOLDER_BREAK = re.compile(r",[ \t]+$")  # a comma right before a dropped title


def _at_word_start(pattern: str, group: str | None = None) -> str:
    r"""`pattern`, opening with a plain letter, matched only where no word character or
    "&" precedes it: the look-behind follows that letter ("U(?<![\w&].)BND"), so that an
    alternation of such patterns keeps its first letters as a fast scan; `group` names the
    rest."""
    if not pattern[:1].isalpha() or pattern[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"a rewrite must open with a plain letter: {pattern!r}")
    rest = f"(?P<{group}>{pattern[1:]})" if group else pattern[1:]
    return f"{pattern[0]}{_WORD_START}{rest}"
