"""Issue 16.10: runs audited, the audit log refuses INSERT OR REPLACE, a killed ingest leaves no
orphan file, the notification-rules API takes its documented kinds."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dxtrack.audit.models import AuditEntry
from dxtrack.bootstrap import initialise
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.db import get_engine
from dxtrack.files import store_blob
from dxtrack.notifications.runner import run_notifications
from dxtrack.sweep import sweep_orphans
from dxtrack.tasks.counts import recount

API = "/api/v1"
SEED = Path(__file__).parents[1] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"


def actions(db: Session) -> list[str]:
    return list(db.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


class TestRunsAudited:
    def test_recount(self, db: Session):
        rows = recount(db, actor=None)
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "system.recount")).one()
        assert entry.after == {"rows": rows}

    def test_notify_run(self, db: Session, settings: Settings):
        @contextmanager
        def units():
            yield db
            db.flush()

        result = run_notifications(units=units, settings=settings, at=settings_day())
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "notify.run")).one()
        assert entry.after["sent"] == result.sent and entry.after["at"] == "2025-12-09"


def settings_day():
    from datetime import date

    return date(2025, 12, 9)


class TestAppendOnly:
    def test_insert_or_replace_cannot_rewrite_an_audit_row(self, db: Session, backend: str):
        if backend != "sqlite":
            pytest.skip("INSERT OR REPLACE is SQLite's (PostgreSQL's ON CONFLICT fires UPDATE)")
        recount(db, actor=None)
        entry = db.scalars(select(AuditEntry)).first()
        original = entry.action
        with pytest.raises(DBAPIError, match="append-only"), db.begin_nested():
            db.execute(
                text(
                    "INSERT OR REPLACE INTO audit_log (id, at, actor_id, actor_name, action, "
                    "entity, entity_id) VALUES (:id, :at, NULL, '', 'forged', 'system', NULL)"
                ),
                {"id": entry.id, "at": entry.at},
            )
        db.expire_all()
        assert db.get(AuditEntry, entry.id).action == original != "forged"

    def test_on_conflict_update_is_refused_too(self, db: Session, backend: str):
        recount(db, actor=None)
        entry = db.scalars(select(AuditEntry)).first()
        with pytest.raises(DBAPIError, match="append-only"), db.begin_nested():
            db.execute(
                text(
                    "INSERT INTO audit_log (id, at, actor_name, action, entity) "
                    "VALUES (:id, :at, '', 'forged', 'system') "
                    "ON CONFLICT (id) DO UPDATE SET action = 'forged'"
                ),
                {"id": entry.id, "at": entry.at},
            )


class TestOrphans:
    def test_a_killed_ingest_leaves_nothing_after_the_next(self, fresh_settings: Settings):
        initialise(fresh_settings)
        # What a process killed between writing the original and committing leaves:
        _digest, relative = store_blob(fresh_settings.originals_dir, b"orphan", suffix=".txt")
        orphan = fresh_settings.originals_dir / relative
        fresh = fresh_settings.originals_dir / "ab" / ("a" * 64 + ".pdf.123.part")
        fresh.parent.mkdir(parents=True, exist_ok=True)
        fresh.write_bytes(b"x")
        old = time.time() - 3600
        os.utime(orphan, (old, old))
        base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]
        result = CliRunner().invoke(app, [*base, "ingest", str(SEED)])
        assert result.exit_code == 0, result.output
        assert not orphan.exists()
        assert fresh.exists()  # too recent: it may belong to an ingest in flight
        stored = [p for p in fresh_settings.originals_dir.rglob("*.txt")]
        assert len(stored) == 1  # the seed's original, referenced by its row
        with Session(get_engine(fresh_settings)) as db:
            assert sweep_orphans(db, fresh_settings) == []


class TestRuleKinds:
    @pytest.mark.parametrize(
        ("kind", "days"),
        [
            ("before_deadline", 3),
            ("on_deadline", 0),
            ("overdue_every", 2),
            ("difficulty_report", 0),
        ],
    )
    def test_documented_kinds_are_accepted(
        self, client: TestClient, db: Session, kind: str, days: int
    ):
        admin = login(client, db, "quantri")
        created = client.post(
            f"{API}/notification-rules", json={"kind": kind, "days": days}, headers=admin
        )
        assert created.status_code == 201, created.text
        assert created.json()["kind"] == kind
        wrong = client.post(f"{API}/notification-rules", json={"kind": "x"}, headers=admin)
        assert wrong.status_code == 422
