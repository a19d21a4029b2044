"""Large imports as jobs: the file is stored, parsed by the worker with no transaction open,
then written in batches of `DXTRACK_JOB_BATCH_ROWS` rows, each batch committed with the
job's checkpoint (a resumed job starts after the last committed batch; every import is an
upsert by code, so a batch repeated after a kill changes nothing). The bad rows of a refused
file come back as a downloadable report (CSV, Vietnamese headers).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from dxtrack.agencies.importer import Directory, read_directory
from dxtrack.agencies.service import ImportResult, import_directory
from dxtrack.config import Settings
from dxtrack.errors import DxError, Invalid
from dxtrack.files import clean_filename, safe_suffix, store_blob
from dxtrack.indicators.service import get_plan, require_writer
from dxtrack.indicators.transfer import import_annex
from dxtrack.jobs.context import JobContext
from dxtrack.jobs.models import Job
from dxtrack.jobs.service import enqueue
from dxtrack.tables import open_xlsx

if TYPE_CHECKING:
    from dxtrack.auth.models import User

AGENCY_IMPORT = "agencies.import"
_LINE = re.compile(r"^(?:.*?\b)?[Dd]òng (\d+)\s*[:,.]?\s*(.*)$", re.DOTALL)


def count_rows(data: bytes, filename: str) -> int:
    """Data rows of a CSV or XLSX file (all sheets), read cheaply to decide on a job."""
    if Path(filename).suffix.lower() == ".csv":
        return max(data.count(b"\n") - 1, 0)
    try:
        workbook = open_xlsx(data)
    except Invalid:
        return 0  # the import itself reports an unreadable file, with its reason
    try:
        return sum(max((sheet.max_row or 1) - 1, 0) for sheet in workbook.worksheets)
    finally:
        workbook.close()


def is_large(settings: Settings, data: bytes, filename: str) -> bool:
    return count_rows(data, filename) > settings.job_row_threshold


def enqueue_import(
    db: Session,
    *,
    kind: str,
    data: bytes,
    filename: str,
    params: dict[str, Any],
    settings: Settings,
    actor: User | None,
    entity: str | None = None,
    entity_id: int | None = None,
) -> Job:
    """Store the uploaded file under jobs/ and queue its import."""
    filename = clean_filename(filename)
    _digest, relative = store_blob(settings.jobs_dir, data, suffix=safe_suffix(filename))
    payload = {"file": relative, "filename": filename, **params}
    label = f"Đang chờ nhập tệp «{filename}»"
    return enqueue(
        db, kind=kind, payload=payload, actor=actor, entity=entity, entity_id=entity_id, label=label
    )


def split_line(message: str) -> tuple[str, str]:
    """("12", "reason") from "Dòng 12: reason"; ("", message) when no row is named."""
    match = _LINE.match(message.strip())
    return (match.group(1), match.group(2).strip()) if match else ("", message.strip())


def error_report(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> bytes:
    """CSV in UTF-8 with a BOM (Excel opens it with its diacritics), Vietnamese headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_errors(ctx: JobContext, error: DxError) -> None:
    """Keep the bad rows a refused file came back with as the job's report (Dòng, Lỗi)."""
    detail = error.detail if isinstance(error.detail, list) else [error.message]
    rows = [split_line(str(item)) for item in detail]
    ctx.store_report(error_report(rows, ("Dòng", "Lỗi")), ".csv")


def batches(items: Sequence[Any], size: int, start: int) -> Iterable[tuple[int, Sequence[Any]]]:
    """(end, batch) from `start` on: the checkpoint after each batch is its end."""
    for first in range(start, len(items), size):
        yield min(first + size, len(items)), items[first : first + size]


def _read_agencies(ctx: JobContext) -> Directory:
    """Parse the stored file under its original name (messages name the user's file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / str(ctx.payload["filename"])
        path.write_bytes(ctx.input_path().read_bytes())
        try:
            return read_directory(path)
        except DxError as error:
            report_errors(ctx, error)
            raise


def _add(counts: dict[str, int], result: ImportResult) -> dict[str, int]:
    keys = ("created", "updated", "groups")
    return {key: counts.get(key, 0) + getattr(result, key) for key in keys}


def run_agency_import(ctx: JobContext) -> dict[str, Any]:
    """The agency directory import in batches: agencies (by code), then the groups."""
    directory = _read_agencies(ctx)  # no transaction open: parsing a big file blocks no one
    total = len(directory.agencies) + len(directory.groups)
    counts: dict[str, int] = dict(ctx.checkpoint.get("counts", {}))
    start = int(ctx.checkpoint.get("agencies", 0))
    for end, batch in batches(directory.agencies, ctx.settings.job_batch_rows, start):
        with ctx.unit() as db:
            part = Directory(agencies=list(batch))
            counts = _add(counts, import_directory(db, part, actor=ctx.actor(db)))
            ctx.save_checkpoint(db, {"agencies": end, "counts": counts})
        ctx.progress(end, total, f"Đang nhập danh mục: {end}/{total} dòng")
    with ctx.unit() as db:
        try:
            groups = import_directory(db, Directory(groups=directory.groups), actor=ctx.actor(db))
        except Invalid as error:
            report_errors(ctx, error)
            raise
        result = _add(counts, groups) | {"rows": total}
        ctx.label = (
            f"Đã nhập {total} dòng: {result['created']} cơ quan mới, {result['updated']} cập nhật, "
            f"{result['groups']} nhóm thay đổi."
        )
        ctx.complete(db, result)
    return result


ANNEX_IMPORT = "indicators.import"


def enqueue_annex_import(
    db: Session, *, plan_code: str, data: bytes, at: date, settings: Settings, actor: User
) -> Job:
    """A large annex: checked and imported by a background job."""
    require_writer(actor)
    get_plan(db, plan_code)  # a wrong code is refused now, not in the job
    return enqueue_import(
        db, kind=ANNEX_IMPORT, data=data, filename=f"{plan_code}.xlsx",
        params={"plan": plan_code, "at": at.isoformat()}, settings=settings, actor=actor,
    )  # fmt: skip


def run_annex_import(ctx: JobContext) -> dict[str, Any]:
    """The annex import keeps its documented all-or-nothing rule: one write transaction (a
    malformed row imports nothing, and the job's report lists every bad row)."""
    data = ctx.input_path().read_bytes()
    ctx.progress(0, 0, "Đang kiểm tra và nhập phụ lục chỉ tiêu")
    with ctx.unit() as db:
        try:
            result = import_annex(
                db, plan_code=str(ctx.payload["plan"]), data=data,
                at=date.fromisoformat(str(ctx.payload["at"])), settings=ctx.settings,
                actor=ctx.actor(db),
            )  # fmt: skip
        except DxError as error:
            report_errors(ctx, error)
            raise
        ctx.label = (
            f"Đã nhập: {result['indicators_created']} chỉ tiêu mới, "
            f"{result['indicators_updated']} cập nhật, {result['measurements']} kết quả."
        )
        ctx.complete(db, dict(result))
    return dict(result)
