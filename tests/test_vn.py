"""The Vietnamese locale module: folding, formats, sort order, periods, the clock."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from dxtrack import vn
from dxtrack.config import Settings


class TestFormats:
    def test_dates(self):
        assert vn.date_text(date(2025, 12, 9)) == "09/12/2025"
        assert vn.date_text(None) == "—"
        assert vn.datetime_text(datetime(2025, 12, 9, 20, 30)) == "10/12/2025 03:30"  # UTC+7

    def test_numbers_and_rates(self):
        assert vn.number(1234567) == "1.234.567"
        assert vn.percent(21 / 32) == "65,63%"
        assert vn.percent(0.5) == "50%"
        assert vn.percent(None) == "—"

    def test_parse(self):
        assert vn.parse_date("9/12/2025") == vn.parse_date("2025-12-09") == date(2025, 12, 9)
        assert vn.parse_date(" ") is None
        with pytest.raises(ValueError):
            vn.parse_date("31/02/2025")


class TestVietnameseOrder:
    def test_letters_with_marks_follow_their_base(self):
        names = ["Đài", "Ủy ban", "Ban", "Ăn", "An", "Âm", "Dân", "Cà", "Ca", "Ơn", "Ô tô", "Sở"]
        assert vn.sorted_vn(names) == [
            "An",
            "Ăn",
            "Âm",
            "Ban",
            "Ca",
            "Cà",
            "Dân",
            "Đài",
            "Ô tô",
            "Ơn",
            "Sở",
            "Ủy ban",
        ]


class TestFold:
    def test_case_tones_and_accents(self):
        assert vn.fold("Hoà Bình") == vn.fold("HÒA BÌNH") == "hòa bình"
        assert vn.fold("Uỷ ban") == vn.fold("Ủy ban") == "ủy ban"
        assert vn.fold("Đồng Tháp", accents=False) == "dong thap"
        assert vn.fold(None) == vn.fold("") == ""

    def test_qu_keeps_its_tone_on_the_y(self):
        assert vn.fold("Quý IV") == "quý iv"
        assert vn.fold("QUÝ") == "quý"
        assert vn.fold("Quỳnh Lưu") == "quỳnh lưu"

    def test_same_length_for_offsets(self):
        text = "Ủy ban nhân dân tỉnh; Sở Khoa học và Công nghệ; Quý; Hoà"
        assert len(vn.fold(text)) == len(text)

    def test_nfd_input_is_composed_first(self):
        decomposed = unicodedata.normalize("NFD", "Quý Hoà")
        assert vn.fold(decomposed) == "quý hòa"
        assert vn.fold(unicodedata.normalize("NFD", "Hòan thành")) == "hoàn thành"
        assert vn.fold(unicodedata.normalize("NFD", "THUỶ LỢI")) == "thủy lợi"

    @pytest.mark.parametrize(
        ("spellings", "key"),
        [
            (["hoà", "hòa", "HOÀ", "Hòa"], "hòa"),
            (["hoá", "hóa"], "hóa"),
            (["thuỷ", "thủy", "THUỶ"], "thủy"),
            (["khoẻ", "khỏe"], "khỏe"),
            (["tuỳ", "tùy"], "tùy"),
            (["loè", "lòe"], "lòe"),
            (["nguỵ", "ngụy"], "ngụy"),
        ],
    )
    def test_open_pair_keeps_the_tone_on_its_first_vowel(self, spellings, key):
        assert {vn.fold(s) for s in spellings} == {key}

    @pytest.mark.parametrize(
        ("spellings", "key"),
        [
            (["hoàn", "hòan", "HOÀN", "Hòan"], "hoàn"),
            (["hoạt", "họat", "HOẠT"], "hoạt"),
            (["hoạch", "họach", "HOẠCH"], "hoạch"),
            (["toàn", "tòan"], "toàn"),
            (["Đoàn", "đòan", "ĐOÀN"], "đoàn"),
            (["khoáng", "khóang"], "khoáng"),
            (["toán", "tóan"], "toán"),
            (["ngoài", "ngòai"], "ngoài"),  # a vowel after the pair closes it too
            (["xoáy", "xóay"], "xoáy"),
            (["khoét", "khóet"], "khoét"),
            (["huỳnh", "hùynh"], "huỳnh"),
            (["khuỷu", "khủyu"], "khuỷu"),
        ],
    )
    def test_closed_pair_keeps_the_tone_on_its_second_vowel(self, spellings, key):
        assert {vn.fold(s) for s in spellings} == {key}

    def test_tone_placement_in_running_text(self):
        text = "Hoà Bình hoàn thành; Thuỷ lợi, hòan thiện (toà án) họat động, uỷ-ban."
        folded = "hòa bình hoàn thành; thủy lợi, hoàn thiện (tòa án) hoạt động, ủy-ban."
        assert vn.fold(text) == folded
        assert len(vn.fold(text)) == len(text)
        assert vn.fold("hòan", accents=False) == vn.fold("hoàn", accents=False) == "hoan"

    def test_qu_takes_the_tone_on_the_y_in_either_spelling(self):
        assert vn.fold("qúy") == vn.fold("quý") == "quý"
        assert vn.fold("Qùynh") == vn.fold("quỳnh") == "quỳnh"
        assert vn.fold("quyết") == "quyết"  # the tone on the ê: nothing moves


def _fold_bare_before(text: str) -> str:
    """The oracle: `fold(text, accents=False)` as it was before its translation-table fast
    path (NFC, lower case but where that lengthens a character, then NFD with every mark
    dropped, đ -> d)."""
    text = unicodedata.normalize("NFC", text)
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    decomposed = unicodedata.normalize("NFD", low)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept.replace("đ", "d").replace("Đ", "D"))


_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
# Plain Vietnamese text (the fast path's characters: Vietnamese letters precomposed, ASCII,
# common punctuation), and the same mixed with what must take the slow path: decomposed
# marks, a capital whose lower case is longer, Greek, a ligature, a digraph, a lone
# combining mark, a no-break space.
_PLAIN_CHARS = st.one_of(
    st.sampled_from([unicodedata.normalize("NFC", v + m) for v in _VOWELS for m in _MARKS]),
    st.sampled_from(list("đĐbcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,;:/()-–—“”‘’…•\n")),
    st.characters(max_codepoint=127),
)
_PLAIN = st.lists(_PLAIN_CHARS, max_size=60).map("".join)
_VIETNAMESE = st.lists(
    st.one_of(
        _PLAIN_CHARS,
        st.sampled_from([v + m for v in _VOWELS for m in _MARKS if m]),
        st.sampled_from(["İ", "Σ", "ς", "ﬁ", "Ǆ", "\u0301", "\u00a0", "Ω", "ß"]),
    ),
    max_size=60,
).map("".join)


class TestFoldWithoutAccents:
    @given(_PLAIN)
    def test_same_as_before_on_plain_vietnamese_text(self, text):
        assert vn.fold(text, accents=False) == _fold_bare_before(text)

    @given(_VIETNAMESE)
    def test_same_as_before_on_vietnamese_text(self, text):
        assert vn.fold(text, accents=False) == _fold_bare_before(text)

    @given(st.text(max_size=40))
    def test_same_as_before_on_any_text(self, text):
        assert vn.fold(text, accents=False) == _fold_bare_before(text)

    def test_accents_kept_still_place_the_tone(self):
        assert vn.fold("Hoà Đồng", accents=False) == "hoa dong"
        assert vn.fold("Hoà Đồng") == "hòa đồng"


class TestPeriods:
    def test_month_end(self):
        assert vn.month_end(2024, 2) == date(2024, 2, 29)
        assert vn.month_end(2025, 12) == date(2025, 12, 31)

    def test_codes(self):
        assert vn.period_code("month", 2025, 3) == "2025-M03"
        assert vn.period_code("quarter", 2025, 4) == "2025-Q4"
        assert vn.period_code("half", 2025, 1) == "2025-H1"
        assert vn.period_code("week", 2025, 5) == "2025-W05"
        assert vn.period_code("nine", 2025) == "2025-9M"
        assert vn.period_code("year", 2025) == "2025"


class TestClock:
    def test_today_follows_the_province_not_the_host(self):
        with time_machine.travel(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), tick=False):
            assert vn.today() == date(2026, 1, 1)
            assert vn.now().hour == 6
        with time_machine.travel(datetime(2025, 12, 31, 16, 59, tzinfo=UTC), tick=False):
            assert vn.today() == date(2025, 12, 31)

    def test_the_zone_is_a_setting(self):
        try:
            vn.set_timezone("Europe/Paris")
            with time_machine.travel(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), tick=False):
                assert vn.today() == date(2026, 1, 1)
                assert vn.datetime_text(datetime(2025, 12, 9, 20, 30)) == "09/12/2025 21:30"
            vn.set_timezone("America/New_York")
            with time_machine.travel(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), tick=False):
                assert vn.today() == date(2025, 12, 31)
        finally:
            vn.set_timezone(vn.DEFAULT_TIMEZONE)

    def test_unknown_zone_refused(self):
        with pytest.raises(ValueError, match="time zone"):
            Settings(timezone="Asia/Atlantis")


class TestSizes:
    def test_bytes_kilobytes_megabytes(self):
        assert vn.size_text(512) == "512 byte"
        assert vn.size_text(12 * 1024) == "12 KB"
        assert vn.size_text(int(3.4 * 1024 * 1024)) == "3,4 MB"


class TestParseCellDate:
    def test_text_serial_and_dates(self):
        assert vn.parse_cell_date("31/12/2025") == date(2025, 12, 31)
        assert vn.parse_cell_date("1-2-2026") == date(2026, 2, 1)
        assert vn.parse_cell_date("2025-12-31") == date(2025, 12, 31)
        assert vn.parse_cell_date(46022) == date(2025, 12, 31)
        assert vn.parse_cell_date("46022") == date(2025, 12, 31)
        assert vn.parse_cell_date(46022.75) == date(2025, 12, 31)
        assert vn.parse_cell_date(datetime(2025, 12, 31, 8, 0)) == date(2025, 12, 31)
        assert vn.parse_cell_date("  ") is None and vn.parse_cell_date(None) is None

    def test_bad_values_raise(self):
        for bad in ("31/02/2025", "hôm qua", -5, True):
            with pytest.raises((ValueError, TypeError)):
                vn.parse_cell_date(bad)


class TestLetterClasses:
    """`vn.UPPER` / `vn.LOWER` split every Vietnamese letter by case (the range À-Ỹ does not)."""

    def test_every_letter_of_one_case(self):
        vowels = "aăâeêioôơuưy"
        toned = [
            unicodedata.normalize("NFC", v + m)
            for v in vowels
            for m in ("", *"\u0300\u0301\u0309\u0303\u0323")
        ]
        letters = [*toned, *"bcdđghklmnpqrstvx"]
        for letter in letters:
            assert re.fullmatch(f"[{vn.LOWER}]", letter), letter
            assert not re.fullmatch(f"[{vn.UPPER}]", letter), letter
            assert re.fullmatch(f"[{vn.UPPER}]", letter.upper()), letter.upper()
            assert not re.fullmatch(f"[{vn.LOWER}]", letter.upper()), letter.upper()

    def test_no_other_character(self):
        for char in "0 .,-–ßÆØÞæøþ":
            assert not re.fullmatch(f"[{vn.UPPER}{vn.LOWER}]", char), char
