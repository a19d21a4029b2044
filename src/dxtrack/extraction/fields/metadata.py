"""Metadata: letterhead, number, place and date, type, subject, recipients, signer.

Works on the normalised paragraphs. A two-column letterhead often arrives flattened
("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH AN GIANG Độc lập - Tự do -
Hạnh phúc"): the national motto is cut out of those lines before the issuer is read
(fields/letterhead.py, which also joins an issuer or a motto wrapped in its column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dxtrack.extraction.fields.clause_words import clause_vocab
from dxtrack.extraction.fields.dateline import (
    find_place_date,
    join_broken,
    passed_date,
    placeless_date,
    placeless_tail,
    source_line,
    title_source,
    without_place_date,
)
from dxtrack.extraction.fields.head_end import (
    BODY_START,
    KINH_GUI,
    NUMBER,
    SUBJECT,
    head_end,
    head_follows,
    prose,
    stamp,
    subject_line,
    subject_under_title,
    title_type,
    typed_lower,
)
from dxtrack.extraction.fields.letterhead import (
    ISSUER_HEAD,
    issuer_of,
    known_name,
    motto_start,
    rejoin_syllables,
    unwrap_motto,
    without_motto,
)
from dxtrack.extraction.fields.references import NUMBER as REFERENCE_NUMBER
from dxtrack.extraction.fields.references import symbol_codes
from dxtrack.extraction.fields.signature import SIGN_PREFIX, find_signer
from dxtrack.extraction.textutil import fold, holds_any, is_upper_line
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

# The number cell without its "Số:" ("| 1803/QĐ-TTg |"): a symbol with a capital code.
# A Party number without "Số" too ("123-CV/TU").
_BARE_NUMBER = re.compile(
    r"^(\d+(?:(?:/\d{4})?/|-(?=[A-ZĐ][A-ZĐa-zđ]*/))[A-ZĐ][A-ZĐa-zđ0-9&.]*(?:[-–/][A-ZĐa-zđ0-9&.]+)*)$"
)
# The number's label and cell before the place-date on its line, the slash lost by OCR
# ("số: 34ÚŸ  mCT-KHCN"): digits first, the symbol's code after its hyphen at the end.
_SLASH_LOST = re.compile(
    r"(?:^|\s)[Ss][ốỐôo6]\s*:\s*(\d[^\s/]{0,8}(?:\s+[^\s/]{1,10}){0,2}?[-–][A-ZĐ]{2,8})(?=\s|$)"
)
_AUTHORITY = re.compile(
    r"^(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TỔNG\s+CỤC\s+TRƯỞNG|CỤC"
    r"\s+TRƯỞNG|ỦY\s+BAN|UỶ\s+BAN|HỘI\s+ĐỒNG|CHÍNH\s+PHỦ|TRƯỞNG\s+BAN|VIỆN\s+TRƯỞNG"
    r"|HIỆU\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|TỔNG\s+GIÁM\s+ĐỐC|THỐNG\s+ĐỐC|VỤ\s+TRƯỞNG"
    r"|CHI\s+CỤC\s+TRƯỞNG|BAN\s+(?:THƯỜNG\s+VỤ|CHẤP\s+HÀNH|CHỈ\s+ĐẠO)|TỔNG\s+KIỂM\s+TOÁN)\b"
    # "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIV" under "HỘI NGHỊ LẦN THỨ BA": the subject's
    r"(?![^\n]*\bKH(?:ÓA|OÁ)\s+[IVXL]+\b)"
)
# The number's cell without "Số" right before the place-date on its line, an OCR's junk
# before it ("| CONG THONG TIN ... 41 /CT-TTg Hà Nội, ngày ..."): a symbol with a hyphen.
_CELL_NUMBER = re.compile(
    r"(?:^|\s)(\d{1,5}\s?/\s?(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*(?:[-–][A-ZĐa-zđ0-9&.]+)+)\s*$"
)
# The subject in the number cell: "V/v ...", "Về việc ...", or "Về ..." (not "Về việc này,").
_CELL_SUBJECT = re.compile(
    r"^(?:V/v|V/V|Về\s+việc|về\s+việc|Về(?!\s+(?:việc|vấn\s+đề)\s+này)\s+\w)"
)


@dataclass
class Metadata:
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: dict[str, str | None] | None = None
    year: int | None = None
    body_start: int = 0  # index of the first body paragraph
    attached_to: str | None = None  # a numberless plan's decision: "(Kèm theo Quyết định số ...)"


# Markdown left in a web copy's head: emphasis, a hard break or escape ("TRUNG ƯƠNG\\"), a
# heading's "#", a non-breaking space entity.
# (a RAG dump's "<jsontable name="bang_0"> </jsontable>" stands in for a lost table: no text)
_MARKS = re.compile(
    r"\*+|\\(?=\s|$|[-.*])|^#{1,6}\s+|&nbsp;|<jsontable\b[^>]*>(?:[^<]*</jsontable>)?|</jsontable>"
)
# A row of the letterhead's table with only its first cell filled: a line wrapped in that
# cell ("| của các nông, lâm trường |  |" under "| Số: ... V/v rà soát ... | ... |").
_ONE_CELL = re.compile(r"^\|\s*([^|]{1,120}?)\s*\|(?:\s*\|)*\s*$")


def _one_cell(line: str) -> str:
    m = _ONE_CELL.match(line)
    return m.group(1) if m else line


_RULE_END = re.compile(r"\s+[-–—_]{3,}\s*$")  # "ỦY BAN NHÂN DÂN TỈNH KON TUM -------"
_MARK_CHARS = "*\\#&<"  # what every `_MARKS` match holds one of


def _unmarked(line: str) -> str:
    """`_MARKS.sub(" ", line)`, tried only on a line holding a character its matches hold (the
    pattern is tried at every position)."""
    return _MARKS.sub(" ", line) if holds_any(line, _MARK_CHARS) else line


def _without_rule(line: str) -> str:
    """`_RULE_END.sub("", line)`, tried only on a line ending with a rule's character (every
    match does, spaces after it aside)."""
    last = line.rstrip()[-1:]
    return _RULE_END.sub("", line) if last and last in "-–—_" else line


def extract_metadata(paras: list[str], *, directory: tuple[str, ...] = ()) -> Metadata:
    meta = Metadata()
    head = join_broken([_one_cell(_unmarked(p).strip()) for p in paras[:60]])
    top = next((i for i, ln in enumerate(head[:8]) if NUMBER.search(ln) or SUBJECT.match(ln)), 3)
    head[: max(3, top)] = [_issuer_tail(line) for line in head[: max(3, top)]]  # stamps first
    head[:20] = [_without_stamp(line) for line in head[:20]]
    lines = [_without_rule(without_motto(p)) for p in unwrap_motto(head)] + paras[60:]
    _untangle_kinh_gui(lines)
    header_end = head_end(lines)
    _letterhead(meta, lines[:header_end], directory)
    if meta.place is None and meta.issued_date is None and (passed := passed_date(lines)):
        meta.year, meta.issued_date = passed  # Công báo's laws and resolutions: no date line
    if meta.number is None and meta.issued_date is None and (source := source_line(paras)):
        meta.number, meta.year, meta.issued_date = source  # a portal's "(Theo Công văn số ...)"
    titled = title_source(meta.subject) if meta.subject and meta.number is None else None
    if titled and meta.issued_date is None:  # "Về việc ... (3585/VP-KTN, ngày 23/10/2017)."
        meta.subject, meta.number, meta.year, meta.issued_date = titled
    if meta.number is None:
        meta.attached_to = _attached_to(lines[: header_end + 1]) or _appendix_caption(
            lines, meta.doc_type
        )
    meta.body_start = max(header_end, _recipients(meta, lines, header_end))
    if not meta.subject and _subject_after(lines, meta.body_start):
        # the subject under Kính gửi (a copy turned the head's order)
        meta.subject, meta.body_start = _collect_subject(lines, meta.body_start)
    meta.signer = find_signer(lines, meta.body_start)
    if meta.doc_type is None:
        meta.doc_type = _type_from_number(meta.number) or "Công văn"
    return meta


# The recipients' cell beside a subject's wrapped line: "vật liệu xây dựng   - Sở Xây dựng;".
_BESIDE_ITEM = re.compile(rf"\s+(?=[-–+•]\s+[{UPPER}])")
# The subject's rest read after the recipients on the line: "Kính gửi: Sở A. vật liệu ...".
_AFTER_RECIPIENTS = re.compile(r"[.;]\s+(?=[a-zđ])")


def _untangle_kinh_gui(lines: list[str]) -> None:
    """A subject whose cell wraps beside the "Kính gửi:" cell, read across ("V/v tăng cường
    quản lý Kính gửi:" / "vật liệu xây dựng   - Sở Xây dựng;"): the subject's lines joined on
    its first line, the recipients after it, as many lines as before (the rest left empty)."""
    for i, line in enumerate(lines[:30]):
        if "gửi" not in line or not SUBJECT.match(line):
            continue
        beside = _BESIDE_KINH_GUI.search(line)
        if beside is None:
            return
        subject, cells = [line[: beside.start()]], [line[beside.start() :].strip()]
        if rest := _AFTER_RECIPIENTS.search(cells[0]):  # "Kính gửi: Sở A. vật liệu ..."
            subject.append(cells[0][rest.end() :])
            cells[0] = cells[0][: rest.start() + 1]
        j = i + 1
        while j < len(lines) and lines[j][:1].islower() and len(lines[j]) < 120:
            left, *right = _BESIDE_ITEM.split(lines[j], maxsplit=1)
            subject.append(left)
            cells.extend(right)
            j += 1
        if len(subject) == 1:
            return
        slots = j - i - 1  # the lines the subject's rest came from
        if len(cells) > slots:
            cells = [" ".join(cells[:2]), *cells[2:]]  # "Kính gửi: - Sở A;"
        if len(cells) > slots:  # no line to spare: the whole subject before the cell
            lines[i] = " ".join([*subject, *cells])
            return
        lines[i:j] = [" ".join(subject), *cells, *[""] * (slots - len(cells))]
        return


def _subject_after(lines: list[str], i: int) -> bool:
    """Line i is a subject line, not a body sentence ("Về việc này, ...")."""
    line = lines[i] if i < len(lines) else ""
    return (
        bool(SUBJECT.match(line))
        and not prose(line)
        and not re.match(r"Về\s+(?:việc|vấn\s+đề)\s+này\b", line, re.IGNORECASE)
    )


def _attached_to(head: list[str]) -> str | None:
    """The number in the note under a numberless plan's subject ("(Kèm theo Quyết định số
    1510/QĐ-TTg ngày ...)"): the document it is part of, so its own number (no reference)."""
    for i, line in enumerate(head):
        if note := _ATTACHED_NOTE.search(line):  # on its line, or joined to the subject's
            return _number_in(" ".join([line[note.start() :], *head[i + 1 : i + 2]]))
    return None


