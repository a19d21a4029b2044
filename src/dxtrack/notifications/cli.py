"""`dxtrack notify run|rules|rule|letter|explain|webhooks`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

from dxtrack import vn
from dxtrack.auth.service import get_user
from dxtrack.cli_support import (
    console,
    err_console,
    handle_errors,
    parse_day,
    print_json,
    unit_of_work,
)
from dxtrack.config import get_settings
from dxtrack.errors import Invalid
from dxtrack.notifications import explanations, service
from dxtrack.notifications.letter import reminder_letter
from dxtrack.notifications.models import RULE_LABELS, RuleKind
from dxtrack.notifications.runner import run_in_transactions
from dxtrack.notifications.webhook_delivery import deliver_in_transactions

app = typer.Typer(help="Nhắc việc: thư điện tử, thông báo, giải trình.", no_args_is_help=True)


@app.command("run")
@handle_errors
def run_command(
    at: str | None = typer.Option(
        None, "--at", help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay)"
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ tính, không gửi, không lưu"),
    as_json: bool = typer.Option(False, "--json", help="In {sent, skipped_already_sent, failed}"),
) -> None:
    """Soạn và gửi bản tin nhắc việc của ngày (chạy lại không gửi trùng)."""
    day = parse_day(at)
    result = run_in_transactions(get_settings(), at=day, dry_run=dry_run)
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
    else:
        verb = "sẽ gửi" if dry_run else "đã gửi"
        console.print(
            f"Ngày {vn.date_text(day)}: soạn {result.composed} bản tin mới; {verb} "
            f"{result.sent}, đã gửi trước đó {result.skipped_already_sent}, lỗi {result.failed}."
        )
    if not result.smtp:
        err_console.print(
            "Chưa cấu hình máy chủ thư (DXTRACK_SMTP_HOST): không gửi thư, bản tin xem trong ứng dụng."
        )
    if result.failed:
        raise typer.Exit(1)


@app.command("rules")
@handle_errors
def rules_command() -> None:
    """Liệt kê quy tắc nhắc việc."""
    with unit_of_work() as (db, _settings):
        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "days": r.days,
                "enabled": r.enabled,
                "label": RULE_LABELS[RuleKind(r.kind)],
            }
            for r in service.list_rules(db)
        ]
    print_json(rows)


@app.command("rule")
@handle_errors
def rule_command(
    rule_id: int | None = typer.Argument(None, help="Mã quy tắc (bỏ trống để thêm mới với --kind)"),
    as_user: str = typer.Option(..., "--as", help="Quản trị viên (tên đăng nhập)"),
    kind: RuleKind | None = typer.Option(None, "--kind"),
    days: int | None = typer.Option(None, "--days"),
    enabled: bool | None = typer.Option(None, "--enable/--disable"),
) -> None:
    """Thêm (--kind) hoặc sửa một quy tắc nhắc việc (quản trị viên)."""
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        if rule_id is None:
            if kind is None:
                raise Invalid("Cần --kind để thêm quy tắc mới.")
            rule = service.create_rule(db, kind=kind, days=days or 0, actor=actor)
        else:
            rule = service.update_rule(db, rule_id=rule_id, days=days, enabled=enabled, actor=actor)
        console.print(f"Quy tắc #{rule.id}: {rule.kind}, {rule.days} ngày, bật={rule.enabled}.")


@app.command("letter")
@handle_errors
def letter_command(
    agency: str = typer.Option(..., "--agency", help="Mã cơ quan"),
    as_user: str = typer.Option(..., "--as", help="Chuyên viên (tên đăng nhập)"),
    at: str | None = typer.Option(None, "--at", help="Ngày lấy số liệu YYYY-MM-DD"),
    out: Path | None = typer.Option(None, "--out", help="Tệp DOCX (mặc định tên tự đặt)"),
) -> None:
    """Công văn đôn đốc (DOCX) liệt kê các nhiệm vụ quá hạn của một cơ quan."""
    with unit_of_work() as (db, settings):
        actor = get_user(db, as_user)
        content, name = reminder_letter(
            db, agency=agency, at=parse_day(at), settings=settings, actor=actor
        )
    target = out or Path(name)
    target.write_bytes(content)
    console.print(f"Đã ghi {target}.")


@app.command("explain")
@handle_errors
def explain_command(
    as_user: str = typer.Option(..., "--as", help="Chuyên viên (tên đăng nhập)"),
    assignment: int | None = typer.Option(None, "--assignment", help="Mã phân công quá hạn"),
    document: int | None = typer.Option(
        None, "--document", help="Mọi phân công quá hạn của văn bản"
    ),
    message: str = typer.Option("", "--message", help="Nội dung yêu cầu"),
    at: str | None = typer.Option(None, "--at", help="Ngày tham chiếu YYYY-MM-DD"),
) -> None:
    """Yêu cầu cơ quan giải trình nhiệm vụ quá hạn (một phân công, hoặc cả văn bản)."""
    day: date = parse_day(at)
    with unit_of_work() as (db, _settings):
        actor = get_user(db, as_user)
        if document is not None:
            items = explanations.request_for_document(
                db, document_id=document, message=message, at=day, actor=actor
            )
        elif assignment is not None:
            items = [
                explanations.request_explanation(
                    db, assignment_id=assignment, message=message, at=day, actor=actor
                )
            ]
        else:
            raise Invalid("Cần --assignment hoặc --document.")
        ids = [item.id for item in items]
    sys.stdout.write(f"Đã gửi {len(ids)} yêu cầu giải trình: {ids}\n")


@app.command("webhooks")
@handle_errors
def webhooks_command(
    as_json: bool = typer.Option(False, "--json", help="In {sent, failed}"),
) -> None:
    """Gửi các sự kiện webhook đến hạn (chạy mỗi phút; lỗi được thử lại, giãn cách tăng dần)."""
    result = deliver_in_transactions(get_settings())
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
    else:
        console.print(f"Sự kiện webhook: đã gửi {result.sent}, lỗi {result.failed} (sẽ thử lại).")
    if result.failed:
        raise typer.Exit(1)
