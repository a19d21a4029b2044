"""One clause, several actors: the parts of a clause that each open with their own actor.

An unnumbered paragraph of a letter ("Ủy ban nhân dân các phường, xã có trách nhiệm ...;
Thủ trưởng các cơ quan, đơn vị chỉ đạo ...") or an item whose later paragraph opens with
another body ("9. Các Bộ, ngành ... báo cáo ..." / "Bộ Kế hoạch và Đầu tư chịu trách
nhiệm hướng dẫn ...") holds one task per actor. A sentence or paragraph without an actor
of its own goes on the part before it; one whose actor only coordinates ("Các cơ quan
liên quan phối hợp ...") too.
"""

from __future__ import annotations

import re

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.fields.role_holders import role_subject
from dxtrack.extraction.fields.subjects import Subject, ends_on_partners, find_subject
from dxtrack.extraction.normalize import Paragraph
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import alternation
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

# a sentence ends at "." or ";" before a capital (the next sentence's subject), at ";" before a
# new "giao X ..." ("... giao Sở A ...; giao Sở B ...": two assignments), or at ";" before a
# connective and its comma fronting a capitalised name ("...; đồng thời, Ủy ban nhân dân tỉnh
# X rà soát ...": vocab.yaml `connective_lead_ins`)
_SENTENCE_END = re.compile(
    rf"(?<=[.;])\s+(?=[{UPPER}])|(?<=;)\s+(?=(?:giao|phân\s+công)\s+\w)"
    rf"|(?<=;)\s+(?=(?:{alternation(load_vocab('vocab')['connective_lead_ins'])}),\s+[{UPPER}])"
)
# in an item, at a full stop; at ";" only between parallel chairs ("1. Bộ A chủ trì ...; Bộ B
# chủ trì, phối hợp ..."): a list of names or actions cut by ";" stays whole
_CHAIRS = re.compile(
    r"\s*(?:chủ\s+trì|làm\s+đầu\s+mối|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|có\s+nhiệm\s+vụ)\b"
)
_ITEM_END = re.compile(rf"(?<=\.)\s+(?=[{UPPER}])|;\s+(?=\w)")
_SEMICOLON = re.compile(r";\s+(?=\w)")
# a part after ";" that directs or asks another body ("...; chỉ đạo Ban B thu phí ...", "...;
# yêu cầu các đơn vị gửi báo cáo ..."): the work of the actor before (vocab.yaml
# `direct_verbs`, `direct_requests`)
_DIRECTED = re.compile(
    rf"\W*(?:{alternation([*load_vocab('vocab')['direct_verbs'], *load_vocab('vocab')['direct_requests']])})\s"
)
_GIVES = re.compile(r"\W*(?:giao|phân\s+công)\s")
_BASIS_FRONT = re.compile(r"\W*(?:trên\s+cơ\s+sở|căn\s+cứ)\s[^.;:]{0,200}?,\s")
# a full stop before a sentence that gives work ("... . Giao Thanh tra tỉnh theo dõi ..."),
# the verbs of vocab `give_verbs`
_GIVING_SENTENCE = re.compile(
    rf"(?<=\.)\s+(?=[{UPPER}])(?=(?i:{alternation(load_vocab('vocab')['give_verbs'])})\s)"
)
# an actor that does not act on its own: "đã / sẽ ...", "phối hợp (với) ...", "tham gia ..."
# (it serves the part before, vocab.yaml `partaking_verbs`); "X phối hợp về <topic>" names the
# topic it answers for itself, its own part
_NOT_ACTING = re.compile(
    r"\s*(?:,\s*)?(?:đã|đang|sẽ|có\s+thể|vừa|phối\s+hợp(?!\s+về\b)|được|là|gồm|có\s+(?:công\s+văn|văn\s+bản|"
    rf"tờ\s+trình|báo\s+cáo)\s+số|{alternation(load_vocab('vocab')['partaking_verbs'])})\b"
)


