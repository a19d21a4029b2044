"""`dxtrack plans create|list|tasks|link-tasks|summary|rollup` and
`dxtrack indicators import|export|list|measure`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from rich.table import Table

from dxtrack import vn
from dxtrack.auth.models import User
from dxtrack.auth.service import get_user
from dxtrack.cli_support import console, handle_errors, parse_day, print_json, unit_of_work
from dxtrack.errors import Invalid, NotFound
from dxtrack.indicators import measurements, queries, service
from dxtrack.indicators.numbers import parse_number
from dxtrack.indicators.rollup import rollup
from dxtrack.indicators.schemas import MeasurementCreate, PillarCreate, PlanCreate, RollupWeights
from dxtrack.indicators.transfer import export_annex, import_annex

plans_app = typer.Typer(help="Kế hoạch, chương trình và trụ cột.", no_args_is_help=True)
indicators_app = typer.Typer(help="Chỉ tiêu và kết quả thực hiện.", no_args_is_help=True)
M = TypeVar("M", bound=BaseModel)
AS_OPTION = typer.Option(None, "--as", help="Người thực hiện (tên đăng nhập; mặc định hệ thống)")
AT_OPTION = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay)")


def build(model: type[M], **values: Any) -> M:
    """A schema from CLI values; a validation failure becomes Invalid (exit 6)."""
    try:
        return model(**values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise Invalid(f"Giá trị không hợp lệ ({where}): {first.get('msg', '')}.") from None


def _actor(db: Any, username: str | None) -> User | None:
    return get_user(db, username) if username else None


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{vn.number(value * 100, 2, trim=True)}%"


@plans_app.command("create")
@handle_errors
def create_command(
    code: str = typer.Argument(..., help="Mã kế hoạch, ví dụ KH-CDS-2025"),
    name: str = typer.Option(..., "--name", help="Tên kế hoạch"),
    year: int = typer.Option(..., "--year", help="Năm"),
    document: int | None = typer.Option(None, "--document", help="Mã văn bản nguồn"),
    pillar: list[str] = typer.Option([], "--pillar", help="Tên trụ cột (lặp lại được)"),
    dx_pillars: bool = typer.Option(
        False, "--dx-pillars", help="Dùng 9 trụ cột của kế hoạch chuyển đổi số cấp tỉnh"
    ),
    budget: int | None = typer.Option(None, "--budget", help="Tổng kinh phí (đồng)"),
    budget_source: list[str] = typer.Option(
        [], "--budget-source", help="NGUỒN=SỐ_TIỀN, nguồn recurrent|investment|other (lặp lại)"
    ),
    as_user: str | None = AS_OPTION,
) -> None:
    """Tạo kế hoạch (gắn văn bản nguồn, trụ cột, kinh phí theo nguồn)."""
    names = [*(service.DX_PILLARS if dx_pillars else ()), *pillar]
    sources = dict(item.partition("=")[::2] for item in budget_source)
    data = build(
        PlanCreate,
        code=code,
        name=name,
        year=year,
        document_id=document,
        budget_total=budget,
        budget_by_source=sources,
        pillars=[PillarCreate(name=n) for n in names],
    )
    with unit_of_work() as (db, _settings):
        plan = service.create_plan(db, data=data, actor=_actor(db, as_user))
        plan_id = plan.id
    console.print(f"Đã tạo kế hoạch «{code}» (#{plan_id}) với {len(names)} trụ cột.")


@plans_app.command("list")
@handle_errors
def list_command(json_: bool = typer.Option(False, "--json", help="In ra JSON")) -> None:
    """Liệt kê kế hoạch."""
    with unit_of_work() as (db, _settings):
        plans = [queries.plan_detail(db, p.code) for p in service.list_plans(db)]
    if json_:
        print_json(plans)
        return
    table = Table("Mã", "Tên kế hoạch", "Năm", "Văn bản", "Trụ cột")
    for plan in plans:
        table.add_row(
            plan["code"], plan["name"], str(plan["year"]), str(plan["document_id"] or "—"),
            str(len(plan["pillars"])),
        )  # fmt: skip
    console.print(table)


@plans_app.command("link-tasks")
@handle_errors
def link_command(
    code: str = typer.Argument(..., help="Mã kế hoạch"),
    task: list[str] = typer.Option(
        [], "--task", help="ID:MÃ_TRỤ_CỘT (lặp lại); bỏ trống: theo tiền tố mục của trụ cột"
    ),
    as_user: str | None = AS_OPTION,
) -> None:
    """Gắn nhiệm vụ của văn bản nguồn vào kế hoạch, theo trụ cột."""
    links: dict[int, str | None] = {}
    for item in task:
        task_id, _, pillar = item.partition(":")
        if not task_id.isdigit():
            raise Invalid(f"--task: «{item}» không đúng dạng ID:MÃ_TRỤ_CỘT.")
        links[int(task_id)] = pillar or None
    with unit_of_work() as (db, _settings):
        count = service.link_tasks(db, plan_code=code, links=links, actor=_actor(db, as_user))
    console.print(f"Đã gắn {count} nhiệm vụ vào kế hoạch «{code}».")


@plans_app.command("summary")
@handle_errors
def summary_command(
    code: str = typer.Argument(..., help="Mã kế hoạch"),
    at: str | None = AT_OPTION,
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Tổng hợp kết quả chỉ tiêu theo trụ cột và toàn kế hoạch, kinh phí theo nguồn."""
    day = parse_day(at)
    with unit_of_work() as (db, _settings):
        summary = queries.plan_summary(db, plan_code=code, at=day)
    if json_:
        print_json(summary)
        return
    console.print(f"{summary['name']} — tại ngày {vn.date_text(day)}: {summary['sentence']}")
    table = Table("Trụ cột", "Chỉ tiêu", "Đạt", "Không đạt", "Chưa đánh giá", "Tỷ lệ đạt")
    for row in summary["pillars"]:
        table.add_row(
            row["name"], str(row["total"]), str(row["achieved"]), str(row["not_achieved"]),
            str(row["not_evaluated"]), _rate(row["rate_all"]),
        )  # fmt: skip
    console.print(table)
    for warning in summary["budget"]["warnings"]:
        console.print(f"[yellow]Cảnh báo:[/] {warning}")


