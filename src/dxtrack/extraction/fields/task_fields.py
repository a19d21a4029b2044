"""An item whose sub-items are the fields of one task (national plans of a steering
committee): "I. CÔNG TÁC QUÁN TRIỆT" over "1. Nội dung, biện pháp" (a), b) ...), "2. Cơ
quan chủ trì, phối hợp" ("a) Cơ quan chủ trì" over "- Ban Chỉ đạo quốc gia.", "- Các Bộ,
ngành liên quan."), "3. Thời gian thực hiện: Tháng 12/2013". The item is one task: its
lead is the chủ trì field's names, its time the time field; the role and time fields give
no tasks of their own (their dash items are names, not work)."""

from __future__ import annotations

import re

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.textutil import fold

_ROLE = re.compile(
    r"^\W*(?:cơ\s+quan|đơn\s+vị|trách\s+nhiệm)(?:\s+\w+){0,3}?\s+(?:chủ\s+trì|thực\s+hiện)\b"
)
_TIME = re.compile(r"^\W*thời\s+(?:gian|hạn)\b")
_CONTENT = re.compile(r"^\W*(?:nội\s+dung|biện\s+pháp|giải\s+pháp|mục\s+tiêu|yêu\s+cầu)\b")
_COORD = re.compile(r"^\W*(?:cơ\s+quan|đơn\s+vị)\s+phối\s+hợp\b")


def field_children(node: Node) -> tuple[Node, Node | None] | None:
    """(the role field, the time field) when the node's sub-items are fields of one task:
    a role field and a content or time field, and nothing else."""
    kids = [c for c in node.children if c.kind not in {"dash", "plus"}]
    if len(kids) < 2 or len(kids) != len(node.children):
        return None
    heads = [fold(c.heading_text) for c in kids]
    role = next((c for c, h in zip(kids, heads, strict=True) if _ROLE.match(h)), None)
    time = next((c for c, h in zip(kids, heads, strict=True) if _TIME.match(h)), None)
    known = all(_ROLE.match(h) or _TIME.match(h) or _CONTENT.match(h) for h in heads)
    if sum(1 for h in heads if _ROLE.match(h)) > 1:
        return None  # "1. Cơ quan chủ trì: Sở Y tế" / "2. Cơ quan chủ trì: Sở Công Thương": items
    return (role, time) if role is not None and known else None


def lead_names(role: Node) -> str:
    """The chủ trì names of a role field: after its colon, or after its "a) Cơ quan chủ trì:"
    line's colon, or its dash items (under its "a) Cơ quan chủ trì" sub-field when it also
    names the coordinators; "b) Cơ quan phối hợp" over dash items names no lead)."""
    text = role.heading_text
    if ":" in text and text.split(":", 1)[1].strip():
        return text.split(":", 1)[1].strip(" .")
    for key, value in role.attributes.items():
        if "chủ trì" in key and "phối hợp" not in key and value.strip(" ."):
            return value.strip(" .")  # "a) Cơ quan chủ trì: Bộ X; Bộ Y." read as its attribute
    source = role
    for child in role.children:
        head = fold(child.heading_text)
        if child.kind not in {"dash", "plus"} and _ROLE.match(head) and not _COORD.match(head):
            source = child
            break
        if child.kind not in {"dash", "plus"} and re.match(
            r"^\W*(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+trì", head
        ):
            source = child
            break
    items = [c.own_text.strip(" .;") for c in source.children if c.kind in {"dash", "plus"}]
    return "; ".join(i for i in items if i)


def time_text(time: Node | None) -> str:
    if time is None:
        return ""
    text = time.own_text
    return (
        text.split(":", 1)[1].strip()
        if ":" in text
        else " ".join(c.own_text for c in time.children)
    )
