"""Cơ quan pages (scorecard, visibility) and Quản trị (users, directory import, audit log)."""

from __future__ import annotations

from datetime import date, timedelta

from builders import make_task
from fastapi.testclient import TestClient
from pagehelp import html, page_session, texts
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.auth.service import find_user


def _scorecard(text: str) -> dict[str, str]:
    items = html(text).xpath("//ul[@data-testid='scorecard']/li")
    return {
        " ".join(li.xpath(".//span[@class='total-label']")[0].text_content().split()): li.xpath(
            ".//span[@class='total-num']"
        )[0].text_content()
        for li in items
    }


class TestAgencyPages:
    def test_scorecard(self, client: TestClient, db: Session):
        make_task(db, lead=["Sở Y tế"], deadline=date(2025, 12, 1))
        make_task(db, lead=["Sở Y tế"], deadline=date(2026, 6, 1))
        page_session(client, db, "lanhdao")
        card = _scorecard(client.get("/agencies/so-y-te?at=2025-12-11").text)
        assert card["Phân công được giao"] == "2" and card["Quá hạn"] == "1"
        assert card["Tỷ lệ đúng hạn"] == "0%"

    def test_directory_in_vietnamese_order(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        names = texts(client.get("/agencies").text, "//tbody/tr/td[1]/a")
        assert len(names) > 100 and names == sorted(names, key=vn.sort_key)

    def test_officer_sees_only_own_agency(self, client: TestClient, db: Session):
        page_session(client, db, "syt")
        db.commit()
        assert texts(client.get("/agencies").text, "//tbody/tr/td[1]/a") == ["Sở Y tế"]
        assert client.get("/agencies/cong-an-tinh").status_code == 404


class TestAdmin:
    def test_admin_creates_officer(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        response = client.post(
            "/admin/users",
            data={
                "csrf_token": csrf,
                "username": "xa-my-hoa",
                "password": "mat-khau-dai-du",
                "role": "officer",
                "agency": "so-y-te",
                "full_name": "Nguyễn Thị Hòa",
            },
        )
        assert response.status_code == 200
        assert "Đã tạo tài khoản «xa-my-hoa»." in response.text
        assert find_user(db, "xa-my-hoa") is not None

    def test_officer_without_agency_is_explained(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        db.commit()
        response = client.post(
            "/admin/users",
            data={
                "csrf_token": csrf,
                "username": "x1",
                "password": "mat-khau-dai-du",
                "role": "officer",
            },
        )
        assert response.status_code == 422 and "phải thuộc một cơ quan" in response.text

    def test_coordinator_reads_audit_not_users(self, client: TestClient, db: Session):
        make_task(db)
        page_session(client, db, "dieuphoi")
        db.commit()
        assert client.get("/admin", follow_redirects=False).headers["location"] == "/admin/audit"
        text = client.get("/admin/audit?action=task.confirm").text
        rows = texts(text, "//table[@data-testid='audit']//tbody/tr/td[2]")
        assert rows and all(r.startswith("Hệ thống xác nhận nhiệm vụ 1 của văn bản") for r in rows)
        assert "task.confirm" not in " ".join(rows)
        assert client.get("/admin/users").status_code == 403

    def test_audit_filters_by_user_date_document(self, client: TestClient, db: Session):
        from builders import make_document, make_user

        from dxtrack.tasks.service import confirm_document

        coordinator = make_user(db, username="nva", full_name="Nguyễn Văn A")
        document = make_document(db, number="4085/UBND-ĐT")
        for clause in "12":
            make_task(db, document=document, clause=clause, confirm=False)
        confirm_document(db, document_id=document.id, actor=coordinator)
        make_task(db)  # another document, by the system
        page_session(client, db, "dieuphoi")
        today = vn.date_text(vn.today())
        query = f"?actor=nva&document_id={document.id}&date_from={today}&date_to={today}"
        rows = texts(client.get(f"/admin/audit{query}").text, "//tbody/tr/td[2]")
        assert "Đ/c Nguyễn Văn A xác nhận 2 nhiệm vụ của văn bản 4085/UBND-ĐT" in rows
        assert len(rows) == 3  # two tasks and the document
        yesterday = vn.date_text(vn.today() - timedelta(days=1))
        empty = client.get(f"/admin/audit?actor=nva&date_to={yesterday}").text
        assert texts(empty, "//tbody/tr/td") == ["Không có mục nào phù hợp."]
        bad = client.get("/admin/audit?date_from=31/02/2025")
        assert bad.status_code == 422 and "Từ ngày" in bad.text

    def test_duplicate_user_name_says_so(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        form = {
            "csrf_token": csrf,
            "username": "quantri",
            "password": "mot-mat-khau-dai",
            "role": "coordinator",
            "agency": "",
        }
        response = client.post("/admin/users", data=form, headers={"HX-Request": "true"})
        assert response.status_code == 409
        assert "đã tồn tại" in response.text and "Dữ liệu đã thay đổi" not in response.text

    def test_officer_without_agency_names_no_cli_flag(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        form = {
            "csrf_token": csrf,
            "username": "canbo-moi",
            "password": "mot-mat-khau-dai",
            "role": "officer",
            "agency": "",
        }
        response = client.post("/admin/users", data=form, headers={"HX-Request": "true"})
        assert response.status_code == 422 and "--" not in response.text

    def test_import_directory_csv(self, client: TestClient, db: Session):
        csrf = page_session(client, db, "quantri")
        data = "code,name,kind,parent_code,aliases\nso-thu-nghiem,Sở Thử nghiệm Mới,department,ubnd-tinh,\n"
        response = client.post(
            "/admin/agencies/import",
            data={"csrf_token": csrf},
            files={"file": ("danh-muc.csv", data.encode(), "text/csv")},
        )
        assert response.status_code == 200, response.text
        assert "1 cơ quan mới" in response.text and "Sở Thử nghiệm Mới" in response.text


class TestAgencyListTotal:
    def test_total_and_empty_search(self, client: TestClient, db: Session):
        page_session(client, db, "lanhdao")
        text = client.get("/agencies?q=Sở Y tế").text
        assert texts(text, "//*[@data-testid='list-total']")[0].startswith("1 cơ quan")
        empty = client.get("/agencies?q=khongcocoquannay").text
        assert texts(empty, "//td[@class='empty']") == [
            "Không tìm thấy cơ quan nào phù hợp với «khongcocoquannay»."
        ]
