"""Normalisation: raw text -> clean lines -> paragraphs, with footnotes pulled out.

Exports of Word/PDF documents break every line at the page width, add blank lines,
page numbers and footnote blocks in mid-text, and glue footnote markers to words
("Bộ Chính trị1,"). This module undoes that and returns the normalised text (one
paragraph per line) with the offsets of each paragraph, which task spans refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dxtrack.extraction.layout import continues
from dxtrack.extraction.textutil import (
    ARTICLE_DAMAGED,
    ATTRIBUTE,
    LEVEL_BLOCK,
    fold,
    is_upper_line,
    nfc,
    starts_upper,
)
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

_INVISIBLE = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    # PDF fonts that map "ư" to the look-alike "ƣ" (U+01A3): "hƣớng dẫn"
    ord("ƣ"): "ư",
    ord("Ƣ"): "Ư",
}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# What clean_line changes: an invisible or look-alike character, a space other than " ", two
# spaces in a row, or a space at either end (most lines have none and are kept as they are).
# (the two spaces are tested apart: a class alone is searched by a fast scan)
_UNCLEAN_CHAR = re.compile(
    "[" + "".join(map(chr, _INVISIBLE)) + r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_RULE_LINE = re.compile(
    r"^\s*(?:[_=~*.\-–—]{3,}|[-–—=]*\s*PAGE\s+BREAK\s*[-–—=]*"
    r"|[=\-–—]{3,}\s*(?:Trang|Page)\s+\d{1,4}\s*[=\-–—]{3,}"  # "===== Trang 2 ====="
    r"|-{3,}(?:\s+-{3,})+)\s*$",  # the dashes of a pandoc table left as it was
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.IGNORECASE
)
# What a cleaned line (no space at its start) opens with wherever _RULE_LINE or _PAGE_NUMBER
# matches it (keep it in step), besides a digit (`str.isdecimal`, what `\d` matches): most
# lines are spared both matches. (Under IGNORECASE "p" and "t" match only their capitals.)
_RULE_OR_PAGE_FIRST = frozenset("_=~*.-–—PpTt")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,3})\s+(?=[^\W\d_])(.*)$")
# (every form holds "cộng" or "độc" in lower case: see `_motto`, keep it in step)
_MOTTO = re.compile(
    r"CỘNG\s+H[OÒ]À?\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA"
    r" VIỆT NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
    re.IGNORECASE,
)


def _motto(line: str) -> bool:
    """The national motto in the line; every form of it holds "cộng" or "độc" in lower case
    (a cheap test first: "Sở Nội vụ" has an "ộ" too)."""
    if "ộ" not in line and "Ộ" not in line:
        return False
    low = line.lower()
    return ("cộng" in low or "độc" in low) and _MOTTO.search(line) is not None


# A paragraph starts at a line of one of these shapes (clause markers, header lines).
_STARTERS = re.compile(
    rf"""^(?:
        (?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+[IVXLC\d]+\b
      | [IVXLC]{{1,6}}\s?[.)/\-–]\s
      | [IVXLC]{{1,6}}\.(?=[{UPPER}]{{2}})       # "II.NHIỆM VỤ"
      | \d{{1,2}}(?:\.\d{{1,2}})+(?:\.?\s|\.(?=[{UPPER}]))
      | \d{{1,2}}[.)/]\s
      | \d{{1,2}}[-–]\s(?=[{UPPER}])             # "1- Sở Nội vụ"
      | \(\d{{1,2}}\)\.?\s | \([ivx]{{1,5}}\)\.?\s | [ivx]{{2,5}}[.)]\s   # "(1)", "(ii)", "iii)"
      | [a-zđ]\)\s? | [a-zđ]/\s
      | [a-zđ]\.\s(?=\S)
      | [_„“”"'‘’.,`·]{{1,2}}[ \t]?[a-zđ]\)\s   # an OCR speck before a letter: "_b)", "„ d)"
      | [^\W\d_a-zA-ZđĐ]\)\s(?=[{UPPER}])    # a letter no list uses, read by OCR: "ø)"
      | (?:Điều|ĐIỀU)\s+\d+
      | {ARTICLE_DAMAGED}
      | (?:Số|SỐ)\s*[:.]
      | V/v\b | Về\s+việc\b
      | Kính\s+gửi
      | (?:[{UPPER}]+\s+){{1,8}}điện\s*:   # a Công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:"
      | Nơi\s+nhận
      | (?:KT|TM|TL|TUQ|Q|UQ)\.\s*\S
      | Căn\s+cứ\b | Ngày\s+\d{{1,2}}\b | Thực\s+hiện\b | Triển\s+khai\b | Theo\s+đề\s+nghị\b
      | Trên\s+cơ\s+sở\b
      | (?:Giao|Phân\s+công)\s+(?:cho\s+)?[{UPPER}]   # "Phân công Ủy ban X chủ trì ..." under a title
      | Cơ\s+quan\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện)\s*:
      | Thời\s+(?:gian|hạn)\s+(?:thực\s+hiện|hoàn\s+thành)?\s*:
      | Sản\s+phẩm\s*:
    )""",
    re.VERBOSE,
)
_DASH = re.compile(r"^[-–—•+*]\s*(\S)")
_PLACE_DATE = re.compile(r"^[^\d,;:]{2,40},\s*ngày\b.*\bnăm\s+\d{4}", re.IGNORECASE)
_KINH_GUI = re.compile(r"^\s*Kính\s+gửi\b", re.IGNORECASE)
# A head's place-date line is its own paragraph, even after a blank line under a full-width
# subject line ("V/v ... phát triển tôm Bạc Liêu" / "" / "Hà Nội, ngày 27 tháng 02 năm 2021").
_HEAD_PARAS = 15
# A comma or a connecting word ending a line: the ends' tuple is a test cheaper than the
# search (most lines fail it), the search sees that a word is whole
_CONNECTOR_WORDS = ("và", "của", "các", "tại", "về", "với", "cho", "theo", "trong", "từ")
_CONNECTOR_ENDS = (",", *_CONNECTOR_WORDS)
_CONNECTOR_END = re.compile(rf"(?:,|\b(?:{'|'.join(_CONNECTOR_WORDS)}))\s*$")


def _connector_end(text: str) -> bool:
    """The text ends with a comma or a connecting word (_CONNECTOR_END), searched only in its
    last characters (the longest word has five)."""
    stripped = text.rstrip()
    return stripped.endswith(_CONNECTOR_ENDS) and (
        _CONNECTOR_END.search(text, max(0, len(stripped) - 8)) is not None
    )


@dataclass
class Paragraph:
    start: int
    end: int
    text: str


@dataclass
class Footnote:
    number: int
    text: str


@dataclass
class Normalized:
    text: str
    paragraphs: list[Paragraph]
    footnotes: list[Footnote] = field(default_factory=list)


# "Ðiều 2.", "Ðồng Nai", "ðược": a font's Icelandic eth (U+00D0, U+00F0) for "Đ"/"đ"; the
# capital only at a word's start (in a symbol, "555/QĐÐ-BCT", "NQ/ÐU", it stays as printed,
# as the reference keeps it)
_ETH = re.compile(r"(?<![\w/\-])Ð(?=[^\W\d_])|ð")


def _eth(m: re.Match[str]) -> str:
    return "Đ" if m.group() == "Ð" else "đ"


def clean_line(line: str, *, may_be_unclean: bool = True) -> str:
    """The line with invisible and look-alike characters mended, spaces collapsed, stripped.
    `may_be_unclean=False`: the caller knows the line holds no `_UNCLEAN_CHAR` (its text holds
    none and no eth), which spares that search."""
    if "Ð" in line or "ð" in line:
        line = _ETH.sub(_eth, line)
    if "  " not in line and not (may_be_unclean and _UNCLEAN_CHAR.search(line)):
        return line.strip()
    return _SPACES.sub(" ", line.translate(_INVISIBLE)).strip()


def normalize(raw: str, *, wrapped: bool = True) -> Normalized:
    """Raw text -> paragraphs. `wrapped=False` for sources whose lines are paragraphs (DOCX)."""
    text = nfc(raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    lines, footnotes = _pull_footnotes(lines)
    items, breaks = _clean_lines(lines)
    paras = _join(items, breaks) if wrapped else items
    return _assemble(paras, footnotes)


_LAYOUT_CELL = re.compile(
    r"^(?:Số\s*[:.]|Kính\s+gửi|Nơi\s+nhận|(?:KT|TM|TL|TUQ|Q)\.|V/v\b)|CỘNG\s+H"
    r"|Độc\s+lập\s*[-–—]|,\s*ngày\b",
    re.IGNORECASE,
)
_ROW_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]?(?:$|\s)")


def _layout_cells(line: str) -> list[str]:
    """A two-column layout flattened into a table row ("VĂN PHÒNG ... | CỘNG HÒA ...") is
    split into its cells; a task table row stays one line."""
    if "|" not in line:
        return [line]
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 3 and _ROW_LABEL.match(cells[0]):
        return [line]  # a table row ("đ) | ... độc lập ...", "I. THỂ CHẾ |  |  | ")
    cells = [c for c in cells if c]
    if any(_LAYOUT_CELL.search(c) for c in cells) or all(is_upper_line(c) for c in cells):
        return [re.sub(r"\s*[-–—_]{3,}\s*$", "", c) for c in cells]
    return [line]


# The end of the body with the closing glued on by a copy: what follows "./." (the body's
# last mark), a signing line ("KT. CHỦ TỊCH"), "Nơi nhận:" after a sentence's end, and the
# lines of an e-signature stamp ("Ký bởi:", "Thời gian ký:") start lines of their own.
_GLUED_CLOSING = re.compile(
    r"(?<=\./\.)\s*(?=\S)"
    rf"|(?<=[.;:])\s+(?=(?:KT|TM|TL|TUQ)\.\s*[{UPPER}]{{2,}}\s|Nơi\s+nhận\s*:)"
    r"|\s+(?=Ký\s+bởi\s*:|Thời\s+gian\s+ký\s*:)"
)


# Every _GLUED_CLOSING match holds one of these: most lines are spared its look-behinds (one
# search of them all, cheaper than a test of each in turn).
_GLUED_CUES = ("./.", "KT.", "TM.", "TL.", "TUQ.", "Nơi", "Ký", "Thời")
_GLUED_CUE = re.compile("|".join(map(re.escape, _GLUED_CUES)))


def _glued_closing(line: str) -> list[str]:
    if "|" in line or not _GLUED_CUE.search(line):
        return [line]
    if not _GLUED_CLOSING.search(line):
        return [line]
    return _GLUED_CLOSING.split(line)


def _clean_lines(lines: list[str]) -> tuple[list[str], list[bool]]:
    """Drop rules, page numbers and blank lines; split flattened layout rows into cells.
    Returns the lines and, for each, whether a blank line came before it."""
    out: list[str] = []
    breaks: list[bool] = []
    blank = False
    # (what the text as a whole holds, tested once: a text without an eth and without any
    # character `clean_line` changes spares each line that search; one loop, no generators)
    text = "\n".join(lines)
    unclean = "Ð" in text or "ð" in text or _UNCLEAN_CHAR.search(text) is not None
    for whole in lines:
        for cell in _layout_cells(whole) if "|" in whole else (whole,):
            for raw in _glued_closing(cell):
                line = clean_line(raw, may_be_unclean=unclean)
                if not line:
                    blank = True
                elif (line[0] not in _RULE_OR_PAGE_FIRST and not line[0].isdecimal()) or not (
                    _RULE_LINE.match(line) or _PAGE_NUMBER.match(line)
                ):
                    out.append(line)
                    breaks.append(blank)
                    blank = False
    return out, breaks


def _pull_footnotes(lines: list[str]) -> tuple[list[str], list[Footnote]]:
    """Find footnote lines numbered 1, 2, 3 ... whose marker is glued to an earlier word."""
    body: list[str] = []
    notes: list[Footnote] = []
    expected = 1
    in_note = False
    for raw in lines:
        m = _FOOTNOTE_LINE.match(raw)
        if (
            m
            and int(m.group(1)) == expected
            and starts_upper(m.group(2))
            and _strip_marker(body, expected)
        ):
            notes.append(Footnote(expected, clean_line(m.group(2))))
            expected += 1
            in_note = True
            continue
        if m and _cites(m.group(2)) and not _number_follows(body):
            # "3 Quyết định số ..." left in the text, its marker lost or out of order: a
            # footnote all the same, no clause of the body
            notes.append(Footnote(int(m.group(1)), clean_line(m.group(2))))
            in_note = True
            continue
        if in_note:
            if not raw.strip():
                continue
            if raw[:1].isspace() or _STARTERS.match(raw.strip()):
                in_note = False  # the next page starts: body text resumes
            else:
                notes[-1].text = f"{notes[-1].text} {clean_line(raw)}"
                continue
        body.append(raw)
    return body, notes


@cache
def _citation_note() -> re.Pattern[str]:
    vocab = load_vocab("vocab")
    types = sorted((t["name"] for t in vocab["doc_types"]), key=len, reverse=True)
    names = "|".join(re.escape(n) for n in types)
    parts = "|".join(re.escape(w) for w in vocab["provision_words"])
    return re.compile(rf"(?:(?:{names})\s+số\s*\d|(?:{parts})\s+\d)", re.IGNORECASE)


@cache
def _number_head() -> re.Pattern[str]:
    heads = "|".join(re.escape(w) for w in load_vocab("vocab")["number_heads"])
    return re.compile(rf"(?<!\w)(?:{heads})\s*$", re.IGNORECASE)


def _number_follows(body: list[str]) -> bool:
    """The body's last line (past a page break) ends with a word a number follows ("...
    khoản 1 Điều"): the next line's number goes on it."""
    for line in reversed(body[-4:]):
        if line.strip() and not _PAGE_NUMBER.match(line):
            return _number_head().search(line.rstrip()[-12:]) is not None
    return False


