"""Who a clause names: its subject or assignees, a heading's agencies.

The clause vocabulary and the closing formulas are `fields/clause_words.py`.
`find_subject` reads the agencies a clause opens with, or failing
that an assignment in mid-paragraph ("Về việc này, ... giao Bộ X ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.agencies import AgencyMatcher, Mention, chair_marked
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.fields.clause_words import clause_vocab
from dxtrack.extraction.fields.deadline import ROW_YEAR
from dxtrack.extraction.fields.list_tail import list_tail
from dxtrack.extraction.fields.short_forms import short_form_definition
from dxtrack.extraction.fields.task_model import DUTY_AHEAD
from dxtrack.extraction.textutil import fold, skip_space
from dxtrack.extraction.vocab import alternation, cued, folded_pattern
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

LIST_INTRO = re.compile(
    r"(?:cụ\s+thể|như\s+sau|sau|gồm|bao\s+gồm|sau\s+đây)\s*:\s*$", re.IGNORECASE
)
_HEADING_REST = re.compile(
    r"^\s*(?:[:.]|\(.*\))?\s*$|^\s*(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm"
    r"|thực\s+hiện|chủ\s+trì|triển\s+khai)[^.]*:\s*$"
)
# ... or the body a forwarded document is sent for ("... xin chuyển công văn số ... của UBND
# tỉnh X về việc ... để Bộ Y nghiên cứu, xử lý ...")
_AFTER_ISSUER = re.compile(
    r"(?:\bchuyển\s[^.;:]{0,200}?\s(?:đến|tới|cho)|\bchuyển\s[^.;:]{0,400}?\sđể"
    r"|(?:ý\s+kiến|chỉ\s+đạo|như\s+sau)\s*:)\s+"
)
# the subject's list running on past the names the vocabulary knows, then "đã" ("Các doanh
# nghiệp, hợp tác xã, tổ chức quan tâm đã gửi hồ sơ ..."): a report
# (each name of the tail up to four words, then up to two words of the last: "quan tâm")
PAST_AFTER_LIST = re.compile(
    r"(?:\s*,\s*[^\W\d][^\s,.;:()]*(?:\s+[^\s,.;:()]+){0,3}){0,4}"
    rf"(?:\s+[^\W\d][^\s,.;:()]*){{0,2}}\s+(?:đã{DUTY_AHEAD}|đang|vừa)\s"
)
_PAREN = re.compile(r"\(\s*")
_PAREN_ROLE = re.compile(
    r"\s*(?:chủ\s+trì|làm\s+đầu\s+mối|thực\s+hiện|tham\s+mưu|(?:chịu|có)\s+trách\s+nhiệm)\b"
)
_TOPIC_COLON = re.compile(r"^\W*(?:về|đối\s+với)\s[^:.;]{2,160}:\s*")
# a plan item's bare topic before a colon ("Phát triển nguồn nhân lực số: Sở X chủ trì ..."):
# only when an agency opens the rest and none opens the topic (`Các Bộ: Công an, ...`)
_BARE_TOPIC = re.compile(r"^\W*[^\W\d][^:.;()]{2,120}:\s*")
# a speaker giving its opinion after a lead-in's comma, the assignees after the colon ("Xét đề
# nghị của ..., Phó Thủ tướng X có ý kiến như sau: Bộ Y chủ trì ..."; vocab.yaml
# `opinion_intros`)
_OPINION_COLON = re.compile(
    rf"[^,.;:()]{{0,100}}?\s(?:{alternation(load_vocab('vocab')['opinion_intros'])})"
    r"(?:\s+như\s+sau)?\s*:\s*"
)
# where a lead-in ends: a comma, or the "thì" of a condition ("Trường hợp ... thì Sở X ...")
_COMMA = re.compile(r"(?:,|\s+thì\b)\s*")
# a period fronted without its comma: "Hằng năm Sở Nội vụ ...", "..., hằng năm Sở X ..."
_PERIOD_ADVERB = re.compile(
    rf"(?:{alternation(load_vocab('vocab')['period_adverbs'])})\s+(?=[^\W\d])"
    # a dated limit fronted the same way: "Trong năm 2026 Sở Nội vụ ...", "Trong quý I/2026 ..."
    r"|(?:trong|đến\s+hết)\s+(?:năm\s+(?:19|20)\d\d|quý\s+(?:iv|i{1,3}|[1-4])\s*(?:/|năm)\s*(?:19|20)\d\d"
    r"|tháng\s+\d{1,2}\s*(?:/|năm)\s*(?:19|20)\d\d)\s+(?=[^\W\d])"
)
_ROLE_END = re.compile(r"\s+(?:có|chịu)\s+(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+\w+){0,2}\s*:?\s*$")
_COORD = re.compile(r"phối\s+hợp(?:\s*,\s*hỗ\s+trợ)?(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+")
# The head of government speaking ("Thủ tướng Chính phủ chỉ đạo Bộ X ...", "Phó Thủ tướng
# Trần Hồng Hà giao Bộ X ..."): the bodies after the verb are the assignees.
_SPEAKER = re.compile(r"(?:phó\s+)?thủ\s+tướng(?:\s+chính\s+phủ)?")
_PERSON_NAME = re.compile(rf"(?:[ \t]+[{UPPER}][^\s,;.:()]*){{1,4}}")


@dataclass(frozen=True)  # shared: `find_subject` keeps recent results
class Subject:
    leads: list[Mention] = field(default_factory=list)
    assigned: bool = False  # introduced by an assignment verb or followed by "chủ trì"
    end: int = 0
    mid: bool = False  # assigned in mid-paragraph ("Về việc này, ... giao Bộ X ...")
    lead_in: bool = False  # found after a lead-in ("Trên cơ sở ..., X ...")
    labelled: bool = False  # after an item's bare topic ("Phân công chuẩn bị: Văn phòng ...")
    partners: tuple[
        str, ...
    ] = ()  # the subject when it only coordinates ("Y phối hợp với X (chủ trì)")


# "Cơ quan thường trực (của) X là Sở Y, có trách nhiệm ...": the role named first, the body that
# holds it after "là", then its duty (vocab.yaml `standing_roles`)
_NAMED_ROLE = re.compile(
    rf"\W*(?:cơ\s+quan|đơn\s+vị)\s+(?:{alternation(load_vocab('vocab')['standing_roles'])})\b"
    r"[^.;:,]{0,80}?\s+là\s+"
)
_NAMED_ROLE_DUTY = re.compile(r",?\s*(?:(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|chủ\s+trì)\b")


def _named_role(ex: Expanded, matcher: AgencyMatcher) -> Subject | None:
    """The body a clause names as holder of a standing role before its duty ("Cơ quan
    thường trực Ban Chỉ đạo là Sở Khoa học và Công nghệ, có trách nhiệm tổng hợp ...")."""
    role = _NAMED_ROLE.match(ex.folded)
    if role is None:
        return None
    found = matcher.match_one(ex, role.end())
    if not found or not _NAMED_ROLE_DUTY.match(ex.folded, found[-1].end):
        return None
    return Subject(found, True, found[-1].end)


@lru_cache(maxsize=4096)  # several rules read the same clause's subject in turn
def find_subject(text: str, matcher: AgencyMatcher) -> tuple[Expanded, Subject]:
    """The agencies a clause opens with (its grammatical subject or assignees)."""
    ex, subject = _find_subject(text, matcher)
    if len(subject.leads) >= 1 and "(" in ex.text[subject.end : subject.end + 80]:
        return ex, _defined_whole(ex, subject)
    return ex, subject


def _defined_whole(ex: Expanded, subject: Subject) -> Subject:
    """A last lead whose name holds commas, cut at the first, right before the short form the
    document defines for it ("Ban Chỉ đạo phát triển khoa học, công nghệ và chuyển đổi số tỉnh
    (viết tắt là Ban Chỉ đạo) họp ..."): the whole name up to the parenthesis."""
    last = subject.leads[-1]
    m = short_form_definition().search(ex.text, last.end, last.end + 140)
    if m is None or re.search(r"[;:.()]", ex.text[last.end : m.start()]):
        return subject
    name = " ".join(ex.text[last.start : m.start()].split())
    short = m.group(1).strip()
    if "," not in name or fold(short.split()[0]) != fold(name.split()[0]):
        return subject
    leads = [*subject.leads[:-1], Mention(last.start, m.start(), name)]
    return replace(subject, leads=leads, end=m.end())


def _find_subject(text: str, matcher: AgencyMatcher) -> tuple[Expanded, Subject]:
    ex = matcher.expand(text)
    v = clause_vocab()
    pos = 0
    colon = ":" in ex.folded  # what a label and a topic end with (a cheap test)
    label = v["label"].match(ex.folded) if colon else None  # "Chế độ báo cáo: Các sở ..."
    base = label.end() if label else 0
    topic_in = _TOPIC_COLON.match(ex.folded) if colon and not label else None
    if topic_in and v["lead_in"].match(ex.folded, topic_in.end()):
        base = topic_in.end()  # "Về kinh phí: trên cơ sở đề nghị của ..., Bộ X chủ trì ..."
    adverb = _PERIOD_ADVERB.match(ex.folded, base)
    if not base and " là " in ex.folded[:120] and (named := _named_role(ex, matcher)):
        return ex, named  # "Cơ quan thường trực Ban Chỉ đạo là Sở X, có trách nhiệm ...": Sở X
    if not base and (party := _party_before_request(ex, matcher)):
        return ex, party  # "Đối với các địa phương ..., yêu cầu rà soát ...": the party
    if adverb and matcher.match_one(ex, adverb.end(), bare_groups=True):
        pos = adverb.end()  # "Hằng năm Sở Nội vụ chủ trì ..."
    elif v["lead_in"].match(ex.folded, base) and not (
        # "Đối với Ủy ban nhân dân các xã, phường, đặc khu: <action>": the party before the
        # colon, its commas no lead-in's end
        topic_in and base == 0 and _party_before_colon(ex, matcher, topic_in.end())
    ):  # "Trên cơ sở ..., các bộ ...": after a comma
        assign = _assign_verb(ex.folded, base, base + 300)
        agents = _passive_agents(ex, matcher, base, base + 300)
        for comma in _COMMA.finditer(ex.folded, base, base + 300):
            if any(start < comma.start() < end for start, end in agents):
                continue  # "..., được Lãnh đạo Tỉnh ủy, Ủy ban nhân dân tỉnh tới thăm": agents
            if _kind_comma(ex, comma):
                continue  # "Khi cơ quan, đơn vị, địa phương sáp nhập, người đứng đầu ..."
            if assign and assign.start() < comma.start():
                # "Sau khi xem xét Chủ tịch UBND tỉnh giao Sở X chủ trì, phối hợp với Sở Y, ..."
                mid = _assigned_mid_sentence(ex, matcher)
                if mid.leads or "thì" not in comma.group():
                    return ex, mid
                assign = None  # a noun, not an assignment: "Nếu hồ sơ đề nghị ... thì Sở X"
            if _CHAIR_PARTNERS.search(ex.folded, base, comma.start()):
                break  # "Định kỳ, X chủ trì, phối hợp với Sở A, Sở B ...": A, B are partners
            if matcher.match_one(ex, comma.end(), bare_groups=True):
                pos = comma.end()
                break
            said = _OPINION_COLON.match(ex.folded, comma.end()) if colon else None
            if said and matcher.match_one(ex, said.end(), bare_groups=True):
                pos = said.end()  # "Xét đề nghị ..., Phó Thủ tướng X có ý kiến như sau: Bộ Y ..."
                break
            adverb = _PERIOD_ADVERB.match(ex.folded, comma.end())
            if adverb and matcher.match_one(ex, adverb.end(), bare_groups=True):
                pos = adverb.end()  # "Từ năm 2026, hằng năm Sở Nội vụ chủ trì ..."
                break
            if unknown := _NAMED_CHAIR.match(ex.text, skip_space(ex.folded, comma.end())):
                # a body the vocabulary does not know, right before "chủ trì, phối hợp"
                name = unknown.group(1)
                return ex, Subject(
                    [Mention(unknown.start(), unknown.end(1), name)], True, unknown.end(1)
                )
    if label and not pos and matcher.match_one(ex, base, bare_groups=True):
        pos = base
    particle = v["particle"].match(ex.folded) if not pos else None
    if particle and matcher.match_one(ex, particle.end(), bare_groups=True):
        pos = particle.end()  # "Riêng Sở Tài chính bố trí ..."
    topic = _TOPIC_COLON.match(ex.folded) if colon and not pos else None
    labelled = None
    if not pos and not topic:
        bare = _BARE_TOPIC.match(ex.folded) if colon else None
        if _bare_topic(ex, matcher, bare):
            topic = labelled = bare  # the item assigns: "Phân công chuẩn bị: Văn phòng ..."
    if topic and matcher.match_one(ex, topic.end(), bare_groups=True):
        pos = topic.end()  # "Về công tác truyền thông: Sở A, Báo B đẩy mạnh ..."
    elif topic and (party := _party_before_colon(ex, matcher, topic.end())):
        return (
            ex,
            party,
        )  # "Đối với các đơn vị chưa xây dựng ...: Khẩn trương rà soát ..."
    spoken = speaker_end(ex, pos)
    if spoken is not None:  # "Thủ tướng Chính phủ chỉ đạo Bộ X ..."
        mentions, end = matcher.match_list(ex, spoken, bare_groups=True)
        if mentions:
            return ex, Subject(mentions, True, end, lead_in=pos > 0)
    assign = v["assign"].match(ex.folded, pos)
    if assign and _verb_noun(ex, assign.end()):
        assign = None  # "Giao ban, hội ý định kỳ ...": a meeting, no request
    if assign:
        pos = assign.end()
    mentions, end = matcher.match_list(ex, pos, bare_groups=True)
    if not mentions and assign and (give := v["give"].match(ex.folded)):
        # "Giao trách nhiệm Sở X chủ trì ...": the work's noun, then its assignee
        at = give.end() + 4 if ex.folded.startswith("cho ", give.end()) else give.end()
        mentions, end = matcher.match_list(ex, at, bare_groups=True)
    if mentions and assign and _moves_body(ex, matcher, end):
        # "Chuyển Trung tâm X trực thuộc Sở Y về Ủy ban nhân dân huyện quản lý": the body
        # is what is moved, no assignee
        return ex, Subject()
    if not mentions and not pos:
        pos = _after_title(text)  # "6. Tập trung xử lý ..." / "Bộ X chủ trì, ..."
        mentions, end = matcher.match_list(ex, pos, bare_groups=True) if pos else ([], 0)
    if not mentions and assign and (given := _given_to(ex, matcher)):
        return ex, given  # "Giao nhiệm vụ kiểm tra ... cho Sở X, hoàn thành trước ..."
    if not mentions and (stated := _after_statement(ex, matcher)):
        return ex, stated  # "Việc cấp giấy ... phải đúng quy định, Sở X có trách nhiệm ..."
    if mentions:  # "Các Bộ, ..., các cơ quan báo chí Trung ương, địa phương, quân đội, ..."
        mentions, end = list_tail(ex, matcher, mentions, end)
    if not mentions:
        row = _flattened_row(ex, matcher)  # "Tổ chức tập huấn ... - Sở Nội vụ - Năm 2026."
        return ex, row or _assigned_mid_sentence(ex, matcher)
    request = v["request"].match(ex.folded, end)
    if request:  # "Sở X đề nghị các cơ quan ..." -> the requested ones
        others, end2 = matcher.match_list(ex, request.end(), bare_groups=True)
        if others:
            return ex, Subject(others, True, end2)
    opinion = _OPINION.match(ex.folded, end)
    if opinion:  # "Chủ tịch UBND tỉnh có ý kiến như sau: Giao Sở X ...": the speaker is no lead
        at = opinion.end()
        verb = v["assign"].match(ex.folded, at)
        others, end2 = matcher.match_list(ex, verb.end() if verb else at, bare_groups=True)
        if others:
            return ex, Subject(others, bool(verb), end2)
        return ex, _assigned_mid_sentence(ex, matcher, at)
    if not assign and all(_SPEAKER.fullmatch(fold(m.name)) for m in mentions):
        # "Thủ tướng Chính phủ đồng ý ... và giao Bộ X ...": the head of government is no lead
        for m in v["and_assign"].finditer(ex.folded, end, min(len(ex.folded), end + 400)):
            found, end2 = matcher.match_list(ex, m.end(), bare_groups=True)
            if found:
                return ex, Subject(found, True, end2, mid=True)
        return ex, _assigned_mid_sentence(ex, matcher, end)
    chair = _chair_named_after(ex, matcher, end)
    if chair:  # "Sở Tư pháp phối hợp với Sở Nội vụ (chủ trì) xây dựng ...": the chair leads
        leads, end2 = chair
        return ex, Subject(leads, True, end2, partners=tuple(m.name for m in mentions))
    rest = ex.folded[end : end + 12]
    chairs = bool(re.match(r"\s*(?:chủ\s+trì|làm\s+đầu\s+mối)", rest))
    partners: tuple[str, ...] = ()
    if marked := chair_marked(ex, mentions):  # "Sở A (chủ trì), Sở B (phối hợp): ..."
        partners = tuple(m.name for m in mentions[marked:])  # the others coordinate
        mentions, chairs = mentions[:marked], True
    if labelled:
        return ex, Subject(mentions, chairs, end, labelled=True, partners=partners)
    lead_in = pos > 0 and not assign and not particle  # a singled-out member is no lead-in
    return ex, Subject(mentions, bool(assign) or chairs, end, lead_in=lead_in, partners=partners)


# "X chủ trì, phối hợp (với)": the subject X stands before it, the names after are partners
_CHAIR_PARTNERS = re.compile(r"\bchủ\s+trì\s*,\s*phối\s+hợp\b")
_NAMED_CHAIR = re.compile(
    rf"([{UPPER}][^\s,.;:()]*(?:[ \t]+[^\s,.;:()]+){{0,7}}?)[ \t]+(?=chủ\s+trì\s*,\s*phối\s+hợp\b)"
)
# the words before a list of bodies inside a lead-in whose commas part the bodies (vocab.yaml
# `lead_in_list_words`: "được Lãnh đạo Tỉnh ủy, Hội đồng nhân dân ... tới thăm", "phân cấp
# cho Tổng cục A, Tổng cục B một số nhiệm vụ")
_PASSIVE = re.compile(rf"\b(?:{alternation(load_vocab('vocab')['lead_in_list_words'])})\s+")
_OWNER = re.compile(r"\bcủa\s+")


def _passive_agents(
    ex: Expanded, matcher: AgencyMatcher, start: int, stop: int
) -> list[tuple[int, int]]:
    """Spans of the bodies named after a passive "được"/"bởi" in a lead-in ("một số đối
    tượng được Lãnh đạo Tỉnh ủy, Hội đồng nhân dân, Ủy ban nhân dân tỉnh tới thăm"): the
    commas between them separate agents, none ends the lead-in before a subject; and of the
    one body after "của" (whose proposal or report it is), its own commas ending nothing."""
    out = []
    for m in _PASSIVE.finditer(ex.folded, start, stop):
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found:
            out.append((m.start(), end))
    for m in _OWNER.finditer(ex.folded, start, stop):
        # "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở X chủ trì ...": the comma
        # inside the one body whose proposal it is ends nothing
        one = matcher.match_one(ex, m.end())
        if one:
            out.append((m.start(), one[0].end))
    return out


# "đề nghị của Ủy ban nhân dân tỉnh", "yêu cầu tại Công văn số ...": the noun, not the verb
_NOUN_AFTER = re.compile(r"(?:của|tại|theo|số)\s")


def _assign_verb(folded: str, start: int, stop: int) -> re.Match[str] | None:
    """The first request verb in folded[start:stop] used as a verb ("Trên cơ sở đề nghị của
    Ủy ban nhân dân tỉnh, Bộ X chủ trì ...": that "đề nghị" is a noun)."""
    for m in clause_vocab()["assign_word"].finditer(folded, start, stop):
        if not _NOUN_AFTER.match(folded, m.end()):
            return m
    return None


def _moves_body(ex: Expanded, matcher: AgencyMatcher, end: int) -> bool:
    """The first sentence moves the body it names to another's management ("... về Ủy ban
    nhân dân huyện X quản lý", "... sang Sở Y quản lý"): `transfer_marks` before a body,
    `transfer_ends` after it."""
    v = clause_vocab()
    stop = _STOP.search(ex.folded, end)
    for mark in v["transfer"].finditer(
        ex.folded, end - 1, stop.start() if stop else len(ex.folded)
    ):
        gap = ex.folded[end : mark.start()].strip()
        if gap and not _PARENT.match(gap):
            # only the body's parent before the mark, no action ("Giao Sở X tiếp nhận Trung
            # tâm Y chuyển về Ủy ban nhân dân huyện quản lý" assigns Sở X)
            parent, at = matcher.match_list(
                ex, skip_space(ex.folded, end, any_white=True), bare_groups=True
            )
            if not parent or at < mark.start():
                continue
        found, at = matcher.match_list(ex, mark.end(), bare_groups=True)
        if found and v["transfer_end"].match(ex.folded, at):
            return True
    return False


_PARENT = re.compile(r"\(|(?:trực\s+)?thuộc\s")


_CHAIR_MARK = re.compile(r"\s*\(\s*chủ\s+trì\s*\)")


def _chair_named_after(
    ex: Expanded, matcher: AgencyMatcher, end: int
) -> tuple[list[Mention], int] | None:
    """The body marked "(chủ trì)" among those the subject coordinates with."""
    m = _COORD.match(ex.folded, end + 1) if ex.folded[end : end + 1] == " " else None
    if not m:
        return None
    found, at = matcher.match_list(ex, m.end(), bare_groups=True)
    mark = _CHAIR_MARK.match(ex.folded, at) if found else None
    return (found, mark.end()) if mark else None


_TO = re.compile(r"\scho\s+")
_STOP = re.compile(r"[.;]")


def _given_to(ex: Expanded, matcher: AgencyMatcher) -> Subject | None:
    """The assignees after "cho" when the work is named first ("Giao nhiệm vụ kiểm tra công
    tác bảo vệ môi trường ... cho Sở X"), in the first sentence."""
    give = clause_vocab()["give"].match(ex.folded)
    if not give:
        return None
    stop = min(len(ex.folded), give.end() + 250)
    full = _STOP.search(ex.folded, give.end(), stop)
    for to in _TO.finditer(ex.folded, give.end(), full.start() if full else stop):
        found, end = matcher.match_list(ex, to.end(), bare_groups=True)
        if found:
            return Subject(found, True, end, mid=True)
    return None


def _after_statement(ex: Expanded, matcher: AgencyMatcher) -> Subject | None:
    """The actor after a statement on the activity ("Việc cấp giấy chứng nhận ... phải đúng
    quy định, Sở X có trách nhiệm hướng dẫn ..."): the body after a comma of the first
    sentence that a duty verb follows."""
    v = clause_vocab()
    if not v["statement"].match(ex.folded):
        return None
    stop = ex.folded.find(".")
    stop = min(len(ex.folded), 300) if stop < 0 else min(stop, 300)
    for comma in _COMMA.finditer(ex.folded, 0, stop):
        found, end = matcher.match_list(ex, comma.end(), bare_groups=True)
        if found and v["statement_duty"].match(ex.folded, end):
            return Subject(found, False, end, lead_in=True)
    return None


# a table row flattened onto one line: "<action> - <lead> - <time>" (the time with a year)
_ROW_DASH = re.compile(r"\s[-–]\s+")
_ROW_END = re.compile(r"\s*[.;]?\s*$")
# an id of six digits or more before the text's first ":" or line break (no untimed row)
_ID_BEFORE_COLON = re.compile(r"[^:\n]*\d{6}")


@cache
def _row_times() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a flattened row's lead (its time, the row's last segment) and what
    precedes it when the time comes first (data/layout.yaml `row_*`)."""
    v = load_vocab("layout")
    after = re.compile(
        # the lead's role ("- Sở X chủ trì, Sở Y phối hợp -"), a coordinators' segment
        # ("<action> - <lead> - <coordinators> - <time>"), the time with a year or a recurrence
        rf"(?:\s+(?:{alternation(v['row_lead_roles'])})[^-–.;:]{{0,120}})?"
        rf"(?:\s*[-–]\s+[^-–.;:]{{3,120}})?\s*[-–]\s+(?:[^-–.;:]{{0,40}}\b(?:19|20)\d\d"
        rf"|{alternation(v['row_recurrences'])})\s*[.;]?\s*$"
    )
    before = re.compile(
        rf"\s[-–]\s+(?:{ROW_YEAR}"
        rf"|{alternation(v['row_recurrences_time_first'])})\s+[-–]\s+(?=\S)"
    )
    return after, before


def _flattened_row(ex: Expanded, matcher: AgencyMatcher) -> Subject | None:
    if not _cell_dash(ex.folded):
        return None  # each form below opens at such a dash (time_first too): most clauses
    row_time, time_first = _row_times()
    for dash in _ROW_DASH.finditer(ex.folded):
        if dash.start() < 15:
            continue
        mentions, end = matcher.match_list(ex, dash.end(), bare_groups=True)
        if mentions and row_time.match(ex.folded, end):
            return Subject(mentions, False, end, mid=True)
    mid = time_first.search(ex.folded, 15)  # "<action> - Năm 2026 - <lead>."
    if mid:
        mentions, end = matcher.match_list(ex, mid.end(), bare_groups=True)
        if mentions and _ROW_END.match(ex.folded, end):
            return Subject(mentions, False, end, mid=True)
    last = None
    for last in _ROW_DASH.finditer(ex.folded):
        pass
    if last and _untimed_row(ex.folded[: last.start()]):
        # "<action> - <lead>." closing a one-line item: a row without its time (not a label
        # and a person, "Tổ trưởng: Ông A - Giám đốc Sở X", nor a table's run-together cells)
        mentions, end = matcher.match_list(ex, last.end(), bare_groups=True)
        if mentions and (_ROW_END.match(ex.folded, end) or _CHAIR_END.match(ex.folded, end)):
            return Subject(mentions, False, end, mid=True)
    return None


def _untimed_row(text: str) -> bool:
    """The text before a row's last dash reads as its action: five words or more at its end,
    no ":" or line break before the last five, no id of six digits before its first ":" or
    line break. What the pattern `(?![^:\\n]*\\d{6})[^:\\n]*?(?:\\S+\\s+){4}\\S+` fullmatches,
    without that regex's retry at each character of a long paragraph."""
    if not text or text[-1].isspace():
        return False
    at = len(text)  # back over the last five words to where the fifth from the end starts
    for _ in range(5):
        while at and text[at - 1].isspace():
            at -= 1
        if not at:
            return False  # fewer than five words
        while at and not text[at - 1].isspace():
            at -= 1
    head = text[:at]
    return ":" not in head and "\n" not in head and not _ID_BEFORE_COLON.match(text)


