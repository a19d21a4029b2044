"""Plain text: encodings (UTF-8, UTF-16, Windows-1258, TCVN3, VNI) and Markdown remnants.

read_text_bytes(data) -> (NFC text, warnings)
clean_markdown(text)  -> (text, whether anything changed)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

from dxtrack.extraction import legacy
from dxtrack.extraction.errors import ExtractionError

_MIN_SCORE = 0.6  # share of non-ASCII words that must be Vietnamese syllables
SAMPLE_BYTES = 256 * 1024  # encodings are scored on the head of the file


# --- .txt: encoding detection ------------------------------------------------------

_UNDECODABLE = (
    "không nhận ra bảng mã của văn bản (đã thử UTF-8, UTF-16, Windows-1258, TCVN3, VNI). "
    "Hãy lưu lại tệp dưới dạng UTF-8."
)

_BINARY = "tệp chứa dữ liệu nhị phân, không phải văn bản thuần."


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NULs sit on one side of most byte pairs."""
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 2 or head.count(0) < 0.15 * pairs:
        return None
    odd = sum(1 for i in range(1, 2 * pairs, 2) if head[i] == 0)
    even = sum(1 for i in range(0, 2 * pairs, 2) if head[i] == 0)
    if odd >= 0.15 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.15 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for BOM-marked, NUL-patterned or valid UTF-8 data, else None."""
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _strict(data, utf16)
        if legacy.vietnamese_score(text) < _MIN_SCORE or _control_share(text) > 0.01:
            raise ExtractionError(_UNDECODABLE)
        return text, utf16
    if b"\x00" in data:
        raise ExtractionError(_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _control_share(text) > 0.01:
        raise ExtractionError(_BINARY)
    return text, "utf-8"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractionError(_UNDECODABLE) from None


_CONTROL = ("Cc", "Cs", "Co", "Cn")  # control, surrogate, private use, unassigned
# A character that may be one: not a line break or tab, nor an ordinary character (ASCII,
# Latin, Vietnamese, general punctuation) of another category. Only these are looked up.
_MAYBE_CONTROL = re.compile(
    "[^\n\r\t\f"
    + "".join(
        re.escape(c)
        for r in (range(0x20, 0x250), range(0x1EA0, 0x1F00), range(0x2000, 0x2070))
        for c in map(chr, r)
        if unicodedata.category(c) not in _CONTROL
    )
    + "]"
)


def _control_share(text: str) -> float:
    """The share of control, surrogate, private-use and unassigned characters (line breaks
    and tabs aside) in the first 100,000 characters."""
    head = text[:100_000]
    rare = _MAYBE_CONTROL.findall(head)
    bad = sum(1 for ch in rare if unicodedata.category(ch) in _CONTROL)
    return bad / max(1, len(head))


def _single_byte_decode(data: bytes, encoding: str) -> str:
    """Windows-1258 (NFC-normalised), or TCVN3/VNI read through Latin-1."""
    if encoding == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    return legacy.convert_legacy(data.decode("latin-1").translate(_C1_AS_CP1252), encoding)


def _c1_as_cp1252() -> dict[int, str]:
    """8-bit font text typed in Windows keeps Windows-1252 quotes and dashes at 0x80-0x9F."""
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


_C1_AS_CP1252 = _c1_as_cp1252()


def _single_byte_choice(data: bytes) -> str:
    """The single-byte encoding whose reading is clearly the most Vietnamese."""
    sample = data[:SAMPLE_BYTES]
    scored = []
    for encoding in ("cp1258", "tcvn3", "vni"):
        try:
            text = _single_byte_decode(sample, encoding)
        except UnicodeDecodeError:  # bytes undefined in Windows-1258
            continue
        if _control_share(text) <= 0.01:
            scored.append((legacy.vietnamese_score(text), encoding))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < _MIN_SCORE:
        raise ExtractionError(_UNDECODABLE)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.1:
        raise ExtractionError(_UNDECODABLE)  # two readings equally plausible: no guess
    return scored[0][1]


def read_text_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode .txt bytes, convert legacy encodings, clean Markdown remnants."""
    warnings: list[str] = []
    decoded = _decode_unicode(data)
    if decoded is not None:
        text = decoded[0]
        found = legacy.detect_legacy(text)
        if found:
            text = legacy.convert_legacy(text, found)
            warnings.append(legacy.conversion_warning(found))
    else:
        encoding = _single_byte_choice(data)
        try:
            text = _single_byte_decode(data, encoding)
        except UnicodeDecodeError:  # an undefined byte after the sample
            raise ExtractionError(_UNDECODABLE) from None
        if encoding == "cp1258":
            warnings.append("Tệp dùng bảng mã Windows-1258; đã chuyển sang Unicode.")
        else:
            warnings.append(legacy.conversion_warning(encoding))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text, cleaned = clean_markdown(unicodedata.normalize("NFC", text))
    if cleaned:
        warnings.append(
            "Đã bỏ các ký hiệu Markdown (bảng, chữ đậm/nghiêng) của văn bản sao chép từ web."
        )
    return text, warnings


