"""References: every other document cited with a number, one entry per number.

A document symbol follows Decree 30/2020/NĐ-CP: `766/QĐ-TTg`, `4720/VPCP-KGVX`,
`09/2019/NĐ-CP`, Party documents `57-NQ/TW`, `02-QC/BCĐTW`. Numbers split by a line
break or a stray space (`02/QĐ- UBND`) are one number. The type is the word printed
before the number ("Nghị quyết số ..."), else the one its symbol code names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import alternation, by_first_letter
from dxtrack.extraction.vocab import load as load_vocab

# "Ð" (U+00D0) is how OCR reads "Đ" in a symbol ("555/QĐÐ-BCT", "668/NQ-ÐU"); a copy's stray
# space before an "&" ("7733/BKH-KCHT &ĐT")
_SYM = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*(?:\s&\s?[A-ZĐ][A-Za-zĐđ0-9]*)?"
# the dashes a symbol is printed with: a hyphen, an en dash, and a web copy's hyphen, non-breaking
# hyphen, figure dash or minus
_DASH = "-–\u2010\u2011\u2012\u2212"
# what a number holds after its digits: NUMBER finds none in a text without one of these
_SEPARATORS = "/" + _DASH
_SEPARATOR = re.compile(f"[{re.escape(_SEPARATORS)}]")  # (one search, not one per character)
# how far after a NUMBER match's start its first separator can be: its first digit, four more,
# a suffix of five (".", a space, three digits), a space, the separator; or four more digits, a
# space and a code of up to eight capitals before its slash ("1725 BKH/CSHT")
_SEPARATOR_REACH = 14
# "(?<![\w/.-])\d{1,5}" with the look-behind after the first digit, so that the regex engine
# skips ahead from digit to digit
NUMBER = re.compile(
    # the year may lose its slash in a scan ("96/2026NĐ-CP"); a department code may carry a
    # Roman numeral after a dot ("945/VPCP-V.I", a copy's space before it: "945/VPCP-V .I");
    # the Government's dotted numbers ("66.7/2025/NQ-CP", OCR "66. 7/2025/NQ-CP"); OCR spaces
    # a normative number's digits ("1 25/2025/NĐ-CP"); a number with a letter suffix, issued
    # between two others ("1303a/UBND-NNTNMT")
    rf"(\d(?<![\w/.-]\d)\d{{0,4}}(?:\s\d{{1,3}}(?=/(?:19|20)\d\d/)|\.\s?\d{{1,3}}(?=/)|[a-z](?=/))?"
    # (an OCR doubles the hyphen of a Party number: "668- -NQ/ĐU"; an old letter prints a space
    # for the slash before a code of capitals that a slash or a dash and a code follow: "1725
    # BKH/CSHT", a web copy's "659 TCT-ĐT")
    rf"(?:\s?/\s?(?:19|20)\d\d(?:\s?[{_DASH}/]\s?|(?=[A-ZĐ]{{2}}))|\s?(?:-\s?-|[{_DASH}/])\s?"
    rf"|[ ](?=[A-ZĐ]{{2,8}}[{_DASH}/][A-ZĐ]))"
    rf"{_SYM}(?:\s?[{_DASH}/]\s?{_SYM}|\.(?:[A-ZĐ]{{2,}}|[IVX]{{1,4}}\b)|\s\.[IVX]{{1,4}}\b)*"
    # a police unit's code in brackets, glued or after a space ("83/TTr-CAT(PA05)", "734/BCA (A11)")
    rf"(?:[ ]?\([A-ZĐ]{{1,4}}\d{{1,3}}\))?)"
    rf"(?![\w/])"
)
# "ngày 15/3/2025", "ngày 15 tháng 3 năm 2025" (also "năm2015", a copy glued the year),
# "ngày l6 tháng 6" (an OCR'd "16"), or a bare
# "01/01/2019" right after the number (a scan that lost "ngày")
_DATE_AFTER = re.compile(
    r"^[\s*_]*[,;]?\s*(?:(?:ban\s+hành\s+|đến\s+|cùng\s+)?(?:ngày|ngay)\s*([\dlI]{1,2})\s*(?:[/.\-]\s*(\d{1,2})\s*"
    r"[/.\-]\s*((?:19|20)\d\d)|tháng\s+(\d{1,2})\s+(?:năm|tháng)\s*((?:19|20)\d\d))"
    r"|(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
_DATE_PAREN = re.compile(r"^\s*\((?:ngày\s*)?(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\)")
_DAY = r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)((?:19|20)\d\d)"


@lru_cache(maxsize=1)
def _date_before_pattern() -> re.Pattern[str]:
    """A date before the number that is its date: opening the sentence ("Ngày 13/9/2024, Chủ
    tịch ... đã ban hành Quyết định số ...") or after a comma ("..., ngày 16/8/2018 Bộ X đã có
    Công văn số ..."), with a verb of issuing between (`reference_issue_verbs` in
    `data/vocab.yaml`): "Ngày 20/10/2025, Sở X tổ chức hội nghị triển khai Kế hoạch số ..."
    dates the meeting, "Ngày 05/3/2025, ... nhận được Công văn số ..." its receipt."""
    verbs = "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in load_vocab("vocab")["reference_issue_verbs"]
    )
    return re.compile(
        rf"(?:^|[.;:]\s+|\n)[-–+•]?\s*Ngày\s+{_DAY},?\s[^.;\n]*\b(?:{verbs})\s[^.;\n]*$"
        rf"|,\s+ngày\s+{_DAY},?\s[^.;,\n]*\b(?:{verbs})\s[^.;,\n]*$"
    )


# "số" and its OCR forms ("sô", "so", "sổ", "só"; "s" when a PDF lost the glyph "ố")
_TYPE_BEFORE_GAP = re.compile(r"(?:\s+(?:số|sô|so|sổ|só|s))?[\s*_]*[:.]?[\s*_]*$", re.IGNORECASE)
# what a gap can hold: spaces and these (the letters in any case `re.IGNORECASE` matches)
_GAP_CHARS = frozenset("*_:.sSſoOôÔốỐổỔóÓ")


def gap_from(window: str) -> int:
    """Where the run of characters a gap can hold ends the window: `_TYPE_BEFORE_GAP` (which
    ends at the end) is searched from there, not from every position."""
    k = len(window)
    while k and (window[k - 1].isspace() or window[k - 1] in _GAP_CHARS):
        k -= 1
    return k


# "(?<=[A-ZĐ\d])(?=ngày\s*\d)" (a space goes in there): the word matched, and what comes before
# it checked behind, so that the search skips ahead to the word
_GLUED_DATE = re.compile(r"ngày(?<=[A-ZĐ\d]ngày)(?=\s*\d)")
# "\b([Ss][ốỐ])(?=\d)" (a space goes after it): its "ố" matched, the "S" and the word boundary
# checked behind it, so that the search skips ahead to the rarer letter
_GLUED_SO = re.compile(r"[ốỐ](?<=[Ss][ốỐ])(?<!\w[Ss][ốỐ])(?=\d)")
# "số 10 77/BNN-TCLN": a web copy's stray space inside the digits right after "số", before
# the slash of a code (taken out; a table's row number before a symbol has no "số")
# (written "(?<=[Ss]ố )(\d{1,3}) (?=...)" with the "ố " matched first and put back, so that the
# search skips ahead to that letter)
_SPLIT_DIGITS = re.compile(r"ố(?<=[Ss]ố) (\d{1,3}) (?=\d{1,3}/[A-ZĐ])")
_SO_BEFORE = re.compile(r"(?:số|sô|so|sổ|só)[\s*_]*[:.]?[\s*_]*$")


@lru_cache(maxsize=1)
def _form_before() -> re.Pattern[str]:
    """A form or a table template ("theo mẫu số 01/GHAN", "Biểu số 02/BC") or a technical
    standard ("QCVN số 02/2009/BXD") is no document: `reference_form_words` in
    `data/vocab.yaml`, over folded text."""
    words = alternation(load_vocab("vocab")["reference_form_words"])
    return re.compile(rf"\b(?:{words})(?:\s+(?:số|sô))?\s*:?\s*$")


# a law named between its type word and "số": "Luật Đất đai số 31/2024/QH15", "Bộ luật Lao
# động số 45/2019/QH14"
_LAW_BEFORE = re.compile(
    r"\b(Bộ\s+luật|Luật|Pháp\s+lệnh)\s+[^\d;:()\n]{1,100}?\s(?:số|sô)\s*:?\s*$"
)
# a law's type word right before a name that holds a type word ("Luật Quy hoạch")
_LAW_NAMED = re.compile(r"\b(?:luật|pháp\s+lệnh)\s+$")


def _law_named(head: str, end: int) -> bool:
    """_LAW_NAMED in the head before `end`, searched only where its words are (the pattern
    opens with a word boundary: the regex engine tries every position)."""
    return ("luật" in head or "pháp" in head) and _LAW_NAMED.search(head, 0, end) is not None


# a number without its code after "số" ("Quyết định số 49/2024 ngày ..."), or without year
# and code when its date follows ("Công điện số 1409 ngày 15 tháng 9 năm 2021")
_YEAR_NUMBER = re.compile(
    r"(?:số|sô)\s*:?\s*(\d{1,5}/(?:19|20)\d\d(?![\w/])|\d{1,5}(?=,?\s+ngày\s+\d))"
)
# bare numbers before a number they share the year and code with: "số 45 và 46/2025/NĐ-CP",
# "các Nghị định số 120, 121, 122/2025/NĐ-CP"
_SHARED_RUN = re.compile(r"(?:số|sô)\s+(\d{1,5}(?:\s*(?:,|và)\s*\d{1,5})*)\s*(?:,|và)\s*$")

# compiled once: the helpers below run for every number cited
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"\s")
_NOT_LETTER = re.compile(r"[^A-Za-zĐđÐ]")
_CODE_ONLY = re.compile(r"\d+[-/](?:[A-Z]|ĐA)")
_NUMBERS_LISTED = re.compile(r"\s*(?:,\s*)?(?:số\s+\S+\s*(?:,|\svà)\s*)+$")
_BARE_NUMBERS = re.compile(r"\s+số\s+\d{1,5}(?:\s*(?:,|và)\s*\d{1,5})*\s*(?:,|và)$")


@dataclass
class Reference:
    doc_type: str | None
    number: str
    date: str | None
    issuer: str | None
    start: int
    end: int  # end of the citation (number, date and issuer)
    cut: bool = False  # printed cut short at a line's end ("15/2018/NĐ-")

    def to_dict(self) -> dict[str, str | None]:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
        }


@lru_cache(maxsize=1)
def _types() -> tuple[re.Pattern[str], dict[str, str], str]:
    vocab = load_vocab("vocab")
    names = sorted(
        [*(t["name"] for t in vocab["doc_types"]), *vocab["reference_types"]], key=len, reverse=True
    )
    alt = "|".join(re.escape(fold(n)).replace(r"\ ", r"\s+") for n in names)
    # the plain form (the third item returned) with the names gathered by their first letter
    # and "no letter or digit before it" checked once behind that letter (not once per name),
    # so that the search skips ahead to those letters (tests/extraction/test_fast_paths.py
    # holds both to one result)
    rests: dict[str, list[str]] = {}
    for n in (re.escape(fold(n)).replace(r"\ ", r"\s+") for n in names):
        rests.setdefault(n[0], []).append(n[1:])
    fast = "|".join(rf"{c}(?<!\w.)(?:{by_first_letter(r)})" for c, r in rests.items())
    tail = _type_tail()
    pattern = re.compile(rf"({fast}){tail}")
    plain = rf"(?:^|(?<=[^\w]))({alt}){tail}"
    codes = {t["code"]: t["name"] for t in vocab["doc_types"] if t["code"]}
    codes.update({"QĐ": "Quyết định", "TB": "Thông báo", "CTr": "Chương trình"})
    return pattern, codes, plain


def _type_tail() -> str:
    """What may follow a type word before the number ("Thông báo kết luận số ...", "Công văn
    hỏa tốc 4502/..."): `reference_type_tails` in `data/vocab.yaml`, over folded text."""
    words = load_vocab("vocab")["reference_type_tails"]
    return rf"(?:\s+(?:{alternation(words)}))?$"


@lru_cache(maxsize=1)
def _abbreviation_before() -> re.Pattern[str]:
    """An abbreviated type name right before a number without "số" ("CV 1234/UBND-VX")."""
    names = sorted(load_vocab("vocab")["reference_type_abbreviations"], key=len, reverse=True)
    return re.compile(rf"(?<![\w/])({'|'.join(map(re.escape, names))})[ \t]*$")


def _abbreviated_type(text: str, pos: int) -> str | None:
    m = _abbreviation_before().search(text, max(0, pos - 8), pos)
    return load_vocab("vocab")["reference_type_abbreviations"][m.group(1)] if m else None


@lru_cache(maxsize=1)
def _issuer_pattern() -> re.Pattern[str]:
    """The issuer after "của"/"do", up to what follows it: the subject ("về ...", "phê
    duyệt ..."), a clause, or the next citation ("và Quy định số ...", "và các ...")."""
    vocab = load_vocab("vocab")
    names = sorted(
        [*(t["name"] for t in vocab["doc_types"]), *vocab["reference_types"]], key=len, reverse=True
    )
    types = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    # (a table's cell ends at its "|"; an alias in brackets, "(sau đây gọi là ...)", is none)
    return re.compile(
        r"^[\s*_]*(?:\((?!ngày)[^()\n]{1,60}\)\s*)?(?:của|CỦA|do)\s+((?:(?!\s(?:về|phê\s+duyệt|ban\s+hành|quy\s+định|hướng\s+dẫn"
        r"|thực\s+hiện|triển\s+khai|về\s+việc|v/v|trong|tại|đã|nhằm|để|theo|ngày\s*\d+"
        r"|VỀ|V/V|NGÀY|TẠI"
        rf"|và\s+(?:các\b|(?:{types}|[A-ZĐ]{{2,4}})\s+(?:số|sô|\d+)))\b)[^,;.:()|\n])+"
        r"(?:\((?!sau\s+đây)[^)\n]{1,40}\))?)"
    )


def symbol_codes() -> dict[str, str]:
    """Type codes of document symbols ("QĐ" -> "Quyết định"), from `data/vocab.yaml`."""
    return _types()[1]


def find_references(text: str, *, own_number: str | None = None) -> list[Reference]:
    """All cited numbers in text (body and footnotes), first mention first."""
    if "ố" in text or "Ố" in text:
        text = _GLUED_SO.sub(r"\g<0> ", text)  # "số1234/QĐ-UBND": a web copy's lost space
        text = _SPLIT_DIGITS.sub(r"ố \1", text)
    if "ngày" in text:
        text = _GLUED_DATE.sub(r" \g<0>", text)  # "2345/QĐ-UBNDngày 5 tháng 8": the same
    if any(mark in text for mark in _MARK_CHARS):  # (a translation looks up every character)
        text = text.translate(_MARKS)  # a footnote mark glued to a number: "57-NQ/TW¹"
    folded = fold(text)
    found: dict[str, Reference] = {}
    own = _key(own_number) if own_number else None
    last: Reference | None = None  # the citation accepted last (a list goes on after it)
    run: list[Reference] = []  # the citations of the list the last one closes
    for m in NUMBER.finditer(text):
        raw, stop = _cut_word(m.group(1)), m.start() + len(m.group(1))
        if raw is not m.group(1):
            stop = m.start() + len(raw)
        number = _translated(_SPACES.sub("", raw), _DASH_PAIRS)  # (.translate(_DASHES))
        if not _plausible(number) or _form_before().search(
            folded, max(0, m.start() - 12), m.start()
        ):
            continue
        doc_type = _type_before(folded, m.start(), text) or _abbreviated_type(text, m.start())
        if doc_type is None and not _SO_BEFORE.search(folded, max(0, m.start() - 8), m.start()):
            if last is not None and _LIST_GAP.fullmatch(text, last.end, m.start()):
                doc_type = last.doc_type  # "các Thông báo số 101/TB-UBND, 102/TB-UBND và 118/..."
            elif not (_opens_item(text, m.start()) and _CODE_LETTERS.search(number)):
                continue
        key = _key(number)
        if _is_own(key, own) or (doc_type == "Đề án" and "ĐA" not in number):
            continue  # a programme ("Đề án 06/CP"), not a scheme with its own symbol
        for shared in _shared_run(text, m.start(), number):
            _add(found, Reference(doc_type or _type_from_code(shared), shared, None, None, 0, 0))
        dt, end = _date_after(text, stop)
        dt = dt or _date_before(text, m.start())
        issuer, end = _issuer_after(text, end)
        if dt is None and issuer and _ISSUED_ON.match(text, end):
            # "Công văn số 12/UBND-KT của UBND tỉnh ngày 5/3/2025", "... do UBND tỉnh ban
            # hành ngày 5/3/2025"
            dt, end = _date_after(text, end)
        cut = _CUT_AFTER.match(text, stop) is not None
        if last is None or not _RUN_GAP.fullmatch(text, last.end, m.start()):
            run = []
        if dt and _SAME_DAY.match(text, stop):  # "số 10/QĐ-UBND và số 11/QĐ-UBND cùng ngày ..."
            for earlier in run:
                earlier.date = earlier.date or dt
        last = Reference(
            doc_type or _type_from_code(number), number, dt, issuer, m.start(), end, cut
        )
        run.append(found.get(key, last))
        _add(found, last, key)
    _year_numbers(text, folded, found, own)
    _merge_glued_marks(found)
    _merge_typos(found)
    _merge_cut(found)
    return list(found.values())


# superscript digits (a footnote's mark), read as spaces
_MARK_CHARS = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_MARKS = str.maketrans(dict.fromkeys(_MARK_CHARS, " "))
# a web copy's dashes, printed as the hyphen they stand for (the en dash stays as printed)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212", "-"))
# between two numbers of one list: "số 101/TB-UBND, 102/TB-UBND và 118/TB-UBND", "số 10/...;
# 11/..."
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+|hoặc\s+)")
# the same with "số" before the next number ("số 10/QĐ-UBND và số 11/QĐ-UBND")
_RUN_GAP = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+|hoặc\s+)(?:(?:số|sô)\s*:?\s*)?")
# a date right after the issuer
_ISSUED_ON = re.compile(r"\s+(?:ban\s+hành\s+)?ngày")
# a date shared by a list's numbers
_SAME_DAY = re.compile(r"[\s,]*cùng\s+ngày")
# a number cut short at a line's end: its dash, then the line break
_CUT_AFTER = re.compile(r"[ \t]?[-–][ \t]*(?:\n|$)")
# a word on the next line, which NUMBER took for the rest of a number cut short at the line's
# end ("15/2018/NĐ-" + "Theo khoản ..."): a capital and two lower-case letters; no code is
# written so ("TTg", "QĐi", "CTr" have one)
_WORD_AFTER_BREAK = re.compile(r"\s?[-–/]?[ \t]*\n\s*[A-ZĐ][^\W\d_A-ZĐ]{2}")
# a number opening a table's cell, a dash item or a bracket ("| 1402/UBND-KT ngày 12/6/2025 |",
# "- 35/KH-UBND ngày 20/6/2025 về ...": a list of documents; "(1234/UBND-VX ngày 05/3/2025)")
_ITEM_OPEN = re.compile(r"(?:^|\n|\||\()[ \t]*(?:[-–+•][ \t]*)?$")
# ... when it is a document's symbol: a slash and a code of two capitals (not an item's
# "2- Mua sắm ...", nor a mine's code "(1584-TD)")
_CODE_LETTERS = re.compile(r"/.*[A-ZĐÐ]{2}")


