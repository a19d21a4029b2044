"""Agency changes: a merge from a date moves open assignments with their history."""

from __future__ import annotations

import json
from datetime import date

import pytest
from builders import agency_id, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.resolver import build_resolver
from dxtrack.audit.models import AuditEntry
from dxtrack.cli import app
from dxtrack.config import Settings
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.queries import list_tasks

ON = date(2026, 3, 1)


def held_by(db: Session, task_id: int) -> Assignment:
    return db.scalars(select(Assignment).where(Assignment.task_id == task_id)).one()


def codes_at(db: Session, task_id: int, at: date) -> list[str]:
    [task] = [t for t in list_tasks(db, at=at) if t["id"] == task_id]
    return [a["agency"] for a in task["assignments"]]


class TestMerge:
    def test_open_assignments_move_with_history(self, db: Session):
        open_task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 30))
        done_task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 1, 31))
        held_by(db, done_task.id).completed_on = date(2026, 1, 20)
        result = merge_agencies(db, codes=["so-y-te", "so-tu-phap"], into="so-y-te-tu-phap",
                                name="Sở Y tế và Tư pháp", on=ON, actor=make_user(db, "quantri"))  # fmt: skip
        assert (result.successor, result.moved) == ("so-y-te-tu-phap", 1)
        assert codes_at(db, open_task.id, date(2026, 2, 28)) == ["so-y-te"]
        assert codes_at(db, open_task.id, ON) == ["so-y-te-tu-phap"]
        assert held_by(db, done_task.id).agency_id == agency_id(db, "so-y-te")
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "agency.merge")).first()
        assert entry.after["into"] == "so-y-te-tu-phap"

    def test_old_names_resolve_and_new_work_goes_to_successor(self, db: Session):
        merge_agencies(db, codes=["so-y-te"], into="so-moi", name="Sở Mới", on=ON, actor=None)
        assert build_resolver(db).resolve("Sở Y tế") is not None
        task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 30))
        assert held_by(db, task.id).agency_id == agency_id(db, "so-moi")

    def test_refusals(self, db: Session):
        with pytest.raises(Invalid, match="khong-co"):
            merge_agencies(db, codes=["khong-co"], into="so-y-te", on=ON, name=None, actor=None)
        with pytest.raises(Invalid, match="hãy ghi tên"):
            merge_agencies(db, codes=["so-y-te"], into="moi", on=ON, name=None, actor=None)
        with pytest.raises(Forbidden):
            merge_agencies(db, codes=["so-y-te"], into="so-tu-phap", on=ON, name=None,
                           actor=make_user(db, "syt"))  # fmt: skip
        merge_agencies(db, codes=["so-y-te"], into="so-tu-phap", on=ON, name=None, actor=None)
        with pytest.raises(Invalid, match="đã được hợp nhất"):
            merge_agencies(db, codes=["so-y-te"], into="so-noi-vu", on=ON, name=None, actor=None)


def test_cli_merge_contract(fresh_settings: Settings):
    runner = CliRunner()
    base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]

    def run(*args: str, stdin: str | None = None):
        result = runner.invoke(app, [*base, *args], input=stdin)
        assert result.exit_code == 0, result.output
        return result

    run("init")
    run("users", "add", "quantri", "--role", "admin", "--password-stdin", stdin="mat-khau-dai\n")
    from pathlib import Path

    seed = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
    run("ingest", str(seed), "--confirm")  # clause 3.b: Sở KH&CN leads, Sở Tài chính helps
    run("agencies", "merge", "so-khcn", "so-tai-chinh", "--into", "so-khcn-tc",
        "--name", "Sở Khoa học, Công nghệ và Tài chính", "--on", "2025-12-01", "--as", "quantri")  # fmt: skip

    def science(at: str) -> list[str]:
        listed = json.loads(run("tasks", "list", "--json", "--at", at).stdout)
        [task] = [t for t in listed if t["clause"] == "3.b"]
        return sorted(a["agency"] for a in task["assignments"])

    assert science("2025-11-30") == ["so-khcn", "so-tai-chinh"]
    # both held clause 3.b: one moves, the other is kept (same task and period)
    on_the_day = science("2025-12-01")
    assert on_the_day.count("so-khcn-tc") == 1 and on_the_day == science("2026-01-10")


class TestMergePage:
    def test_admin_merges_from_the_page(self, client, db: Session):
        from pagehelp import page_session, texts

        task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 30))
        csrf = page_session(client, db, "quantri")
        form = {"csrf_token": csrf, "codes": ["so-y-te"], "into": "so-y-te-moi",
                "name": "Sở Y tế (mới)", "on": "01/03/2026"}  # fmt: skip
        response = client.post("/admin/agencies/merge", data=form)
        assert response.status_code == 200, response.text
        assert "chuyển 1 phân công" in " ".join(texts(response.text, '//*[@id="merged"]'))
        assert held_by(db, task.id).agency_id == agency_id(db, "so-y-te-moi")
        bad = client.post("/admin/agencies/merge", data=form | {"on": "31/02/2026"})
        assert bad.status_code == 422


class TestScorecardFold:
    def test_successor_with_predecessors_history(self, db: Session):
        from dxtrack.tasks.stats import scorecard

        done = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 1, 31))
        held_by(db, done.id).completed_on = date(2026, 1, 20)
        make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 30))
        merge_agencies(db, codes=["so-tu-phap"], into="so-y-te", on=ON, name=None, actor=None)
        at = date(2026, 3, 15)
        plain = {r.code: r.assigned for r in scorecard(db, at=at)}
        assert plain.get("so-tu-phap", 0) >= 1  # done before the merge: stays with it
        folded = {r.code: r for r in scorecard(db, at=at, fold_predecessors=True)}
        assert "so-tu-phap" not in folded
        assert folded["so-y-te"].assigned == plain["so-y-te"] + plain["so-tu-phap"]