def _cell_dash(folded: str) -> bool:
    """`_ROW_DASH.search(folded)`, tried at each dash (found by a fast scan) only."""
    for dash in "-–":
        at = folded.find(dash, 1)
        while at != -1:
            if _ROW_DASH.match(folded, at - 1):
                return True
            at = folded.find(dash, at + 1)
    return False


_CHAIR_END = re.compile(r"\s+chủ\s+trì\s*[.;]?\s*$")  # "<action> - Sở X chủ trì."


_ROLE_LABEL = re.compile(
    r"(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|tham\s+mưu|đầu\s+mối|trách\s+nhiệm)\s*:\s*$"
)
_COPULA = re.compile(r"\s(?:là|gồm)\s")


def _bare_topic(ex: Expanded, matcher: AgencyMatcher, bare: re.Match[str] | None) -> bool:
    """A topic of three to twenty words naming no body before the colon, then an agency that
    acts (not "X là thành viên ...")."""
    if not bare or not 3 <= len(bare.group().split()) <= 20 or _COPULA.search(bare.group()):
        return False
    if "\n" in bare.group().rstrip() or _ROLE_LABEL.search(bare.group()):
        return False  # "Xây dựng ... Cơ quan chủ trì: Sở X": an attribute line, not a topic
    if matcher.match_one(ex, 0, bare_groups=True) or _spelt_group(ex, matcher, bare):
        return False
    mentions, end = matcher.match_list(ex, bare.end(), bare_groups=True)
    return bool(mentions) and not _COPULA.match(ex.folded[end - 1 : end + 5])