def _cut_word(raw: str) -> str:
    """The number without a word of the next line that NUMBER took for its rest."""
    if "\n" not in raw:
        return raw
    m = _WORD_AFTER_BREAK.search(raw)
    return raw[: m.start()] if m else raw


def _opens_item(text: str, start: int) -> bool:
    return _ITEM_OPEN.search(text, max(0, start - 6), start) is not None


def _is_own(key: str, own: str | None) -> bool:
    """The document's own number, or a cited number that its letterhead number, cut short
    inside a code ("3210/QĐ-U" for "3210/QĐ-UBND"), begins."""
    if own is None:
        return False
    if key == own:
        return True
    return key.startswith(own) and "/" in own and own[-1].isalpha() and key[len(own)].isalpha()


def _merge_cut(found: dict[str, Reference]) -> None:
    """A number printed cut short at a line's end ("15/2018/NĐ-") that another mention prints
    whole ("15/2018/NĐ-CP"): one reference, the whole number."""
    for key, ref in list(found.items()):
        if not ref.cut:
            continue
        whole = next((k for k in found if k != key and k.startswith(key + "-")), None)
        if whole is not None:
            found[whole].date = found[whole].date or ref.date
            found[whole].issuer = found[whole].issuer or ref.issuer
            del found[key]


def _year_numbers(text: str, folded: str, found: dict[str, Reference], own: str | None) -> None:
    """Numbers printed without their code after a type word: "Quyết định số 49/2024 ngày
    27 tháng 11 năm 2024", "Luật Ban hành văn bản quy phạm pháp luật số 64/2025 được ..."."""
    for m in _YEAR_NUMBER.finditer(text):
        doc_type = _type_before(folded, m.start(1), text)
        if doc_type is None or _key(m.group(1)) == own:
            continue
        dt, end = _date_after(text, m.end())
        issuer, end = _issuer_after(text, end)
        _add(found, Reference(doc_type, m.group(1), dt, issuer, m.start(1), end))


