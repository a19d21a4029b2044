"""Tasks: which clauses assign work, to whom, by when, how often.

A clause is a task when it names its actor (in itself: "Giao X", "X chủ trì",
"Đề nghị X", "Các Bộ: ...", an attribute line "Cơ quan chủ trì: X") or inherits one
from the heading that encloses it ("2. Các sở, ban, ngành tỉnh" over "a) ...").
Headings whose only content is their sub-clauses, sections that report results or
give background, and closing formulas are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.addressees import (
    asks_addressee,
    bare_request,
    intro_agencies,
    pronoun_only,
    resolve_pronoun,
)
from dxtrack.extraction.fields.agencies import AgencyMatcher, Mention, get_matcher
from dxtrack.extraction.fields.deadline import first_deadline, period_day
from dxtrack.extraction.fields.parties import (
    inline_roles,
    later_subject,
    party_heading,
    states_status,
)
from dxtrack.extraction.fields.recurrence import find_recurrence
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.fields.sentences import actor_parts
from dxtrack.extraction.fields.subjects import (
    LIST_INTRO,
    Subject,
    category_heading,
    clause_vocab,
    closing_sentence_start,
    coordinators_after,
    find_subject,
    heading_agencies,
    issuer_assigns,
    later_assignment,
    names_only,
)
from dxtrack.extraction.textutil import fold

_PAST_OR_MODAL = re.compile(r"^\s*(?:đã|đang|có\s+thể|vừa|được\s+(?:đánh\s+giá|ghi\s+nhận))\b")
_PERSON = re.compile(r"^\W*(?:[^:.;]{0,60}:\s*)?(?:ông|bà|đồng\s+chí|đ/c)\s+[A-ZĐÀ-Ỹa-zđà-ỹ]")
_THI_HANH = re.compile(
    r"(?:chịu\s+trách\s+nhiệm\s+)?thi\s+hành\s+(?:quyết\s+định|nghị\s+quyết|chỉ\s+thị"
    r"|thông\s+tư|nghị\s+định)\s+này"
)


@dataclass
class Task:
    clause: str
    lead: list[str]
    coordinators: list[str]
    deadline: str | None
    recurrence: str | None
    summary: str
    span: tuple[int, int]
    optional: bool = False
    period_day: str | None = None  # not in FORMAT.md's scored fields: the scorer ignores it
    rule: str = ""  # which rule found the lead (RULE_REASONS); the scorer ignores it
    reason: str = ""  # for the reviewer, in Vietnamese: the rule and the heading that lent it
    uncertain: bool = False  # a guess the reviewer should check first

    def to_dict(self) -> dict:
        return {
            "clause": self.clause,
            "lead": self.lead,
            "coordinators": self.coordinators,
            "deadline": self.deadline,
            "recurrence": self.recurrence,
            "summary": self.summary,
            "optional": self.optional,
            "span": list(self.span),
            "period_day": self.period_day,
            "rule": self.rule,
            "reason": self.reason,
            "uncertain": self.uncertain,
        }


# Why a task has its lead, for the reviewer (Vietnamese); the uncertain ones are shown first.
RULE_REASONS = {
    "attribute": "dòng thuộc tính “{source}”",
    "assigned": "câu giao việc nêu tên cơ quan",
    "subject": "cơ quan là chủ ngữ của câu",
    "mid_paragraph": "giao việc ở giữa đoạn văn",
    "heading": "cơ quan của đề mục “{source}”",
    "category_heading": "đối tượng của đề mục “{source}”",
    "intro": "cơ quan của câu dẫn “{source}”",
    "table_row": "cột cơ quan chủ trì của bảng nhiệm vụ",
    "addressee": "người nhận của văn bản (Kính gửi: {source})",
}
UNCERTAIN_RULES = {"mid_paragraph", "category_heading", "intro", "addressee"}


def reason_text(rule: str, source: str = "") -> str:
    short = source if len(source) <= 80 else source[:77].rstrip() + "..."
    return "Theo " + RULE_REASONS[rule].format(source=short)


@dataclass
class _Ctx:
    matcher: AgencyMatcher
    year: int | None
    issuer: str | None
    report: bool = False  # a Báo cáo: only explicit requests ("Đề nghị X ...") are tasks
    addressees: tuple[str, ...] = ()  # Kính gửi
    # inherited agencies -> (rule, heading or intro text) that lent them
    lent_by: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)


def extract_tasks(
    root: Node,
    *,
    year: int | None,
    issuer: str | None = None,
    directory: tuple[str, ...] = (),
    report: bool = False,
    addressees: tuple[str, ...] = (),
) -> list[Task]:
    """Tasks of a clause tree. In a numbered document, loose paragraphs before the first
    clause are preamble (an intro "... đề nghị/yêu cầu X ... sau:" lends X to the list's
    actorless items); after the list, only an explicit request ("Đề nghị X ...") counts."""
    ctx = _Ctx(get_matcher(directory), year, issuer, report=report, addressees=addressees)
    structured = any(n.kind in {"roman", "number", "letter", "article"} for n in root.walk())
    tasks: list[Task] = []
    intro: list[str] = []
    lender: list[str] = []
    seen_clause = False
    for node in root.children:
        if node.kind == "closing":
            continue
        loose = node.kind in {"text", "dash", "plus"}
        if structured and loose and not seen_clause:
            intro = _intro_agencies(node, ctx) or intro
            ctx.lent_by.setdefault(tuple(intro), ("intro", " ".join(node.own_text.split())))
            continue
        if loose and structured:
            task = _make_task(node, ctx, inherited=[], assigned_only=True)
            tasks.extend([task] if task else [])
            continue
        seen_clause = seen_clause or not loose
        if not structured and node.kind == "text":
            lender = _list_opener(node, ctx)
            if lender:
                continue  # "Giám đốc Sở X có trách nhiệm:" over "- ..." items
        if not structured and node.kind in {"dash", "plus"} and lender:
            # "Đề nghị các cơ quan ... sau:" is an intro: an item's own actor overrides it
            weak = ctx.lent_by.get(tuple(lender), ("", ""))[0] == "intro"
            _visit(node, tasks, ctx, inherited=lender, weak=weak)
            continue
        _visit(node, tasks, ctx, inherited=intro, weak=True)
    return tasks


def _list_opener(node: Node, ctx: _Ctx) -> list[str]:
    """A paragraph of an unnumbered letter naming the party of the dash items after it
    ("Giám đốc Sở X có trách nhiệm:", "Đề nghị Sở Y thực hiện các nội dung sau:")."""
    if not node.own_text.rstrip().endswith(":"):
        return []
    ex, subject = find_subject(node.own_text, ctx.matcher)
    if _PAST_OR_MODAL.match(ex.folded[subject.end :]):
        return []  # "Bộ X đã ban hành ..., cụ thể:" over the documents it cites
    lent = heading_agencies(node, ctx.matcher)
    if lent:
        rule = "intro" if subject.assigned else "heading"
        ctx.lent_by[tuple(lent)] = (rule, " ".join(node.own_text.split()))
    return lent


def _intro_agencies(node: Node, ctx: _Ctx) -> list[str]:
    text = node.own_text
    if not text.rstrip().endswith(":"):
        return []
    ex = ctx.matcher.expand(text)
    return intro_agencies(ex, ctx.matcher, ctx.addressees)


def _visit(
    node: Node, tasks: list[Task], ctx: _Ctx, *, inherited: list[str], weak: bool = False
) -> None:
    """`weak`: the inherited agencies come from an intro sentence, not from a heading, so a
    clause's own subject overrides them."""
    v = clause_vocab()
    if node.children and v["non_task"].match(fold(node.own_text[:80])):
        return  # "Kết quả đạt được", "TÌNH HÌNH THỰC HIỆN ...", "MỤC TIÊU": no tasks inside
    if not node.children:
        if _non_task_title(node):
            return  # "Điều 10. Xử lý vi phạm" / "Cơ quan, tổ chức, cá nhân vi phạm ..."
        node = _after_effect_clause(node)
        lent = _lent_by_heading(node, ctx) if len(node.paragraphs) >= 2 else []
        if lent:  # "1. Công an tỉnh, các sở ..." then one paragraph per task
            ctx.lent_by[tuple(lent)] = ("heading", " ".join(node.heading_text.split()))
            for part in _paragraph_nodes(node):
                task = _make_task(part, ctx, inherited=lent)
                tasks.extend([task] if task else [])
            return
        closing = bool(_THI_HANH.search(fold(node.own_text)[-160:]))
        parts = (
            _topic_paragraphs(node, ctx)
            or _item_paragraphs(node, ctx, inherited, weak)
            or (actor_parts(node, ctx.matcher) if (weak or not inherited) and not closing else [])
            or [node]
        )
        for part in parts:
            task = _make_task(part, ctx, inherited=inherited, weak=weak)
            tasks.extend([task] if task else [])
        return
    heading = _lent_by_heading(node, ctx)
    if heading:
        rule = "category_heading" if category_heading(node.heading_text) else "heading"
        ctx.lent_by[tuple(heading)] = (rule, " ".join(node.heading_text.split()))
    lead_sentence = _task_before_list(node) if heading else None
    if lead_sentence:  # "2. Bộ X ... trước ngày 20/10/2024. Trong đó chú ý ... sau:"
        task = _make_task(node, ctx, inherited=heading, text=lead_sentence)
        tasks.extend([task] if task else [])
    elif heading:
        for part in _heading_own_paragraphs(node, ctx):
            task = _make_task(part, ctx, inherited=heading)
            tasks.extend([task] if task else [])
    dash_only = all(c.kind in {"dash", "plus"} for c in node.children)
    if (
        dash_only
        and not heading
        and not LIST_INTRO.search(node.heading_text)
        and not (inherited and not weak and _duty_intro(node.heading_text))
        and not clause_vocab()["topic"].match(fold(node.heading_text))
        and not _items_name_actors(node, ctx)
    ):
        task = _make_task(node, ctx, inherited=inherited, weak=weak, with_children=True)
        tasks.extend([task] if task else [])
        return
    for child in node.children:
        _visit(child, tasks, ctx, inherited=heading or inherited, weak=weak and not heading)


