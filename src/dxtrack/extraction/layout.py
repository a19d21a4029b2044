"""Layout stage: undo page layouts that hide paragraphs and table rows, before normalising.

Text copied from legal-document web sites (pages converted to Markdown) and text layers of
Công báo PDFs arrive with their layout flattened. Each rule is one row of `RULES` (name,
handler), applied in order to the raw lines; each has golden cases in
`tests/extraction/cases/layout/`:

    html_remnants          "<br>", "&nbsp;" left by a page   -> a line break, a space
    bullet_glyphs          "▪ Kiểm tra ...", Word's "\uf0b7"  -> "• Kiểm tra ..." ("○" -> "+")
    gazette_furniture      "CÔNG BÁO/Số .../Ngày ...", the portal's stamp -> dropped
    pandoc_tables          "+----+" grid, dash-segment tables -> "a | b | c" rows
    emphasis_across_lines  "**1. Sở Tài" / "chính:**"      -> the marks dropped
    lone_pipe_cells        a line holding only "|"          -> a paragraph break
    header_line_splits     "Số: 12/UBND-KT V/v ..."          -> number, subject lines
    crawler_artifacts      a crawler's page title before sections, glued item numbers
    tab_tables             STT<TAB>Nhiệm vụ<TAB>... pasted from Word -> "a | b | c" rows
    aligned_tables         STT   Nhiệm vụ   Cơ quan chủ trì ... in space-aligned columns
                                                                -> "a | b | c" rows
    one_cell_tables        STT / Nhiệm vụ / ... one cell per line -> "a | b | c" rows
    lone_markers           "2.", "1)", "(i)", "b/", "•" alone on a line -> it opens the next line
    glued_item_numbers     "... thông tin mạng1.1. Tuyên truyền ..." -> "1.1. Tuyên truyền ..."
                                                                opens a line of its own
    glued_capital_lines    "TỈNH LÂM ĐỒNGSố: ...", "KẾ HOẠCHTriển khai ...", "III. NHIỆM VỤ,
                           GIẢI PHÁP1. Nâng cao ..." -> the line in capitals ends there
    glued_body_names       "Bộ Tài nguyên và Môi trườngchủ trì" -> "... Môi trường chủ trì"
    glued_words            "Ủy ban nhândân tỉnh", "đềnghị các Sở" -> "nhân dân", "đề nghị"
    glued_commas           "... năm 2010,Phó Thủ tướng yêu cầu" -> "năm 2010, Phó Thủ tướng"

Blank lines are kept: `normalize` reads them as paragraph breaks (hard-wrapped paragraphs
separated by blank lines), except where the text plainly runs on (see `continues`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from dxtrack.extraction.layout_columns import rebuild_aligned_tables
from dxtrack.extraction.layout_pandoc import rebuild_pandoc_tables
from dxtrack.extraction.layout_tables import rebuild_tables
from dxtrack.extraction.layout_tabs import drop_gazette_furniture, rebuild_tab_tables
from dxtrack.extraction.textutil import holds_any
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

# "**" or "*" opening at a word start and closing at a word end (on a later line). Each
# pattern opens on its mark, with what may stand before it checked behind it ("(?<![\w*])\*\*"
# written "\*\*(?<![\w*]\*\*)"): the regex engine skips ahead from mark to mark instead of
# trying every position (tests/extraction/test_fast_paths.py holds both forms to one result).
_STRONG_EM = re.compile(r"\*\*\*(?<![\w*]\*\*\*)(?=[^\s*])([^*\n]*?[^\s*])\*\*\*(?![\w*])")
_STRONG_SPACED = re.compile(r"\*\*(?<![\w*]\*\*)[ \t]*([^*\n]*?[^\s*])[ \t]*\*\*(?![\w*])")
# "**8. **Thống nhất": pandoc closes the bold after the space before the next word
_STRONG_THEN_WORD = re.compile(r"\*\*(?<![\w*]\*\*)(?=[^\s*])([^*\n]*?[^\s*])[ \t]+\*\*(?=\w)")
_EM_UNDERSCORE = re.compile(r"_(?<![\w_]_)(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_STRONG = re.compile(r"\*\*(?<![\w*]\*\*)(?=[^\s*])([^*\n]*?[^\s*])\*\*(?![\w*])")
_EM_LINE = re.compile(r"\*(?<![\w*\\]\*)(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_STRONG_SPLIT = re.compile(
    r"\*\*(?<![\w*]\*\*)(?=[^\s*])([^*]{1,400}?\n[^*]{0,400}?)(?<=[^\s*])\*\*"
)
_EM_SPLIT = re.compile(r"\*(?<![\w*\\]\*)(?=[^\s*])([^*]{1,300}?\n[^*]{0,300}?)(?<=[^\s*])\*(?!\w)")
# A mark left alone at a line's edge by a split elsewhere ("**1. Sở X:" then a blank line).
_EDGE_MARK = re.compile(r"^(\s*)\*{1,2}(?=[^\s*])|(?<=[^\s*])\*{1,2}(\s*)$", re.MULTILINE)
_LONE_PIPE = re.compile(r"^\s*\|\s*$")
_EMPTY_EMPHASIS = re.compile(r"^\s*\*+(?:\s+\*+)+\s*$")  # "* *": bold around nothing
_ONE_WORD = re.compile(r"^\s*[^\s|]{1,12}\s*$")  # a cell's first word wrapped alone
_LEAD_PIPE = re.compile(r"^\s*\|\s+(?=\S)(?!.*\|\s*$)")
_TRAIL_PIPE = re.compile(r"(?<=\S)\s+\|\s*$")


def emphasis_across_lines(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Bold and italic marks split across line breaks: a bold heading "**1. Sở X:**"
    broken in two must not be read as a "*" list item."""
    if any("_" in line for line in lines):
        lines = [_EM_UNDERSCORE.sub(_underscore, line) if "_" in line else line for line in lines]
    if not any("*" in line for line in lines):
        return lines
    text = "\n".join("" if _EMPTY_EMPHASIS.match(line) else line for line in lines)
    # (each pattern, opening with a look-behind, is tried at every position of the text: it
    # is searched only where the text still holds the marks its matches need)
    if "***" in text:
        text = _STRONG_EM.sub(r"\1", text)
    if "**" in text:
        text = _STRONG.sub(r"\1", text)
    if "**" in text:
        text = _STRONG_THEN_WORD.sub(r"\1 ", text)
    if "**" in text:
        text = _STRONG_SPACED.sub(r"\1", text)  # "** 1. Sở X: **"
    if "*" in text:
        text = _EM_LINE.sub(r"\1", text)  # "*5 năm 2024*": the reader keeps marks around digits
    if "**" in text:
        text = _STRONG_SPLIT.sub(r"\1", text)
    if "*" in text:
        text = _EM_SPLIT.sub(r"\1", text)
    if "*" in text:
        text = _EDGE_MARK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return text.split("\n")


