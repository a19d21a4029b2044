"""Whole documents whose tasks sit in appendix tables (tests/extraction/cases/documents/).

Unit fixtures in the genre's shapes, not real documents."""

from __future__ import annotations

from pathlib import Path

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_file

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it
DOCS = Path(__file__).parent / "cases" / "documents"


def tasks_of(name: str) -> list[tuple]:
    result = extract_file(DOCS / name, directory=AN_GIANG).to_dict()
    return [
        (t["clause"], t["lead"], t["coordinators"], t["deadline"], t["recurrence"])
        for t in result["tasks"]
    ]


class TestSpaceAlignedAppendixTable:
    def test_rows_centred_between_blank_lines(self):
        """pdftotext -layout: the header over three lines, a product column, each row's
        number printed mid-row, Công báo page headers and an e-signature stamp."""
        assert tasks_of("nghi_quyet_phu_luc_cot.txt") == [
            ("PL.1", ["Bộ Tư pháp"], ["Các bộ, cơ quan ngang bộ"], "2024-06-30", None),
            ("PL.2", ["Bộ Công an"], ["Bộ Tài chính"], "2024-12-31", None),
            ("PL.3", ["Văn phòng Chính phủ"], ["Các bộ, ngành"], None, "continuous"),
        ]

    def test_metadata_before_the_table(self):
        result = extract_file(DOCS / "nghi_quyet_phu_luc_cot.txt", directory=AN_GIANG)
        assert (result.doc_type, result.number, result.issued_date) == (
            "Nghị quyết",
            "45/NQ-CP",
            "2024-03-10",
        )
        assert result.signer == {"name": "Trần Lưu Quang", "title": "PHÓ THỦ TƯỚNG"}
        assert "45/NQ-CP" not in [r["number"] for r in result.references]
