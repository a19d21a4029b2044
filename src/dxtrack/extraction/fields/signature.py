"""The signer: the first signature block after the body of the issuing document.

A decision that issues a plan, a guide or a Quy chế may be followed by it, with a signature
of its own: the first block after the body wins, not the last one of the file. The block
opens at "Nơi nhận:", a "KT."/"TM."/"TL."/"Q." line or a bare title line ("CHỦ TỊCH"), and
runs until the attachment's own title. Its lines are read without Markdown marks (a web
copy's "* *" and "|"), "(đã ký)" marks and e-signature stamp lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack import vn
from dxtrack.extraction.textutil import CLOSING_LINE, holds_any, is_upper_line
from dxtrack.extraction.vocab import load as load_vocab

SIGN_PREFIX = re.compile(r"^(?:(?:KT|TM|TL|TUQ|Q|UQ)\s?\.|T/M\s)\s*", re.IGNORECASE)
# A person's name; a web copy may split its first syllable ("Đặ ng Văn Minh", "Ngu y ễn Hữu
# Tín"); a name of the Central Highlands opens with a one-letter word ("Y Thanh Hà Niê Kđăm").
# A name of the Central Highlands may hold an apostrophe after its first letter ("H'Yim
# Kđoh", "Điểu K'Ré").
_PERSON = (
    rf"(?:[{vn.UPPER}](?:['’][{vn.UPPER}])?[{vn.LOWER}]+|(?<!\w)[{vn.UPPER}](?=\s))"
    rf"(?:\s[{vn.LOWER}]{{1,2}}){{0,2}}"
    rf"(?:\s+[{vn.UPPER}](?:['’][{vn.UPPER}])?[{vn.LOWER}]+){{1,5}}"
)
_NAME = re.compile(rf"^{_PERSON}$")
_MARKS = re.compile(
    r"[*_|`]+|\\(?=[.\-*\s]|$)|^#{1,6}\s+|&nbsp;"
)  # emphasis, cell bars, code fences, escapes, hard breaks
# "(Đã ký)", "[đã ký]", a web copy's "[daky]", "(Đã ký và đóng dấu)", "[Chữ ký số]", or "Đã ký"
# opening the name's line.
_SIGNED = re.compile(
    r"[(\[]\s*(?:đã\s*ký|da\s*ky|chữ\s+ký\s+số|ký\s+số)[^()\[\]\n]{0,30}[)\]]|^đã\s+ký\s*[:.]?\s*",
    re.IGNORECASE,
)
# A character that every _MARKS match and every _SIGNED match not at the start holds.
_MARK_CHARS = "*_|`\\#&(["
_MARKED = re.compile(f"[{re.escape(_MARK_CHARS)}]")


# A character every _MARKS match holds, but one opening the line ("# ", a heading's)
_MARKS_HOLD = "*_|`\\&"


def _unmarked(line: str) -> str:
    """`" ".join(_MARKS.sub(" ", _SIGNED.sub(" ", line)).split())`, each step taken only where
    it can change something (both patterns try every place of the line)."""
    if holds_any(line, _MARK_CHARS) or line.startswith(("đ", "Đ")):
        if ("(" in line or "[" in line or line.startswith(("đ", "Đ"))) and (
            "ký" in (low := line.lower()) or "ky" in low
        ):
            line = _SIGNED.sub(" ", line)  # (every match holds "ký" or "ky" in some case)
        if line.startswith("#") or any(c in line for c in _MARKS_HOLD):
            line = _MARKS.sub(" ", line)
    return _single_spaced(line)


def _single_spaced(line: str) -> str:
    """`" ".join(line.split())`; the line itself when that changes nothing (most lines: these
    tests cost less than the split): no space at either end, no two in a row, and no other
    space character (none is printable)."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


