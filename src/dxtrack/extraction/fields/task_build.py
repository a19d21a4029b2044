"""One task from one clause: its lead and coordinators, the rule that found them, its
deadline, recurrence and span (the visitor in tasks.py decides which clauses to try)."""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.addressees import (
    addressed_group,
    addressee_names,
    asks_addressee,
    bare_request,
    pronoun_only,
    resolve_pronoun,
)
from dxtrack.extraction.fields.agencies import AgencyMatcher, Mention, chair_marked
from dxtrack.extraction.fields.agency_expansion import Expanded
from dxtrack.extraction.fields.clause_words import (
    background_end,
    clause_vocab,
    closing_at,
    closing_rider,
    closing_sentence_start,
    opens_with_closing,
)
from dxtrack.extraction.fields.co_subjects import co_subject
from dxtrack.extraction.fields.council import scope_item
from dxtrack.extraction.fields.deadline import first_deadline, period_day
from dxtrack.extraction.fields.list_tail import list_tail
from dxtrack.extraction.fields.parties import inline_roles, later_subject, states_status
from dxtrack.extraction.fields.recurrence import find_recurrence, time_recurrence
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.fields.role_holders import role_subject
from dxtrack.extraction.fields.subjects import (
    PAST_AFTER_LIST,
    Subject,
    coordinators_after,
    find_subject,
    issuer_assigns,
    later_assignment,
    names_only,
)
from dxtrack.extraction.fields.task_model import (
    KEPT_SHARE,
    PAST_OR_MODAL,
    THI_HANH,
    UNCERTAIN_RULES,
    Task,
    TaskContext,
    reason_text,
)
from dxtrack.extraction.fields.time_cell import time_cell_deadline
from dxtrack.extraction.textutil import ROLE_HEADS, ROLE_LABELS, TIME_KEYS, fold, fold_head
from dxtrack.extraction.vocab import alternation, cued, cues
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

_PERSON = re.compile(
    rf"^\W*(?:[^:.;]{{0,60}}:\s*)?(?:ông|bà|đồng\s+chí|đ/c)\s+(?=[{UPPER}{LOWER}])"
)


# The closing formula's other endings, after the list of office-holders it opens with:
# "... tổ chức thực hiện Quyết định này./.", "... căn cứ Quyết định thực hiện./." (its
# paragraph's end: a signature block without "Nơi nhận" may follow on the lines after)
_CARRY_OUT_END = re.compile(
    r"(?:(?:thực\s+hiện|thi\s+hành)\s+quyết\s+định\s+này"
    r"|căn\s+cứ\s+quyết\s+định(?:\s+này)?\s+(?:thực\s+hiện|thi\s+hành))[ \t]*[./]*[ \t]*(?:\n|$)"
)


# land or an area handed to the assignee right after its name ("Giao cho Ủy ban nhân dân huyện
# X 2.500 m2 đất để xây dựng ..."): an allotment, no work (vocab.yaml `allotment_units`)
# (a name read on over the figure's whole part, "Công ty Phú Mỹ 1" of "... Phú Mỹ 1,5 ha", leaves
# its decimals)
_ALLOTMENT = re.compile(
    r"(?:[.,]\d|\s*(?:(?:khu|diện\s+tích|lô)\s+(?:đất\s+)?(?:có\s+diện\s+tích\s+)?)?\d)[\d.,]*\s*"
    rf"(?:{alternation(load_vocab('vocab')['allotment_units'])})(?!\w)"
)

# the enacting formula of a resolution or decision given to bodies each within its remit
# ("Ủy ban nhân dân tỉnh, các sở, ngành ... trong phạm vi nhiệm vụ, quyền hạn của mình có
# trách nhiệm thực hiện Nghị quyết này."): carrying out the text itself, no work of its own
_REMIT_ENACTING = re.compile(
    r"(?:nhiệm\s+vụ|quyền\s+hạn)(?:\s+(?:được\s+giao|của\s+mình))?\s*,?\s+(?:có|chịu)\s+trách\s+nhiệm"
    r"\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+(?:nghị\s+quyết|quyết\s+định|chỉ\s+thị)"
    r"(?:\s+này)?[./\s]*$"
)

# the officials an enacting formula addresses first (vocab.yaml `enacting_addresses`)
_ENACTING_ADDRESS = re.compile(
    r"[\s\-–]*(?:điều\s+\d+\s*[.:]\s*)?"  # after its article's marker when the clause has it
    rf"(?:{alternation(load_vocab('vocab')['enacting_addresses'])})(?:\s|[:,(])"
)


# (literal words: tested with `in` on the first 200 characters, which finds one where the
# alternation's search does, without a try at each of their first letters)
APPRAISAL_WORDS = (
    "đánh giá cao",
    "biểu dương",
    "hoan nghênh",
    "tán thành",
    "ghi nhận",
    "thống nhất",
    "nhất trí",
)


def appraisal(text: str, folded: str, ctx: TaskContext) -> bool:
    """The clause's subject, not asked by anyone, appraises (clause_vocab `appraisal`): "Hội
    đồng nhân dân tỉnh đánh giá cao tinh thần trách nhiệm của ...", "... cơ bản thống nhất
    với một số giải pháp mà Ủy ban nhân dân tỉnh đã trả lời ...". A cheap literal test first."""
    head = folded[:200]
    for word in APPRAISAL_WORDS:  # a loop, not any(): run for every clause
        if word in head:
            break
    else:
        return False  # none of the words in the first 200 characters
    ex, subject = find_subject(text, ctx.matcher)
    if not subject.leads or subject.assigned or subject.mid:
        return False
    if not clause_vocab()["appraisal"].match(ex.folded, subject.end):
        return False
    # "Chính phủ cơ bản thống nhất với nội dung Tờ trình ... . Giao Bộ X chủ trì ...": a later
    # sentence assigns
    return not later_assignment(ex, ctx.matcher, subject.end).leads