def _spelt_group(ex: Expanded, matcher: AgencyMatcher, bare: re.Match[str]) -> bool:
    """A group governed by a preposition right before the colon, its members spelt out
    after it ("Tăng cường phối hợp giữa các cơ quan: Sở A, Sở B ... trong công tác ..."):
    the names are in the action, no topic's actors (vocab.yaml `member_prepositions`; not
    "Yêu cầu các hội: Hội A, Hội B ...", the assignees)."""
    colon = ex.folded.rfind(":", 0, bare.end())
    at = ex.folded.rfind("các ", 0, colon)
    if at <= 0 or not _MEMBER_PREPOSITION.search(ex.folded, 0, at):
        return False
    got = matcher.match_one(ex, at, bare_groups=True)
    return bool(got) and not ex.folded[got[-1].end : colon].strip()


_MEMBER_PREPOSITION = re.compile(
    rf"\b(?:{alternation(load_vocab('vocab')['member_prepositions'])})\s+$"
)


# "Đối với X:", "Về phía X:" before an action: X is the party (vocab.yaml party_openers)
_FOR = re.compile(rf"^\W*(?:{alternation(load_vocab('vocab')['party_openers'])})\s+")


def _party_before_colon(ex: Expanded, matcher: AgencyMatcher, end: int) -> Subject | None:
    """ "Đối với X: <action>" where X opens with a group of bodies or an obliged category
    ("các đơn vị đã xây dựng cơ sở dữ liệu quốc gia", "các doanh nghiệp nhà nước"): X is
    the party, printed as found."""
    m = _FOR.match(ex.folded)
    if not m or not matcher.match_one(ex, m.end(), bare_groups=True):
        return None
    colon = ex.text.rfind(":", 0, end)
    name = ex.text[m.end() : colon].strip(" ,")
    if not name or len(name.split()) > 16:
        return None
    name = name[:1].upper() + name[1:]
    return Subject([Mention(m.end(), colon, name)], False, end)


