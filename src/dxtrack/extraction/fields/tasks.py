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
from functools import lru_cache

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.agencies import AgencyMatcher, Expanded, Mention, get_matcher
from dxtrack.extraction.fields.deadline import first_deadline, period_day
from dxtrack.extraction.fields.recurrence import find_recurrence
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import load as load_vocab

_PAST_OR_MODAL = re.compile(r"^\s*(?:đã|đang|có\s+thể|vừa|được\s+(?:đánh\s+giá|ghi\s+nhận))\b")
_LIST_INTRO = re.compile(r"(?:cụ\s+thể|như\s+sau|sau|gồm|bao\s+gồm|sau\s+đây)\s*:\s*$")
_HEADING_REST = re.compile(
    r"^\s*(?:[:.]|\(.*\))?\s*$|^\s*(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm"
    r"|thực\s+hiện|chủ\s+trì|triển\s+khai)[^.]*:\s*$"
)
_THI_HANH = re.compile(
    r"(?:chịu\s+trách\s+nhiệm\s+)?thi\s+hành\s+(?:quyết\s+định|nghị\s+quyết|chỉ\s+thị"
    r"|thông\s+tư|nghị\s+định)\s+này"
)
_COORD = re.compile(r"phối\s+hợp(?:\s*,\s*hỗ\s+trợ)?(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+")


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
        }


@dataclass
class Subject:
    leads: list[Mention] = field(default_factory=list)
    assigned: bool = False  # introduced by an assignment verb or followed by "chủ trì"
    end: int = 0
    mid: bool = False  # assigned in mid-paragraph ("Về việc này, ... giao Bộ X ...")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    vocab = load_vocab("vocab")
    alt = lambda key: "|".join(
        sorted((fold(w).replace(" ", r"\s+") for w in vocab[key]), key=len, reverse=True)
    )
    return {
        "closing": re.compile(rf"(?:{alt('closing_formulas')})"),
        "non_task": re.compile(rf"^\W*(?:{alt('non_task_headings')})\b"),
        "assign": re.compile(rf"(?:{alt('assign_verbs')})\s+"),
        "lead_in": re.compile(rf"(?:{alt('lead_in')})\b"),
        "direct": re.compile(rf"\W*(?:{alt('direct_verbs')})\s+"),
        "request": re.compile(r"\s*(?:đề\s+nghị|yêu\s+cầu|giao(?:\s+cho)?)\s+"),
        "category": re.compile(
            rf"^\W*(?:(?:{alt('category_heading_prefixes')})\s+(?:các\s+)?|các\s+|(?=chủ\s|nhà\s))"
            rf"(?:{alt('obliged_categories')})\b[^.;:]{{0,100}}:?\s*$"
        ),
        "category_prefix": re.compile(rf"^\W*(?:{alt('category_heading_prefixes')})\s+"),
        "background": re.compile(rf"^[^.;]{{0,120}}?\s(?:{alt('background_verbs')})\b"),
        "mid_assign": re.compile(
            r"(?:^|[.;:]\s+|,\s+)(?:[^,.;]{0,60}?\s)?(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu)\s+"
        ),
    }


def find_subject(text: str, matcher: AgencyMatcher) -> tuple[Expanded, Subject]:
    """The agencies a clause opens with (its grammatical subject or assignees)."""
    ex = matcher.expand(text)
    v = _vocab()
    pos = 0
    if v["lead_in"].match(ex.folded):  # "Trên cơ sở ..., các bộ ...": the subject after a comma
        for comma in re.finditer(r",\s*", ex.folded[:300]):
            if matcher.match_one(ex, comma.end(), bare_groups=True):
                pos = comma.end()
                break
    assign = v["assign"].match(ex.folded, pos)
    if assign:
        pos = assign.end()
    mentions, end = matcher.match_list(ex, pos, bare_groups=True)
    if not mentions:
        return ex, _assigned_mid_sentence(ex, matcher)
    request = v["request"].match(ex.folded, end)
    if request:  # "Sở X đề nghị các cơ quan ..." -> the requested ones
        others, end2 = matcher.match_list(ex, request.end(), bare_groups=True)
        if others:
            return ex, Subject(others, True, end2)
    rest = ex.folded[end : end + 12]
    chairs = bool(re.match(r"\s*(?:chủ\s+trì|làm\s+đầu\s+mối)", rest))
    return ex, Subject(mentions, bool(assign) or chairs, end)


def _assigned_mid_sentence(ex: Expanded, matcher: AgencyMatcher) -> Subject:
    """An assignment inside the paragraph of a short letter: "Về việc này, Thủ tướng Chính
    phủ giao Bộ X ...", "Đồng ý ... . Giao Bộ X ...", "..., Ủy ban nhân dân tỉnh yêu cầu
    Sở X ..."."""
    for m in _vocab()["mid_assign"].finditer(ex.folded, 0, min(len(ex.folded), 600)):
        found, end = matcher.match_list(ex, m.end(), bare_groups=True)
        if found:
            return Subject(found, True, end, mid=True)
    return Subject()


