"""`dxtrack report KIND --period 2025-Q4 --at 2025-12-31 --format docx --out FILE`."""

from __future__ import annotations

from pathlib import Path

import typer

from dxtrack import vn
from dxtrack.cli_support import console, handle_errors, parse_day, unit_of_work
from dxtrack.reports.periods import PERIOD_HELP, default_cutoff, resolve_period
from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report


@handle_errors
def report_command(
    kind: ReportKind = typer.Argument(..., help="tasks | overdue | plan"),
    period: str | None = typer.Option(None, "--period", help=f"Kỳ báo cáo: {PERIOD_HELP}"),
    calendar: bool = typer.Option(
        False, "--calendar", help="Kỳ theo lịch (1/1-31/3 ...) thay vì kỳ Nghị định 09 (15-14)"
    ),
    date_from: str | None = typer.Option(None, "--from", help="Từ ngày YYYY-MM-DD (kỳ tùy chọn)"),
    date_to: str | None = typer.Option(None, "--to", help="Đến ngày YYYY-MM-DD (kỳ tùy chọn)"),
    at: str | None = typer.Option(
        None, "--at", help="Ngày lấy số liệu YYYY-MM-DD (mặc định: cuối kỳ, hoặc hôm nay)"
    ),
    agency: str | None = typer.Option(None, "--agency", help="Mã cơ quan"),
    group: str | None = typer.Option(None, "--group", help="Mã nhóm cơ quan"),
    plan: str | None = typer.Option(None, "--plan", help="Mã kế hoạch (loại plan)"),
    under: int | None = typer.Option(
        None, "--under", help="Chỉ các nhiệm vụ triển khai văn bản này (mã văn bản) và cấp dưới"
    ),
    fmt: ReportFormat = typer.Option(ReportFormat.docx, "--format", help="docx | xlsx | pdf"),
    out: Path | None = typer.Option(None, "--out", help="Tệp kết quả (mặc định: tên tự đặt)"),
) -> None:
    """Lập báo cáo định kỳ (DOCX theo Nghị định 30/2020/NĐ-CP, phụ lục XLSX, hoặc PDF)."""
    chosen = resolve_period(
        period,
        calendar=calendar,
        date_from=parse_day(date_from, option="--from") if date_from else None,
        date_to=parse_day(date_to, option="--to") if date_to else None,
    )
    cutoff = parse_day(at) if at else default_cutoff(chosen)
    request = ReportRequest(
        kind=kind,
        period=chosen,
        at=cutoff,
        fmt=fmt,
        agency=agency,
        group=group,
        plan=plan,
        under=under,
    )
    with unit_of_work() as (db, settings):
        rendered = render_report(db, request=request, settings=settings)
    target = out or Path(rendered.filename)
    target.write_bytes(rendered.content)
    console.print(
        f"Đã lập báo cáo {chosen.label} (số liệu đến ngày {vn.date_text(cutoff)}): {target}",
        highlight=False,
    )