# "..., yêu cầu ...", "..., đề nghị ..." after a fronted party; a count before the party's
# name ("13 Cục Thuế ...") is part of it; its qualifier stops at a participle or a place
_PARTY_REQUEST = re.compile(r",\s*(?:thì\s+)?(?:yêu\s+cầu|đề\s+nghị)\s+")
_PARTY_COUNT = re.compile(r"\d{1,3}\s+")
_PARTY_CUT = re.compile(r"\s(?:được|đã|đang|tại|theo)\s")


def _party_before_request(ex: Expanded, matcher: AgencyMatcher) -> Subject | None:
    """ "Đối với X, yêu cầu <action>" where X opens with a body or a group of bodies and no
    body follows the verb: X is asked, printed as found up to its first participle
    ("Đối với các địa phương có tỷ lệ giải ngân thấp, yêu cầu rà soát ...")."""
    m = _FOR.match(ex.folded)
    if not m:
        return None
    at = m.end()
    count = _PARTY_COUNT.match(ex.folded, at)
    if not matcher.match_one(ex, count.end() if count else at, bare_groups=True):
        return None
    request = _PARTY_REQUEST.search(ex.folded, at, at + 400)
    if not request or matcher.match_one(ex, request.end(), bare_groups=True):
        return None
    name = ex.text[at : request.start()]
    cut = _PARTY_CUT.search(fold(name))
    name = " ".join((name[: cut.start()] if cut else name).split()).strip(" ,")
    if not name or len(name.split()) > 16 or "," in name and not cut:
        return None
    return Subject([Mention(at, at + len(name), name[:1].upper() + name[1:])], True, request.end())