_CITATION_LEAD_IN = re.compile(
    rf"^\W*(?:{alternation(load_vocab('vocab')['citation_lead_ins'])})\s"
)

# clauses whose one paragraph is cut into sentences: a letter's unnumbered paragraph, a
# decision's article ("Điều 4. Đề nghị ... phối hợp ... . Thanh tra tỉnh, Công an tỉnh ...")
_ONE_PARAGRAPH_KINDS = {"text", "article", "number", "letter", "paren", "lroman"}


def actor_parts(
    node: Node, matcher: AgencyMatcher, roles: dict[str, tuple[str, ...]] | None = None
) -> list[Node]:
    """The clause cut where a paragraph (or, in an unnumbered paragraph, a sentence) opens
    with an actor other than the one before; [] when it holds one actor."""
    units = _units(node)
    if len(units) < 2:
        return []
    if node.kind != "text" and len(node.paragraphs) == 1:
        first = units[0].text[node.marker_len :]
        if not find_subject(first, matcher)[1].leads:
            return []  # an item's actorless sentence and a "Giao X ..." after it: one task
    groups: list[list[Paragraph]] = []
    current: frozenset[str] | None = None
    listing = False  # the unit before ended on its names ("đề nghị Sở A; Sở B; ..."): a list
    partnered = False  # ... on its partners' names after a chair ("..., phối hợp với Sở A.")
    cited = False  # the first unit, actorless, only cites a direction ("Thực hiện ... số ...")
    before = ""
    run_on = False  # the unit before was cut off at ";" too
    for unit in units:
        text = unit.text[node.marker_len if unit is units[0] else 0 :]
        # after ";" only parallel chairs part ("Bộ A chủ trì ...; Bộ B chủ trì ...")
        chairing = _after_semicolon(node, unit)
        directed = chairing and bool(_DIRECTED.match(fold(text)))
        if chairing and _named_acts(text, matcher) and _named_acts(before, matcher):
            chairing = False  # "Sở A thẩm định ...; Sở B hướng dẫn ...": two named actors
        elif (
            chairing
            and _group_acts(text, matcher)
            and (
                _acts(before, matcher)
                or _fronted_acts(before, matcher)
                or current is not None
                and run_on
            )
        ):
            # "...; các trường tổ chức ...": two; also after an actor fronted by a lead-in
            # ("Căn cứ ..., Thường trực ... quyết định ...; các Ban ... quyết định ...") and
            # after an actorless part that ";" cut off an actor's ("Sở A có trách nhiệm ...;
            # báo cáo ...; các cơ quan X thực hiện ...")
            chairing = _ends_on_names(before, matcher)
        run_on = _after_semicolon(node, unit)
        if directed:
            actor, listing_next = None, False  # "Giao Sở A ...; chỉ đạo Ban B ...": A's work
        elif chairing and not (
            _chairs(before, matcher)
            or _chairs(text, matcher)  # "...; chủ dự án chủ trì phối hợp với ... tổ chức ..."
            and _named_subject(before, matcher)  # (after a group, "Các bộ ...; Bộ X chủ trì ...")
            or _duty(text, matcher)
            and _acts(before, matcher)
        ):
            actor, listing_next = None, False
        else:
            # a later paragraph of its own may front its actor with a lead-in ("Trong quá
            # trình ..., các Bộ, ngành ... rà soát ..."); a sentence inside one may not
            whole = len(node.paragraphs) >= 2 and any(
                unit.start == p.start for p in node.paragraphs[1:]
            )
            actor, listing_next = _opening_actor(text, matcher, chairing=chairing, whole=whole)
            if actor is None and not chairing and (held := role_subject(text[:200], roles or {})):
                # "Tổ trưởng Tổ giúp việc phê duyệt ...": a role its document gives a body
                actor = frozenset(fold(name) for name in held)
        before = text
        # a paragraph of its own opening with "Giao X ..." is a new assignment, to X again too
        again = actor is not None and len(node.paragraphs) >= 2 and bool(_GIVES.match(fold(text)))
        if actor is not None and not again and "," in text[:200] and len(node.paragraphs) >= 2:
            # a paragraph of its own fronting its actor with a basis ("Trên cơ sở ..., Ủy ban
            # nhân dân tỉnh thống nhất với ..."): new work of the same actor, a task of its own
            again = bool(_BASIS_FRONT.match(fold(text))) and any(
                unit.start == p.start for p in node.paragraphs[1:]
            )
        if partnered and actor is not None and find_subject(text, matcher)[1].assigned:
            partnered = False  # "... phối hợp với Sở B. Giao Sở C ...": a new assignment
        if groups and (actor is None or actor == current and not again or listing or partnered):
            groups[-1].append(unit)
        else:
            groups.append([unit])
            cited = cited or len(groups) == 1 and actor is None and _cites_only(text)
            current = actor if actor is not None else current
        # a list of names cut by ";" runs on to the end of its sentence; a chair's sentence
        # ending on its partners' names ("Giao Sở X chủ trì, phối hợp với Sở A, Sở B.") runs on
        # past its full stop, a slip, to the work the next sentence names
        listing = (listing or listing_next) and not text.rstrip().endswith(".")
        partnered = "phối hợp" in text and _partners_only(text, matcher)
    if len(groups) < 2:
        return []
    if cited and len(groups[0]) == 1:
        # "8. Thực hiện ý kiến chỉ đạo của X tại Công văn số ... ." over "Cục Thuế đề nghị ...":
        # the direction the next part carries out, no task of its own
        return [_part(node, group, first=False) for group in groups[1:]]
    return [_part(node, group, first=i == 0) for i, group in enumerate(groups)]


