"""`dxtrack tasks list`, `dxtrack progress add`, `dxtrack status`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from dxtrack import vn
from dxtrack.auth.service import get_user
from dxtrack.cli_support import (
    console,
    handle_errors,
    parse_day,
    print_json,
    unit_of_work,
)
from dxtrack.tasks.chain_cli import register as register_chain
from dxtrack.tasks.counts import recount
from dxtrack.tasks.delegation import (
    Delegation,
    assignment_detail,
    delegate,
    delegation_result,
)
from dxtrack.tasks.fanout import roll_recurring
from dxtrack.tasks.models import ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress
from dxtrack.tasks.queries import list_tasks
from dxtrack.tasks.rhythm_cli import register as register_rhythm
from dxtrack.tasks.sheet_cli import register as register_sheet
from dxtrack.tasks.stats import status_report
from dxtrack.tasks.status import STATUS_LABELS, STATUSES

tasks_app = typer.Typer(help="Nhiệm vụ.", no_args_is_help=True)
progress_app = typer.Typer(help="Báo cáo tiến độ.", no_args_is_help=True)
register_chain(tasks_app)
register_sheet(progress_app)
register_rhythm(tasks_app)


@tasks_app.command("list")
@handle_errors
def list_command(
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    at: str | None = typer.Option(
        None, "--at", help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay)"
    ),
) -> None:
    """Liệt kê nhiệm vụ và phân công kèm trạng thái tại một ngày."""
    day = parse_day(at)
    with unit_of_work() as (db, settings):
        tasks = list_tasks(db, at=day, due_soon_days=settings.due_soon_days)
    if json_:
        print_json(tasks)
        return
    table = Table("#", "Văn bản", "Mục", "Thời hạn", "Nội dung", "Phân công")
    for task in tasks:
        table.add_row(
            str(task["id"]),
            str(task["document"]),
            task["clause"],
            task["deadline"] or "—",
            task["summary"][:60],
            str(len(task["assignments"])),
        )
    console.print(table)


@tasks_app.command("delegate")
@handle_errors
def delegate_command(
    assignment: int = typer.Option(..., "--assignment", help="Mã phân công được giao"),
    to: list[str] = typer.Option(..., "--to", help="Mã đơn vị nhận (lặp lại được)"),
    as_user: str = typer.Option(..., "--as", help="Người giao (tên đăng nhập)"),
    deadline: str | None = typer.Option(None, "--deadline", help="Thời hạn YYYY-MM-DD"),
    note: str = typer.Option("", "--note", help="Ghi chú cho đơn vị nhận"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Giao tiếp một phân công cho đơn vị trực thuộc hoặc xã, phường, đặc khu."""
    request = Delegation(
        targets=to,
        deadline=parse_day(deadline, option="--deadline") if deadline else None,
        note=note,
    )
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        created = delegate(db, assignment_id=assignment, request=request, actor=actor)
        result = delegation_result(db, created)
    if json_:
        print_json(result)
        return
    for item in result:
        console.print(f"Đã giao phân công #{item['id']} cho {item['agency']}.")