def _number_in(text: str, pos: int = 0) -> str | None:
    """The first document number in the text from pos, its spaces dropped."""
    m = REFERENCE_NUMBER.search(text, pos)
    return re.sub(r"\s+", "", m.group(1)) if m else None


_ATTACHED_NOTE = re.compile(r"\(\s*(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\b")
# the note naming the type of the document it is attached to ("(Ban hành kèm theo Nghị quyết số")
_CAPTION_TYPE = re.compile(_ATTACHED_NOTE.pattern + r"\s+(\w+(?:\s+\w+)?)\s+(?:số|Số)\s")


def _kem(line: str) -> bool:
    return "kèm" in line or "Kèm" in line


def _appendix_caption(lines: list[str], doc_type: str | None) -> str | None:
    """The number in an appendix's caption naming the document's own type, in a document
    whose copy lost its number line ("PHỤ LỤC" / "..." / "(Ban hành kèm theo Nghị quyết số
    24/2017/NQ-HĐND ngày ... của ...)" in a Nghị quyết): its own number (no reference)."""
    if not doc_type:
        return None
    for i, line in enumerate(lines):
        if "theo" not in line and ("(Ban" not in line or not line.rstrip().endswith("(Ban")):
            continue
        after = lines[i + 1 : i + 2]
        if not _kem(line) and not (after and _kem(after[0])):
            continue  # (every note holds "kèm", on one of the two lines: most lines lack it)
        joined = " ".join([line, *after])  # "(Ban" / "hành kèm theo ..."
        note = _CAPTION_TYPE.search(joined)
        if note and fold(note.group(1)) == fold(doc_type):
            return _number_in(joined, note.end() - 1)
    return None