_STAMP = re.compile(
    r"^(?:Ký\s+bởi|Người\s+ký|Email|E-mail|Cơ\s+quan|Địa\s+chỉ|Thời\s+gian\s+ký|Ngày\s+ký)\s*:",
    re.IGNORECASE,
)
_TITLES = (
    r"(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN"
    r"|CHỦ\s+NHIỆM|THỦ\s+TƯỚNG|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|BÍ\s+THƯ"
    r"|CHÁNH\s+THANH\s+TRA|TỔNG\s+GIÁM\s+ĐỐC|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|CHI\s+CỤC"
    r"\s+TRƯỞNG|TỔNG\s+THANH\s+TRA|TRƯỞNG\s+CÔNG\s+AN|CHỈ\s+HUY\s+TRƯỞNG|THỦ\s+TRƯỞNG)"
)
# A title line a web copy printed in normal case ("Chủ tịch", "KT. Giám đốc" / "Phó Giám đốc"),
# the whole line.
_CASED_TITLE = re.compile(rf"(?:(?:KT|TM|TL)\.\s*)?{_TITLES}", re.IGNORECASE)
_LAST_TITLE = re.compile(
    _TITLES + r"(?!.*(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG|CHỦ\s+NHIỆM|THỦ\s+TƯỚNG|BÍ\s+THƯ)).*$"
)
# A title a copy spaced apart inside its words ("P HÓ CHỦ T Ị CH"), compared without spaces.
_SPACELESS_TITLE = re.compile(_TITLES.replace(r"\s+", ""))
_BARE_TITLE = re.compile(rf"^(?:{_TITLES}|ỦY\s+VIÊN)(?:[\s,]+[{vn.UPPER} ,]*)?$")
_TITLE_NAME = re.compile(
    rf"^(?P<title>(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[{vn.UPPER}][{vn.UPPER} ,.\-–]+?)\s+"
    rf"(?P<name>{_PERSON})$"
)
# An attachment's own title ends the block: "KẾ HOẠCH", "PHỤ LỤC", "QUY CHẾ", "HƯỚNG DẪN".
_ATTACHMENT = re.compile(
    r"^(?:KẾ\s+HOẠCH|PHỤ\s+LỤC|QUY\s+CHẾ|QUY\s+ĐỊNH|HƯỚNG\s+DẪN|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|DANH\s+MỤC"
    r"|DANH\s+SÁCH|Phụ\s+lục)\b"
)
_LUU = re.compile(r"^Lưu\b", re.IGNORECASE)  # "Lưu: VT, KHCN." ends the Nơi nhận list
_NAME_TITLE = re.compile(
    rf"^((?:[{vn.UPPER}][{vn.LOWER}]+\s+){{1,5}}[{vn.UPPER}][{vn.LOWER}]+)\s+[{vn.UPPER}][{vn.UPPER} ,.]{{3,}}$"
)
_STAMP_TAIL = re.compile(
    rf"(?:[+-]\d{{2}}:?\d{{2}}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?)\s+((?:[{vn.UPPER}][{vn.LOWER}]+\s+){{1,5}}[{vn.UPPER}][{vn.LOWER}]+)$"
)
_WINDOW = 45  # lines from the block's first line (a long Nơi nhận list sits inside it)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Family names without diacritics ("nguyen", "tran"): an OCR'd name keeps its letters."""
    return frozenset(vn.fold(s, accents=False) for s in load_vocab("metadata")["surnames"])


# "(?<=[{vn.LOWER}])[!'’]|\s+[{vn.LOWER}]$", opening with the class of the characters it can start
# with (the regex engine skips ahead to those) and each form checking its own behind.
_SPECKS = re.compile(rf"[!'’\s](?:(?<=[{vn.LOWER}].)(?<=[!'’])|(?<=\s)\s*[{vn.LOWER}]$)")


