"""Importing, listing and reading the agency directory."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from builders import make_agency
from openpyxl import Workbook
from sqlalchemy.orm import Session

from dxtrack.agencies import service
from dxtrack.errors import Invalid, NotFound

TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """What Excel writes on Vietnamese Windows: letters with horn, breve or circumflex
    precomposed, tone marks as separate combining characters."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return out


class TestDefaultDirectory:
    def test_loaded_at_init(self, db: Session):
        assert service.count_agencies(db) == 124
        assert len(service.get_group(db, "so-ban-nganh-tinh").members) == 17
        assert len(service.get_group(db, "ubnd-xa-phuong-dac-khu").members) == 102

    def test_reloading_changes_nothing(self, db: Session):
        result = service.load_default_directory(db)
        assert (result.created, result.updated, result.groups) == (0, 0, 0)


class TestImportFile:
    def test_csv_extends_and_updates(self, db: Session, tmp_path: Path):
        path = tmp_path / "agencies.csv"
        path.write_text(
            "code,name,kind,parent_code,aliases\n"
            "so-moi,Sở Mới,department,ubnd-tinh,SM|Sở Mới tỉnh\n"
            "so-y-te,Sở Y tế tỉnh An Giang,department,ubnd-tinh,\n",
            encoding="utf-8",
        )
        result = service.import_file(db, path, actor=None)
        assert (result.created, result.updated) == (1, 1)
        assert service.get_agency(db, "so-moi").aliases == ["SM", "Sở Mới tỉnh"]
        assert service.resolve_name(db, "Sở Mới tỉnh").code == "so-moi"

    def test_xlsx_groups(self, db: Session, tmp_path: Path):
        make_agency(db, code="a1")
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["code", "name", "aliases", "members"])
        sheet.append(["nhom-thu", "Nhóm thử nghiệm", "Nhóm TN", "a1|so-y-te"])
        workbook.save(tmp_path / "groups.xlsx")
        service.import_file(db, tmp_path / "groups.xlsx", actor=None)
        members = {a.code for a in service.get_group(db, "nhom-thu").members}
        assert members == {"a1", "so-y-te"}

    def test_replace_keeps_referenced_agencies(self, db: Session, tmp_path: Path):
        from builders import make_user

        make_user(db, "cat")
        path = tmp_path / "one.csv"
        path.write_text("code,name,kind\nso-y-te,Sở Y tế,department\n", encoding="utf-8")
        result = service.import_file(db, path, replace=True, actor=None)
        assert (result.kept, result.removed) == (1, 122)
        assert {a.code for a in service.list_agencies(db)} == {"so-y-te", "cong-an-tinh"}

    def test_bad_kind_is_refused(self, db: Session, tmp_path: Path):
        path = tmp_path / "bad.csv"
        path.write_text("code,name,kind\nx,X,planet\n", encoding="utf-8")
        with pytest.raises(Invalid):
            service.import_file(db, path, actor=None)

    def test_excel_windows_1258_csv(self, db: Session, tmp_path: Path):
        path = tmp_path / "excel.csv"
        text = "code,name,kind,parent_code,aliases\nso-thu,Sở Thử nghiệm Đổi mới,department,,\n"
        path.write_bytes(windows_1258(text))
        result = service.import_file(db, path, actor=None)
        assert result.created == 1
        assert service.get_agency(db, "so-thu").name == "Sở Thử nghiệm Đổi mới"

    def test_utf16_with_bom(self, db: Session, tmp_path: Path):
        path = tmp_path / "utf16.csv"
        path.write_bytes("code,name,kind\nso-u16,Sở Mười Sáu,department\n".encode("utf-16"))
        service.import_file(db, path, actor=None)
        assert service.get_agency(db, "so-u16").name == "Sở Mười Sáu"

    def test_unreadable_encoding_is_a_clear_error(self, db: Session, tmp_path: Path):
        path = tmp_path / "broken.csv"
        path.write_bytes(b"code,name,kind\nx,\x81\x8d\x8f,department\n")
        with pytest.raises(Invalid, match="CSV UTF-8"):
            service.import_file(db, path, actor=None)

    def test_unknown_format(self, db: Session, tmp_path: Path):
        path = tmp_path / "bad.json"
        path.write_text("{}", encoding="utf-8")
        with pytest.raises(Invalid):
            service.import_file(db, path, actor=None)


class TestGetAgency:
    def test_unknown_code_is_404(self, db: Session):
        with pytest.raises(NotFound) as error:
            service.get_agency(db, "khong-co")
        assert "Không tìm thấy" in error.value.message