def _cites(text: str) -> bool:
    """A footnote's text: a cited document with its number ("Công văn số 12/...") or a part
    of a law ("khoản 1, khoản 2 Điều 171 ...") at its start."""
    return _citation_note().match(text) is not None


def _marker_re(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[”\")\]])|(?<=\b(?:19|20)\d\d)){n}(?=[\s,.;:)”]|$)")


def _strip_marker(body: list[str], n: int) -> bool:
    """Remove footnote marker n from the last lines of body; False when there is none."""
    pattern, digits = _marker_re(n), str(n)
    for i in range(len(body) - 1, max(len(body) - 400, -1), -1):
        if digits not in body[i]:
            continue  # (most lines: the pattern, opening with look-behinds, tries every place)
        matches = list(pattern.finditer(body[i]))
        if matches:
            m = matches[-1]
            body[i] = body[i][: m.start()] + body[i][m.end() :]
            return True
    return False


def _join(items: list[str], breaks: list[bool]) -> list[str]:
    """Rejoin lines broken by the export into paragraphs. A blank line ends a paragraph
    (web copies hard-wrap paragraphs and separate them by blank lines) unless the text
    plainly runs on across it (`layout.continues`)."""
    if not items:
        return []
    lengths = sorted(len(ln) for ln in items)
    width = lengths[int(len(lengths) * 0.8)]
    facts = _line_facts(items)  # (each line's, worked out once, not once as each of the two)
    paras: list[str] = []
    prev = ""
    prev_opens: bool | None = None  # _opens_clause(prev), when worked out for it as `line`
    for k, (line, blank) in enumerate(zip(items, breaks, strict=True)):
        opens = None
        if blank and paras and (continues(prev, line, width) or _cut_after_connector(prev, line)):
            # (the run-on tests first: most lines after a blank line fail them; all of these
            # tests are plain functions of the two lines)
            opens = _opens_clause(line)
            joined = not (
                opens
                or _heading_then_paragraph(prev, line, prev_opens)
                or (len(paras) < _HEAD_PARAS and facts[k][2])
            )
        else:
            joined = (
                bool(paras)
                and not blank
                and not _starts_paragraph(prev, line, width, facts[k - 1], facts[k])
            )
        if joined:
            paras[-1] = f"{paras[-1]} {line}"
        else:
            paras.append(line)
        prev, prev_opens = line, opens
    return paras


def _cut_after_connector(prev: str, line: str) -> bool:
    """A line cut after a connecting word ("... ngày 16/12/2024 của" / "" / "Ban Thường vụ
    Tỉnh ủy về ...") goes on across the blank line, unless a heading in capitals follows."""
    return _connector_end(prev) and line[:1].isalpha() and not is_upper_line(line)


def _heading_then_paragraph(prev: str, line: str, prev_opens: bool | None = None) -> bool:
    """ "3. Hệ thống đăng ký ... nhà kính" / blank / "Bộ Tài nguyên ...": a heading and a new
    paragraph, not a clause cut by a page break ("... tỉnh An" / "Giang, ...").
    `prev_opens`: `_opens_clause(prev)` when the caller knows it."""
    if prev_opens is None:
        prev_opens = _opens_clause(prev)
    heading = prev_opens and not _connector_end(prev)
    if not heading or line[:1].islower():
        return False
    words = prev.rsplit(None, 1)  # the last word: split from the end once, not the whole line twice
    return bool(words) and words[-1][:1].islower()


# an item's marker and its request verb alone on a line ("b) Đề nghị" / "UBND tỉnh chỉ đạo ..."):
# the verb's object follows on the next line
_BARE_REQUEST = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)]|[-–+])?\s*(?:Đề\s+nghị|Yêu\s+cầu|Giao)\s*$")