def make_task(
    node: Node,
    ctx: TaskContext,
    *,
    inherited: list[str],
    weak: bool = False,
    with_children: bool = False,
    assigned_only: bool = False,
    text: str | None = None,
) -> Task | None:
    text = text or node.own_text
    if with_children:
        text = "\n".join([text] + [c.own_text for c in node.walk()])
    text = _before_closing(text)
    folded = fold(text)
    if (cut := _before_enacting(text, folded)) is not text:
        text, folded = cut, fold(cut)
    v = clause_vocab()
    if not text or THI_HANH.search(folded[-160:]) or states_status(folded) or _NORM.match(folded):
        return None
    if "trách nhiệm" in folded[-200:] and _REMIT_ENACTING.search(folded, max(0, len(folded) - 200)):
        return None  # "Các sở ... trong phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm thực hiện Nghị quyết này."
    if v["succession"].match(folded):
        return None  # "Trường hợp ... được sáp nhập ... thì các cơ quan tiếp nhận ...": succession
    if cued(folded, _law_norm_cues()) and v["law_norm"].match(folded):
        return None  # "Các cơ sở ... phải tuân thủ ... quy định tại Điều 22 Luật ...": the law's
    if v["duty_note"].match(folded):
        return None  # "Nhiệm vụ cụ thể do Chủ tịch Hội đồng phân công.": who will assign
    if v["schedule"].match(folded):
        return None  # "2. Thời gian: 08 giờ 00 phút, ngày 21/01/2027.": a programme's detail
    if v["cited_title"].match(folded):
        return None  # "(1) Báo cáo số 31/BC-UBND ngày ... về ...": a paper sent along
    if scope_item(folded):
        return None  # "a) Đối tượng được khuyến khích: Các thôn, xã ...": a policy's scope
    if _ENACTING_ADDRESS.match(folded) and _CARRY_OUT_END.search(folded):
        # "Chánh Văn phòng ..., Giám đốc ... tổ chức thực hiện Quyết định này./.", "Các ông,
        # bà: Chánh Văn phòng ..., Giám đốc Sở ... căn cứ Quyết định thi hành."
        return None
    if (past := _past_front(folded, ctx.year)) and not v["mid_verb"].search(folded, past.end()):
        return None  # "Năm 2025, Sở X chủ trì triển khai ...": past work told, nobody asked
    if (
        " là " in folded[:160]
        and (v["role_only"].match(folded) or v["designation"].match(folded))
        and not _ROLE_DUTY.search(folded)
    ):
        # "Sở Y tế là cơ quan thường trực của Ban Chỉ đạo ...", "Phân công Sở X là đơn vị
        # chuyên trách về ...": a role, no action
        return None
    if appraisal(text, folded, ctx):
        return None  # "Hội đồng nhân dân tỉnh đánh giá cao ...": the speaker's own appraisal
    found = _assignees(node, text, ctx, inherited=inherited, weak=weak, assigned_only=assigned_only)
    if (rest := _under_topic_line(node, text, ctx)) is not None:
        # "2. Riêng đối với kết quả thuộc lĩnh vực giáo dục" / "Giao Sở Giáo dục và Đào tạo
        # chủ trì ...": the topic line names nobody, the paragraph under it names the actor
        own = _assignees(node, rest, ctx, inherited=[], weak=True, assigned_only=assigned_only)
        found = own if own and own[2] in _OWN_RULES else found
    if found is None and not assigned_only and (held := role_subject(text, ctx.roles)):
        found = (held, [], "subject")  # "Tổ trưởng Tổ giúp việc phê duyệt ...": its body's
    if found is None:
        return None
    leads, coords, rule = found
    source = ""
    if rule == "inherited":
        rule, source = ctx.lent_by.get(tuple(leads), ("heading", ""))
    elif rule == "addressee":
        source = "; ".join(ctx.addressees)
    elif rule == "attribute":
        source = next((k for k in node.attributes if k.startswith(_ROLE_KEYS)), "")
        source = source[:1].upper() + source[1:]
    time_text = _time_line(node)
    above = node.parent  # where the enclosing items' time lines are looked for
    if not time_text and rule == "attribute" and above is not None:
        # "- Ở trung ương:" / "+ Cơ quan chủ trì: X" under an item whose time line follows
        time_text = _time_line(above)
        above = None if above.kind == "root" else above.parent  # its time line is read
    recurrence = (time_recurrence(fold(time_text)) if time_text else None) or find_recurrence(
        folded
    )
    deadline = _deadline(text, folded, time_text, year=ctx.year, recurrence=recurrence)
    if deadline is None and not time_text and (item_time := _enclosing_time(above)):
        # "- Sở X chủ trì ..." over "- Thời gian thực hiện: Hoàn thành trước ngày ...": the
        # enclosing item's time line holds for its parts that give none of their own
        deadline = time_cell_deadline(item_time, year=ctx.year, recurrence=recurrence)
    summary = " ".join(text.split())
    day = None if deadline else _period_day(text, folded, time_text, recurrence)
    span = _span(node, with_children)
    return Task(
        node.path,
        leads,
        coords,
        deadline,
        recurrence,
        summary,
        span,
        period_day=day,
        rule=rule,
        reason=reason_text(rule, source),
        uncertain=rule in UNCERTAIN_RULES,
    )


@lru_cache(maxsize=1)
def _law_norm_cues() -> tuple[tuple[str, ...], ...]:
    """The words every clause_vocab `law_norm` match holds ("phải", "quy định tại"): its
    match, slow (a look-ahead at each of its first 160 characters), is tried only where they
    all are."""
    return (cues(clause_vocab()["law_norm"].pattern),)


