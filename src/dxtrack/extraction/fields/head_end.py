"""Where a document's head ends and its body starts (metadata stage).

The head is the letterhead, the number, place and date, the type name and the subject;
`head_end` finds the first body paragraph: "Kính gửi", a body opening ("Căn cứ",
"Thực hiện", ...) that is not a subject under the type name, a paragraph of sentences, a
numbered section, or failing those the first full sentence after the date line. The
patterns of head lines (`NUMBER`, `SUBJECT`, `KINH_GUI`, `BODY_START`) and the type names
printed as a title (`title_type`) are shared with `fields/metadata.py`, which reads the
head's lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack import vn
from dxtrack.extraction.fields.dateline import find_place_date
from dxtrack.extraction.textutil import fold, is_upper_line, starts_upper
from dxtrack.extraction.vocab import load as load_vocab

# "Số: 12/UBND-VP"; OCR prints digits spaced ("8 5 2 0/BCT") or as letters ("II/2026/QĐ"),
# "Số:" as "Sé:", "Sô:", "Sổ:", "S6:" or "So:", and "số:" in lower case; a draft's number left as dots or
# underscores ("Số: ......./KH-UBND") keeps its symbol.
NUMBER = re.compile(
    r"(?:^|\s)(?:S[ốỐ](?:\s+hiệu)?\s*[:.]?|S[éôổỏóo6]?\s*:|số\s*:)\s*(?:[.…_]+\s*(?=/))?"
    # an old number whose type code follows the digits after a space ("Số: 05 QĐ/UB")
    r"((?:\d+\s[A-ZĐ]{2,4}(?=\s*/)|\d+(?:\.\d+)*(?:\s\d+)*|[0-9A-ZĐØ]{1,6})?"
    # (a code's letters stop before a subject's "V/v" glued to it: "/UBND-NCKSV/v rà soát")
    r"(?:\s*-\s*[A-ZĐ][A-Za-zĐđ]*)?\s*/\s*(?:(?!V/v\s)[A-ZĐa-zđ0-9&.])+"
    r"(?:\s?[-–/]\s*(?:(?!V/v\s)[A-ZĐa-zđ0-9&.])+"
    # a department's Roman numeral parted by a copy's space ("1838/VPCP-V .III")
    r"|\s\.[IVX]{1,4}\b)*"
    # a code a copy spaced apart after its first letter ("3210/QĐ - U B ND")
    r"(?:(?<=[-–/\s][A-ZĐ])(?:\s[A-ZĐ]{1,3}(?![\w/])){1,3})?)"
)
# "V/v", "Về việc", "Về:", a copy's "Vv"; OCR's "V/ v", "V.v", "V/y"; a portal's "Trích yếu:" label
SUBJECT = re.compile(
    r"^(?:(?:V/v|Về\s+việc|V/V|V/\sv|V\s/v|V\.v|V/y|Vv|Về(?=\s*:))\b\s*:?|Trích\s+yếu\s*:)\s*",
    re.IGNORECASE,
)
KINH_GUI = re.compile(r"^(?:Kính\s+gửi\s*:?|gửi\s*:)\s*", re.IGNORECASE)  # OCR: "gửi:"
BODY_START = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Theo|Trên\s+cơ\s+sở|Ngày\s+\d|Nhằm"
    r"|Để|Sau\s+khi|Tiếp\s+theo|Hiện\s+nay|Phó\s+Thủ\s+tướng|Thủ\s+tướng)\b"
)


# A numbered section opens the body: "II. NHIỆM VỤ", "1. Sở Y tế", "Điều 2. ...", also glued
# ("II.NHIỆM VỤ", "1.Sở Y tế") or an article in capitals ("ĐIỀU 2."); "A. MỤC TIÊU", a
# capital-letter section over Roman ones (`_capital_section`).
_NUMBERED = re.compile(
    rf"^(?:(?:[IVX]+|\d+|(?:Điều|ĐIỀU)\s+\d+)\.\s|[IVX]+\.(?=[{vn.UPPER}]{{2}})|\d{{1,2}}\.(?=[{vn.UPPER}]))"
)
_SECTION = re.compile(r"^[A-HĐ]\.\s+(?=\S)")


@lru_cache(maxsize=1)
def _section_words() -> tuple[frozenset[str], re.Pattern[str]]:
    v = load_vocab("metadata")
    heads = "|".join(re.escape(fold(h)) for h in v["section_title_heads"])
    return frozenset(fold(w) for w in v["section_title_words"]), re.compile(rf"\b(?:{heads})\b")


def section_title(line: str) -> bool:
    """A plan's section title in capitals printed without its numeral ("MỤC ĐÍCH, YÊU CẦU",
    "TỔ CHỨC THỰC HIỆN"): every word a section word (data/metadata.yaml)."""
    if len(line) > 60 or not is_upper_line(line):
        return False
    words, heads = _section_words()
    folded = fold(line.strip(" :.*#"))
    return all(w in words for w in re.findall(r"\w+", folded)) and bool(heads.search(folded))


def _capital_section(line: str) -> bool:
    m = _SECTION.match(line)
    return m is not None and is_upper_line(line[m.end() :])


@lru_cache(maxsize=1)
def _title_types() -> dict[str, str]:
    """Type names printed as a title, by their folded form and by their form without
    diacritics (an OCR'd title: "QUYÉT ĐỊNH", "KE HOACH")."""
    vocab = load_vocab("vocab")
    types = {fold(t): t for t in vocab["title_types"]}
    return {**{vn.fold(t, accents=False): t for t in vocab["title_types"]}, **types}


@lru_cache(maxsize=1)
def _spaced_types() -> dict[str, str]:
    """Type names by their folded letters without spaces."""
    return {k.replace(" ", ""): t for k, t in _title_types().items()}


def title_type(key: str) -> str | None:
    """The type a folded title line names; also when a PDF copy spaced its letters apart
    ("K Ế HO ẠCH", "QUY ẾT ĐỊNH"): the same letters without the spaces."""
    types = _title_types()
    found = types.get(key) or types.get(vn.fold(key, accents=False))
    if found or " " not in key:
        return found
    return _spaced_types().get(key.replace(" ", ""))


@lru_cache(maxsize=1)
def _stamps() -> frozenset[str]:
    return frozenset(fold(s) for s in load_vocab("metadata")["head_stamps"])


def stamp(line: str) -> bool:
    """An urgency, secrecy or draft mark on a line of its own ("KHẨN", "(Dự thảo)"): no
    part of the issuer nor of the subject (data/metadata.yaml `head_stamps`)."""
    return len(line) < 30 and fold(line.strip(" ()[]*_-.")) in _stamps()


def _above(lines: list[str], i: int) -> str:
    """The head line above line i, a stamp between them skipped ("KẾ HOẠCH" / "(Dự thảo)")."""
    j = i - 1
    while j > 0 and stamp(lines[j]):
        j -= 1
    return lines[j]


def head_end(lines: list[str]) -> int:
    """Index of the first paragraph that is body text (or Kính gửi)."""
    for i, line in enumerate(lines[:40]):
        if KINH_GUI.match(line):
            return i
    for i, line in enumerate(lines[:60]):
        if (
            BODY_START.match(line)
            and not (i and subject_under_title(_above(lines, i), line))
            and not (i and SUBJECT.match(lines[i - 1]) and subject_line(lines, i))
        ):
            return i
        if (
            i
            and prose(line, after_title=_is_title(lines[i - 1]))
            and not find_place_date(line)
            and not head_follows(lines, i)
        ):
            return i  # a paragraph of sentences, even right under the subject
        if (
            _NUMBERED.match(line)
            or _capital_section(line)
            or (i > 1 and section_title(line) and not _is_title(_above(lines, i)))
            or (
                len(line) > 90
                and not is_upper_line(line)
                and not SUBJECT.match(line)
                and not find_place_date(line)
                and not typed_lower(line)
                and not (i and (SUBJECT.match(lines[i - 1]) or is_upper_line(lines[i - 1])))
                and not (i and _typed_goes_on(lines[i - 1], line))
                and not (i and _date_goes_on(lines[i - 1], line))
                and not _letterhead_follows(lines, i)
            )
        ):
            return i
    dated = next((i for i, ln in enumerate(lines[:30]) if find_place_date(ln)), None)
    for i in range(dated + 1 if dated is not None else 0, min(len(lines), 60)):
        if dated is not None and _is_sentence(lines[i]) and not SUBJECT.match(lines[i - 1]):
            return i  # no body-opening phrase: the first full sentence ("UBND tỉnh ban hành ...")
    return _after_head_lines(lines)


# a line ending on "ngày" that waits for its date, and a line opening with that date
_WAITING_DAY = re.compile(r"\bngày\s*$")
_DAY_FIRST = re.compile(r"^\s*\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|tháng\s+\d)")


def _date_goes_on(above: str, line: str) -> bool:
    """A subject wrapped inside a cited date ("... Quy định số 189-QĐ/TW, ngày" / "08/10/2024
    của Bộ Chính trị về ..."): the line goes on with the date the line above announces."""
    return bool(_WAITING_DAY.search(above) and _DAY_FIRST.match(line))


def _typed_goes_on(above: str, line: str) -> bool:
    """The second line of a subject in normal case under its type name ("KẾ HOẠCH triển khai
    Nghị quyết số 57-NQ/TW" / "của Bộ Chính trị về ... quốc gia"): no punctuation ends
    either line."""
    return (
        typed_lower(above) is not None
        and not above.rstrip().endswith((".", ":", ";", ","))
        and not line.rstrip().endswith((".", ":", ";"))
    )


def _after_head_lines(lines: list[str]) -> int:
    """A short text none of the rules above opens (one short sentence after the subject):
    the line after the last head line among the first ones (the number, the place-date, a
    type title with its subject line, a "V/v" subject with its lower-case continuation)."""
    last = -1
    for i, line in enumerate(lines[:12]):
        if KINH_GUI.match(line):
            break
        if NUMBER.search(line) or find_place_date(line) or SUBJECT.match(line) or _is_title(line):
            last = i
    if last < 0:
        return 0
    if _is_title(lines[last]) and last + 1 < len(lines):
        last += 1  # the subject under the type name
    while last + 1 < len(lines) and lines[last + 1][:1].islower():
        last += 1  # "V/v nộp báo cáo" / "quý II năm 2026"
    return min(last + 1, len(lines))


def subject_line(lines: list[str], j: int) -> bool:
    """A subject's next line that opens like the body ("V/v triển khai" / "Thực hiện Chỉ thị
    số 05/CT-TTg"): short, no final punctuation, and the head goes on after it."""
    return (
        len(lines[j]) < 100
        and not lines[j].rstrip().endswith((".", ":", ";", ","))
        and head_follows(lines, j)
    )


def head_follows(lines: list[str], j: int) -> bool:
    """The letterhead goes on after line j: Kính gửi, the place-date, a line in capitals (the
    motto's lines are empty here, cut out)."""
    nxt = next((ln for ln in lines[j + 1 : j + 5] if ln), "")
    return bool(KINH_GUI.match(nxt) or find_place_date(nxt) or is_upper_line(nxt))


def prose(line: str, *, after_title: bool = False) -> bool:
    """Sentences, not a subject: a long paragraph with a sentence break inside that ends a
    sentence ("Nhân dịp ..., nhiệm kỳ 2026 - 2031. Ủy ban nhân dân ... đề nghị ... ./."), or
    (not right under the type name, where the subject stands) a capitalised sentence of more
    than 60 characters ending with a full stop ("Trong những năm qua, ... quan trọng.") or
    opening a list ("Ủy ban nhân dân tỉnh kính mời tham dự họp ..., cụ thể như sau:")."""
    if is_upper_line(line) or SUBJECT.match(line):
        return False
    end = line.rstrip()
    if (
        len(line) > 90
        and end.endswith((".", ":", ";"))
        and re.search(rf"\w[.;]\s+[{vn.UPPER}]", line)
    ):
        return True
    return not after_title and len(line) > 60 and end.endswith((".", ":")) and starts_upper(line)


def _is_title(line: str) -> bool:
    return is_upper_line(line) and title_type(fold(line.strip(" .:"))) is not None


def _letterhead_follows(lines: list[str], i: int) -> bool:
    """The number or the place-date line comes right after: line i is a letterhead line
    (an OCR'd motto the patterns miss: "CONG HOAYXA HOI ... Doc lap - Ty do - Hanh phic"),
    or a web page's title over the letterhead ("Quyết định 1803/QĐ-TTg năm 2025 phê duyệt
    ... do Thủ tướng Chính phủ ban hành", then the letterhead's issuer, motto and number)."""
    near = lines[i + 1 : i + 3]
    if i < 3 and not KINH_GUI.match(lines[i]):
        near = lines[i + 1 : i + 8]
    return any(re.match(r"^[|*\s]*S[ốỐ]\s*[:.]", line) or find_place_date(line) for line in near)


def _is_sentence(line: str) -> bool:
    return (
        len(line) > 40
        and line.rstrip().endswith((".", ":"))
        and not is_upper_line(line)
        and not find_place_date(line)
        and not NUMBER.search(line)
        and not SUBJECT.match(line)
    )


def subject_under_title(title: str, line: str) -> bool:
    """ "KẾ HOẠCH" over "Triển khai ... năm 2025": the subject, though it opens like a body
    sentence ("Triển khai", "Thực hiện"); a body sentence ends with punctuation. A plan that
    carries out a Party conclusion repeats its whole title: subjects of 400 characters occur."""
    key = re.sub(r"\s+(?:[ivxlc]+|\d+)$", "", fold(title.strip(" .:")))
    return (
        is_upper_line(title)
        and title_type(key) is not None
        and len(line) < 600
        and not line.rstrip().endswith((".", ":", ";"))
    )


def typed_lower(line: str) -> tuple[str, str] | None:
    """The type name in capitals and a subject in lower case joined on one line by a copy
    ("NGHỊ QUYẾT về việc ...", "KẾ HOẠCH thực hiện ...") -> ("Nghị quyết", "về việc ..."); or
    a subject in sentence case ("KẾ HOẠCH Triển khai ..."), short and unpunctuated at its end,
    not the number ("Số ...")."""
    words = line.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if (
            head.isupper()
            and _opens_subject(words[n], line)
            and (doc_type := title_type(fold(head)))
        ):
            return doc_type, " ".join(words[n:])
    return None


def _opens_subject(word: str, line: str) -> bool:
    if word[:1].islower():
        return True
    return (
        word[:1].isupper()
        and word[1:2].islower()
        and fold(word).strip(":") != "số"
        and len(line) < 300
        and not line.rstrip().endswith((".", ":", ";"))
    )
