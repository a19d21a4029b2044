"""Synthetic tracking data: documents, tasks, assignments and progress over the real directory.

    python benchmarks/generate.py --db URL --assignments 100000 [--seed 7]

Agencies are the An Giang directory loaded by `dxtrack init`. Each task goes to 1-17 distinct
agencies; 10 % of assignments have no deadline; deadlines spread over 2025-2027; about 45 % of
the assignments whose deadline has passed are done (some late), each done one with a progress
report. Rows are bulk-inserted (COPY on PostgreSQL), so 1M assignments take about a minute.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text

from dxtrack.agencies.models import Agency
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings, use_settings
from dxtrack.db import get_engine, transaction
from dxtrack.search import search_key
from dxtrack.sync import changes
from dxtrack.tasks import counts

TODAY = date(2026, 11, 23)
START = date(2025, 1, 1)
SPAN_DAYS = 3 * 365
NOW = datetime(2026, 11, 23, 8, 0)


def _tasks(rng: random.Random, agencies: list[int], total: int) -> Iterator[tuple]:
    """Yield (task_id, document_id, deadline, [agency ids]) until `total` assignments."""
    made, task_id = 0, 0
    while made < total:
        task_id += 1
        count = min(rng.randint(1, 17), total - made)
        deadline = None if rng.random() < 0.1 else START + timedelta(rng.randrange(SPAN_DAYS))
        yield task_id, task_id // 20 + 1, deadline, rng.sample(agencies, count)
        made += count


def _completion(rng: random.Random, deadline: date | None) -> date | None:
    reference = deadline or START + timedelta(rng.randrange(SPAN_DAYS))
    if reference > TODAY + timedelta(days=30) or rng.random() > 0.45:
        return None
    done = reference + timedelta(days=rng.randint(-40, 15))
    return min(done, TODAY)


def _document(document_id: int) -> tuple:
    return (
        document_id,
        f"{document_id:064x}",
        f"vb-{document_id}.txt",
        "xx",
        1,
        "Kế hoạch",
        f"{document_id}/KH-UBND",
        f"{document_id}/kh-ubnd",
        f"V/v nhiệm vụ số {document_id}",
        "[]",
        "",
        "confirmed",
        NOW,
        search_key(
            f"{document_id}/KH-UBND", f"V/v nhiệm vụ số {document_id}", f"vb-{document_id}.txt"
        ),
    )


def _task(task_id: int, document_id: int, deadline: date | None) -> tuple:
    return (
        task_id,
        document_id,
        0,
        "1.a",
        f"Nhiệm vụ {task_id}",
        "",
        deadline,
        None,
        False,
        "confirmed",
        1,
        NOW,
        NOW,
        search_key("1.a", f"Nhiệm vụ {task_id}"),
    )


def build_rows(total: int, agencies: list[int], seed: int) -> dict[str, list[tuple]]:
    rng = random.Random(seed)
    rhythm = random.Random(seed + 1)  # its own stream: the other rows stay as they were
    rows: dict[str, list[tuple]] = {name: [] for name in COLUMNS}
    assignment_id = 0
    for task_id, document_id, deadline, members in _tasks(rng, agencies, total):
        if not rows["documents"] or rows["documents"][-1][0] != document_id:
            rows["documents"].append(_document(document_id))
        rows["tasks"].append(_task(task_id, document_id, deadline))
        for agency_id in members:
            assignment_id += 1
            done = _completion(rng, deadline)
            state = "done" if done else rng.choice(["not_started", "in_progress", "blocked"])
            reported = None  # undated open work: 70 % reported within the last four months
            if deadline is None and not done and rhythm.random() < 0.7:
                reported = TODAY - timedelta(days=rhythm.randrange(0, 120))
            rows["assignments"].append(
                (
                    assignment_id,
                    task_id,
                    agency_id,
                    "lead",
                    "",
                    deadline,
                    state,
                    100 if done else 0,
                    done,
                    2 if done else 1,
                    NOW,
                    reported,
                )
            )
            if done:
                rows["progress_reports"].append(
                    (
                        assignment_id,
                        assignment_id,
                        None,
                        "done",
                        100,
                        "Đã hoàn thành",
                        "",
                        "",
                        done,
                        NOW,
                    )
                )
    return rows


COLUMNS = {
    "documents": "id, sha256, filename, stored_path, size, doc_type, number, number_key, subject, "
    "recipients, text, review_state, created_at, search_key",
    "tasks": "id, document_id, position, clause, summary, full_text, deadline, recurrence, "
    "optional, review_state, version, created_at, updated_at, search_key",
    "assignments": "id, task_id, agency_id, role, period, deadline, state, percent, completed_on, "
    "version, updated_at, last_report_on",
    "progress_reports": "id, assignment_id, author_id, state, percent, note, difficulties, "
    "proposals, completed_on, created_at",
}


def _chunks(rows: list[tuple], size: int = 50_000) -> Iterable[list[tuple]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def insert(url: str, rows: dict[str, list[tuple]]) -> None:
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table, columns in COLUMNS.items():
            if engine.dialect.name == "postgresql":
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(columns.split(",")))
                for chunk in _chunks(rows[table]):
                    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", chunk)
        raw.commit()
    finally:
        raw.close()


def analyze(url: str) -> None:
    engine = get_engine(Settings(database_url=url, data_dir=Path("/tmp")))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def generate(url: str, total: int, seed: int = 7) -> dict[str, int]:
    settings = Settings(database_url=url, data_dir=Path("/tmp"))
    use_settings(settings)
    initialise(settings)
    with get_engine(settings).connect() as connection:
        agencies = list(connection.execute(select(Agency.id)).scalars())
    rows = build_rows(total, agencies, seed)
    with get_engine(settings).begin() as connection:
        counts.uninstall(connection)  # no trigger per row: one recount below
        changes.uninstall(connection)  # a generated data set is not a change history
    insert(url, rows)
    with transaction(settings) as db:
        count_rows = counts.install(db.connection())
        changes.install(db.connection())
    analyze(url)
    return {table: len(values) for table, values in rows.items()} | {"counts": count_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--assignments", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.db, args.assignments, args.seed)
    print(counts, f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