def coordinators_after(ex: Expanded, pos: int, matcher: AgencyMatcher) -> list[str]:
    m = _COORD.search(ex.folded, pos, min(len(ex.folded), pos + 60))
    if not m:
        return []
    found, _ = matcher.match_list(ex, m.end(), bare_groups=True)
    return [x.name for x in found]


def heading_agencies(node: Node, matcher: AgencyMatcher) -> list[str]:
    """Agencies a heading assigns to its sub-clauses ('2. Các sở, ban, ngành tỉnh'), or an
    obliged category printed as found ('Trách nhiệm của các chủ đầu tư:')."""
    text = node.heading_text if node.kind != "text" else node.own_text
    category = category_heading(text) if node.children else None
    if category:
        return [category]
    ex, subject = find_subject(text, matcher)
    if not subject.leads:
        return []
    rest = ex.folded[subject.end :]
    if _HEADING_REST.match(rest) or _LIST_INTRO.search(rest) or node.children:
        return [m.name for m in subject.leads]
    return []


def category_heading(text: str) -> str | None:
    """'Trách nhiệm của các chủ đầu tư:' -> 'Các chủ đầu tư' (a category, not an agency)."""
    v = _vocab()
    folded = fold(text)
    if len(text) > 140 or text.isupper() or not v["category"].match(folded):
        return None
    prefix = v["category_prefix"].match(folded)
    name = text[prefix.end() if prefix else 0 :].strip(" :.-–")
    return name[:1].upper() + name[1:] if name else None


def is_closing(text: str, *, anywhere: bool = False) -> bool:
    """A closing formula or contact block: the end of the assigning part of the body.

    `anywhere`: for an unmarked paragraph, a short sentence that contains the formula
    ("Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.")."""
    folded = fold(text[:300]).lstrip("-–+• ")
    if _vocab()["closing"].match(folded):
        return True
    return anywhere and len(text) < 300 and bool(_vocab()["closing"].search(folded))


@dataclass
class _Ctx:
    matcher: AgencyMatcher
    year: int | None
    issuer: str | None


def extract_tasks(
    root: Node, *, year: int | None, issuer: str | None = None, directory: tuple[str, ...] = ()
) -> list[Task]:
    """Tasks of a clause tree. In a numbered document, loose paragraphs before the first
    clause are preamble (an intro "... đề nghị/yêu cầu X ... sau:" lends X to the list's
    actorless items); after the list, only an explicit request ("Đề nghị X ...") counts."""
    ctx = _Ctx(get_matcher(directory), year, issuer)
    structured = any(n.kind in {"roman", "number", "letter", "article"} for n in root.walk())
    tasks: list[Task] = []
    intro: list[str] = []
    seen_clause = False
    for node in root.children:
        if node.kind == "closing":
            continue
        loose = node.kind in {"text", "dash", "plus"}
        if structured and loose and not seen_clause:
            intro = _intro_agencies(node, ctx) or intro
            continue
        if loose and structured:
            task = _make_task(node, ctx, inherited=[], assigned_only=True)
            tasks.extend([task] if task else [])
            continue
        seen_clause = seen_clause or not loose
        _visit(node, tasks, ctx, inherited=intro, weak=True)
    return tasks


def _intro_agencies(node: Node, ctx: _Ctx) -> list[str]:
    text = node.own_text
    if not text.rstrip().endswith(":"):
        return []
    ex = ctx.matcher.expand(text)
    m = re.search(r"(?:đề\s+nghị|yêu\s+cầu|giao(?:\s+cho)?)\s+", ex.folded)
    if not m:
        return []
    found, _ = ctx.matcher.match_list(ex, m.end(), bare_groups=True)
    return [x.name for x in found]


def _visit(
    node: Node, tasks: list[Task], ctx: _Ctx, *, inherited: list[str], weak: bool = False
) -> None:
    """`weak`: the inherited agencies come from an intro sentence, not from a heading, so a
    clause's own subject overrides them."""
    v = _vocab()
    if node.children and v["non_task"].match(fold(node.own_text[:80])):
        return  # "Kết quả đạt được", "TÌNH HÌNH THỰC HIỆN ...", "MỤC TIÊU": no tasks inside
    if not node.children:
        for part in _topic_paragraphs(node, ctx) or [node]:
            task = _make_task(part, ctx, inherited=inherited, weak=weak)
            tasks.extend([task] if task else [])
        return
    heading = heading_agencies(node, ctx.matcher)
    lead_sentence = _task_before_list(node) if heading else None
    if lead_sentence:  # "2. Bộ X ... trước ngày 20/10/2024. Trong đó chú ý ... sau:"
        task = _make_task(node, ctx, inherited=heading, text=lead_sentence)
        tasks.extend([task] if task else [])
    dash_only = all(c.kind in {"dash", "plus"} for c in node.children)
    own_leads = any(  # "- A" "Cơ quan chủ trì: X"; "2. Về ..." over "- Sở X ...", "- Sở Y ..."
        _role_attribute(c, "lead") or find_subject(c.own_text, ctx.matcher)[1].leads
        for c in node.children
    )
    if dash_only and not heading and not own_leads and not _LIST_INTRO.search(node.heading_text):
        task = _make_task(node, ctx, inherited=inherited, weak=weak, with_children=True)
        tasks.extend([task] if task else [])
        return
    for child in node.children:
        _visit(child, tasks, ctx, inherited=heading or inherited, weak=weak and not heading)