# a standing role (clause_vocab `role_only`) with no action after it: no task
_ROLE_DUTY = re.compile(
    r",\s*(?:(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|giúp|tham\s+mưu|chủ\s+trì|phối\s+hợp|"
    r"tổng\s+hợp|theo\s+dõi|hướng\s+dẫn|đôn\s+đốc|kiểm\s+tra|báo\s+cáo|thực\s+hiện)\b"
)

# a norm about an activity, no actor's task: "Việc xác nhận, xét duyệt đối tượng ... phải bảo
# đảm công khai, chặt chẽ", "Việc sử dụng nước ... được thực hiện theo quy định của ..."
_NORM = re.compile(
    r"^\W*việc\s[^.;:]{0,200}?\s(?:phải|được|cần)\s+(?:được\s+)?"
    r"(?:bảo\s+đảm|đảm\s+bảo|thực\s+hiện\s+theo|tuân\s+thủ|căn\s+cứ)\b"
)


def _before_closing(text: str) -> str:
    """The clause without a closing formula that starts a later sentence ("Sở X có trách
    nhiệm theo dõi ...; trong quá trình thực hiện, nếu có khó khăn ..."): the sentences
    before it stay a task when they say enough; a clause opening with one is no task."""
    closing = closing_at(fold_head(text, 160))  # the whole text is folded next
    if closing is None:
        if len(text) <= 160:
            return text  # the same fold looked at: no formula opens it (none found at 0)
        # a long closing request opening the clause ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng
        # ..., Chủ tịch UBND các xã ... nghiêm túc thực hiện. Trong quá trình thực hiện ...")
        opens = opens_with_closing(fold_head(text, 400))
        return _after_closing(text) if opens else text
    start = closing_sentence_start(fold(text), closing)
    return text[:start].rstrip() if start else _after_closing(text)


def _before_enacting(text: str, folded: str) -> str:
    """The clause without the enacting formula's sentence that closes it ("Điều 3. Giao Sở X
    theo dõi, kiểm tra việc thực hiện Quyết định này. Chánh Văn phòng ..., Giám đốc ... chịu
    trách nhiệm thi hành Quyết định này./."): the sentences before it, when they say enough
    (eight words or more); the whole clause otherwise (the formula's own sentence)."""
    tail = max(0, len(folded) - 160)
    found = THI_HANH.search(folded, tail)
    if found is None:
        return text
    stop = folded.rfind(". ", 0, found.start())
    if stop <= 0 or len(folded[:stop].split()) < 8 or THI_HANH.search(folded, 0, stop):
        return text
    return text[: stop + 1]


_LATER_ASSIGNMENT = re.compile(r"[.;]\s+(?=(?:Giao|Đề nghị|Yêu cầu)\s)")


def _after_closing(text: str) -> str:
    """What a clause opening with a closing formula assigns in a later sentence ("Yêu cầu
    các sở ... tổ chức thực hiện tốt các nội dung trên. Giao Công an tỉnh theo dõi, đôn đốc
    ..."): that sentence on; or the whole clause when the formula's sentence goes on after
    a ";" with a dated duty of the same addressees ("Yêu cầu các đơn vị nghiêm túc triển khai
    thực hiện; hoàn thành đăng ký ... trước ngày 20/5/2026 ..."); else nothing."""
    later = _LATER_ASSIGNMENT.search(text)
    if later:
        return _before_closing(text[later.end() :])
    return text if closing_rider(text) else ""


_OWN_RULES = ("subject", "assigned", "mid_paragraph")


def _under_topic_line(node: Node, text: str, ctx: TaskContext) -> str | None:
    """The text under an item's topic line ("3. Riêng đối với các nội dung thuộc tiêu chí về
    y tế" over "Các sở ... có trách nhiệm rà soát lại ..."): a short first line with no end
    mark, opening as a topic (after "riêng"), that names no agency itself. None otherwise."""
    if len(node.paragraphs) < 2 or not text.startswith(node.heading_text):
        return None
    head = node.heading_text.rstrip()
    if not head or head.endswith((".", ";", ":", ",")) or len(head.split()) > 40:
        return None
    v = clause_vocab()
    folded = fold(head)
    particle = v["particle"].match(folded)
    if not v["topic"].match(folded[particle.end() :] if particle else folded):
        return None
    if find_subject(head, ctx.matcher)[1].leads:
        return None
    return text[len(node.heading_text) :].strip() or None