@lru_cache(maxsize=1)
def _stamp_prefix() -> re.Pattern[str]:
    """The junk an incoming-mail stamp leaves before a head line (metadata.yaml
    `incoming_stamp_prefixes`)."""
    return re.compile(
        "|".join(f"(?:{p})" for p in load_vocab("metadata")["incoming_stamp_prefixes"])
    )


def _without_stamp(line: str) -> str:
    """The line without an incoming-mail stamp's junk before a title or a subject."""
    m = _stamp_prefix().match(line)
    if not m:
        return line
    rest = line[m.end() :]
    return rest if is_upper_line(rest) or _CELL_SUBJECT.match(rest) else line


def _issuer_tail(line: str) -> str:
    """A web page's title glued onto the letterhead's first cell ("Quyết định 1803/QĐ-TTg năm
    2025 phê duyệt ... do Thủ tướng Chính phủ ban hành THỦ TƯỚNG CHÍNH PHỦ"): the cell."""
    if is_upper_line(line) or NUMBER.search(line) or find_place_date(line) or SUBJECT.match(line):
        return line  # a subject line ("Về việc ... CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X") is no title
    at = motto_start(line)  # "... ban hành VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI ...": the cell
    if is_upper_line(line[:at]):
        return line
    for m in re.finditer(r"(?<=\s)(?=\S)", line[:at]):
        tail = line[m.start() : at]
        if is_upper_line(tail) and ISSUER_HEAD.match(tail) and len(tail.split()) <= 10:
            return line[m.start() :]
    return line


