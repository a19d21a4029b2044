"""Guards that measure instead of trusting (issue 16.8): evidence checked as a whole file of its
type, names without control characters, no live formula in an exported cell, the same answer
time for an unknown user as for a wrong password."""

from __future__ import annotations

import io
import sys
import zipfile
from types import FrameType

import pytest
from argon2 import extract_parameters
from builders import make_user, minimal_pdf, minimal_png
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from dxtrack.auth.service import authenticate
from dxtrack.errors import Invalid, Unauthorized
from dxtrack.files import check_evidence, clean_filename, safe_suffix, store_evidence
from dxtrack.indicators.xlsx import write_sheet
from dxtrack.spreadsheet import Column, write_xlsx


class TestEvidenceAsWholeFile:
    @pytest.mark.parametrize(
        ("name", "data"),
        [
            ("gia.pdf", b"%PDF-1.7\n" + b"<script>alert(1)</script>" * 10),
            ("gia.png", b"\x89PNG\r\n\x1a\n" + b"MZ\x90\x00" * 50),
            ("gia.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200),
            ("cut.png", minimal_png()[:-20]),
        ],
    )
    def test_a_header_over_anything_else_is_refused(self, name: str, data: bytes):
        with pytest.raises(Invalid, match="nội dung bị hỏng hoặc không phải tệp hợp lệ"):
            check_evidence(name, data, max_bytes=10_000)

    def test_real_files_pass(self):
        assert check_evidence("a.pdf", minimal_pdf(), max_bytes=10_000) == "pdf"
        assert check_evidence("a.png", minimal_png(), max_bytes=10_000) == "png"
        buffer = io.BytesIO()
        OpenpyxlWorkbook().save(buffer)
        assert check_evidence("a.xlsx", buffer.getvalue(), max_bytes=100_000) == "xlsx"

    def test_zip_bomb_evidence_is_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", b"<Types/>")
            archive.writestr("word/document.xml", b"a" * 5_000_000)
        with pytest.raises(Invalid, match="nội dung bị hỏng"):
            check_evidence("bom.docx", buffer.getvalue(), max_bytes=100_000)


class TestNames:
    @pytest.mark.parametrize(
        ("raw", "clean"),
        [
            ("bao\x00cao.pdf", "baocao.pdf"),
            ("bien\x07ban\r\n.pdf", "bienban.pdf"),
            ("..\\..\\windows\\anh.png", "anh.png"),
            ("ho-so/../../etc/passwd", "passwd"),
            ("hoa\u0301-don\u202egnp.exe", "hoá-dongnp.exe"),
            ("\x00\x01", "tep"),
        ],
    )
    def test_control_characters_and_directories_are_stripped(self, raw: str, clean: str):
        assert clean_filename(raw) == clean

    def test_long_names_keep_their_extension(self):
        cleaned = clean_filename("x" * 500 + ".docx")
        assert len(cleaned) == 200 and cleaned.endswith(".docx")

    def test_stored_suffix_is_plain(self):
        assert safe_suffix("a.PDF") == ".pdf"
        assert safe_suffix("a.p\x00df") == ".pdf"
        assert safe_suffix("a.pdf;rm -rf") == ""

    def test_evidence_keeps_the_clean_name(self, tmp_path):
        (stored,) = store_evidence(
            tmp_path, [("bien\x00 ban.pdf", minimal_pdf())], max_bytes=10_000
        )
        assert stored.filename == "bien ban.pdf"


ATTACKS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


class TestFormulas:
    def test_streaming_writer_stores_text_with_the_quote_prefix(self):
        data = write_xlsx([("Trang", [Column("Tên")], [[text] for text in ATTACKS])])
        sheet = load_workbook(io.BytesIO(data)).active
        cells = [row[0] for row in sheet.iter_rows(min_row=2)]
        assert [c.value for c in cells] == ATTACKS
        assert all(c.data_type == "s" and c.quotePrefix for c in cells)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")

    def test_openpyxl_exports_store_text(self):
        workbook = OpenpyxlWorkbook()
        write_sheet(workbook.active, ("Chỉ tiêu",), [[text] for text in ATTACKS])
        buffer = io.BytesIO()
        workbook.save(buffer)
        sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
        cells = [row[0] for row in sheet.iter_rows(min_row=2)]
        assert [c.value for c in cells] == ATTACKS
        assert all(c.data_type == "s" and c.quotePrefix for c in cells)


class TestLoginTiming:
    def test_unknown_user_costs_the_same_hash_check(self, db: Session):
        """An unknown username costs one argon2 check under the same parameters as a wrong
        password, seen where argon2 enters its C code (the times themselves are measured by
        benchmarks/bench_hostile.py: a wall-clock ratio fails on a loaded machine)."""
        user = make_user(db, "syt")

        def verified(username: str) -> list[bytes]:
            hashes: list[bytes] = []

            def profile(frame: FrameType, event: str, arg: object) -> None:
                if event == "c_call" and getattr(arg, "__name__", "") == "argon2_verify":
                    hashes.append(frame.f_locals["hash"])

            previous = sys.getprofile()
            sys.setprofile(profile)
            try:
                with pytest.raises(Unauthorized, match="Tên đăng nhập hoặc mật khẩu không đúng"):
                    authenticate(db, username=username, password="sai-mat-khau")
            finally:
                sys.setprofile(previous)
            return hashes

        wrong, unknown = verified("syt"), verified("khong-co-ai")
        assert wrong == [user.password_hash.encode()]
        assert len(unknown) == 1 and unknown != wrong
        assert extract_parameters(unknown[0].decode()) == extract_parameters(user.password_hash)
