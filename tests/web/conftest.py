"""Browser-test fixtures: Debian's Chromium for pytest-playwright, and the app served by uvicorn
in a thread on a free 127.0.0.1 port against a temporary SQLite database.

The live database holds the seed documents 000, 001 and 004 (confirmed) and 002 (left draft:
its ministries are not in the province's directory, so confirming is refused), the cast of
users with one known password, and a few progress reports; seed 003 is left for the upload test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from builders import CAST, PASSWORD
from sqlalchemy import select

from dxtrack.app import create_app
from dxtrack.auth.service import create_user, get_user
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.documents.service import ingest_file
from dxtrack.tasks.models import Assignment, ProgressState
from dxtrack.tasks.progress import ProgressInput, report_progress

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEEDS = Path(__file__).parents[2] / "samples" / "seeds"
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "locale": "vi-VN",
        "timezone_id": "Asia/Ho_Chi_Minh",
        "viewport": {"width": 1280, "height": 900},
    }


@dataclass
class LiveServer:
    url: str
    settings: Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _populate(settings: Settings) -> None:
    with transaction(settings) as db:
        for username, (role, agency) in CAST.items():
            create_user(
                db,
                username=username,
                password=PASSWORD,
                role=role,
                agency_code=agency,
                full_name=f"Người dùng {username}",
                actor=None,
            )
        coordinator = get_user(db, "dieuphoi")
        for path in sorted(SEEDS.glob("*.txt")):
            if not path.name.startswith("003"):
                ingest_file(db, path, settings=settings, actor=coordinator, confirm=True)
        officer = get_user(db, "syt")
        query = select(Assignment).where(Assignment.agency_id == officer.agency_id)
        first = db.scalars(query.order_by(Assignment.deadline, Assignment.id).limit(1)).one()
        data = ProgressInput(state=ProgressState.in_progress, percent=30, note="Đang triển khai.")
        report_progress(
            db,
            assignment_id=first.id,
            data=data,
            expected_version=None,
            settings=settings,
            actor=officer,
        )


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed at /usr/bin/chromium (apt-get install chromium)")
    directory = tmp_path_factory.mktemp("live")
    db_file = directory / "dxtrack.sqlite3"
    settings = Settings(data_dir=directory, database_url=f"sqlite:///{db_file}")
    initialise(settings)
    _populate(settings)
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", settings=settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
