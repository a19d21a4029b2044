"""Parties named by the form of a heading, not by the agency vocabulary.

A regulation's article or a plan's heading often names a body the vocabulary does not
know: "Điều 7. Phòng Lao động - Thương binh và Xã hội quận - huyện có nhiệm vụ",
"Điều 6. Trách nhiệm của Phòng Văn hóa và Thông tin", "2. Tổ công tác liên ngành có trách
nhiệm:". The heading's form ("Trách nhiệm của X", "X có nhiệm vụ / có trách nhiệm") says
that X is the party its items belong to; X is printed as found. What such a decision says
of a council's status ("làm việc theo chế độ kiêm nhiệm", "sử dụng con dấu") is no task.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack.extraction.fields.agencies import AgencyMatcher, Mention, chair_marked
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.fields.clause_words import clause_vocab
from dxtrack.extraction.fields.subjects import PAST_AFTER_LIST, coordinators_after, find_subject
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import (
    alternation,
    by_first_letter,
    cued,
    entry_cues,
    folded_pattern,
)
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

# "... có nhiệm vụ", "... có trách nhiệm như sau:", "... chịu trách nhiệm:", "... thực hiện
# các nhiệm vụ sau:" closing a heading (folded text)
_ROLE_SUFFIX = re.compile(
    r"\s+(?:(?:có|chịu)\s+(?:các\s+)?(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+và\s+quyền\s+hạn)?"
    r"|thực\s+hiện\s+(?:các|những)\s+nhiệm\s+vụ)"
    r"(?:\s+(?:cụ\s+thể\s+)?(?:như\s+sau|sau\s+đây|sau|cụ\s+thể|chính))?\s*[:.]?\s*$"
)
# the body's role after its name in a heading over its duties ("Sở Y tế chủ trì, phối hợp
# với các đơn vị liên quan thực hiện các nhiệm vụ sau:"): the name ends before it
_CHAIRS = re.compile(
    r"\s+(?:chủ\s+trì\s*[,;]|chủ\s+trì\s+và\s+phối\s+hợp|phối\s+hợp\s+với|làm\s+đầu\s+mối)"
)
_NAME_BREAK = re.compile(r"[.;:!?]|\d")
# a task force named by its number: "Tổ công tác triển khai Đề án 06", "Ban Chỉ đạo 389"
_NUMBERED = re.compile(rf"(?<=[{UPPER}{LOWER}])\s+\d{{2,4}}$")
_PART_SEP = re.compile(r"\s*[,;]\s+")
_MANY = re.compile(r"(?:các|những)\s")


@lru_cache(maxsize=1)
def _manner() -> re.Pattern[str]:
    words = (folded_pattern(w) for w in load_vocab("vocab")["manner_words"])
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:,?\s+(?:{alt}))+\s*$")


@lru_cache(maxsize=1)
def _status() -> re.Pattern[str]:
    words = sorted((fold(w) for w in load_vocab("vocab")["status_phrases"]), key=len, reverse=True)
    return re.compile(by_first_letter(re.escape(w).replace(r"\ ", r"\s+") for w in words))


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[str, ...], ...]:
    """The words each status phrase holds (vocab.entry_cues): a clause lacking every
    phrase's words states no status, and is not searched (most clauses)."""
    return entry_cues(load_vocab("vocab")["status_phrases"])


_SENTENCE_CUT = re.compile(r"[.;] ")


def states_status(folded: str) -> bool:
    """The clause's first sentence states a council's status, not a task (a later part after
    ";" does not: "Giao X ... ; Đảng ủy Y hướng dẫn ... sử dụng con dấu ...")."""
    # the first sentence searched in place, not cut out
    if not cued(folded, _status_cues()):
        return False
    return _status().search(folded, 0, sentence_cut(folded)) is not None


def sentence_cut(folded: str) -> int:
    """Where `_SENTENCE_CUT` first matches (else the end), found by two fast scans (a class
    is searched character by character)."""
    cuts = [at for at in (folded.find(". "), folded.find("; ")) if at != -1]
    return min(cuts) if cuts else len(folded)


