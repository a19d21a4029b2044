"""`dxtrack backup [--out FILE]`, `dxtrack restore FILE [--check]`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from dxtrack.backup.service import check_backup, create_backup, restore_backup
from dxtrack.cli_support import console, handle_errors
from dxtrack.config import get_settings
from dxtrack.web.format import vn_datetime, vn_number


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{vn_number(max(1, round(size / 1024)))} KB"
    return f"{vn_number(size / (1024 * 1024), 1)} MB"


def _when(stamp: str) -> str:
    """The manifest's UTC time in Vietnam time."""
    return vn_datetime(datetime.fromisoformat(stamp.removesuffix("Z")))


@handle_errors
def backup_command(
    out: Path | None = typer.Option(
        None, "--out", help="Tệp sao lưu (mặc định dxtrack-sao-luu-NĂMTHÁNGNGÀY-GIỜPHÚT.tar.gz)"
    ),
) -> None:
    """Sao lưu toàn bộ dữ liệu (mọi bảng, văn bản gốc, minh chứng) vào một tệp."""
    name = f"dxtrack-sao-luu-{datetime.now():%Y%m%d-%H%M}.tar.gz"
    target = out / name if out is not None and out.is_dir() else out or Path(name)
    summary = create_backup(get_settings(), target)
    rows = sum(summary.tables.values())
    console.print(
        f"Đã sao lưu vào {summary.path} ({_size(summary.size)}): {vn_number(rows)} dòng dữ liệu "
        f"trong {len(summary.tables)} bảng, {vn_number(summary.files)} tệp lưu trữ; "
        f"lược đồ {summary.revision}."
    )


@handle_errors
def restore_command(
    archive: Path = typer.Argument(..., exists=True, dir_okay=False, help="Tệp sao lưu"),
    check: bool = typer.Option(False, "--check", help="Chỉ kiểm tra tệp sao lưu, không ghi gì"),
) -> None:
    """Khôi phục một bản sao lưu vào cơ sở dữ liệu trống (chưa chạy «dxtrack init»)."""
    if check:
        manifest = check_backup(archive)
        rows = sum(manifest["tables"].values())
        console.print(
            f"Tệp sao lưu hợp lệ: tạo lúc {_when(manifest['created_at'])} từ {manifest['source']}, "
            f"{vn_number(rows)} dòng dữ liệu, {vn_number(manifest['files'])} tệp lưu trữ, "
            f"lược đồ {manifest['revision']}."
        )
        return
    summary = restore_backup(get_settings(), archive)
    rows = sum(summary.tables.values())
    upgraded = (
        f", đã nâng cấp lên {summary.upgraded_to}"
        if summary.upgraded_to != summary.revision
        else ""
    )
    console.print(
        f"Đã khôi phục {vn_number(rows)} dòng dữ liệu trong {len(summary.tables)} bảng và "
        f"{vn_number(summary.files)} tệp lưu trữ (lược đồ {summary.revision}{upgraded})."
    )
