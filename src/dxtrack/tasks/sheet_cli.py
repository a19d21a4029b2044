"""`dxtrack progress export / import`: Phiếu cập nhật tiến độ on the command line."""

from __future__ import annotations

from pathlib import Path

import typer

from dxtrack.auth.service import get_user
from dxtrack.cli_support import (
    console,
    err_console,
    handle_errors,
    parse_day,
    print_json,
    unit_of_work,
)
from dxtrack.errors import Invalid
from dxtrack.tasks.rhythm import RHYTHM_FILTERS
from dxtrack.tasks.sheet import export_sheet
from dxtrack.tasks.sheet_import import SheetReport, import_progress_sheet

RESULT_LABELS = {
    "applied": "đã ghi",
    "unchanged": "không đổi",
    "conflict": "xung đột",
    "invalid": "không hợp lệ",
}


def _print_report(report: SheetReport) -> None:
    summary = report.to_dict()
    console.print(
        f"Đã ghi {summary['applied']} dòng, không đổi {summary['unchanged']}, "
        f"xung đột {summary['conflicts']}, không hợp lệ {summary['invalid']}."
    )
    for row in report.rows:
        if row.result in ("conflict", "invalid"):
            which = f"phân công #{row.assignment}" if row.assignment else "—"
            label = RESULT_LABELS[row.result]
            err_console.print(f"Dòng {row.row} ({which}): {label}: {row.detail}", highlight=False)
    if report.done_without_evidence:
        ids = ", ".join(f"#{a}" for a in report.done_without_evidence)
        console.print(f"Báo hoàn thành nhưng chưa có minh chứng: {ids}.")


def register(app: typer.Typer) -> None:
    """Add `export` and `import` to the `progress` sub-app."""

    @app.command("export")
    @handle_errors
    def export_command(
        out: Path = typer.Option(..., "--out", help="Tệp XLSX ghi ra", dir_okay=False),
        agency: list[str] = typer.Option([], "--agency", help="Mã cơ quan (lặp lại được)"),
        at: str | None = typer.Option(None, "--at", help="Tình trạng tại ngày YYYY-MM-DD"),
        as_user: str | None = typer.Option(None, "--as", help="Người tải (tên đăng nhập)"),
        rhythm: str | None = typer.Option(
            None, "--rhythm", help="stale: chỉ nhiệm vụ thường xuyên chưa cập nhật trong kỳ"
        ),
    ) -> None:
        """Tải phiếu cập nhật tiến độ (XLSX): mỗi phân công chưa hoàn thành một dòng."""
        day = parse_day(at)
        if rhythm not in (None, *RHYTHM_FILTERS):
            raise Invalid(f"--rhythm: «{rhythm}» không hợp lệ (stale hoặc updated).")
        with unit_of_work() as (db, settings):
            user = get_user(db, as_user) if as_user else None
            data = export_sheet(
                db,
                user=user,
                agencies=agency,
                at=day,
                due_soon_days=settings.due_soon_days,
                rhythm=rhythm,
            )
        out.write_bytes(data)
        console.print(f"Đã ghi phiếu cập nhật tiến độ: {out}")

    @app.command("import")
    @handle_errors
    def import_command(
        file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Phiếu đã điền"),
        as_user: str = typer.Option(..., "--as", help="Người cập nhật (tên đăng nhập)"),
        evidence: Path | None = typer.Option(
            None, "--evidence", exists=True, dir_okay=False, help="ZIP minh chứng"
        ),
        json_: bool = typer.Option(False, "--json", help="In ra JSON"),
    ) -> None:
        """Nhập phiếu cập nhật tiến độ: kiểm tra từng dòng, ghi các dòng hợp lệ."""
        with unit_of_work() as (db, settings):
            actor = get_user(db, as_user)
            report = import_progress_sheet(
                db,
                file.read_bytes(),
                actor=actor,
                evidence=evidence.read_bytes() if evidence else None,
                settings=settings,
            )
        if json_:
            print_json(report.to_dict())
        else:
            _print_report(report)
        raise typer.Exit(report.exit_code())
