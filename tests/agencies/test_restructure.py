"""Agency splits and dissolutions; aliases with validity dates (agencies/restructure.py,
agencies/lineage.py)."""

from __future__ import annotations

from datetime import date

import pytest
from builders import agency_id, make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.lineage import former_names, names_at
from dxtrack.agencies.resolver import build_resolver
from dxtrack.agencies.restructure import SplitPlan, dissolve_agency, split_agency
from dxtrack.agencies.service import directory_choices, find_directory_entry
from dxtrack.audit.models import AuditEntry
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.models import Assignment
from dxtrack.tasks.parties import list_undelivered

ON = date(2026, 3, 1)
NAMES = {"so-y-te-a": "Sở Y tế A", "so-y-te-b": "Sở Y tế B"}


def held_by(db: Session, task_id: int) -> str:
    assignment = db.scalars(select(Assignment).where(Assignment.task_id == task_id)).one()
    return next(code for code in ("so-y-te", *NAMES) if agency_id(db, code) == assignment.agency_id)


def assignment_of(db: Session, task_id: int) -> Assignment:
    return db.scalars(select(Assignment).where(Assignment.task_id == task_id)).one()


def split_health(db: Session, mapping: dict[int, str] | None = None):
    plan = SplitPlan(into=["so-y-te-a", "so-y-te-b"], names=NAMES, mapping=mapping or {})
    return split_agency(db, code="so-y-te", plan=plan, on=ON, actor=make_user(db, "quantri"))


class TestSplit:
    def test_each_open_assignment_goes_to_a_successor(self, db: Session):
        first = make_task(db, deadline=date(2026, 6, 30))
        second = make_task(db, deadline=date(2026, 7, 31))
        done = make_task(db, deadline=date(2026, 1, 31))
        assignment_of(db, done.id).completed_on = date(2026, 1, 20)
        mapped = assignment_of(db, second.id).id
        result = split_health(db, {mapped: "so-y-te-b"})
        assert result.moved == {"so-y-te-a": 1, "so-y-te-b": 1} and result.kept == []
        assert held_by(db, first.id) == "so-y-te-a"  # the default successor
        assert held_by(db, second.id) == "so-y-te-b"  # the mapping
        assert held_by(db, done.id) == "so-y-te"  # done before the split: stays
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "agency.split")).one()
        assert entry.after["default"] == "so-y-te-a" and entry.after["mapping"] == {
            str(mapped): "so-y-te-b"
        }

    def test_old_name_and_code_resolve_to_the_default_successor(self, db: Session):
        split_health(db)
        match = build_resolver(db).resolve("Sở Y tế")
        assert match is not None and match.code == "so-y-te-a"
        entry = find_directory_entry(db, "so-y-te")
        assert entry is not None and entry.code == "so-y-te-a"
        task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 30))
        assert held_by(db, task.id) == "so-y-te-a"
        assert "Sở Y tế" not in [name for name, _kind in directory_choices(db)]

    def test_refusals_write_nothing(self, db: Session):
        task = make_task(db, deadline=date(2026, 6, 30))
        actor = make_user(db, "quantri")
        with pytest.raises(Invalid, match="ít nhất hai"):
            split_agency(db, code="so-y-te", plan=SplitPlan(into=["so-tu-phap"]), on=ON,
                         actor=actor)  # fmt: skip
        with pytest.raises(Invalid, match="không phải cơ quan kế thừa"):
            split_health(db, {assignment_of(db, task.id).id: "so-tu-phap"})
        with pytest.raises(Invalid, match="không phải phân công đang mở"):
            split_health(db, {999999: "so-y-te-b"})
        with pytest.raises(Forbidden):
            split_agency(db, code="so-y-te", plan=SplitPlan(into=["so-tu-phap", "so-noi-vu"]),
                         on=ON, actor=make_user(db, "syt"))  # fmt: skip
        assert held_by(db, task.id) == "so-y-te"
        split_health(db)
        with pytest.raises(Invalid, match="chia tách hoặc giải thể trước đó"):
            dissolve_agency(db, code="so-y-te", into=None, on=ON, actor=None)


