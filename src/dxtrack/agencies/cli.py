"""`dxtrack agencies import|list|merge|split|dissolve`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from dxtrack.agencies import service
from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.lineage import former_names
from dxtrack.agencies.restructure import ChangeResult, SplitPlan, dissolve_agency, split_agency
from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, parse_day, print_json, unit_of_work
from dxtrack.errors import Invalid

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
        former = former_names(db)
        rows: list[dict[str, Any]] = [
            {
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "former": [f.__dict__ for f in former.get(a.id, [])],
            }
            for a in agencies
        ]
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


def _pairs(values: list[str], option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise Invalid(f"{option}: cần dạng KHÓA=GIÁ TRỊ, nhận «{value}».")
        pairs.append((key.strip(), rest.strip()))
    return pairs


def _mapping(values: list[str]) -> dict[int, str]:
    mapping = {}
    for key, code in _pairs(values, "--assign"):
        if not key.isdigit():
            raise Invalid(f"--assign: mã phân công phải là số, nhận «{key}».")
        mapping[int(key)] = code
    return mapping


def _print_change(result: ChangeResult, verb: str, day: object, json_: bool) -> None:
    if json_:
        print_json(result.to_dict())
        return
    moved = ", ".join(f"{n} sang {code}" for code, n in result.moved.items()) or "không chuyển"
    console.print(f"Đã {verb} {result.predecessor} từ ngày {day:%d/%m/%Y}: {moved}.")
    if result.kept:
        kept = ", ".join(f"#{i}" for i in result.kept)
        console.print(f"Còn {len(result.kept)} phân công chưa giao được ({kept}): xem mục "
                      "«Nhiệm vụ chưa giao được» ở trang Tổng quan.")  # fmt: skip


@app.command("split")
@handle_errors
def split_command(
    code: str = typer.Argument(..., help="Mã cơ quan bị chia tách"),
    into: list[str] = typer.Option(..., "--into", help="Mã cơ quan kế thừa (lặp lại)"),
    names: list[str] = typer.Option([], "--name", help="MÃ=Tên cho cơ quan kế thừa mới"),
    default: str | None = typer.Option(None, "--default", help="Cơ quan nhận mặc định"),
    assign: list[str] = typer.Option([], "--assign", help="MÃ_PHÂN_CÔNG=MÃ_CƠ_QUAN (lặp lại)"),
    on: str = typer.Option(..., "--on", help="Ngày chia tách YYYY-MM-DD"),
    as_user: str = typer.Option(..., "--as", help="Người thực hiện (tên đăng nhập)"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Chia tách một cơ quan thành nhiều cơ quan từ một ngày."""
    day = parse_day(on, option="--on")
    plan = SplitPlan(into=into, names=dict(_pairs(names, "--name")), default=default,
                     mapping=_mapping(assign))  # fmt: skip
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        result = split_agency(db, code=code, plan=plan, on=day, actor=actor)
    _print_change(result, "chia tách", day, json_)


@app.command("dissolve")
@handle_errors
def dissolve_command(
    code: str = typer.Argument(..., help="Mã cơ quan giải thể"),
    into: str | None = typer.Option(None, "--into", help="Mã cơ quan tiếp nhận phân công"),
    name: str | None = typer.Option(None, "--name", help="Tên cơ quan tiếp nhận (nếu mới)"),
    on: str = typer.Option(..., "--on", help="Ngày giải thể YYYY-MM-DD"),
    as_user: str = typer.Option(..., "--as", help="Người thực hiện (tên đăng nhập)"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Giải thể một cơ quan từ một ngày; phân công đang mở chuyển cho cơ quan tiếp nhận."""
    day = parse_day(on, option="--on")
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        result = dissolve_agency(db, code=code, into=into, on=day, name=name, actor=actor)
    _print_change(result, "giải thể", day, json_)