def _after_effect_clause(node: Node) -> Node:
    """An article opening with its effect clause ("Điều 4. Quyết định này có hiệu lực kể từ
    ngày ký.") over paragraphs that assign ("Đề nghị ... . Thanh tra tỉnh, Công an tỉnh ...
    tham mưu ..."): the article without that clause."""
    if node.kind != "article" or len(node.paragraphs) < 2:
        return node
    if not clause_vocab()["closing"].match(fold(node.heading_text)):
        return node
    return Node(node.kind, node.label, node.rank, node.paragraphs[1:], parent=node.parent)


def _non_task_title(node: Node) -> bool:
    """An article or item titled like a background section, over its paragraphs."""
    title = node.heading_text
    if len(node.paragraphs) < 2 or len(title.split()) > 10 or title.rstrip().endswith("."):
        return False
    return bool(clause_vocab()["non_task"].match(fold(title)))


def _lent_by_heading(node: Node, ctx: _Ctx) -> list[str]:
    """The agencies a heading lends: named in the vocabulary, or by the heading's form
    ("Điều 7. Phòng X quận - huyện có nhiệm vụ", "Trách nhiệm của Tổ công tác ...")."""
    text = node.heading_text if node.kind != "text" else node.own_text
    named = heading_agencies(node, ctx.matcher)
    party = party_heading(text, ctx.matcher)
    if party and len(", ".join(party)) > len(", ".join(named)):
        return party  # "Ủy ban nhân dân phường - xã, thị trấn" beyond "... phường"
    return named


