"""The reviewer's safety net: sentences that assign or set a deadline but gave no task.

A sentence of the body that carries an assignment verb (giao, đề nghị, yêu cầu, chủ trì,
chịu trách nhiệm) or a deadline, outside every extracted task's span and outside the
closing, is returned so the review screen can offer it as a task in one click. Preamble
phrases that only cite ("Xét đề nghị của ...", "giao thông", "bàn giao") do not count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.fields.clause_words import clause_vocab, is_closing
from dxtrack.extraction.fields.deadline import first_deadline
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.fields.task_model import Task
from dxtrack.extraction.textutil import fold
from dxtrack.vn import UPPER

# "(?<!\w)(?:đã|đang)\s" and "(?<=[.;!?])\s+(?=...)", each written with its first character
# matched before the look-behind, so that the regex engine skips ahead to that character (not
# trying the look-behind at every position; test_fast_paths.py holds both to their plain forms)
_PAST = re.compile(r"đ(?<!\wđ)(?:ã|ang)\s")
_SENTENCE_END = re.compile(rf"\s(?<=[.;!?]\s)\s*(?=[-–+•]?\s*[{UPPER}])")
_TIME_WORD = re.compile(r"\d|quý|tháng")


def unassigned_sentences(
    root: Node, tasks: list[Task], *, year: int | None, limit: int = 200
) -> list[dict[str, Any]]:
    """Sentences with an assignment verb or a deadline that no task covers, in text order."""
    covered = _Covered(sorted(t.span for t in tasks))
    out: list[dict[str, Any]] = []
    for node in body_nodes(root):
        for para in node.paragraphs:
            if covered.meets(para.start, para.end):
                continue
            for start, text in _sentences(para.text, para.start):
                cue, deadline = _cue(text, year)
                if cue and not is_closing(text, anywhere=True):
                    span = [start, start + len(text)]
                    item = {"clause": node.path, "text": text, "span": span, "cue": cue}
                    out.append({**item, "deadline": deadline})
                    if len(out) >= limit:
                        return out
    return out


def body_nodes(root: Node):
    """Nodes of the body, without the closing and sections of results or background."""
    non_task = clause_vocab()["non_task"]
    stack = [c for c in reversed(root.children) if c.kind != "closing"]
    while stack:
        node = stack.pop()
        if node.children and non_task.match(fold(node.own_text[:80])):
            continue
        yield node
        stack.extend(reversed(node.children))


def _sentences(text: str, offset: int):
    pos = 0
    for part in _SENTENCE_END.split(text):
        at = text.index(part, pos)
        pos = at + len(part)
        stripped = part.strip()
        if len(stripped) >= 15:
            yield offset + at + (len(part) - len(part.lstrip())), stripped


def _cue(text: str, year: int | None) -> tuple[str | None, str | None]:
    """("assignment" | "deadline" | None, the sentence's deadline as ISO or None)."""
    folded = fold(text)
    if _PAST.search(folded):
        return None, None  # a report of what was done
    found = None
    if _TIME_WORD.search(folded):
        found = first_deadline(folded, year=year, masked=citation_spans(text))
    deadline = found.isoformat() if found else None
    if clause_vocab()["safety_verb"].search(folded):
        return "assignment", deadline
    return ("deadline" if found else None), deadline


class _Covered:
    """Task spans, sorted, with the running maximum of their ends: [start, end) meets a
    span when some span starting before `end` ends after `start`."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        for _, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def meets(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start
