"""`dxtrack sync export`: every assignment with its status at a date, as CSV or JSON lines."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from dxtrack.cli_support import console, handle_errors, parse_day, unit_of_work
from dxtrack.errors import Invalid
from dxtrack.sync.export import FORMATS, export_lines

app = typer.Typer(no_args_is_help=True, help="Đồng bộ với hệ thống khác.")


@app.command("export")
@handle_errors
def export_command(
    at: str | None = typer.Option(
        None, "--at", help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay)"
    ),
    fmt: str = typer.Option("csv", "--format", help="csv hoặc jsonl"),
    out: Path | None = typer.Option(None, "--out", help="Tệp kết quả (mặc định: in ra màn hình)"),
) -> None:
    """Mọi phân công với trạng thái tại ngày --at (CSV hoặc JSON lines)."""
    if fmt not in FORMATS:
        raise Invalid(f"--format: chỉ nhận csv hoặc jsonl, không nhận «{fmt}».")
    day = parse_day(at)
    with unit_of_work() as (db, settings):
        lines = export_lines(db, at=day, fmt=fmt, due_soon_days=settings.due_soon_days)
        if out is None:
            for chunk in lines:
                sys.stdout.write(chunk)
            return
        with out.open("w", encoding="utf-8", newline="") as handle:
            for chunk in lines:
                handle.write(chunk)
    console.print(f"Đã ghi {out}.", highlight=False)