def speaker_end(ex: Expanded, pos: int) -> int | None:
    """After "Thủ tướng Chính phủ [name] chỉ đạo/giao/yêu cầu" at pos: where its assignees
    start; None when no such speaker opens there."""
    m = _SPEAKER.match(ex.folded, pos)
    if not m:
        return None
    end = m.end()
    name = _PERSON_NAME.match(ex.text, end)
    v = clause_vocab()
    verb = v["speaker_verb"].match(ex.folded, end)
    if not verb and name:
        verb = v["speaker_verb"].match(ex.folded, name.end())
    if verb and v["past_assign"].search(ex.folded, end, verb.end()):
        return None  # "Phó Thủ tướng X đã giao Bộ Y ... . Đến nay Bộ chưa ...": a report
    return verb.end() if verb else None


def _verb_noun(ex: Expanded, at: int) -> bool:
    """The request verb that ends right before `at` makes a noun with the word after it
    (vocab.yaml `verb_nouns`: "giao ban", a meeting)."""
    window = max(0, at - 16)
    return any(
        m.start() < at < m.end()
        for m in clause_vocab()["verb_noun"].finditer(ex.text, window, at + 16)
    )


def _assigned_mid_sentence(ex: Expanded, matcher: AgencyMatcher, start: int = 0) -> Subject:
    """An assignment inside the paragraph of a short letter: "Về việc này, Thủ tướng Chính
    phủ giao Bộ X ...", "Đồng ý ... . Giao Bộ X ...", "..., Ủy ban nhân dân tỉnh yêu cầu
    Sở X ...", "... . Sở Văn hóa, Thể thao và Du lịch đề nghị Ủy ban nhân dân các xã ..."."""
    stop = min(len(ex.folded), start + 600)
    v = clause_vocab()
    verb = cued(ex.folded, v["request_cues"]) and v["mid_verb"].search(ex.folded, start, stop)
    for m in v["mid_assign"].finditer(ex.folded, start, stop) if verb else ():
        if v["past_assign"].search(m.group()):
            continue  # "Tại Công văn số ..., X đã giao Bộ Y ...": a past assignment, reported
        if _verb_noun(ex, m.end()):
            continue  # "Tổ chức giao ban, hội thảo ...": a meeting, nobody asked
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found:
            return Subject(found, True, end, mid=True)
        if bare := _bare_kind(ex, m.end()):  # "Đồng ý ... . Yêu cầu Bộ tổ chức ..."
            return Subject([bare], True, bare.end, mid=True)
    consents = (
        v["and_assign"].finditer(ex.folded, start, stop)
        if verb and v["consent_open"].match(ex.folded, start)
        else ()
    )
    for m in consents:  # "Đồng ý với kiến nghị về việc ... và giao Bộ X chủ trì, ..."
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found:
            return Subject(found, True, end, mid=True)
    starts = (
        _SENTENCE_START.finditer(ex.folded, start, stop)
        if cued(ex.folded, v["any_request_cues"])
        and v["any_request"].search(ex.folded, start, stop)
        else iter(())
    )
    for m in starts:
        at = requested_at(ex, matcher, m.end())
        found, end = matcher.match_list(ex, at, bare_groups=True) if at else ([], 0)
        if found:
            return Subject(found, True, end, mid=True)
    parens = _PAREN.finditer(ex.folded, start) if "(" in ex.folded else ()
    for m in parens:  # "... (Sở Y tế chủ trì, phối hợp ...)."
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found and _PAREN_ROLE.match(ex.folded, end):
            return Subject(found, True, end, mid=True)
    agents = _DONE_BY.finditer(ex.folded, start, stop) if " do " in ex.folded else ()
    for m in agents:  # "Tổ chức tập huấn ... do Sở Nội vụ chủ trì, thực hiện trong Quý III"
        if v["work_noun"].search(" ".join(ex.folded[: m.start()].split()[-3:])):
            continue  # "kinh phí thực hiện các nhiệm vụ do các sở chủ trì": which tasks
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found and _CHAIR_AFTER.match(ex.folded, end):
            return Subject(found, True, end, mid=True)
    return Subject()


