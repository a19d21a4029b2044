"""Benchmark of backup and restore at 100k assignments.

    python -m benchmarks.bench_backup [--assignments 100000] [--to sqlite,postgresql]

generate.py fills a fresh SQLite file (in a child process). Then, each in its own child process
so peak memory (ru_maxrss) is its own: `create_backup()` of that database, and
`restore_backup()` of the archive into a fresh SQLite file and into a fresh database of a
throwaway PostgreSQL cluster (the SQLite-to-PostgreSQL move). Wall time, peak MB, archive size.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path("/tmp/dxtrack-bench-backup")
ARCHIVE = ROOT / "sao-luu.tar.gz"


def measure(action: str, url: str, data_dir: str) -> dict[str, float]:
    from dxtrack.backup.restore import restore_backup
    from dxtrack.backup.service import create_backup
    from dxtrack.config import Settings

    key = "benchmark-backup-key-0123456789abcdef"
    settings = Settings(database_url=url, data_dir=Path(data_dir), backup_key=key)
    started = time.perf_counter()
    if action == "backup":
        rows = sum(create_backup(settings, ARCHIVE).tables.values())
    else:
        rows = sum(restore_backup(settings, ARCHIVE).tables.values())
    return {
        "seconds": time.perf_counter() - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": rows,
    }


def child(action: str, url: str, data_dir: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_backup", "--child", action]
    command += ["--db", url, "--data-dir", str(data_dir)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def postgres_url(stack: ExitStack) -> str:
    from sqlalchemy import create_engine, text

    from tests.pgcluster import pg_cluster

    server = stack.enter_context(pg_cluster("-c shared_buffers=256MB -c work_mem=32MB"))
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE bench_restore"))
    admin.dispose()
    return f"{server}/bench_restore"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--to", default="sqlite,postgresql")
    parser.add_argument("--child")
    parser.add_argument("--db")
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.db, args.data_dir)))
        return
    shutil.rmtree(ROOT, ignore_errors=True)
    source = ROOT / "source"
    source.mkdir(parents=True)
    url = f"sqlite:///{source / 'dxtrack.sqlite3'}"
    generate = [sys.executable, "-m", "benchmarks.generate", "--db", url]
    subprocess.run([*generate, "--assignments", str(args.assignments)], check=True)
    print("| step | s | peak MB | rows |")
    print("|---|---|---|---|")
    made = child("backup", url, source)
    size = ARCHIVE.stat().st_size / (1024 * 1024)
    print(
        f"| backup (SQLite) | {made['seconds']:.2f} | {made['peak_mb']:.0f} | {made['rows']:.0f} |"
    )
    with ExitStack() as stack:
        for backend in args.to.split(","):
            directory = ROOT / f"to-{backend}"
            directory.mkdir()
            if backend == "sqlite":
                target = f"sqlite:///{directory / 'dxtrack.sqlite3'}"
            else:
                target = postgres_url(stack)
            r = child("restore", target, directory)
            print(
                f"| restore into {backend} | {r['seconds']:.2f} | {r['peak_mb']:.0f} "
                f"| {r['rows']:.0f} |"
            )
    print(f"archive: {size:.1f} MB")


if __name__ == "__main__":
    main()
