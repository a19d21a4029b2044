"""The JSON API of delegation, links, the tree, received tasks and merges."""

from __future__ import annotations

from datetime import date

from apihelp import login
from builders import make_task
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.tasks.models import Assignment

API = "/api/v1"


def held(db: Session, task_id: int) -> int:
    return db.scalars(select(Assignment.id).where(Assignment.task_id == task_id)).one()


class TestDelegationApi:
    def test_delegate_then_rollup(self, client: TestClient, db: Session):
        task = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 3, 31))
        parent = held(db, task.id)
        body = {"to": ["xa-an-phu", "phuong-long-xuyen"], "note": "Trước 20/3"}
        response = client.post(f"{API}/assignments/{parent}/delegations", json=body,
                               headers=login(client, db, "syt"))  # fmt: skip
        assert response.status_code == 201, response.text
        assert [(c["agency"], c["parent"]) for c in response.json()] == [
            ("xa-an-phu", parent),
            ("phuong-long-xuyen", parent),
        ]
        rollup = client.get(f"{API}/assignments/{parent}/rollup?at=2026-01-10",
                            headers=login(client, db, "lanhdao")).json()  # fmt: skip
        assert rollup["rollup"]["in_progress"] == 2 and len(rollup["children"]) == 2

    def test_outsider_403_later_deadline_422(self, client: TestClient, db: Session):
        parent = held(db, make_task(db, lead=["Sở Y tế"], deadline=date(2026, 3, 31)).id)
        url = f"{API}/assignments/{parent}/delegations"
        outsider = client.post(url, json={"to": ["xa-an-phu"]}, headers=login(client, db, "cat"))
        assert outsider.status_code == 403 and "cán bộ" in outsider.json()["detail"]
        late = {"to": ["xa-an-phu"], "deadline": "2026-04-30"}
        response = client.post(url, json=late, headers=login(client, db, "syt"))
        assert response.status_code == 422 and "muộn hơn" in response.json()["detail"]


class TestChainApi:
    def test_link_tree_received_merge(self, client: TestClient, db: Session):
        staff = login(client, db, "dieuphoi")
        national = make_task(db, lead=["UBND các tỉnh"], deadline=date(2026, 6, 30))
        local = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 5, 31))
        linked = client.post(f"{API}/tasks/{local.id}/implements",
                             json={"implements": national.id}, headers=staff)  # fmt: skip
        assert linked.status_code == 201, linked.text
        tree = client.get(f"{API}/tasks/{national.id}/tree?at=2026-01-10", headers=staff).json()
        assert tree["status_counts"]["in_progress"] == 2
        assert [c["id"] for c in tree["children"]] == [local.id]
        items = client.get(f"{API}/received-tasks?at=2026-01-10", headers=staff).json()
        assert national.id in [i["task"] for i in items]
        merge = {"codes": ["so-y-te"], "into": "so-y-te-moi", "name": "Sở Y tế (mới)",
                 "on": "2026-02-01"}  # fmt: skip
        merged = client.post(f"{API}/agency-merges", json=merge, headers=staff)
        assert merged.status_code == 201 and merged.json()["moved"] == 1