@plans_app.command("rollup")
@handle_errors
def rollup_command(
    code: str | None = typer.Argument(None, help="Mã kế hoạch (bỏ trống: toàn tỉnh)"),
    at: str | None = AT_OPTION,
    w_tasks: float = typer.Option(0.5, "--w-tasks", min=0, help="Trọng số tỷ lệ đúng hạn"),
    w_indicators: float = typer.Option(0.5, "--w-indicators", min=0, help="Trọng số chỉ tiêu"),
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Chỉ số tổng hợp theo cơ quan và theo trụ cột (toàn tỉnh: thêm theo kế hoạch), xếp hạng."""
    day = parse_day(at)
    weights = build(RollupWeights, tasks=w_tasks, indicators=w_indicators)
    with unit_of_work() as (db, settings):
        index = rollup(
            db, plan_code=code, at=day, weights=weights, due_soon_days=settings.due_soon_days
        )
    if json_:
        print_json(index)
        return
    levels = [("Cơ quan", index["agencies"]), ("Trụ cột", index["pillars"])]
    levels += [("Kế hoạch", index["plans"])] if "plans" in index else []
    for title, rows in levels:
        table = Table("Hạng", title, "Đúng hạn", "Chỉ tiêu đạt", "Điểm")
        for row in rows:
            table.add_row(
                str(row["rank"] or "—"), row["name"], _rate(row["task_on_time_rate"]),
                _rate(row["indicator_rate"]), _rate(row["score"]),
            )  # fmt: skip
        console.print(table)


@indicators_app.command("import")
@handle_errors
def import_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Tệp XLSX phụ lục"),
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch"),
    at: str | None = typer.Option(None, "--at", help="Thời điểm số liệu của cột Kết quả"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Nhập chỉ tiêu, kết quả (và dự án) từ tệp XLSX; có dòng lỗi thì không nhập gì."""
    day = parse_day(at)
    with unit_of_work() as (db, settings):
        result = import_annex(
            db, plan_code=plan, data=file.read_bytes(), at=day, settings=settings,
            actor=_actor(db, as_user),
        )  # fmt: skip
    console.print(
        f"Đã nhập: {result['indicators_created']} chỉ tiêu mới, "
        f"{result['indicators_updated']} cập nhật, {result['measurements']} kết quả, "
        f"{result['projects_created']} dự án mới, {result['projects_updated']} dự án cập nhật."
    )


@indicators_app.command("export")
@handle_errors
def export_command(
    file: Path = typer.Argument(..., dir_okay=False, help="Tệp XLSX ghi ra"),
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch"),
    at: str | None = AT_OPTION,
) -> None:
    """Xuất chỉ tiêu (kèm kết quả, đánh giá) và dự án của kế hoạch ra XLSX."""
    day = parse_day(at)
    with unit_of_work() as (db, _settings):
        data = export_annex(db, plan_code=plan, at=day)
    file.write_bytes(data)
    console.print(f"Đã ghi {file}.")


@indicators_app.command("list")
@handle_errors
def list_indicators_command(
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch"),
    at: str | None = AT_OPTION,
    json_: bool = typer.Option(False, "--json", help="In ra JSON"),
) -> None:
    """Liệt kê chỉ tiêu với kết quả và đánh giá tại một ngày."""
    day = parse_day(at)
    with unit_of_work() as (db, _settings):
        rows = queries.list_indicator_rows(db, plan_code=plan, at=day)
    if json_:
        print_json(rows)
        return
    table = Table("Mã", "Chỉ tiêu", "Kết quả", "Đánh giá", "Lý do")
    for row in rows:
        table.add_row(
            row["code"], row["name"][:60], row["value_text"], row["achievement_label"],
            row["reason"],
        )  # fmt: skip
    console.print(table)


@indicators_app.command("measure")
@handle_errors
def measure_command(
    code: str = typer.Argument(..., help="Mã chỉ tiêu"),
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch"),
    value: str = typer.Option(..., "--value", help="Kết quả, ví dụ 71,29 hoặc Có"),
    as_user: str = typer.Option(..., "--as", help="Người nhập (tên đăng nhập)"),
    as_of: str | None = typer.Option(None, "--as-of", help="Thời điểm số liệu YYYY-MM-DD"),
    agency: str | None = typer.Option(None, "--agency", help="Mã cơ quan báo cáo"),
    weight: float | None = typer.Option(None, "--weight", min=0, help="Trọng số"),
    note: str = typer.Option("", "--note"),
    evidence: list[Path] = typer.Option([], "--evidence", exists=True, dir_okay=False),
) -> None:
    """Nhập kết quả một chỉ tiêu (cùng kiểm tra quyền như API)."""
    number = parse_number(value)
    if number is None:
        raise Invalid("--value: thiếu kết quả.")
    day = parse_day(as_of, option="--as-of") if as_of else None
    data = build(
        MeasurementCreate, value=number, as_of=day, agency=agency, weight=weight, note=note
    )
    files = [(path.name, path.read_bytes()) for path in evidence]
    with unit_of_work() as (db, settings):
        indicator = service.find_indicator(db, service.get_plan(db, plan).id, code)
        if indicator is None:
            raise NotFound(f"Kế hoạch «{plan}» không có chỉ tiêu «{code}».")
        measurements.record_measurement(
            db, indicator_id=indicator.id, data=data, files=files, settings=settings,
            actor=get_user(db, as_user),
        )  # fmt: skip
    console.print(f"Đã ghi kết quả {value} cho chỉ tiêu «{code}».")