Facts = tuple[bool, bool, bool]


def _line_facts(items: list[str]) -> list[Facts]:
    """Each line's `_facts`."""
    return [_facts(line) for line in items]


def _facts(line: str) -> Facts:
    """What `_starts_paragraph` asks of a line as either of its two: (a table row, a line in
    capitals, a place-date line). The place-date pattern's comma comes after 2 to 40
    characters: a line without one there is not matched."""
    place_date = line.find(",", 2, 41) >= 0 and _PLACE_DATE.match(line) is not None
    return is_table_row(line), is_upper_line(line), place_date


def _starts_paragraph(
    prev: str, line: str, width: int, prev_facts: Facts | None = None, facts: Facts | None = None
) -> bool:
    """A paragraph starts at `line` after `prev`; `prev_facts`, `facts`: their `_facts`, when
    the caller worked them out."""
    prev_row, prev_upper, prev_place = prev_facts or _facts(prev)
    row, upper, place = facts or _facts(line)
    if len(prev) < 20 and _BARE_REQUEST.match(prev) and not upper:
        return False
    if row or prev_row:
        return True
    if upper or prev_upper or _motto(line):
        return not (prev_upper and upper and _connector_end(prev))
    if place or prev_place:
        return True
    dash = _DASH.match(line)
    if dash and _dashed_name(prev, line):
        return False  # "... Sở Lao động" / "- Thương binh và Xã hội ..."
    if dash:
        return dash.group(1).isupper() or dash.group(1).isdigit() or prev.endswith((".", ";", ":"))
    if _name_head_end(prev) and starts_upper(line):
        return False  # "1. Thường trực" / "Hội đồng nhân dân tỉnh:": a name wrapped
    if _place_split(prev, line):
        return False  # "b) Ban Quản lý Khu kinh tế Trà" / "Vinh.": a place name wrapped
    if _KINH_GUI.match(prev) and len(line.split()) >= 12 and not _connector_end(prev):
        return True  # "Kính gửi: Công ty X" / "Công ty X được cấp Giấy phép ... sau:"
    if (
        ":" in line  # what both hold (a cheap test: run for every line)
        and (ATTRIBUTE.match(line) or LEVEL_BLOCK.match(line))
        and not line[:1].islower()
        and not _connector_end(prev)
    ):
        return True  # "1. Tổ chức hội nghị ..." / "Cơ quan chủ trì thực hiện: Sở Nội vụ"
    if _party_heading(prev, line, width):
        return True  # "3. Trách nhiệm của Ủy ban nhân dân các xã" / "Tuyên truyền, vận động ..."
    if _STARTERS.match(line):
        return (
            not _connector_end(prev)
            or bool(re.match(r"\d|[a-zđ]\)", line))
            and prev.endswith((":", ";", "."))
        )
    if not starts_upper(line):
        return False
    if prev.endswith(";") and len(prev) >= 0.9 * width and len(prev) > 40:
        return False  # a ";" list running on at the right margin ("...; Công an tỉnh; Đài")
    if prev.endswith((".", ";", ":", "!", "?", ".”", '."', "./.")):
        return True
    if len(line) > 1.5 * width and not _connector_end(prev):
        return True  # a paragraph on one line: the text is not wrapped here ("Về việc ..." / "Nhân dịp ...")
    return len(prev) < 0.55 * width and not _connector_end(prev)


