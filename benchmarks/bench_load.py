"""Load test: concurrent clients on pages, API reads and writes against a real server.

    python -m benchmarks.bench_load [--clients 20] [--seconds 60] [--assignments 20000]
                                    [--think 0.5]

Fills a fresh SQLite file under /tmp (generate.py), starts `dxtrack serve` on a free loopback
port (127.0.0.1 only), then runs `--clients` threads for `--seconds`. Each client loops: pick a
request by weight, send it, wait a random think time of 0..2x`--think` seconds. The mix:

    pages      35 %  dashboard 10, task list 10, task page 8, agency page 4, static file 3
    API reads  40 %  assignments list, assignment detail, status, scorecard, task detail
    writes     25 %  a progress report (multipart form) on one of the client's own assignments,
                     with the version it last read (a 409 would be a real conflict: counted)

An error is a 5xx, a timeout (10 s), a refused connection, or any 4xx. The run is bounded:
it stops at `--seconds` (plus the last requests' timeout) and kills the server. Prints
requests/s, errors, p50/p95/p99 overall and per kind.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import select

from benchmarks.generate import generate
from dxtrack.auth.models import Role
from dxtrack.auth.service import create_user, issue_token
from dxtrack.auth.sessions import COOKIE_NAME, make_session_cookie
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.tasks.models import Assignment

SECRET = "bench-load-secret-key-0123456789abcdef"
PAGES = [("/", 10), ("/tasks", 10), ("task", 8), ("/agencies/so-y-te", 4), ("static", 3)]
READS = [
    ("/api/v1/assignments?page_size=50", 12),
    ("assignment", 10),
    ("/api/v1/status", 6),
    ("/api/v1/scorecard", 6),
    ("task_api", 6),
]
WRITE_WEIGHT = 25


@dataclass
class Sample:
    kind: str
    name: str
    status: int
    seconds: float


@dataclass
class Shared:
    base: str
    cookie: str
    token: str
    task_ids: list[int]
    assignment_ids: list[int]
    deadline: float
    think: float
    samples: list[Sample] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(directory: Path, assignments: int) -> tuple[Settings, str, str, list[int], list[int]]:
    url = f"sqlite:///{directory / 'dxtrack.sqlite3'}"
    generate(url, assignments)
    settings = Settings(database_url=url, data_dir=directory, secret_key=SECRET)
    with transaction(settings, write=True) as db:
        user = create_user(
            db, username="tai", password="tai-mat-khau-dai", role=Role.coordinator, actor=None
        )
        token = issue_token(db, user=user, ttl_days=1)
        cookie, _ = make_session_cookie(db, settings, user.id)
        rows = db.execute(
            select(Assignment.id, Assignment.task_id)
            .where(Assignment.completed_on.is_(None))
            .order_by(Assignment.id)
            .limit(400)
        ).all()
    return settings, cookie, token, [r.task_id for r in rows], [r.id for r in rows]


def _serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "DXTRACK_DATABASE_URL": settings.db_url,
        "DXTRACK_DATA_DIR": str(settings.data_dir),
        "DXTRACK_SECRET_KEY": SECRET,
    }
    command = [sys.executable, "-c", "from dxtrack.cli import app; app()", "serve"]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def _pick(rng: random.Random) -> str:
    table = [*PAGES, *READS, ("write", WRITE_WEIGHT)]
    return rng.choices([name for name, _ in table], weights=[w for _, w in table])[0]


def _request(client: httpx.Client, shared: Shared, kind: str, mine: list[int], rng: random.Random):
    if kind == "task":
        return client.get(f"/tasks/{rng.choice(shared.task_ids)}")
    if kind == "static":
        return client.get("/static/css/app.css")
    if kind == "task_api":
        return client.get(f"/api/v1/tasks/{rng.choice(shared.task_ids)}")
    if kind == "assignment":
        return client.get(f"/api/v1/assignments/{rng.choice(shared.assignment_ids)}")
    if kind == "write":
        target = rng.choice(mine)
        current = client.get(f"/api/v1/assignments/{target}")
        if current.status_code != 200:
            return current
        form = {
            "state": "in_progress",
            "percent": str(rng.randint(1, 99)),
            "note": "Báo cáo thử tải",
            "version": str(current.json()["assignment"]["version"]),
        }
        return client.post(f"/api/v1/assignments/{target}/progress", data=form)
    return client.get(kind)


def _client(shared: Shared, index: int, clients: int) -> None:
    rng = random.Random(index)
    mine = shared.assignment_ids[index::clients] or shared.assignment_ids
    headers = {"authorization": f"Bearer {shared.token}"}
    with (
        httpx.Client(base_url=shared.base, timeout=10.0) as api,
        httpx.Client(
            base_url=shared.base, timeout=10.0, cookies={COOKIE_NAME: shared.cookie}
        ) as browser,
    ):
        api.headers.update(headers)
        while time.monotonic() < shared.deadline:
            name = _pick(rng)
            kind = "page" if name in dict(PAGES) or name in ("task", "static") else "read"
            kind = "write" if name == "write" else kind
            client = browser if kind == "page" else api
            started = time.perf_counter()
            try:
                status = _request(client, shared, name, mine, rng).status_code
            except (httpx.HTTPError, KeyError, ValueError):
                status = 0  # no answer (timeout, refused) or an answer without its fields
            elapsed = time.perf_counter() - started
            with shared.lock:
                shared.samples.append(Sample(kind, name, status, elapsed))
            time.sleep(rng.uniform(0, 2 * shared.think))


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _report(samples: list[Sample], seconds: float) -> str:
    lines = [
        "| kind | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("page", "read", "write", "all"):
        chosen = [s for s in samples if kind in ("all", s.kind)]
        times = [s.seconds * 1000 for s in chosen]
        errors = sum(1 for s in chosen if not 200 <= s.status < 400)
        lines.append(
            f"| {kind} | {len(chosen)} | {errors} | {statistics.median(times) if times else 0:.0f} "
            f"| {_percentile(times, 0.95):.0f} | {_percentile(times, 0.99):.0f} "
            f"| {max(times, default=0):.0f} |"
        )
    lines.append("")
    for name in sorted({s.name for s in samples}):
        times = [s.seconds * 1000 for s in samples if s.name == name]
        lines.append(
            f"  {name:40} n={len(times):5} p50={statistics.median(times):6.0f} "
            f"p95={_percentile(times, 0.95):6.0f} ms"
        )
    lines.append(f"\n{len(samples) / seconds:.1f} requests/s over {seconds:.0f} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--assignments", type=int, default=20_000)
    parser.add_argument("--think", type=float, default=0.5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dxtrack-load-") as tmp:
        settings, cookie, token, task_ids, assignment_ids = _prepare(Path(tmp), args.assignments)
        port = _free_port()
        server = _serve(settings, port)
        try:
            shared = Shared(
                f"http://127.0.0.1:{port}",
                cookie,
                token,
                task_ids,
                assignment_ids,
                time.monotonic() + args.seconds,
                args.think,
            )
            threads = [
                threading.Thread(target=_client, args=(shared, i, args.clients), daemon=True)
                for i in range(args.clients)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 30)
            elapsed = time.monotonic() - started
        finally:
            server.kill()
            server.wait()
        by_status: dict[int, int] = {}
        for sample in shared.samples:
            by_status[sample.status] = by_status.get(sample.status, 0) + 1
        print(_report(shared.samples, elapsed))
        print("statuses:", dict(sorted(by_status.items())))


if __name__ == "__main__":
    main()