# bodies named by their kind only, listed inside a lead-in ("Khi cơ quan, đơn vị, địa phương
# thực hiện sáp nhập, ..."): a comma between two of them does not end the lead-in (vocab.yaml
# `enumerated_kinds`)
_KINDS = alternation(load_vocab("vocab")["enumerated_kinds"])
_KIND_BEFORE = re.compile(rf"(?:^|\s)(?:{_KINDS})$")
_KIND_AFTER = re.compile(rf"(?:{_KINDS})(?=[,;\s])\s*")


def _kind_comma(ex: Expanded, comma: re.Match[str]) -> bool:
    """The comma at `comma` separates two bare kinds ("cơ quan, đơn vị"), a kind not followed
    by a name ("cơ quan, Sở Tài chính" is no such pair)."""
    after = _KIND_AFTER.match(ex.folded, comma.end())
    return (
        after is not None
        and not ex.text[after.end() : after.end() + 1].isupper()
        and ex.text[comma.start() - 1 : comma.start()].isalpha()
        and _KIND_BEFORE.search(ex.folded, max(0, comma.start() - 20), comma.start()) is not None
    )


# a kind word alone, then a word in lower case ("Yêu cầu Bộ tổ chức ..."): the letter's
# addressee of that kind, read as its courtesy pronoun (agencies.yaml `bare_addressee_words`)
_BARE_KIND = re.compile(
    rf"({alternation(load_vocab('agencies')['bare_addressee_words'])})\s+(?=[^\W\d_])"
)


def _bare_kind(ex: Expanded, at: int) -> Mention | None:
    """A bare kind word at `at` standing for the addressee ("Bộ" -> "Quý Bộ", resolved to
    the Kính gửi body of that kind in fields/addressees.py `resolve_pronoun`)."""
    m = _BARE_KIND.match(ex.folded, at)
    if m is None or not ex.text[at].isupper() or not ex.text[m.end()].islower():
        return None
    kind = " ".join(ex.text[m.start(1) : m.end(1)].split())
    return Mention(m.start(), m.end(1), f"Quý {kind}")


# the work's chair named after it: "... do Sở Nội vụ chủ trì" (not "do X thực hiện", which
# also names who carries out a procedure: "các thủ tục do Sở X thực hiện")
_DONE_BY = re.compile(r"\bdo\s+")
_CHAIR_AFTER = re.compile(r"\s*chủ\s+trì\b")


_OPINION = re.compile(r"\s*có\s+ý\s+kiến(?:\s+chỉ\s+đạo)?(?:\s+(?:như\s+sau|sau))?\s*:\s*")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.;:])\s+|,\s+)(?=\S)")
_SENTENCE_END = re.compile(r"[.;](?=\s)")


def requested_at(ex: Expanded, matcher: AgencyMatcher, pos: int) -> int | None:
    """Where the assignees start after a speaker or a named body that requests at pos
    ("Thủ tướng Chính phủ chỉ đạo ...", "Sở X đề nghị ..."); None when none does."""
    spoken = speaker_end(ex, pos)
    if spoken is not None:
        return spoken
    named, end = matcher.match_list(ex, pos, bare_groups=True)
    verb = clause_vocab()["request"].match(ex.folded, end) if named else None
    return verb.end() if verb else None


def later_assignment(ex: Expanded, matcher: AgencyMatcher, at: int) -> Subject:
    """An assignment after the sentence that holds `at` (a background or report sentence:
    "Bộ X đã có Báo cáo số ... . Thủ tướng Chính phủ yêu cầu Bộ X ...")."""
    end = _SENTENCE_END.search(ex.folded, at)
    found = _assigned_mid_sentence(ex, matcher, end.end()) if end else Subject()
    if found.leads:
        return found
    if end and "chuyển" in ex.folded[end.end() :]:
        # "Văn phòng Chính phủ nhận được đơn của ... . Văn phòng Chính phủ chuyển đơn nêu trên
        # đến UBND tỉnh X để xem xét, giải quyết ...": the body it is sent to, to act on it
        found = _forwarded_to(ex, matcher, end.end())
        if found.leads:
            return found
    # "UBND tỉnh nhận được Công văn số ... của Bộ X ..., Chủ tịch UBND tỉnh giao Sở Y ...":
    # the issuer's head speaking after a comma of the same sentence
    stop = end.start() if end else len(ex.folded)
    if "," not in ex.folded[at:stop]:
        return Subject()
    for m in clause_vocab()["comma_speaker"].finditer(ex.folded, at, stop):
        if " đã " in m.group():
            continue  # "..., Phó Thủ tướng X đã giao Bộ Y ...": reported, no assignment
        leads, leads_end = matcher.match_list(ex, m.end(), bare_groups=True)
        if leads:
            return Subject(leads, True, leads_end, mid=True)
    return Subject()


