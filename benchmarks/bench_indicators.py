"""Benchmark of plans and indicators: plan summary and roll-up index on SQLite.

    python -m benchmarks.bench_indicators [--plans 50] [--indicators 200] [--agencies 120]
                                          [--assignments 50000] [--repeat 7]

A fresh SQLite file under /tmp gets the tracking data of generate.py (the An Giang directory,
documents, tasks, assignments, progress), then `--plans` plans on as many documents, each with
the nine pillars, its document's tasks linked to pillars, `--indicators` indicators led by
`--agencies` agencies (5 % derived by formula, 10 % without guidance, 10 % summed over five
agencies' figures) and two measurements per measured indicator. Times are the median of
`--repeat` runs after one warm-up, in ms (wall clock and this process's CPU time), through
the functions the API and CLI call.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from benchmarks.generate import TODAY, generate
from dxtrack.agencies.models import Agency
from dxtrack.config import Settings
from dxtrack.db import dispose_engines, get_engine
from dxtrack.documents.models import Document
from dxtrack.indicators.models import Indicator, Measurement, Pillar, Plan, plan_tasks
from dxtrack.indicators.queries import plan_summary
from dxtrack.indicators.rollup import rollup
from dxtrack.indicators.service import DX_PILLARS, slugify
from dxtrack.tasks.models import Task

PATH = Path("/tmp/dxtrack-bench-indicators.sqlite3")


def _plans(db: Session, count: int) -> list[tuple[int, int]]:
    documents = list(db.scalars(select(Document.id).order_by(Document.id).limit(count)))
    rows = [
        {"code": f"KH-{n:03d}", "name": f"Kế hoạch {n}", "year": 2025, "document_id": doc,
         "budget_by_source": {}}
        for n, doc in enumerate(documents, start=1)
    ]  # fmt: skip
    db.execute(insert(Plan), rows)
    plans = list(db.execute(select(Plan.id, Plan.document_id).order_by(Plan.id)))
    pillars = [
        {"plan_id": plan_id, "position": p, "code": slugify(name), "name": name}
        for plan_id, _ in plans
        for p, name in enumerate(DX_PILLARS, start=1)
    ]
    db.execute(insert(Pillar), pillars)
    return [(plan_id, doc) for plan_id, doc in plans]


def _link_tasks(db: Session, plans: list[tuple[int, int]], rng: random.Random) -> None:
    pillar_ids = dict.fromkeys(p for p, _ in plans)
    for plan_id in pillar_ids:
        pillar_ids[plan_id] = list(db.scalars(select(Pillar.id).where(Pillar.plan_id == plan_id)))
    rows = [
        {"plan_id": plan_id, "task_id": task_id, "pillar_id": rng.choice(pillar_ids[plan_id])}
        for plan_id, doc in plans
        for task_id in db.scalars(select(Task.id).where(Task.document_id == doc))
    ]
    if rows:
        db.execute(insert(plan_tasks), rows)


def _indicator(plan_id: int, n: int, pillars: list[int], agencies: list[int], rng: random.Random):
    derived = n % 20 == 19
    return {
        "plan_id": plan_id, "pillar_id": rng.choice(pillars), "position": n, "code": f"CT{n:03d}",
        "name": f"Chỉ tiêu {n}", "unit": "percent", "unit_label": "%", "direction": "gte",
        "target": rng.choice([50, 70, 80, 90, 100]), "baseline": None, "period": "2025",
        "agency_id": rng.choice(agencies), "data_source": "", "has_guidance": n % 10 != 3,
        "formula": f"CT{n - 1:03d} / CT{n - 2:03d} * 100" if derived else None,
        "aggregation": "sum" if n % 10 == 5 else "latest", "note": "", "version": 1,
    }  # fmt: skip


def _indicators(db: Session, args: argparse.Namespace, rng: random.Random) -> None:
    agencies = list(db.scalars(select(Agency.id).order_by(Agency.id).limit(args.agencies)))
    plan_ids = list(db.scalars(select(Plan.id)))
    for plan_id in plan_ids:
        pillars = list(db.scalars(select(Pillar.id).where(Pillar.plan_id == plan_id)))
        rows = [
            _indicator(plan_id, n, pillars, agencies, rng) for n in range(1, args.indicators + 1)
        ]
        db.execute(insert(Indicator), rows)
    measurements = []
    for ind_id, aggregation, formula in db.execute(
        select(Indicator.id, Indicator.aggregation, Indicator.formula)
    ):
        if formula or rng.random() < 0.1:
            continue
        reporters = rng.sample(agencies, 5) if aggregation == "sum" else [None, None]
        for k, agency in enumerate(reporters):
            day = date(2025, 6, 30) + timedelta(days=180 * (k % 2))
            measurements.append({"indicator_id": ind_id, "value": rng.uniform(20, 100),
                                 "as_of": day, "agency_id": agency, "note": ""})  # fmt: skip
    db.execute(insert(Measurement), measurements)


def build(args: argparse.Namespace) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{PATH}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{PATH}"
    generate(url, args.assignments)
    rng = random.Random(11)
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    with Session(engine) as db:
        plans = _plans(db, args.plans)
        _link_tasks(db, plans, rng)
        _indicators(db, args, rng)
        db.commit()
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return url


def timed(session: Session, func: Callable[[Session], Any], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (SQLite runs in this process, so CPU time is
    the figure that does not move when other jobs share the machine)."""
    func(session)
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        func(session)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--agencies", type=int, default=120)
    parser.add_argument("--assignments", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    url = build(args)
    print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    with Session(engine) as db:
        code = db.scalar(select(Plan.code).order_by(Plan.id.desc()))
        assert code is not None
        counts = {
            "indicators": db.query(Indicator).count(),
            "measurements": db.query(Measurement).count(),
            "linked tasks": db.execute(select(plan_tasks)).all().__len__(),
        }
        print(counts)
        cases = {
            "plan summary": lambda s: plan_summary(s, plan_code=code, at=TODAY),
            "roll-up index": lambda s: rollup(s, plan_code=code, at=TODAY),
            "summary + roll-up": lambda s: (
                plan_summary(s, plan_code=code, at=TODAY),
                rollup(s, plan_code=code, at=TODAY),
            ),
            "province roll-up (all plans)": lambda s: rollup(s, plan_code=None, at=TODAY),
        }
        print("| query | wall ms (median) | CPU ms (median) |\n|---|---|---|")
        for name, func in cases.items():
            wall, cpu = timed(db, func, args.repeat)
            print(f"| {name} | {wall:.1f} | {cpu:.1f} |", flush=True)
    dispose_engines()


if __name__ == "__main__":
    main()