def _cites_only(text: str) -> bool:
    """One sentence that only cites the direction carried out ("Thực hiện ý kiến chỉ đạo của
    Bộ X tại Công văn số ... về việc ... .", vocab.yaml `citation_lead_ins`)."""
    head = text[:40].lower()
    if "thực hiện" not in head and "căn cứ" not in head and "triển khai" not in head:
        return False  # the words every entry opens with: a cheap test
    body = text.strip().rstrip("./")
    return not re.search(r"[.;:]\s", body) and bool(_CITATION_LEAD_IN.match(fold(body)))


def _units(node: Node) -> list[Paragraph]:
    if len(node.paragraphs) >= 2:
        # a later paragraph cut where a sentence gives work anew ("Thủ trưởng các sở ...
        # báo cáo ... . Giao Thanh tra tỉnh theo dõi, đôn đốc ..."): two assignments; an
        # item's or article's paragraph also at ";", as the item of one paragraph ("Sở A
        # thẩm định ...; Sở B hướng dẫn ...": two actors, under the same ";" rules)
        if node.kind == "text" or node.kind not in _ONE_PARAGRAPH_KINDS:
            return [node.paragraphs[0]] + [
                u for para in node.paragraphs[1:] for u in _cut(para, _GIVING_SENTENCE)
            ]
        return _cut(node.paragraphs[0], _SEMICOLON, node.marker_len) + [
            u
            for para in node.paragraphs[1:]
            for piece in _cut(para, _GIVING_SENTENCE)
            for u in _cut(piece, _SEMICOLON)
        ]
    if node.kind not in _ONE_PARAGRAPH_KINDS or not node.paragraphs:
        return []
    ends = _SENTENCE_END if node.kind == "text" else _ITEM_END  # "...; UBND các huyện" in an item
    return _cut(node.paragraphs[0], ends, node.marker_len)  # not after "1." of the marker


