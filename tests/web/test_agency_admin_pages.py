"""Cơ quan pages (scorecard, visibility) and Quản trị (users, directory import, audit log)."""

from __future__ import annotations

from datetime import date

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
        text = client.get("/admin/audit?entity=task").text
        assert "task.confirm" in texts(text, "//tbody//code")
        assert client.get("/admin/users").status_code == 403

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
