"""`dxtrack users add|list|token`."""

from __future__ import annotations

import sys

import typer

from dxtrack.auth import service
from dxtrack.auth.models import Role
from dxtrack.cli_support import console, handle_errors, print_json, unit_of_work
from dxtrack.errors import Invalid

app = typer.Typer(help="Người dùng và quyền.", no_args_is_help=True)


@app.command("add")
@handle_errors
def add_command(
    username: str = typer.Argument(..., help="Tên đăng nhập"),
    role: Role = typer.Option(..., "--role", help="admin|coordinator|officer|viewer"),
    agency: str | None = typer.Option(None, "--agency", help="Mã cơ quan (bắt buộc với officer)"),
    email: str | None = typer.Option(None, "--email"),
    full_name: str | None = typer.Option(None, "--name", help="Họ và tên"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Đọc mật khẩu từ dòng đầu tiên của stdin"
    ),
) -> None:
    """Thêm người dùng."""
    if not password_stdin:
        raise Invalid("Hãy truyền mật khẩu qua stdin với tùy chọn --password-stdin.")
    password = sys.stdin.readline().rstrip("\r\n")
    with unit_of_work() as (db, _settings):
        service.create_user(
            db,
            username=username,
            password=password,
            role=role,
            agency_code=agency,
            email=email,
            full_name=full_name,
            actor=None,
        )
    console.print(f"Đã thêm người dùng «{username}» ({role.value}).")


@app.command("list")
@handle_errors
def list_command() -> None:
    """Liệt kê người dùng."""
    with unit_of_work() as (db, _settings):
        rows = [
            {"username": u.username, "role": u.role, "agency_id": u.agency_id}
            for u in service.list_users(db)
        ]
    print_json(rows)


@app.command("token")
@handle_errors
def token_command(username: str = typer.Argument(...)) -> None:
    """Cấp mã truy cập API (bearer token) cho người dùng; in ra một lần."""
    with unit_of_work() as (db, settings):
        user = service.get_user(db, username)
        token = service.issue_token(db, user=user, ttl_days=settings.token_ttl_days)
    sys.stdout.write(token + "\n")
