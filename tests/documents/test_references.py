"""References link by identity (number, issuer, date or year); a number alone is a candidate."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apihelp import login
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.documents import service
from dxtrack.documents.identity import Issued, cites

KIEN_GIANG = "Ủy ban nhân dân tỉnh Kiên Giang"
HA_NOI = "Ủy ban nhân dân thành phố Hà Nội"


def _ingest(
    db: Session,
    settings: Settings,
    *,
    number: str,
    issuer: str,
    issued: str,
    references: list[dict[str, Any]] | None = None,
    data: bytes | None = None,
) -> service.IngestResult:
    def extract(_data: bytes, _filename: str) -> dict[str, Any]:
        return {
            "doc_type": "Kế hoạch",
            "number": number,
            "issuer": issuer,
            "issued_date": issued,
            "subject": "Chuyển đổi số",
            "references": references or [],
            "tasks": [],
            "text": "",
        }

    return service.ingest_bytes(
        db,
        data=data or f"{number} {issuer} {issued}".encode(),
        filename="vb.txt",
        settings=settings,
        extract=extract,
        actor=None,
    )


SEED_004_CITES = {"doc_type": "Kế hoạch", "number": "308/KH-UBND", "date": "2023-12-26"}


class TestIdentityRule:
    @pytest.mark.parametrize(
        ("ref_date", "ref_issuer", "citing", "cited", "expected"),
        [
            (date(2023, 12, 26), "UBND tỉnh", KIEN_GIANG, (KIEN_GIANG, date(2023, 12, 26)), True),
            (date(2023, 12, 26), "UBND tỉnh", KIEN_GIANG, (HA_NOI, date(2023, 12, 26)), False),
            (date(2023, 12, 26), None, KIEN_GIANG, (KIEN_GIANG, date(2025, 11, 17)), False),
            (date(2023, 12, 26), None, KIEN_GIANG, (HA_NOI, date(2023, 12, 26)), False),
            (None, None, KIEN_GIANG, (KIEN_GIANG, date(2023, 12, 26)), False),  # no date, no year
            (
                date(2024, 12, 22),
                "Bộ Chính trị",
                KIEN_GIANG,
                ("Bộ Chính trị", date(2024, 12, 22)),
                True,
            ),
        ],
    )
    def test_cites(self, ref_date, ref_issuer, citing, cited, expected):
        issued = Issued("308/KH-UBND", cited[0], cited[1])
        assert cites("308/KH-UBND", ref_date, ref_issuer, citing_issuer=citing, cited=issued) is (
            expected
        )

    def test_year_in_the_number(self):
        decree = Issued("13/2023/NĐ-CP", "Chính phủ", date(2023, 4, 17))
        assert cites("13/2023/NĐ-CP", None, "Chính phủ", citing_issuer=KIEN_GIANG, cited=decree)
        other = Issued("13/2023/NĐ-CP", "Chính phủ", None)
        assert cites("13/2023/NĐ-CP", None, None, citing_issuer=KIEN_GIANG, cited=other)


class TestLinks:
    def test_another_provinces_number_is_a_candidate(self, db: Session, settings: Settings):
        hanoi = _ingest(db, settings, number="308/KH-UBND", issuer=HA_NOI, issued="2025-11-17")
        plan = _ingest(
            db,
            settings,
            number="85/KH-UBND",
            issuer=KIEN_GIANG,
            issued="2025-03-01",
            references=[SEED_004_CITES | {"issuer": "UBND tỉnh"}],
        )
        (ref,) = service.list_references(db, plan.document.id)
        assert ref.cited_id is None
        assert service.list_cited_by(db, hanoi.document.id) == []
        original = _ingest(
            db, settings, number="308/KH-UBND", issuer=KIEN_GIANG, issued="2023-12-26"
        )
        assert service.list_references(db, plan.document.id)[0].cited_id == original.document.id

    def test_api_null_with_candidates_then_confirmed(
        self, client: TestClient, db: Session, settings: Settings
    ):
        headers = login(client, db, "dieuphoi")
        hanoi = _ingest(db, settings, number="308/KH-UBND", issuer=HA_NOI, issued="2025-11-17")
        plan = _ingest(
            db,
            settings,
            number="85/KH-UBND",
            issuer=KIEN_GIANG,
            issued="2025-03-01",
            references=[SEED_004_CITES],
        )
        body = client.get(f"/api/v1/documents/{plan.document.id}", headers=headers).json()
        (ref,) = body["references"]
        assert ref["cited_id"] is None
        assert [c["id"] for c in ref["candidates"]] == [hanoi.document.id]
        linked = client.put(
            f"/api/v1/documents/{plan.document.id}/references/{ref['id']}",
            headers=headers,
            json={"cited_id": hanoi.document.id},
        )
        assert linked.status_code == 200 and linked.json()["cited_id"] == hanoi.document.id
        cited = client.get(f"/api/v1/documents/{hanoi.document.id}", headers=headers).json()
        assert [d["id"] for d in cited["cited_by"]] == [plan.document.id]


class TestSameLetterInAnotherFile:
    def test_pdf_after_its_txt_is_the_same_document(self, db: Session, settings: Settings):
        first = _ingest(
            db, settings, number="77/UBND-KGVX", issuer=KIEN_GIANG, issued="2025-03-05", data=b"txt"
        )
        again = _ingest(
            db, settings, number="77/UBND-KGVX", issuer=KIEN_GIANG, issued="2025-03-05", data=b"pdf"
        )
        assert again.duplicate and again.same_letter
        assert again.document.id == first.document.id
        assert "Trùng số 77/UBND-KGVX" in again.same_letter_message
        other_day = _ingest(
            db, settings, number="77/UBND-KGVX", issuer=KIEN_GIANG, issued="2026-03-05", data=b"x"
        )
        assert not other_day.duplicate


class TestSameLetterAsPdf:
    def test_pdf_after_its_txt_through_the_engine(self, db: Session, settings: Settings):
        from fpdf import FPDF

        letter = Path(__file__).parents[2] / "src" / "dxtrack" / "demo_data" / "4102-UBND-KGVX.txt"
        pdf = FPDF()
        pdf.add_font("dejavu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        pdf.set_font("dejavu", size=11)
        pdf.add_page()
        for text in letter.read_text(encoding="utf-8").splitlines():
            pdf.multi_cell(0, 6, text or " ", new_x="LMARGIN", new_y="NEXT")
        first = service.ingest_bytes(
            db, data=letter.read_bytes(), filename=letter.name, settings=settings, actor=None
        )
        again = service.ingest_bytes(
            db, data=bytes(pdf.output()), filename="4102.pdf", settings=settings, actor=None
        )
        assert not first.duplicate and again.duplicate and again.same_letter
        assert again.document.id == first.document.id
        assert "Trùng số 4102/UBND-KGVX" in again.same_letter_message
