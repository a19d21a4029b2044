"""Uploads that need OCR (issue 12.5): stored at once, read by a background job whose
progress the document page shows; a failure shows why and can be retried; a worker killed
with -9 mid-job is taken over and the document gets its tasks exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from apihelp import login
from builders import make_user
from fastapi.testclient import TestClient
from jobhelp import needs_tesseract, scanned_directive, session_worker
from pagehelp import csrf_token, one, page_session
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.documents.models import Document
from dxtrack.documents.reading import ingest_deferred
from dxtrack.documents.service import original_path
from dxtrack.jobs.models import Job, JobState
from dxtrack.jobs.worker import Worker
from dxtrack.tasks.models import Task

pytestmark = needs_tesseract
API = "/api/v1"


@pytest.fixture
def worker(db: Session, settings: Settings) -> Worker:
    return session_worker(db, settings)


def upload(client: TestClient, db: Session, *files: tuple[str, bytes]) -> list[dict]:
    response = client.post(
        f"{API}/documents",
        headers=login(client, db, "dieuphoi"),
        files=[("files", (name, data)) for name, data in files],
    )
    assert response.status_code == 201, response.text
    return response.json()


def tasks_of(db: Session, document_id: int) -> int:
    return db.scalar(select(func.count()).where(Task.document_id == document_id)) or 0


class TestUpload:
    def test_scan_returns_at_once_with_a_job(self, client: TestClient, db: Session):
        text = "Giao Sở Y tế triển khai bệnh án điện tử trước ngày 31/12/2025.".encode()
        scan, plain = upload(client, db, ("scan.pdf", scanned_directive()), ("a.txt", text))
        assert scan["status"] == "reading" and scan["job"] and scan["tasks"] == 0
        assert plain["status"] == "created" and plain["job"] is None
        job = db.get(Job, scan["job"])
        assert job is not None and job.state == JobState.queued and job.done == 0
        document = db.get(Document, scan["document"]["id"])
        assert document is not None and document.text == "" and document.sha256

    def test_page_shows_progress_then_the_draft(
        self, client: TestClient, db: Session, worker: Worker
    ):
        (scan,) = upload(client, db, ("scan.pdf", scanned_directive()))
        document_id = scan["document"]["id"]
        page_session(client, db, "dieuphoi")
        banner = one(client.get(f"/documents/{document_id}").text, "//*[@data-job]")
        assert banner.get("data-state") == "queued"
        assert banner.get("hx-get") == f"/jobs/{scan['job']}/progress?reload=1"
        listed = one(client.get("/documents").text, "//*[@data-reading]")
        assert listed.get("data-reading") == "queued" and "Đang nhận dạng chữ" in listed.text
        assert worker.drain() == 1
        job = db.get(Job, scan["job"])
        assert job is not None and job.state == JobState.done, job.error
        assert (job.done, job.total) == (1, 1) and "nhiệm vụ chờ rà soát" in job.label
        assert tasks_of(db, document_id) == job.result["tasks"] > 0
        fragment = client.get(f"/jobs/{job.id}/progress?reload=1")
        assert fragment.headers.get("HX-Refresh") == "true"
        page = client.get(f"/documents/{document_id}").text
        assert "4321" in page and not one(page, "//body").xpath("//*[@data-job]")


class TestFailure:
    def test_reason_shown_and_retry_works(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        (scan,) = upload(client, db, ("trang-trang.pdf", scanned_directive(blank=True)))
        document_id = scan["document"]["id"]
        worker.drain()
        page_session(client, db, "dieuphoi")
        page = client.get(f"/documents/{document_id}").text
        assert "không nhận dạng được chữ" in one(page, "//*[@data-error]").text_content()
        document = db.get(Document, document_id)
        assert document is not None
        original_path(settings, document).write_bytes(scanned_directive())  # a good copy
        response = client.post(
            f"/jobs/{scan['job']}/retry",
            data={"csrf_token": csrf_token(page), "next": f"/documents/{document_id}"},
            follow_redirects=False,
        )
        assert response.headers["location"] == f"/documents/{document_id}"
        worker.drain()
        job = db.get(Job, scan["job"])
        assert job is not None and job.state == JobState.done and job.attempts == 1
        assert tasks_of(db, document_id) > 0


def worker_process(settings: Settings, *args: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"DXTRACK_JOB_LEASE_SECONDS": "3"}
    command = [str(Path(sys.executable).parent / "dxtrack"), "--db", settings.db_url,
               "--data-dir", str(settings.data_dir), "worker", *args]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def job_state(settings: Settings, job_id: int) -> tuple[str, int]:
    with transaction(settings) as db:
        job = db.get(Job, job_id)
        assert job is not None
        return job.state, job.done


class TestKilledWorker:
    def test_resumes_and_creates_the_tasks_once(self, fresh_settings: Settings):
        settings = fresh_settings
        initialise(settings)
        with transaction(settings, write=True) as db:
            actor = make_user(db, "dieuphoi")
            data = scanned_directive(pages=4)
            result = ingest_deferred(
                db, data=data, filename="scan.pdf", settings=settings, actor=actor
            )
            job_id, document_id = result.job_id, result.document.id
        assert job_id is not None
        first = worker_process(settings)
        deadline = time.monotonic() + 180
        while job_state(settings, job_id)[1] < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        first.send_signal(signal.SIGKILL)
        first.wait()
        state, done = job_state(settings, job_id)
        assert state == "running" and 1 <= done < 4, "the worker was not killed mid-job"
        time.sleep(3.5)  # its lease runs out
        second = worker_process(settings, "--once")
        assert second.wait(timeout=300) == 0, second.stderr.read() if second.stderr else ""
        with transaction(settings) as db:
            job = db.get(Job, job_id)
            assert job is not None and job.state == "done" and job.attempts == 2, job.error
            documents = db.scalar(select(func.count()).select_from(Document))
            tasks = tasks_of(db, document_id)
            created = db.scalar(select(func.count()).where(AuditEntry.action == "task.create"))
        assert documents == 1 and tasks == job.result["tasks"] > 0 and created == tasks
