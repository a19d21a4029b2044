"""Benchmark of `notify run`: 100k assignments, 2,000 users, a local SMTP sink, on SQLite.

    python -m benchmarks.bench_notify [--assignments 100000] [--users 2000]

A fresh SQLite file under /tmp gets the tracking data of generate.py, then `--users` users
(officers spread over the agencies, 2 % coordinators, all with an e-mail address). An aiosmtpd
server on 127.0.0.1 accepts the mail. `notify run --at 2026-11-23` runs twice in a child
process (so its peak memory is its own): the first run composes and sends every digest, the
second finds them sent. Prints wall time, peak RSS and the run's JSON for each.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from sqlalchemy import insert, select

from benchmarks.generate import TODAY, generate
from dxtrack.agencies.models import Agency
from dxtrack.auth.models import Role, User
from dxtrack.auth.passwords import hash_password
from dxtrack.config import Settings
from dxtrack.db import dispose_engines, get_engine

DB_FILE = Path("/tmp/dxtrack-bench-notify.sqlite3")


class Sink:
    count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        Sink.count += 1
        return "250 OK"


def add_users(url: str, total: int) -> None:
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    with engine.begin() as connection:
        agencies = list(connection.execute(select(Agency.id).order_by(Agency.id)).scalars())
        digest = hash_password("mat-khau-benchmark")
        rows = []
        for n in range(total):
            coordinator = n % 50 == 0
            rows.append(
                {
                    "username": f"user{n}",
                    "password_hash": digest,
                    "role": Role.coordinator.value if coordinator else Role.officer.value,
                    "agency_id": None if coordinator else agencies[n % len(agencies)],
                    "email": f"user{n}@angiang.gov.vn",
                    "full_name": f"Cán bộ số {n}",
                    "active": True,
                }
            )
        connection.execute(insert(User), rows)


def child(url: str, port: int) -> None:
    """One `notify run` (in this process): prints its JSON, seconds and peak RSS in MB."""
    from typer.testing import CliRunner

    from dxtrack.cli import app

    started = time.perf_counter()
    result = CliRunner().invoke(
        app,
        ["--db", url, "--data-dir", "/tmp", "notify", "run", "--at", TODAY.isoformat(), "--json"],
        env={"DXTRACK_SMTP_HOST": "127.0.0.1", "DXTRACK_SMTP_PORT": str(port)},
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = json.loads(result.stdout)
    print(json.dumps({"result": out, "seconds": round(seconds, 2), "peak_mb": round(peak, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--child", nargs=2, metavar=("URL", "PORT"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    DB_FILE.unlink(missing_ok=True)
    url = f"sqlite:///{DB_FILE}"
    started = time.perf_counter()
    generate(url, args.assignments)
    add_users(url, args.users)
    dispose_engines()
    print(
        f"data: {args.assignments} assignments, {args.users} users in {time.perf_counter() - started:.1f} s"
    )
    controller = Controller(Sink(), hostname="127.0.0.1", port=8025)
    controller.start()
    try:
        for label in ("first run", "second run"):
            command = [sys.executable, "-m", "benchmarks.bench_notify", "--child", url, "8025"]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            print(f"{label}: {out.stdout.strip()}  (messages received so far: {Sink.count})")
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
