"""`dxtrack backup [--out FILE] [--keep N] [--copy-to DIR]`, `dxtrack restore FILE [--check]`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from dxtrack import vn
from dxtrack.backup.copies import run_backup
from dxtrack.backup.crypto import Secret
from dxtrack.backup.restore import Opening, check_backup, restore_backup
from dxtrack.cli_support import console, handle_errors
from dxtrack.config import get_settings


def _when(stamp: str) -> str:
    """The manifest's UTC time in Vietnam time."""
    return vn.datetime_text(datetime.fromisoformat(stamp.removesuffix("Z")))


SECRET_HELP = "Mã hóa bằng mật khẩu (dòng đầu của tệp)"
KEY_FILE_HELP = "Mã hóa bằng tệp khóa (ít nhất 32 byte ngẫu nhiên)"


@handle_errors
def backup_command(
    out: Path | None = typer.Option(
        None,
        "--out",
        help="Tệp hoặc thư mục sao lưu (mặc định dxtrack-sao-luu-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.tar.gz)",
    ),
    keep: int | None = typer.Option(
        None, "--keep", help="Chỉ giữ N bản sao lưu mới nhất (trong thư mục đích và --copy-to)"
    ),
    copy_to: Path | None = typer.Option(None, "--copy-to", help="Chép thêm một bản vào thư mục"),
    passphrase_file: Path | None = typer.Option(None, "--passphrase-file", help=SECRET_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_FILE_HELP),
) -> None:
    """Sao lưu toàn bộ dữ liệu (mọi bảng, văn bản gốc, minh chứng) vào một tệp có chữ ký."""
    secret = Secret.from_files(passphrase_file=passphrase_file, key_file=key_file)
    run = run_backup(get_settings(), out, secret=secret, keep=keep, copy_dir=copy_to)
    summary = run.summary
    rows = sum(summary.tables.values())
    console.print(
        f"Đã sao lưu vào {summary.path} ({vn.size_text(summary.size)}): {vn.number(rows)} dòng dữ liệu "
        f"trong {len(summary.tables)} bảng, {vn.number(summary.files)} tệp lưu trữ; "
        f"lược đồ {summary.revision}; đã ký{', đã mã hóa' if secret else ''}."
    )
    for copy in run.copies:
        console.print(f"Đã chép bản thứ hai vào {copy}.")
    if run.removed:
        console.print(f"Đã xóa {len(run.removed)} bản sao lưu cũ (giữ {keep} bản mới nhất).")


@handle_errors
def restore_command(
    archive: Path = typer.Argument(..., exists=True, dir_okay=False, help="Tệp sao lưu"),
    check: bool = typer.Option(False, "--check", help="Chỉ kiểm tra tệp sao lưu, không ghi gì"),
    passphrase_file: Path | None = typer.Option(None, "--passphrase-file", help=SECRET_HELP),
    key_file: Path | None = typer.Option(None, "--key-file", help=KEY_FILE_HELP),
    allow_unsigned: bool = typer.Option(
        False, "--allow-unsigned", help="Chấp nhận bản sao lưu không có chữ ký của dxtrack cũ"
    ),
) -> None:
    """Khôi phục một bản sao lưu vào cơ sở dữ liệu trống (chưa chạy «dxtrack init»)."""
    settings = get_settings()
    opening = Opening(
        key=settings.backup_key,
        secret=Secret.from_files(passphrase_file=passphrase_file, key_file=key_file),
        allow_unsigned=allow_unsigned,
    )
    if check:
        manifest = check_backup(archive, opening)
        rows = sum(manifest["tables"].values())
        console.print(
            f"Tệp sao lưu hợp lệ: tạo lúc {_when(manifest['created_at'])} từ {manifest['source']}, "
            f"{vn.number(rows)} dòng dữ liệu, {vn.number(manifest['files'])} tệp lưu trữ, "
            f"lược đồ {manifest['revision']}."
        )
        return
    summary = restore_backup(settings, archive, opening)
    rows = sum(summary.tables.values())
    upgraded = (
        f", đã nâng cấp lên {summary.upgraded_to}"
        if summary.upgraded_to != summary.revision
        else ""
    )
    console.print(
        f"Đã khôi phục {vn.number(rows)} dòng dữ liệu trong {len(summary.tables)} bảng và "
        f"{vn.number(summary.files)} tệp lưu trữ (lược đồ {summary.revision}{upgraded})."
    )
