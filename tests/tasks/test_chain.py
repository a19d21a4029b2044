"""The directive chain: implements links, the tree's roll-up, scoping, received tasks,
proposals for the review screen."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_document, make_task, make_user
from pagehelp import page_login, page_session, texts
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.audit.models import AuditEntry
from dxtrack.documents.models import DocumentReference
from dxtrack.errors import Forbidden, Invalid
from dxtrack.tasks.chain import link_tasks, parents_of, received, task_tree, under_document_query
from dxtrack.tasks.delegation import Delegation, delegate
from dxtrack.tasks.models import Assignment, Task
from dxtrack.tasks.proposals import propose_links
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.stats import summarize
from dxtrack.tasks.status import empty_counts

AT = date(2026, 1, 15)


def chain(db: Session) -> tuple[Task, Task, Task]:
    """A national task to the province, the province's task to Sở Y tế, a Sở letter's task
    to two communes (none done: in progress at AT)."""
    national = make_task(db, lead=["UBND các tỉnh"], deadline=date(2026, 6, 30))
    province = make_task(db, lead=["Sở Y tế"], deadline=date(2026, 5, 31))
    commune = make_task(db, lead=["UBND xã An Phú", "UBND phường Long Xuyên"],
                        deadline=date(2026, 5, 15))  # fmt: skip
    coordinator = make_user(db, "dieuphoi")
    link_tasks(db, child_id=province.id, parent_id=national.id, actor=coordinator)
    link_tasks(db, child_id=commune.id, parent_id=province.id, actor=coordinator)
    return national, province, commune


def counts(**values: int) -> dict[str, int]:
    return empty_counts() | values


class TestLink:
    def test_tree_rolls_up(self, db: Session):
        national, province, commune = chain(db)
        tree = task_tree(db, task_id=national.id, at=AT)
        assert tree["status_counts"] == counts(in_progress=4)
        [child] = tree["children"]
        assert (child["id"], child["status_counts"]) == (province.id, counts(in_progress=3))
        [leaf] = child["children"]
        assert (leaf["id"], leaf["children"]) == (commune.id, [])
        assert leaf["status_counts"] == counts(in_progress=2)
        late = task_tree(db, task_id=national.id, at=date(2026, 5, 20))
        assert late["status_counts"] == counts(overdue=2, in_progress=2)

    def test_audited(self, db: Session):
        national, province, commune = chain(db)
        query = select(AuditEntry).where(AuditEntry.action == "task.link")
        entries = db.scalars(query.order_by(AuditEntry.id)).all()
        assert [e.entity_id for e in entries] == [province.id, commune.id]
        assert entries[0].after["parent"] == national.id

    def test_cycle_refused(self, db: Session):
        national, _province, commune = chain(db)
        with pytest.raises(Invalid, match="liên kết vòng"):
            link_tasks(db, child_id=national.id, parent_id=commune.id, actor=None)

    def test_same_document_refused(self, db: Session):
        document = make_document(db)
        a = make_task(db, document=document)
        b = make_task(db, document=document, clause="2")
        with pytest.raises(Invalid, match="văn bản khác"):
            link_tasks(db, child_id=a.id, parent_id=b.id, actor=None)

    def test_officer_refused(self, db: Session):
        national, province, _ = chain(db)
        with pytest.raises(Forbidden):
            link_tasks(db, child_id=province.id, parent_id=national.id, actor=make_user(db, "syt"))


class TestScope:
    def test_everything_under_one_document(self, db: Session):
        national, province, _commune = chain(db)
        make_task(db, lead=["Công an tỉnh"], deadline=date(2026, 2, 1))  # outside the chain
        held = db.scalars(select(Assignment).where(Assignment.task_id == province.id)).one()
        request = Delegation(targets=["xa-vinh-hau"])
        delegate(db, assignment_id=held.id, request=request, actor=make_user(db, "syt"))
        scoped = Filters(task_ids=under_document_query(national.document_id))
        assert summarize(db, at=AT, filters=scoped) == counts(in_progress=4)
        scoped.levels = "all"
        assert summarize(db, at=AT, filters=scoped) == counts(in_progress=5)


class TestReceived:
    def test_province_tasks_with_their_chain(self, db: Session):
        national, _province, _commune = chain(db)
        [item] = [r for r in received(db, at=AT) if r["task"] == national.id]
        assert item["deadline"] == "2026-06-30" and item["status"] == "in_progress"
        assert item["below"] == 2 and item["status_counts"] == counts(in_progress=4)


class TestProposals:
    def test_clause_reference_proposed(self, db: Session):
        plan = make_document(db, doc_type="Kế hoạch")
        target = make_task(db, document=plan, clause="3.a", lead=["Sở Y tế"])
        target.summary = "Triển khai hồ sơ sức khỏe điện tử cho người dân"
        make_task(db, document=plan, clause="3.b", lead=["Sở Y tế"])
        letter = make_document(db, issuer="Sở Y tế")
        db.add(DocumentReference(document_id=letter.id, number=plan.number,
                                 number_key=plan.number_key, cited_id=plan.id))  # fmt: skip
        task = make_task(db, document=letter, lead=["UBND xã An Phú"], confirm=False)
        task.full_text = "Thực hiện nhiệm vụ tại điểm 3.a Kế hoạch: hồ sơ sức khỏe điện tử."
        db.flush()
        [proposal] = propose_links(db, document_id=letter.id)
        assert (proposal.child_id, proposal.parent_id) == (task.id, target.id)
        assert "dẫn chiếu điểm 3.a" in proposal.reason
        link_tasks(db, child_id=task.id, parent_id=target.id, actor=None, reason=proposal.reason)
        assert propose_links(db, document_id=letter.id) == []

    def test_review_screen_proposes_and_confirms(self, client, db: Session):
        plan = make_document(db, doc_type="Kế hoạch")
        target = make_task(db, document=plan, clause="3.a", lead=["Sở Y tế"])
        letter = make_document(db, issuer="Sở Y tế")
        db.add(DocumentReference(document_id=letter.id, number=plan.number,
                                 number_key=plan.number_key, cited_id=plan.id))  # fmt: skip
        task = make_task(db, document=letter, lead=["UBND xã An Phú"], confirm=False)
        task.full_text = "Thực hiện nhiệm vụ tại điểm 3.a của Kế hoạch."
        db.flush()
        csrf = page_session(client, db, "dieuphoi")
        page = client.get(f"/documents/{letter.id}").text
        assert "dẫn chiếu điểm 3.a" in " ".join(texts(page, '//*[@id="link-proposals"]'))
        form = {"csrf_token": csrf, "parent": str(target.id), "reason": "dẫn chiếu điểm 3.a"}
        response = client.post(f"/tasks/{task.id}/implements", data=form, follow_redirects=False)
        assert response.status_code == 303, response.text
        assert [p.id for p in parents_of(db, task.id)] == [target.id]
        assert 'id="link-proposals"' not in client.get(f"/documents/{letter.id}").text

    def test_nothing_without_a_stored_citation(self, db: Session):
        letter = make_document(db, issuer="Sở Y tế")
        make_task(db, document=letter)
        assert propose_links(db, document_id=letter.id) == []


def test_assignments_of_chain_are_plain(db: Session):
    """Links do not create assignments (each document's own fan-out does)."""
    national, province, commune = chain(db)
    ids = [national.id, province.id, commune.id]
    rows = db.scalars(select(Assignment.task_id).where(Assignment.task_id.in_(ids))).all()
    assert sorted(rows).count(commune.id) == 2 and len(rows) == 4


class TestScopedReport:
    def test_report_under_one_document(self, db: Session, settings):
        from reports.docread import read_docx, texts

        from dxtrack.reports.periods import resolve_period
        from dxtrack.reports.service import ReportFormat, ReportKind, ReportRequest, render_report

        national, _province, _commune = chain(db)
        make_task(db, lead=["Công an tỉnh"], deadline=date(2026, 2, 1))  # outside the chain
        period = resolve_period("2026-Q1", calendar=False, date_from=None, date_to=None)
        request = ReportRequest(ReportKind.tasks, period, AT, ReportFormat.docx,
                                under=national.document_id)  # fmt: skip
        lines = texts(read_docx(render_report(db, request=request, settings=settings).content))
        assert any("các nhiệm vụ triển khai Công văn số" in line for line in lines)
        assert any("tổng số nhiệm vụ được giao là 4 nhiệm vụ" in line for line in lines)


class TestScopedPages:
    def test_list_and_dashboard_under_a_document(self, client, db: Session):
        national, province, _commune = chain(db)
        page_login(client, db, "dieuphoi")
        held = db.scalars(select(Assignment).where(Assignment.task_id == province.id)).one()
        request = Delegation(targets=["xa-vinh-hau"])
        [child] = delegate(
            db, assignment_id=held.id, request=request, actor=make_user(db, "quantri")
        )
        scoped = client.get(f"/tasks?under={national.document_id}&at=2026-01-15")
        assert scoped.status_code == 200 and 'id="under-note"' in scoped.text
        results = '//*[@id="task-results"]'
        assert "Xã Vĩnh Hậu" not in " ".join(texts(scoped.text, results))
        assert "Sở Y tế" in " ".join(texts(scoped.text, results))
        both = client.get(f"/tasks?under={national.document_id}&levels=all&at=2026-01-15")
        assert 'id="levels-note"' in both.text and child.parent_id == held.id
        assert "Xã Vĩnh Hậu" in " ".join(texts(both.text, results))
        assert client.get(f"/?under={national.document_id}").status_code == 200


class TestTaskPage:
    def test_tree_and_delegated_rows(self, client, db: Session):
        national, province, commune = chain(db)
        page_login(client, db, "dieuphoi")
        held = db.scalars(select(Assignment).where(Assignment.task_id == province.id)).one()
        request = Delegation(targets=["xa-vinh-hau"])
        delegate(db, assignment_id=held.id, request=request, actor=make_user(db, "quantri"))
        top = client.get(f"/tasks/{national.id}?at=2026-01-15").text
        chain_text = " ".join(texts(top, '//*[@id="chain"]'))
        assert "Nhiệm vụ triển khai bên dưới" in chain_text
        assert f'href="/tasks/{commune.id}"' in top and f'href="/tasks/{province.id}"' in top
        middle = client.get(f"/tasks/{province.id}?at=2026-01-15").text
        assert "Thực hiện nhiệm vụ" in " ".join(texts(middle, '//*[@id="chain"]'))
        assert f"giao tiếp từ #{held.id}" in " ".join(texts(middle, "//article"))
