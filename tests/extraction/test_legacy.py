"""TCVN3 / VNI tables: round trips through encoders built from the same tables."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxtrack.extraction import legacy

SENTENCES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
    (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"
    ),
    (
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành liên quan "
        "tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch, hoàn thành trước ngày 30/9/2025."
    ),
    (
        "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm tổ chức triển khai thực hiện; "
        "định kỳ hằng quý báo cáo kết quả về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp."
    ),
    (
        "Yêu cầu các xã, phường, đặc khu khẩn trương rà soát, bảo đảm an toàn thông tin mạng, "
        "ứng dụng trí tuệ nhân tạo, dữ liệu số; những việc cần làm ngay, mỗi người, nguyễn, "
        "thuở, khuya, quyết, nghiêng, giữa, tuyển, khỏe, hoặc, trường, người, ngoằn ngoèo."
    ),
]

LOWER_LETTERS = {
    unicodedata.normalize("NFC", base + tone)
    for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    for tone in ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
} - set("aeiouy") | {"đ"}


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 bytes read as Latin-1; capitals without a code use the lowercase
    code, as the ...H fonts do."""
    inverse = {letter: chr(code) for code, letter in legacy.TCVN3.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse:
            out.append(inverse[ch.lower()])
        else:
            assert ch.isascii(), ch
            out.append(ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    inverse = {letter: seq for seq, letter in legacy.vni_table().items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(inverse.get(ch, ch))
        assert ch in inverse or ch.isascii(), ch
    return "".join(out)


class TestTables:
    def test_tcvn3_covers_every_lowercase_letter_once(self) -> None:
        lower = [v for v in legacy.TCVN3.values() if v.islower()]
        assert len(lower) == len(set(lower))
        assert set(lower) == LOWER_LETTERS

    def test_vni_covers_every_letter_both_cases(self) -> None:
        letters = set(legacy.vni_table().values())
        assert LOWER_LETTERS <= letters
        assert {ch.upper() for ch in LOWER_LETTERS} <= letters

    def test_vni_sequences_are_unique(self) -> None:
        table = legacy.vni_table()
        assert len(set(table.values())) == len(table)


class TestRoundTrip:
    @pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s[:30])
    def test_vni_exact(self, sentence: str) -> None:
        assert legacy.to_unicode_vni(encode_vni(sentence)) == sentence

    @pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s[:30])
    def test_tcvn3_up_to_case(self, sentence: str) -> None:
        # TCVN3 has no accented capitals outside all-caps (H font) words.
        assert legacy.to_unicode_tcvn3(encode_tcvn3(sentence)).lower() == sentence.lower()

    @pytest.mark.parametrize("sentence", [s for s in SENTENCES if s.isupper()])
    def test_tcvn3_all_caps_lines_keep_case(self, sentence: str) -> None:
        assert legacy.to_unicode_tcvn3(encode_tcvn3(sentence)) == sentence

    def test_tcvn3_upper_font(self) -> None:
        encoded = encode_tcvn3("Thủ tướng Chính phủ")
        assert legacy.to_unicode_tcvn3(encoded, upper=True) == "THỦ TƯỚNG CHÍNH PHỦ"

    def test_tcvn3_lowercase_exact(self) -> None:
        sentence = SENTENCES[5].lower()
        assert legacy.to_unicode_tcvn3(encode_tcvn3(sentence)) == sentence

    def test_symbol_range_from_word(self) -> None:
        encoded = "".join(chr(0xF000 + ord(ch)) for ch in encode_tcvn3("việt nam"))
        assert legacy.to_unicode_tcvn3(encoded) == "việt nam"

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(sorted(LOWER_LETTERS) + list("abcdeghiklmnopqrstuvxy ")),
                    max_size=60))  # fmt: skip
    def test_any_lowercase_letters(self, letters: list[str]) -> None:
        text = "".join(letters)
        assert legacy.to_unicode_vni(encode_vni(text)) == text
        assert legacy.to_unicode_tcvn3(encode_tcvn3(text)) == text


class TestDetection:
    @pytest.mark.parametrize("sentence", SENTENCES[3:], ids=lambda s: s[:30])
    def test_tcvn3_detected(self, sentence: str) -> None:
        assert legacy.detect_legacy(encode_tcvn3(sentence)) == "tcvn3"

    @pytest.mark.parametrize("sentence", SENTENCES[3:], ids=lambda s: s[:30])
    def test_vni_detected(self, sentence: str) -> None:
        assert legacy.detect_legacy(encode_vni(sentence)) == "vni"

    @pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s[:30])
    def test_unicode_is_left_alone(self, sentence: str) -> None:
        assert legacy.detect_legacy(sentence) is None

    def test_ascii_and_foreign_latin_left_alone(self) -> None:
        assert legacy.detect_legacy("Report 2025, section 4.1") is None
        assert legacy.detect_legacy("Résumé du café à Genève") is None

    @pytest.mark.parametrize(
        ("font", "expected"),
        [(".VnTime", "tcvn3"), (".VnTimeH", "tcvn3"), ("VNI-Times", "vni"),
         ("Times New Roman", None), (None, None)],
    )  # fmt: skip
    def test_font_names(self, font: str | None, expected: str | None) -> None:
        assert legacy.legacy_font_encoding(font) == expected

    def test_upper_font_names(self) -> None:
        assert legacy.is_upper_font(".VnTimeH")
        assert not legacy.is_upper_font(".VnTime")


class TestScore:
    def test_vietnamese_scores_high(self) -> None:
        assert legacy.vietnamese_score(" ".join(SENTENCES)) > 0.95

    def test_mojibake_scores_low(self) -> None:
        assert legacy.vietnamese_score(encode_tcvn3(" ".join(SENTENCES))) < 0.5
        assert legacy.vietnamese_score(encode_vni(" ".join(SENTENCES))) < 0.5

    def test_ascii_is_neutral(self) -> None:
        assert legacy.vietnamese_score("Report 2025") == 1.0
