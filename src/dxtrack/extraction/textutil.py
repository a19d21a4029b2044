"""Small text helpers shared by the extraction rules (folding is `dxtrack.vn.fold`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import fold, fold_head

__all__ = [
    "ATTRIBUTE",
    "CLOSING_LINE",
    "LEVEL_BLOCK",
    "NEXT_ATTRIBUTE",
    "ROLE_HEADS",
    "ROLE_LABELS",
    "TIME_KEY",
    "TIME_KEYS",
    "fold",
    "fold_head",
    "is_upper_line",
    "nfc",
    "sentence_case",
    "skip_space",
    "starts_upper",
]

# The line that opens a Decree 30 closing ("Nơi nhận:"; not "Nơi nhận hồ sơ ..."): where the
# PDF and DOCX readers start reading the closing's two columns.
CLOSING_LINE = re.compile(r"^\s*Nơi\s+nhận\s*:", re.IGNORECASE)


def _printed_keys(keys: Iterable[str]) -> str:
    """Line keys as an alternation of their printed forms, in the order given (any case with
    re.IGNORECASE, any spaces between their words)."""
    return "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)


# The keys of an item's time line (data/vocab.yaml `time_line_keys`), and the same as a pattern
# of the printed key.
TIME_KEYS: tuple[str, ...] = tuple(load_vocab("vocab")["time_line_keys"])
TIME_KEY = "(?:" + _printed_keys(TIME_KEYS) + ")"

# The heads of a role line (data/vocab.yaml `role_heads`: "Cơ quan", "Lực lượng" ...).
ROLE_HEADS: tuple[str, ...] = tuple(load_vocab("vocab")["role_heads"])
ROLE_HEAD = _printed_keys(ROLE_HEADS)
# Role lines keyed by a verb of assigning (data/vocab.yaml `role_labels`: "Phân công thực hiện").
ROLE_LABELS: tuple[str, ...] = tuple(load_vocab("vocab")["role_labels"])
_ROLE_LABEL = _printed_keys(sorted(ROLE_LABELS, key=len, reverse=True))
# The content line of an item's fields (data/vocab.yaml `content_keys`: "Nội dung thực hiện").
_CONTENT_KEY = _printed_keys(sorted(load_vocab("vocab")["content_keys"], key=len, reverse=True))

# Attribute lines of a plan item ("Cơ quan chủ trì: X", "Đơn vị chủ trì thực hiện: X",
# "Đơn vị chủ trì tham mưu: X", "Thời gian hoàn thành: ..."), also as lettered fields
# ("b) Cơ quan thực hiện: ...") or dash items: they belong to the item above.
_ATTRIBUTE_KEY = (
    r"((?:" + ROLE_HEAD + r")"
    # "Cơ quan chủ trì, phối hợp: Sở X chủ trì; Sở Y phối hợp"
    r"(?:,?\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|tham\s+mưu|đầu\s+mối|triển\s+khai|chỉ\s+đạo)){1,2}"
    r"(?:\s+chính)?"  # "Cơ quan thực hiện chính: Sở X"
    # "Trách nhiệm: Sở X chủ trì, Sở Y phối hợp"
    r"|(?:Chủ\s+trì|Phối\s+hợp)(?:\s+thực\s+hiện)?|Thực\s+hiện|Trách\s+nhiệm|"
    + _ROLE_LABEL
    + r"|"
    + TIME_KEY
    + r"(?:\s+\w+){0,2}"
    r"|Sản\s+phẩm(?:\s+\w+){0,2}|(?:Dự\s+kiến\s+)?kết\s+quả(?:\s+\w+){0,2}|"
    + _CONTENT_KEY
    + r"|Mục\s+tiêu|Kinh\s+phí(?:\s+\w+){0,3}|Nguồn\s+(?:kinh\s+phí|vốn)"
    # a plan item's further fields: "- Hình thức tổ chức: trực tiếp kết hợp trực tuyến."
    r"|Hình\s+thức(?:\s+\w+){0,2}|Phương\s+thức(?:\s+\w+){0,2}|Cấp\s+(?:trình|ban\s+hành))\s*:\s*"
)
# "Điêu 2.", "Điểu 3:", "Diều 4.", "Ðiều5.": the word "Điều" as OCR or a font damaged it (a
# wrong tone or hat, "D" or the eth for "Đ", the space lost); only before a number and a stop
ARTICLE_DAMAGED = r"(?:[ĐÐD]i[ềêếểễệe]u|[ĐÐD]I[ỀÊẾỂỄỆE]U)\s*\d{1,3}\s*[.:]"
ATTRIBUTE = re.compile(r"^(?:[-–+•*]|[a-zđ]\))?\s*" + _ATTRIBUTE_KEY, re.IGNORECASE)
# A further attribute on the same line ("Đơn vị chủ trì: Sở X; thời gian hoàn thành: ...").
NEXT_ATTRIBUTE = re.compile(r"[;.]\s*" + _ATTRIBUTE_KEY, re.IGNORECASE)

# "Ở trung ương:" / "Ở địa phương:" unmarked over an item's attribute lines: a block of
# its own, like "- Ở trung ương:" (plans implementing a law)
LEVEL_BLOCK = re.compile(
    r"^(?:Ở|Tại|Đối\s+với)\s+(?:[Tt]rung\s+ương|địa\s+phương|(?:cấp|các)\s+(?:tỉnh|huyện|xã|bộ))\s*:\s*"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def skip_space(text: str, pos: int, *, any_white: bool = False) -> int:
    """The first position from `pos` on past spaces and tabs (past any white space, line breaks
    too, with `any_white`)."""
    if any_white:
        while pos < len(text) and text[pos].isspace():
            pos += 1
    else:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    return pos


_LETTER = re.compile(r"[^\W\d_]")


def holds_any(text: str, marks: Iterable[str]) -> bool:
    """Some mark (a character, or a string) stands in the text: one `in` test a mark, which
    is faster than searching a character class (tried at every character) or `any()` over a
    generator, for the few marks these tests take."""
    for mark in marks:
        if mark in text:
            return True
    return False


def is_upper_line(text: str) -> bool:
    """True when every letter is upper case and there are at least four of them."""
    return text.isupper() and len(_LETTER.findall(text, 0, 64)) >= 4


def starts_upper(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.isupper()
        if c.isdigit():
            return True
        if c in "“\"'(«":
            continue
        return False
    return False


def sentence_case(text: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH AN GIANG' -> 'Ủy ban nhân dân tỉnh An Giang'.

    Capitalises the first word, the word after 'Sở'/'Bộ'/'và'/a comma, every word of a
    place name (after 'tỉnh', 'thành phố', ...) and a few fixed proper phrases.
    """
    words = text.lower().split()
    out: list[str] = []
    cap_next, in_place = True, False
    for i, w in enumerate(words):
        cap = cap_next or in_place
        out.append(w[:1].upper() + w[1:] if cap else w)
        pair = " ".join(words[max(i - 1, 0) : i + 1])
        # "bảo hiểm xã hội", "chính sách xã hội", "khoa học xã hội", "... và xã hội": society,
        # no commune ("Ủy ban nhân dân xã Hội An" is one)
        society = w == "xã" and words[i + 1 : i + 2] == ["hội"] and words[i - 1 : i] in _SOCIETY
        in_place = in_place or (w in _PLACE_WORDS and not society) or pair in _PLACE_PAIRS
        cap_next = w in _CAP_AFTER or w.endswith(",") or w in ("-", "–")
    result = " ".join(out)
    for phrase in _PROPER_PHRASES:
        result = re.sub(
            rf"\b{phrase}\b",
            _PROPER_CASE.get(phrase, phrase.capitalize()),
            result,
            flags=re.IGNORECASE,
        )
    return result


_PLACE_WORDS = {"tỉnh", "huyện", "quận", "xã", "phường"}
_PLACE_PAIRS = {"thành phố", "thị xã", "thị trấn", "đặc khu"}
_CAP_AFTER = {"sở", "bộ", "và", "cục", "vụ"}
_PROPER_PHRASES = ("chính phủ", "trung ương", "quốc hội", "nhà nước", "việt nam", "thủ tướng")
_SOCIETY = (["hiểm"], ["sách"], ["học"], ["và"])  # the word before a "xã hội" that is society
_PROPER_CASE = {"việt nam": "Việt Nam"}  # a country's name: each word (the others: the first)