class TestDissolve:
    def test_open_work_moves_to_the_receiver(self, db: Session):
        task = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 6, 30))
        result = dissolve_agency(db, code="so-tu-phap", into="so-noi-vu", on=ON, actor=None)
        assert result.moved == {"so-noi-vu": 1}
        assert assignment_of(db, task.id).agency_id == agency_id(db, "so-noi-vu")
        assert build_resolver(db).resolve("Sở Tư pháp").code == "so-noi-vu"

    def test_without_receiver_open_work_is_listed_undelivered(self, db: Session):
        task = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 6, 30))
        result = dissolve_agency(db, code="so-tu-phap", into=None, on=ON, actor=None)
        assert result.moved == {} and result.kept == [assignment_of(db, task.id).id]
        rows, total = list_undelivered(db)
        [row] = [r for r in rows if r.task_id == task.id]
        assert row.ended == ["Sở Tư pháp"] and total >= 1
        later = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 9, 30))
        assert later.id in [r.task_id for r in list_undelivered(db)[0]]  # nothing lost
        entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "agency.dissolve")).one()
        assert entry.after["kept"] == result.kept

    def test_a_receiver_named_later_takes_the_work(self, db: Session):
        task = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 6, 30))
        dissolve_agency(db, code="so-tu-phap", into=None, on=ON, actor=None)
        later = date(2026, 4, 1)
        result = dissolve_agency(db, code="so-tu-phap", into="so-noi-vu", on=later, actor=None)
        assert result.moved == {"so-noi-vu": 1}
        assert assignment_of(db, task.id).agency_id == agency_id(db, "so-noi-vu")
        assert task.id not in [r.task_id for r in list_undelivered(db)[0]]
        assert build_resolver(db).resolve("Sở Tư pháp").code == "so-noi-vu"
        [former] = former_names(db)[agency_id(db, "so-noi-vu")]
        assert former.valid_to == date(2026, 2, 28)  # dissolved on 01/03, not on 01/04
        with pytest.raises(Invalid, match="giải thể trước đó"):
            dissolve_agency(db, code="so-tu-phap", into="so-xay-dung", on=later, actor=None)


class TestAliases:
    def test_merge_keeps_old_name_and_code_with_dates(self, db: Session):
        merge_agencies(db, codes=["so-tu-phap"], into="so-noi-vu", on=ON, name="Sở Nội vụ mới",
                       actor=None)  # fmt: skip
        former = former_names(db)[agency_id(db, "so-noi-vu")]
        assert {(f.name, f.code, f.valid_to) for f in former} == {
            ("Sở Tư pháp", "so-tu-phap", date(2026, 2, 28)),
            ("Sở Nội vụ", None, date(2026, 2, 28)),
        }
        assert names_at(db, date(2026, 2, 28))[agency_id(db, "so-noi-vu")] == "Sở Nội vụ"
        assert agency_id(db, "so-noi-vu") not in names_at(db, ON)
        assert build_resolver(db).resolve("Sở Nội vụ").code == "so-noi-vu"  # the old name

    def test_api_shows_former_names(self, client, db: Session):
        from apihelp import login

        merge_agencies(db, codes=["so-tu-phap"], into="so-noi-vu", on=ON, name=None, actor=None)
        headers = login(client, db, "lanhdao")
        body = client.get("/api/v1/agencies/so-noi-vu", headers=headers).json()
        assert body["former"] == [
            {
                "name": "Sở Tư pháp",
                "code": "so-tu-phap",
                "valid_from": None,
                "valid_to": "2026-02-28",
            }
        ]


class TestApi:
    def test_split_and_dissolve(self, client, db: Session):
        from apihelp import login

        task = make_task(db, deadline=date(2026, 6, 30))
        staff = login(client, db, "dieuphoi")
        body = {"code": "so-y-te", "into": ["so-y-te-a", "so-y-te-b"], "names": NAMES,
                "on": "2026-03-01", "mapping": {str(assignment_of(db, task.id).id): "so-y-te-b"}}  # fmt: skip
        response = client.post("/api/v1/agency-splits", json=body, headers=staff)
        assert response.status_code == 201, response.text
        assert response.json()["moved"] == {"so-y-te-a": 0, "so-y-te-b": 1}
        officer = login(client, db, "cat")
        refused = client.post("/api/v1/agency-dissolutions", headers=officer,
                              json={"code": "so-tu-phap", "on": "2026-03-01"})  # fmt: skip
        assert refused.status_code == 403
        done = client.post("/api/v1/agency-dissolutions", headers=staff,
                           json={"code": "so-tu-phap", "on": "2026-03-01"})  # fmt: skip
        assert done.status_code == 201 and done.json()["successors"] == []


class TestPages:
    def test_admin_splits_and_dissolves(self, client, db: Session):
        from pagehelp import page_session, texts

        task = make_task(db, deadline=date(2026, 6, 30))
        other = make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 6, 30))
        csrf = page_session(client, db, "quantri")
        mapped = assignment_of(db, task.id).id
        form = {"csrf_token": csrf, "code": "so-y-te", "on": "01/03/2026",
                "into": "so-y-te-a=Sở Y tế A\nso-y-te-b=Sở Y tế B", "mapping": f"{mapped}=so-y-te-b"}  # fmt: skip
        response = client.post("/admin/agencies/split", data=form)
        assert response.status_code == 200, response.text
        assert "chuyển 1 phân công sang so-y-te-b" in texts(response.text, '//*[@id="changed"]')[0]
        assert held_by(db, task.id) == "so-y-te-b"
        bad = client.post("/admin/agencies/split", data=form | {"code": "so-noi-vu",
                                                                "mapping": "x=y"})  # fmt: skip
        assert bad.status_code == 422
        gone = {"csrf_token": csrf, "code": "so-tu-phap", "on": "01/03/2026"}
        response = client.post("/admin/agencies/dissolve", data=gone)
        assert "1 phân công chưa giao được" in texts(response.text, '//*[@id="changed"]')[0]
        former = " ".join(texts(response.text, "//div[@class='muted small former']"))
        assert "Tên cũ: Sở Y tế (mã so-y-te) đến 28/02/2026" in former
        page_session(client, db, "dieuphoi")
        dashboard = client.get("/?at=2026-03-10").text
        assert "Sở Tư pháp" in " ".join(texts(dashboard, "//*[@data-testid='undelivered']//li"))
        assert other.id