def _cut(para: Paragraph, ends: re.Pattern[str], pos: int = 0) -> list[Paragraph]:
    out: list[Paragraph] = []
    start = 0
    for m in ends.finditer(para.text, pos):
        out.append(_slice(para, start, m.start()))
        start = m.end()
    out.append(_slice(para, start, len(para.text)))
    return [u for u in out if u.text.strip()]


def _slice(para: Paragraph, start: int, end: int) -> Paragraph:
    return Paragraph(para.start + start, para.start + end, para.text[start:end])


def _after_semicolon(node: Node, unit: Paragraph) -> bool:
    """An item's part cut off at ";" (not a sentence of its own), in any of its paragraphs."""
    if node.kind == "text" or node.kind not in _ONE_PARAGRAPH_KINDS and len(node.paragraphs) != 1:
        return False
    for para in node.paragraphs:
        if para.start <= unit.start < para.end:
            return para.text[: unit.start - para.start].rstrip().endswith(";")
    return False


def _partners_only(text: str, matcher: AgencyMatcher) -> bool:
    """The part gives a chair and ends on its partners' names, no work named."""
    return ends_on_partners(*find_subject(text, matcher), matcher)


def _chairs(text: str, matcher: AgencyMatcher) -> bool:
    """The part opens with an actor that chairs ("Bộ A chủ trì, phối hợp ...")."""
    ex, subject = find_subject(text, matcher)
    return bool(subject.leads) and bool(_CHAIRS.match(ex.folded, subject.end))


_DUTY = re.compile(r"\s*(?:có|chịu)\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\b")


def _duty(text: str, matcher: AgencyMatcher) -> bool:
    """The part opens with an actor given a duty ("Bộ B có trách nhiệm ...")."""
    ex, subject = find_subject(text, matcher)
    return bool(subject.leads) and bool(_DUTY.match(ex.folded, subject.end))


def _named_subject(text: str, matcher: AgencyMatcher) -> bool:
    """The part has a subject of named bodies, no group, a fronted phrase allowed ("Đối với
    mộ vô chủ, Tổ chức làm nhiệm vụ bồi thường lập phương án ...")."""
    leads = find_subject(text, matcher)[1].leads
    return bool(leads) and not any(fold(m.name).startswith(("các ", "quý ")) for m in leads)


def opens_with_actor(text: str, matcher: AgencyMatcher) -> bool:
    """The text opens with agencies that act in it ("Sở X rà soát ..."; not "Sở X là cơ quan
    ...", not a name inside a lead-in)."""
    return _acts(text, matcher)


def _acts(text: str, matcher: AgencyMatcher) -> bool:
    """The part opens with its own actor ("Bộ A, Bộ B trong phạm vi ... có trách nhiệm ...")."""
    actor, _ = _opening_actor(text, matcher)
    return actor is not None


def _named_acts(text: str, matcher: AgencyMatcher) -> bool:
    """The part opens with named bodies that act, no group ("Sở A thẩm định ...; Sở B hướng
    dẫn ..." are two tasks; "Các bộ ...; Bộ X chủ trì ..." stays one)."""
    actor, _ = _opening_actor(text, matcher)
    return actor is not None and not any(name.startswith(("các ", "quý ")) for name in actor)


def _fronted_acts(text: str, matcher: AgencyMatcher) -> bool:
    """The part's actor acts in it after a lead-in ("Căn cứ vào chương trình ..., Thường trực
    Hội đồng nhân dân tỉnh quyết định ...")."""
    ex, subject = find_subject(text, matcher)
    if not subject.leads or not subject.lead_in or subject.mid:
        return False
    rest = len(re.findall(r"\w+", ex.folded[subject.end :]))
    return rest >= 3 and not _NOT_ACTING.match(ex.folded, subject.end)


def _group_acts(text: str, matcher: AgencyMatcher) -> bool:
    """The part opens with a group or category that acts ("các trường trung học phổ thông tổ
    chức tuyển sinh ..."; GENRE.md §15, decided in session 16): a task of its own after ";"."""
    actor, _ = _opening_actor(text, matcher)
    return actor is not None and any(name.startswith(("các ", "quý ")) for name in actor)


