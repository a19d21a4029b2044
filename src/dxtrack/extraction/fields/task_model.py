"""A task as the engine returns it, why it was taken, and what the task rules share.

`Task` is what extraction gives per clause (FORMAT.md's fields plus the reviewer's
`rule`, `reason` and `uncertain`); `TaskContext` is what the rules of one document share
(its agency matcher, year, issuer, addressees and which heading lent which agencies).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.vocab import alternation, cued, cues
from dxtrack.extraction.vocab import load as load_vocab

# After "đã": the same sentence goes on to a duty of the ones it singles out ("Các sở đã rà
# soát văn bản theo Tiêu chí 1.8 ... có trách nhiệm rà soát lại ..."), so "đã" opens a
# relative clause, no report of work done
DUTY_AHEAD = r"(?!(?:[^.;:]|\.(?=\d)){0,250}?\s(?:có|chịu)\s+trách\s+nhiệm\s)"

# "Bộ X đã ban hành ...": a report of what was done, not an assignment
# a parenthesis may come between ("Sở X (cơ quan đầu mối) đã tổng hợp ...")
# or a task given before, in the document the sentence ends citing ("Sở X được giao chủ trì ...
# tại Quyết định số ... ngày ... ."; "Các đơn vị được giao ... tại Kế hoạch số ... có trách
# nhiệm ..." acts), or a beneficiary of a policy in a sentence giving it no duty ("Ủy ban nhân
# dân cấp xã được hưởng 100% ...", "Doanh nghiệp ... được miễn tiền thuê đất ...";
# vocab.yaml `benefit_verbs`)
PAST_OR_MODAL = re.compile(
    # ... or what it is made of ("Thường trực Ban Chỉ đạo gồm Trưởng ban và ...")
    rf"^\s*(?:\([^()]{{0,60}}\)\s*)?(?:đã{DUTY_AHEAD}|đang|có\s+thể|vừa|(?:bao\s+)?gồm\b|được\s+(?:đánh\s+giá|ghi\s+nhận)"
    r"|được\s+giao\s[^.;]{0,150}?\b(?:tại|theo)\s+(?:quyết\s+định|công\s+văn|văn\s+bản"
    r"|thông\s+báo|kế\s+hoạch|kết\s+luận|chỉ\s+thị|nghị\s+quyết)\s+số\s"
    r"(?:(?!có\s+trách|chịu\s+trách|có\s+nhiệm|phải\s)[^.;]){0,100}?(?=[.;])"
    rf"|được\s+(?:{alternation(load_vocab('vocab')['benefit_verbs'])})\b"
    r"(?:(?!có\s+trách|chịu\s+trách|có\s+nhiệm|phải\s)[^.;]){0,200}?(?=[.;]|$))"
)
# The share of a fee or a fund a body keeps, right behind a subject not assigned to it ("Đối
# với Ủy ban nhân dân cấp xã: Để lại 25% trên tổng số tiền phí ..."; vocab.yaml `share_verbs`):
# a rate the document sets, no task ("Giao Sở X trích 10% ... để ..." is one).
# An item under the body's heading may open with the share alone, also one added on a
# higher tier ("a) Đối với Thanh tra tỉnh:" / "- Được trích thêm 20% ... từ trên 10 tỷ đồng").
KEPT_SHARE = re.compile(
    rf"\s*(?:được\s+)?(?:{alternation(load_vocab('vocab')['share_verbs'])})(?:\s+thêm)?\s+\d{{1,3}}(?:[,.]\d+)?\s*%"
)
# "(chịu trách nhiệm) thi hành Quyết định này": the enacting formula, only ever searched for.
# Its two forms are searched apart (`_Leftmost`), each opening with its literal first word
# (the regex engine skips ahead to it; one alternation of both tried every "t" and "c").
THI_HANH_FORMS = (
    # not "hướng dẫn, tổ chức thi hành Nghị quyết này": guiding its implementation is work.
    # The look-behinds come after the literal "thi" so the search still skips ahead to it
    (
        r"thi(?<!dẫn\sthi)(?<!dẫn,\sthi)(?<!dẫn\s\stổ\schức\sthi)"
        r"(?<!dẫn\stổ\schức\sthi)(?<!dẫn,\stổ\schức\sthi)(?<!dẫn\svà\stổ\schức\sthi)"
        r"\s+hành\s+(?:quyết\s+định|nghị\s+quyết|chỉ\s+thị|thông\s+tư|nghị\s+định)\s+này"
    ),
    # "Giám đốc Sở A, ..., Chủ tịch ... chịu trách nhiệm tổ chức thực hiện Quyết định này./.":
    # the same formula, closing the text
    (
        r"chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+"
        r"(?:quyết\s+định|nghị\s+quyết|chỉ\s+thị)(?:\s+này)?(?=[./\s]*$)"
    ),
    # "Ủy ban nhân dân tỉnh, ..., Giám đốc các sở ... trong phạm vi nhiệm vụ, quyền hạn của
    # mình có trách nhiệm thực hiện Nghị quyết (này)./.": a council's closing article (not
    # "Ủy ban nhân dân tỉnh có trách nhiệm tổ chức thực hiện Nghị quyết.": the council gives
    # its committee the work, as "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện ..." does)
    (
        r"có\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?thực\s+hiện\s+"
        r"(?:quyết\s+định|(?<=nhiệm\sthực\shiện\s)nghị\s+quyết|chỉ\s+thị)(?:\s+này)?(?=[./\s]*$)"
    ),
)


class _Leftmost:
    """`search` finds what the alternation of the patterns finds (`"|".join(patterns)`, kept
    as `plain`): the match starting first, the first pattern's at a tie. A pattern is searched
    only where the text holds the words every match of it holds (`vocab.cues`, the longest
    first): most clauses lack one, and a few `in` tests cost less than a search."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = tuple(re.compile(p) for p in patterns)
        self.plain = re.compile("|".join(patterns))
        self._cued = tuple(
            (pattern, (tuple(sorted(cues(p), key=len, reverse=True)),))
            for pattern, p in zip(self.patterns, patterns, strict=True)
        )
        self._found: dict[tuple[str, int, int], re.Match[str] | None] = {}  # recent searches

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # a clause's fold is searched by the tree walk, then again by the task it makes
        key = (text, pos, endpos)
        if key in self._found:
            return self._found[key]
        if len(self._found) >= 256:
            self._found.clear()
        best = self._found[key] = self._search(text, pos, endpos)
        return best

    def _search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        best = None
        for pattern, words in self._cued:
            if cued(text, words):
                m = pattern.search(text, pos, endpos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
        return best


THI_HANH = _Leftmost(THI_HANH_FORMS)


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
class TaskContext:
    """What the task rules of one document share."""

    matcher: AgencyMatcher
    year: int | None
    issuer: str | None
    report: bool = False  # a Báo cáo: only explicit requests ("Đề nghị X ...") are tasks
    addressees: tuple[str, ...] = ()  # Kính gửi
    # inherited agencies -> (rule, heading or intro text) that lent them
    lent_by: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # committee roles held by the heads of bodies ("Tổ trưởng: Giám đốc Sở X") -> the bodies
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