def test_cli_split_and_dissolve(fresh_settings):
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from dxtrack.cli import app

    runner = CliRunner()
    base = ["--db", fresh_settings.db_url, "--data-dir", str(fresh_settings.data_dir)]

    def run(*args: str, stdin: str | None = None, code: int = 0):
        result = runner.invoke(app, [*base, *args], input=stdin)
        assert result.exit_code == code, result.output
        return result

    run("init")
    run("users", "add", "quantri", "--role", "admin", "--password-stdin", stdin="mat-khau-dai\n")
    seed = Path(__file__).parents[2] / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
    run("ingest", str(seed), "--confirm")
    run("agencies", "split", "so-khcn", "--into", "so-khcn", "--into", "so-cds", "--on",
        "2025-12-01", "--as", "quantri", code=6)  # fmt: skip
    split = run("agencies", "split", "so-khcn", "--into", "so-kh", "--into", "so-cds",
                "--name", "so-kh=Sở Khoa học", "--name", "so-cds=Sở Chuyển đổi số",
                "--on", "2025-12-01", "--as", "quantri", "--json")  # fmt: skip
    result = json.loads(split.stdout)
    assert result["successors"] == ["so-kh", "so-cds"] and result["moved_total"] >= 1

    def codes(at: str) -> set[str]:
        listed = json.loads(run("tasks", "list", "--json", "--at", at).stdout)
        return {a["agency"] for t in listed for a in t["assignments"]}

    assert "so-khcn" in codes("2025-11-30") and "so-kh" not in codes("2025-11-30")
    assert "so-kh" in codes("2025-12-01")
    dissolved = json.loads(run("agencies", "dissolve", "so-tai-chinh", "--on", "2025-12-01",
                               "--as", "quantri", "--json").stdout)  # fmt: skip
    assert dissolved["successors"] == [] and dissolved["kept"]
    directory = json.loads(run("agencies", "list", "--json").stdout)
    [kh] = [a for a in directory if a["code"] == "so-kh"]
    assert kh["former"][0]["code"] == "so-khcn" and kh["former"][0]["valid_to"] == "2025-11-30"


def test_migration_dates_the_aliases_of_recorded_merges(fresh_settings):
    from alembic import command
    from sqlalchemy import text

    from dxtrack.bootstrap import initialise
    from dxtrack.db import get_engine
    from dxtrack.migrations import alembic_config, upgrade

    engine = get_engine(fresh_settings)
    initialise(fresh_settings)
    command.downgrade(alembic_config(engine), "9c5f2a4b6d32")  # before agency_history
    with engine.begin() as connection:
        ids = {c: i for c, i in connection.execute(text("SELECT code, id FROM agencies"))}
        connection.execute(
            text(
                'INSERT INTO agency_changes (kind, predecessor_id, successor_id, "on") '
                "VALUES ('merge', :old, :new, :on)"
            ),
            {"old": ids["so-tu-phap"], "new": ids["so-noi-vu"], "on": ON},
        )
    upgrade(engine)
    with Session(engine) as db:
        [former] = former_names(db)[ids["so-noi-vu"]]
        assert (former.name, former.code, former.valid_to) == ("Sở Tư pháp", "so-tu-phap",
                                                              date(2026, 2, 28))  # fmt: skip


def test_directory_replace_keeps_agencies_with_history(db: Session, tmp_path):
    from dxtrack.agencies.service import import_file, list_agencies

    make_task(db, lead=["Sở Tư pháp"], deadline=date(2026, 6, 30))
    merge_agencies(db, codes=["so-tu-phap"], into="so-noi-vu", on=ON, name=None, actor=None)
    path = tmp_path / "moi.csv"
    path.write_text("code,name,kind\nso-noi-vu,Sở Nội vụ,department\n", encoding="utf-8")
    result = import_file(db, path, replace=True, actor=None)
    assert result.kept >= 1  # the merged predecessor is history, not deleted
    assert "so-tu-phap" in {a.code for a in list_agencies(db)}


def test_delegation_offers_successors_not_ended_communes(db: Session):
    from dxtrack.agencies.service import get_agency
    from dxtrack.tasks.delegation import Delegation, delegate, target_choices

    merge_agencies(db, codes=["xa-an-phu", "xa-an-cu"], into="xa-an-phu-moi", name="Xã An Phú Mới",
                   on=ON, actor=None)  # fmt: skip
    choices = {a.code for a in target_choices(db, get_agency(db, "so-y-te"))}
    assert "xa-an-phu-moi" in choices and not {"xa-an-phu", "xa-an-cu"} & choices
    parent = assignment_of(db, make_task(db, deadline=date(2026, 6, 30)).id)
    with pytest.raises(Invalid, match="hãy giao cho đơn vị kế thừa"):
        delegate(db, assignment_id=parent.id, request=Delegation(targets=["xa-an-phu"]),
                 actor=make_user(db, "syt"))  # fmt: skip