def _assignees(
    node: Node,
    text: str,
    ctx: TaskContext,
    *,
    inherited: list[str],
    weak: bool,
    assigned_only: bool,
) -> tuple[list[str], list[str], str] | None:
    """Lead, coordinators and the rule that found the lead, or None when it assigns nothing."""
    matcher = ctx.matcher
    ex, subject = find_subject(text, matcher)
    lent = bool(inherited) and not weak  # a heading's agency keeps its item
    if inherited and not subject.leads and KEPT_SHARE.match(ex.folded):
        return None  # "Đối với Thanh tra tỉnh:" / "- Được trích 30% ...": a rate, no work
    if subject.leads and (
        PAST_OR_MODAL.match(ex.folded[subject.end :])
        or not subject.assigned
        and (
            PAST_AFTER_LIST.match(ex.folded, subject.end)
            or KEPT_SHARE.match(ex.folded, subject.end)
        )
    ):
        # a report ("Bộ X đã có Báo cáo ...") unless a later sentence assigns
        subject = Subject() if lent else later_assignment(ex, matcher, subject.end)
        if not subject.leads:
            return None
    if subject.mid and inherited and not weak and not _ordered_body(ex.folded, subject):
        subject = Subject()  # a heading's agency keeps its item ("..., đề nghị các tổ chức ...")
    if subject.assigned and (
        clause_vocab()["grant"].match(ex.folded) or _ALLOTMENT.match(ex.folded, subject.end)
    ):
        # "Ủy quyền cho Giám đốc Sở X thực hiện ...": a power granted, unless a later
        # sentence assigns ("... giao Sở Nội vụ phối hợp ... tham mưu ...")
        subject = later_assignment(ex, matcher, subject.end)
        if not subject.leads:
            return None
    if (assigned_only or ctx.report) and not subject.assigned:
        return None
    if names_only(ex, subject):
        return None  # "- Sở Xây dựng (đối với tài sản ...);": a member named in a list
    if subject.leads and not subject.assigned and _ANNEX_ONLY.match(ex.folded, subject.end):
        return None  # "1. Sở A và Sở B: Tại Phụ lục I đính kèm.": a row pointing to a table
    if subject.assigned and _OPENER_ONLY.match(ex.folded, subject.end):
        return None  # "Đề nghị Bộ X:" over a list the tree did not number: it asks nothing itself
    person = _PERSON.match(ex.folded)
    if person and not (subject.leads and subject.leads[0].start == person.end()):
        # "Chủ tịch Hội đồng: Ông Nguyễn Văn A, ...": a member, not a task ("Đồng chí Giám
        # đốc Sở Y tế chỉ đạo ..." is the office's)
        return None
    for not_issuers in _NOT_ISSUERS:  # in this order, each asking about the subject left
        if not_issuers(ex.folded, subject, ctx):
            # none of the issuer's work, unless a later sentence assigns ("Về việc này, Chủ
            # tịch UBND tỉnh giao Sở Y ...")
            subject = Subject() if lent else later_assignment(ex, matcher, subject.end)
            if not subject.leads:
                return None
    asks = False  # the issuer asks its one addressee without naming it
    if (
        subject.leads
        and not subject.assigned
        and not subject.labelled  # an item assigning the issuer's own office its part
        and not _party_label(ex.folded, subject)
        and not _duty_list_item(node)
        and not _STANDING_DUTY.match(ex.folded, subject.end)
        and _is_issuer(subject.leads, ctx.issuer)
        and not _office_follows_up(ex.folded, subject.end, ctx.issuer)
    ):
        # the issuer speaking of itself ("UBND xã thông báo ..."), unless it assigns later in
        # the paragraph ("UBND tỉnh nhận được ... Về nội dung này, Chủ tịch ... giao Sở X")
        asks = asks_addressee(ex.folded, ctx.addressees, subject.end)
        subject = issuer_assigns(ex, matcher, subject.end)
        if not subject.leads and not asks:
            return None
    leads = _attribute_agencies(node, "lead", matcher)
    rule = "attribute"
    coords = _attribute_agencies(node, "coordinators", matcher)
    if not leads:
        leads, coords = inline_roles(text, matcher, lent=lent)  # "... (Cơ quan chủ trì: Sở X)"
    if not leads:
        # a heading's agency keeps its item, unless the item names a body of its own after a
        # lead-in under a group heading ("Trong thời gian giữa hai kỳ họp, Thường trực HĐND
        # tỉnh xem xét ..." under "Điều 3. Trách nhiệm của các cơ quan, tổ chức, cá nhân");
        # each test asked only when the ones before leave it open (most items name no body)
        own = (
            bool(subject.leads)
            and (
                subject.assigned
                or weak
                or all(name.startswith("Quý ") for name in inherited)  # "Quý đơn vị"
                or (
                    _named_under_group(subject, inherited, ex.text)
                    if subject.lead_in
                    else _other_than(subject, inherited)
                )
            )
            and not _directs(ex.folded, subject, inherited)
        )
        leads = [m.name for m in subject.leads] if own else list(inherited)
        if own and subject.assigned and ctx.addressees:
            leads = _named_addressees(ex, subject, ctx.addressees, matcher) or leads
        rule = ("mid_paragraph" if subject.mid else "assigned") if subject.assigned else "subject"
        rule = rule if own else "inherited"
    asks = asks or bare_request(ex.folded) or asks_addressee(ex.folded, ctx.addressees)
    if not leads and ctx.addressees and not inherited and asks:
        leads, rule = list(ctx.addressees), "addressee"  # "Đề nghị rà soát, báo cáo ..."
    if not leads and not inherited and not (assigned_only or ctx.report):
        leads, coords = later_subject(text, matcher)  # "Kinh phí ... . Sở X tham mưu ..."
        rule = "subject"
        if _is_issuer([Mention(0, 0, n) for n in leads], ctx.issuer):
            return None
    if not leads:
        return None
    if ctx.addressees and pronoun_only(leads):  # "Đề nghị Quý Cơ quan ..."
        leads, rule = resolve_pronoun(leads, ctx.addressees, matcher), "addressee"
    elif ctx.addressees and addressed_group(leads, ctx.addressees):  # "đề nghị các Bộ, cơ quan"
        leads, rule = addressee_names(ctx.addressees, matcher), "addressee"
    if rule in ("subject", "assigned") and (co := co_subject(ex, subject.end, leads, matcher)):
        leads = [*leads, co]  # "Các cơ quan ..., các doanh nghiệp trên địa bàn có ... đăng ký"
    if _upward(leads, ctx.issuer):
        return None  # "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh ..." in a province's letter
    coords = (
        coords
        or list(subject.partners)
        or _attribute_coordinators(node, matcher)
        or coordinators_after(ex, subject.end, matcher)
    )
    lead_keys = {fold(x) for x in leads}
    if rule == "inherited":
        return list(inherited), _dedupe([c for c in coords if fold(c) not in lead_keys]), rule
    return _dedupe(leads), _dedupe([c for c in coords if fold(c) not in lead_keys]), rule


