"""Proposed `implements` links for the review screen; a coordinator confirms each one.

When a document cites a stored document (căn cứ, "triển khai thực hiện Kế hoạch số ...") whose
tasks are assigned to the province itself or to the issuing agency, each of its tasks is
matched against those tasks: a clause reference in its text ("nhiệm vụ tại điểm 3.a", "mục
2"), the same lead agency, and the similarity of the words. The best match above a threshold
is proposed with its grounds in Vietnamese. Nothing is stored until confirmed
(`chain.link_tasks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.resolver import build_resolver
from dxtrack.documents.models import Document, DocumentReference
from dxtrack.tasks.chain import province_ids
from dxtrack.tasks.models import Assignment, PartyRole, Task, TaskLink, TaskParty

THRESHOLD = 0.35
CLAUSE_REF = re.compile(
    r"(?:điểm|mục|khoản|tiết|nhiệm vụ)\s+(?:số\s+)?(\d+(?:[.,]\d+)*(?:[.,]?\s?[a-zđ])?)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")


@dataclass
class Proposal:
    child_id: int
    parent_id: int
    parent_document: str
    parent_clause: str
    parent_summary: str
    score: float
    reason: str


def _clause_key(clause: str) -> str:
    return re.sub(r"[\s.,)]+", ".", vn.fold(clause)).strip(".")


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(vn.fold(text)) if len(w) > 1}


def similarity(a: str, b: str) -> float:
    left, right = _words(a), _words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _candidates(db: Session, document: Document) -> list[tuple[Task, str]]:
    """Tasks of the cited stored documents assigned to the province or to the issuer."""
    cited = select(DocumentReference.cited_id).where(
        DocumentReference.document_id == document.id, DocumentReference.cited_id.is_not(None)
    )
    holders = set(province_ids(db))
    issuer = build_resolver(db).resolve(document.issuer or "") if document.issuer else None
    if issuer is not None and issuer.kind == "agency":
        holders.add(issuer.id)
    query = (
        select(Task, Document.number)
        .join(Document, Document.id == Task.document_id)
        .where(Task.document_id.in_(cited), Task.document_id != document.id)
        .where(
            select(Assignment.id)
            .where(Assignment.task_id == Task.id, Assignment.agency_id.in_(holders))
            .exists()
        )
    )
    return [(task, number or f"#{task.document_id}") for task, number in db.execute(query)]


def _leads(db: Session, task_ids: list[int]) -> dict[int, set[int]]:
    query = select(TaskParty.task_id, TaskParty.agency_id).where(
        TaskParty.task_id.in_(task_ids), TaskParty.role == PartyRole.lead
    )
    found: dict[int, set[int]] = {}
    for task_id, agency_id in db.execute(query):
        if agency_id is not None:
            found.setdefault(task_id, set()).add(agency_id)
    return found


def _score(task: Task, parent: Task, same_lead: bool) -> tuple[float, list[str]]:
    grounds = []
    score = 0.0
    refs = {_clause_key(m) for m in CLAUSE_REF.findall(task.full_text or task.summary)}
    if parent.clause and _clause_key(parent.clause) in refs:
        score += 0.6
        grounds.append(f"dẫn chiếu điểm {parent.clause}")
    if same_lead:
        score += 0.15
        grounds.append("cùng cơ quan chủ trì")
    alike = similarity(f"{task.summary} {task.full_text}", f"{parent.summary} {parent.full_text}")
    score += 0.5 * alike
    if alike >= 0.2:
        grounds.append(f"nội dung tương đồng {vn.percent(alike)}")
    return round(score, 3), grounds


def propose_links(db: Session, *, document_id: int) -> list[Proposal]:
    """One proposal (the best) per task of the document not yet linked to anything."""
    document = db.get(Document, document_id)
    if document is None:
        return []
    candidates = _candidates(db, document)
    own = list(db.scalars(select(Task).where(Task.document_id == document_id)))
    if not candidates or not own:
        return []
    linked = set(
        db.scalars(select(TaskLink.child_id).where(TaskLink.child_id.in_([t.id for t in own])))
    )
    leads = _leads(db, [t.id for t in own] + [t.id for t, _ in candidates])
    proposals = []
    for task in sorted(own, key=lambda t: (t.position, t.id)):
        if task.id in linked:
            continue
        best: Proposal | None = None
        for parent, number in candidates:
            same_lead = bool(leads.get(task.id, set()) & leads.get(parent.id, set()))
            score, grounds = _score(task, parent, same_lead)
            if score >= THRESHOLD and (best is None or score > best.score):
                best = Proposal(
                    task.id, parent.id, number, parent.clause, parent.summary, score,
                    "; ".join(grounds),
                )  # fmt: skip
        if best is not None:
            proposals.append(best)
    return proposals
