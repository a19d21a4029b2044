"""Progress reports (báo cáo tiến độ) on assignments, with evidence files."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.permissions import can_see_agency, require_can_report
from dxtrack.config import Settings
from dxtrack.db import utcnow
from dxtrack.errors import Conflict, Invalid, NotFound
from dxtrack.files import StoredFile, store_evidence
from dxtrack.notifications import webhooks
from dxtrack.tasks.models import Assignment, Evidence, ProgressReport, ProgressState

if TYPE_CHECKING:
    from dxtrack.auth.models import User


@dataclass
class ProgressInput:
    state: ProgressState
    percent: int | None = None
    note: str = ""
    difficulties: str = ""
    proposals: str = ""
    completed_on: date | None = None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    # Required when marking done an assignment whose sub-assignments are still open.
    open_children_reason: str = ""


def assignment_snapshot(assignment: Assignment) -> dict[str, Any]:
    return {
        "state": assignment.state,
        "percent": assignment.percent,
        "completed_on": assignment.completed_on,
        "version": assignment.version,
    }


def get_assignment(db: Session, assignment_id: int, *, viewer: User | None = None) -> Assignment:
    """The assignment; NotFound too when `viewer` may not see its agency."""
    assignment = db.get(Assignment, assignment_id)
    if assignment is None or (viewer and not can_see_agency(viewer, assignment.agency_id)):
        raise NotFound(f"Không tìm thấy phân công #{assignment_id}.")
    return assignment


def _normalise(data: ProgressInput, today: date) -> tuple[int, date | None]:
    percent = data.percent
    if percent is not None and not 0 <= percent <= 100:
        raise Invalid("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    if data.state == ProgressState.done:
        completed = data.completed_on or today
        if completed > today:
            raise Invalid("Ngày hoàn thành không được sau ngày hôm nay.")
        return (100 if percent is None else percent), completed
    if data.completed_on is not None:
        raise Invalid("Chỉ ghi ngày hoàn thành khi trạng thái là «Hoàn thành».")
    return (0 if percent is None else percent), None


def open_children(db: Session, assignment_id: int) -> int:
    """How many direct sub-assignments (tasks/delegation.py) are not done yet."""
    query = select(func.count()).where(
        Assignment.parent_id == assignment_id, Assignment.completed_on.is_(None)
    )
    return db.scalar(query) or 0


def _check_children(db: Session, assignment: Assignment, data: ProgressInput) -> str:
    """The reason recorded when done is reported while sub-assignments are open."""
    if data.state != ProgressState.done:
        return ""
    waiting = open_children(db, assignment.id)
    reason = data.open_children_reason.strip()
    if waiting and not reason:
        raise Invalid(
            f"Còn {waiting} đơn vị được giao tiếp chưa hoàn thành: hãy ghi lý do "
            "báo cáo hoàn thành nhiệm vụ khi cấp dưới chưa xong."
        )
    return reason if waiting else ""


def _add_evidence(db: Session, report: ProgressReport, stored: list[StoredFile]) -> None:
    db.add_all(Evidence(report_id=report.id, **asdict(item)) for item in stored)


def report_progress(
    db: Session,
    *,
    assignment_id: int,
    data: ProgressInput,
    expected_version: int | None,
    settings: Settings,
    actor: User,
    today: date | None = None,
) -> ProgressReport:
    """Append a report and make it current; refused (nothing written) on any check failing."""
    assignment = get_assignment(db, assignment_id)
    require_can_report(actor, assignment.agency_id)
    if expected_version is not None and expected_version != assignment.version:
        raise Conflict(
            "Phân công đã có báo cáo mới hơn (phiên bản "
            f"{assignment.version}, bạn gửi {expected_version}). Vui lòng tải lại và thử lại."
        )
    day = today or vn.today()
    percent, completed_on = _normalise(data, day)
    reason = _check_children(db, assignment, data)
    stored = store_evidence(settings.evidence_dir, data.files, max_bytes=settings.max_upload_bytes)
    before = assignment_snapshot(assignment)
    status_before = webhooks.status_now(assignment, settings.due_soon_days)
    report = _append(db, assignment, data, percent, completed_on, actor, reason)
    assignment.last_report_on = day  # the reporting rhythm (tasks/rhythm.py)
    _add_evidence(db, report, stored)
    after = assignment_snapshot(assignment) | {"report_id": report.id, "evidence": len(stored)}
    if reason:
        after["open_children_reason"] = reason
    record(
        db,
        events.Event("progress.report", "assignment", assignment.id, before, after),
        actor=actor,
    )
    webhooks.progress_reported(db, report, assignment)
    webhooks.assignment_changed(db, assignment, status_before, due_soon_days=settings.due_soon_days)
    return report


def _append(
    db: Session,
    assignment: Assignment,
    data: ProgressInput,
    percent: int,
    completed_on: date | None,
    actor: User,
    reason: str = "",
) -> ProgressReport:
    """Add the report row and make it the assignment's current state (and counts)."""
    report = ProgressReport(
        assignment_id=assignment.id,
        author_id=actor.id,
        state=data.state.value,
        percent=percent,
        note=data.note,
        difficulties=data.difficulties,
        proposals=data.proposals,
        completed_on=completed_on,
        open_children_reason=reason,
    )
    db.add(report)
    db.flush()
    assignment.state, assignment.percent = data.state.value, percent
    assignment.completed_on = completed_on
    assignment.version += 1
    assignment.updated_at = utcnow()
    db.flush()
    return report


def list_reports(db: Session, assignment_id: int) -> list[ProgressReport]:
    """History, oldest first; the last one is current."""
    query = select(ProgressReport).where(ProgressReport.assignment_id == assignment_id)
    return list(db.scalars(query.order_by(ProgressReport.id)))


def list_evidence(db: Session, report_ids: list[int]) -> list[Evidence]:
    if not report_ids:
        return []
    query = select(Evidence).where(Evidence.report_id.in_(report_ids)).order_by(Evidence.id)
    return list(db.scalars(query))


def get_evidence(db: Session, evidence_id: int, *, viewer: User) -> Evidence:
    evidence = db.get(Evidence, evidence_id)
    if evidence is not None:
        report = db.get(ProgressReport, evidence.report_id)
        assignment = db.get(Assignment, report.assignment_id) if report else None
        if assignment is not None and can_see_agency(viewer, assignment.agency_id):
            return evidence
    raise NotFound(f"Không tìm thấy minh chứng #{evidence_id}.")