_OPENER_ONLY = re.compile(r"\s*:\s*$")
_ANNEX_ONLY = re.compile(
    rf"\s*[:\-–]\s*\(?(?:{alternation(load_vocab('vocab')['annex_pointers'])})\)?\s*[.;]?\s*$"
)
_DATE_WORDS = re.compile(r"[\d/.,-]+|\b(?:số\s+ra|ngày|tháng|năm|vào|hôm)\b")
_DATED = re.compile(r"\d|\b(?:ngày|tháng|năm|hôm|đã|vừa|mới)\b")  # a report dated or done


@lru_cache(maxsize=64)  # once per document: its issuer
def _local_issuer(issuer: str | None) -> bool:
    """A province's or commune's body issues the document (not a ministry)."""
    if not issuer or fold(issuer).startswith("bộ "):
        return False
    return bool(clause_vocab()["local_issuer"].search(fold(issuer)))


def _upward(leads: list[str], issuer: str | None) -> bool:
    """A local issuer's task led only by ministries or the provinces as a group (a higher
    body's request retold, or a request upward): none of the issuer's command."""
    if not leads or not _local_issuer(issuer):
        return False
    return all(clause_vocab()["upper_body"].match(fold(name)) for name in leads)


_SPEAKER_STRETCH = re.compile(r"[.;:,(]")


def _upper_speaker(folded: str, start: int, issuer: str | None) -> bool:
    """In a local issuer's letter, the body speaking right before the assignees at `start`
    is a ministry or the government ("...; theo Kế hoạch, Bộ Công an giao Công an các địa
    phương ..."): the cited document's assignment retold, none of the issuer's."""
    if not _local_issuer(issuer):
        return False
    cut = 0
    for cut_at in _SPEAKER_STRETCH.finditer(folded, 0, start):
        cut = cut_at.end()
    stretch = folded[cut:start].strip()
    return bool(clause_vocab()["upper_body"].match(stretch)) and bool(
        clause_vocab()["mid_verb"].search(stretch + " ")
    )


def _retold(folded: str, start: int) -> bool:
    """The background verb ends right before the assignees at `start`, or the stretch before
    them since its last comma has or issues a cited document that requests ("Ngày ..., Bộ X
    ban hành Công văn số ... đề nghị [các địa phương] ..."): a request retold from the
    document it cites ("Tại Văn bản số ..., Bộ X đề nghị [các địa phương] ...")."""
    found = background_end(folded)
    if found is not None and found <= start and not folded[found:start].strip():
        return True
    tail = folded[max(0, start - 200) : start]
    if "số" not in tail:
        return False  # cheap gate: no cited number before the assignees
    cut = max(tail.rfind(c) for c in ".;,:")
    return bool(clause_vocab()["cited_request"].search(tail[cut + 1 :]))


def _cited_request(folded: str, subject: Subject, ctx: TaskContext) -> bool:
    """ "Tại Văn bản số ..., Bộ X đề nghị các địa phương ...", "...; theo Kế hoạch, Bộ Công an
    giao Công an các địa phương ...": a cited document's request or assignment retold."""
    return bool(subject.leads) and bool(
        subject.mid
        and _retold(folded, subject.leads[0].start)
        or subject.assigned
        and _upper_speaker(folded, subject.leads[0].start, ctx.issuer)
    )


def _upward_request(folded: str, subject: Subject, ctx: TaskContext) -> bool:
    """ "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh ..." in a province's letter: retold."""
    return subject.assigned and _upward([m.name for m in subject.leads], ctx.issuer)


def _told_duty(folded: str, subject: Subject, ctx: TaskContext) -> bool:
    """ "Theo quy định tại Điều ... Luật ..., Ủy ban nhân dân cấp xã có trách nhiệm ...",
    "Năm 2025, Sở X chủ trì triển khai ...": a duty or past work told."""
    return _told(folded, subject, ctx.year)


def _background_news(folded: str, subject: Subject, ctx: TaskContext) -> bool:
    """ "Báo X ngày ... đưa tin ...": background."""
    return not subject.assigned and _background(folded, subject)


# a year fronted before the subject ("Năm 2025, Sở X ...", "Trong năm 2025, các sở ...")
_FRONT_YEAR = re.compile(r"^\W*(?:trong\s+)?năm\s+((?:19|20)\d\d)\s*,")


def _told(folded: str, subject: Subject, year: int | None) -> bool:
    """A named subject no verb assigns, after a provision of law that gives it a duty
    ("Căn cứ khoản 3 Điều 8 Nghị định số ..., Sở X có trách nhiệm ...": the law's duty
    retold) or after a period gone by ("Thời gian qua, các sở ...", a year before the
    document's own: past work told)."""
    if not subject.leads:
        return False
    v = clause_vocab()
    head = folded[: subject.leads[0].start]
    past = _past_front(head, year)
    if past and not head[past.end() :].strip():
        return True  # the subject right after the period ("Năm 2025, Sở X chủ trì ...")
    return (
        not subject.assigned
        and bool(v["law_citation"].match(head))
        and bool(v["law_duty"].match(folded, subject.end))
    )


def _past_front(folded: str, year: int | None) -> re.Match[str] | None:
    """A period gone by opening the text ("Thời gian qua,", "Năm 2025," in a later year's
    document), None when none does."""
    past = clause_vocab()["past_period"].match(folded)
    if past:
        return past
    front = _FRONT_YEAR.match(folded)
    return front if front and year and int(front.group(1)) < year else None


def _background(folded: str, subject: Subject) -> bool:
    """A background sentence: its subject reports ("Báo X ngày ... đưa tin ..."); with a
    named subject the reporting verb follows it closely, else an action comes first
    ("Công an tỉnh theo dõi, xử lý các trường hợp đưa tin sai sự thật" is a task)."""
    found = background_end(folded)
    if found is None or not subject.leads:
        return found is not None
    if folded[subject.end :].lstrip().startswith(":"):
        return False  # "- Báo X: đưa tin về ...": a duty labelled with its party
    told = folded[subject.end : found]
    if clause_vocab()["news_verb"].search(told) and not _DATED.search(told):
        return False  # "Các cơ quan báo chí đưa tin đầy đủ ...": undated, what it is asked
    between = _DATE_WORDS.sub(" ", told).replace("bài viết", "bài")  # "có bài viết phản ánh"
    return len(between.split()) <= 4  # the verb itself, "có bài", "đã"