def _ends_on_names(text: str, matcher: AgencyMatcher) -> bool:
    """The part ends on the bodies its verb acts on ("... hướng dẫn Ủy ban nhân dân các
    huyện"): a list of objects that runs on past ";", not a subject of its own after it."""
    ex = matcher.expand(text.rstrip(" ;"))
    found = matcher.find_all(ex)
    return bool(found) and not ex.folded[found[-1].end :].strip(" ,;.")


def _opening_actor(
    text: str, matcher: AgencyMatcher, *, chairing: bool = False, whole: bool = False
) -> tuple[frozenset[str] | None, bool]:
    """The agencies a sentence opens with when they act in it, and whether the sentence
    ends on its names (a list of bodies cut by ";"); with `chairing`, only an actor that
    chairs counts."""
    ex, subject = find_subject(text, matcher)
    if not subject.leads:
        return None, False
    if chairing and not _CHAIRS.match(ex.folded, subject.end):
        return None, False  # "...; yêu cầu các đơn vị gửi báo cáo ...": still the item's actor
    rest = len(re.findall(r"\w+", ex.folded[subject.end :]))
    lead_in = (
        subject.lead_in
        and not whole
        and not _conditional_duty(ex.folded, subject)
        and not _CONNECTIVE.match(ex.folded, 0, subject.leads[0].start)
    )
    if subject.mid or lead_in or rest < 3 or _NOT_ACTING.match(ex.folded, subject.end):
        return None, rest < 1  # a report, a coordinator, or a name in a list ("Công an tỉnh;")
    return frozenset(fold(m.name) for m in subject.leads), False


_THEN = re.compile(r"\bthì\s*$")
# "Đồng thời, " alone before the actor (vocab.yaml `connective_lead_ins`)
_CONNECTIVE = re.compile(
    rf"\W*(?:{alternation(load_vocab('vocab')['connective_lead_ins'])})\s*,?\s*$"
)


def _conditional_duty(folded: str, subject: Subject) -> bool:
    """A sentence fronting its actor with a condition ("Trường hợp hộ gia đình không tự làm
    được thì Ủy ban nhân dân xã có trách nhiệm ...") that gives it a duty or the chair: the
    actor's own part, not a lead-in to the part before."""
    if not _THEN.search(folded, 0, subject.leads[0].start):
        return False
    return bool(_DUTY.match(folded, subject.end) or _CHAIRS.match(folded, subject.end))


def _part(node: Node, group: list[Paragraph], *, first: bool) -> Node:
    if len(node.paragraphs) >= 2 and len(group) >= 2:
        paras = _rejoined(node, group)  # the ";" parts of one paragraph: one paragraph again
    elif len(group) == 1 or node.kind not in _ONE_PARAGRAPH_KINDS or len(node.paragraphs) >= 2:
        paras = group
    else:  # sentences of one paragraph: one paragraph again
        text = node.paragraphs[0].text[
            group[0].start - node.paragraphs[0].start : group[-1].end - node.paragraphs[0].start
        ]
        paras = [Paragraph(group[0].start, group[-1].end, text)]
    marker = node.marker_len if first else 0
    return Node(node.kind, node.label, node.rank, paras, parent=node.parent, marker_len=marker)


def _rejoined(node: Node, group: list[Paragraph]) -> list[Paragraph]:
    """The units of a group, those cut from one paragraph joined again over their ";"."""
    out: list[Paragraph] = []
    for unit in group:
        para = next((p for p in node.paragraphs if p.start <= unit.start < p.end), None)
        if out and para is not None and para.start <= out[-1].start < para.end:
            start = out[-1].start
            out[-1] = Paragraph(
                start, unit.end, para.text[start - para.start : unit.end - para.start]
            )
        else:
            out.append(unit)
    return out
