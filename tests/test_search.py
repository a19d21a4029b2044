"""Search without diacritics or case, on both databases: tasks, assignments, documents."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_document, make_task
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.documents.models import Document
from dxtrack.documents.service import list_documents
from dxtrack.search import fold, search_key
from dxtrack.tasks import service
from dxtrack.tasks.models import Task
from dxtrack.tasks.queries import Filters, list_assignments

AT = date(2025, 12, 1)


class TestFold:
    @pytest.mark.parametrize(
        ("text", "folded"),
        [
            ("Kế hoạch CHUYỂN ĐỔI SỐ", "ke hoach chuyen doi so"),
            ("Đồng Tháp", "dong thap"),
            ("Ủy ban  nhân\tdân", "uy ban nhan dan"),
            ("Uỷ ban", "uy ban"),  # old tone placement
            ("Ủy ban".encode().decode(), "uy ban"),
            ("U\u031b\u0309y ban", "uy ban"),  # decomposed input
            ("123/UBND-KT", "123/ubnd-kt"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_fold(self, text, folded):
        assert fold(text) == folded

    def test_key_keeps_fields_apart(self):
        assert search_key("2.a", None, "Báo cáo") == "2.a\nbao cao"


def task_summaries(db: Session, q: str) -> list[str]:
    rows, _ = list_assignments(db, filters=Filters(q=q), at=AT, user=None, page_size=100)
    ids = {row.task_id for row in rows}
    return sorted(db.scalars(select(Task.summary).where(Task.id.in_(ids))))


class TestTaskSearch:
    @pytest.fixture
    def tasks(self, db: Session) -> dict[str, Task]:
        made = {}
        for key, summary in {
            "plan": "Xây dựng Kế hoạch chuyển đổi số năm 2026",
            "river": "Khảo sát tuyến đê Đồng Tháp",
            "rate": "Đạt tỷ lệ 50% hồ sơ trực tuyến",
            "other": "Tổ chức hội nghị",
        }.items():
            task = make_task(db, deadline=date(2025, 12, 10))
            service.update_task(
                db, task_id=task.id, version=task.version, changes={"summary": summary}, actor=None
            )
            made[key] = task
        return made

    def test_without_diacritics_and_in_any_case(self, db: Session, tasks):
        assert task_summaries(db, "ke hoach") == ["Xây dựng Kế hoạch chuyển đổi số năm 2026"]
        assert task_summaries(db, "KẾ HOẠCH") == ["Xây dựng Kế hoạch chuyển đổi số năm 2026"]
        assert task_summaries(db, "dong thap") == ["Khảo sát tuyến đê Đồng Tháp"]
        assert task_summaries(db, "  Đồng   tháp ") == ["Khảo sát tuyến đê Đồng Tháp"]

    def test_wildcards_are_literal(self, db: Session, tasks):
        assert task_summaries(db, "50%") == ["Đạt tỷ lệ 50% hồ sơ trực tuyến"]
        assert task_summaries(db, "5_%") == []
        assert task_summaries(db, "%") == ["Đạt tỷ lệ 50% hồ sơ trực tuyến"]

    def test_edit_updates_the_key(self, db: Session, tasks):
        task = tasks["other"]
        db.refresh(task)
        service.update_task(
            db,
            task_id=task.id,
            version=task.version,
            changes={"summary": "Tổ chức Hội nghị sơ kết"},
            actor=None,
        )
        assert task_summaries(db, "so ket") == ["Tổ chức Hội nghị sơ kết"]
        assert task.search_key.endswith("to chuc hoi nghi so ket")


class TestDocumentSearch:
    def test_number_subject_filename(self, db: Session):
        wanted = make_document(
            db, number="45/KH-UBND", subject="Kế hoạch chuyển đổi số", filename="KH 45.docx"
        )
        make_document(db, number="9/CV-SKHCN", subject="Về việc báo cáo", filename="cv.pdf")
        for q in ("chuyen doi so", "45/kh-ubnd", "KH 45", "kế HOẠCH"):
            found, total = list_documents(db, q=q)
            assert [d.id for d in found] == [wanted.id] and total == 1, q
        assert (
            db.get(Document, wanted.id).search_key
            == "45/kh-ubnd\nke hoach chuyen doi so\nkh 45.docx"
        )