def _letterhead(meta: Metadata, head: list[str], directory: tuple[str, ...]) -> None:
    lines = [line for line in head if not stamp(line)]
    issuer_lines: list[str] = []
    seen_number = False
    number_at = -2
    i = 0
    while i < len(lines):
        line = lines[i]
        unnumbered = not seen_number  # "UBND TỈNH X  Số: 12/UBND": the issuer before it
        if not meta.place and (dated := find_place_date(line)):
            meta.place, meta.year, meta.issued_date = dated.place, dated.year, dated.issued
            cell = _CELL_NUMBER.search(line, 0, dated.start)  # "... 41 /CT-TTg Hà Nội, ngày"
            if cell and not seen_number and not NUMBER.search(line):
                meta.number, seen_number, number_at = re.sub(r"\s+", "", cell.group(1)), True, i
                cut = line[: cell.start()].strip(" |")  # the issuer's cell, or OCR junk
                # (and what follows the date: "2010/QĐ-BYT Hà Nội, ngày ... QUYẾT ĐỊNH ...")
                line = f"{cut if ISSUER_HEAD.match(cut) else ''} {line[dated.end :]}".strip()
            else:
                line = f"{line[: dated.start]} {line[dated.end :]}".strip()
                if not seen_number and (lost := _SLASH_LOST.search(line)):
                    # "số: 34ÚŸ  mCT-KHCN Hà Nội, ngày ...": OCR lost the slash; as printed
                    meta.number, seen_number = re.sub(r"\s+", "", lost.group(1)), True
                    number_at, line = i, f"{line[: lost.start()]} {line[lost.end() :]}".strip()
        elif not meta.place and not meta.issued_date and (placeless := placeless_date(line)):
            meta.year, meta.issued_date = placeless  # ", ngày 15 tháng 4 năm 2004"
            line = ""
        elif not meta.place and not meta.issued_date and (tail := placeless_tail(line)):
            # "V/v tổ chức ... , ngày 05 tháng 5 năm 2026": the date glued to the subject
            meta.year, meta.issued_date = tail[1], tail[2]
            line = lines[i] = line[: tail[0]].rstrip()
        if not seen_number and (bare := _BARE_NUMBER.match(line)):
            meta.number, seen_number, number_at = bare.group(1), True, i
            i += 1
            continue
        if (m := NUMBER.search(line)) and not seen_number and _own_number(line[: m.start()], m):
            meta.number = re.sub(r"\s+", "", m.group(1)).rstrip(".") or None  # "...-KT."
            seen_number = True
            rest = line[m.end() :].strip()
            line = line[: m.start()].strip()
            number_at = i
            if _CELL_SUBJECT.match(rest) and not meta.subject:  # "Số 12-CV/ĐU về việc ..."
                issuer_part = rejoin_syllables(_RULE_END.sub("", line)).strip(" |-–:")
                if (
                    unnumbered
                    and is_upper_line(issuer_part)
                    and (issuer_lines or ISSUER_HEAD.match(known_name(issuer_part)))
                ):  # "VĂN PHÒNG CHÍNH PHỦ ------- Số: 12/VPCP-KTN V/v ...": one cell flattened
                    issuer_lines.append(issuer_part)
                meta.subject, i = _collect_subject([*lines[:i], rest, *lines[i + 1 :]], i)
                continue
            if rest:  # a flattened head: "Số: 435/QĐ-UBND Kon Tum, ngày ... QUYẾT ĐỊNH V/V ..."
                lines[i + 1 : i + 1] = _title_apart(rest)
        if i == number_at + 1 and not meta.subject and _CELL_SUBJECT.match(line):
            meta.subject, i = _collect_subject(lines, i)  # "Về tăng cường ..." in the number cell
            continue
        if SUBJECT.match(line):
            meta.subject, i = _collect_subject(lines, i)
            continue
        if not meta.subject and (typed := typed_lower(line)):  # "NGHỊ QUYẾT về ..."
            meta.doc_type, lines[i] = typed
            meta.subject, i = _collect_subject(lines, i)
            continue
        # a name wrapped in its column ("HỘI", "NAM"); not a letter left by OCR ("T")
        wrapped = bool(issuer_lines) and unnumbered and line.isupper() and len(line) > 1
        if unnumbered and _nearly_upper(line) and (name := known_name(line)) != line:
            line = lines[i] = name  # "TONG Cl)C THUE": OCR read a capital as a small letter
        if unnumbered and not meta.doc_type and _cased_issuer(lines, i, bool(issuer_lines)):
            line = lines[i] = line.upper()  # "Ủy ban nhân dân" / "tỉnh Lâm Đồng": a copy's case
        if line and (is_upper_line(line) or wrapped or _cased_title(lines, i, meta)):
            key = re.sub(r"\s+(?:[ivxlc]+|\d+)$", "", fold(line.strip(" .:")))
            if not meta.subject and not title_type(key) and (typed := _typed_subject(line)):
                if _qualified_title(typed[1], lines, i):  # "KẾ HOẠCH QUỐC GIA" / "Phòng, ..."
                    meta.doc_type = typed[0]
                    meta.subject, i = _collect_subject(lines, i + 1)
                    continue
                meta.doc_type, lines[i] = typed  # "QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ"
                meta.subject, i = _upper_subject(lines, i)
                continue
            if title_type(key):
                meta.doc_type = title_type(key)
                by = _BY_BODY.match(lines[i + 1]) if i + 1 < len(lines) else None
                if by and (by.group(2) or i + 2 < len(lines)):
                    issuer_lines = [by.group(1)]  # "NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ" / "về ..."
                    seen_number = True
                    if by.group(2):  # "CỦA BỘ CHÍNH TRỊ VỀ ...", "... thực hiện ...": the subject
                        lines[i + 1] = by.group(2)
                    else:
                        i += 1
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                if (
                    nxt
                    and not meta.subject
                    and not _AUTHORITY.match(nxt)
                    and not (BODY_START.match(nxt) and not subject_under_title(line, nxt))
                    and not _FIELD_LABEL.match(nxt)  # "GIẤY ỦY QUYỀN" / "Bên ủy quyền (Bên A):"
                ):
                    if (
                        is_upper_line(nxt)
                        or nxt.upper() in {"VỀ", "V/V"}
                        or _split_first_word(lines, i + 1)
                    ):
                        meta.subject, i = _upper_subject(lines, i + 1)
                    else:
                        meta.subject, i = _collect_subject(lines, i + 1)
                    continue
            elif (
                unnumbered
                and not meta.doc_type
                and not SIGN_PREFIX.match(line)
                and (issuer_lines or ISSUER_HEAD.match(known_name(rejoin_syllables(line))))
            ):  # "ỦY BAN ... AN GIANG - Số: 12/UBND"; a copy's "B Ộ ... V À X Ã HỘI"
                name = _SESSION_TERM.sub("", rejoin_syllables(line)).rstrip(" -–:,")
                if name:  # a council's term line under its name ("KHÓA XI, KỲ HỌP THỨ 5"): none
                    issuer_lines.append(name)
        i += 1
    # the place-date line read inside a subject's cells, beside it
    if not meta.place and (dated := next(filter(None, map(find_place_date, lines)), None)):
        meta.place, meta.year, meta.issued_date = dated.place, dated.year, dated.issued
    if meta.subject and (flat := _FLAT_AUTHORITY.search(meta.subject)):
        meta.subject = meta.subject[: flat.start()].rstrip(" ,;") or None
        if not issuer_lines and meta.number is None:
            issuer_lines = [flat.group("council") or flat.group("chair")]
    if meta.subject and issuer_lines:
        meta.subject = _without_flat_head(meta.subject, issuer_lines)
    if not issuer_lines and meta.doc_type and meta.number is None:
        issuer_lines = _authority_body(lines)
    meta.issuer = issuer_of(issuer_lines, directory)


# The head's title flattened onto the end of a subject with the letterhead's name after it
# ("BAN HÀNH MẪU THẺ BẢO HIỂM Y TẾ TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM", "... (ĐỢT 1) BỘ
# TRƯỞNG BỘ Y TẾ"): the authority line, not the subject's (not after "CỦA", "CHO", "PHÓ" ...).
_FLAT_HEAD = re.compile(
    r"(?<!CỦA)(?<!CHO)(?<!\bVÀ)(?<!PHÓ)(?<!BAN)(?<!VỚI)\s+(?:BỘ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC"
    r"|GIÁM\s+ĐỐC|TỔNG\s+CỤC\s+TRƯỞNG|CHI\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG"
    r"|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|THỐNG\s+ĐỐC|TRƯỞNG\s+BAN|CHỦ\s+NHIỆM"
    r"|CHỦ\s+TỊCH)\s+(?P<body>[^a-zđ]+?)\s*$"
)


def _without_flat_head(subject: str, issuer_lines: list[str]) -> str | None:
    """The subject without the authority line flattened onto its end (`_FLAT_HEAD`) when
    that line names the letterhead's own body."""
    flat = _FLAT_HEAD.search(subject) if subject.isupper() else None
    if not flat:
        return subject
    own = fold(" ".join(w for w in " ".join(issuer_lines).split() if w.strip("-–—_")))
    if fold(flat.group("body")) != own:
        return subject
    return subject[: flat.start()].rstrip(" ,;") or None