def _merge_typos(found: dict[str, Reference]) -> None:
    """A number whose code the OCR misread at one of its mentions ("47/2025/QH15" /
    "47/2025/QHI5" / "47/2025/QHI15"): one reference, the first form. Only a misreading
    (`_misread`) counts; codes one letter apart name two documents ("07/2025/TT-BNNMT" /
    "07/2025/TT-BTNMT")."""
    refs = list(found.items())
    order = {key: i for i, (key, _) in enumerate(refs)}
    near = _lookalike_keys(list(order))
    for i, (key, ref) in enumerate(refs):
        if key not in found:
            continue
        # the later numbers that may be a misreading of this one, in order (every pair of a
        # long list was tried before: quadratic in a plan citing a thousand numbers)
        for other_key in sorted((k for k in near[key] if order[k] > i), key=order.__getitem__):
            other = refs[order[other_key]][1]
            if other_key in found and other.doc_type == ref.doc_type and _misread(key, other_key):
                ref.date = ref.date or other.date
                ref.issuer = ref.issuer or other.issuer
                del found[other_key]


def _lookalike_keys(keys: list[str]) -> dict[str, set[str]]:
    """For each key, the other keys `_misread` may pair it with (a superset): those of its
    length that differ from it only at one of its "1", "i" or "l", and those one "i" or "l"
    longer or shorter."""
    same: dict[str, list[str]] = {}  # the key with one of its "1", "i", "l" blanked
    shorter: dict[str, list[str]] = {}  # the key without one of its "i", "l"
    for key in keys:
        for k, c in enumerate(key):
            if c in "1il":
                same.setdefault(f"{key[:k]}\0{key[k + 1 :]}", []).append(key)
            if c in _ADDED and k:
                shorter.setdefault(key[:k] + key[k + 1 :], []).append(key)
    near: dict[str, set[str]] = {key: set() for key in keys}
    for group in [*same.values(), *(v + [k] for k, v in shorter.items() if k in near)]:
        for key in group:
            near[key].update(group)
    for key in keys:
        near[key].discard(key)
    return near