_DUTY_INTRO = re.compile(r"(?:có|chịu)\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\s*:\s*$")


def _duty_intro(text: str) -> bool:
    """An item of an agency's list opening its own list of duties ("4. Hằng tháng ...,
    Ủy ban nhân dân xã phải ... và có trách nhiệm:" over dash items): one task per item."""
    return bool(_DUTY_INTRO.search(fold(text)))


def _heading_own_paragraphs(node: Node, ctx: _Ctx) -> list[Node]:
    """An agency heading's own sentences before its list are its tasks too: "1. Công an
    tỉnh" / "Tham mưu giúp UBND tỉnh ..." / "Trong đó giao ... thực hiện:" / "- ...", or
    "1. Thủ trưởng các sở ... chỉ đạo: xây dựng Kế hoạch ..." over a "* Lưu ý" line. A
    paragraph ending with ":" opens the list; a bare heading is no task."""
    parts: list[Node] = []
    for i, para in enumerate(node.paragraphs):
        text = para.text[node.marker_len :] if i == 0 else para.text
        if text.rstrip().endswith(":") or len(text.split()) < 12:
            continue
        if i == 0:
            if party_heading(text, ctx.matcher):
                continue  # "Kho bạc Nhà nước Thành phố, Kho bạc ... có nhiệm vụ"
            ex, subject = find_subject(text, ctx.matcher)
            if len(ex.folded[subject.end :].split()) < 10:
                continue
        marker = node.marker_len if i == 0 else 0
        parts.append(
            Node(node.kind, node.label, node.rank, [para], parent=node.parent, marker_len=marker)
        )
    return parts


