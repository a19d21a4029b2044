"""The letter's addressees (Kính gửi) as the actor of what it asks.

A letter often names no actor where it asks for something: an intro "Chủ tịch UBND tỉnh
có ý kiến chỉ đạo như sau:" over actorless items, a bare "Đề nghị rà soát, báo cáo ...",
or the courtesy pronoun "Đề nghị Quý Cơ quan ...". The actor is then the addressee.
"""

from __future__ import annotations

import re

from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.fields.clause_words import clause_vocab
from dxtrack.extraction.fields.list_tail import list_tail
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import load as load_vocab

# what may follow the verb of an intro that names no one: "... đề nghị:", "... đề nghị
# thực hiện một số nội dung sau:", "... có ý kiến chỉ đạo như sau:"
_INTRO_TAIL = re.compile(
    r"(?:(?:thực\s+hiện|triển\s+khai|quan\s+tâm|lưu\s+ý|chú\s+ý|tập\s+trung)\b[^:]{0,80}"
    r"|như\s+sau\s*)?:?\s*$"
)


def intro_agencies(ex: Expanded, matcher: AgencyMatcher, addressees: tuple[str, ...]) -> list[str]:
    """The agencies an intro sentence ending with ":" lends to the list's actorless items:
    those after its verb ("Tổng cục Thuế yêu cầu Cục Thuế các tỉnh ... sau:"), else the
    addressees when it asks without naming anyone."""
    for m in clause_vocab()["intro_verb"].finditer(ex.folded):
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found:  # "... yêu cầu các đơn vị thuộc Ngân hàng X và tổ chức tín dụng thực hiện"
            return [x.name for x in list_tail(ex, matcher, found, end)[0]]
        if _INTRO_TAIL.match(ex.folded, m.end()):
            return list(addressees)
        short = _short_reference(ex.folded, m.end(), addressees)
        if short:
            return short
    return []


def _short_reference(folded: str, at: int, addressees: tuple[str, ...]) -> list[str]:
    """ "... đề nghị Công ty thực hiện ... sau:" in a letter to "Công ty cổ phần X": the
    head words of the one addressee stand for it."""
    if len(addressees) != 1:
        return []
    words = fold(addressees[0]).split()
    for n in (2, 1):
        head = " ".join(words[:n])
        rest = folded[at:].split()
        if (
            len(words) > n
            and folded.startswith(head + " ", at)
            and rest[n : n + 1] != words[n : n + 1]
        ):
            return list(addressees)
    return []


# the issuer asking without naming anyone by "... có ý kiến chỉ đạo như sau: Khẩn trương ..."
# (right after its name: clause_vocab `asks`)
_DIRECTS = re.compile(r"ý\s+kiến\s+chỉ\s+đạo(?:\s+như\s+sau)?\s*:")
_INTRO_END = re.compile(r"\s*(?:như\s+sau)?\s*[:.]?\s*$")


def asks_addressee(folded: str, addressees: tuple[str, ...], at: int | None = None) -> bool:
    """A letter to one addressee that asks without naming anyone: the issuer's verb at `at`
    (where its name ends), else an "ý kiến chỉ đạo như sau:" in the sentence."""
    if len(addressees) != 1:
        return False
    found = (
        clause_vocab()["asks"].match(folded, at)
        if at is not None
        else _DIRECTS.search(folded, 0, 400)
    )
    # an intro ending at its colon ("Chủ tịch UBND tỉnh chỉ đạo như sau:") asks nothing itself
    return found is not None and not _INTRO_END.match(folded, found.end())


def bare_request(folded: str) -> bool:
    """A request naming no one: "Đề nghị gửi kèm số liệu ..."."""
    return bool(clause_vocab()["bare_request"].match(folded))


def pronoun_only(leads: list[str]) -> bool:
    return bool(leads) and all(fold(n).startswith("quý ") for n in leads)


def resolve_pronoun(
    leads: list[str], addressees: tuple[str, ...], matcher: AgencyMatcher
) -> list[str]:
    """ "Quý Cơ quan", "Quý Sở" stand for the letter's addressee: its only one, or those of
    that kind ("Quý Sở" among two Sở and a Bộ: the two Sở); a generic one ("Quý cơ quan",
    "Quý đơn vị", "Quý cơ quan, đơn vị") addressed to several bodies stands for them all;
    else they stay as printed."""
    names = [matcher.expand(a).text for a in addressees]
    if len(names) == 1:
        return names
    if len(leads) != 1:
        return leads
    kind = fold(leads[0]).split()[1:2]
    same = [n for n in names if fold(n).split()[:1] == kind]
    if same:
        return same
    generic = fold(leads[0]).removeprefix("quý ").replace(",", " ").split()
    if generic and all(w in _GENERIC_PRONOUN_WORDS for w in generic):
        return addressee_names(addressees, matcher)
    return leads


# the words of a courtesy pronoun that fits any addressee ("Quý cơ quan, đơn vị")
_GENERIC_PRONOUN_WORDS = frozenset(("cơ", "quan", "đơn", "vị", "địa", "phương", "tổ", "chức"))


def addressed_group(leads: list[str], addressees: tuple[str, ...]) -> bool:
    """ "Đề nghị các Bộ, cơ quan gửi ý kiến ..." in a letter addressed to ministries by name
    ("Bộ Tài chính; Bộ Tư pháp; Ủy ban nhân dân tỉnh X", "Các Bộ: Tài chính, Tư pháp"): the
    group is its addressees
    (`addressee_groups` in data/agencies.yaml). Addressees that are groups themselves keep
    the group as printed (FORMAT.md lead)."""
    if len(leads) != 1 or len(addressees) < 2 or not fold(leads[0]).startswith("các bộ, "):
        return False
    groups = {fold(g) for g in load_vocab("agencies")["addressee_groups"]}
    named = [fold(a) for a in addressees]
    listed = [a for a in named if a.startswith("các bộ:")]  # "Các Bộ: Tài chính, Tư pháp"
    return (
        fold(leads[0]) in groups
        and not any(a.startswith("các ") and a not in listed for a in named)
        and sum(a.startswith("bộ ") for a in named) + 2 * len(listed) >= 2
    )


def addressee_names(addressees: tuple[str, ...], matcher: AgencyMatcher) -> list[str]:
    """The addressees by name, a spelt-out list as its members ("Các Bộ: Tài chính, Tư pháp"
    -> "Bộ Tài chính", "Bộ Tư pháp")."""
    out: list[str] = []
    for a in addressees:
        found, _ = matcher.match_list(matcher.expand(a), 0, bare_groups=True)
        out += [m.name for m in found] or [a]
    return out