@tasks_app.command("assignment")
@handle_errors
def assignment_command(
    assignment_id: int = typer.Argument(..., help="Mã phân công"),
    at: str | None = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Một phân công, các phân công cấp dưới và tổng hợp trạng thái của chúng."""
    day = parse_day(at)
    with unit_of_work() as (db, settings):
        detail = assignment_detail(
            db,
            assignment_id=assignment_id,
            at=day,
            viewer=None,
            due_soon_days=settings.due_soon_days,
        )
    if json_:
        print_json(detail)
        return
    console.print(f"Phân công #{detail['id']} — {detail['agency']}: {detail['status']}")
    for child in detail["children"]:
        console.print(f"  #{child['id']} {child['agency_name']}: {child['status']}")
    console.print(", ".join(f"{STATUS_LABELS[s]}: {n}" for s, n in detail["rollup"].items()))


@tasks_app.command("recount")
@handle_errors
def recount_command() -> None:
    """Tính lại bảng đếm phân công dùng cho tổng hợp (sau khi nhập dữ liệu hàng loạt)."""
    with unit_of_work() as (db, _settings):
        rows = recount(db, actor=None)
    console.print(f"Đã tính lại {rows} dòng tổng hợp.")


@tasks_app.command("roll")
@handle_errors
def roll_command(
    until: str | None = typer.Option(
        None, "--until", help="Đến ngày YYYY-MM-DD (mặc định cuối năm nay)"
    ),
) -> None:
    """Tạo các kỳ mới cho nhiệm vụ định kỳ (hằng tuần, tháng, quý ...) đến một ngày."""
    day = parse_day(until, option="--until") if until else date(vn.today().year, 12, 31)
    with unit_of_work() as (db, _settings):
        created = roll_recurring(db, until=day, actor=None)
    console.print(f"Đã tạo {created} phân công cho các kỳ đến ngày {vn.date_text(day)}.")


@progress_app.command("add")
@handle_errors
def add_command(
    assignment: int = typer.Option(..., "--assignment", help="Mã phân công"),
    as_user: str = typer.Option(..., "--as", help="Người báo cáo (tên đăng nhập)"),
    state: ProgressState = typer.Option(
        ..., "--state", help="not_started|in_progress|done|blocked"
    ),
    percent: int | None = typer.Option(None, "--percent", min=0, max=100),
    completed_on: str | None = typer.Option(None, "--completed-on", help="YYYY-MM-DD"),
    note: str = typer.Option("", "--note", help="Kết quả thực hiện"),
    difficulties: str = typer.Option("", "--difficulties", help="Khó khăn, vướng mắc"),
    proposals: str = typer.Option("", "--proposals", help="Kiến nghị, đề xuất"),
    evidence: list[Path] = typer.Option([], "--evidence", exists=True, dir_okay=False),
    expected_version: int | None = typer.Option(None, "--expected-version"),
    reason: str = typer.Option(
        "", "--reason", help="Lý do báo hoàn thành khi đơn vị cấp dưới chưa xong"
    ),
) -> None:
    """Báo cáo tiến độ một phân công (cùng kiểm tra quyền như API)."""
    data = ProgressInput(
        state=state,
        percent=percent,
        note=note,
        difficulties=difficulties,
        proposals=proposals,
        completed_on=parse_day(completed_on, option="--completed-on") if completed_on else None,
        files=[(path.name, path.read_bytes()) for path in evidence],
        open_children_reason=reason,
    )
    with unit_of_work() as (db, settings):
        actor = get_user(db, as_user)
        report = report_progress(
            db,
            assignment_id=assignment,
            data=data,
            expected_version=expected_version,
            settings=settings,
            actor=actor,
        )
        report_id = report.id
    console.print(f"Đã ghi báo cáo tiến độ #{report_id} cho phân công #{assignment}.")


@handle_errors
def status_command(
    at: str | None = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    fold: bool = typer.Option(
        False, "--fold", help="Gộp số liệu của cơ quan đã hợp nhất vào cơ quan tiếp nhận"
    ),
) -> None:
    """Tổng hợp trạng thái nhiệm vụ theo cơ quan tại một ngày."""
    day = parse_day(at)
    with unit_of_work() as (db, settings):
        report = status_report(
            db, at=day, due_soon_days=settings.due_soon_days, fold_predecessors=fold
        )
    if json_:
        print_json(report)
        return
    table = Table("Cơ quan", "Được giao", *(STATUS_LABELS[s] for s in STATUSES), "Đúng hạn")
    for row in report["agencies"]:
        rate = "—" if row["on_time_rate"] is None else f"{row['on_time_rate']:.0%}"
        table.add_row(row["name"], str(row["assigned"]), *(str(row[s]) for s in STATUSES), rate)
    console.print(f"Tình hình thực hiện nhiệm vụ tại ngày {vn.date_text(day)}")
    console.print(table)