def _council_itself(folded: str, subject: Subject, ctx: TaskContext) -> bool:
    """A council's resolution naming the council itself first among its own bodies ("Ngoài
    các nội dung trên, Hội đồng nhân dân, Thường trực Hội đồng nhân dân và các Ban ... sẽ tiến
    hành giám sát ..."): the council's own programme, not asked of anyone."""
    if not subject.leads or subject.assigned or not fold(ctx.issuer or "").startswith(_COUNCIL):
        return False
    return bool(_COUNCIL_FIRST.search(folded, 0, subject.leads[0].start))


_COUNCIL = "hội đồng nhân dân"
# the council named bare right before the first of its bodies
_COUNCIL_FIRST = re.compile(r"(?:^|[,:]\s*|\W\s)hội\s+đồng\s+nhân\s+dân\s*,\s*$")


# What makes a clause's subject none of the issuer's assignees, asked in turn (`_assignees`)
_NOT_ISSUERS = (_cited_request, _upward_request, _told_duty, _background_news, _council_itself)


_LIST_SEP = re.compile(r"\s*(?:[;,]\s*(?:và\s+)?|\s+và\s+)")


def _named_addressees(
    ex: Expanded, subject: Subject, addressees: tuple[str, ...], matcher: AgencyMatcher
) -> list[str]:
    """The Kính gửi list named again after the assigning verb, where the matcher reads an
    item only in part ("đề nghị A; B; Chủ các công trình phải tổ chức quan trắc ...; Chủ dự
    án/cơ sở phải ... và các tổ chức ... tổ chức nghiên cứu ..."): each addressee as printed,
    then what the matcher reads after them; [] when no item runs past the matched names."""
    keys = _addressee_keys(addressees, matcher)
    found = list(subject.leads)
    start = found[-1].start
    grown = False
    out = [m.name for m in found[:-1]]
    at: int | None = start  # where the next item starts, None after the list's last
    while at is not None:
        key = next((k for k in keys if ex.folded.startswith(k, at)), None)
        if key is None:
            break
        name = " ".join(ex.text[at : at + len(key)].split())
        out.append(name[:1].upper() + name[1:])
        grown = grown or at + len(key) > found[-1].end
        sep = _LIST_SEP.match(ex.folded, at + len(key))
        at = sep.end() if sep else None
    if not grown:
        return []
    more, end = matcher.match_list(ex, at, bare_groups=True) if at is not None else ([], 0)
    if more:
        more, end = list_tail(ex, matcher, more, end)
    return out + [m.name for m in more]


@lru_cache(maxsize=64)  # once per document: its Kính gửi list
def _addressee_keys(addressees: tuple[str, ...], matcher: AgencyMatcher) -> tuple[str, ...]:
    """The addressees as matched (expanded, folded), the longest first."""
    keys = sorted({matcher.expand(" ".join(a.split())).folded for a in addressees}, key=len)
    keys.reverse()  # the longest addressee first
    return tuple(keys)


def _other_than(subject: Subject, inherited: list[str]) -> bool:
    """The clause names its own actor, a named body other than the heading's named ones
    ("Bộ Nông nghiệp ... khẩn trương ..." under "2. Bộ Tài chính ..."); a group heading
    ("Các sở, ban, ngành tỉnh") may enclose its members, so it keeps them."""
    if not inherited or any(fold(name).startswith("quý ") for name in inherited):
        return False
    mine = {fold(m.name) for m in subject.leads}
    theirs = {fold(n) for n in inherited}
    named = [m for m in mine if not m.startswith(("các ", "quý "))]
    if len(named) >= 2 and not mine & theirs:
        return True  # "Ủy ban nhân dân các tỉnh, thành phố Hà Nội, Cần Thơ và các địa phương ..."
    if len(named) < len(mine):
        # "Điều 13. Trách nhiệm của các cơ quan liên quan" over "6. Các bộ, cơ quan ngang
        # bộ ... có trách nhiệm ...", "2. Trách nhiệm của các Sở, ngành" over "- Các Sở,
        # ban, ngành, địa phương có liên quan căn cứ ...": a group heading gives way to the
        # group the item opens with, printed as found
        groups = all(n.startswith("các ") for n in theirs)
        return groups and mine != theirs and subject.leads[0].start <= 2
    if mine & theirs:
        # "2. Các Sở: Tài chính, Xây dựng, ..." over "- Sở Tài chính thẩm định ...": the
        # member that opens the item is its lead
        return mine < theirs and subject.end <= 60
    # under a group heading ("4. Các sở, ban, ngành tỉnh"), an item opening with a named
    # member ("+ Sở Tài chính bố trí ...") is that member's task
    return not any(fold(n).startswith("các ") for n in inherited) or subject.end <= 60


def _named_under_group(subject: Subject, inherited: list[str], text: str) -> bool:
    """The subject names bodies only (no group), the lead-in before the subject is short, and
    the heading groups only ("Các cơ quan, tổ chức, cá nhân") or names bodies of other heads
    only ("Đề nghị UBND tỉnh chỉ đạo Công an tỉnh:" over "- Nhằm ..., Công an tỉnh nghiên cứu
    ...": the item is the body it names), the body capitalised right after the lead-in's one
    comma (not a body named later in a list of objects: "Định kỳ tổng hợp, báo cáo Ủy ban
    nhân dân tỉnh, Bộ Tài chính ...")."""
    if not subject.leads or subject.leads[0].start > 80:
        return False
    mine = {fold(m.name) for m in subject.leads}
    if any(n.startswith(("các ", "quý ")) for n in mine):
        return False
    theirs = {fold(n) for n in inherited}
    if all(n.startswith("các ") for n in theirs):
        return True
    start = subject.leads[0].start
    if text.count(",", 0, start) != 1 or not text[start : start + 1].isupper():
        return False
    heads = {n.split()[0] for n in theirs if n}
    return not any(n.startswith(("các ", "quý ")) for n in theirs) and not any(
        n.split()[0] in heads for n in mine if n
    )