def party_heading(text: str, matcher: AgencyMatcher) -> list[str]:
    """The party a heading names by its form, as printed (one name per body listed), or []."""
    v = clause_vocab()
    plain = fold(text)
    if not (v["role_prefix"].match(plain) or _ROLE_SUFFIX.search(plain.rstrip())):
        return []  # most headings: no party named by form
    titled = text.lstrip()[:1].isupper()
    text = " ".join(matcher.expand(text).text.split()).rstrip(" :.")
    folded = fold(text)
    role = v["role_prefix"].match(folded)
    suffix = _ROLE_SUFFIX.search(folded)
    if not role and not suffix:
        return []
    start = role.end() if role else 0
    end = suffix.start() if suffix else len(text)
    name = text[start:end].strip(" -–")
    if manner := _manner().search(fold(name)):  # "Bộ Tài chính tập trung thực hiện ... sau:"
        name = name[: manner.start()]
    if chair := _CHAIRS.search(fold(name)):  # "Sở Y tế chủ trì, phối hợp với ... thực hiện ...:"
        name = name[: chair.start()]
    if _MANY.match(name) and ((titled and not role) or _group_run_on(name, matcher)):
        # "Trưởng các điểm thi có trách nhiệm" (the holder gave way to the bodies), "Đối
        # với các trường đại học ...": the bodies, as a name ("Đối với các hồ sơ" names none)
        name = name[0].upper() + name[1:]
    words = name.split()
    if (
        not 1 <= len(words) <= 16
        or not name[0].isupper()
        or _NAME_BREAK.search(_NUMBERED.sub("", name))
    ):
        return []
    if not role and (v["lead_in"].match(fold(name)) or v["topic"].match(fold(name) + " ")):
        return []  # "Trong quá trình thực hiện, các cơ quan có trách nhiệm:"
    return _split_names(name, matcher)


def _group_run_on(name: str, matcher: AgencyMatcher) -> bool:
    """A group the vocabulary knows the head of, going on past what it reads ("các trường |
    đại học ngoài công lập"); a list it reads whole is named by the matcher itself."""
    ex = matcher.expand(name)
    found, end = matcher.match_list(ex, 0)
    return bool(found) and end < len(ex.folded.rstrip())


def _split_names(name: str, matcher: AgencyMatcher) -> list[str]:
    """ "Kho bạc Nhà nước Thành phố, Kho bạc Nhà nước quận - huyện" is two bodies; "Sở Văn
    hóa, Thể thao và Du lịch" and "Ủy ban nhân dân phường - xã, thị trấn" are one: a part
    after a comma starts a body when it opens like the first one or the vocabulary knows it."""
    head = name.split()[0]
    out: list[str] = []
    pos = 0
    for sep in _PART_SEP.finditer(name):
        rest = name[sep.end() :]
        ex = matcher.expand(rest)
        if rest.split()[0] == head or matcher.match_one(ex, 0):
            out.append(name[pos : sep.start()])
            pos = sep.end()
    out.append(name[pos:])
    return [n.strip() for n in out if n.strip()]


_SENTENCE = re.compile(rf"\.\s+(?=[{UPPER}])")
_NOT_ACTING = re.compile(r"^\s*(?:đã|đang|sẽ|vừa|có\s+thể)\b")


def later_subject(text: str, matcher: AgencyMatcher) -> tuple[list[str], list[str]]:
    """The actor of a later sentence of a clause whose first sentence names none ("3. Kinh
    phí ... được bố trí từ ... . Hằng năm, các cơ quan ... có trách nhiệm đề xuất ...",
    "Công tác cấp phát ... do ngành X quản lý. Giám đốc Sở X chủ trì hướng dẫn ..."):
    its lead and coordinators, or nothing when no later sentence opens with an acting body."""
    for m in _SENTENCE.finditer(text, 0, min(len(text), 800)):
        ex, subject = find_subject(text[m.end() :], matcher)
        if (
            subject.leads
            and not _NOT_ACTING.match(ex.folded[subject.end :])
            and not (not subject.assigned and PAST_AFTER_LIST.match(ex.folded, subject.end))
        ):
            coords = coordinators_after(ex, subject.end, matcher)
            return [x.name for x in subject.leads], coords
    return [], []


