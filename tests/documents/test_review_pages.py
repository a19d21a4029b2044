"""Review screen: unmatched names picked from the directory or marked outside, the preview
before confirming, clean text, and what officers may open."""

from __future__ import annotations

from datetime import date, timedelta

from builders import make_document, make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session

from dxtrack.agencies.service import get_agency
from dxtrack.tasks.service import list_parties

UNKNOWN = "Đài Phát thanh và Truyền hình An Giang"


def _draft(db: Session, **document: object):
    doc = make_document(db, **document)
    task = make_task(db, document=doc, lead=[UNKNOWN], coordinators=["Sở Y tế"], confirm=False)
    party = next(p for p in list_parties(db, task.id) if p.name == UNKNOWN)
    return doc, task, party


class TestUnmatchedNames:
    def test_confirm_disabled_with_the_names_listed(self, client: TestClient, db: Session):
        doc, task, _ = _draft(db)
        page_session(client, db, "dieuphoi")
        page = html(client.get(f"/documents/{doc.id}").text)
        (button,) = page.xpath("//button[@id='confirm-document']")
        assert button.get("disabled") is not None
        (item,) = page.xpath("//div[@id='unresolved-list']//li")
        assert f"«{UNKNOWN}»" in item.text_content()
        assert item.xpath("a/@href") == [f"#task-{task.id}"]
        assert page.xpath("//datalist[@id='directory-options']/option[@value='Sở Y tế']")

    def test_pick_an_agency_in_one_request(self, client: TestClient, db: Session):
        doc, task, party = _draft(db)
        csrf = page_session(client, db, "dieuphoi")
        response = client.post(
            f"/task-parties/{party.id}/map",
            headers={"HX-Request": "true", "X-CSRF-Token": csrf},
            data={"target": "Báo và Phát thanh – Truyền hình An Giang"},
        )
        assert response.status_code == 200, response.text
        fragment = html(f"<div>{response.text}</div>")
        (resolved,) = fragment.xpath(f"//li[@data-party='{party.id}']")
        assert "→ Báo và Phát thanh – Truyền hình An Giang" in " ".join(
            resolved.text_content().split()
        )
        (box,) = fragment.xpath("//section[@id='confirm-box']")
        assert box.get("hx-swap-oob") == "true"
        assert box.xpath(".//button[@id='confirm-document']")[0].get("disabled") is None
        assert UNKNOWN in get_agency(db, "bao-ptth").aliases
        confirmed = client.post(
            f"/documents/{doc.id}/confirm",
            data={"csrf_token": csrf, "start": "document"},
            follow_redirects=False,
        )
        assert confirmed.status_code == 303
        page = client.get(confirmed.headers["location"]).text
        assert "Đã xác nhận văn bản" in page and task.review_state == "confirmed"

    def test_unknown_pick_is_a_clear_error(self, client: TestClient, db: Session):
        _doc, _task, party = _draft(db)
        csrf = page_session(client, db, "dieuphoi")
        db.commit()
        response = client.post(
            f"/task-parties/{party.id}/map",
            headers={"HX-Request": "true", "X-CSRF-Token": csrf},
            data={"target": "Sở Không Có"},
        )
        assert response.status_code == 422
        assert "danh sách gợi ý" in response.text and "--" not in response.text

    def test_mark_outside(self, client: TestClient, db: Session):
        doc, _task, party = _draft(db)
        csrf = page_session(client, db, "dieuphoi")
        response = client.post(
            f"/task-parties/{party.id}/outside",
            headers={"HX-Request": "true", "X-CSRF-Token": csrf},
        )
        assert "ngoài danh mục" in response.text and party.outside is True
        client.post(f"/documents/{doc.id}/confirm", data={"csrf_token": csrf})
        assert doc.review_state == "confirmed"


class TestPreview:
    def test_counts_and_start_choice(self, client: TestClient, db: Session):
        doc = make_document(db, issued_date=date.today() - timedelta(days=200))
        make_task(db, document=doc, recurrence="monthly", confirm=False)
        csrf = page_session(client, db, "dieuphoi")
        text = client.get(f"/documents/{doc.id}").text
        assert int(texts(text, "//*[@data-testid='preview-total']")[0]) >= 6
        assert int(texts(text, "//*[@data-testid='preview-overdue']")[0]) >= 5
        assert html(text).xpath("//input[@name='start'][@value='next']")
        client.post(f"/documents/{doc.id}/confirm", data={"csrf_token": csrf, "start": "next"})
        response = client.get(f"/api/v1/tasks?document_id={doc.id}").json()
        deadlines = [a["deadline"] for t in response for a in t["assignments"]]
        assert deadlines and min(deadlines) >= date.today().isoformat()


class TestCleanText:
    def test_no_markdown_marks(self, client: TestClient, db: Session):
        doc = make_document(
            db, issuer="**ỦY BAN NHÂN DÂN TỈNH AN GIANG**", text="## Mục 1\n**Giao** Sở Y tế."
        )
        page_session(client, db, "dieuphoi")
        text = client.get(f"/documents/{doc.id}").text
        shown = html(text).text_content()
        assert texts(text, "//div[contains(@class,'doc-text')]") == ["Mục 1 Giao Sở Y tế."]
        assert "**" not in shown and "##" not in shown
        assert "ỦY BAN NHÂN DÂN TỈNH AN GIANG" in shown


class TestOfficerLinks:
    def test_officer_reads_own_source_without_dead_links(self, client: TestClient, db: Session):
        doc = make_document(db, text="Giao Sở Y tế và Công an tỉnh.")
        mine = make_task(db, document=doc, clause="1", lead=["Sở Y tế"])
        theirs = make_task(db, document=doc, clause="2", lead=["Công an tỉnh"])
        other = make_document(db)
        make_task(db, document=other, lead=["Công an tỉnh"])
        page_session(client, db, "syt")
        page = html(client.get(f"/documents/{doc.id}").text)
        links = set(page.xpath("//a/@href"))
        assert f"/tasks/{mine.id}" in links and f"/tasks/{theirs.id}" not in links
        assert not page.xpath("//form[contains(@class,'task-form')]")  # read-only
        assert client.get(f"/documents/{other.id}").status_code == 404


class TestCandidates:
    def test_maybe_is_shown_and_confirmed_by_a_click(self, client: TestClient, db: Session):
        from dxtrack.documents.models import DocumentReference

        hanoi = make_document(
            db,
            number="308/KH-UBND",
            number_key="308/kh-ubnd",
            issuer="Ủy ban nhân dân thành phố Hà Nội",
            issued_date=date(2025, 11, 17),
        )
        plan = make_document(db, issuer="Ủy ban nhân dân tỉnh Kiên Giang")
        ref = DocumentReference(
            document_id=plan.id,
            number="308/KH-UBND",
            number_key="308/kh-ubnd",
            ref_date=date(2023, 12, 26),
        )
        db.add(ref)
        db.flush()
        csrf = page_session(client, db, "dieuphoi")
        text = client.get(f"/documents/{plan.id}").text
        (maybe,) = texts(text, "//ul[contains(@class,'candidates')]/li")
        assert maybe.startswith("Có thể là: 308/KH-UBND — Ủy ban nhân dân thành phố Hà Nội")
        assert not html(text).xpath(
            f"//dd/ul/li/a[@href='/documents/{hanoi.id}'][not(ancestor::ul[contains(@class,'candidates')])]"
        )
        client.post(
            f"/documents/{plan.id}/references/{ref.id}",
            data={"csrf_token": csrf, "cited_id": str(hanoi.id)},
        )
        assert ref.cited_id == hanoi.id
