"""`dxtrack agencies import|list`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from dxtrack.agencies import service
from dxtrack.cli_support import console, handle_errors, print_json, unit_of_work

app = typer.Typer(help="Danh mục cơ quan, đơn vị và nhóm cơ quan.", no_args_is_help=True)


@app.command("import")
@handle_errors
def import_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Tệp CSV hoặc XLSX"),
    replace: bool = typer.Option(
        False, "--replace", help="Xóa các cơ quan không có trong tệp (nếu chưa được sử dụng)"
    ),
) -> None:
    """Nhập (thêm mới hoặc cập nhật theo mã) danh mục cơ quan hoặc nhóm cơ quan."""
    with unit_of_work() as (db, _settings):
        result = service.import_file(db, file, replace=replace, actor=None)
    console.print(
        f"Đã nhập: {result.created} cơ quan mới, {result.updated} cập nhật, "
        f"{result.removed} xóa, {result.kept} giữ lại (đang được sử dụng), "
        f"{result.groups} nhóm thay đổi."
    )


@app.command("list")
@handle_errors
def list_command(
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    kind: str | None = typer.Option(None, "--kind", help="Lọc theo loại"),
) -> None:
    """Liệt kê cơ quan, đơn vị."""
    with unit_of_work() as (db, _settings):
        agencies = service.list_agencies(db, kind=kind)
        rows = [{"code": a.code, "name": a.name, "kind": a.kind} for a in agencies]
    if json_:
        print_json(rows)
        return
    table = Table("Mã", "Tên cơ quan", "Loại")
    for row in rows:
        table.add_row(row["code"], row["name"], row["kind"])
    console.print(table)