# "(Cơ quan chủ trì: Sở Tư pháp; thời gian: quý II/2025)", ". Đơn vị chủ trì: Công an tỉnh;
# đơn vị phối hợp: Sở X; ..." inside an item's paragraph (folded text)
# ... or the bare role after a bracket or ";" ("(chủ trì: Sở Nội vụ; phối hợp: Tỉnh đoàn; ...)",
# "(Thực hiện: Công an tỉnh)"): clause_vocab `inline_role` (vocab inline_role_labels, _words)

# "<action>; Sở X chủ trì, Sở Y phối hợp thực hiện.": the chair named after the action
_PART_START = re.compile(r"[;.,]\s+")  # also "<action>, Sở X chủ trì, thời gian: ..."
_CHAIR_VERB = re.compile(r"\s+chủ\s+trì\b")
_DOER_VERB = re.compile(r"\s+(?:(?:chịu|có)\s+trách\s+nhiệm|thực\s+hiện|đảm\s+nhiệm)\b")
# Where one of the two can be found: the same verbs from their first word, the space before
# it looked behind at. Found wherever the verb is, and searched much faster (a literal first
# word skips ahead; a pattern opening with "\s+" is tried at every space).
_CHAIR_CUE = re.compile(r"chủ(?<=\schủ)\s+trì\b")
_DOER_CUE = re.compile(
    r"(?:chịu(?<=\schịu)|có(?<=\scó))\s+trách\s+nhiệm\b|thực(?<=\sthực)\s+hiện\b|đảm(?<=\sđảm)\s+nhiệm\b"
)
# "..., do Sở X chủ trì, thực hiện trong quý II/2026": the body named after "do"
_DO_ROLE = re.compile(r"[,(;]\s*do\s+")
# "1. Tổ chức tập huấn ... (Sở X; quý II/2026)." / "(Sở X).": a bracket closing the item that
# holds only bodies and perhaps a time
_END_BRACKET = re.compile(r"\(\s*(?=[^()]*\)\s*[.;]?\s*$)")


@lru_cache(maxsize=1)
def _bracket_rest() -> re.Pattern[str]:
    """What may follow the bodies in a bracket closing a plan item: its time, labelled or
    not, with a year or a recurrence (data/layout.yaml `bracket_*`)."""
    v = load_vocab("layout")
    return re.compile(
        rf"\s*(?:[;,]\s*(?:(?:{alternation(v['bracket_time_labels'])})\s*:\s*)?"
        rf"(?:[^()]{{0,30}}\d{{4}}|{alternation(v['bracket_recurrences'])}))?\s*\)\s*[.;]?\s*$"
    )


_INLINE_COORD = re.compile(
    r"[;,(]\s*(?:(?:cơ\s+quan|đơn\s+vị)\s+)?phối\s+hợp(?:\s+thực\s+hiện)?\s*:\s*"
)


def _actorless(ex: Expanded, before: int, matcher: AgencyMatcher) -> bool:
    """No body named before `before` (a bracket after "phối hợp với X" explains X)."""
    return not matcher.names_before(ex, before)


_RUN_WORD = re.compile(r"[ \t]+[^\W\d][^\s,;.:()]*")


def _group_run(ex: Expanded, last: Mention, end: int) -> Mention | None:
    """A group the matcher cut short before its role verb ("do các doanh nghiệp | viễn thông
    thực hiện"): the group with up to four lower-case words up to the verb, or None."""
    if not last.name.casefold().startswith(("các ", "những ")):
        return None
    at = end
    for _ in range(4):
        word = _RUN_WORD.match(ex.text, at)
        if not word or not word.group().strip()[:1].islower():
            return None
        at = word.end()
        if clause_vocab()["do_role"].match(ex.folded, at):
            name = " ".join(ex.text[last.start : at].split())
            return Mention(last.start, at, name[:1].upper() + name[1:])
    return None


