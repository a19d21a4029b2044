"""Free-text agency names resolve to the directory's agencies and groups."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from dxtrack.agencies.names import exact_key, is_generic_name, loose_key
from dxtrack.agencies.resolver import build_resolver


class TestNameKeys:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh"),
            ("Sở Văn hóa và Thể thao", "Sở Văn hoá và Thể thao"),
            ("SỞ Y TẾ", "Sở Y tế"),
            ("UBND các xã, phường, đặc khu", "Ủy ban nhân dân các xã phường đặc khu"),
            ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
            ("Xã Thoại Sơn", "xã Thọai Sơn"),  # a closed pair, its tone written either way
            ("Tỉnh đoàn", "TỈNH ĐÒAN"),
        ],
    )
    def test_variants_share_a_key(self, a: str, b: str):
        assert exact_key(a) == exact_key(b)

    def test_loose_key_drops_diacritics(self):
        assert loose_key("Sở Khoa học và Công nghệ") == "so khoa hoc va cong nghe"


class TestResolve:
    @pytest.mark.parametrize(
        ("name", "kind", "code"),
        [
            ("Công an tỉnh", "agency", "cong-an-tinh"),
            ("CÔNG AN TỈNH", "agency", "cong-an-tinh"),
            ("Sở Khoa học và Công nghệ", "agency", "so-khcn"),
            ("Sở KH&CN", "agency", "so-khcn"),
            ("So Khoa hoc va Cong nghe", "agency", "so-khcn"),
            ("Sở Văn hoá và Thể thao", "agency", "so-vhtt"),
            ("UBND xã Thọai Sơn", "agency", "xa-thoai-son"),
            ("Ủy ban nhân dân xã Thoại Sơn", "agency", "xa-thoai-son"),
            ("Sở Nội vụ tỉnh An Giang", "agency", "so-noi-vu"),
            ("Trung tâm Phục vụ hành chính công", "agency", "ttpvhcc-tinh"),
            ("Các sở, ban, ngành tỉnh", "group", "so-ban-nganh-tinh"),
            ("các Sở, Ban, Ngành", "group", "so-ban-nganh-tinh"),
            ("Uỷ ban nhân dân các xã, phường, đặc khu", "group", "ubnd-xa-phuong-dac-khu"),
            ("Ủy ban nhân dân cấp xã", "group", "ubnd-xa-phuong-dac-khu"),
            ("Ủy ban nhân dân các phường, xã, đặc khu", "group", "ubnd-xa-phuong-dac-khu"),
            ("UBND xã, phường", "group", "ubnd-xa-phuong-dac-khu"),
            ("UBND các phường, xã và đặc khu", "group", "ubnd-xa-phuong-dac-khu"),
        ],
    )
    def test_known_names(self, db: Session, name: str, kind: str, code: str):
        match = build_resolver(db).resolve(name)
        assert match is not None, name
        assert (match.kind, match.code) == (kind, code)

    @pytest.mark.parametrize("name", ["Các cơ quan liên quan", "Bộ Công an", ""])
    def test_unknown_names(self, db: Session, name: str):
        assert build_resolver(db).resolve(name) is None


class TestGenericNames:
    @pytest.mark.parametrize(
        "name",
        [
            "Các cơ quan liên quan",
            "Các cơ quan, đơn vị có liên quan",
            "Quý đơn vị",
            "Các cơ quan, đơn vị và địa phương",
            "Các bộ, cơ quan liên quan",
        ],
    )
    def test_generic_addressee(self, name: str):
        assert is_generic_name(name)

    @pytest.mark.parametrize(
        "name", ["Công an Thành phố", "Bộ Công an", "Ủy ban nhân dân thành phố Hà Nội", ""]
    )
    def test_named_body_is_not_generic(self, name: str):
        assert not is_generic_name(name)
