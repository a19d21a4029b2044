"""A 10,000-row import as a background job: total time, peak memory, longest write hold.

    python -m benchmarks.bench_jobs [--rows 10000] [--batch 500] [--db URL]

A fresh SQLite database under /tmp (or `--db`, an empty PostgreSQL database) is initialised;
an agency directory of `--rows` rows is queued as an `agencies.import` job and run by a worker
in this process (its own short transactions, as `dxtrack worker` runs them). Then the same
file is imported the foreground way (one transaction) for comparison. Reported: wall time,
the process's peak resident memory, and the longest time any transaction that wrote held it
open (BEGIN to COMMIT: on SQLite, the write lock other writers wait for).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from dxtrack.agencies.importer import read_directory
from dxtrack.agencies.service import import_directory
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import get_engine, transaction
from dxtrack.jobs.imports import AGENCY_IMPORT, enqueue_import
from dxtrack.jobs.kinds import KINDS
from dxtrack.jobs.worker import Worker

WRITES = ("INSERT", "UPDATE", "DELETE")


class HoldMeter:
    """The longest BEGIN..COMMIT of a transaction that wrote, over every connection."""

    def __init__(self, engine: Engine) -> None:
        self.open: dict[int, tuple[float, bool]] = {}
        self.longest = 0.0
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "before_cursor_execute", self._execute)
        event.listen(engine, "commit", self._end)
        event.listen(engine, "rollback", self._end)

    def _begin(self, conn: Any) -> None:
        self.open[id(conn)] = (time.perf_counter(), False)

    def _execute(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        started = self.open.get(id(conn))
        if started and statement.lstrip().upper().startswith(WRITES):
            self.open[id(conn)] = (started[0], True)

    def _end(self, conn: Any) -> None:
        started, wrote = self.open.pop(id(conn), (0.0, False))
        if wrote:
            self.longest = max(self.longest, time.perf_counter() - started)

    def reset(self) -> None:
        self.longest = 0.0


def directory_csv(rows: int, prefix: str) -> bytes:
    lines = ["code,name,kind,parent_code,aliases"]
    lines += [f"{prefix}-{n},Đơn vị thử {prefix} {n},department,ubnd-tinh," for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def as_job(settings: Settings, data: bytes, meter: HoldMeter) -> dict[str, float]:
    with transaction(settings, write=True) as db:
        enqueue_import(db, kind=AGENCY_IMPORT, data=data, filename="co-quan.csv", params={},
                       settings=settings, actor=None)  # fmt: skip
    meter.reset()
    started = time.perf_counter()
    Worker(settings, KINDS).drain()
    return {"seconds": time.perf_counter() - started, "hold": meter.longest, "peak_mb": peak_mb()}


def foreground(settings: Settings, data: bytes, meter: HoldMeter, folder: Path) -> dict[str, float]:
    path = folder / "mot-lan.csv"
    path.write_bytes(data)
    meter.reset()
    started = time.perf_counter()
    with transaction(settings, write=True) as db:
        import_directory(db, read_directory(path), actor=None)
    return {"seconds": time.perf_counter() - started, "hold": meter.longest, "peak_mb": peak_mb()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as folder:
        url = args.db or f"sqlite:///{folder}/dxtrack.sqlite3"
        settings = Settings(data_dir=Path(folder), database_url=url, job_batch_rows=args.batch)
        initialise(settings)
        meter = HoldMeter(get_engine(settings))
        job = as_job(settings, directory_csv(args.rows, "job"), meter)
        once = foreground(settings, directory_csv(args.rows, "fg"), meter, Path(folder))
    backend = url.split(":", 1)[0]
    print(f"{backend}, {args.rows} rows, batch {args.batch}")
    for name, figures in (("background job", job), ("one transaction", once)):
        print(f"  {name}: {figures['seconds']:.1f} s total, longest write hold "
              f"{figures['hold']:.2f} s, peak RSS {figures['peak_mb']:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
