"""`dxtrack agencies import|list`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from dxtrack.agencies import service
from dxtrack.agencies.changes import merge_agencies
from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, parse_day, print_json, unit_of_work

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


@app.command("merge")
@handle_errors
def merge_command(
    codes: list[str] = typer.Argument(..., help="Mã các cơ quan được hợp nhất"),
    into: str = typer.Option(..., "--into", help="Mã cơ quan tiếp nhận (mới hoặc đã có)"),
    name: str | None = typer.Option(None, "--name", help="Tên cơ quan tiếp nhận"),
    on: str = typer.Option(..., "--on", help="Ngày hợp nhất YYYY-MM-DD"),
    as_user: str = typer.Option(..., "--as", help="Người thực hiện (tên đăng nhập)"),
) -> None:
    """Hợp nhất cơ quan từ một ngày: phân công đang mở chuyển sang cơ quan tiếp nhận."""
    day = parse_day(on, option="--on")
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        result = merge_agencies(db, codes=codes, into=into, on=day, name=name, actor=actor)
    console.print(
        f"Đã hợp nhất {', '.join(result.predecessors)} vào {result.successor} từ ngày "
        f"{day:%d/%m/%Y}: chuyển {result.moved} phân công đang mở"
        + (f", giữ lại {result.kept} phân công trùng nhiệm vụ." if result.kept else ".")
    )
