"""/api/v1/jobs and the Công việc nền pages: follow, download the bad rows, retry."""

from __future__ import annotations

from apihelp import login
from builders import make_user
from fastapi.testclient import TestClient
from jobhelp import agency_csv
from pagehelp import csrf_token, one, page_session
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.jobs.imports import AGENCY_IMPORT, enqueue_import
from dxtrack.jobs.models import Job, JobState
from dxtrack.jobs.worker import Worker

API = "/api/v1"


def failed_job(db: Session, settings: Settings, worker: Worker, owner: str = "dieuphoi") -> Job:
    job = enqueue_import(
        db,
        kind=AGENCY_IMPORT,
        data=agency_csv(2, bad={1: "sai"}),
        filename="co-quan.csv",
        params={},
        settings=settings,
        actor=make_user(db, owner),
    )
    worker.drain()
    db.refresh(job)
    assert job.state == JobState.failed
    return job


class TestJobApi:
    def test_read_shows_why_it_failed(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        job = failed_job(db, settings, worker)
        body = client.get(f"{API}/jobs/{job.id}", headers=login(client, db, "dieuphoi")).json()
        assert body["state"] == "failed" and body["state_label"] == "Lỗi"
        assert "«sai»" in body["error"] and body["kind_label"] == "Nhập danh mục cơ quan"
        assert body["report"] == f"{API}/jobs/{job.id}/report"

    def test_report_download(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        job = failed_job(db, settings, worker)
        response = client.get(f"{API}/jobs/{job.id}/report", headers=login(client, db, "quantri"))
        assert response.status_code == 200
        assert response.content.decode("utf-8-sig").splitlines()[0] == "Dòng,Lỗi"

    def test_retry_queues_again(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        job = failed_job(db, settings, worker)
        response = client.post(f"{API}/jobs/{job.id}/retry", headers=login(client, db, "dieuphoi"))
        assert response.status_code == 200 and response.json()["state"] == "queued"

    def test_another_users_job_is_not_found(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        job = failed_job(db, settings, worker)
        auth = login(client, db, "syt")
        assert client.get(f"{API}/jobs/{job.id}", headers=auth).status_code == 404
        assert client.get(f"{API}/jobs", headers=auth).json()["total"] == 0


class TestJobPages:
    def test_failed_job_page_has_reason_and_retry(
        self, client: TestClient, db: Session, settings: Settings, worker: Worker
    ):
        job = failed_job(db, settings, worker)
        page_session(client, db, "dieuphoi")
        text = client.get(f"/jobs/{job.id}").text
        assert "«sai»" in one(text, "//*[@data-error]").text_content()
        one(text, "//a[@data-report]")
        response = client.post(
            f"/jobs/{job.id}/retry",
            data={"csrf_token": csrf_token(text), "next": f"/jobs/{job.id}"},
            follow_redirects=False,
        )
        assert response.status_code == 303
        fragment = client.get(f"/jobs/{job.id}/progress").text
        assert one(fragment, "//*[@data-job]").get("data-state") == "queued"
        assert one(fragment, "//*[@data-job]").get("hx-trigger") == "every 2s"

    def test_list(self, client: TestClient, db: Session, settings: Settings, worker: Worker):
        job = failed_job(db, settings, worker)
        page_session(client, db, "quantri")
        text = client.get("/jobs").text
        assert one(text, f"//tr[@data-job='{job.id}']").get("data-state") == "failed"