# The authority line flattened onto the end of a subject, in a copy that joined the title block
# into one line: the council with its term and session ("... HỘ TỊCH HỘI ĐỒNG NHÂN DÂN TỈNH X
# KHÓA XI, KỲ HỌP THỨ 5"), or the chairman ("... NĂM 2020 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X").
_FLAT_AUTHORITY = re.compile(
    r"(?<!CỦA)(?<!của)(?<!\bVÀ)(?<!\bvà)(?<!CHO)(?<!cho)\s+(?:"
    rf"(?P<council>HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s+[{UPPER}][{UPPER}\s-]*?)"
    r"\s+KH(?:ÓA|OÁ)\s+[IVXLC]+\s*[,\-–]?\s*KỲ\s+HỌP\s+THỨ\s+\S+"
    rf"|CHỦ\s+TỊCH\s+(?P<chair>(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+[{UPPER}][{UPPER}\s-]*?)"
    r")\s*$"
)


# The authority line under a typed document's title naming a body with its unit ("HỘI ĐỒNG
# NHÂN DÂN TỈNH HÀ GIANG" over "KHÓA XVII - KỲ HỌP THỨ NĂM", "ỦY BAN NHÂN DÂN TỈNH X" over
# "Căn cứ ..."): the enacting body itself, in a copy that lost the letterhead table.
_AUTHORITY_BODY = re.compile(
    rf"^(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN)\s+"
    rf"(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\s+[{UPPER}][{UPPER}\s-]*$"
)


def _authority_body(lines: list[str]) -> list[str]:
    """The body an authority line names, when no letterhead gave the issuer (FORMAT.md: the
    issuer's full name with its place; the line stands in for the lost letterhead). A line
    naming the council with its term ("... TỈNH TRÀ VINH KHÓA IX") is a subject's line when
    a line without the term follows; a line broken after "NHÂN DÂN" ("HỘI ĐỒNG NHÂN DÂN" /
    "TỈNH KON TUM") is read with the next."""
    termed = None
    for n, line in enumerate(lines[:20]):
        if inline := _INLINE_CASED_AUTHORITY.search(line):
            line = inline.group().strip()  # "Về việc ... Ủy ban nhân dân tỉnh X": the end
        # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X": its body; "Ủy ban nhân dân tỉnh X": a copy's case
        text = _CHAIR.sub("", line.strip(" .,:").upper())
        if "NHÂN DÂN" not in text:
            continue
        if text.endswith("NHÂN DÂN") and n + 1 < len(lines):
            text = f"{text} {lines[n + 1].strip(' .,:')}"  # "HỘI ĐỒNG NHÂN DÂN" / "TỈNH X"
        term = _TERM.search(text)  # "HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA IX(, KỲ HỌP THỨ 4)"
        if not _AUTHORITY_BODY.match(text[: term.start()] if term else text):
            continue
        if term:
            termed = termed or text[: term.start()]
            continue
        return [text]
    return [termed] if termed else []


_TERM = re.compile(r"\s+KH(?:ÓA|OÁ)\s+[IVXLC]+\b.*$")
# A council's term with its session, on its own line or flattened onto the council's name
# ("HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA XI, KỲ HỌP THỨ 5"): no part of the issuer ("BAN CHẤP HÀNH
# TRUNG ƯƠNG ĐẢNG KHÓA XIV" keeps its term).
_SESSION_TERM = re.compile(r"(?:^|\s+)KH(?:ÓA|OÁ)\s+[IVXLC]+\s*[,\-–]?\s*KỲ\s+HỌP\b.*$")
_CHAIR = re.compile(r"^CHỦ\s+TỊCH\s+(?=(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s)")


# A letterhead line a copy gave in normal case: an issuer's head, or a place under it.
_CASED_PLACE = re.compile(  # the unit's kind in any case ("TỈNH Quảng Trị", "tỉnh Lâm Đồng")
    r"^(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|đặc\s+khu)\s+[A-ZĐ]"
)


def _cased_issuer(lines: list[str], i: int, after_issuer: bool) -> bool:
    """Line i is a letterhead line in normal case ("Ủy ban nhân dân tỉnh Lâm Đồng"): short,
    no sentence, an issuer's head word (or, under one, a place or a unit: "Ủy ban nhân dân
    tỉnh X" / "Sở Y"), the number or the place-date line within the next five lines."""
    line = lines[i]
    if is_upper_line(line) or not line or len(line.split()) > 12 or re.search(r"[\d.:;,]$", line):
        return False
    named = i < 3 and line[:1].isupper() and ISSUER_HEAD.match(line.upper())
    head = (_CASED_PLACE.match(line) or named) if after_issuer else named
    near = lines[i + 1 : i + 6]
    return bool(head) and any(NUMBER.search(ln) or find_place_date(ln) for ln in near)


# A type name in normal case with its numeral, the whole line ("Phụ lục III", "Phụ lục 2").
_CASED_TITLE = re.compile(r"^[A-ZĐ]\w*(?:\s+\w+){1,3}\s+(?:[IVXLC]+|\d{1,2}[a-z]?)\s*[.:]?$")


def _cased_title(lines: list[str], i: int, meta: Metadata) -> bool:
    """Line i is a numbered title in normal case over a subject in capitals ("Phụ lục III" /
    "PHÂN CÔNG NHIỆM VỤ ..."): an appendix printed on its own, typed by its title."""
    line = lines[i]
    if meta.doc_type or meta.subject or len(line) > 30 or not _CASED_TITLE.match(line):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    key = re.sub(r"\s+(?:[ivxlc]+|\d+[a-z]?)$", "", fold(line.strip(" .:")))
    return bool(title_type(key)) and is_upper_line(nxt) and not _AUTHORITY.match(nxt)


def _nearly_upper(line: str) -> bool:
    """A line in capitals but for one OCR'd letter or two ("TONG Cl)C THUE", "BQTAI CHiNH"):
    at most two small letters among six or more capitals."""
    if not line or is_upper_line(line) or len(line) > 40:
        return False
    small = sum(c.islower() for c in line)
    return 0 < small <= 2 and sum(c.isupper() for c in line) >= 6


