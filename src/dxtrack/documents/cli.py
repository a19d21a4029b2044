"""`dxtrack ingest FILE... [--confirm]`: each file in its own transaction, a bad one reported."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import track

from dxtrack.auth.permissions import require_staff
from dxtrack.auth.service import get_user
from dxtrack.cli_support import (
    console,
    err_console,
    exit_code,
    handle_errors,
    print_json,
    unit_of_work,
)
from dxtrack.documents.service import IngestOutcome, ingest_isolated, read_upload
from dxtrack.errors import DxError, ExtractionFailed, Invalid
from dxtrack.extraction.ocr_progress import OcrProgress
from dxtrack.sweep import sweep_orphans
from dxtrack.tasks.service import START_CHOICES

UNREADABLE_EXIT = 6


def _check_actor(as_user: str | None) -> None:
    """Refuse an unknown or non-staff --as once, before any file (exit 4 / 3)."""
    if as_user:
        with unit_of_work() as (db, _settings):
            require_staff(get_user(db, as_user))


def _item(path: Path, outcome: IngestOutcome) -> dict[str, object]:
    if outcome.result is None:
        assert outcome.error is not None
        error = outcome.error
        return {"file": str(path), "status": "failed", "error": error.code, "detail": error.message}
    result = outcome.result
    return {
        "file": str(path),
        "status": "duplicate" if result.duplicate else "created",
        "document_id": result.document.id,
        "number": result.document.number,
        "duplicate": result.duplicate,
        "same_letter": result.same_letter,
        "tasks": result.tasks,
        "unresolved": result.unresolved,
        "review_state": result.document.review_state,
        **_refusal(result.refused),
    }


def _refusal(refused: Invalid | None) -> dict[str, object]:
    if refused is None:
        return {}
    detail = refused.detail if isinstance(refused.detail, dict) else {}
    return {"confirm_error": refused.message, "unresolved_tasks": detail.get("unresolved", [])}


def _ingest_one(
    path: Path, *, confirm: bool, as_user: str | None, start: str = "document"
) -> tuple[dict[str, object], int]:
    """(the file's JSON item, its exit code: 0 when stored or already there)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = "không có quyền đọc" if isinstance(error, PermissionError) else "lỗi đọc đĩa"
        unreadable = Invalid(f"Không đọc được tệp «{path.name}»: {reason}.")
        return _item(path, IngestOutcome(path.name, error=unreadable)), UNREADABLE_EXIT
    with OcrProgress(path.name, console=err_console) as progress:  # scans: a bar per page
        read = read_upload(data, path.name, progress=progress)  # before the write transaction
    with unit_of_work() as (db, settings):
        actor = get_user(db, as_user) if as_user else None
        outcome = ingest_isolated(
            db,
            data=data,
            filename=path.name,
            settings=settings,
            actor=actor,
            confirm=confirm,
            start=start,
            read=read,
        )
        item = _item(path, outcome)
    if outcome.error:
        return item, _failure_code(outcome.error)
    return item, UNREADABLE_EXIT if "confirm_error" in item else 0


def _failure_code(error: DxError) -> int:
    return UNREADABLE_EXIT if isinstance(error, ExtractionFailed) else exit_code(error)


def _say_refusal(item: dict[str, object]) -> None:
    """Confirming refused: each unresolved name with its task, on stderr."""
    err_console.print(
        f"[red]Chưa xác nhận:[/] {item['file']} (văn bản #{item['document_id']}, các nhiệm vụ "
        "vẫn chờ rà soát) — tên cơ quan chưa có trong danh mục:",
        highlight=False,
    )
    for party in item["unresolved_tasks"]:  # type: ignore[attr-defined]
        task = f"nhiệm vụ {party['clause']}" if party["clause"] else f"nhiệm vụ #{party['task_id']}"
        err_console.print(f"  {task} (#{party['task_id']}): «{party['name']}»", highlight=False)


def _say(item: dict[str, object], *, json_: bool) -> None:
    if "confirm_error" in item:
        _say_refusal(item)
        if json_:
            return
    if item["status"] == "failed":
        err_console.print(f"[red]Không nhập được:[/] {item['file']}: {item['detail']}")
        return
    if item["same_letter"]:
        console.print(
            f"[yellow]Đã có:[/] {item['file']}: trùng số {item['number']}, cơ quan ban hành và "
            f"ngày ban hành với văn bản #{item['document_id']} (cùng văn bản, tệp khác).",
            highlight=False,
        )
        return
    if item["duplicate"]:
        console.print(f"[yellow]Đã có:[/] {item['file']} trùng văn bản #{item['document_id']}.")
        return
    console.print(
        f"[green]Đã nhập:[/] {item['file']} → văn bản #{item['document_id']}, "
        f"{item['tasks']} nhiệm vụ ({'đã xác nhận' if item['review_state'] == 'confirmed' else 'chờ rà soát'})."
    )
    for name in item["unresolved"]:  # type: ignore[attr-defined]
        console.print(f"  [yellow]Chưa nhận diện cơ quan:[/] {name}")


@handle_errors
def ingest_command(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Các tệp văn bản"),
    confirm: bool = typer.Option(False, "--confirm", help="Xác nhận ngay các nhiệm vụ trích xuất"),
    as_user: str | None = typer.Option(None, "--as", help="Thực hiện với tư cách người dùng"),
    json_: bool = typer.Option(False, "--json", help="In kết quả dạng JSON"),
    start: str = typer.Option(
        "document",
        "--start",
        help="Nhiệm vụ định kỳ bắt đầu từ ngày văn bản (document) hay từ kỳ tiếp theo (next)",
    ),
) -> None:
    """Nhập văn bản: lưu bản gốc, trích xuất thông tin và nhiệm vụ (mỗi tệp một giao dịch;
    tệp lỗi được báo và bỏ qua, các tệp khác vẫn được nhập)."""
    if start not in START_CHOICES:
        raise Invalid(f"--start: «{start}» không hợp lệ (document hoặc next).")
    _check_actor(as_user)
    with unit_of_work() as (db, settings):  # what an ingest killed earlier left behind
        sweep_orphans(db, settings)
    results, codes = [], []
    for path in track(
        files, description="Đang nhập văn bản", console=err_console, disable=len(files) < 2 or json_
    ):
        item, code = _ingest_one(path, confirm=confirm, as_user=as_user, start=start)
        results.append(item)
        if code:
            codes.append(code)
        if not json_ or code:
            _say(item, json_=json_)
    if json_:
        print_json(results)
    if codes:
        refused = sum(1 for item in results if "confirm_error" in item)
        if len(codes) > refused:
            err_console.print(f"Không nhập được {len(codes) - refused}/{len(files)} tệp.")
        if refused:
            err_console.print(
                f"{refused}/{len(files)} văn bản chưa xác nhận: hãy chọn cơ quan cho các tên trên "
                "trên màn hình rà soát văn bản, hoặc đánh dấu «ngoài danh mục»."
            )
        raise typer.Exit(codes[0])
