"""Benchmark of periodic reports: the provincial `tasks` report at 100k assignments.

    python -m benchmarks.bench_reports [--assignments 100000] [--formats docx,xlsx,overdue]
                                       [--repeat 3] [--backend sqlite|postgresql]

A fresh SQLite file under /tmp (or a database in a throwaway PostgreSQL cluster, as in
bench_core.py) is filled by generate.py (in a child process, so its memory does
not count). Each format is then rendered in its own child process through `render_report()`
(what the CLI and API call), for the whole province, period 2026-Q4 at 2026-11-23: wall time of
the first (cold: imports done, font cache and first queries) and the median of the next
`--repeat` runs, and the child's peak resident memory (ru_maxrss). `overdue` is the overdue list
as DOCX (500 most overdue tasks in the body). Target: ≤ 5 s and ≤ 500 MB for the provincial
report, DOCX and XLSX annex alike.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

PATH = Path("/tmp/dxtrack-bench-reports.sqlite3")
CASES = {
    "docx": ("tasks", "docx"),
    "xlsx": ("tasks", "xlsx"),
    "overdue": ("overdue", "docx"),
    "pdf": ("tasks", "pdf"),
}


def measure(url: str, case: str, repeat: int) -> dict[str, float]:
    """Render one case `repeat + 1` times in this process; times in s, peak memory in MB."""
    from benchmarks.generate import TODAY
    from dxtrack.config import Settings
    from dxtrack.db import transaction
    from dxtrack.reports.periods import parse_period
    from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report

    kind, fmt = CASES[case]
    settings = Settings(database_url=url, data_dir=Path("/tmp"))
    request = ReportRequest(ReportKind(kind), parse_period("2026-Q4"), TODAY, ReportFormat(fmt))
    times, size = [], 0
    for _ in range(repeat + 1):
        started = time.perf_counter()
        with transaction(settings) as db:
            size = len(render_report(db, request=request, settings=settings).content)
        times.append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "cold_s": times[0],
        "warm_s": statistics.median(times[1:]) if repeat else times[0],
        "peak_mb": peak_mb,
        "bytes": size,
    }


def child(url: str, case: str, repeat: int) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_reports", "--child", case, "--db", url]
    command += ["--repeat", str(repeat)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--formats", default="docx,xlsx,overdue")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--child")
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.db, args.child, args.repeat)))
        return
    with ExitStack() as stack:
        run(database_url(args.backend, stack), args)


def database_url(backend: str, stack: ExitStack) -> str:
    if backend == "sqlite":
        PATH.unlink(missing_ok=True)
        return f"sqlite:///{PATH}"
    from sqlalchemy import create_engine, text

    from tests.pgcluster import pg_cluster

    server = stack.enter_context(pg_cluster("-c shared_buffers=256MB -c work_mem=32MB"))
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE bench_reports"))
    admin.dispose()
    return f"{server}/bench_reports"


def run(url: str, args: argparse.Namespace) -> None:
    generate = [sys.executable, "-m", "benchmarks.generate", "--db", url]
    subprocess.run([*generate, "--assignments", str(args.assignments)], check=True)
    print(f"| case | cold s | warm s (median of {args.repeat}) | peak MB | file KB |")
    print("|---|---|---|---|---|")
    for case in args.formats.split(","):
        r = child(url, case, args.repeat)
        print(
            f"| {case} | {r['cold_s']:.2f} | {r['warm_s']:.2f} | {r['peak_mb']:.0f} "
            f"| {r['bytes'] / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