@cache
def _place_halves() -> dict[str, tuple[tuple[str, str], ...]]:
    """The places of data/metadata.yaml `place_names` of two words or more, each cut at every
    space: the last word before the cut → (the words before it, the words after it)."""
    halves: dict[str, list[tuple[str, str]]] = {}
    for place in load_vocab("metadata")["place_names"]:
        words = place.split()
        for i in range(1, len(words)):
            halves.setdefault(words[i - 1], []).append((" ".join(words[:i]), " ".join(words[i:])))
    return {last: tuple(pairs) for last, pairs in halves.items()}


def _place_split(prev: str, line: str) -> bool:
    """The line break cuts a place name ("... Khu kinh tế Trà" / "Vinh.", "... tỉnh Bà Rịa -"
    / "Vũng Tàu ..."): the line runs on."""
    last = prev.rsplit(None, 1)[-1] if prev else ""
    for head, rest in _place_halves().get(last, ()):
        if (prev == head or prev.endswith(" " + head)) and line.startswith(rest):
            after = line[len(rest) : len(rest) + 1]
            if not after or not after.isalnum():
                return True
    return False


@cache
def _name_heads() -> tuple[str, ...]:
    return tuple(load_vocab("layout")["wrapped_name_heads"])


def _name_head_end(prev: str) -> bool:
    """The line ends in a word that opens a body's name (data/layout.yaml
    `wrapped_name_heads`), a whole word."""
    if not prev.endswith(_name_heads()):
        return False  # (one test for all of them: most lines)
    return any(
        prev.endswith(head) and (len(prev) == len(head) or not prev[-len(head) - 1].isalnum())
        for head in _name_heads()
    )


