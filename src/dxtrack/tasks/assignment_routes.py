"""/api/v1/assignments: filtered lists, detail with history, progress reports, evidence."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.auth.models import User
from dxtrack.deps import AppSettings, CurrentUser, Db
from dxtrack.errors import Invalid
from dxtrack.tasks import progress
from dxtrack.tasks.models import ProgressReport, ProgressState
from dxtrack.tasks.queries import AssignmentRow, Filters, list_assignments
from dxtrack.tasks.schemas import (
    AssignmentDetail,
    AssignmentPage,
    AssignmentRead,
    EvidenceRead,
    ProgressRead,
)
from dxtrack.tasks.status import STATUS_LABELS, Status

router = APIRouter(tags=["assignments"])


def assignment_read(row: AssignmentRow) -> AssignmentRead:
    return AssignmentRead(
        id=row.id,
        task_id=row.task_id,
        agency=row.agency_code,
        agency_name=row.agency_name,
        role=row.role,
        period=row.period,
        deadline=row.deadline,
        state=row.state,
        percent=row.percent,
        completed_on=row.completed_on,
        version=row.version,
        status=row.status,
        status_label=STATUS_LABELS[Status(row.status)],
        clause=row.clause,
        summary=row.summary,
        document_id=row.document_id,
        document_number=row.document_number,
    )


def _username(user: User | None) -> str | None:
    return user.username if user is not None else None


def progress_reads(db: Session, reports: list[ProgressReport]) -> list[ProgressRead]:
    evidence = progress.list_evidence(db, [r.id for r in reports])
    authors = {r.author_id: db.get(User, r.author_id) for r in reports if r.author_id}
    return [
        ProgressRead(
            id=r.id,
            assignment_id=r.assignment_id,
            author=_username(authors.get(r.author_id) if r.author_id else None),
            state=r.state,
            percent=r.percent,
            note=r.note,
            difficulties=r.difficulties,
            proposals=r.proposals,
            completed_on=r.completed_on,
            created_at=r.created_at,
            evidence=[
                EvidenceRead(
                    id=e.id,
                    filename=e.filename,
                    content_type=e.content_type,
                    size=e.size,
                    sha256=e.sha256,
                )
                for e in evidence
                if e.report_id == r.id
            ],
        )
        for r in reports
    ]


@router.get("/assignments", response_model=AssignmentPage)
def read_assignments(
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    at: date | None = None,
    agency: str | None = None,
    group: str | None = None,
    status: Status | None = None,
    deadline_from: date | None = None,
    deadline_to: date | None = None,
    document_id: int | None = None,
    task_id: int | None = None,
    q: str | None = None,
    page: int = Query(1, ge=1),
    page_size: int = Query(50, ge=1, le=500),
) -> AssignmentPage:
    at = at or vn.today()
    filters = Filters(
        agency=agency,
        group=group,
        status=status,
        deadline_from=deadline_from,
        deadline_to=deadline_to,
        document_id=document_id,
        task_id=task_id,
        q=q,
    )
    rows, more = list_assignments(
        db,
        filters=filters,
        at=at,
        user=user,
        page=page,
        page_size=page_size,
        due_soon_days=settings.due_soon_days,
    )
    return AssignmentPage(
        items=[assignment_read(r) for r in rows],
        page=page,
        page_size=page_size,
        has_more=more,
        at=at,
    )


def _detail(db: Session, assignment_id: int, user: User, at: date, days: int) -> AssignmentDetail:
    progress.get_assignment(db, assignment_id, viewer=user)
    rows, _ = list_assignments(
        db,
        filters=Filters(assignment_id=assignment_id),
        at=at,
        user=user,
        page_size=1,
        due_soon_days=days,
    )
    row = rows[0]
    reports = progress.list_reports(db, assignment_id)
    return AssignmentDetail(assignment=assignment_read(row), reports=progress_reads(db, reports))


@router.get("/assignments/{assignment_id}", response_model=AssignmentDetail)
def read_assignment(
    assignment_id: int, db: Db, user: CurrentUser, settings: AppSettings, at: date | None = None
) -> AssignmentDetail:
    return _detail(db, assignment_id, user, at or vn.today(), settings.due_soon_days)


@router.post("/assignments/{assignment_id}/progress", response_model=ProgressRead, status_code=201)
def report_progress(
    assignment_id: int,
    db: Db,
    user: CurrentUser,
    settings: AppSettings,
    state: Annotated[ProgressState, Form()],
    version: Annotated[int | None, Form(description="Phiên bản phân công đang xem")] = None,
    percent: Annotated[int | None, Form(ge=0, le=100)] = None,
    note: Annotated[str, Form()] = "",
    difficulties: Annotated[str, Form()] = "",
    proposals: Annotated[str, Form()] = "",
    completed_on: Annotated[date | None, Form()] = None,
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> ProgressRead:
    uploads = []
    for upload in files or []:
        data = upload.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise Invalid(f"Tệp «{upload.filename}» vượt quá {settings.max_upload_mb} MB.")
        uploads.append((upload.filename or "minh-chung", data))
    data_in = progress.ProgressInput(
        state=state,
        percent=percent,
        note=note,
        difficulties=difficulties,
        proposals=proposals,
        completed_on=completed_on,
        files=uploads,
    )
    report = progress.report_progress(
        db,
        assignment_id=assignment_id,
        data=data_in,
        expected_version=version,
        settings=settings,
        actor=user,
    )
    return progress_reads(db, [report])[0]


@router.get("/evidence/{evidence_id}", response_class=FileResponse)
def download_evidence(
    evidence_id: int, db: Db, user: CurrentUser, settings: AppSettings
) -> FileResponse:
    evidence = progress.get_evidence(db, evidence_id, viewer=user)
    return FileResponse(
        settings.evidence_dir / evidence.stored_path,
        media_type=evidence.content_type,
        filename=evidence.filename,
    )