# --- .txt: Markdown remnants -------------------------------------------------------

_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])([^*\n]*?[^\s*])\*\*(?![\w*])")
_STRONG_U = re.compile(r"(?<![\w_])__(?=[^\s_])([^_\n]*?[^\s_])__(?![\w_])")
_EM = re.compile(r"(?<![\w*\\])\*(?=[^\W\d_])([^*\n]*?[^\W\d_][.,;:!?)\"”]?)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:https?://|#)[^()\[\]\s]*\)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _table_cells(line: str) -> str:
    inner = line.strip()[1:-1]
    cells = re.split(r"(?<!\\)\|", inner)
    return " | ".join(_BR.sub(" ", cell).strip() for cell in cells)


def _strong_underscore(match: re.Match[str]) -> str:
    """ "__x__" only around text with a space or a non-ASCII letter: "__init__" stays."""
    inner = match.group(1)
    return inner if not inner.isascii() or " " in inner else match.group(0)


# The inline rules in order, each with the text it cannot match without.
_INLINE: tuple[tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    ("**", _STRONG, r"\1"),
    ("__", _STRONG_U, _strong_underscore),
    ("*", _EM, r"\1"),
    ("](", _LINK, r"\1"),
    ("\\", _ESCAPE, r"\1"),
)

_SEGMENTS = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")  # a pandoc table's column dashes
_FULL_DASHES = re.compile(r"^\s*-{8,}\s*$")
# a task table's header, its words cut by the columns ("Cơ quan chủ" over "trì")
_TASK_HEADER = re.compile(r"\b(?:STT|TT)\b.*\b(?:[Cc]hủ|CHỦ|[Tt]hực|THỰC)\b")


def _aligned_table_lines(lines: list[str]) -> set[int]:
    """Lines of pandoc multiline and simple tables (columns aligned under dash segments),
    whose bold marks must keep their width: `layout_pandoc` cuts them at the dashes."""
    keep: set[int] = set()
    for s, line in enumerate(lines):
        if "--" not in line or not _SEGMENTS.match(line):
            continue
        k = s
        while k > 0 and s - k < 4 and lines[k - 1].strip() and not _FULL_DASHES.match(lines[k - 1]):
            k -= 1
        if not _TASK_HEADER.search(" ".join(lines[k:s])):
            continue  # a letterhead or any other table: cleaned as usual
        framed = k > 0 and _FULL_DASHES.match(lines[k - 1]) is not None
        j = s + 1
        while j < len(lines) and not _FULL_DASHES.match(lines[j]):
            if not framed and not lines[j].strip():
                break
            j += 1
        keep.update(range(k, j))
    return keep


def clean_markdown(text: str) -> tuple[str, bool]:
    """Remove Markdown remnants conservatively; returns (text, whether anything changed)."""
    out = []
    lines = text.split("\n")
    aligned = _aligned_table_lines(lines) if "--" in text else set()
    for n, line in enumerate(lines):
        if n in aligned:
            out.append(line.replace("**", "  "))  # the columns stay where the dashes say
            continue
        if "|" in line and _TABLE_RULE.match(line):
            continue
        if "|" in line and _TABLE_ROW.match(line) and line.count("|") >= 2:
            line = _table_cells(line)
        heading = _HEADING.match(line) if "#" in line else None
        if heading:
            line = heading.group(1)
        for needle, pattern, repl in _INLINE:
            if needle in line:  # most lines hold no mark at all: skip the pattern
                line = pattern.sub(repl, line)
        out.append(line)
    cleaned = "\n".join(out)
    return cleaned, cleaned != text