def _directs(folded: str, subject: Subject, inherited: list[str]) -> bool:
    """Under a heading's agency, the item directs or requires others ("Chỉ đạo ...", "Yêu cầu
    các đơn vị ..."): the heading's agency keeps it."""
    return bool(inherited) and (
        bool(clause_vocab()["direct"].match(folded))
        or _requires_categories(folded, subject, inherited)
    )


def _requires_categories(folded: str, subject: Subject, inherited: list[str]) -> bool:
    """'- Yêu cầu các đơn vị hoạt động khai thác khoáng sản ...' under '2. Sở X': Sở X
    requires the obliged parties, the task stays Sở X's (not under a group heading)."""
    v = clause_vocab()
    if not subject.leads or not v["direct_request"].match(folded):
        return False
    if any(fold(name).startswith("các ") for name in inherited):
        return False
    return all(v["category_name"].match(fold(m.name)) for m in subject.leads)


def _office_follows_up(folded: str, at: int, issuer: str | None) -> bool:
    """A Văn phòng issuing for its head, given follow-up work in its own letter ("Văn phòng
    UBND tỉnh theo dõi, đôn đốc việc thực hiện"): its task, not the issuer speaking."""
    return fold(issuer or "").startswith("văn phòng") and bool(
        clause_vocab()["follow_up"].match(folded, at)
    )


_ASSIGNING_SECTION = re.compile(r"\W*(?:phân\s+công|giao)\s+(?:nhiệm\s+vụ|trách\s+nhiệm)\b")


# the issuer made the standing body of what the decision sets up, then given its duties ("Ban
# Quản lý ... là cơ quan thường trực Hội đồng thẩm định, có trách nhiệm bảo đảm ..."): its own
# share of the work, not the issuer speaking of itself
_STANDING_DUTY = re.compile(
    r"\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối)\b[^.;:]{0,160}?,\s*"
    r"(?:có|chịu)\s+trách\s+nhiệm\b"
)


def _duty_list_item(node: Node) -> bool:
    """A dash item of a plan's section that hands out the duties ("II. PHÂN CÔNG NHIỆM VỤ"
    / "1. Tuyên truyền ..." / "- Đảng đoàn X phối hợp với ... tổ chức ..."): the issuer
    naming itself there takes its own share, it does not speak of itself."""
    if node.kind not in {"dash", "plus"}:
        return False
    return any(_ASSIGNING_SECTION.match(fold(a.heading_text)) for a in node.ancestors())


def _party_label(folded: str, subject: Subject) -> bool:
    """The clause opens with its party as a label ("3. Ủy ban nhân dân tỉnh: Trong thời
    hạn 05 ngày ..., ký quyết định ..."): a step of a procedure given to each party in turn,
    the issuer's own step included, not the issuer speaking of itself."""
    first = subject.leads[0]
    return not folded[: first.start].strip(" -–+*•") and folded[subject.end :].lstrip()[:1] == ":"


def _is_issuer(leads: list[Mention], issuer: str | None) -> bool:
    if not issuer or len(leads) != 1:
        return False
    a, b = fold(leads[0].name), fold(issuer)
    if a == b or b.startswith(a + " ") or a.startswith(b + " "):
        return True
    # "Sở Công Thương Lào Cai" for "Sở Công Thương tỉnh Lào Cai": the province's name
    # printed without its unit word
    return _PROVINCE_UNIT.sub(" ", a) == _PROVINCE_UNIT.sub(" ", b)


# a province's unit word before its name inside a body's name ("... tỉnh Lào Cai")
_PROVINCE_UNIT = re.compile(r" (?:tỉnh|thành phố) (?=\S)")


def _deadline(
    text: str, folded: str, time_text: str | None, *, year: int | None, recurrence: str | None
) -> str | None:
    if time_text and (
        found_in_line := time_cell_deadline(time_text, year=year, recurrence=recurrence)
    ):
        return found_in_line  # read as a table's time cell: "Quý IV/2026, Quý I/2027" ends last
    masked = citation_spans(text)
    found = first_deadline(folded, year=year, masked=masked, recurrence=recurrence)
    return found.isoformat() if found else None


def _period_day(
    text: str, folded: str, time_text: str | None, recurrence: str | None
) -> str | None:
    if time_text and (day := period_day(fold(time_text), recurrence=recurrence)):
        return day
    return period_day(folded, recurrence=recurrence, masked=citation_spans(text))


def _ordered_body(folded: str, subject: Subject) -> bool:
    """The issuer orders a named body in mid-clause ("Khi có kết quả ..., giao Sở X chủ
    trì ..."): it leads the item over its heading's group, unlike a category asked ("...,
    đề nghị các tổ chức ...")."""
    if not subject.assigned or not subject.leads:
        return False
    first = subject.leads[0]
    if folded[first.start :].startswith(("các ", "những ")):
        return False
    return bool(clause_vocab()["mid_order"].search(folded, max(0, first.start - 30), first.start))


def _enclosing_time(item: Node | None) -> str | None:
    """The time line of the nearest item from `item` up that has one."""
    while item is not None and item.kind != "root":
        if found := _time_line(item):
            return found
        item = item.parent
    return None


def _time_line(node: Node) -> str | None:
    """The item's time line: the attribute holding the first time key found (vocab
    `time_line_keys`)."""
    if not node.attributes:
        return None  # most items: no attribute lines
    found = None
    for key in TIME_KEYS:
        if found := _attribute(node, key):
            return found
    return found