def clean(line: str) -> str:
    """A closing line without Markdown marks, "(đã ký)" marks and doubled spaces; an
    e-signature stamp gives only the name a reader glued after it ("Thời gian ký: 12.03.2025
    10:20:00 +07:00 Nguyễn Văn A")."""
    line = _unmarked(line)
    if (
        # what a speck can be: one of these, or a letter alone at the end (the line's only
        # spaces are single ones now)
        ("!" in line or "'" in line or "’" in line or line[-2:-1] == " ")
        and _SPECKS.search(line)
        and _NAME.match(spotless := _SPECKS.sub("", line))
    ):
        return spotless  # OCR's specks on the name's line: "Dang! Ngọc Minh", "... Tuấn w"
    if _STAMP.match(line):
        tail = _STAMP_TAIL.search(line)
        return tail.group(1) if tail else ""
    if line[1:2] == " " and line[2:3].islower() and line[:1].isupper():
        whole = line[0] + line[2:]  # "N guyễn Văn A": a copy broke the name after its letter
        if _family_name(whole):
            return whole
    return unranked(line)


@lru_cache(maxsize=1)
def _name_prefix() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The rank and degree words before a name (metadata.yaml `name_prefixes`): their first
    letters (a cheap test) and one pattern, longest first."""
    words = sorted(load_vocab("metadata")["name_prefixes"], key=len, reverse=True)
    spaced = (r"\s*".join(map(re.escape, w.split())) for w in words)
    return tuple({w[0] for w in words}), re.compile(rf"^(?:{'|'.join(spaced)})\s*(?=[{vn.UPPER}])")


def unranked(line: str) -> str:
    """A name line without the rank or degree before the name ("Đại tá Lê Văn A", "ThS. Trần
    Thị B" -> the name); other lines as they are."""
    first, pattern = _name_prefix()
    if line.startswith(first) and (m := pattern.match(line)) and _NAME.match(line[m.end() :]):
        return line[m.end() :]
    return line


def _upper_name(line: str) -> bool:
    """A name printed in capitals ("NGUYỄN THANH BÌNH"): two to six words, a family name first,
    no title word."""
    words = line.split()
    return (
        line.isupper()
        and 2 <= len(words) <= 6
        and _family_name(" ".join(w.capitalize() for w in words))
        and not (_LAST_TITLE.search(line) or _BARE_TITLE.match(line) or SIGN_PREFIX.match(line))
    )


def find_signer(paras: list[str], body_start: int) -> dict[str, str | None] | None:
    """The signer of the first signature block after the body, else the last name-shaped
    line with a title above it in the last 40 lines."""
    # the head's lines are only counted (nothing before the body is read); the body's are
    # cleaned as far as they are read: up to the block's first line and its window, all of
    # them only when the block gives no signer
    lines = list(paras[:body_start])
    rest = iter(paras[body_start:])
    start = None
    for p in rest:
        for part in _glued_signer(clean(p)):
            if start is None and _opens_block(part):
                start = len(lines)
            lines.append(part)
        if start is not None:
            break
    if start is not None:
        while len(lines) < start + _WINDOW and (para := next(rest, None)) is not None:
            lines += _glued_signer(clean(para))
        end = _block_end(lines, start)  # (the same with every line: it reads up to the window)
        if found := _signer_in(lines, start, end) or _untitled(lines, start, end):
            return found
    lines += [part for p in rest for part in _glued_signer(clean(p))]
    return _signer_in(lines, max(body_start, len(lines) - 40), len(lines), backwards=True)


# A title and a name glued at the end of the Nơi nhận list by a copy that flattened the
# closing table ("... - Lưu: VT, KGVX (5b) THỦ TƯỚNG Nguyễn Tấn Dũng").
_GLUED_SIGNER = re.compile(
    rf"(?<=\s)(?P<title>(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[{vn.UPPER}][{vn.UPPER} ,.]*?)\s+(?P<name>{_PERSON})$"
)


# The last letter of a person's name, where both _TITLE_NAME and _GLUED_SIGNER end.
_NAME_END = re.compile(rf"[{vn.LOWER}]$")


# A title and its name with no space between, a copy's table cells joined ("PHÓ CHỦ
# NHIỆMNguyễn Văn A"): the last capital before the first lower-case letter opens the name.
_NO_SPACE_SIGNER = re.compile(
    rf"^(?P<title>(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[{vn.UPPER}][{vn.UPPER} ,.]*[{vn.UPPER}])(?P<name>{_PERSON})$"
)


def _glued_signer(line: str) -> list[str]:
    if not _NAME_END.search(line, max(0, len(line) - 2)):
        return [line]  # no name at its end (most lines): neither pattern can match
    if (
        (bare := _NO_SPACE_SIGNER.match(line))
        and _LAST_TITLE.search(bare.group("title"))
        and _family_name(bare.group("name"))
    ):
        return [bare.group("title"), bare.group("name")]
    m = _GLUED_SIGNER.search(line) if not _TITLE_NAME.match(line) else None
    if not m or not is_upper_line(m.group("title")) or not _titled(m.group("title")):
        return [line]
    return [line[: m.start()].rstrip(), line[m.start() :]]


def _titled(text: str) -> bool:
    """The text in capitals ends with a signer's title, also one spaced apart."""
    return bool(_LAST_TITLE.search(text) or _SPACELESS_TITLE.search(text.replace(" ", "")))


def _opens_block(line: str) -> bool:
    """The line opens a signature block: "Nơi nhận:", a "KT."/"TM." line, a bare title."""
    return bool(CLOSING_LINE.match(line) or SIGN_PREFIX.match(line) or _BARE_TITLE.match(line))


def _block_end(lines: list[str], start: int) -> int:
    for i in range(start + 1, min(len(lines), start + _WINDOW)):
        if _ATTACHMENT.match(lines[i]) and not _TITLE_NAME.match(lines[i]):
            return i
    return min(len(lines), start + _WINDOW)


def _signer_in(
    lines: list[str], lo: int, hi: int, *, backwards: bool = False
) -> dict[str, str | None] | None:
    order = range(hi - 1, lo - 1, -1) if backwards else range(lo, hi)
    for i in order:
        line = lines[i]
        if (_NAME.match(line) and not is_upper_line(line)) or _upper_name(line):
            title = _title_above(lines, i, lo)
            if title:
                return {"name": _wrapped_family(lines, i, lo, line), "title": title}
        if (after := _NAME_TITLE.match(line)) and _family_name(after.group(1)):
            title = _title_above(lines, i, lo)  # "Nguyễn Minh    CHỦ TỊCH": a cell read across
            if title:
                return {"name": after.group(1), "title": title}
        joined = _TITLE_NAME.match(line)
        if joined and is_upper_line(joined.group("title")):
            title, name = _split_title_name(joined.group("title"), joined.group("name"))
            name = unranked(name)  # "GIÁM ĐỐC Đại tá Lê Văn A": the rank read as a syllable
            last = _LAST_TITLE.search(title)
            title = last.group(0) if last else SIGN_PREFIX.sub("", title)
            return {"name": name, "title": " ".join(title.split())}
    return None


def _wrapped_family(lines: list[str], i: int, lo: int, name: str) -> str:
    """A family name alone on the line above the rest of the name, the cell's line wrapped
    ("Nguyễn" / "Cao Lục"): the whole name."""
    above = lines[i - 1].strip() if i > lo else ""
    if (
        above.istitle()
        and " " not in above
        and len(name.split()) <= 3
        and vn.fold(above, accents=False) in _surnames()
    ):
        return f"{above} {name}"
    return name


def _split_title_name(title: str, name: str) -> tuple[str, str]:
    """A title word in capitals that the name's pattern took ("ĐẦU TƯ" / "Lê Văn Hùng": "Ư"
    falls in the lower-case range) goes back to the title."""
    first, _, rest = name.partition(" ")
    while first.isupper() and _NAME.match(rest):
        title, name = f"{title} {first}", rest
        first, _, rest = name.partition(" ")
    return title, name


def _untitled(lines: list[str], lo: int, hi: int) -> dict[str, str | None] | None:
    """A name right after the Nơi nhận list whose title line was lost (OCR, a page layout):
    it opens with a family name ("Nguyễn", or "Tran" without its diacritics)."""
    for i in range(lo + 1, hi):
        line = lines[i]
        if _family_name(line) and _after_list(lines, i, lo):
            return {"name": line, "title": None}
        item = line.startswith(("-", "+")) or _after_list(lines, i, lo)  # or its wrapped end
        # "- Lưu: VT.      Tô Lâm", two columns on one line; the whole name first ("Lê Văn
        # Thành", not "Văn Thành" after a speck "Lê": "Văn" is a family name too)
        for pattern in (_ITEM_TAIL_NAME, _ITEM_TAIL):
            tail = pattern.search(line)
            if tail and item and _family_name(tail.group(1)):
                return {"name": tail.group(1), "title": _title_above(lines, i, lo)}
    return None


_TAIL_NAME = rf"((?:[{vn.UPPER}][{vn.LOWER}]+\s+){{1,4}}[{vn.UPPER}][{vn.LOWER}]+)$"
_ITEM_TAIL_NAME = re.compile(rf"[.;,)]\s+{_TAIL_NAME}")
# OCR's specks (up to three tokens of one to three characters: "ACO b ik") may sit between
_ITEM_TAIL = re.compile(rf"[.;,)](?:\s+\S{{1,3}}){{0,3}}\s+{_TAIL_NAME}")


def _family_name(text: str) -> bool:
    return bool(_NAME.match(text)) and vn.fold(text.split()[0], accents=False) in _surnames()


def _after_list(lines: list[str], i: int, lo: int) -> bool:
    """Line i follows a Nơi nhận item ("- Lưu: VT.") or a signing line, stamps and OCR's
    specks skipped."""
    for j in range(i - 1, lo - 1, -1):
        if len(lines[j]) <= 3 or _STAMP.match(lines[j]):
            continue  # empty, a stamp, or OCR's specks ("ik", "ff")
        return lines[j].startswith(("-", "+", "~", "•")) or bool(
            CLOSING_LINE.match(lines[j])
            or SIGN_PREFIX.match(lines[j])
            or is_upper_line(lines[j])
            # a Nơi nhận item whose dash a web copy lost: "Bộ Giáo dục và Đào tạo;"
            or lines[j].endswith(";")
        )
    return False


def _title_above(lines: list[str], i: int, lo: int = 0) -> str | None:
    """The title line above a signer's name: any all-caps line end within five lines, or
    further up (a layout that pushed the title onto a long Nơi nhận list) one that names
    an office ("- Chủ tịch UBND tỉnh;    PHÓ CHỦ TỊCH"). A lone "KT. BỘ TRƯỞNG" (the
    deputy's own title lost) gives its office."""
    prefixed = None
    for j in range(i - 1, max(i - 13, lo - 1, -1), -1):
        if i - j <= 5 and not lines[j].isupper() and _CASED_TITLE.fullmatch(lines[j]):
            return lines[j]  # "Chủ tịch" / "(Đã ký)" / "Đào An": a copy's title in normal case
        # "BỘ TRƯỞNG, CHỦ NHIỆM": one title of two offices, the comma inside it
        m = re.search(rf"((?:[{vn.UPPER}]+\.?(?:,(?=\s))?\s*){{1,8}})$", lines[j])
        if not m or not is_upper_line(m.group(1)):
            continue
        if SIGN_PREFIX.match(m.group(1)):
            prefixed = prefixed or SIGN_PREFIX.sub("", m.group(1))
            continue
        item = lines[j].startswith(("-", "+", "~", "•")) or _LUU.match(lines[j])
        if (i - j <= 5 and not item) or _LAST_TITLE.search(m.group(1)):
            title = " ".join(m.group(1).split())
            last = _LAST_TITLE.search(title)
            if last and last.start() > 0 and title[last.start() - 1] != " ":
                return last.group(0)  # "CHỦ NHIỆMPHÓ CHỦ NHIỆM": two title cells glued
            return title
    if not prefixed or not is_upper_line(prefixed):
        return None
    last = _LAST_TITLE.search(prefixed)  # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line
    return " ".join((last.group(0) if last else prefixed).split())
