"""The progress spreadsheet import (Phiếu cập nhật tiến độ) as a background job.

`tasks.sheet_import.import_progress_sheet()` checks and applies the rows in one session; its
`progress(done, total)` hook, called between rows, commits every `DXTRACK_JOB_BATCH_ROWS` rows
with the job's checkpoint and progress, so the write lock is held one batch at a time. A job
taken again after a kill runs the sheet again: the rows a committed batch applied now come
back "unchanged" (nothing is applied twice); the result says after how many rows it resumed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.errors import DxError, Forbidden
from dxtrack.files import store_blob
from dxtrack.jobs.context import JobContext
from dxtrack.jobs.imports import enqueue_import, error_report, report_errors
from dxtrack.jobs.models import Job
from dxtrack.tasks.sheet import require_sheet_user
from dxtrack.tasks.sheet_import import RowResult, import_progress_sheet

if TYPE_CHECKING:
    from dxtrack.auth.models import User

PROGRESS_IMPORT = "progress.import"
BAD = {"invalid": "Không hợp lệ", "conflict": "Xung đột phiên bản"}
RESULTS = ("applied", "unchanged", "conflict", "invalid")


def bad_rows_report(rows: list[RowResult]) -> bytes:
    lines = [(r.row, r.assignment or "", BAD[r.result], r.detail) for r in rows if r.result in BAD]
    return error_report(lines, ("Dòng", "Mã phân công", "Kết quả", "Chi tiết"))


def _label(counts: dict[str, int], rows: int) -> str:
    return (
        f"Đã nhập {rows} dòng: {counts['applied']} ghi mới, {counts['unchanged']} không đổi, "
        f"{counts['conflict']} xung đột, {counts['invalid']} không hợp lệ."
    )


def run_progress_import(ctx: JobContext) -> dict[str, Any]:
    data = ctx.input_path().read_bytes()
    evidence = ctx.payload.get("evidence")
    bundle = (ctx.settings.jobs_dir / str(evidence)).read_bytes() if evidence else None
    resumed = int(ctx.checkpoint.get("rows", 0))
    batch = ctx.settings.job_batch_rows
    with ctx.unit() as db:
        actor = ctx.actor(db)
        if actor is None:
            raise Forbidden("Người gửi phiếu không còn trong hệ thống.")

        def progress(done: int, total: int) -> None:
            if done % batch == 0 and done < total:
                label = f"Đang nhập phiếu tiến độ: {done}/{total} dòng"
                rows = max(done, resumed)
                ctx.commit_batch(db, {"rows": rows}, done=done, total=total, label=label)

        try:
            report = import_progress_sheet(
                db, data, actor=actor, evidence=bundle, settings=ctx.settings, progress=progress
            )
        except DxError as error:
            report_errors(ctx, error)
            raise
        counts = {key: report.count(key) for key in RESULTS}
        if counts["conflict"] or counts["invalid"]:
            ctx.store_report(bad_rows_report(report.rows), ".csv")
        summary = {"rows": len(report.rows), **counts, "resumed_after": resumed}
        summary["done_without_evidence"] = len(report.done_without_evidence)
        ctx.label = _label(counts, len(report.rows))
        ctx.complete(db, summary)
    return summary


def enqueue_progress_import(
    db: Session, *, data: bytes, evidence: bytes | None, settings: Settings, actor: User
) -> Job:
    """Store the sheet (and its evidence ZIP) and queue the import; the officer follows it."""
    require_sheet_user(actor)
    params: dict[str, Any] = {}
    if evidence:
        params["evidence"] = store_blob(settings.jobs_dir, evidence, suffix=".zip")[1]
    return enqueue_import(
        db, kind=PROGRESS_IMPORT, data=data, filename="phieu-tien-do.xlsx", params=params,
        settings=settings, actor=actor,
    )  # fmt: skip