def _own_number(before: str, m: re.Match[str]) -> bool:
    """ "Số: 12/UBND" opens its cell or follows the issuer's capitals; "... KẾ HOẠCH SỐ
    119-KH/TU" in a subject in capitals, or "Quyết định số ..." cites another document; but
    Công báo's "Nghị quyết số: 89/2025/UBTVQH15" line is the document's own number."""
    words = re.sub(r"[^\w\s]", " ", fold(before)).split()
    if ":" in m.group(0)[:12] and title_type(" ".join(words)):
        return True
    tail = {" ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n}
    return not any(t == "văn bản" or title_type(t) for t in tail)


# A Party document names its issuing body under the type name: "CỦA BỘ CHÍNH TRỊ" (the
# letterhead is the Central Committee's), "CỦA BAN THƯỜNG VỤ TỈNH ỦY"; OCR drops the hook.
_BY_BODY = re.compile(
    rf"^C(?:Ủ|U)A\s+((?:BỘ|BAN|TỈNH|THÀNH|HUYỆN|ĐẢNG)\s[{UPPER} ]+?)(?:\s+(VỀ\s.+|[a-zđ].*))?$"
)


def _qualified_title(rest: str, lines: list[str], i: int) -> bool:
    """A type name with a short qualifier ("KẾ HOẠCH QUỐC GIA", "KẾ HOẠCH HÀNH ĐỘNG") over a
    subject in normal case: the qualifier is part of the title, the subject the line under."""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return (
        len(rest.split()) <= 3
        and bool(nxt)
        and nxt[:1].isupper()
        and not is_upper_line(nxt)
        and not (BODY_START.match(nxt) and not subject_under_title(lines[i], nxt))
        and not prose(nxt)
        and not _ATTACHED.match(nxt)
        and not NUMBER.search(nxt)
        and not find_place_date(nxt)
    )


def _title_apart(rest: str) -> list[str]:
    """The rest of a flattened head after its number: a type name and subject in capitals with
    the body's first sentence run on ("CHỈ THỊ VỀ ... TỈNH Thời gian qua, ...") parted into
    the title line and the sentence."""
    words = rest.split()
    for k, word in enumerate(words):
        if word != word.upper():  # the first word with a lower-case letter
            head = " ".join(words[:k])
            sentence = words[k:]
            if (
                k >= 3
                and word[:1].isupper()
                and len(sentence) >= 4
                and sentence[1][:1].islower()
                and _typed_subject(head)
            ):
                return [head, " ".join(sentence)]
            break
    return [rest]


def _typed_subject(line: str) -> tuple[str, str] | None:
    """The type name and the subject on one line: "QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ",
    "QUYẾT ĐỊNH V/V BAN HÀNH ..." -> ("Quyết định", "CHẤP THUẬN ...")."""
    words = line.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        doc_type = title_type(fold(" ".join(words[:n])))
        rest = " ".join(words[n:])
        if (
            doc_type
            and is_upper_line(rest)
            and not rest.endswith(":")
            and not title_type(fold(rest.strip(" .:")))
        ):
            return doc_type, _INLINE_AUTHORITY.sub("", rest)
    return None


# The authority line flattened onto the end of a subject: "... MỚI” ỦY BAN NHÂN DÂN TỈNH KON TUM".
_INLINE_AUTHORITY = re.compile(
    r"(?<!CỦA)(?<!VỚI)(?<!THUỘC)(?<!VÀ)\s+(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN"
    rf"(?:\s+(?:TỈNH|THÀNH\s+PHỐ)[\s{UPPER}]*)?$"
)


# The body's first section heading under a subject in capitals: "I- TÌNH HÌNH VÀ NGUYÊN NHÂN",
# "I. MỤC ĐÍCH, YÊU CẦU", "PHẦN I", "Điều 1.".
_SECTION = re.compile(r"^(?:[IVXLC]+\s?[.)\-–]|\d{1,2}\.|(?:PHẦN|CHƯƠNG|Điều)\s+[\dIVXLC]+\b)\s*")


# The authority line with the council's term and session on it ("HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA
# IX, KỲ HỌP THỨ 4"): ends the subject above it (a subject line naming the council with its
# term only, "... TỈNH TRÀ VINH KHÓA IX", goes on).
_SESSION_AUTHORITY = re.compile(
    r"^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s.*\bKH(?:ÓA|OÁ)\s+[IVXLC]+\s*[,\-–]?\s*KỲ\s+HỌP\s+THỨ\s+\S+\s*$"
)


# A subject's last line holding only its year ("... 6 THÁNG CUỐI" / "NĂM 2017"), too few
# letters for a line in capitals.
# A bare period ("VỀ KẾ HOẠCH TÀI CHÍNH 5 NĂM ĐỊA PHƯƠNG" / "2016 - 2020") or a range's end
# ("... 5 NĂM 2016" / "- 2020") as well.
_YEAR_LINE = re.compile(
    rf"^(?:[{UPPER}]+(?:\s+[{UPPER}]+){{0,2}}\s+|[-–]\s*)?\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*$"
)


# The enacting words opening the articles ("QUYẾT NGHỊ:", "QUYẾT ĐỊNH:") right under a subject
# in capitals, in a copy that lost the authority line and the grounds.
_ENACTING = re.compile(r"^(?:QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT)\s*:")


# A title's first word alone on its line, too short for a line in capitals: "QUY" / "ĐỊNH MỨC
# CHI ...", "SỬA" / "ĐỔI, BỔ SUNG ..." (a copy that broke the title after its first syllable).
_LONE_WORD = re.compile(rf"^[{UPPER}]{{2,3}}$")


def _split_first_word(lines: list[str], i: int) -> bool:
    """Line i holds a title's first syllable alone in capitals, the title going on in capitals
    on the next line."""
    return (
        bool(_LONE_WORD.match(lines[i].strip()))
        and i + 1 < len(lines)
        and is_upper_line(lines[i + 1])
        and not _AUTHORITY.match(lines[i + 1])
        and not _SESSION_AUTHORITY.match(lines[i + 1])
    )


# a subject line ending in a word that needs what follows ("... PHẢN BIỆN XÃ HỘI CỦA" / "ỦY BAN
# MẶT TRẬN TỔ QUỐC ..."): a body's name on the next line is the subject's, no authority line
_OPEN_END = re.compile(r"\s(?:CỦA|VÀ|VỀ|CHO|VỚI|ĐỐI\s+VỚI)\s*$")


def _upper_subject(lines: list[str], i: int) -> tuple[str, int]:
    """A subject in capitals under the type name, over up to eight lines ("BAN HÀNH QUY ĐỊNH
    ... DIỆN" / "RỘNG CỦA ..."), up to the authority line ("ỦY BAN NHÂN DÂN TỈNH X")."""
    parts = [lines[i]]
    j = i + 1
    while (
        j < len(lines)
        and j - i < 8
        and (is_upper_line(lines[j]) or _YEAR_LINE.match(lines[j]))
        and not parts[-1].rstrip().endswith(":")
        and (not _AUTHORITY.match(lines[j]) or bool(_OPEN_END.search(parts[-1])))
        and not _SESSION_AUTHORITY.match(lines[j])
        and not find_place_date(lines[j])
        and not ((m := NUMBER.search(lines[j])) and not _cited_number(parts, lines[j][: m.start()]))
        and not title_type(fold(lines[j].strip(" .:")))
        and not _SECTION.match(lines[j])
        and not _ENACTING.match(lines[j])
    ):
        parts.append(lines[j])
        j += 1
    if j < len(lines) and _ABOUT.match(lines[j]) and not parts[-1].rstrip().endswith(":"):
        # "HỘI NGHỊ LẦN THỨ BA" / "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIV" / "về bảo vệ môi
        # trường ..." / "trong thời kỳ mới": a Party resolution's topic under its capitals
        parts.append(lines[j])
        j += 1
        while j < len(lines) and lines[j][:1].islower() and len(lines[j]) < 120:
            parts.append(lines[j])
            j += 1
    return " ".join(" ".join(parts).split()), j


# A subject line ending with a cited type name whose number opens the next line ("BÃI BỎ NGHỊ
# QUYẾT" / "SỐ 05/2015/NQ-HĐND NGÀY ..."): the number is the cited document's, not the own one.
_CITED_TYPE = re.compile(
    r"\s(?:NGHỊ\s+QUYẾT|QUYẾT\s+ĐỊNH|THÔNG\s+TƯ|NGHỊ\s+ĐỊNH|CHỈ\s+THỊ)(?:\s+SỐ)?\s*$"
)


def _cited_number(parts: list[str], before: str) -> bool:
    """A number in a subject line belongs to a document the subject cites: its type name ends
    the line above ("BÃI BỎ NGHỊ QUYẾT" / "SỐ 05/2015/NQ-HĐND ...") or stands right before it on
    the same line ("ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ 02/2014/NQ-HĐND ...")."""
    return bool(_CITED_TYPE.search(parts[-1]) or (before and _CITED_TYPE.search(f" {before}")))


_ABOUT = re.compile(r"^về\s+\w(?![^.:;]*[.:;]\s*$)")


# The note under an attached plan's subject: "(Kèm theo Quyết định số ... của ...)",
# "(Ban hành kèm theo ...)".
_ATTACHED = re.compile(r"^\(\s*(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\b")
_ATTACHED_TAIL = re.compile(r"\s*\(\s*(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\b[^()]*\)?\s*$")


# A short label opening the body's fields under the type name ("Bên ủy quyền (Bên A):"),
# no subject.
_FIELD_LABEL = re.compile(r"^\S+(?:\s+\S+){0,5}\s*:\s*$")


# A sentence that opens the body's list: six words or more ending with a colon.
_LIST_INTRO = re.compile(rf"^[{UPPER}][^:]*?(?:\s+\S+){{5,}}\s*:\s*$")


def _collect_subject(lines: list[str], i: int) -> tuple[str | None, int]:
    """The subject's lines from line i; a place-date line printed beside it ("... năm 2025 của
    UBND tỉnh   Nghệ An, ngày 12 tháng 5 năm 2025") lends its left part and is read again."""
    parts = [lines[i]]
    j = i + 1
    while (
        j < len(lines)
        and lines[j]
        and not (
            (is_upper_line(lines[j]) and not _upper_goes_on(parts, lines[j]))
            or (NUMBER.search(lines[j]) and not _cited_in_capitals(parts, lines[j]))
            or KINH_GUI.match(lines[j])
            or (BODY_START.match(lines[j]) and not subject_line(lines, j))
            or (prose(lines[j]) and not head_follows(lines, j))
            or _AUTHORITY.match(lines[j])  # "THỦ TƯỚNG CHÍNH PHỦ điện:" under a Công điện
            or _cased_authority(parts, lines[j])  # "Ủy ban nhân dân tỉnh X" in a copy's case
            or _LIST_INTRO.match(lines[j])  # "Ủy ban nhân dân xã thông báo ... như sau:"
            or _ATTACHED.match(lines[j])  # "(Kèm theo Quyết định số .../QĐ-TTg ...)"
            or re.fullmatch(r"[-_=–—\s]{3,}", lines[j])  # the rule under the subject
            or placeless_date(lines[j])  # the place-date line without its place
        )
    ):
        if dated := find_place_date(lines[j]):
            left = lines[j][: dated.start].strip()
            if left and not is_upper_line(left) and not KINH_GUI.match(left):
                parts.append(left)
            nxt = lines[j + 1] if j + 1 < len(lines) else ""
            if not left and nxt[:1].islower() and len(nxt) < 120 and not prose(nxt):
                j += 1  # the subject's cell goes on under the place-date line
                continue
            break
        parts.append(lines[j])
        j += 1
    for n, part in enumerate(parts):  # "V/v ... Kính gửi: Sở A": the cell beside it
        if (beside := _BESIDE_KINH_GUI.search(part)) and beside.start() > 0:
            parts = [*parts[:n], part[: beside.start()]]
            break
    subject = _LABEL.sub("", " ".join(without_place_date(" ".join(parts)).split()))
    subject = _INLINE_CASED_AUTHORITY.sub("", subject)  # "... năm 2021 Ủy ban nhân dân tỉnh X"
    return (_ATTACHED_TAIL.sub("", subject) or None), j


# "Kính gửi:" printed beside the subject's cell, read onto its line by a PDF reader.
_BESIDE_KINH_GUI = re.compile(r"\s+Kính\s+gửi\s*:")
_LABEL = re.compile(r"^Trích\s+yếu\s*:\s*", re.IGNORECASE)  # a portal's label, no subject text


# The authority line in normal case read onto the end of a subject in normal case (a Markdown
# paragraph or a wrapped text joins them): "Về việc ... năm 2021 Ủy ban nhân dân tỉnh Lâm Đồng";
# not the subject's own "... của Ủy ban nhân dân tỉnh X".
_INLINE_CASED_AUTHORITY = re.compile(
    rf"(?<=[{LOWER}\d])(?<!\bcủa)(?<!\bvới)(?<!\bthuộc)(?<!\bvà)(?<!\bcho)(?<!\btại)(?<!\bgiữa)"
    r"\s+(?:Chủ\s+tịch\s+)?(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+(?:tỉnh|thành\s+phố)"
    rf"(?:\s+[{UPPER}][^\s.,;:]*)+$"
)


def _cased_authority(parts: list[str], line: str) -> bool:
    """ "Ủy ban nhân dân tỉnh Lâm Đồng" under a subject in normal case: the authority line a copy
    gave in normal case, not the subject's wrapped end ("... của" / "Ủy ban nhân dân tỉnh X")."""
    return (
        not line.isupper()
        and not re.search(r"\b(?:của|với|và|thuộc|cho|tại)\s*$", parts[-1])
        and bool(_AUTHORITY_BODY.match(_CHAIR.sub("", line.strip(" .,:").upper())))
    )


def _upper_goes_on(parts: list[str], line: str) -> bool:
    """A subject printed in capitals ("V/v TRIỂN KHAI THỰC HIỆN CÔNG" / "VĂN SỐ 1445/BCA-A05")
    goes on over lines in capitals, up to the authority line or the type name."""
    return (
        is_upper_line(SUBJECT.sub("", parts[0]))
        and not _AUTHORITY.match(line)
        and not title_type(fold(line.strip(" .:")))
        and not _SECTION.match(line)
    )


def _cited_in_capitals(parts: list[str], line: str) -> bool:
    """ "... CÔNG" / "VĂN SỐ 427/BCA-C04 CỦA BỘ CÔNG AN": a number cited in a subject in
    capitals, not the document's own "Số:"."""
    return _upper_goes_on(parts, line) and not re.match(r"\s*S[ốỐ]\s*:", line)


def _recipients(meta: Metadata, lines: list[str], start: int) -> int:
    """Read 'Kính gửi' (inline or a dash list); return the index after it."""
    for i in range(start, min(start + 5, len(lines))):
        m = KINH_GUI.match(lines[i])
        if not m:
            continue
        rest = lines[i][m.end() :].strip()
        j = i + 1
        rest = rest.lstrip("-–+• ")  # "Kính gửi: - Sở A," / "- Sở B."
        items: list[str] = [rest] if rest else []
        while (
            j < len(lines)
            and (
                lines[j].startswith(("-", "–", "+", "•"))
                or (items and not items[-1].rstrip().endswith((".", ";")) and len(lines[j]) < 120)
                or (_undashed_item(items, lines, j) and len(lines[j]) < 200)
            )
            and not _opens_body(lines[j])
        ):
            if lines[j].startswith(("-", "–", "+", "•")) or not items:
                items.append(lines[j].lstrip("-–+• "))
            else:
                items[-1] = f"{items[-1]} {lines[j]}"
            j += 1
            if items[-1].rstrip().endswith(".") and not lines[j - 1].startswith("-"):
                break
        parts = [p for x in items for p in x.split(";")]  # "Kính gửi: Sở A; Sở B."
        meta.recipients = [
            r for r in (" ".join(x.split()).strip(";., ").lstrip("-–+• ") for x in parts) if r
        ]
        return j
    return start


def _undashed_item(items: list[str], lines: list[str], j: int) -> bool:
    """A recipient on a line of its own without a dash: the first line under a bare
    "Kính gửi:", or a line after an undashed one that ended with ';' ("Các sở: A, B;" over
    "Các hội: C, D.")."""
    if not items:
        return True
    return lines[j - 1].rstrip().endswith(";") and not lines[j - 1].startswith(("-", "–", "+", "•"))


def _opens_body(line: str) -> bool:
    """A line after an unpunctuated 'Kính gửi: X' that is the body, not more recipients:
    a body opening ("Để ...", "Thực hiện ...") or an intro ending with ':' ("Ủy ban nhân
    dân tỉnh đề nghị ... nội dung sau:"); its list is the body's, not addressees; or a short
    body of one sentence that asks ("Sở Nội vụ đề nghị Quý cơ quan báo cáo ... ."): a request
    verb (`request_verbs` in `data/vocab.yaml`) after its subject, and the sentence's end."""
    text = line.strip()
    if text.startswith(("-", "–", "+", "•")):
        return False
    return (
        bool(BODY_START.match(text))
        or (text.endswith(":") and len(text.split()) > 4)
        or (
            text.endswith(".")
            and len(text.split()) > 6
            # the verb may open the sentence ("Đề nghị Sở X truyền đạt ... ."): a space before it
            and clause_vocab()["assign_word"].search(f" {fold(text)}") is not None
        )
    )


def _type_from_number(number: str | None) -> str | None:
    """The type its symbol's code names: the first segment after the number (Decree 30),
    past the year of a normative document's number ("15/2012/CT-UBND": "CT")."""
    if not number or "/" not in number:
        return None
    rest = number.lstrip("/").split("/", 1)[-1]
    first = re.split(r"[-/]", _YEAR_PART.sub("", rest, count=1))[0]
    return symbol_codes().get(first)


_YEAR_PART = re.compile(r"^(?:19|20)\d\d/")