# what OCR reads a "1" as, and the letters it adds next to one
_LOOKALIKES = {("1", "i"), ("1", "l")}
_ADDED = frozenset("il")


def _misread(a: str, b: str) -> bool:
    """One of the (folded) numbers is the other with a "1" read as a letter, or with a
    letter added next to a "1"."""
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and (diff[0] in _LOOKALIKES or diff[0][::-1] in _LOOKALIKES)
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(
        long_[k] in _ADDED and long_[:k] + long_[k + 1 :] == short and "1" in long_[k - 1 : k + 2]
        for k in range(1, len(long_))
    )


def _add(found: dict[str, Reference], ref: Reference, key: str | None = None) -> None:
    """Record a citation (`key`: its number's `_key`, when known); a repeat fills what the
    first mention lacked."""
    first = found.setdefault(key if key is not None else _key(ref.number), ref)
    if first is not ref:
        first.date = first.date or ref.date
        first.issuer = first.issuer or ref.issuer


def _shared_run(text: str, pos: int, number: str) -> list[str]:
    """Bare numbers before `number` that share its year and code ("số 45 và 46/2025/NĐ-CP"
    -> "45/2025/NĐ-CP")."""
    m = _SHARED_RUN.search(text, max(0, pos - 60), pos)
    if not m:
        return []
    suffix = number[len(re.match(r"\d+", number).group()) :]  # type: ignore[union-attr]
    return [n + suffix for n in re.findall(r"\d+", m.group(1))]


