"""The review screen's safety net: why each task was taken, and what may have been missed.

The engine is run again on the stored text (its paragraphs are the engine's own, so spans
agree): each draft task found by the engine gets the engine's reason and uncertain flag
(matched by span), and the body sentences with an assignment verb or a deadline that no
task of the document covers are offered as tasks (one click each). Nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dxtrack import vn
from dxtrack.documents.highlight import clean_markdown
from dxtrack.documents.models import Document
from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import ExtractionError, extract_text
from dxtrack.tasks.models import Task


@dataclass
class ReviewHints:
    reasons: dict[int, tuple[str, bool]] = field(default_factory=dict)  # task id -> (why, unsure)
    unassigned: list[dict[str, Any]] = field(default_factory=list)


def review_hints(document: Document, tasks: list[Task]) -> ReviewHints:
    if not document.text:
        return ReviewHints()
    try:
        result = extract_text(document.text, wrapped=False, directory=extraction_directory())
    except (ExtractionError, RecursionError):
        return ReviewHints()
    by_span = {tuple(t["span"]): t for t in result.tasks}
    hints = ReviewHints()
    for task in tasks:
        found = by_span.get((task.span_start, task.span_end))
        if found:
            hints.reasons[task.id] = (found["reason"], bool(found["uncertain"]))
    spans = [(t.span_start, t.span_end) for t in tasks if t.span_start is not None]
    for item in result.unassigned:
        start, end = item["span"]
        if any(s < end and start < e for s, e in spans):
            continue  # a task was added from it meanwhile
        due = date.fromisoformat(item["deadline"]) if item["deadline"] else None
        text = " ".join(clean_markdown(item["text"]).split())  # shown and kept as the summary
        hints.unassigned.append({**item, "text": text, "deadline_text": vn.date_text(due, "")})
    return hints