def _paragraph_nodes(node: Node) -> list[Node]:
    """The paragraphs after a node's heading, each as a clause of the same path."""
    return [
        Node(node.kind, node.label, node.rank, [para], parent=node.parent)
        for para in node.paragraphs[1:]
    ]


def _item_paragraphs(node: Node, ctx: _Ctx, inherited: list[str], weak: bool) -> list[Node]:
    """An item under an agency heading whose later paragraph opens with its own actor ("10.
    Thường xuyên kiểm tra ..." / "Phòng X quận - huyện phải thực hiện kiểm tra ..."): one task
    per paragraph. A paragraph without an actor ("Văn bản cam kết gửi về Sở X ...; hoàn thành
    trước ngày ...") goes on the item's task."""
    if not inherited or weak or len(node.paragraphs) < 2 or node.attributes:
        return []
    if node.heading_text.rstrip().endswith(":"):
        return []
    names = tuple(fold(n) for n in inherited)
    parts: list[Node] = []
    for i, para in enumerate(node.paragraphs):
        if i and not (
            node.paragraphs[i - 1].text.rstrip().endswith(".")
            and (fold(para.text).startswith(names) or find_subject(para.text, ctx.matcher)[1].leads)
        ):
            return []
        marker = node.marker_len if i == 0 else 0
        parts.append(
            Node(node.kind, node.label, node.rank, [para], parent=node.parent, marker_len=marker)
        )
    return parts


def _items_name_actors(node: Node, ctx: _Ctx) -> bool:
    """Items with their own lead ("- A" + "Cơ quan chủ trì: X"; "2. Về ..." over
    "- Sở X ...", "- Sở Y ..."): each is a task, not the content of one."""
    return any(
        _role_attribute(c, "lead") or find_subject(c.own_text, ctx.matcher)[1].leads
        for c in node.children
    )


_LIST_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ][^.;]*:\s*$)")


def _task_before_list(node: Node) -> str | None:
    """A heading that assigns a task of its own before opening its list: the task sentence
    ("Bộ Tài chính ... trình Thủ tướng ... trước ngày 20/10/2024. Trong đó chú ý ... sau:")."""
    text = node.own_text
    if not LIST_INTRO.search(text):
        return None
    parts = _LIST_SENTENCE.split(text, maxsplit=1)
    if len(parts) != 2 or len(parts[0].split()) < 12:
        return None
    return parts[0]


def _topic_paragraphs(node: Node, ctx: _Ctx) -> list[Node]:
    """A topic line ("- Về nội dung trao đổi tín chỉ các-bon ra nước ngoài:", "3. Hệ thống
    đăng ký quốc gia ...") followed by paragraphs that name their own actors: each paragraph
    is a clause of the same path."""
    heading = node.heading_text.rstrip()
    topic = heading.endswith(":") or (
        len(heading.split()) <= 25 and not heading.endswith((".", ";"))
    )
    if len(node.paragraphs) < 2 or not topic:
        return []
    parts = [
        Node(node.kind, node.label, node.rank, [para], parent=node.parent)
        for para in node.paragraphs[1:]
    ]
    named = [bool(find_subject(p.own_text, ctx.matcher)[1].leads) for p in parts]
    if find_subject(node.heading_text, ctx.matcher)[1].leads:
        # a heading naming bodies it does not lend ("2. Các cơ quan chuyên trách ...; các
        # chi bộ") over paragraphs that each name their own actor
        return parts if all(named) and not heading.endswith(":") else []
    return parts if any(named) else []