def _merge_glued_marks(found: dict[str, Reference]) -> None:
    """A footnote mark glued to a number ("42/2024/QH151") when the bare number is cited too
    (in the footnote itself): one reference, the bare number."""
    for key, ref in list(found.items()):
        for cut in (1, 2):
            bare = found.get(key[:-cut])
            if key[-cut:].isdigit() and bare is not None:
                bare.date = bare.date or ref.date
                bare.issuer = bare.issuer or ref.issuer
                del found[key]
                break


@lru_cache(maxsize=1024)  # a clause's deadline and its period day mask the same spans
def citation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of citations (number + date + issuer), masked when looking for deadlines."""
    spans = []
    # every number holds a "/" or one of the dashes after its digits (most clauses with none
    # cite none), at most _SEPARATOR_REACH characters after its start: the search starts
    # there before the first one (its look-behind still sees what comes before)
    sep = _SEPARATOR.search(text)
    numbers = NUMBER.finditer(text, max(0, sep.start() - _SEPARATOR_REACH)) if sep else ()
    for m in numbers:
        spans.append((m.start(), _date_end(text, m.end())))
    if "/" in text and ("số" in text or "sô" in text):
        spans += [(m.start(1), m.end(1)) for m in _YEAR_NUMBER.finditer(text)]
        spans.sort()
    return tuple(spans)


def _key(number: str) -> str:
    """A number as compared: folded, spaces dropped, every dash a hyphen, "Đ" (and OCR's "Ð")
    as "D" ("1875/QÐ-UBND" and "1510/QD-UBND" are "1875/QĐ-UBND" and "1510/QĐ-UBND")."""
    return "".join(_translated(fold(number), _KEY_PAIRS).split())  # _KEY_DROP.sub("", ...)


_KEY_LETTERS = str.maketrans(
    {"đ": "d", "ð": "d", **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")}
)


def _pairs(table: dict[int, str]) -> tuple[tuple[str, str], ...]:
    return tuple((chr(k), v) for k, v in table.items())


def _translated(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text.translate` of a table of characters to characters none of which it maps again
    (`_pairs` of it), each replaced only where it is: a translation looks every character of
    the text up, the lookup failing (an exception caught) for most, slower on a number."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


_KEY_PAIRS = _pairs(_KEY_LETTERS)
_DASH_PAIRS = _pairs(_DASHES)


def _plausible(number: str) -> bool:
    letters = _NOT_LETTER.sub("", number)
    return len(letters) >= 2 and not _CODE_ONLY.fullmatch(number)


def _type_before(folded: str, pos: int, text: str) -> str | None:
    pattern = _types()[0]
    window = folded[max(0, pos - 60) : pos]
    gap = _TYPE_BEFORE_GAP.search(window, gap_from(window))
    head = window[: gap.start()] if gap else window
    if "số" in head:  # what both need (most heads lose their "số" with the gap)
        head = _NUMBERS_LISTED.sub("", head).rstrip()  # "các Tờ trình số A, số B"
        head = _BARE_NUMBERS.sub("", head)  # "số 45 và"
    else:
        head = head.rstrip()
    m = pattern.search(head)
    if not m or _law_named(head, m.start(1)):  # "Luật Quy hoạch số ..." is a law
        law = _LAW_BEFORE.search(text, max(0, pos - 130), pos)
        return " ".join(law.group(1).split()) if law else None
    start = max(0, pos - 60) + m.start(1)
    printed = text[start : start + len(m.group(1))]
    return " ".join(printed.split()).capitalize() if printed else None


def _type_from_code(number: str) -> str:
    codes = _types()[1]
    for part in re.split(r"[-/]", number)[1:]:
        code = part if part in codes else re.sub(r"\d+$", "", part)  # "QH15" -> "QH"
        if code in codes:
            return codes[code]
    return "Công văn"


def _date_match(text: str, pos: int) -> re.Match[str] | None:
    """The date right after a cited number at pos (in a window of 80 characters)."""
    window = text[pos : pos + 80]
    return _DATE_AFTER.match(window) or _DATE_PAREN.match(window)


def _date_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _date_match(text, pos)
    if not m:
        return None, pos
    groups = [g for g in m.groups() if g]
    day = groups[0].replace("l", "1").replace("I", "1")
    try:
        return date(int(groups[2]), int(groups[1]), int(day)).isoformat(), pos + m.end()
    except ValueError:
        return None, pos + m.end()


def _date_end(text: str, pos: int) -> int:
    """Where `_date_after` ends (the date itself not read)."""
    m = _date_match(text, pos)
    return pos + m.end() if m else pos


def _date_before(text: str, pos: int) -> str | None:
    window = text[max(0, pos - 200) : pos]
    # every match holds "Ngày" or "ngày" with no "." nor ";" after it (most windows lack one)
    tail = window[max(window.rfind("."), window.rfind(";")) + 1 :]
    if "gày" not in tail or ("Ngày" not in tail and "ngày" not in tail):
        return None
    m = _date_before_pattern().search(window)
    if not m or NUMBER.search(window, max(m.end(i) for i in range(1, 7) if m.group(i))):
        return None  # the date opening the sentence dates the first document cited after it
    d, mo, y = (int(g) for g in m.groups() if g)
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _issuer_pattern().match(text[pos : pos + 200])
    if not m:
        return None, pos
    issuer = " ".join(m.group(1).split()).strip()
    return (issuer or None), pos + m.end()
