"""`dxtrack worker` and `dxtrack jobs`: a queued import run by `worker --once`; a worker killed
with -9 mid-job is taken over after its lease and the job completes exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from jobhelp import agency_csv
from sqlalchemy import func, select
from typer.testing import CliRunner

from dxtrack.agencies.models import Agency
from dxtrack.audit.models import AuditEntry
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.jobs.imports import AGENCY_IMPORT, enqueue_import
from dxtrack.jobs.kinds import KINDS
from dxtrack.jobs.models import Job
from dxtrack.jobs.worker import start_thread

runner = CliRunner()


def run(settings: Settings, *args: str, ok: bool = True, input: str | None = None):
    base = ["--db", settings.db_url, "--data-dir", str(settings.data_dir)]
    result = runner.invoke(app, [*base, *args], input=input)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def queue(settings: Settings, data: bytes) -> int:
    with transaction(settings, write=True) as db:
        job = enqueue_import(
            db, kind=AGENCY_IMPORT, data=data, filename="co-quan.csv", params={},
            settings=settings, actor=None,
        )  # fmt: skip
        return job.id


@pytest.fixture
def ready(fresh_settings: Settings) -> Settings:
    run(fresh_settings, "init")
    return fresh_settings


class TestWorkerOnce:
    def test_drains_the_queue(self, ready: Settings):
        job_id = queue(ready, agency_csv(3))
        assert "Đã xử lý 1 công việc nền" in run(ready, "worker", "--once").output
        rows = json.loads(run(ready, "jobs", "list", "--json").output)
        assert [(r["id"], r["state"], r["result"]["created"]) for r in rows] == [
            (job_id, "done", 3)
        ]

    def test_retry_from_the_cli(self, ready: Settings):
        job_id = queue(ready, agency_csv(1, bad={1: "sai"}))
        run(ready, "worker", "--once")
        run(
            ready,
            "users",
            "add",
            "dieuphoi",
            "--role",
            "coordinator",
            "--password-stdin",
            input="mat-khau-dai\n",
        )
        result = run(ready, "jobs", "retry", str(job_id), "--as", "dieuphoi")
        assert f"#{job_id}" in result.output
        failed = run(ready, "jobs", "retry", str(job_id), "--as", "dieuphoi", ok=False)
        assert failed.exit_code == 6 and "không ở trạng thái lỗi" in failed.output


def worker_process(settings: Settings, *args: str) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "DXTRACK_JOB_LEASE_SECONDS": "3",
        "DXTRACK_JOB_BATCH_ROWS": "10",
    }
    command = [str(Path(sys.executable).parent / "dxtrack"), "--db", settings.db_url, "--data-dir",
               str(settings.data_dir), "worker", *args]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def checkpoint(settings: Settings, job_id: int) -> int:
    with transaction(settings) as db:
        job = db.get(Job, job_id)
        assert job is not None
        return int((job.checkpoint or {}).get("agencies", 0))


class TestKilledWorker:
    def test_job_resumes_and_completes_exactly_once(self, ready: Settings):
        rows = 300
        job_id = queue(ready, agency_csv(rows))
        first = worker_process(ready)
        deadline = time.monotonic() + 120
        while checkpoint(ready, job_id) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait()
        killed_at = checkpoint(ready, job_id)
        assert 0 < killed_at < rows, "the worker was not killed mid-job"
        time.sleep(3.5)  # the lease runs out
        second = worker_process(ready, "--once")
        assert second.wait(timeout=300) == 0, second.stderr.read() if second.stderr else ""
        with transaction(ready) as db:
            job = db.get(Job, job_id)
            assert job is not None and job.state == "done", job.error
            assert job.attempts == 2 and job.result["created"] == rows
            created = db.scalar(select(func.count()).where(AuditEntry.action == "agency.create",
                                AuditEntry.after["code"].as_string().like("so-nhap-%")))  # fmt: skip
            stored = db.scalar(select(func.count()).where(Agency.code.like("so-nhap-%")))
        assert created == rows and stored == rows


class TestServerThread:
    def test_the_servers_worker_thread_runs_queued_jobs(self, ready: Settings):
        job_id = queue(ready, agency_csv(2))
        stop = start_thread(ready, KINDS)
        try:
            deadline = time.monotonic() + 60
            state = "queued"
            while state != "done" and time.monotonic() < deadline:
                time.sleep(0.2)
                with transaction(ready) as db:
                    job = db.get(Job, job_id)
                    assert job is not None
                    state = job.state
        finally:
            stop.set()
        assert state == "done"
