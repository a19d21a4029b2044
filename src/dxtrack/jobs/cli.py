"""`dxtrack worker` (run background jobs) and `dxtrack jobs list|retry`."""

from __future__ import annotations

import signal
import threading
from types import FrameType

import typer
from rich.table import Table

from dxtrack import vn
from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, print_json, unit_of_work
from dxtrack.config import get_settings
from dxtrack.jobs import service
from dxtrack.jobs.kinds import KINDS, kind_label
from dxtrack.jobs.models import STATE_LABELS, Job, JobState
from dxtrack.jobs.worker import Worker

app = typer.Typer(help="Công việc nền: nhận dạng chữ, nhập tệp lớn.", no_args_is_help=True)


@handle_errors
def worker_command(
    once: bool = typer.Option(
        False, "--once", help="Làm hết các công việc đang chờ rồi thoát (cho cron, kiểm thử)"
    ),
) -> None:
    """Chạy các công việc nền (nhận dạng chữ, nhập tệp lớn) cho đến khi bị dừng."""
    worker = Worker(get_settings(), KINDS)
    if once:
        count = worker.drain()
        console.print(f"Đã xử lý {count} công việc nền.")
        return
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    console.print("Đang chạy công việc nền (Ctrl+C để dừng).")
    worker.run_forever(stop)


def job_row(job: Job) -> dict[str, object]:
    return {
        "id": job.id,
        "kind": job.kind,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "label": job.label,
        "error": job.error,
        "result": job.result,
        "attempts": job.attempts,
        "entity": job.entity,
        "entity_id": job.entity_id,
        "created_at": job.created_at.isoformat(),
    }


@app.command("list")
@handle_errors
def list_command(
    state: JobState | None = typer.Option(None, "--state", help="queued|running|done|failed"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Liệt kê công việc nền (mới nhất trước)."""
    with unit_of_work() as (db, _settings):
        rows = [job_row(j) for j in service.list_jobs(db, state=state, page_size=200)[0]]
    if json_:
        print_json(rows)
        return
    table = Table("#", "Loại", "Trạng thái", "Tiến độ", "Lỗi")
    for row in rows:
        state_label = STATE_LABELS[JobState(str(row["state"]))]
        progress = f"{row['done']}/{row['total']} {row['label']}" if row["total"] else row["label"]
        table.add_row(
            str(row["id"]),
            kind_label(str(row["kind"])),
            state_label,
            str(progress),
            str(row["error"] or ""),
        )
    console.print(table)


@app.command("retry")
@handle_errors
def retry_command(
    job_id: int = typer.Argument(..., help="Mã công việc nền"),
    as_user: str = typer.Option(..., "--as", help="Người yêu cầu chạy lại (quản trị, điều phối)"),
) -> None:
    """Chạy lại một công việc nền bị lỗi (tiếp tục từ phần đã lưu)."""
    with unit_of_work() as (db, _settings):
        job = service.retry_job(db, job_id=job_id, actor=get_user(db, as_user))
        created = vn.datetime_text(job.created_at)
    console.print(f"Đã xếp lại công việc nền #{job_id} (tạo lúc {created}) vào hàng đợi.")