@cache
def _party_heading_re() -> re.Pattern[str]:
    openings = "|".join(re.escape(w) for w in load_vocab("layout")["party_heading_openings"])
    return re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?|[a-zđ]\))\s+(?i:{openings})\s+\S")


def _party_heading(prev: str, line: str, width: int) -> bool:
    """A short numbered heading naming whose duties follow ("3. Trách nhiệm của Ủy ban nhân
    dân các xã, phường, đặc khu", layout.yaml `party_heading_openings`), with no end mark and
    shorter than a wrapped line, over a line opening with a capital: two paragraphs."""
    if len(prev) >= 0.8 * width or prev.endswith((".", ",", ";", ":")) or _connector_end(prev):
        return False
    return starts_upper(line) and bool(_party_heading_re().match(prev))


@cache
def _dashed_names() -> tuple[tuple[str, str], ...]:
    pairs = (name.split(" - ", 1) for name in load_vocab("layout")["dashed_names"])
    return tuple((left, fold(right)) for left, right in pairs)


def _dashed_name(prev: str, line: str) -> bool:
    """A name with a dash inside wrapped before its dash (data/layout.yaml dashed_names);
    its first half as printed in a name ("Sở Kế hoạch", not "xây dựng kế hoạch")."""
    head = prev.rstrip()
    if not head.endswith(_dashed_lefts()):
        return False  # (one test for all the names' first halves, before the line is folded)
    tail = fold(line.lstrip("-–— \t"))
    return any(head.endswith(left) and tail.startswith(right) for left, right in _dashed_names())


@cache
def _dashed_lefts() -> tuple[str, ...]:
    return tuple(left for left, _ in _dashed_names())


def _opens_clause(line: str) -> bool:
    return bool(_STARTERS.match(line) or _DASH.match(line) or is_table_row(line))


def is_table_row(text: str) -> bool:
    """A table row rendered by the reader: cells joined by " | "."""
    return text.count(" | ") >= 2 or (text.startswith("|") and text.count("|") >= 3)


def _assemble(paras: list[str], footnotes: list[Footnote]) -> Normalized:
    out: list[Paragraph] = []
    pos = 0
    for text in paras:
        out.append(Paragraph(pos, pos + len(text), text))
        pos += len(text) + 1
    return Normalized("\n".join(paras), out, footnotes)
