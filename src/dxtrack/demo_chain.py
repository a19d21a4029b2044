"""The demo's chain (issue 14): seed 003's tasks linked to the national tasks of seed 002 they
implement, and clause 3.a delegated by Sở Khoa học và Công nghệ to two communes, one of which
reports it done."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from dxtrack.auth.models import User
from dxtrack.config import Settings
from dxtrack.documents.models import Document
from dxtrack.tasks.chain import link_tasks
from dxtrack.tasks.delegation import Delegation, delegate
from dxtrack.tasks.models import Assignment, ProgressState, Task
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.proposals import similarity

NATIONAL = "4720/VPCP-KGVX"  # seed 002
PROVINCIAL = "624/TB-VPCP"  # seed 003 implements this Thông báo (cited in its subject)
COMMUNES = ["xa-an-phu", "phuong-long-xuyen"]
MIN_SIMILARITY = 0.08


def _tasks_of(db: Session, condition: ColumnElement[bool]) -> list[Task]:
    query = select(Task).join(Document, Document.id == Task.document_id).where(condition)
    return list(db.scalars(query.order_by(Task.position, Task.id)))


def link_demo(db: Session, coordinator: User) -> int:
    """Each task of seed 003 to the most similar national task of seed 002; how many links."""
    national = _tasks_of(db, Document.number == NATIONAL)
    provincial = _tasks_of(db, Document.subject.contains(PROVINCIAL))
    links = 0
    for task in provincial:
        scored = [(similarity(task.full_text, n.full_text), n) for n in national]
        best = max(scored, key=lambda item: item[0], default=None)
        if best is not None and best[0] >= MIN_SIMILARITY:
            reason = f"demo: nội dung tương đồng {best[0]:.0%}"
            link_tasks(db, child_id=task.id, parent_id=best[1].id, actor=coordinator, reason=reason)
            links += 1
    return links


def delegate_demo(db: Session, settings: Settings) -> list[int]:
    """Clause 3.a (Sở KH&CN) to two communes; xã An Phú reports done. The new ids."""
    officer = db.scalars(select(User).where(User.username == "skhcn")).one()
    tasks = _tasks_of(db, Document.subject.contains(PROVINCIAL))
    science = [t for t in tasks if t.clause == "3.a"]
    if not science:
        return []
    query = select(Assignment).where(
        Assignment.task_id == science[0].id, Assignment.agency_id == officer.agency_id
    )
    held = db.scalars(query).first()
    if held is None:
        return []
    note = "Rà soát, báo cáo kết quả triển khai trên địa bàn xã, phường."
    request = Delegation(targets=COMMUNES, deadline=held.deadline, note=note)
    created = delegate(db, assignment_id=held.id, request=request, actor=officer)
    commune = db.scalars(select(User).where(User.username == "xa-an-phu")).one()
    done_on = min(date(2025, 12, 10), held.deadline) if held.deadline else date(2025, 12, 10)
    data = ProgressInput(state=ProgressState.done, completed_on=done_on,
                         note="Đã rà soát và báo cáo Sở Khoa học và Công nghệ.")  # fmt: skip
    report_progress(db, assignment_id=created[0].id, data=data, expected_version=None,
                    settings=settings, actor=commune)  # fmt: skip
    return [a.id for a in created]
