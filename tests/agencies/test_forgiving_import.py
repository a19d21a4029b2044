"""Forgiving directory import: title rows, Vietnamese headers and kinds, every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.orm import Session

from dxtrack.agencies import service
from dxtrack.errors import Invalid


def xlsx(path: Path, rows: list[list[object]], *, titles: int = 2) -> Path:
    book = Workbook()
    sheet = book.active
    for n in range(1, titles + 1):
        sheet.cell(row=n, column=1, value=f"DANH MỤC CƠ QUAN, ĐƠN VỊ ({n})")
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=5)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


class TestForgivingDirectory:
    def test_title_rows_vietnamese_headers_and_kinds(self, db: Session, tmp_path: Path):
        path = xlsx(
            tmp_path / "danh-muc.xlsx",
            [
                ["Mã", "Tên cơ quan", "Loại", "Mã cấp trên", "Tên gọi khác"],
                ["so-moi", "Sở Mới", "Sở", "ubnd-tinh", "SM"],
                ["xa-moi", "Xã Mới", "Xã", None, None],
            ],
        )
        result = service.import_file(db, path, actor=None)
        assert result.created == 2
        assert service.get_agency(db, "so-moi").kind == "department"
        assert service.get_agency(db, "xa-moi").kind == "commune"

    def test_every_problem_reported_with_its_row(self, db: Session, tmp_path: Path):
        path = tmp_path / "sai.csv"
        path.write_text(
            "Danh mục cơ quan tỉnh An Giang\n"
            "code,name,kind,parent_code\n"
            "a1,Cơ quan A,planet,\n"
            ",Không mã,department,\n"
            "a3,Cơ quan C,department,khong-co\n"
            "a1,Trùng,department,\n"
            "a5,Đúng,department,\n",
            encoding="utf-8",
        )
        with pytest.raises(Invalid) as caught:
            service.import_file(db, path, actor=None)
        errors = caught.value.detail
        assert [e.split(":")[0] for e in errors] == [
            "sai.csv, dòng 3",
            "sai.csv, dòng 4",
            "sai.csv, dòng 6",
        ]
        assert "planet" in errors[0] and "thiếu mã" in errors[1] and "trùng" in errors[2]
        assert service.find_agency(db, "a5") is None  # nothing of the file applied

    def test_unknown_members_of_every_group_reported(self, db: Session, tmp_path: Path):
        groups = tmp_path / "nhom.csv"
        groups.write_text(
            "Mã,Tên,Thành viên\nn1,Nhóm 1,so-y-te|x1\nn2,Nhóm 2,x2\n", encoding="utf-8"
        )
        with pytest.raises(Invalid) as caught:
            service.import_file(db, groups, actor=None)
        errors = caught.value.detail
        assert [e.split(":")[0] for e in errors] == ["nhom.csv, dòng 2", "nhom.csv, dòng 3"]
        assert "x1" in errors[0] and "x2" in errors[1]

    def test_no_header_is_a_clear_error(self, db: Session, tmp_path: Path):
        path = tmp_path / "rong.csv"
        path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
        with pytest.raises(Invalid, match="không tìm thấy dòng tiêu đề"):
            service.import_file(db, path, actor=None)
