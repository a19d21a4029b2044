"""`dxtrack ingest FILE... [--confirm]`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import track

from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, err_console, handle_errors, print_json, unit_of_work
from dxtrack.documents.service import ingest_file
from dxtrack.errors import ExtractionFailed


def _ingest_one(path: Path, *, confirm: bool, as_user: str | None) -> dict[str, object]:
    with unit_of_work() as (db, settings):
        actor = get_user(db, as_user) if as_user else None
        result = ingest_file(db, path, settings=settings, actor=actor, confirm=confirm)
        return {
            "file": str(path),
            "document_id": result.document.id,
            "number": result.document.number,
            "duplicate": result.duplicate,
            "tasks": result.tasks,
            "unresolved": result.unresolved,
            "review_state": result.document.review_state,
        }


def _say(item: dict[str, object]) -> None:
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
) -> None:
    """Nhập văn bản: lưu bản gốc, trích xuất thông tin và nhiệm vụ (mỗi tệp một giao dịch)."""
    results, failed = [], 0
    for path in track(
        files, description="Đang nhập văn bản", console=err_console, disable=len(files) < 2 or json_
    ):
        try:
            item = _ingest_one(path, confirm=confirm, as_user=as_user)
        except ExtractionFailed as error:
            failed += 1
            err_console.print(f"[red]Không đọc được:[/] {path}: {error.message}")
            continue
        results.append(item)
        if not json_:
            _say(item)
    if json_:
        print_json(results)
    if failed:
        raise typer.Exit(6)