def _underscore(match: re.Match[str]) -> str:
    """ "_Hà Nội, ngày ..._" is italic; "_x_" in an identifier stays."""
    inner = match.group(1)
    return inner if " " in inner or not inner.isascii() else match.group(0)


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PANDOC_BREAK = re.compile(r"(?<![\\])\\(?=\s{2,}|\s*$)")
_INLINE_TAG = re.compile(
    r"</?(?:p|div|span|strong|em|b|i|u|sup|sub|font)\b[^<>]{0,200}>", re.IGNORECASE
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def html_remnants(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """HTML left in a page converted to text: "<br>" is a line break (a space inside a
    table row), inline tags go, entities ("&nbsp;", "&amp;") become their characters; a
    backslash ending a line (pandoc's line break) goes."""
    if not _holds(lines, "\\", "<", "&", "\n"):
        return lines  # (most texts: no line is changed)
    out: list[str] = []
    for line in lines:
        if "\\" in line:
            line = _PANDOC_BREAK.sub("", line)  # pandoc's hard line break, also in a cell
        if "<" in line or "&" in line:
            line = _INLINE_TAG.sub("", _BR.sub(" " if "|" in line else "\n", line))
            line = _ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
        out.extend(line.split("\n"))
    return out


@cache
def _bullet_glyph() -> tuple[re.Pattern[str], frozenset[str]]:
    data = load_vocab("layout")
    glyphs = "".join(data["bullets"]) + "".join(data["sub_bullets"])
    return re.compile(rf"^(\s*)([{re.escape(glyphs)}])[ \t]*(?=\S)"), frozenset(data["sub_bullets"])


def bullet_glyphs(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Bullets other than "-", "+", "•" at a line's start (data/layout.yaml `bullets`: "▪",
    "●", "➢", Word's Symbol bullet "\uf0b7" ...) are read as "•", the hollow ones of a
    second level ("○", "◦") as "+": list items like the dash items."""
    pattern, sub = _bullet_glyph()
    out: list[str] = []
    for line in lines:
        m = pattern.match(line) if line and not line[:1].isalnum() else None
        if m:
            line = f"{m.group(1)}{'+' if m.group(2) in sub else '•'} {line[m.end() :]}"
        out.append(line)
    return out


def lone_pipe_cells(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Table cells of a web page separated by lines holding only "|" (the letterhead,
    the number and the place-date line): each cell is its own paragraph."""
    if not any("|" in line for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        if _LONE_PIPE.match(line):
            out.append("")
            continue
        if out and _ONE_WORD.match(out[-1]) and (len(out) < 2 or not out[-2].strip()):
            out[-1] = f"{out[-1].strip()} {line.strip()}"  # "ỦY" / "BAN NHÂN DÂN" in a cell
            continue
        if _LEAD_PIPE.match(line) and line.count("|") < 2:  # not a row " | a | b"
            out.append("")
            line = _LEAD_PIPE.sub("", line)
        if _TRAIL_PIPE.search(line) and line.count("|") == 1:
            out.extend([_TRAIL_PIPE.sub("", line), ""])
            continue
        out.append(line)
    return out


_DATE_THEN_KINH_GUI = re.compile(r"(\bnăm\s+\d{4}\s*[.*]*)\s+(?=Kính\s+gửi\b)", re.IGNORECASE)
_NUMBER_THEN_SUBJECT = re.compile(
    r"^(\s*S[ốỐ]\s*[:.]?\s*[\w./\-&]*/[\w./\-&]+)\s+(?=V/v\b|Về\s+(?!việc\s+này)\w)"
)
_LOST_KINH = re.compile(r"^(\s*)gửi\s*:")
_HEADER_LINES = 40


def header_line_splits(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Two cells of the letterhead on one line: the number and its "V/v" subject, the
    place-date line and "Kính gửi" (web copies, flattened PDFs)."""
    out: list[str] = []
    for line in lines[:_HEADER_LINES]:
        # (each pattern tried only on a line holding what its match needs: "gửi", "ử" or "Ử"
        # (the pattern ignores case), an "S" with "ố" or "Ố")
        if "gửi" in line:
            line = _LOST_KINH.sub(r"\1Kính gửi:", line)  # OCR lost "Kính"
        if "ử" in line or "Ử" in line:
            line = _DATE_THEN_KINH_GUI.sub(r"\1\n", line)
        if "S" in line and ("ố" in line or "Ố" in line):
            line = _NUMBER_THEN_SUBJECT.sub(r"\1\n", line)
        out.extend(line.split("\n"))
    for line in lines[_HEADER_LINES:]:
        if "\n" in line:
            out.extend(line.split("\n"))
        else:
            out.append(line)
    return out


_TITLE_PREFIX = re.compile(r"^\s*([^\n.]{6,90}?\bnăm\s+\d{4})\.\s+(?=\S)")
_MARKER_AFTER_STOP = re.compile(r"(?<=[.:])\s+(?=(?:[IVX]{1,5}\.|Điều\s+\d+\.)\s)")
_NUMBER_AT_END = re.compile(r"\s+(\d{1,2}(?:\.\d{1,2})+\.?)\s*$")


def _title_prefix(line: str) -> re.Match[str] | None:
    """`_TITLE_PREFIX.match(line)`, tried only where "năm" comes before the line's first "."
    (the match's stop after the year is its first; nothing before it holds one)."""
    dot = line.find(".")
    if dot < 0:
        return None
    # (and within the group's 90 characters after the line's leading spaces)
    if line.find("năm", 0, min(dot, len(line) - len(line.lstrip()) + 93)) < 0:
        return None
    return _TITLE_PREFIX.match(line)


def _ends_number(line: str) -> bool:
    """What every `_NUMBER_AT_END` match needs: the line's last character other than a space
    is a digit or a "."."""
    last = line.rstrip()[-1:]
    return last == "." or last.isdecimal()


def crawler_artifacts(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Copies stored by site crawlers: the page title repeated before sections ("Quyết định
    435/QĐ-UBND năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG ...") is dropped and the
    section marker starts its line; an item number glued to the end of the heading above
    ("... quan hệ lao động 2.1.") opens the next line."""
    titled = {i: m for i, line in enumerate(lines) if (m := _title_prefix(line))}
    counts = Counter(m.group(1) for m in titled.values())
    repeated = {p for p, n in counts.items() if n >= 2}
    if not repeated:
        return list(lines)  # (most texts: no line is changed)
    out: list[str] = []
    carry = ""
    for i, line in enumerate(lines):
        m = titled.get(i)
        if m and m.group(1) in repeated:
            line = line[m.end() :]
            out.extend(_MARKER_AFTER_STOP.split(line)[:-1])
            line = _MARKER_AFTER_STOP.split(line)[-1]
        if carry and line.strip():
            line, carry = f"{carry} {line.lstrip()}", ""
        glued = _NUMBER_AT_END.search(line) if _ends_number(line) else None
        if glued and len(line) > 40:
            line, carry = line[: glued.start()], glued.group(1)
        out.append(line)
    if carry:
        out.append(carry)
    return out


def pandoc_tables(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Task tables of pages converted by pandoc: grid tables between "+---+" borders and
    multiline tables under dash segments, their cells wrapped over several lines."""
    return rebuild_pandoc_tables(lines)


def gazette_furniture(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """The Công báo's running page headers and the portal's e-signature stamp, dropped."""
    return drop_gazette_furniture(lines)


def tab_tables(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Tables pasted from Word as text: a tab between two cells of a row."""
    if not _holds(lines, "\t"):
        return lines  # no row without a tab (most texts)
    return rebuild_tab_tables(lines)


def aligned_tables(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Task tables of PDF text saved with its layout: columns as runs of spaces."""
    if not _holds(lines, "  ", "\t"):
        return lines  # no header band without a run of spaces or a tab
    return rebuild_aligned_tables(lines)


def _holds(lines: list[str], *marks: str) -> bool:
    """Some line holds one of the marks (none of which spans two lines): one test of the lines
    joined, not one of each line."""
    return holds_any("".join(lines), marks)


def one_cell_tables(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """Appendix task tables of PDFs with one cell (often one word) per line."""
    return rebuild_tables(lines, directory)


_LONE_MARKER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}[)/]|\((?:\d{1,2}|[ivx]{1,5})\)|[a-zđ][)/]"
    r"|[IVX]{1,5}[.)/]|(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]|•)\s*$"
)


_OPENS_CLAUSE = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)/]\s|\((?:\d{1,2}|[ivx]{1,5})\)\s|[a-zđ][)/]\s|[-–+•]\s)"
)


def lone_markers(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A clause marker alone on its line ("2." / "Giao Sở ...:", "1.4." / "Xây dựng ..."):
    it opens the next line's text."""
    out: list[str] = []
    marker = ""
    for line in lines:
        if _LONE_MARKER.match(line):
            if marker:
                out.append(marker)
            marker = line.strip()
            continue
        if marker and line.strip() and not _OPENS_CLAUSE.match(line):
            line, marker = f"{marker} {line.lstrip()}", ""
        elif marker and line.strip():  # "Điều 3." over "1. Chính phủ báo cáo ...": a title-less
            out.append(marker)  # article, its own paragraph
            marker = ""
        out.append(line)
    if marker:
        out.append(marker)
    return out


# a sub-item number glued to the last word of the text before it, with no space, then its
# title opening with a capital: "... năng lực về giám sát an toàn thông tin mạng1.1. Tuyên ..."
_GLUED_ITEM = re.compile(rf"(?<=[{LOWER}])(?=\d{{1,2}}\.\d{{1,2}}\.[ \t]+[{UPPER}])")
# whether a line holds one: the same place found from its first digit (the letter checked
# behind it), so that the search skips ahead from digit to digit instead of trying every
# position (tests/extraction/test_fast_paths.py holds both to one result)
_GLUED_ITEM_DIGIT = re.compile(rf"\d(?<=[{LOWER}]\d)(?=\d?\.\d{{1,2}}\.[ \t]+[{UPPER}])")


def glued_item_numbers(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A copy that lost the line break before a numbered sub-item ("1.1.", "2.3.") glues it
    to the heading above: it opens a line of its own. Only a two-level number right after
    a lower-case letter counts (a decimal or a date has a space or a digit before it)."""
    out: list[str] = []
    for line in lines:
        # every match is followed by a dot and a space or tab ("1.1. "): a line without one
        # (most lines) is not searched from digit to digit
        glued = (". " in line or ".\t" in line) and _GLUED_ITEM_DIGIT.search(line)
        out.extend(_GLUED_ITEM.split(line) if glued else [line])
    return out


# a line in capitals from its start (a letterhead, a type name, a section title) glued to the
# next line's text: a capitalised word ("ĐỒNGSố:", "HOẠCHTriển") or an item number ("PHÁP1. ")
_GLUED_CAPITALS = re.compile(
    rf"^([^{LOWER}]*?[{UPPER}][ \t]+[^{LOWER}]*?[{UPPER}]{{3}})"
    rf"(?=[{UPPER}][{LOWER}]|\d{{1,2}}\.[ \t]+[{UPPER}])"
)


def glued_capital_lines(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A copy that lost the line break after a line in capitals glues the next line to it
    ("ỦY BAN NHÂN DÂN TỈNH X" + "Số: ...", "KẾ HOẠCH" + "Triển khai ...", "III. NHIỆM VỤ" +
    "1. Nâng cao ..."): the capitals end their line. Only where the capitals run from the
    line's start over two words or more, the last of three capitals or more ("MOOCs" stays)."""
    out: list[str] = []
    for line in lines:
        m = _GLUED_CAPITALS.match(line)
        if m and m.group(1).strip():
            out.extend([m.group(1), line[m.end() :]])
        else:
            out.append(line)
    return out


# "Bộ", "Sở" before a name: where `glued_body_names` tries a ministry's or department's name
_BODY_HEAD = re.compile(r"(?:Bộ|Sở|BỘ|SỞ)[ \t]+")


@cache
def _glued_domain() -> re.Pattern[str]:
    """A ministry's or department's domain (agencies.yaml `domains`, `former_domains`), any
    case, right before a lower-case letter."""
    data = load_vocab("agencies")
    names = sorted({*data["domains"], *data["former_domains"]}, key=len, reverse=True)
    domains = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"(?:{domains})(?-i:(?=[{LOWER}]))", re.IGNORECASE)


@cache
def _glued_body() -> re.Pattern[str]:
    """`_BODY_HEAD` right before a `_glued_domain()`, over a whole text: where none is, no line
    has a name `glued_body_names` splits (a match inside a line is one in the text)."""
    return re.compile(rf"(?-i:{_BODY_HEAD.pattern})(?:{_glued_domain().pattern})", re.IGNORECASE)


def glued_body_names(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A web copy that lost the space after a ministry's or department's name glues it to the
    next word ("Bộ Tài nguyên và Môi trườngchủ trì", "Sở Y tếthực hiện"): the space is put
    back. No domain ends in a syllable that a lower-case letter can go on."""
    if not _glued_body().search("\n".join(lines)):
        return lines  # no name glued anywhere (most texts): one search, not one a line
    return [_unglued(line) for line in lines]


def _unglued(line: str) -> str:
    """The line with a space put back after each glued name (see `glued_body_names`)."""
    ends = [
        d.end()
        for m in _BODY_HEAD.finditer(line)
        if (m.start() == 0 or not line[m.start() - 1].isalnum())
        and (d := _glued_domain().match(line, m.end()))
    ]
    for end in reversed(ends):
        line = f"{line[:end]} {line[end:]}"
    return line


@cache
def _glued_word() -> re.Pattern[str]:
    """A common two-syllable word of the genre (layout.yaml `glued_words`) written as one
    token, any case; the look-ahead holds its second syllable, so the match ends between the
    two."""
    pairs = [word.split() for word in load_vocab("layout")["glued_words"]]
    words = "|".join(rf"{re.escape(a)}(?={re.escape(b)}(?!\w))" for a, b in pairs)
    return re.compile(rf"(?<!\w)(?:{words})", re.IGNORECASE)


def glued_words(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A web copy that dropped the space between the two syllables of a word ("Ủy ban
    nhândân tỉnh", "đềnghị các Sở", "tổ chức thựchiện"): the space is put back. Vietnamese
    writes every syllable apart, so such a token is never a word of its own."""
    if not _may_glue("\n".join(lines)):
        return lines  # no glued word anywhere (most texts): the lines are not searched
    pattern = _glued_word()
    return [pattern.sub(r"\g<0> ", line) if pattern.search(line) else line for line in lines]


# the characters `re.IGNORECASE` matches to a letter of another lower case ("İ" to "i", "ı" to
# "i", "ſ" to "s"): a text holding one is searched with the pattern
_CASE_ODD = "İıſ"


@cache
def _glued_tokens() -> tuple[str, ...]:
    """The glued words (layout.yaml `glued_words`) in lower case without their space."""
    return tuple("".join(word.split()).lower() for word in load_vocab("layout")["glued_words"])


def _may_glue(text: str) -> bool:
    """The text can hold a `_glued_word()` match: its lower case holds a glued word (a few
    substring tests over the text, not a case-blind search at every position of each line)."""
    if any(c in text for c in _CASE_ODD):
        return True
    low = text.lower()
    return any(token in low for token in _glued_tokens())


# a comma between a lower-case letter or a digit and a capitalised word, with no space
# ("(?<=[LOWER\d]),(?=...)" with the comma first and what comes before checked behind it, so
# that the regex engine skips ahead from comma to comma; test_fast_paths.py holds both to one
# result)
_GLUED_COMMA = re.compile(rf",(?<=[{LOWER}\d],)(?=[{UPPER}][{LOWER}])")
GLUED_COMMA_PLAIN = rf"(?<=[{LOWER}\d]),(?=[{UPPER}][{LOWER}])"


def glued_commas(lines: list[str], directory: tuple[str, ...]) -> list[str]:
    """A web copy that dropped the space after a comma glues a clause to the next one's
    capitalised word ("Về ... năm 2010,Phó Thủ tướng yêu cầu ...", "Sở A,Sở B"): the space is
    put back. A comma inside an abbreviation ("KH,CN") or a number ("1,5") stays."""
    if not _GLUED_COMMA.search("\n".join(lines)):
        return lines  # no comma glued anywhere (most texts): one search, not one a line
    return [_GLUED_COMMA.sub(", ", line) if "," in line else line for line in lines]


Rule = Callable[[list[str], tuple[str, ...]], list[str]]
RULES: list[tuple[str, Rule]] = [
    ("html_remnants", html_remnants),
    ("bullet_glyphs", bullet_glyphs),
    ("gazette_furniture", gazette_furniture),
    ("pandoc_tables", pandoc_tables),
    ("emphasis_across_lines", emphasis_across_lines),
    ("lone_pipe_cells", lone_pipe_cells),
    ("header_line_splits", header_line_splits),
    ("crawler_artifacts", crawler_artifacts),
    ("tab_tables", tab_tables),
    ("aligned_tables", aligned_tables),
    ("one_cell_tables", one_cell_tables),
    ("glued_capital_lines", glued_capital_lines),
    ("lone_markers", lone_markers),
    ("glued_item_numbers", glued_item_numbers),
    ("glued_body_names", glued_body_names),
    ("glued_words", glued_words),
    ("glued_commas", glued_commas),
]


def undo_layout(text: str, directory: tuple[str, ...] = ()) -> str:
    lines = text.split("\n")
    for _name, rule in RULES:
        lines = rule(lines, directory)
    return "\n".join(lines)


_TERMINAL = (".", ";", ":", "!", "?", ".”", '."', "./.", ";”")
_SPLIT_DATE = re.compile(r",\s*ngày\s+[\d.…\s]*tháng\s+[\d.…\s]*$", re.IGNORECASE)
_YEAR_START = re.compile(r"^năm\s+\d{4}", re.IGNORECASE)


def continues(prev: str, line: str, width: int) -> bool:
    """Across a blank line, `line` still belongs to `prev`'s paragraph: the italic
    place-and-date line broken in two ("Hà Nội, ngày 5 tháng 3" / "năm 2025"), a sentence
    cut mid-way (no closing punctuation, the next line in lower case), or a full-width
    line without punctuation followed by a line that opens no clause (a page break)."""
    # (the anchored match first, tried only on a line opening with its "n")
    if line[:1] in "nN" and _YEAR_START.match(line) and _SPLIT_DATE.search(prev):
        return True
    if not prev or prev.endswith(_TERMINAL) or not line:
        return False
    if line[0].isalpha() and line[0].islower():  # (its first letter or digit is line[0])
        return True
    return len(prev) >= 0.9 * width and line[0].isalpha() and prev[-1].isalpha()
