"""A second subject named in mid-sentence beside a group subject: "Các cơ quan, đơn vị lựa
chọn các nội dung ... trong công tác quản lý, điều hành, các doanh nghiệp trên địa bàn có các
giải pháp công nghệ số ... để đăng ký tham gia giải thưởng." The businesses are asked too
(FORMAT.md lead: the agencies that must do it).

The form read: after the group subject, ", các <group> <place phrase> có ..." where the part
before the comma names no body (the group is then no item of a list of objects: "hướng dẫn
các cơ quan, đơn vị, các doanh nghiệp trên địa bàn thực hiện ..."). The place phrases are
data (`co_subject_places` in data/vocab.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.textutil import skip_space
from dxtrack.extraction.vocab import cued, entry_cues, folded_pattern
from dxtrack.extraction.vocab import load as load_vocab


@cache
def _co_subject() -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]:
    """The form's regex, and the words of its place phrases as a cheap cue (`cued`)."""
    entries = load_vocab("vocab")["co_subject_places"]
    places = sorted((folded_pattern(p) for p in entries), key=len)
    alt = "|".join(reversed(places))
    regex = re.compile(rf",\s+((?:các|những)\s[^,.;:()]{{2,60}}?\s(?:{alt}))\s+có\s")
    return regex, entry_cues(entries)


def co_subject(ex: Expanded, end: int, leads: list[str], matcher: AgencyMatcher) -> str | None:
    """The group named beside the clause's group subject later in its sentence, or None."""
    regex, places = _co_subject()
    if not leads or not leads[0].casefold().startswith("các ") or not cued(ex.folded, places):
        return None  # the cheap cue first: its place phrase
    stop = min(
        (i for i in (ex.folded.find(c, end) for c in ".;") if i >= 0), default=len(ex.folded)
    )
    m = regex.search(ex.folded, end, stop)
    if not m or not matcher.match_one(ex, m.start(1), bare_groups=True):
        return None
    before = ex.folded.rfind(",", end, m.start())
    if before >= 0 and matcher.match_one(ex, skip_space(ex.folded, before + 1), bare_groups=True):
        return None  # "..., các cơ quan, đơn vị, các doanh nghiệp trên địa bàn": a list
    name = " ".join(ex.text[m.start(1) : m.end(1)].split())
    name = name[:1].upper() + name[1:]
    return None if name.casefold() in (n.casefold() for n in leads) else name
