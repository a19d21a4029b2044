"""Benchmarks of the tracking core: status summary, scorecard, filtered first page.

    python benchmarks/bench_core.py [--sizes 10000,100000,1000000] [--backends sqlite,postgresql]
                                    [--repeat 7] [--out benchmarks/results.md]
    python -m benchmarks.generate --db URL --assignments 1000000   # once, then as often as needed:
    python -m benchmarks.bench_core --url URL --sizes 1000000 [--repeat 5]

Each size gets a fresh database filled by generate.py (SQLite files under /tmp, PostgreSQL in
a throwaway cluster). Times are the median of `--repeat` runs after one warm-up, in ms,
through the same service functions the API and CLI call; in brackets the mean CPU time of a
run (this process plus the PostgreSQL backend), which a busy shared machine does not inflate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from benchmarks.generate import TODAY, generate
from dxtrack.config import Settings
from dxtrack.db import dispose_engines, get_engine
from dxtrack.reports.data import Scope, collect_task_report
from dxtrack.reports.periods import custom_period
from dxtrack.tasks.activity import list_recent_reports
from dxtrack.tasks.queries import Filters, list_assignments, overdue_tasks
from dxtrack.tasks.rhythm_stats import rhythm_by_agency, rhythm_summary
from dxtrack.tasks.stats import scorecard, summarize
from dxtrack.tasks.status import Status
from tests.pgcluster import pg_cluster

# Today, a date mid-year, and a date before most completions (generate.py: deadlines over
# 2025-2027, completions up to TODAY).
DATES = (("today", TODAY), ("mid-year", date(2026, 6, 30)), ("early", date(2025, 3, 31)))


Row = tuple[str, str, int, str, tuple[float, float]]  # backend, case, size, date, (wall, CPU)


def dashboard(db: Session, at: date) -> Any:
    """The figures of the Tổng quan page (tasks domain functions the page calls)."""
    summarize(db, at=at)
    scorecard(db, at=at)
    for days in (7, 30):
        window = Filters(deadline_from=at, deadline_to=at + timedelta(days=days))
        summarize(db, at=at, filters=window)
    list_assignments(db, filters=Filters(status=Status.overdue), at=at, user=None, page_size=10)
    list_recent_reports(db, user=None, filters=Filters(), at=at, limit=10)
    rhythm_summary(db, today=at, user=None)  # undated work updated in its period (at today)
    rhythm_by_agency(db, today=at, user=None)
    return overdue_tasks(db, filters=Filters(), at=at, user=None, limit=10, count=False)


def report(db: Session, at: date) -> Any:
    """The figures of a quarterly report ending at `at` (without the plans' indicators)."""
    period = custom_period(at - timedelta(days=90), at)
    return collect_task_report(
        db, period=period, at=at, scope=Scope(), user=None, due_soon_days=7, overdue_limit=30
    )


def cases() -> list[tuple[str, Callable[[Session, date], Any]]]:
    return [
        ("summary", lambda db, at: summarize(db, at=at)),
        ("scorecard", lambda db, at: scorecard(db, at=at)),
        ("scorecard by group", lambda db, at: scorecard(db, at=at, by="group")),
        ("dashboard figures", dashboard),
        ("report figures (quarter)", report),
        (
            "page: agency + overdue",
            lambda db, at: list_assignments(
                db, filters=Filters(agency="so-y-te", status=Status.overdue), at=at, user=None
            ),
        ),
        (
            "page: group + due soon",
            lambda db, at: list_assignments(
                db,
                filters=Filters(group="so-ban-nganh-tinh", status=Status.due_soon),
                at=at,
                user=None,
            ),
        ),
        (
            "page: deadline range",
            lambda db, at: list_assignments(
                db,
                filters=Filters(deadline_from=date(2026, 1, 1), deadline_to=date(2026, 3, 31)),
                at=at,
                user=None,
            ),
        ),
    ]


def backend_cpu_ms(session: Session) -> Callable[[], float]:
    """CPU time used so far by this session's PostgreSQL backend (a local server's /proc), so
    a run's CPU cost is known apart from the time it waited on a busy machine; 0 on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return lambda: 0.0
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    stat, tick = Path(f"/proc/{pid}/stat"), os.sysconf("SC_CLK_TCK")
    if not stat.exists():
        return lambda: 0.0

    def used() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / tick

    return used


def measure(
    session: Session, func: Callable[[Session, date], Any], at: date, repeat: int
) -> tuple[float, float]:
    """Median wall time and mean CPU time (this process + the database backend), in ms."""
    func(session, at)
    times, backend = [], backend_cpu_ms(session)
    cpu_started, backend_started = time.process_time(), backend()
    for _ in range(repeat):
        started = time.perf_counter()
        func(session, at)
        times.append((time.perf_counter() - started) * 1000)
    cpu = (time.process_time() - cpu_started) * 1000 + backend() - backend_started
    return statistics.median(times), cpu / repeat


def database_url(backend: str, size: int, stack: ExitStack) -> str:
    if backend == "sqlite":
        path = Path(f"/tmp/dxtrack-bench-{size}.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    server = stack.enter_context(pg_cluster("-c shared_buffers=256MB -c work_mem=32MB"))
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE bench_{size}"))
    admin.dispose()
    return f"{server}/bench_{size}"


def run(backend: str, size: int, repeat: int) -> list[Row]:
    with ExitStack() as stack:
        url = database_url(backend, size, stack)
        started = time.perf_counter()
        generate(url, size)
        print(f"{backend} {size}: generated in {time.perf_counter() - started:.0f} s", flush=True)
        return measure_all(url, size, repeat)


def measure_all(url: str, size: int, repeat: int) -> list[Row]:
    """Every case at every date on a database filled by generate.py."""
    rows = []
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    backend = engine.dialect.name
    with Session(engine) as session:
        for name, func in cases():
            for label, at in DATES:
                ms, cpu = measure(session, func, at, repeat)
                rows.append((backend, name, size, label, (ms, cpu)))
                print(f"  {name:26} {label:8} {ms:8.1f} ms (CPU {cpu:.1f})", flush=True)
    dispose_engines()
    return rows


def table(rows: list[Row]) -> str:
    sizes = sorted({r[2] for r in rows})
    head = "| backend | query | date | " + " | ".join(f"{s:,}" for s in sizes) + " |"
    lines = [head, "|" + "---|" * (3 + len(sizes))]
    keys = dict.fromkeys((r[0], r[1], r[3]) for r in rows)
    for backend, name, label in keys:
        cells = []
        for size in sizes:
            found = [r[4] for r in rows if (r[0], r[1], r[3], r[2]) == (backend, name, label, size)]
            cells.append(f"{found[0][0]:.1f} ({found[0][1]:.1f})" if found else "—")
        lines.append(f"| {backend} | {name} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--url", default=None, help="measure this database, already filled by generate.py with "
        "--sizes assignments (a 1M build takes minutes: build once, measure often)"
    )  # fmt: skip
    args = parser.parse_args()
    rows = []
    for backend in args.backends.split(",") if not args.url else []:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.extend(run(backend, size, args.repeat))
    if args.url:
        rows = measure_all(args.url, int(args.sizes), args.repeat)
    result = table(rows)
    print(result)
    if args.out:
        args.out.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
