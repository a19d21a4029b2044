"""Letters in the genre's less usual shapes (cases/documents/; unit fixtures, not real
documents)."""

from __future__ import annotations

from pathlib import Path

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_file

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it
DOCS = Path(__file__).parent / "cases" / "documents"


class TestPartyLetter:
    """A Party committee's letter: "Số 215 -CV/ĐU" without a colon, the lower-case "về
    việc" subject glued to the number line, "Kính gửi: - X," inline, "T/M" over a "PHÓ BÍ
    THƯ" title pushed up into a long Nơi nhận list."""

    def test_metadata(self):
        result = extract_file(DOCS / "cong_van_dang_uy.txt", directory=AN_GIANG)
        assert result.number == "215-CV/ĐU"
        assert result.subject == "về việc tăng cường công tác phòng, chống cháy rừng"
        assert result.recipients == ["Ủy ban nhân dân tỉnh", "Các chi bộ, đảng bộ cơ sở"]
        assert result.signer == {"name": "Lò Văn Mừng", "title": "PHÓ BÍ THƯ"}

    def test_lead_in_without_comma_before_an_assignment(self):
        """ "Sau khi xem xét X giao Sở A chủ trì, phối hợp với Sở B, ..." is Sở A's task
        (not the first agency after a comma); "Yêu cầu ... triển khai thực hiện./." closes."""
        result = extract_file(DOCS / "cong_van_dang_uy.txt", directory=AN_GIANG)
        assert [(t["lead"], t["coordinators"], t["deadline"]) for t in result.tasks] == [
            (
                ["Sở Nông nghiệp và Môi trường"],
                ["Sở Tài chính", "Công an tỉnh", "Các cơ quan, đơn vị có liên quan"],
                "2025-04-30",
            )
        ]