_LIST_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ][^.;]*:\s*$)")


def _task_before_list(node: Node) -> str | None:
    """A heading that assigns a task of its own before opening its list: the task sentence
    ("Bộ Tài chính ... trình Thủ tướng ... trước ngày 20/10/2024. Trong đó chú ý ... sau:")."""
    text = node.own_text
    if not _LIST_INTRO.search(text):
        return None
    parts = _LIST_SENTENCE.split(text, maxsplit=1)
    if len(parts) != 2 or len(parts[0].split()) < 12:
        return None
    return parts[0]


def _topic_paragraphs(node: Node, ctx: _Ctx) -> list[Node]:
    """A topic line ("- Về nội dung trao đổi tín chỉ các-bon ra nước ngoài:") followed by
    paragraphs that name their own actors: each paragraph is a clause of the same path."""
    if len(node.paragraphs) < 2 or not node.heading_text.rstrip().endswith(":"):
        return []
    if find_subject(node.heading_text, ctx.matcher)[1].leads:
        return []
    parts = [
        Node(node.kind, node.label, node.rank, [para], parent=node.parent)
        for para in node.paragraphs[1:]
    ]
    if not any(find_subject(p.own_text, ctx.matcher)[1].leads for p in parts):
        return []
    return parts


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
    folded = fold(text)
    if not text or _vocab()["closing"].search(folded[:160]) or _THI_HANH.search(folded[-160:]):
        return None
    found = _assignees(node, text, ctx, inherited=inherited, weak=weak, assigned_only=assigned_only)
    if found is None:
        return None
    leads, coords = found
    time_text = _attribute(node, "thời gian") or _attribute(node, "thời hạn")
    recurrence = find_recurrence(fold(time_text or "")) or find_recurrence(folded)
    deadline = _deadline(text, folded, time_text, year=ctx.year, recurrence=recurrence)
    summary = " ".join(text.split())
    day = None if deadline else _period_day(text, folded, time_text, recurrence)
    span = _span(node, with_children)
    return Task(node.path, leads, coords, deadline, recurrence, summary, span, period_day=day)


def _assignees(
    node: Node, text: str, ctx: _Ctx, *, inherited: list[str], weak: bool, assigned_only: bool
) -> tuple[list[str], list[str]] | None:
    """Lead and coordinators of a clause, or None when it assigns nothing."""
    matcher = ctx.matcher
    ex, subject = find_subject(text, matcher)
    if subject.leads and _PAST_OR_MODAL.match(ex.folded[subject.end :]):
        return None
    if subject.mid and inherited:
        subject = Subject()  # a heading's agency keeps its item ("..., đề nghị các tổ chức ...")
    if assigned_only and not subject.assigned:
        return None
    if not subject.assigned and _vocab()["background"].match(ex.folded):
        return None  # "Báo X ngày ... đưa tin ...": background
    if subject.leads and not subject.assigned and _is_issuer(subject.leads, ctx.issuer):
        return None  # the issuer speaking of itself ("UBND xã thông báo ...")
    leads = _attribute_agencies(node, "lead", matcher)
    coords = _attribute_agencies(node, "coordinators", matcher)
    weak = weak or all(name.startswith("Quý ") for name in inherited)  # "Quý đơn vị"
    directs = bool(inherited) and bool(_vocab()["direct"].match(ex.folded))
    if not leads:
        own = subject.leads and (subject.assigned or weak or _other_than(subject, inherited))
        own = own and not directs
        leads = [m.name for m in subject.leads] if own else list(inherited)
    if not leads:
        return None
    coords = coords or coordinators_after(ex, subject.end, matcher)
    lead_keys = {fold(x) for x in leads}
    return _dedupe(leads), _dedupe([c for c in coords if fold(c) not in lead_keys])


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


def _role_attribute(node: Node, role: str) -> str | None:
    """The attribute naming the item's lead ("Cơ quan chủ trì", "Đơn vị chủ trì tham mưu",
    or "Cơ quan thực hiện" when no chủ trì is named) or its coordinators."""
    names = [n for n in node.attributes if n.startswith(("cơ quan", "đơn vị"))]
    if role == "coordinators":
        keys = [n for n in names if "phối hợp" in n]
    else:
        keys = [n for n in names if "chủ trì" in n] or [n for n in names if "phối hợp" not in n]
    return node.attributes[keys[0]] if keys else None


def _attribute_agencies(node: Node, role: str, matcher: AgencyMatcher) -> list[str]:
    value = _role_attribute(node, role)
    if not value:
        return []
    found, _ = matcher.match_list(matcher.expand(value), 0, bare_groups=True)
    if found:
        return [m.name for m in found]
    return [p.strip() for p in re.split(r"[;,]", value) if p.strip()]


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
