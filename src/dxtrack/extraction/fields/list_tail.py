"""A list of subjects that goes on past the names the agency vocabulary knows.

"Các Bộ, ngành chức năng, các cơ quan báo chí Trung ương, địa phương, quân đội, Mặt trận
Tổ quốc Việt Nam, Hội Cựu chiến binh các cấp và các tổ chức chính trị - xã hội tập trung
tuyên truyền ...", "Ủy ban Văn hóa và Xã hội, ..., các Đoàn đại biểu Quốc hội và đại biểu
Quốc hội, Hội đồng nhân dân các cấp, trong phạm vi chức năng, ... giám sát ...": the
matcher stops at the first piece it does not know, but the subject runs on to the verb.
FORMAT.md's lead is every agency that must do it, groups as printed, so the pieces up to
the verb are leads too: a piece opening with `các` / `những` or a capital is a lead of its
own; a lower-case piece goes on the group before it (`địa phương`, `quân đội`), or on a
name when it opens with a group noun or unit (`thành phố trực thuộc Trung ương`); after a
named body it is an apposition (`Sở Y tế, cơ quan thường trực ...`) and ends the list. Only when the pieces end right before a verb of the clause (or a
lead-in: `, trong phạm vi chức năng ...`, `, theo chức năng ...`): otherwise the list stays
as the matcher read it.
"""

from __future__ import annotations

import re
from functools import cache

from dxtrack.extraction.fields.agencies import AgencyMatcher, Mention
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import folded_pattern
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

_SEP = re.compile(r"[ \t]*(?:,|;|\bvà\b)[ \t]*")
_WORD = re.compile(r"[ \t]*([^\s,;.:()“”\"]+)")
# a collective that opens a lead of its own: "các ...", "những ...", "đội ngũ báo cáo viên"
_MANY = re.compile(r"(?:các|những|đội\s+ngũ)\s")
# a lead-in after the list: "..., trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, ..."
_LEAD_IN = re.compile(r",\s*(?:trong\s+phạm\s+vi|theo\s+chức\s+năng|căn\s+cứ)\b")
_CAPITAL = re.compile(rf"[{UPPER}]")
_MAX_WORDS = 10
_MAX_PIECES = 6


def list_tail(
    ex: Expanded, matcher: AgencyMatcher, found: list[Mention], end: int, *, whole: bool = False
) -> tuple[list[Mention], int]:
    """The list `found` (ending at `end`) with the pieces after it up to the clause's verb;
    `whole`: the text is a list of names only (a role field's value), so its end ends it too
    once a group closed by its qualifier showed that the list goes on ("..., các cơ quan
    ngành dọc có liên quan và UBND các huyện.")."""
    out = list(found)
    pos = end
    added = 0
    closed = False
    last = out[-1]
    more, closed = _piece(ex, matcher, end, first=True) if _cut_group(last.name) else (0, False)
    if more:  # a group the matcher cut short: "các cơ sở | y tế", "các Ban | của HĐND tỉnh"
        name = " ".join(ex.text[last.start : more].split())
        out[-1] = Mention(last.start, more, name[:1].upper() + name[1:])
        pos = more
        added += 1
    while added < _MAX_PIECES and not _LEAD_IN.match(ex.folded, pos):
        sep = _SEP.match(ex.folded, pos)
        if not sep or sep.end() >= len(ex.folded):
            break
        known, known_end = matcher.match_list(ex, sep.end(), bare_groups=True)
        if known:
            out += known
            pos = known_end
            continue
        piece_end, tail = _piece(ex, matcher, sep.end())
        if not piece_end:
            break
        closed = closed or tail
        text = " ".join(ex.text[sep.end() : piece_end].split())
        if _MANY.match(ex.folded, sep.end()) or _CAPITAL.match(text):
            out.append(Mention(sep.end(), piece_end, text[:1].upper() + text[1:]))
        else:  # "..., các cơ quan báo chí Trung ương, địa phương, quân đội": the group goes on
            last = out[-1]
            if not _MANY.match(fold(last.name)) and not matcher.opens_group(ex, sep.end()):
                break  # "Sở Y tế, cơ quan thường trực ...": a role in apposition, no member
            if not _MANY.match(fold(last.name)) and _role_apposition().match(ex.folded, sep.end()):
                break  # "Sở X, cơ quan được giao làm đầu mối, ...": its role, no member
            name = " ".join(ex.text[last.start : piece_end].split())
            out[-1] = Mention(last.start, piece_end, name[:1].upper() + name[1:])
        pos = piece_end
        added += 1
    if not added or not (_ends_subject(ex, matcher, pos) or whole and closed and _at_end(ex, pos)):
        return found, end
    return out, pos


@cache
def _role_apposition() -> re.Pattern[str]:
    """A body's role after its name ("cơ quan được giao làm đầu mối", "đơn vị thường trực"):
    `standing_roles` in data/vocab.yaml, or "được giao"."""
    roles = "|".join(folded_pattern(r) for r in load_vocab("vocab")["standing_roles"])
    return re.compile(rf"(?:cơ\s+quan|đơn\s+vị)\s+(?:được\s+giao|{roles})\b")


def _cut_group(name: str) -> bool:
    """A group of one noun ("Các cơ sở", "Các Ban"), likely cut before its qualifier; a list
    of nouns ("Các cơ quan, đơn vị") is whole, and a verb follows it."""
    return bool(_MANY.match(fold(name))) and "," not in name and len(name.split()) <= 3


def _piece(
    ex: Expanded, matcher: AgencyMatcher, start: int, *, first: bool = False
) -> tuple[int, bool]:
    """Where a piece of a subject list that starts at `start` ends (before the next
    separator or the verb), 0 when no piece of a name starts there, and whether a group's
    qualifier (`relevance_tails`: "có liên quan") closed it. `first`: the piece goes on a
    name right before it, so it opens with a lower-case word that is no verb."""
    if matcher.ends_name(ex, start):
        return 0, False  # "Sở X, tổ chức ...": a verb, no piece
    at = start
    words = 0
    while words <= _MAX_WORDS:
        w = _WORD.match(ex.text, at)
        if not w or first and not words and not w.group(1)[:1].islower():
            break
        if words and (tail := matcher.relevance_tail(ex, w.start(1))):
            return tail, True  # "các cơ quan ngành dọc ... có liên quan và ...": the group's end
        if (words or first) and (matcher.ends_name(ex, w.start(1)) or w.group(1) == "và"):
            break
        at = w.end()
        words += 1
    return (at if 0 < words <= _MAX_WORDS else 0), False


def _ends_subject(ex: Expanded, matcher: AgencyMatcher, pos: int) -> bool:
    """A verb of the clause (or a lead-in before it) follows the list."""
    if _LEAD_IN.match(ex.folded, pos):
        return True
    at = pos + len(ex.folded[pos:]) - len(ex.folded[pos:].lstrip(" \t"))
    return at > pos and matcher.ends_name(ex, at)


def _at_end(ex: Expanded, pos: int) -> bool:
    """Only a full stop or blanks are left after pos."""
    return not ex.folded[pos:].strip(" \t.")
