"""Server time and page weight of the web pages at 100k assignments on SQLite.

    python -m benchmarks.bench_web [--assignments 100000] [--repeat 7]

Fills a fresh SQLite file under /tmp with generate.py, logs a coordinator in (signed session
cookie) and requests each page through the ASGI app in-process (FastAPI TestClient: the time
includes routing, queries, template rendering, no network). Median of `--repeat` runs after a
warm-up, and the best run (closest to an idle machine). Page weight = the HTML plus every stylesheet and script it references, uncompressed
and gzip-compressed.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from benchmarks.generate import TODAY, generate
from dxtrack.app import create_app
from dxtrack.auth.models import Role
from dxtrack.auth.service import create_user
from dxtrack.auth.sessions import COOKIE_NAME, make_session_cookie
from dxtrack.config import Settings
from dxtrack.db import transaction

PAGES = [
    ("Tổng quan (dashboard)", "/"),
    ("Tổng quan lọc theo nhóm sở", "/?group=so-ban-nganh-tinh"),
    ("Nhiệm vụ, trang 1 (theo thời hạn)", "/tasks"),
    ("Nhiệm vụ: quá hạn, theo thời hạn", "/tasks?status=overdue"),
    ("Nhiệm vụ: quá hạn, theo cơ quan", "/tasks?status=overdue&sort=agency"),
    ("Nhiệm vụ: tìm theo từ khóa", "/tasks?q=1234"),
    ("Cơ quan: Sở Y tế", "/agencies/so-y-te"),
]
ASSET = re.compile(r'(?:src|href)="(?:https?://[^/"]+)?(/static/[^"]+\.(?:js|css))"')


def _client(settings: Settings) -> TestClient:
    with transaction(settings) as db:
        user = create_user(
            db, username="bench", password="bench-password", role=Role.coordinator, actor=None
        )
        value, _ = make_session_cookie(db, settings, user.id)
    client = TestClient(create_app(settings))
    client.cookies.set(COOKIE_NAME, value)
    return client


def _time(client: TestClient, path: str, repeat: int) -> tuple[float, float]:
    assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(samples), min(samples)


def _weight(client: TestClient, path: str) -> tuple[int, int]:
    body = client.get(path).content
    parts = [body] + [client.get(asset).content for asset in ASSET.findall(body.decode())]
    return sum(len(p) for p in parts), sum(len(gzip.compress(p)) for p in parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="dxtrack-bench-web-"))
    settings = Settings(data_dir=directory, database_url=f"sqlite:///{directory / 'b.sqlite3'}")
    counts = generate(settings.database_url or "", args.assignments)
    client = _client(settings)
    print(f"{counts['assignments']} assignments, at {TODAY.isoformat()}\n")
    print("| page | server time, ms: median (best) | HTML kB | page weight kB (gzip) |")
    print("|---|---|---|---|")
    for label, path in PAGES:
        median, best = _time(client, path, args.repeat)
        html = len(client.get(path).content)
        total, zipped = _weight(client, path)
        print(
            f"| {label} `{path}` | {median:.1f} ({best:.1f}) | {html / 1024:.0f} "
            f"| {total / 1024:.0f} ({zipped / 1024:.0f}) |"
        )


if __name__ == "__main__":
    main()
