"""Large imports as jobs (issue 15.5): the progress sheet committed in batches with its bad
rows as a report; the web and API answer 202 / a redirect to the job above the threshold."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from apihelp import login, on_session
from builders import make_task, make_user
from fastapi.testclient import TestClient
from jobhelp import agency_csv
from pagehelp import page_session
from sheethelp import fill
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.config import Settings
from dxtrack.errors import Invalid
from dxtrack.jobs.imports import count_rows
from dxtrack.jobs.models import Job, JobState
from dxtrack.jobs.progress_import import enqueue_progress_import
from dxtrack.jobs.worker import Worker
from dxtrack.tables import open_xlsx
from dxtrack.tasks.models import Assignment, ProgressReport
from dxtrack.tasks.sheet import export_sheet
from dxtrack.vn import today


def own_assignments(db: Session, count: int) -> list[Assignment]:
    tasks = [make_task(db, lead=["Sở Y tế"]) for _ in range(count)]
    query = select(Assignment).where(Assignment.task_id.in_([t.id for t in tasks]))
    return list(db.scalars(query.order_by(Assignment.id)))


def filled_sheet(db: Session, assignments: list[Assignment], *, bad: int) -> bytes:
    officer = make_user(db, "syt")
    data = export_sheet(db, user=officer, at=today(), due_soon_days=7)
    edits = {a.id: {"Trạng thái": "Đang thực hiện", "Tỷ lệ (%)": 30} for a in assignments}
    edits[assignments[bad].id] = {"Trạng thái": "Xong rồi"}
    return fill(data, edits)


def reports(db: Session, assignments: list[Assignment]) -> int:
    ids = [a.id for a in assignments]
    return db.scalar(select(func.count()).where(ProgressReport.assignment_id.in_(ids))) or 0


class TestProgressSheetJob:
    def test_batches_results_and_bad_rows(self, db: Session, settings: Settings, worker: Worker):
        rows = own_assignments(db, 5)
        data = filled_sheet(db, rows, bad=3)
        officer = make_user(db, "syt")
        job = enqueue_progress_import(
            db, data=data, evidence=None, settings=settings, actor=officer
        )
        worker.settings = settings.model_copy(update={"job_batch_rows": 2})
        assert worker.drain() == 1
        db.refresh(job)
        assert job.state == JobState.done, job.error
        assert (job.result["applied"], job.result["invalid"]) == (4, 1)
        assert job.checkpoint == {"rows": 4}  # the last batch committed before the end
        assert reports(db, rows) == 4
        report = (settings.jobs_dir / str(job.report_path)).read_text(encoding="utf-8-sig")
        lines = list(csv.reader(io.StringIO(report)))
        assert lines[0] == ["Dòng", "Mã phân công", "Kết quả", "Chi tiết"]
        assert lines[1][1:3] == [str(rows[3].id), "Không hợp lệ"] and "Xong rồi" in lines[1][3]

    def test_resumed_sheet_applies_nothing_twice(
        self, db: Session, settings: Settings, worker: Worker
    ):
        rows = own_assignments(db, 4)
        data = filled_sheet(db, rows, bad=0)
        officer = make_user(db, "syt")
        job = enqueue_progress_import(
            db, data=data, evidence=None, settings=settings, actor=officer
        )
        worker.drain()
        assert reports(db, rows) == 3
        # the same job taken again (as after a kill once its batches were committed)
        db.execute(
            update(Job).where(Job.id == job.id).values(state="queued", checkpoint={"rows": 2})
        )
        worker.drain()
        db.refresh(job)
        assert job.state == JobState.done and job.result["resumed_after"] == 2
        assert job.result["unchanged"] == 3 and job.result["applied"] == 0
        assert reports(db, rows) == 3


def app_client(settings: Settings, db: Session) -> TestClient:
    """The app with every import above zero rows sent to the background."""
    app = create_app(settings.model_copy(update={"job_row_threshold": 0}))
    return TestClient(on_session(app, db))


class TestLargeUploads:
    def test_progress_sheet_api_answers_202_with_the_job(self, db: Session, settings: Settings):
        rows = own_assignments(db, 2)
        data = filled_sheet(db, rows, bad=1)
        client = app_client(settings, db)
        response = client.post(
            "/api/v1/progress-sheet", headers=login(client, db, "syt"),
            files={"file": ("phieu.xlsx", data)},
        )  # fmt: skip
        assert response.status_code == 202, response.text
        job = db.get(Job, response.json()["job"])
        assert job is not None and job.kind == "progress.import" and reports(db, rows) == 0

    def test_agency_import_page_redirects_to_the_job(self, db: Session, settings: Settings):
        client = app_client(settings, db)
        token = page_session(client, db, "quantri")
        response = client.post(
            "/admin/agencies/import", data={"csrf_token": token},
            files={"file": ("co-quan.csv", agency_csv(3))}, follow_redirects=False,
        )  # fmt: skip
        assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
        job_id = int(response.headers["location"].rsplit("/", 1)[1])
        job = db.get(Job, job_id)
        assert job is not None and job.kind == "agencies.import" and job.state == "queued"


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải bảng tính")
    return buffer.getvalue()


CORRUPT_XLSX = [b"not a workbook", b"PK\x03\x04junk", _zip_without_workbook()]


class TestCorruptWorkbook:
    """One opener (`tables.open_xlsx`) for every XLSX upload: the row count that decides on a
    job counts none in a corrupt file, and the import says the file is no valid XLSX."""

    @pytest.mark.parametrize("data", CORRUPT_XLSX)
    def test_no_rows_counted_and_a_clear_error(self, data: bytes):
        assert count_rows(data, "phieu.xlsx") == 0
        with pytest.raises(Invalid, match="không phải là bảng tính XLSX hợp lệ"):
            open_xlsx(data)

    def test_openpyxl_refusing_the_file_is_the_same_error(self, monkeypatch: pytest.MonkeyPatch):
        def refuse(*args: object, **kwargs: object) -> None:
            raise openpyxl.utils.exceptions.InvalidFileException("unsupported format")

        monkeypatch.setattr(openpyxl, "load_workbook", refuse)
        with pytest.raises(Invalid, match="XLSX"):
            open_xlsx(b"PK\x03\x04")
        assert count_rows(b"PK\x03\x04", "phieu.xlsx") == 0

    def test_upload_is_refused_at_once_not_queued(self, db: Session, settings: Settings):
        client = app_client(settings, db)
        response = client.post(
            "/api/v1/progress-sheet", headers=login(client, db, "syt"),
            files={"file": ("phieu.xlsx", b"PK\x03\x04junk")},
        )  # fmt: skip
        assert response.status_code == 422 and "XLSX" in response.text
        assert db.scalar(select(func.count()).select_from(Job)) == 0
