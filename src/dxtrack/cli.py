"""Root Typer app: global options, `init`, `serve`, `demo`, and one sub-app per domain."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import typer

from dxtrack import logs
from dxtrack.agencies.cli import app as agencies_app
from dxtrack.auth.cli import app as users_app
from dxtrack.backup.cli import backup_command, restore_command
from dxtrack.bootstrap import initialise
from dxtrack.cli_support import console, handle_errors
from dxtrack.config import Settings, get_settings, use_settings
from dxtrack.demo import build_demo
from dxtrack.documents.cli import ingest_command
from dxtrack.documents.service import extraction_directory
from dxtrack.errors import Invalid
from dxtrack.extraction.cli import make_extract_command
from dxtrack.indicators.cli import indicators_app, plans_app
from dxtrack.jobs.cli import app as jobs_app
from dxtrack.jobs.cli import worker_command
from dxtrack.jobs.kinds import KINDS
from dxtrack.jobs.worker import start_thread
from dxtrack.notifications.cli import app as notify_app
from dxtrack.reports.cli import report_command
from dxtrack.sync.cli import app as sync_app
from dxtrack.tasks.cli import progress_app, status_command, tasks_app

app = typer.Typer(
    help="dxtrack: theo dõi nhiệm vụ chỉ đạo và kế hoạch chuyển đổi số.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    db: str | None = typer.Option(
        None, "--db", help="URL cơ sở dữ liệu (mặc định DXTRACK_DATABASE_URL hoặc SQLite)"
    ),
    data_dir: Path | None = typer.Option(
        None, "--data-dir", help="Thư mục dữ liệu (mặc định DXTRACK_DATA_DIR hoặc ./data)"
    ),
) -> None:
    overrides: dict[str, object] = {}
    if db:
        overrides["database_url"] = db
    if data_dir:
        overrides["data_dir"] = data_dir
    use_settings(Settings(**overrides) if overrides else None)  # type: ignore[arg-type]
    # Commands log warnings and errors on stderr; DXTRACK_LOG_LEVEL asks for more.
    logs.configure(get_settings().log_level if "DXTRACK_LOG_LEVEL" in os.environ else "WARNING")


@app.command("init")
@handle_errors
def init_command() -> None:
    """Tạo hoặc nâng cấp cơ sở dữ liệu (giữ nguyên dữ liệu) và nạp danh mục cơ quan mặc định."""
    revision, loaded = initialise(get_settings())
    console.print(f"Cơ sở dữ liệu ở phiên bản {revision}.")
    if loaded:
        console.print(f"Đã nạp danh mục mặc định: {loaded} cơ quan, đơn vị (tỉnh An Giang).")


@app.command("serve")
@handle_errors
def serve_command(
    host: str | None = typer.Option(None, "--host", help="Mặc định 127.0.0.1"),
    port: int | None = typer.Option(None, "--port", help="Mặc định 8000"),
) -> None:
    """Chạy máy chủ web và API."""
    settings = get_settings()
    host = host or settings.host
    if settings.env == "development" and not is_loopback(host):
        raise Invalid(
            f"Không chạy máy chủ trên địa chỉ {host} ở chế độ phát triển (DXTRACK_ENV=development): "
            "chỉ 127.0.0.1 / localhost. Đặt DXTRACK_ENV=production để phục vụ qua mạng."
        )
    stop = start_thread(settings, KINDS) if settings.worker_in_server else None
    try:
        run_server(settings, host, port or settings.port)
    finally:
        if stop is not None:
            stop.set()


def run_server(settings: Settings, host: str, port: int) -> None:
    """The web app under uvicorn. Both are imported here, not at the top: every other command
    (`dxtrack --help`, `dxtrack extract`, a cron `dxtrack notify`) starts without the web stack."""
    import uvicorn

    from dxtrack.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, access_log=False)


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("demo")
@handle_errors
def demo_command(
    seeds: Path = typer.Option(Path("samples/seeds"), "--seeds", help="Thư mục văn bản mẫu"),
    directory: Path = typer.Option(Path("data/demo"), "--dir", help="Thư mục dữ liệu demo"),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Chạy máy chủ sau khi tạo"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Tạo cơ sở dữ liệu demo mới từ các văn bản mẫu, rồi chạy máy chủ tại 127.0.0.1."""
    settings = build_demo(seeds=seeds, directory=directory)
    if serve:
        console.print(f"Máy chủ: http://127.0.0.1:{port}  (API: /api/v1/docs)")
        run_server(settings, "127.0.0.1", port)


app.add_typer(agencies_app, name="agencies")
app.add_typer(users_app, name="users")
app.add_typer(tasks_app, name="tasks")
app.add_typer(progress_app, name="progress")
app.add_typer(plans_app, name="plans")
app.add_typer(indicators_app, name="indicators")
app.add_typer(notify_app, name="notify")
app.add_typer(sync_app, name="sync")
app.add_typer(jobs_app, name="jobs")
app.command("worker")(worker_command)
app.command("ingest")(ingest_command)
app.command("status")(status_command)
app.command("extract")(make_extract_command(extraction_directory))
app.command("report")(report_command)
app.command("backup")(backup_command)
app.command("restore")(restore_command)