def _attribute(node: Node, key: str) -> str | None:
    for name, value in node.attributes.items():
        if key in name:
            return value
    return None


_ROLE_KEYS = (*ROLE_HEADS, *ROLE_LABELS, "chủ trì", "phối hợp", "thực hiện")


def role_attribute(node: Node, role: str) -> str | None:
    """The attribute naming the item's lead ("Cơ quan chủ trì", "Đơn vị chủ trì tham mưu",
    or "Cơ quan thực hiện" when no chủ trì is named) or its coordinators."""
    if not node.attributes:
        return None  # most items: no attribute lines
    names = [n for n in node.attributes if n.startswith(_ROLE_KEYS)]
    if role == "coordinators":
        keys = [n for n in names if "phối hợp" in n]
    else:
        keys = [n for n in names if "chủ trì" in n] or [n for n in names if "phối hợp" not in n]
    return node.attributes[keys[0]] if keys else None


def _attribute_coordinators(node: Node, matcher: AgencyMatcher) -> list[str]:
    """'Cơ quan thực hiện: X chủ trì, phối hợp với Y; Z' -> Y, Z."""
    value = role_attribute(node, "lead")
    if not value:
        return []
    ex = matcher.expand(value)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    if marked := chair_marked(ex, found):  # "Sở Y tế (chủ trì), Sở Tài chính (phối hợp)"
        return [m.name for m in found[marked:]]
    return coordinators_after(ex, end, matcher)


def _attribute_agencies(node: Node, role: str, matcher: AgencyMatcher) -> list[str]:
    value = role_attribute(node, role)
    if not value:
        return []
    ex = matcher.expand(value)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    if found:  # "Thực hiện: Sở X, các cơ quan ..., đội ngũ báo cáo viên, ... tổ chức thực hiện"
        found, end = list_tail(ex, matcher, found, end, whole=True)
    if role == "lead" and (marked := chair_marked(ex, found)):
        return [m.name for m in found[:marked]]
    rest = ex.text[end:].strip(" .")
    if found and _name_tail(rest):
        # an item the names stop inside ("A; B - C Chính phủ; D"): item by item
        return [n for part in value.split(";") for n in _item_names(part, matcher)]
    if found and ";" in rest and matcher.ends_name(ex, len(ex.text) - len(ex.text[end:].lstrip())):
        # a role field written as sentences ("Cơ quan thực hiện: Công an tỉnh tiến hành rà
        # soát ...; các sở, cơ quan ... rà soát ..."): the actor of each part
        return [m.name for m in found] + [
            n for part in value.split(";")[1:] for n in _acting_names(part, matcher)
        ]
    if found and not rest.startswith(";"):
        return [m.name for m in found]  # "A; B" where B is unknown: the names as printed
    return _printed_names(value)


_OPENS_GROUP = re.compile(r"(?:các|những)\s", re.IGNORECASE)


def _printed_names(value: str) -> list[str]:
    """A lead line the matcher does not read, name by name as printed: "A, B; C" lists its
    names by ";"; else by commas outside brackets, a piece opening in lower case going on
    the name before ("Đơn vị quản lý, vận hành hệ thống (các cơ quan, đơn vị)" is one)."""
    if ";" in value:
        return [p.strip(" .") for p in value.split(";") if p.strip(" .")]
    names: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(value + ","):
        depth += (ch == "(") - (ch == ")")
        if ch != "," or depth > 0:
            continue
        piece = value[start:i].strip(" .")
        start = i + 1
        if not piece:
            continue
        if names and piece[:1].islower() and not _OPENS_GROUP.match(piece):
            names[-1] = f"{names[-1]}, {piece}"
        else:
            names.append(piece)
    return names


def _name_tail(rest: str) -> bool:
    """The rest of a name the matcher stopped inside, up to the next item ("Chính phủ; ..."):
    a few words opening with a capital, no comma."""
    tail, sep, _ = rest.partition(";")
    words = tail.split()
    return bool(sep and words and words[0][:1].isupper() and len(words) <= 4 and "," not in tail)


_JOINING = re.compile(r"\s*(?:phối\s+hợp|tham\s+gia|cùng)\b")


def _acting_names(part: str, matcher: AgencyMatcher) -> list[str]:
    """The bodies opening one sentence of a role field when a verb follows them ("các sở
    rà soát ..."); none when they only join the work ("Sở X phối hợp ...") or no body opens it."""
    ex = matcher.expand(part.strip())
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    at = len(ex.text) - len(ex.text[end:].lstrip())
    if not found or not matcher.ends_name(ex, at) or _JOINING.match(ex.folded, end):
        return []
    return [m.name for m in found]


def _item_names(part: str, matcher: AgencyMatcher) -> list[str]:
    """The names of one ";"-separated item of a lead line: the agencies it names when they
    fill it, else the item as printed (split at commas when each piece opens a name)."""
    ex = matcher.expand(part)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    if found and not ex.text[end:].strip(" .,"):
        return [m.name for m in found]
    pieces = [p.strip(" .") for p in part.split(",") if p.strip(" .")]
    if len(pieces) > 1 and all(p[:1].isupper() for p in pieces):
        return pieces  # "Các Quân khu, Ủy ban nhân dân các tỉnh": two names, not one group
    return [part.strip(" .")] if part.strip(" .") else []


def _span(node: Node, with_children: bool) -> tuple[int, int]:
    start = node.paragraphs[0].start + node.marker_len if node.paragraphs else 0
    end = node.paragraphs[-1].end if node.paragraphs else start
    if with_children:
        for child in node.walk():
            if child.paragraphs:
                end = max(end, child.paragraphs[-1].end)
    return (start, end)


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        key = fold(n)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out
