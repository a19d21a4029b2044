"""Cut a document's text into plain and highlighted segments from its tasks' spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dxtrack.tasks.models import Task

_MARKS = re.compile(r"\*\*|__|^#{1,6}\s+|\\(?=[*_#|\\-])", re.MULTILINE)


def clean_markdown(text: str | None) -> str:
    """Text without the Markdown marks some sources carry (**bold**, __x__, # headings)."""
    return _MARKS.sub("", text or "")


@dataclass
class Segment:
    text: str
    task_id: int | None = None
    clause: str = ""


def segments(text: str, tasks: list[Task]) -> list[Segment]:
    """Plain text and task spans in order; overlapping or out-of-range spans are skipped."""
    spans = sorted(
        (
            (t.span_start, t.span_end, t)
            for t in tasks
            if t.span_start is not None and t.span_end is not None and t.span_start < t.span_end
        ),
        key=lambda item: (item[0], item[1]),
    )
    out: list[Segment] = []
    cursor = 0
    for start, end, task in spans:
        if start < cursor or end > len(text):
            continue
        if start > cursor:
            out.append(Segment(clean_markdown(text[cursor:start])))
        out.append(Segment(clean_markdown(text[start:end]), task.id, task.clause))
        cursor = end
    if cursor < len(text):
        out.append(Segment(clean_markdown(text[cursor:])))
    return out
