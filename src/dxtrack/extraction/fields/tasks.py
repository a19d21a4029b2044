"""Tasks: which clauses assign work, to whom, by when, how often.

A clause is a task when it names its actor (in itself: "Giao X", "X chủ trì",
"Đề nghị X", "Các Bộ: ...", an attribute line "Cơ quan chủ trì: X") or inherits one
from the heading that encloses it ("2. Các sở, ban, ngành tỉnh" over "a) ...").
Headings whose only content is their sub-clauses, sections that report results or
give background, and closing formulas are not tasks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack.extraction.clauses import ITEM_KINDS, Node, inline_run
from dxtrack.extraction.fields.addressees import intro_agencies
from dxtrack.extraction.fields.agencies import get_matcher
from dxtrack.extraction.fields.clause_words import (
    clause_vocab,
    giving_after_closing,
    opens_with_closing,
)
from dxtrack.extraction.fields.council import examined_reports, speaker_gives
from dxtrack.extraction.fields.deadline import first_deadline
from dxtrack.extraction.fields.parties import inline_roles, party_heading
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.fields.role_holders import role_holders
from dxtrack.extraction.fields.sentences import actor_parts, opens_with_actor
from dxtrack.extraction.fields.subjects import (
    LIST_INTRO,
    category_heading,
    find_subject,
    heading_agencies,
    requested_agencies,
    title_agencies,
)
from dxtrack.extraction.fields.task_build import appraisal, make_task, role_attribute
from dxtrack.extraction.fields.task_fields import field_children, lead_names, time_text
from dxtrack.extraction.fields.task_model import PAST_OR_MODAL, THI_HANH, Task, TaskContext
from dxtrack.extraction.textutil import TIME_KEYS, fold, is_upper_line
from dxtrack.extraction.vocab import alternation
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

__all__ = ["Task", "extract_tasks"]


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
    ctx = TaskContext(get_matcher(directory), year, issuer, report=report, addressees=addressees)
    ctx.roles = role_holders((p.text for n in root.walk() for p in n.paragraphs), ctx.matcher)
    structured = any(n.kind in ITEM_KINDS for n in root.walk())
    tasks: list[Task] = []
    intro: list[str] = []
    lender: list[str] = []
    seen_clause = False
    previous: Task | None = None  # the task of the letter paragraph before
    paragraphs: list[list[Task]] = []  # an unnumbered letter's tasks, paragraph by paragraph
    background = False  # under a letter's "Lý do: ..., cụ thể như sau:" (each body's case)
    roll = False  # under a meeting's "Tham dự cuộc họp có: ..." (its attendees)
    for node in root.children:
        if node.kind == "closing":
            continue
        if node.kind in {"text", "dash", "plus"}:
            skip, roll = _attendance(node, roll)
            if skip:
                continue  # "- Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn;": an attendee, no task
        if not structured and background and _body_labels(node, ctx):
            continue  # "Hội X: Quá thời gian tổ chức đại hội ...": a reason, no task
        if not structured and node.kind == "text":
            background = _background_intro(node)
        loose = node.kind in {"text", "dash", "plus"}
        if structured and loose and not seen_clause:
            intro = _intro_agencies(node, ctx) or intro
            ctx.lent_by.setdefault(tuple(intro), ("intro", " ".join(node.own_text.split())))
            continue
        if loose and structured:
            # "Đề nghị ... thực hiện nghiêm túc. Giao Công an tỉnh theo dõi ...": the closing
            # formula's sentence asks nothing new, the assignment after it is the task
            given = giving_after_closing(node.own_text) if node.kind == "text" else None
            text = node.own_text[given:] if given else None
            task = make_task(node, ctx, inherited=[], assigned_only=True, text=text)
            tasks.extend([task] if task else [])
            continue
        seen_clause = seen_clause or not loose
        if not structured and node.kind == "text":
            lender = _list_opener(node, ctx)
            if lender or clause_vocab()["list_intro"].search(fold(node.own_text[-80:])):
                continue  # "Giám đốc Sở X có trách nhiệm:", "..., UBND tỉnh đề nghị:" over items
        if not structured and node.kind in {"dash", "plus"} and lender:
            # "Đề nghị các cơ quan ... sau:" is an intro: an item's own actor overrides it
            weak = ctx.lent_by.get(tuple(lender), ("", ""))[0] == "intro"
            _visit(node, tasks, ctx, inherited=lender, weak=weak)
            continue
        before = len(tasks)
        _visit(node, tasks, ctx, inherited=intro, weak=True)
        if not structured and node.kind == "text":
            tasks[before:] = _letter_paragraph_tasks(tasks[before:], previous)
            if len(tasks) == before and previous is not None:
                # "Kết quả thực hiện báo cáo ... trước ngày ...": the task before's deadline
                _time_previous(node, previous, ctx)
            previous = tasks[-1] if len(tasks) > before else previous
            if len(tasks) > before:
                paragraphs.append(tasks[before:])
        else:
            previous = None
    _referred_deadlines(tasks, paragraphs)
    _closing_report_time(root, tasks, ctx)
    _named_above(root, tasks, ctx)
    return tasks


def _named_above(root: Node, tasks: list[Task], ctx: TaskContext) -> None:
    """A lead that is a group standing for the bodies a list above named ("Sở X yêu cầu
    (các) đơn vị nêu trên thực hiện ...", the list "... của các đơn vị: Công ty A (...);
    Công ty B (...)" before it): those bodies lead (FORMAT.md lead: the agencies that must
    do it). Without such a list the group stays as printed."""
    if not any(len(t.lead) == 1 and ctx.matcher.is_anaphoric(t.lead[0]) for t in tasks):
        return
    paragraphs = [p for n in root.walk() for p in n.paragraphs]
    for task in tasks:
        if len(task.lead) != 1 or not ctx.matcher.is_anaphoric(task.lead[0]):
            continue
        before = [p for p in paragraphs if p.end <= task.span[0]]
        for para in reversed(before):
            named = _listed_bodies(para.text, ctx)
            if named:
                task.lead = named
                break


def _listed_bodies(text: str, ctx: TaskContext) -> list[str]:
    """The bodies named after the last "các đơn vị:" of a paragraph, one to each ";" piece and
    a note in brackets ending it ("Công ty A (Gói thầu số 13 ...); Công ty B (...)"); [] without
    two such bodies."""
    heads = list(_listing_group().finditer(fold(text)))
    if not heads:
        return []
    names: list[str] = []
    for piece in _BRACKETED.sub("()", text[heads[-1].end() :]).split(";"):
        ex = ctx.matcher.expand(piece.split("(")[0].strip())
        found, _ = ctx.matcher.match_list(ex, 0)
        names += [m.name for m in found if not ctx.matcher.is_anaphoric(m.name)]
    return names if len(names) >= 2 else []


@lru_cache(maxsize=1)
def _listing_group() -> re.Pattern[str]:
    """A group, then a colon and the bodies it spells out ("của các đơn vị: Công ty A ...")."""
    groups = alternation(load_vocab("agencies")["listing_groups"])
    return re.compile(rf"\b(?:các|những)\s+(?:{groups})\s*:\s*")


_BRACKETED = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")


# A paragraph wholly in brackets, its closing stop after them ("(Bản sao ... gửi kèm)./.")
_BRACKETED_NOTE = re.compile(r"^\s*\([^()]*\)\W*$")


def _closing_report_time(root: Node, tasks: list[Task], ctx: TaskContext) -> None:
    """A letter's numbered items closed by a line with no actor that asks for the results by
    a date ("1. Giao Sở A ... trước ngày 16/9. 2. ... 4. Ủy ban nhân dân phường X nghiên cứu
    ... / Kết quả thực hiện báo cáo Ủy ban nhân dân tỉnh trước ngày 18/9/2026./."): the line
    is the deadline of every item without a date of its own (GENRE.md section 18). The line
    reads as the last item's later paragraph, which already takes its date, or is the last
    numbered item itself ("3. Kết quả thực hiện báo cáo ... trước ngày 15/5/2025.", GENRE.md
    section 22); the items with their own date, or a recurring timing, keep it."""
    body = [n for n in root.children if n.kind != "closing"]
    if len(body) < 2 or body[-1].kind != "number":
        return
    items = [n for n in body if n.kind == "number"]
    if len(items) < 2 or any(n.kind not in {"number", "text"} for n in body):
        return
    last = [body[-1], *body[-1].walk()][-1]
    lines = list(last.paragraphs)
    while len(lines) > 1 and _BRACKETED_NOTE.match(lines[-1].text):
        lines.pop()  # "(Bản sao y Quyết định số ... gửi kèm)./.": a note on what is enclosed
    if len(lines) < 2 and last is not body[-1]:
        return  # the line is a sub-item's own first paragraph: its text, not a closing line
    line = lines[-1]
    text = line.text[last.marker_len :] if len(lines) == 1 else line.text
    folded = fold(text)
    if not clause_vocab()["results_report"].match(folded):
        return
    if find_subject(text, ctx.matcher)[1].leads:
        return  # "Sở X báo cáo kết quả ...": that body's own task
    found = first_deadline(folded, year=ctx.year, masked=citation_spans(text))
    if found is None:
        return
    first = items[0].paragraphs[0].start
    for task in tasks:
        if first <= task.span[0] < line.start and not task.deadline and not task.recurrence:
            task.deadline = found.isoformat()


# "... hoàn thành ... theo thời gian được nêu tại khoản 1" (of this document: no "Điều",
# document type or "của" after the number): the time limit of the clause it points to
_REFERRED_TIME = re.compile(
    r"\btheo\s+(?:đúng\s+)?(?:thời\s+gian|thời\s+hạn)\s+(?:đã\s+)?(?:được\s+)?"
    r"(?:nêu|quy\s+định|xác\s+định|ghi)\s+(?:tại|ở)\s+(?:khoản|mục)\s+(\d{1,2})\b"
    r"(?!\s*(?:,\s*)?(?:điều|của|nghị|luật|thông\s+tư|quyết|chỉ\s+thị|kế\s+hoạch|công\s+văn|văn\s+bản))"
)


def _referred_deadlines(tasks: list[Task], paragraphs: list[list[Task]]) -> None:
    """A task timed by reference to another clause of the document ("... theo thời gian
    được nêu tại khoản 1") takes that clause's deadline: the task numbered so, or in a letter
    whose paragraphs lost their numbers, the tasks of its N-th paragraph that gives tasks."""
    for task in tasks:
        if task.deadline or "khoản" not in task.summary and "mục" not in task.summary:
            continue
        m = _REFERRED_TIME.search(fold(task.summary))
        if not m:
            continue
        n = int(m.group(1))
        numbered = [t for t in tasks if t.clause == str(n)]
        if not numbered and all(not t.clause for t in tasks) and 0 < n <= len(paragraphs):
            numbered = paragraphs[n - 1]
        dated = [t.deadline for t in numbered if t.deadline and t is not task]
        if dated:
            task.deadline = dated[0]


def _attendance(node: Node, roll: bool) -> tuple[bool, bool]:
    """Whether a loose paragraph belongs to a meeting's attendance roll ("Tham dự cuộc họp
    có ...", "Cùng dự có:" and the lines or dash items after it), and whether the roll goes
    on after it (no period closes it). The meeting's account or the conclusions ("Sau khi
    nghe ..., Thủ tướng kết luận như sau:") end the roll and are read as usual."""
    text = node.own_text
    folded = fold(text)
    if not roll:
        if "dự" not in folded and "tham gia" not in folded:
            return False, False
        m = clause_vocab()["attendance"].search(folded)
        if not m:
            return False, False
        folded = folded[m.end() :]
    if clause_vocab()["attendance_end"].search(folded):
        return False, False
    return True, not text.rstrip().endswith(".")


def _content_of_own_task(node: Node) -> bool:
    """The first item under an agency's heading whose own sentence is a task, headed by a
    content label ("1. Văn phòng X" / "Khẩn trương rà soát ..." / "- Nội dung rà soát và xử
    lý:" over "+" items): the bullets describe that task (FORMAT.md), no task of their own."""
    parent = node.parent
    if parent is None or len(parent.paragraphs) < 2 or parent.children[0] is not node:
        return False
    return bool(clause_vocab()["content_label"].match(fold(node.heading_text)))


def _background_intro(node: Node) -> bool:
    """A letter paragraph opening a list of background ("Lý do: Vi phạm quy định ..., cụ thể
    như sau:"): a non-task heading's word at its start, a colon at its end."""
    text = node.own_text.rstrip()
    return text.endswith(":") and bool(clause_vocab()["non_task"].match(fold(text[:80])))


_LABEL = re.compile(r"^[\s+\-–]*(?:[a-zđ]\)\s+)?([^:.;]{3,160}?):")


def _body_labels(node: Node, ctx: TaskContext) -> bool:
    """Each paragraph of an item without children names a body before a colon ("Hội X
    tỉnh Y: Không có khả năng ..."), the body alone before it (not after an assignment
    verb: "Yêu cầu các hội: Hội A, Hội B hoàn thành ..." spells out its assignees)."""
    if node.children or not node.paragraphs:
        return False
    texts = [node.heading_text] + [p.text for p in node.paragraphs[1:]]
    for text in texts:
        label = _LABEL.match(text)  # "đ) Hội X:" when a letter's marker was left
        if not label:
            return False
        ex, subject = find_subject(label.group(1), ctx.matcher)
        if not subject.leads or subject.assigned or ex.folded[subject.end :].strip():
            return False  # "Giao các sở: A, B ..." names its assignees, no body's case
    return True


def _letter_paragraph_tasks(new: list[Task], previous: Task | None) -> list[Task]:
    """A letter's unnumbered paragraph that only restates the task before it, to the same
    actor ("Đây là nhiệm vụ quan trọng, đề nghị Sở X khẩn trương ...", "Giám đốc Sở X chịu
    trách nhiệm trước ... nếu để chậm trễ"), goes on it (one clause, one task; a new action
    of the same actor, "Sở X tổng hợp, báo cáo ... trước ngày ...", stays a task of its own);
    so does one whose only actor is the related bodies cooperating ("Các cơ quan, đơn vị
    liên quan phối hợp thực hiện.")."""
    out = []
    v = clause_vocab()
    for task in new:
        same = previous is not None and {fold(n) for n in task.lead} == {
            fold(n) for n in previous.lead
        }
        if same and v["restatement"].search(fold(task.summary)):
            continue
        if task.rule == "subject" and v["generic_partners"].match(fold(task.summary)):
            continue
        out.append(task)
    return out


def _time_previous(node: Node, previous: Task, ctx: TaskContext) -> None:
    """A letter paragraph that gave no task and only times the task before it ("Kết quả
    thực hiện báo cáo Ủy ban nhân dân tỉnh trước ngày ..."): its deadline is that task's
    when it has none (FORMAT.md: the timing of an item belongs to it), its text goes on it."""
    text = node.own_text
    folded = fold(text)
    if previous.deadline or not clause_vocab()["deadline_paragraph"].match(folded):
        return
    found = first_deadline(
        folded, year=ctx.year, masked=citation_spans(text), recurrence=previous.recurrence
    )
    if found is None or not node.paragraphs:
        return
    previous.deadline = found.isoformat()
    previous.summary = f"{previous.summary} {' '.join(text.split())}"
    previous.span = (previous.span[0], max(previous.span[1], node.paragraphs[-1].end))


def _list_opener(node: Node, ctx: TaskContext) -> list[str]:
    """A paragraph of an unnumbered letter naming the party of the dash items after it
    ("Giám đốc Sở X có trách nhiệm:", "Đề nghị Sở Y thực hiện các nội dung sau:")."""
    if not node.own_text.rstrip().endswith(":"):
        return []
    ex, subject = find_subject(node.own_text, ctx.matcher)
    if PAST_OR_MODAL.match(ex.folded[subject.end :]):
        return []  # "Bộ X đã ban hành ..., cụ thể:" over the documents it cites
    lent = heading_agencies(node, ctx.matcher)
    if lent:
        rule = "intro" if subject.assigned else "heading"
        ctx.lent_by[tuple(lent)] = (rule, " ".join(node.own_text.split()))
    return lent


def _intro_agencies(node: Node, ctx: TaskContext) -> list[str]:
    text = node.own_text
    if not text.rstrip().endswith(":"):
        return []
    ex = ctx.matcher.expand(text)
    return intro_agencies(ex, ctx.matcher, ctx.addressees)


def _visit(
    node: Node, tasks: list[Task], ctx: TaskContext, *, inherited: list[str], weak: bool = False
) -> None:
    """`weak`: the inherited agencies come from an intro sentence, not from a heading, so a
    clause's own subject overrides them."""
    v = clause_vocab()
    if (
        node.children
        and v["non_task"].match(fold(node.own_text[:80]))
        and not _lead_in_sentence(node.heading_text)
    ):
        return  # "Kết quả đạt được", "TÌNH HÌNH THỰC HIỆN ...", "MỤC TIÊU": no tasks inside
    if node.children and examined_reports(node.own_text):
        return  # "Hội đồng nhân dân tỉnh xem xét các báo cáo ...:" over the reports examined
    if node.children and _content_of_own_task(node):
        return  # "- Nội dung rà soát và xử lý:" over "+" items: what the task above holds
    if node.children and v["visit"].match(fold(node.heading_text)):
        # "3. Đơn vị thăm:" over the places a delegation visits: only a request made to one
        # of them ("- Đề nghị Đồn Biên phòng X thông báo ...") is a task, no heading lends
        for item in node.walk():
            first = Node(
                item.kind,
                item.label,
                item.rank,
                item.paragraphs[:1],
                parent=item.parent,
                marker_len=item.marker_len,
            )
            for part in [first, *_paragraph_nodes(item)]:
                task = make_task(part, ctx, inherited=[], assigned_only=True)
                tasks.extend([task] if task else [])
        return
    if node.children and _membership(node.heading_text) and not _under_duties(node):
        return  # "4. Các Ủy viên Ban Chỉ đạo:" over "- Giám đốc Sở Y tế;": members, no tasks
    if node.children and _person_list(node):
        return  # "3. Các thành viên:" over "- Ông A - Giám đốc Sở Y tế;": a roll of members
    if not node.children:
        if _non_task_title(node):
            return  # "Điều 10. Xử lý vi phạm" / "Cơ quan, tổ chức, cá nhân vi phạm ..."
        if _topic_over_table(node):
            return  # "2. Đối với dự thảo ... của Hội đồng nhân dân, Ủy ban nhân dân bãi bỏ ...:"
        node = _after_effect_clause(node)
        lent = _lent_by_heading(node, ctx) if len(node.paragraphs) >= 2 else []
        if lent:  # "1. Công an tỉnh, các sở ..." then one paragraph per task
            ctx.lent_by[tuple(lent)] = ("heading", " ".join(node.heading_text.split()))
            for part in _paragraph_nodes(node):
                task = make_task(part, ctx, inherited=lent)
                tasks.extend([task] if task else [])
            return
        closing = bool(THI_HANH.search(fold(node.own_text)[-160:]))
        parts = [node] if role_attribute(node, "lead") else []  # "+ Cơ quan chủ trì: X"
        parts = parts or (
            [
                piece
                for para in _topic_paragraphs(node, ctx)
                # "Điều 2. Trách nhiệm thi hành" over one sentence "Ủy ban nhân dân tỉnh tổ
                # chức thực hiện ...; Thường trực ... giám sát ...": one task per actor, as in
                # an item (a paragraph of several sentences stays whole)
                for piece in (
                    actor_parts(para, ctx.matcher, ctx.roles)
                    if ";" in para.own_text and not _SENTENCE_BREAK.search(para.own_text)
                    else []
                )
                or [para]
            ]
            or _item_paragraphs(node, ctx, inherited, weak)
            or (
                actor_parts(node, ctx.matcher, ctx.roles)
                if (weak or not inherited) and not closing
                else []
            )
            or [node]
        )
        for part in parts:
            task = make_task(part, ctx, inherited=inherited, weak=weak)
            tasks.extend([task] if task else [])
        return
    fields = field_children(node)
    if fields:  # "1. Nội dung, biện pháp" / "2. Cơ quan chủ trì, phối hợp" / "3. Thời gian ..."
        _fields_task(node, fields, tasks, ctx, inherited=inherited, weak=weak)
        return
    if role_attribute(node, "lead") and any(role_attribute(c, "lead") for c in node.children):
        # "1. <work>" with its own "+ Đơn vị chủ trì: X" lines, then "- <work>" items with
        # theirs: the item's attributes are its own, so it is a task beside its items
        task = make_task(node, ctx, inherited=inherited, weak=weak)
        tasks.extend([task] if task else [])
    heading = _lent_by_heading(node, ctx)
    if heading and inherited and v["direct"].match(fold(node.heading_text)):
        heading = list(inherited)  # "- Chỉ đạo Sở X:" over "+" items under an actor: its tasks
    if heading:
        rule = "category_heading" if category_heading(node.heading_text) else "heading"
        ctx.lent_by[tuple(heading)] = (rule, " ".join(node.heading_text.split()))
    lead_sentence = _task_before_list(node) if heading else None
    children = node.children
    if lead_sentence:  # "2. Bộ X ... trước ngày 20/10/2024. Trong đó chú ý ... sau:"
        run = _run_under(node)
        text = f"{lead_sentence} {run}" if run else lead_sentence
        task = make_task(node, ctx, inherited=heading, text=text)
        tasks.extend([task] if task else [])
        if run:
            return  # "... . Cụ thể: (i) ...; (ii) ...; (iii) ...": the run spells out the task
        if _CONTENT_LIST.match(fold(node.own_text[len(lead_sentence) :])):
            # "... . Trong đó, tập trung làm rõ các nội dung sau:" over topics whose paragraphs
            # name no actor: what the task holds; a topic naming its own actor is its task
            children = [c for c in children if _names_actor(c, ctx)]
    elif heading:
        for para in _heading_own_paragraphs(node, ctx):
            # "4. Phân công chuẩn bị: Văn phòng X chuẩn bị ...; Sở Y chuẩn bị ..." over a
            # bullet: one task per actor, as without the bullet
            for part in actor_parts(para, ctx.matcher, ctx.roles) or [para]:
                task = make_task(part, ctx, inherited=heading)
                tasks.extend([task] if task else [])
    elif (own := _own_task_before_list(node)) and (
        find_subject(own, ctx.matcher)[1].leads or (inherited and weak)
    ):
        # "Trường hợp ..., Tổ chức X phối hợp ... kiểm tra, xác nhận .... Mức hỗ trợ cụ thể
        # như sau:" over levels: the sentences before the list are a task of their own actor
        task = make_task(node, ctx, inherited=inherited, weak=True, text=own)
        tasks.extend([task] if task else [])
    else:
        for part in _titled_paragraphs(node, ctx):
            task = make_task(part, ctx, inherited=inherited, weak=True)
            tasks.extend([task] if task else [])
    dash_only = all(c.kind in {"dash", "plus"} for c in node.children)
    if dash_only and not heading and (items := _chaired_field_items(node, ctx)):
        # "2. Tổ chức tập huấn ..." / "2.1. Cơ quan chủ trì: Công an tỉnh" over "- Cử cán bộ
        # ...", "- Phối hợp ..." / "2.2. Cơ quan phối hợp: ...": each dash is the chair's task
        for item in items:
            task = make_task(item, ctx, inherited=inherited, weak=weak)
            tasks.extend([task] if task else [])
        return
    if dash_only and heading and _content_intro(node):
        # "Sở X chủ trì tuyên truyền ... theo hướng:" over bullets: the content of one task
        task = make_task(node, ctx, inherited=heading, with_children=True)
        tasks.extend([task] if task else [])
        return
    if (
        dash_only
        and not heading
        and (not LIST_INTRO.search(node.heading_text) or _parts_intro(node))
        and not (inherited and not weak and _duty_intro(node.heading_text))
        and not clause_vocab()["topic"].match(fold(node.heading_text))
        and not _items_name_actors(node, ctx)
    ):
        task = make_task(node, ctx, inherited=inherited, weak=weak, with_children=True)
        tasks.extend([task] if task else [])
        return
    for child in children:
        _visit(child, tasks, ctx, inherited=heading or inherited, weak=weak and not heading)


# a numbered field line naming the chair ("2.1. Cơ quan chủ trì: Công an tỉnh")
_CHAIR_FIELD = re.compile(
    r"^\s*(\d{1,2}\.\d{1,2})\.?\s+(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+trì(?:\s+thực\s+hiện)?\s*:\s*\S"
)


def _chaired_field_items(node: Node, ctx: TaskContext) -> list[Node]:
    """An item whose numbered chair field ("2.1. Cơ quan chủ trì: X", read as its attribute)
    has its own dash items of work under it, before the next field line: each dash as a task
    of that field's path with the item's fields (FORMAT.md: lead from the chủ trì line); []
    when a dash names its own actor or there are fewer than two."""
    if len(node.children) < 2 or not role_attribute(node, "lead"):
        return []
    for i, para in enumerate(node.paragraphs[1:], 1):
        field_line = _CHAIR_FIELD.match(fold(para.text))
        if field_line is None:
            continue
        end = node.paragraphs[i + 1].start if i + 1 < len(node.paragraphs) else None
        under = [
            c
            for c in node.children
            if c.paragraphs
            and para.end <= c.paragraphs[0].start
            and (end is None or c.paragraphs[0].start < end)
        ]
        if len(under) != len(node.children) or any(
            opens_with_actor(c.own_text, ctx.matcher) for c in under
        ):
            return []
        chair = Node("number", field_line.group(1), node.rank + 0.5, [para], parent=node)
        return [
            Node(
                c.kind,
                c.label,
                c.rank,
                c.paragraphs,
                parent=chair,
                marker_len=c.marker_len,
                attributes=dict(node.attributes),
            )
            for c in under
        ]
    return []


_SENTENCE_BREAK = re.compile(rf"\.\s+[{UPPER}]")

# the sentence opening a task's list of its own content (vocab.yaml `content_list_openers`)
_CONTENT_LIST = re.compile(rf"\W*(?:{alternation(load_vocab('vocab')['content_list_openers'])})\b")


def _names_actor(node: Node, ctx: TaskContext) -> bool:
    """A paragraph of the item or of any item under it opens with an actor of its own."""
    for item in [node, *node.walk()]:
        for i, para in enumerate(item.paragraphs):
            text = para.text[item.marker_len :] if i == 0 else para.text
            if opens_with_actor(text, ctx.matcher):
                return True
    return False


# an opener that names its items as duties ("... thực hiện các nhiệm vụ sau:"), not as the
# content of one ("... bao gồm:")
_DUTY_LIST = re.compile(
    r"(?:các|những|một\s+số)\s+(?:nhiệm\s+vụ|công\s+việc)(?:\s+cụ\s+thể)?\s+(?:sau(?:\s+đây)?|như\s+sau)\s*:\s*$",
    re.IGNORECASE,
)


def _numbered_items(node: Node) -> bool:
    """The node's items are all numbered or lettered ("a) ...", "(1) ..."), none a bullet."""
    return all(c.kind in ITEM_KINDS for c in node.children)


def _run_under(node: Node) -> str | None:
    """The only item under a heading's task sentence when it is a whole list run together on
    one line ("(i) Rà soát ...; (ii) Tổ chức ...; (iii) Phối hợp ..."): what that one task
    holds (FORMAT.md: content of one task stays inside it), not tasks of their own."""
    if len(node.children) != 1:
        return None
    child = node.children[0]
    if child.children or len(child.paragraphs) != 1 or not inline_run(child.paragraphs[0].text):
        return None
    return child.paragraphs[0].text


_DUTY_WORDS = re.compile(r"\b(?:trách\s+nhiệm|nhiệm\s+vụ)\b")


def _membership(heading: str) -> bool:
    """A heading over the members of a council or working group, not over their duties."""
    folded = fold(heading)
    return bool(clause_vocab()["membership"].match(folded)) and not _DUTY_WORDS.search(folded)


# an item naming a person: "- Ông Nguyễn Văn A - Giám đốc Sở X;", "+ Đồng chí B, ..."
_PERSON_ITEM = re.compile(rf"^\W*(?:[Bb]à|[Ôô]ng|[Đđ]ồng\s+chí|[Đđ]/[Cc])\s+[{UPPER}]")


def _person_list(node: Node) -> bool:
    """A list whose items are mostly persons by name (a council's roll under any heading,
    "3. Các thành viên:"): the office-holder items among them ("- Giám đốc: Đài X, Bưu điện
    Y;") name members too, not tasks."""
    items = [c for c in node.children if c.kind in {"dash", "plus"}]
    if len(items) < 3 or len(items) < len(node.children):
        return False
    persons = sum(1 for c in items if _PERSON_ITEM.match(c.own_text))
    return 2 * persons >= len(items)


def _under_duties(node: Node) -> bool:
    """ "3. Phó Trưởng ban:" under "Điều 8. Nhiệm vụ của các thành viên": an office-holder
    heading over the duties of that office, not over a list of members."""
    return any(_DUTY_WORDS.search(fold(a.heading_text)) for a in node.ancestors())


_LEAD_IN = re.compile(r"^\W*(?:căn\s+cứ|trên\s+cơ\s+sở)\s")


def _lead_in_sentence(heading: str) -> bool:
    """ "Điều 2. Căn cứ kết quả hệ thống hóa ... được công bố tại Điều 1:" over items that
    assign: a lead-in sentence, not a "Căn cứ" section ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH")."""
    text = heading.rstrip()
    return (
        text.endswith(":")
        and len(text.split()) > 6
        and not is_upper_line(text)
        and bool(_LEAD_IN.match(fold(text)))
    )


def _fields_task(
    node: Node,
    fields: tuple[Node, Node | None],
    tasks: list[Task],
    ctx: TaskContext,
    *,
    inherited: list[str],
    weak: bool,
) -> None:
    """One task for an item whose sub-items are its fields (task_fields.py); the content
    field's items are visited as usual (actorless, they give no task of their own)."""
    role, time = fields
    item = Node(node.kind, node.label, node.rank, node.paragraphs, parent=node.parent)
    item.marker_len = node.marker_len
    names = lead_names(role)
    if names:
        item.attributes["cơ quan chủ trì"] = names
    if time_text(time):
        item.attributes[TIME_KEYS[0]] = time_text(time)
    task = make_task(item, ctx, inherited=inherited, weak=weak)
    tasks.extend([task] if task else [])
    for child in node.children:
        if child is not role and child is not time:
            _visit(child, tasks, ctx, inherited=inherited, weak=weak)


def _after_effect_clause(node: Node) -> Node:
    """An article opening with its effect clause ("Điều 4. Quyết định này có hiệu lực kể từ
    ngày ký.") over paragraphs that assign ("Đề nghị ... . Thanh tra tỉnh, Công an tỉnh ...
    tham mưu ..."): the article without that clause."""
    if node.kind != "article" or len(node.paragraphs) < 2:
        return node
    if not opens_with_closing(fold(node.heading_text)):
        return node
    return Node(node.kind, node.label, node.rank, node.paragraphs[1:], parent=node.parent)


def _non_task_title(node: Node) -> bool:
    """An article or item titled like a background section, over its paragraphs."""
    title = node.heading_text
    if len(node.paragraphs) < 2 or len(title.split()) > 10 or title.rstrip().endswith("."):
        return False
    return bool(clause_vocab()["non_task"].match(fold(title)))


# a heading ending with its speaker's verb before the list ("..., Chủ tịch UBND tỉnh chỉ đạo:")
_SPEAKS_LIST = re.compile(
    rf"\s(?:{alternation(load_vocab('vocab')['speaker_verbs'])})(?:\s+(?:như\s+sau|sau))?\s*:\s*$"
)


# a web copy's stand-in for a table it lost ("<jsontable name="bang_3"> </jsontable>")
_LOST_TABLE = re.compile(r"<jsontable\b[^>]*>(?:[^<]*</jsontable>)?|</jsontable>")
_NOUN_TOPIC = re.compile(r"\W*(?:đối\s+với|về)\s")


def _topic_over_table(node: Node) -> bool:
    """A topic line that only opens a table ("2. Đối với dự thảo Nghị quyết ... của Hội đồng
    nhân dân, Ủy ban nhân dân bãi bỏ, sửa đổi, bổ sung một số điều:" over a lost table): what
    the rows are about, no task; the bodies in it are the drafts' owners, not actors."""
    text = node.own_text
    if "jsontable" not in text:
        return False  # (a cheap test: most clauses)
    rest = _LOST_TABLE.sub("", text).rstrip()
    return rest.endswith(":") and bool(_NOUN_TOPIC.match(fold(rest)))


def _lent_by_heading(node: Node, ctx: TaskContext) -> list[str]:
    """The agencies a heading lends: named in the vocabulary, or by the heading's form
    ("Điều 7. Phòng X quận - huyện có nhiệm vụ", "Trách nhiệm của Tổ công tác ...")."""
    text = node.heading_text if node.kind != "text" else node.own_text
    named = heading_agencies(node, ctx.matcher)
    if (
        not named
        and node.kind != "text"
        and len(node.paragraphs) >= 2
        and (_task_before_list(node) or _numbered_items(node) or _DUTY_LIST.search(node.own_text))
    ):
        # "5. Sở X" / "Chủ trì ... triển khai ... . Cụ thể:" over its items, or "Chủ trì ...
        # thực hiện các nhiệm vụ sau:" over "a) ...", "b) ...": the opener acts without naming
        # its actor, the title is the agency (dash items after one sentence may be its content)
        named = title_agencies(node, ctx.matcher)
    if (
        len(named) == 1
        and ctx.issuer
        and (
            fold(named[0]) == fold(ctx.issuer)
            # its short name ("Căn cứ ..., Chủ tịch UBND tỉnh chỉ đạo:" in a decision of the
            # "Ủy ban nhân dân tỉnh Lâm Đồng"): its own acts follow ("3. Phê bình ...")
            or (
                fold(ctx.issuer).startswith(fold(named[0]) + " ")
                and bool(_SPEAKS_LIST.search(fold(text)))
            )
        )
        and not clause_vocab()["own_duties"].search(fold(text))
    ):
        named = []  # the issuer speaking ("..., Ủy ban Thường vụ Quốc hội quyết định ... sau:")
    elif speaker_gives(text, named, ctx.issuer) and not clause_vocab()["own_duties"].search(
        fold(text)
    ):
        named = []  # "Điều 2. Hội đồng nhân dân tỉnh giao" / "... thông qua ... nhiệm vụ ... sau:"
    if named and appraisal(text, fold(text), ctx) and not requested_agencies(text, ctx.matcher):
        named = []  # "Hội đồng nhân dân tỉnh thống nhất với nội dung ..., cụ thể như sau:"
    party = party_heading(text, ctx.matcher)
    if party and len(", ".join(party)) > len(", ".join(named)):
        return party  # "Ủy ban nhân dân phường - xã, thị trấn" beyond "... phường"
    return named


_DUTY_INTRO = re.compile(
    r"(?:(?:có|chịu)\s+(?:trách\s+nhiệm|nhiệm\s+vụ)"
    # "- Chủ trì, phối hợp với các sở ... tham mưu Ủy ban nhân dân tỉnh:" over "+" items: each
    # item is a matter to advise on, a task of its own
    r"|\btham\s+mưu(?:\s+(?:cho|với))?(?:\s+[^\s:,.;]+){0,8})\s*:\s*$"
)


def _content_intro(node: Node) -> bool:
    """A paragraph of the item says how its task is to be done before its bullets ("...
    tuyên truyền trên các phương tiện thông tin đại chúng theo hướng:"): the bullets are the
    content of that one task (FORMAT.md)."""
    pattern = clause_vocab()["content_intro"]
    return any(pattern.search(fold(p.text.rstrip())) for p in node.paragraphs)


def _parts_intro(node: Node) -> bool:
    """A dash item acting on a thing and listing its parts ("- Lập hồ sơ hoàn công cho từng
    hộ, bao gồm:" over "+ Đơn ...;", "+ Biên bản ...;"): the "+" items are its content. A list
    of work ("Các nhiệm vụ gồm:") or of members stays a list."""
    if node.kind != "dash":
        return False
    folded = fold(node.heading_text)
    v = clause_vocab()
    intro = v["parts_intro"].search(folded)
    return bool(intro) and not v["work_noun"].search(folded, 0, intro.start())


def _duty_intro(text: str) -> bool:
    """An item of an agency's list opening its own list of duties ("4. Hằng tháng ...,
    Ủy ban nhân dân xã phải ... và có trách nhiệm:" over dash items, "- Chủ trì ... tham mưu
    Ủy ban nhân dân tỉnh:" over "+" items): one task per item."""
    return bool(_DUTY_INTRO.search(fold(text)))


_ROLE_TITLE = re.compile(r"^\W*(?:trách\s+nhiệm|nhiệm\s+vụ)\b")


def _heading_own_paragraphs(node: Node, ctx: TaskContext) -> list[Node]:
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
            if party_heading(text, ctx.matcher) or _ROLE_TITLE.match(fold(text)):
                continue  # "Kho bạc ... có nhiệm vụ", "Trách nhiệm của các bộ ...; Ủy ban ..."
            ex, subject = find_subject(text, ctx.matcher)
            if len(ex.folded[subject.end :].split()) < 10:
                continue
            if not text.rstrip().endswith((".", ";", "!")):
                continue  # a title naming the party ("4. Các đơn vị được giao quản lý tài sản")
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


def _item_paragraphs(node: Node, ctx: TaskContext, inherited: list[str], weak: bool) -> list[Node]:
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


def _items_name_actors(node: Node, ctx: TaskContext) -> bool:
    """Items with their own lead ("- A" + "Cơ quan chủ trì: X"; "2. Về ..." over
    "- Sở X ...", "- Sở Y ..."; "- <action>, do Sở X thực hiện."): each is a task, not the
    content of one."""
    return any(
        role_attribute(c, "lead")
        or find_subject(c.own_text, ctx.matcher)[1].leads
        or inline_roles(c.own_text, ctx.matcher)[0]
        for c in node.children
    )


_LIST_SENTENCE = re.compile(rf"(?<=[.;])\s+(?=[{UPPER}][^.;]*:\s*$)")


def _own_task_before_list(node: Node) -> str | None:
    """The last paragraph above a list when it acts before opening the list."""
    if len(node.paragraphs) < 2:
        return _task_before_list(node)
    return _task_before_list(node, node.paragraphs[-1].text)


def _task_before_list(node: Node, text: str | None = None) -> str | None:
    """A heading that assigns a task of its own before opening its list: the task sentence
    ("Bộ Tài chính ... trình Thủ tướng ... trước ngày 20/10/2024. Trong đó chú ý ... sau:")."""
    text = node.own_text if text is None else text
    if text.rstrip()[-1:] != ":":
        return None  # what both patterns end with (a search tries them at every space)
    if not LIST_INTRO.search(text) and not _DUTY_OPENER.search(text):
        return None
    parts = _LIST_SENTENCE.split(text, maxsplit=1)
    if len(parts) != 2:  # "X phải tiến hành ngay việc chi trả ... và có trách nhiệm:"
        parts = _DUTY_OPENER.split(text, maxsplit=1)
    if len(parts) != 2 or len(parts[0].split()) < 12:
        return None
    return parts[0]


# one sentence that acts, then opens its list of further duties
_DUTY_OPENER = re.compile(
    r"(?:,\s*|\s+)(?:và|đồng\s+thời)\s+(?:có|chịu)\s+(?:trách\s+nhiệm|nhiệm\s+vụ)"
    r"(?:\s+[^\s.;:]+){0,3}\s*:\s*$"
)


def _titled_paragraphs(node: Node, ctx: TaskContext) -> list[Node]:
    """A section title in capitals ("III. TỔ CHỨC THỰC HIỆN") over a paragraph naming its own
    actor ("Thủ trưởng các sở ... có trách nhiệm chỉ đạo ...") and then its numbered list:
    the paragraph is a clause of the section's path (one opening the list, ending with ":",
    is not)."""
    if len(node.paragraphs) < 2 or not is_upper_line(node.heading_text):
        return []
    parts = [p for p in _paragraph_nodes(node) if not p.paragraphs[0].text.rstrip().endswith(":")]
    return [p for p in parts if find_subject(p.own_text, ctx.matcher)[1].leads]


def _topic_paragraphs(node: Node, ctx: TaskContext) -> list[Node]:
    """A topic line ("- Về nội dung trao đổi tín chỉ các-bon ra nước ngoài:", "3. Hệ thống
    đăng ký quốc gia ...") followed by paragraphs that name their own actors: each paragraph
    is a clause of the same path."""
    if len(node.paragraphs) < 2:
        return []  # most items: one paragraph (its heading not split into words)
    heading = node.heading_text.rstrip()
    topic = heading.endswith(":") or (
        len(heading.split()) <= 25 and not heading.endswith((".", ";"))
    )
    if not topic:
        return []
    parts = _paragraph_nodes(node)
    named = [bool(find_subject(p.own_text, ctx.matcher)[1].leads) for p in parts]
    if find_subject(node.heading_text, ctx.matcher)[1].leads:
        # a heading naming bodies it does not lend ("2. Các cơ quan chuyên trách ...; các
        # chi bộ") over paragraphs that each name their own actor
        return parts if all(named) and not heading.endswith(":") else []
    return parts if any(named) else []