def inline_roles(
    text: str, matcher: AgencyMatcher, *, lent: bool = False
) -> tuple[list[str], list[str]]:
    """The lead and coordinators an item names in an attribute inside its own paragraph.
    `lent`: a heading lends its agency to the item; then "..., do Sở X chủ trì" names the
    chair of what the heading's agency takes part in ("- Phối hợp tổ chức Hội nghị ..., do
    Sở X chủ trì" under "1. Sở Tài chính:"), not the item's lead (FORMAT.md: the lead is
    the agency that must do it)."""
    ex = matcher.expand(text)
    m = (
        clause_vocab()["inline_role"].search(ex.folded, 1) if ":" in ex.folded else None
    )  # a colon ends it
    if not m:
        bracket = _END_BRACKET.search(ex.folded)
        if bracket and bracket.start() > 0:
            leads, end = matcher.match_list(ex, bracket.end(), bare_groups=True)
            # the scan for a body before the bracket last: the slowest test
            if (
                leads
                and _bracket_rest().match(ex.folded, end)
                and _actorless(ex, bracket.start(), matcher)
            ):
                return [x.name for x in leads], []
        for do in () if lent else _DO_ROLE.finditer(ex.folded):
            leads, end = matcher.match_list(ex, do.end(), bare_groups=True)
            if leads and (run := _group_run(ex, leads[-1], end)):
                leads[-1:], end = [run], run.end  # "do các doanh nghiệp viễn thông thực hiện"
            if leads and clause_vocab()["do_role"].match(ex.folded, end):
                return [x.name for x in leads], coordinators_after(ex, end, matcher)
        # a part's bodies lead only before "chủ trì" or a doer's verb: none in the clause,
        # no part is tried (most clauses)
        verbs = not lent and (
            _CHAIR_CUE.search(ex.folded) is not None or _DOER_CUE.search(ex.folded) is not None
        )
        # where a chair's or doer's verb's word is next found, None: nowhere after
        chair: int | None = -1
        doer: int | None = -1
        for part in _PART_START.finditer(ex.folded) if verbs else ():
            # the bodies end at or after the part's start, so a verb must start there or
            # later: a part with none after it is not matched (most parts of a long clause)
            at = part.end()
            if chair is not None and chair < at:
                found = _CHAIR_CUE.search(ex.folded, at)
                chair = found.start() if found else None
            if doer is not None and doer < at and part.group()[0] in ";.":
                found = _DOER_CUE.search(ex.folded, at)
                doer = found.start() if found else None
            if chair is None and (doer is None or part.group()[0] not in ";."):
                continue
            leads, end = matcher.match_list(ex, at, bare_groups=True)
            if (
                leads
                and (
                    _CHAIR_VERB.match(ex.folded, end)
                    # "<action>; Sở X chịu trách nhiệm thực hiện." (after a stop only: "...,
                    # doanh nghiệp thực hiện" is the action's object)
                    or (part.group()[0] in ";." and _DOER_VERB.match(ex.folded, end))
                )
                and _actorless(ex, part.start(), matcher)
            ):
                return [x.name for x in leads], coordinators_after(ex, end, matcher)
        return [], []
    leads, end = matcher.match_list(ex, m.end(), bare_groups=True)
    if not leads:
        return [], []
    if marked := chair_marked(ex, leads):
        # "Trách nhiệm thực hiện: Sở X (chủ trì); Sở Y, Công an tỉnh (phối hợp)": the marked
        # names lead, the others after them are partners
        return [x.name for x in leads[:marked]], [x.name for x in leads[marked:]]
    coords = coordinators_after(ex, end, matcher)
    c = _INLINE_COORD.search(ex.folded, end)
    if c and not coords:
        coords = [x.name for x in matcher.match_list(ex, c.end(), bare_groups=True)[0]]
    return [x.name for x in leads], coords