def _make_task(
    node: Node,
    ctx: _Ctx,
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
    if not text or _THI_HANH.search(folded[-160:]) or states_status(folded):
        return None
    found = _assignees(node, text, ctx, inherited=inherited, weak=weak, assigned_only=assigned_only)
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
    time_text = _attribute(node, "thời gian") or _attribute(node, "thời hạn")
    recurrence = find_recurrence(fold(time_text or "")) or find_recurrence(folded)
    deadline = _deadline(text, folded, time_text, year=ctx.year, recurrence=recurrence)
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


def _before_closing(text: str) -> str:
    """The clause without a closing formula that starts a later sentence ("Sở X có trách
    nhiệm theo dõi ...; trong quá trình thực hiện, nếu có khó khăn ..."): the sentences
    before it stay a task when they say enough; a clause opening with one is no task."""
    closing = clause_vocab()["closing"].search(fold(text[:160]))
    if not closing:
        return text
    start = closing_sentence_start(fold(text), closing.start())
    return text[:start].rstrip() if start else ""


def _assignees(
    node: Node, text: str, ctx: _Ctx, *, inherited: list[str], weak: bool, assigned_only: bool
) -> tuple[list[str], list[str], str] | None:
    """Lead, coordinators and the rule that found the lead, or None when it assigns nothing."""
    matcher = ctx.matcher
    ex, subject = find_subject(text, matcher)
    lent = bool(inherited) and not weak  # a heading's agency keeps its item
    if subject.leads and _PAST_OR_MODAL.match(ex.folded[subject.end :]):
        # a report ("Bộ X đã có Báo cáo ...") unless a later sentence assigns
        subject = Subject() if lent else later_assignment(ex, matcher, subject.end)
        if not subject.leads:
            return None
    if subject.mid and inherited and not weak:
        subject = Subject()  # a heading's agency keeps its item ("..., đề nghị các tổ chức ...")
    if (assigned_only or ctx.report) and not subject.assigned:
        return None
    if names_only(ex, subject):
        return None  # "- Sở Xây dựng (đối với tài sản ...);": a member named in a list
    if _PERSON.match(ex.folded):
        return None  # "Chủ tịch Hội đồng: Ông Nguyễn Văn A, ...": a member, not a task
    if not subject.assigned and _background(ex.folded, subject):
        # "Báo X ngày ... đưa tin ...": background, unless a later sentence assigns
        subject = Subject() if lent else later_assignment(ex, matcher, subject.end)
        if not subject.leads:
            return None
    asks = False  # the issuer asks its one addressee without naming it
    if subject.leads and not subject.assigned and _is_issuer(subject.leads, ctx.issuer):
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
        leads, coords = inline_roles(text, matcher)  # "... (Cơ quan chủ trì: Sở X; ...)"
    weak = weak or all(name.startswith("Quý ") for name in inherited)  # "Quý đơn vị"
    directs = bool(inherited) and bool(clause_vocab()["direct"].match(ex.folded))
    if not leads:
        other = _other_than(subject, inherited) and not subject.lead_in  # a heading's agency
        own = subject.leads and (subject.assigned or weak or other)
        own = own and not directs
        leads = [m.name for m in subject.leads] if own else list(inherited)
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
    coords = (
        coords
        or _attribute_coordinators(node, matcher)
        or coordinators_after(ex, subject.end, matcher)
    )
    lead_keys = {fold(x) for x in leads}
    if rule == "inherited":
        return list(inherited), _dedupe([c for c in coords if fold(c) not in lead_keys]), rule
    return _dedupe(leads), _dedupe([c for c in coords if fold(c) not in lead_keys]), rule


_DATE_WORDS = re.compile(r"[\d/.,-]+|\b(?:số\s+ra|ngày|tháng|năm|vào|hôm)\b")


def _background(folded: str, subject: Subject) -> bool:
    """A background sentence: its subject reports ("Báo X ngày ... đưa tin ..."); with a
    named subject the reporting verb follows it closely, else an action comes first
    ("Công an tỉnh theo dõi, xử lý các trường hợp đưa tin sai sự thật" is a task)."""
    found = clause_vocab()["background"].match(folded)
    if not found or not subject.leads:
        return bool(found)
    between = _DATE_WORDS.sub(" ", folded[subject.end : found.end()])
    return len(between.split()) <= 4  # the verb itself, "có bài", "đã"


def _other_than(subject: Subject, inherited: list[str]) -> bool:
    """The clause names its own actor, a named body other than the heading's named ones
    ("Bộ Nông nghiệp ... khẩn trương ..." under "2. Bộ Tài chính ..."); a group heading
    ("Các sở, ban, ngành tỉnh") may enclose its members, so it keeps them."""
    if not inherited or any(fold(name).startswith("quý ") for name in inherited):
        return False
    mine = {fold(m.name) for m in subject.leads}
    if any(fold(m).startswith(("các ", "quý ")) for m in mine) or mine & {
        fold(n) for n in inherited
    }:
        return False
    # under a group heading ("4. Các sở, ban, ngành tỉnh"), an item opening with a named
    # member ("+ Sở Tài chính bố trí ...") is that member's task
    return not any(fold(n).startswith("các ") for n in inherited) or subject.end <= 60


def _is_issuer(leads: list[Mention], issuer: str | None) -> bool:
    if not issuer or len(leads) != 1:
        return False
    a, b = fold(leads[0].name), fold(issuer)
    return a == b or b.startswith(a + " ") or a.startswith(b + " ")


def _deadline(
    text: str, folded: str, time_text: str | None, *, year: int | None, recurrence: str | None
) -> str | None:
    if time_text:
        found = first_deadline(fold(time_text), year=year, recurrence=recurrence, cell=True)
        if found:
            return found.isoformat()
    masked = citation_spans(text)
    found = first_deadline(folded, year=year, masked=masked, recurrence=recurrence)
    return found.isoformat() if found else None


def _period_day(
    text: str, folded: str, time_text: str | None, recurrence: str | None
) -> str | None:
    if time_text and (day := period_day(fold(time_text), recurrence=recurrence)):
        return day
    return period_day(folded, recurrence=recurrence, masked=citation_spans(text))


def _attribute(node: Node, key: str) -> str | None:
    for name, value in node.attributes.items():
        if key in name:
            return value
    return None


_ROLE_KEYS = ("cơ quan", "đơn vị", "trách nhiệm", "chủ trì", "phối hợp", "thực hiện")


def _role_attribute(node: Node, role: str) -> str | None:
    """The attribute naming the item's lead ("Cơ quan chủ trì", "Đơn vị chủ trì tham mưu",
    or "Cơ quan thực hiện" when no chủ trì is named) or its coordinators."""
    names = [n for n in node.attributes if n.startswith(_ROLE_KEYS)]
    if role == "coordinators":
        keys = [n for n in names if "phối hợp" in n]
    else:
        keys = [n for n in names if "chủ trì" in n] or [n for n in names if "phối hợp" not in n]
    return node.attributes[keys[0]] if keys else None


def _attribute_coordinators(node: Node, matcher: AgencyMatcher) -> list[str]:
    """'Cơ quan thực hiện: X chủ trì, phối hợp với Y; Z' -> Y, Z."""
    value = _role_attribute(node, "lead")
    if not value:
        return []
    ex = matcher.expand(value)
    _, end = matcher.match_list(ex, 0, bare_groups=True)
    return coordinators_after(ex, end, matcher)


def _attribute_agencies(node: Node, role: str, matcher: AgencyMatcher) -> list[str]:
    value = _role_attribute(node, role)
    if not value:
        return []
    ex = matcher.expand(value)
    found, end = matcher.match_list(ex, 0, bare_groups=True)
    if found and not ex.text[end:].lstrip().startswith(";"):
        return [m.name for m in found]  # "A; B" where B is unknown: the names as printed
    parts = re.split(r";" if ";" in value else r"[;,]", value)  # "A, B; C": ";" lists names
    return [p.strip(" .") for p in parts if p.strip(" .")]


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
        if fold(n) not in seen:
            seen.add(fold(n))
            out.append(n)
    return out