def issuer_assigns(ex: Expanded, matcher: AgencyMatcher, at: int = 0) -> Subject:
    """What the issuer's own sentence assigns further on: "... giao Sở X ...", "... chuyển
    Văn bản số ... đến Sở X để ...", the agency after a colon ("Chủ tịch UBND tỉnh có ý
    kiến chỉ đạo: Sở X chủ trì ..."), or after its verb ("Chủ tịch UBND tỉnh chỉ đạo Ủy
    ban nhân dân các xã ..."); `at` is where the issuer's name ends."""
    verb = clause_vocab()["speaker_verb"].match(ex.folded, at) if at else None
    if verb:
        leads, end = matcher.match_list(ex, verb.end(), bare_groups=True)
        if leads:
            return Subject(leads, True, end, mid=True)
    found = _assigned_mid_sentence(ex, matcher)
    if found.leads:
        return found
    for m in _AFTER_ISSUER.finditer(ex.folded, 0, min(len(ex.folded), 600)):
        leads, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if leads and m.group().startswith("chuyển") and _FORWARD_ENDS.match(ex.folded, end):
            continue  # "... xin chuyển văn bản số ... đến Bộ X.": forwarded, nothing asked
        if leads:
            return Subject(leads, True, end, mid=True)
    return Subject()


def _forwarded_to(ex: Expanded, matcher: AgencyMatcher, start: int) -> Subject:
    """The body a document is forwarded to for it to act ("... chuyển ... đến Bộ X để xem
    xét ...", "... chuyển ... để Bộ X nghiên cứu ..."), after `start`."""
    for m in _AFTER_ISSUER.finditer(ex.folded, start, min(len(ex.folded), start + 600)):
        if not m.group().startswith("chuyển"):
            continue
        leads, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if leads and not _FORWARD_ENDS.match(ex.folded, end):
            return Subject(leads, True, end, mid=True)
    return Subject()


# the receiver of a forwarded document closing its sentence (no "để ...", no verb after it)
_FORWARD_ENDS = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?[.;]?\s*$")


# "X chủ trì; Y, Z phối hợp ...": the partners named between the chair and "phối hợp"
_CHAIR_THEN = re.compile(r"\s*chủ\s+trì\s*[,;]\s*")
_PARTNERS_VERB = re.compile(r"\s+(?:cùng\s+)?phối\s+hợp\b")


@cache
def _manner_partners() -> re.Pattern[str]:
    """... or with manner words before it ("Sở A, Sở B theo chức năng, nhiệm vụ phối hợp")."""
    words = sorted((folded_pattern(w) for w in load_vocab("vocab")["manner_words"]), key=len)
    return re.compile(rf"(?:,?\s+(?:{'|'.join(reversed(words))}))+,?\s+(?:cùng\s+)?phối\s+hợp\b")


def coordinators_after(ex: Expanded, pos: int, matcher: AgencyMatcher) -> list[str]:
    chair = _CHAIR_THEN.match(ex.folded, pos)
    # "chủ trì, phối hợp với Sở A ...": no partner's name opens with "phối hợp" (a stop word
    # of agencies.yaml, which ends a name), so the partners looked for after "chủ trì, " are
    # not (the most common form: its partners follow "phối hợp với", found below)
    if chair and not ex.folded.startswith("phối hợp", chair.end()):
        partners, end = matcher.match_list(ex, chair.end(), bare_groups=True)
        if partners and (
            _PARTNERS_VERB.match(ex.folded, end)
            or (
                "phối hợp" in ex.folded[end : end + 80] and _manner_partners().match(ex.folded, end)
            )
        ):
            return [x.name for x in partners]
    m = _COORD.search(ex.folded, pos, min(len(ex.folded), pos + 60))
    if not m:
        return _partners_at_end(ex, pos, matcher)
    found, end = matcher.match_list(ex, m.end(), bare_groups=True)
    if found and "," in ex.folded[end : end + 2]:  # "Ban Chỉ huy Quân sự xã, phường tuần tra"
        found, _ = list_tail(ex, matcher, found, end)
    return [x.name for x in found]


def ends_on_partners(ex: Expanded, subject: Subject, matcher: AgencyMatcher) -> bool:
    """The clause gives its subject the chair and ends on the partners' names ("Giao Sở X chủ
    trì, phối hợp với Sở A, Sở B."): it names no work of its own."""
    if not subject.leads:
        return False
    m = _COORD.search(ex.folded, subject.end, min(len(ex.folded), subject.end + 60))
    if not m:
        return False
    partners, end = matcher.match_list(ex, m.end(), bare_groups=True)
    return bool(partners) and not ex.folded[end:].strip(" ./")


# "...; Sở Nội vụ phối hợp." / "...; Sở A, Sở B phối hợp thực hiện.": the partners close it
_PARTNERS_END = re.compile(r"\s+(?:cùng\s+)?phối\s+hợp(?:\s+thực\s+hiện)?\s*[.;]?\s*$")


def _partners_at_end(ex: Expanded, pos: int, matcher: AgencyMatcher) -> list[str]:
    """The bodies of the clause's last part after ";" when all they do is "phối hợp" ("X
    chủ trì thẩm định ...; Sở Nội vụ phối hợp."): partners, not a task of their own."""
    cut = ex.folded.rfind(";", pos)
    if cut < 0 or "phối hợp" not in ex.folded[cut:]:
        return []
    found, end = matcher.match_list(ex, skip_space(ex.folded, cut + 1), bare_groups=True)
    return [x.name for x in found] if found and _PARTNERS_END.match(ex.folded, end) else []


def heading_agencies(node: Node, matcher: AgencyMatcher) -> list[str]:
    """Agencies a heading assigns to its sub-clauses ('2. Các sở, ban, ngành tỉnh'), or an
    obliged category printed as found ('Trách nhiệm của các chủ đầu tư:')."""
    members = _members(node, matcher)
    if members:  # "Giao các sở ... gồm:" over "- Sở Công Thương (đối với ...);" ...
        return members
    text = _lending_text(node)
    if node.children and (opener := _list_opener_sentence(text, matcher)):
        text = opener
    return _text_agencies(node, text, matcher)


# a sentence's end inside a heading: ". " before a capital
_HEADING_SENTENCE_END = re.compile(rf"[.;]\s+(?=[{UPPER}])")


def _list_opener_sentence(text: str, matcher: AgencyMatcher) -> str | None:
    """The last sentence of a heading that opens its list after sentences of its own ("Hội
    đồng nhân dân tỉnh cơ bản thống nhất với .... Hội đồng nhân dân tỉnh đề nghị Ủy ban
    nhân dân tỉnh thực hiện một số công việc sau:"): the one that lends its agencies, when
    it names any; None otherwise."""
    if not text.rstrip().endswith(":") or ". " not in text:
        return None
    cuts = list(_HEADING_SENTENCE_END.finditer(text))
    if not cuts:
        return None
    last = text[cuts[-1].end() :]
    return last if find_subject(last, matcher)[1].leads else None


def title_agencies(node: Node, matcher: AgencyMatcher) -> list[str]:
    """The agencies the heading's title names, whatever the paragraph under it says."""
    return _text_agencies(node, node.heading_text, matcher)


