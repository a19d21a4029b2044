"""Every assignment with its status at a date, as CSV and JSON lines (API and CLI)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from apihelp import login
from builders import make_document, make_task
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.status import STATUS_LABELS, Status, compute_status

STATUS_KEYS = {s.value for s in Status}


def build(db: Session) -> list[Assignment]:
    document = make_document(db, number='=HYPERLINK("http://x")')  # a hostile cell
    make_task(db, document=document, deadline=date(2025, 6, 30), clause="1")
    make_task(db, document=document, lead=["Công an tỉnh"], deadline=date(2025, 12, 31), clause="2")
    make_task(db, document=document, recurrence="continuous", clause="3")
    rows = db.query(Assignment).order_by(Assignment.id).all()
    rows[0].completed_on, rows[0].state = date(2025, 7, 5), "done"
    db.flush()
    return rows


class TestStatusExport:
    def test_jsonl_statuses_are_the_status_rule_at_the_date(self, client: TestClient, db: Session):
        rows = build(db)
        headers = login(client, db, "lanhdao")
        response = client.get(
            "/api/v1/exports/assignments?at=2025-12-28&format=jsonl", headers=headers
        )
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in response.text.splitlines()]
        mine = {line["assignment_id"]: line for line in lines}
        for row in rows:
            expected = compute_status(
                deadline=row.deadline, completed_on=row.completed_on, at=date(2025, 12, 28)
            )
            assert mine[row.id]["status"] == expected.value
            assert mine[row.id]["status_label"] == STATUS_LABELS[expected]
        assert [mine[r.id]["status"] for r in rows] == ["done_late", "due_soon", "no_deadline"]
        assert {line["status"] for line in lines} <= STATUS_KEYS
        assert mine[rows[1].id]["agency_code"] == "cong-an-tinh"

    def test_csv_neutralises_formulas(self, client: TestClient, db: Session):
        build(db)
        headers = login(client, db, "dieuphoi")
        response = client.get(
            "/api/v1/exports/assignments?at=2025-06-01&format=csv", headers=headers
        )
        assert (
            response.status_code == 200 and "attachment" in response.headers["content-disposition"]
        )
        table = list(csv.DictReader(io.StringIO(response.text)))
        assert table and all(r["document_number"] == '\'=HYPERLINK("http://x")' for r in table)
        assert {r["status"] for r in table} <= STATUS_KEYS
        assert (
            client.get("/api/v1/exports/assignments?format=xml", headers=headers).status_code == 422
        )
        officer = login(client, db, "syt")
        assert client.get("/api/v1/exports/assignments", headers=officer).status_code == 403


def test_cli_export(fresh_settings: Settings, tmp_path):
    runner = CliRunner()
    base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]
    assert runner.invoke(app, [*base, "init"]).exit_code == 0
    from dxtrack.db import transaction

    with transaction(fresh_settings, write=True) as db:
        make_task(db, deadline=date(2025, 6, 30))
    out = tmp_path / "trang-thai.csv"
    result = runner.invoke(app, [*base, "sync", "export", "--at", "2025-07-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["status"] for r in table] == ["overdue"] and table[0]["at"] == "2025-07-01"
    lines = runner.invoke(app, [*base, "sync", "export", "--at", "2025-06-25", "--format", "jsonl"])
    assert json.loads(lines.stdout.splitlines()[0])["status"] == "due_soon"
    bad = runner.invoke(app, [*base, "sync", "export", "--format", "xml"])
    assert bad.exit_code == 6 and "csv hoặc jsonl" in bad.output