def _text_agencies(node: Node, text: str, matcher: AgencyMatcher) -> list[str]:
    category = category_heading(text) if node.children else None
    if node.children and not category and (after := _after_lead_in(text)):
        category = category_heading(after)  # "Căn cứ ..., các chủ đầu tư có trách nhiệm:"
    if category:
        return [category]
    v = clause_vocab()
    role = v["role_prefix"].match(fold(text))
    if role:  # "Trách nhiệm của Sở Tài chính" over "1. Chủ trì ..."
        text = text[role.end() :]
    if node.children and (addressed := requested_agencies(text, matcher)):
        return addressed
    ex, subject = find_subject(text, matcher)
    if not subject.leads or all(matcher.is_category(m.name) for m in subject.leads):
        return []  # a category lends only by a heading's form ("Trách nhiệm của ...")
    rest = ex.folded[subject.end :]
    if node.children and LIST_INTRO.search(rest) and (order := v["order"].match(rest)):
        # "2. Ủy ban nhân dân các tỉnh chỉ đạo Sở X phối hợp ... thực hiện các nội dung sau:"
        # over "2.1. Xem xét lại ...": the directed body does the items
        directed, _ = matcher.match_list(ex, subject.end + order.end(), bare_groups=True)
        if directed:
            return [m.name for m in directed]
    if _HEADING_REST.match(rest) or LIST_INTRO.search(rest) or node.children:
        return [m.name for m in subject.leads]
    return []


def requested_agencies(text: str, matcher: AgencyMatcher) -> list[str]:
    """The bodies a list's opening sentence asks ("Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân
    dân tỉnh quan tâm chỉ đạo thực hiện một số công việc sau:", after a sentence of the
    speaker's own): the addressee of that request does the list's items, not its speaker."""
    folded_tail = fold(text[-400:])
    if not LIST_INTRO.search(folded_tail) or not _ASKS.search(folded_tail):
        return []  # cheap literal tests first: a list intro that asks
    stop = text.rfind(". ", 0, len(text) - 2)
    sentence = text[stop + 2 :] if stop > 0 else text
    if stop > 0 and _SPELLED_OUT.match(sentence):
        # "... và yêu cầu Ủy ban nhân dân tỉnh tăng cường chỉ đạo .... Cụ thể, cần thực hiện
        # các nhiệm vụ sau:": the sentence before, which asks, opens the list
        before = text.rfind(". ", 0, stop)
        sentence = text[before + 2 : stop + 1] if before > 0 else text[: stop + 1]
    _ex, subject = find_subject(sentence, matcher)
    if subject.leads and not subject.assigned and (asks := _AND_ASKS.search(sentence)):
        # "Hội đồng nhân dân tỉnh thống nhất với ... và yêu cầu Ủy ban nhân dân tỉnh ...": the
        # speaker's consent, then its request
        _ex, subject = find_subject(sentence[asks.end() :], matcher)
    if not subject.leads or not subject.assigned or subject.mid:
        return []  # asked by its request verb ("X đề nghị Y ..."): Y, the subject found
    return [m.name for m in subject.leads]


_REQUEST = alternation(load_vocab("vocab")["request_verbs"])
_ASKS = re.compile(rf"\b(?:{_REQUEST})\s")
# a sentence that only spells out the list the sentence before asked for ("Cụ thể ...:")
_SPELLED_OUT = re.compile(rf"(?:Cụ\s+thể|Trong\s+đó)\b(?![^:]*\b(?:{_REQUEST})\s)")
# "... và yêu cầu X ...": a request after the speaker's own verb
_AND_ASKS = re.compile(rf"\s(?:và|đồng\s+thời)\s+(?=(?:{_REQUEST})\s)")


def _after_lead_in(text: str) -> str | None:
    """The text after a lead-in's comma ("Căn cứ kế hoạch vốn được giao, các chủ đầu tư có
    trách nhiệm:" -> "các chủ đầu tư có trách nhiệm:"), None without a lead-in."""
    if not clause_vocab()["lead_in"].match(fold(text)):
        return None
    comma = text.find(", ")
    return text[comma + 2 :] if 0 < comma < 200 else None


_NAMES_ONLY = re.compile(r"\s*(?:\([^)]*\)?)?\s*[.;,]?\s*(?:(?:có|chịu)\s+trách\s+nhiệm\s*:?)?\s*$")


def names_only(ex: Expanded, subject: Subject) -> bool:
    """A clause that only names bodies ("- Sở Xây dựng (đối với tài sản ... đô thị);"): a
    member of a list, no task."""
    if subject.mid:  # named after the action ("<action> - Năm 2026 - Sở X."): no list member
        return False
    return bool(subject.leads) and bool(_NAMES_ONLY.match(ex.folded, subject.end))


def _members(node: Node, matcher: AgencyMatcher) -> list[str]:
    """The bodies a group heading spells out as dash items of names only."""
    items = [c for c in node.children if c.kind in {"dash", "plus"}]
    if len(items) < 2:
        return []
    out: list[str] = []
    for item in items:
        ex, subject = find_subject(item.own_text, matcher)
        if not names_only(ex, subject):
            return []
        out += [m.name for m in subject.leads]
    return out


def _after_title(text: str) -> int:
    """Where the line after a bare title line starts (0 when the text has none)."""
    cut = text.find("\n")
    return cut + 1 if 0 < cut and _is_title(text[:cut]) else 0


def _lending_text(node: Node) -> str:
    """The heading's text, or under a bare title ("6. Tập trung xử lý vướng mắc về lao
    động") the paragraph that opens the list ("Bộ Lao động - Thương binh và Xã hội chủ trì,
    ... các vấn đề sau:")."""
    if node.kind == "text":
        return node.own_text
    title = node.heading_text
    if node.children and len(node.paragraphs) >= 2 and _is_title(title):
        opener = node.paragraphs[1].text
        if opener.rstrip().endswith(":") and not _REPORT_LIST.search(fold(opener)):
            return opener
    return title


# "... báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2020 các vấn đề sau:": the items are
# what the report holds, not tasks of their own; a report cited by its number ("... đã đề ra tại
# Báo cáo số 98/BC-UBND ... và yêu cầu Ủy ban nhân dân tỉnh ... sau:") is no report asked for
_REPORT_LIST = re.compile(r"\bbáo\s+cáo\b(?!\s+số\b)[^:]*:\s*$")


def _is_title(text: str) -> bool:
    return len(text.split()) <= 15 and not text.rstrip().endswith((".", ";", ":"))


def category_heading(text: str) -> str | None:
    """'Trách nhiệm của các chủ đầu tư:' -> 'Các chủ đầu tư' (a category, not an agency)."""
    v = clause_vocab()
    folded = fold(text)
    if len(text) > 140 or text.isupper() or not v["category"].match(folded):
        return None
    prefix = v["category_prefix"].match(folded)
    end = _ROLE_END.search(folded)  # "Các đơn vị sự nghiệp ... có nhiệm vụ:"
    name = text[prefix.end() if prefix else 0 : end.start() if end else None].strip(" :.-–")
    return name[:1].upper() + name[1:] if name else None
