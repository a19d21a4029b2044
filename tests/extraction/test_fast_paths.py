"""The engine's fast paths give what the plain forms they replace give (issue 11's speed bar):
checked over every line of the tune corpus and the seeds, plus the odd characters that take
the slow path."""

from __future__ import annotations

import html
import random
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from dxtrack import vn
from dxtrack.extraction import clauses, layout, legacy, normalize, reader_text
from dxtrack.extraction.fields import (
    dateline,
    deadline,
    letterhead,
    metadata,
    parties,
    recurrence,
    references,
    signature,
    subjects,
    task_build,
)
from dxtrack.extraction.fields.agencies import get_matcher
from dxtrack.extraction.fields.agency_expansion import (
    TITLE_GUARDS,
    TITLE_REWRITES,
    _at_word_start,
    _by_first_letter,
    kind_word_heads,
)
from dxtrack.extraction.fields.clause_words import (
    background_end,
    clause_vocab,
    closing_at,
    opens_with_closing,
)
from dxtrack.extraction.fields.references import NUMBER
from dxtrack.extraction.textutil import ATTRIBUTE, LEVEL_BLOCK, fold, holds_any, is_upper_line
from dxtrack.extraction.vocab import alternatives, anchored, cued, cues, syntax
from dxtrack.extraction.vocab import load as load_vocab

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "tests" / "extraction" / "corpus" / "tune").glob("*.txt")) + sorted(
    (ROOT / "samples" / "seeds").glob("*.txt")
)


@pytest.fixture(scope="module")
def lines() -> list[str]:
    out = [line for path in TEXTS for line in path.read_text(encoding="utf-8").split("\n")]
    assert len(out) > 5000
    return out


ODD = [
    "",
    "İstanbul ĐIỀU",  # a capital whose lower case is longer
    "Quye\u0301t đi\u0323nh",  # decomposed marks
    "ΣΟΦΟΣ Ǆ ﬁ Ω",
    "Hoà Quý Uỷ ban – “Đã ký” … •",
]


def test_fold_without_accents_translates_as_its_slow_path_folds(lines: list[str]) -> None:
    """`vn.fold(accents=False)` translates a line of plain Vietnamese characters by one table
    (the engine's hot paths fold whole lines): the same as its NFD path, `vn._fold`."""
    for text in [*lines, *ODD]:
        assert vn.fold(text, accents=False) == vn._fold(text, False), text


def _closing_search(text: str) -> re.Match[str] | None:
    """The plain form of `closing_at`: the first formula the alternation finds outside
    brackets (a formula inside them is an aside on a cited document), searched again after
    the bracket that holds one."""
    closing = clause_vocab()["closing"]
    m = closing.search(text)
    while m and text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
        close = text.find(")", m.start())
        m = closing.search(text, close + 1) if close >= 0 else None
    return m


def test_closing_at_finds_the_closing_search(lines: list[str]) -> None:
    found = 0
    for line in [*lines, "giao sở x (thông tư có hiệu lực kể từ ngày 01/5/2024) trân trọng"]:
        for text in (fold(line), fold(line[:160]), fold(line).lstrip("-–+• ")):
            m = _closing_search(text)
            assert closing_at(text) == (m.start() if m else None), text
            found += m is not None
    assert found > 100


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("^a|b", False), ("^(a)|b", False), ("x^", False), ("^(?:a|b)c", True), ("^[|]x", True)],
)
def test_anchored(pattern: str, expected: bool) -> None:
    assert anchored(pattern) is expected


# Each fast form and the look-behind form it stands for: the engine puts the look-behind after
# the first digit or word, where the regex engine can skip ahead to candidates.
PLAIN_FORMS = {
    deadline._D_ALONE: r"(?<![\d/])(\d{1,2})",
    deadline._D_NO_DIGIT: r"(?<!\d)(\d{1,2})",
    deadline._D_FREE: r"(?<![\d/.\-])(\d{1,2})",
    r"năm(?<=từ\snăm)": r"(?<=từ\s)năm",
    r"năm(?<=trước\snăm)": r"(?<=trước\s)năm",
}


def test_rewritten_patterns_match_their_plain_forms(lines: list[str]) -> None:
    pairs = []
    for _, fast, _, _ in deadline.RULES:
        plain = fast.pattern
        for form, original in PLAIN_FORMS.items():
            plain = plain.replace(form, original)
        pairs.append((re.compile(plain), fast))
    assert sum(p.pattern != f.pattern for p, f in pairs) >= 7
    fast_number = r"(\d(?<![\w/.-]\d)\d{0,4}"
    assert NUMBER.pattern.startswith(fast_number)
    plain_number = re.compile(NUMBER.pattern.replace(fast_number, r"(?<![\w/.-])(\d{1,5}", 1))
    pairs.append((plain_number, NUMBER))
    hits = 0
    for line in lines:
        for text in (line, fold(line)):
            for plain, fast in pairs:
                want = [(m.span(), m.groups()) for m in plain.finditer(text)]
                assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, text
                hits += len(want)
    assert hits > 1000


def test_deadline_rules_matched_at_days(lines: list[str]) -> None:
    """The deadline rules matched only where a day opens (deadline._DAY_LED) are those whose
    pattern opens with a day form (a digit first, then a look-behind), then a separator (kind
    1) or "tháng" (kind 2), with no alternation outside its groups; over the corpus lines (and
    odd ones), the matches tried at `_days` are those of `finditer` over the whole clause."""
    days = (deadline._D_ALONE, deadline._D_FREE, deadline._D_NO_DIGIT)
    assert all(day.startswith("(\\d(?<") for day in days)
    rules = {name: pattern for name, pattern, _, _ in deadline.RULES}
    assert deadline._DAY_LED.keys() <= rules.keys()
    follows = {1: (r"\s*[/.\-]", r"\s*([/.\-])", r"\s*/"), 2: (r"\s+tháng",)}
    for name, pattern in rules.items():
        assert (name in deadline._DAY_LED) is pattern.pattern.startswith(days), name
        if name in deadline._DAY_LED:
            assert not any(c == "|" and d == 0 for _, c, d in syntax(pattern.pattern)), name
            rest = next(pattern.pattern[len(d) :] for d in days if pattern.pattern.startswith(d))
            assert rest.startswith(follows[deadline._DAY_LED[name]]), name
    odd = [
        "1/2/2025 12 / 3 /2025 ngày 5 tháng 6 năm 2026",
        "123/4 1.2.25 ٣/٤/2025 7- 8 -25 9 tháng",
    ]
    found = 0
    for text in [*(fold(line) for line in lines), *odd]:
        at = deadline._days(text)
        for name, kind in deadline._DAY_LED.items():
            want = [(m.span(), m.groups()) for m in rules[name].finditer(text)]
            got = deadline._matches_at(rules[name], text, at[kind - 1])
            assert [(m.span(), m.groups()) for m in got] == want, (name, text)
            found += len(want)
    assert found > 1000


def test_markers_matched_as_one_alternation(lines: list[str]) -> None:
    """match_marker's one alternation of MARKERS finds the marker the loop over them, pattern
    by pattern, finds (the first that matches), over the corpus lines and odd ones."""

    def plain(text: str) -> tuple[str, str, float, int] | None:
        section = clauses._SECTION.match(text)
        if section and is_upper_line(text[section.end() :]):
            return "section", section.group(1), 0.5, section.end()
        muc = clauses._MUC.match(text) if text[:1] == "M" else None
        if muc and (muc.end() == len(text) or is_upper_line(text[muc.end() :])):
            return "part", muc.group(1), 0.2, muc.end()
        for kind, pattern, rank in clauses.MARKERS:
            m = pattern.match(text)
            if m:
                if kind in clauses._CONTENT_KINDS and not clauses._WORDY.search(text, m.end()):
                    return None
                label = m.group(1) if m.groups() else ""
                if kind == "number" and "." in label:
                    rank = 2 + 0.1 * label.count(".")
                return kind, label, rank, m.end()
        return None

    odd = ["1. Sở", "1.2.a) x", "II.1. Sở", "(24).", "- x", "+ y", "iii) z", "(ii). w", "a/ Sở"]
    odd += ["Điêu 2. X", "PHẦN THỨ HAI", "Nhiệm vụ 3: x", "1- Sở", "1.1.Triển", "8) Sở", ""]
    found = 0
    for line in [*lines, *odd]:
        want = plain(line)
        assert clauses.match_marker(line) == want, line
        found += want is not None
    assert found > 1000


def test_appraisal_words_tested_as_literals(lines: list[str]) -> None:
    """The appraisal words found with `in` over a clause's first 200 characters where the
    alternation's search up to 200 finds one."""
    plain = re.compile("|".join(map(re.escape, task_build.APPRAISAL_WORDS)))
    odd = ["x" * 190 + " ghi nhận", "x" * 189 + "ghi nhận", "hđnd tỉnh đánh giá cao", ""]
    for text in [*(fold(line) for line in lines), *odd]:
        head = text[:200]
        got = any(w in head for w in task_build.APPRAISAL_WORDS)
        assert got is (plain.search(text, 0, 200) is not None), text


def test_appraisal_words_cover_the_vocabulary() -> None:
    """Every form of vocab.yaml's `appraisal_verbs` holds one of the hand-kept literal words,
    so the cheap test never skips a clause an entry would match (each alternative of a leading
    group checked with the rest of its entry)."""
    for entry in load_vocab("vocab")["appraisal_verbs"]:
        forms = [entry]
        if entry.startswith("(?:"):
            close = entry.index(")")
            forms = [alt + entry[close + 1 :] for alt in entry[3:close].split("|")]
        for form in forms:
            assert any(w in form for w in task_build.APPRAISAL_WORDS), entry


def test_recurrence_rules_need_their_cues(lines: list[str]) -> None:
    cases = (ROOT / "tests" / "extraction" / "cases" / "recurrence.txt").read_text(encoding="utf-8")
    matched = 0
    for text in [fold(t) for t in [*lines, *cases.split("\n")]]:
        for name, pattern in recurrence.RULES:
            if pattern.search(text):
                matched += 1
                for group in recurrence.RULE_CUES[name]:
                    assert any(word in text for word in group), (name, text)
    assert matched > 100


def test_recurrence_rules_hold_their_cores(lines: list[str]) -> None:
    """Every match of a rule with a core (recurrence.RULE_CORES) holds it: a clause without
    the core is spared the rule's search."""
    cases = (ROOT / "tests" / "extraction" / "cases" / "recurrence.txt").read_text(encoding="utf-8")
    forms = [
        "định kỳ 06 tháng báo cáo",
        "hằng sáu tháng",
        "6 tháng / lần",
        "nửa năm một lần",
        "báo cáo 6 tháng: trước ngày 05/7",
        "thời gian: 06 tháng, hằng năm",
        "kỳ báo cáo là 01 năm",
        "ngày 15 tháng 02 của năm liền kề sau năm báo cáo",
        "mỗi năm",
        "01 lần/năm",
        "năm một lần",
        "trước ngày 25/12 và 30/6 hằng năm",
        "định kỳ báo cáo kết quả cho ubnd tỉnh hằng năm",
        "hằng năm, trước ngày 31 tháng 12",
        "báo cáo kết quả thực hiện nghị quyết này hằng năm",
    ]
    matched = dict.fromkeys(recurrence.RULE_CORES, 0)
    for text in [fold(t) for t in [*lines, *cases.split("\n"), *forms]]:
        for name, core in recurrence.RULE_CORES.items():
            pattern = dict(recurrence.RULES)[name]
            for m in pattern.finditer(text):
                matched[name] += 1
                assert core.search(text, m.start(), m.end()), (name, m.group(0), text)
    assert all(count > 10 for count in matched.values()), matched


def test_row_time_matched_at_the_last_dashes(lines: list[str]) -> None:
    """`deadline._row_time` matches the row patterns only before the clause's last two dashes:
    the same as searching them over the clause; every `_TIME_LABEL` holds "thời" or "tiến"
    (the words `find_deadlines` looks up before searching it)."""
    odd = [
        "tổ chức tập huấn - sở nội vụ - năm 2026.",
        "tổ chức tập huấn - năm 2026 - sở nội vụ.",
        "- tổ chức - x – sở y – năm 2026 ;",
        "a -b - c - năm 2026",
        " - năm 2026 - sở nội vụ",
        "-- - 2026",
        "x - y - z - tháng 8/2026 - sở tài chính.",
        "thời gian thực hiện: năm 2026",
    ]
    plain = 0
    for text in [*(fold(line) for line in lines), *odd]:
        want = deadline._ROW_TAIL.search(text) or deadline._ROW_MID.search(text)
        got = deadline._row_time(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), text
        plain += want is not None
        if label := deadline._TIME_LABEL.search(text):
            assert "thời" in label.group(0) or "tiến" in label.group(0), text
    assert plain >= 3


def test_line_helpers_give_their_plain_results(lines: list[str]) -> None:
    odd = [
        "  a\u00a0b\tc  ",
        "a\u200bb ƣ",
        "x, ",
        "các   ",
        "(Đã ký) **A**",
        "đã ký: B",
        "./. KT. CHỦ TỊCH",
        "Ðiều 2. Sở X ðược giao, 555/QĐÐ-BCT, NQ/ÐU",
        # specks (clean looks for them only where one of their characters is)
        "Dang! Ngọc Minh",
        "Trần’ Văn Bình",
        "Lê  Văn Tám\tc",
        "Nguyễn Văn An w ",
        "Hà Thị Lan'",
        "Võ Văn A b",
        "a b",
    ]
    for line in [*lines, *odd]:
        plain = normalize._ETH.sub(normalize._eth, line)
        assert normalize.clean_line(line) == (
            normalize._SPACES.sub(" ", plain.translate(normalize._INVISIBLE)).strip()
        )
        assert normalize._connector_end(line) is bool(normalize._CONNECTOR_END.search(line))
        assert normalize._motto(line) is bool(normalize._MOTTO.search(line))
        glued = [line] if "|" in line or not normalize._GLUED_CLOSING.search(line) else None
        assert normalize._glued_closing(line) == (glued or normalize._GLUED_CLOSING.split(line))
        marks = " ".join(signature._MARKS.sub(" ", signature._SIGNED.sub(" ", line)).split())
        spotless = PLAIN_SPECKS.sub("", marks)  # OCR's specks on a name's line
        plain = spotless if spotless != marks and signature._NAME.match(spotless) else marks
        if not signature._STAMP.match(plain):
            assert signature.clean(line) == plain


PLAIN_SPECKS = re.compile(rf"(?<=[{vn.LOWER}])[!'’]|\s+[{vn.LOWER}]$")


def test_signature_line_helpers_give_their_plain_results(lines: list[str]) -> None:
    """The specks pattern opening with its characters' class, and the glued signer tried only
    on a line ending with a lower-case letter, give what their plain forms give."""
    rnd = random.Random(7)
    odd = [
        "".join(rnd.choice("ab ’'!\n Á.;") for _ in range(rnd.randint(0, 10))) for _ in range(20000)
    ]
    for text in [*lines, *odd]:
        assert [m.span() for m in signature._SPECKS.finditer(text)] == [
            m.span() for m in PLAIN_SPECKS.finditer(text)
        ], text

    def plain_glued(line: str) -> list[str]:
        bare = signature._NO_SPACE_SIGNER.match(line)  # "PHÓ CHỦ NHIỆMNguyễn Văn A"
        if (
            bare
            and signature._LAST_TITLE.search(bare.group("title"))
            and signature._family_name(bare.group("name"))
        ):
            return [bare.group("title"), bare.group("name")]
        m = signature._GLUED_SIGNER.search(line) if not signature._TITLE_NAME.match(line) else None
        if not m or not is_upper_line(m.group("title")):
            return [line]
        if not signature._LAST_TITLE.search(m.group("title")):
            return [line]
        return [line[: m.start()].rstrip(), line[m.start() :]]

    glued = 0
    extra = ["THỦ TƯỚNG Nguyễn Tấn Dũng", "- Lưu: VT (5b) THỦ TƯỚNG Nguyễn Tấn Dũng\n", "a", "ab\n"]
    for line in [*lines, *(signature.clean(x) for x in lines), *extra, *odd]:
        assert signature._glued_signer(line) == plain_glued(line), line
        glued += len(plain_glued(line)) > 1
    assert glued > 5


def test_signature_clean_substitutes_as_its_plain_form(lines: list[str]) -> None:
    """`signature.clean`'s first step, substituting the "(đã ký)" and Markdown marks only where
    a match can be and squeezing spaces only where there are some to squeeze, gives what the
    plain substitutions give."""

    def plain_marks(line: str) -> str:
        return " ".join(signature._MARKS.sub(" ", signature._SIGNED.sub(" ", line)).split())

    odd = [
        "(Đã KÝ)",
        "[daKY] Nguyễn A",
        "Đã ký: Lê B",
        "ĐÃ KÝ Lê B",
        "(chữ  ký số)",
        "# Tiêu đề",
        "a\\ b",
        "x &nbsp; y",
        "**Nguyễn Văn A**",
        " a\u00a0b ",
        "a\tb",
        "a  b",
        "",
        " ",
        "(\u212aý số)",
    ]
    changed = 0
    for line in [*lines, *odd]:
        assert signature._unmarked(line) == plain_marks(line), line
        changed += plain_marks(line) != line
    assert changed > 100


def test_a_closing_at_the_start_is_a_closing_match(lines: list[str]) -> None:
    closing = clause_vocab()["closing"]
    for text in (fold(line[:400]) for line in lines):
        assert (closing_at(text) == 0) is (closing.match(text) is not None), text
        assert opens_with_closing(text) is (closing.match(text) is not None), text


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (
            r"^(?:[^.;:]{0,80}?\s+)?(?:yêu\s+cầu|đề\s+nghị)\s+[^.]{0,200}?thực\s+hiện[./\s]*$",
            ("thực", "hiện"),
        ),
        (r"n[ơo]i\s+nh[ậa]n", ("nh",)),
        (r"^ký bởi\s*:", ("ký", "bởi")),
        (r"^(?:kt|tm)\.\s*\S", ()),
        (r"abc?d", ("ab",)),
        (r"ab|cd", ()),
        (r"(?i)abc", ()),
        (r"ab[cd]{2}ef(?=gh)", ("ab", "ef")),
        # a look-behind's words are in the text before the match
        (r"\s(?<=^tại\s)số", ("số", "tại")),
        (r"(?<=ab|cd)xy", ("xy",)),
        (r"(?:(?<=ab)cd|ef)gh", ("gh",)),
    ],
)
def test_cues(pattern: str, words: tuple[str, ...]) -> None:
    """The words a vocabulary pattern cannot match without (tried before the pattern)."""
    assert cues(pattern) == words


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in [*_strings(k), *_strings(v)]]
    if isinstance(data, list | tuple):
        return [s for v in data for s in _strings(v)]
    return []


def test_has_flags_is_the_compiled_patterns_flags() -> None:
    """`has_flags` (read off the pattern's opening) is what compiling it says of its flags,
    over every string of the data files as `folded_pattern` gives it, and odd flag groups."""
    from dxtrack.extraction.vocab import folded_pattern, has_flags

    odd = [r"(?i)abc", r"(?u)abc", r"(?iu)a", r"(?u)(?s)a", r"(?i:ab)c", r"(?a)x", r"(?x) a b"]
    odd += [r"(?:ab)c", r"\(?i)", r"[(?i)]", r"(?u)"]
    tried = 0
    for name in ("agencies", "layout", "metadata", "ocr_fixes", "vocab"):
        for entry in [*_strings(load_vocab(name)), *odd]:
            for pattern in dict.fromkeys((entry, folded_pattern(entry))):
                try:
                    flags = re.compile(pattern).flags
                except re.error:
                    continue
                tried += 1
                assert has_flags(pattern) is bool(flags & ~re.UNICODE), pattern
    assert tried > 1000


def test_agency_rewrites_match_their_plain_form(lines: list[str]) -> None:
    """The abbreviations and office-holder titles, one alternation whose look-behinds follow
    each pattern's first letter, rewrite as their plain form (one look-behind in front)."""
    vocab = load_vocab("agencies")
    abbr = vocab["abbreviations"]
    heads = kind_word_heads(vocab)
    rewrites = [*TITLE_REWRITES.values(), *vocab["head_typos"].values(), *heads.values()]
    titles = [*TITLE_REWRITES, *(rf"{t}(?=[ \t]+[A-ZĐÀ-Ỹ])" for t in vocab["head_typos"])]
    titles += list(heads)
    plain = re.compile(
        r"(?<![\w&])(?:(?P<abbr>"
        + "|".join(re.escape(a) for a in sorted(abbr, key=len, reverse=True))
        + r")(?![\w&])|"
        + "|".join(f"(?P<t{i}>{p})" for i, p in enumerate(titles))
        + ")"
    )

    def plain_replacement(m: re.Match[str]) -> str:
        if m.group("abbr"):
            return abbr[m.group("abbr")]
        return next(r for i, r in enumerate(rewrites) if m.group(f"t{i}") is not None)

    matcher = get_matcher(())
    odd = ["xUBND &UBND UBND& UBND-KT", "Giám đốc: Sở X, Vu Kế hoạch", "các đồng chí trưởng thôn"]
    # the patterns kept out where their guard word is missing (TITLE_GUARDS)
    odd += ["Phó trưởng ban là Giám đốc Sở Tài chính", "ủy viên thường trực là Chủ tịch các xã"]
    odd += ["Trưởng các thôn, tổ dân phố", "cục Thuê tỉnh", "Trưởng ban là", "là trưởng các"]
    changed = 0
    for line in [*lines, *odd]:
        want = plain.sub(plain_replacement, line)
        assert matcher.expand(line).text == want, line
        changed += want != line
    assert changed > 500


def test_agency_rewrite_guards_are_literal_in_their_patterns() -> None:
    """A guarded pattern is left out of the alternation where its guard word is missing:
    the word must be one the pattern spells out."""
    assert TITLE_GUARDS
    for pattern, guard in TITLE_GUARDS.items():
        assert guard in pattern.replace(r"[Tt]", "t"), pattern


def test_fold_tone_pairs_match_their_plain_form(lines: list[str]) -> None:
    """`vn._MISPLACED` (a leading class, each form checking its first letter behind) finds
    what its plain form finds, over the corpus and random strings of the letters involved."""
    letter = r"[^\W\d_]"
    plain = re.compile(
        rf"o[àáảãạèéẻẽẹ](?!{letter})|[òóỏõọ][ae](?={letter})|(?<!q)u[ỳýỷỹỵ](?!{letter})"
        rf"|(?<!q)[ùúủũụ]y(?={letter})|q[ùúủũụ]y"
    )
    rnd = random.Random(11)
    alphabet = "oòóỏõọuùúủũụqaàáảãạeèéẻẽẹyỳýỷỹỵnh 1"
    odd = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    found = 0
    for text in [*(line.lower() for line in lines), *odd]:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in vn._MISPLACED.finditer(text)] == want, text
        found += len(want)
    assert found > 1000


def test_reader_counts_match_their_character_loops(lines: list[str]) -> None:
    """The reader's shares, counted by the regex engine, equal the character-by-character
    counts they replace, on the corpus and on random text of every kind of character."""

    def control_share(text: str) -> float:
        head = text[:100_000]
        bad = sum(1 for ch in head if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
        bad -= sum(head.count(ch) for ch in "\n\r\t\f")
        return bad / max(1, len(head))

    def unicode_vietnamese(text: str) -> bool:
        text = text[:200_000]
        outside = sum(1 for ch in text if "\u0100" <= ch <= "\u1ef9" and ch.isalpha())
        latin1 = sum(1 for ch in text if "\u00a0" <= ch <= "\u00ff")
        return outside > 0 and outside >= latin1

    rnd = random.Random(5)
    pools = [range(0x300), range(0x1E00, 0x2100), range(0xD800, 0xE100), range(0x30000, 0x30100)]
    odd = ["".join(chr(rnd.choice(rnd.choice(pools))) for _ in range(40)) for _ in range(3000)]
    for text in ["\n".join(lines), *lines[:2000], *odd, "", "\x00\n\t\f\r"]:
        assert reader_text._control_share(text) == control_share(text), text
        assert legacy.has_unicode_vietnamese(text) is unicode_vietnamese(text), text


def test_alternatives() -> None:
    """A closing formula opening with a group of alternatives is searched as one formula per
    alternative (the search then skips ahead by first letters); an optional group stays."""
    assert alternatives(r"(?:luật|pháp\s+lệnh)\s+này") == [r"luật\s+này", r"pháp\s+lệnh\s+này"]
    assert alternatives(r"(?:a|b)?c") == [r"(?:a|b)?c"]
    assert alternatives(r"(?:a|b(?:c|d)|[|)]e)x") == ["ax", "b(?:c|d)x", "[|)]ex"]


def test_type_gap_searched_from_its_run(lines: list[str]) -> None:
    """The gap before a cited number ("Kế hoạch số: 12/KH-UBND") searched from the run of
    characters it can hold is the gap searched from the window's start."""
    gap = references._TYPE_BEFORE_GAP
    odd = ["Kế hoạch SỐ : ", "số\n", "ſo ", "x *_ số:. ", "", "  ", "Ô.", "abc số ố"]
    windows = [
        fold(line)[max(0, m.start() - 60) : m.start()]
        for line in lines
        for m in NUMBER.finditer(line)
    ]
    assert len(windows) > 1000
    for window in [*windows, *odd, *(w.upper() for w in windows[:2000])]:
        want = gap.search(window)
        got = gap.search(window, references.gap_from(window))
        assert (got.span() if got else None) == (want.span() if want else None), window


def test_type_words_before_a_number_match_their_plain_form(lines: list[str]) -> None:
    """The type word ending the text before a cited number, searched by its first letter
    (the check that no letter or digit comes before it behind that letter), is the plain
    form's: over the 60 characters before each number of the corpus, every shorter tail of
    them, and odd heads."""
    fast, _, plain_pattern = references._types()
    plain = re.compile(plain_pattern)
    odd = ["quyết định", "xquyết định", "1quyết định", "-quyết định", "\nchỉ thị", "luật", "lệnh"]
    odd += ["thông báo kết luận", "thông tư  liên tịch", "pháp lệnh", "kế hoạch ", "", "k"]
    heads = [
        fold(line)[max(0, m.start() - 60) : m.start()].rstrip(" :.số")
        for line in lines
        for m in NUMBER.finditer(line)
    ]
    found = 0
    for head in [*heads, *odd]:
        for k in range(0, len(head), 7):
            want = plain.search(head[k:])
            got = fast.search(head[k:])
            assert (got.span(1) if got else None) == (want.span(1) if want else None), head
            found += want is not None
    assert found > 1000


def test_within_year_matches_its_plain_form(lines: list[str]) -> None:
    """The within_year rule, its forms opening with their first letters, finds what its plain
    form (look-behinds in front) finds: the same spans and years, over the corpus and over
    generated phrases of its context words."""
    fast = next(p for name, p, _, _ in deadline.RULES if name == "within_year")
    plain = re.compile(deadline.WITHIN_YEAR_PLAIN)
    rnd = random.Random(3)
    pick = rnd.choice
    odd = [
        pick(["", ".", ". ", "(", "x ", "; "])
        + pick(["trong ", "hết ", "cuối ", "hoàn thành ", "kết thúc ", "đến ", "", "tr "])
        + pick(["", "các ", "hai ", "ba ", "12 ", "3 ", "123 "])
        + pick(["năm ", "năm", "đến năm ", "năm  "])
        + pick(["2025", "2025 - 2026", "1999", "20"])
        + pick(["", ",", ")", " -", "/", " ,"])
        for _ in range(30000)
    ]
    odd += ["năm năm 2025", "trong  các năm 2025", "trong 9\tnăm 2026", "năm", " năm", "đến năm"]
    found = 0
    for text in [*(fold(line) for line in lines), *odd]:
        want = [(m.span(), next(g for g in m.groups() if g)) for m in plain.finditer(text)]
        assert [(m.span(), next(g for g in m.groups() if g)) for m in fast.finditer(text)] == want
        # matched only where `_year_starts` says a match can open: the same matches
        at = deadline._matches_at(fast, text, deadline._year_starts(text))
        assert [(m.span(), next(g for g in m.groups() if g)) for m in at] == want, text
        found += len(want)
    assert found > 1000


def test_gated_searches_give_their_plain_results(lines: list[str]) -> None:
    """Searches tried only where their words are (the deadline windows, the background verb,
    a council's status, the law's passing date) give what the plain searches give."""
    hits = rows = 0
    extra = [
        "tập huấn - sở nội vụ - năm 2026.",
        "a -\tb c d –\nnăm 2026",
        "x - năm 2026 - sở y tế.",
        "Ban Chỉ đạo được thành lập theo Quyết định số 12/QĐ-UBND; Sở X hướng dẫn",
    ]
    statuses = 0
    for line in [*lines, *extra]:
        text = fold(line)
        for cut in (40, 60, 120):
            window = text[-cut:]
            assert deadline._cut_off(window) is bool(deadline._CUT_OFF.search(window))
            assert deadline._start(window) is bool(deadline._START.search(window))
            assert deadline._past_meeting(window) is bool(deadline._PAST_MEETING.search(window))
        row = deadline._ROW_TAIL.search(text) or deadline._ROW_MID.search(text)
        got = deadline._row_time(text)
        assert (got and (got.span(), got.groups())) == (row and (row.span(), row.groups()))
        rows += row is not None
        status = parties._status().search(re.split(r"[.;] ", text, maxsplit=1)[0])
        assert parties.states_status(text) is (status is not None)
        statuses += status is not None
        for part in (text, text[:160], text[40:]):
            m = clause_vocab()["background"].match(part)
            assert background_end(part) == (m.end() if m else None), part
            hits += m is not None
    assert hits > 50
    assert rows >= 3
    assert statuses >= 1
    passed = re.compile(
        r"\b(?:Nghị\s+quyết|Luật|Bộ\s+luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+[^.;]{0,250}?"
        r"\bthông\s+qua\s+ngày\s+(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
        r"|(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}))"
    )
    tail = " được Quốc hội thông qua ngày 1 tháng 2 năm 2020."
    odd = [f"{a}{b} này{tail}" for a in ("", "x", " ", "_", "(") for b in ("Luật", "Bộ luật")]
    for text in [" ".join(path.read_text(encoding="utf-8").split("\n")) for path in TEXTS] + odd:
        want, got = passed.search(text), dateline._PASSED.search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
        hits += want is not None
    assert hits > 60


def test_fold_head_is_the_fold_of_the_head(lines: list[str]) -> None:
    """`fold_head(text, n)`, cut from the whole text's fold where that is safe, is
    `fold(text[:n])`: over the corpus at several cuts and over odd strings (tone pairs at
    the cut, decomposed marks, a final sigma, a character whose lower case is longer)."""
    rnd = random.Random(13)
    alphabet = "oòóỏõọuùúủũụqaàáảãạeèéẻẽẹyỳýỷỹỵnhbcOÒUÙQYỲ 1.'ΣΑİ\u0301\u0323"
    odd = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 14))) for _ in range(60000)]
    cut_from_whole = 0
    for text in [*lines, *odd]:
        for n in (0, 1, 3, 5, 8, 160, 400):
            assert vn.fold_head(text, n) == fold(text[:n]), (text, n)
            cut_from_whole += len(text) > n and text[n] == " "
    assert cut_from_whole > 1000


def test_fold_edited_is_the_fold_of_the_edited_text(lines: list[str]) -> None:
    """`fold_edited`, pieced from the kept fold of the text and the folds of the new strings,
    is `fold` of the edited text: over the corpus lines as the agency expansion edits them, and
    over odd strings edited at random (tone pairs at the cuts, decomposed marks, a final sigma,
    a character whose lower case is longer, new strings of those)."""
    matcher = get_matcher(())
    pieced = 0
    for line in lines:
        vn._FOLDED.clear()
        fold(line)  # the clause folded before it is expanded, as in the engine
        ex = matcher.expand(line)
        vn._FOLDED.clear()
        assert ex.folded == fold(ex.text), line
        pieced += ex.text != line
    assert pieced > 500
    rnd = random.Random(17)
    alphabet = "oòóỏõọuùúủũụqaàáảãạeèéẻẽẹyỳýỷỹỵnhbcOÒUÙQYỲ -1.'ΣΑİ\u0301\u0323"
    word = lambda k: "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, k)))
    for _ in range(60000):
        text = word(14)
        edits, at = [], 0
        while at < len(text) and rnd.random() < 0.7:
            start = rnd.randint(at, len(text))
            end = rnd.randint(start, min(len(text), start + 3))
            edits.append((start, end, word(4)))
            at = end + 1
        edited, prev = "", 0
        for start, end, new in edits:
            edited, prev = edited + text[prev:start] + new, end
        edited += text[prev:]
        vn._FOLDED.clear()
        fold(text)
        got = vn.fold_edited(text, edits, edited)
        vn._FOLDED.clear()
        assert got == fold(edited), (text, edits)


def test_recurrence_rules_match_where_their_plain_forms_do(lines: list[str]) -> None:
    """The recurrence rules whose look-behinds follow their first letter ("h(?<!cấp\\sh)ằng")
    match the clauses their plain forms match (only whether a rule matches is used)."""
    every, once = r"(?:hằng|hàng)", r"(?:một|01|1)\s+lần\s*/\s*"
    benefit = r"(?<!cấp\s)(?<!đãi\s)(?<!tuất\s)(?<!dưỡng\s)(?<!lương\s)(?<!hưu\s)(?<!nhập\s)"
    plain = {
        "monthly": rf"{benefit}{every}\s+tháng|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tháng(?!\s*\d)"
        rf"|mỗi\s+tháng|{once}tháng",
        "quarterly": rf"(?<!phí\s){every}\s+quý|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?\(?quý|mỗi\s+quý"
        rf"|{once}quý|tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý"
        r"|báo\s+cáo\s+(?:\w+\s+){0,3}?theo\s+quý"
        rf"|(?:định\s+kỳ|{every})\s+(?:0?3|ba)\s+tháng|(?:0?3|ba)\s+tháng\s+(?:một\s+lần|/\s*lần)",
        # not "báo cáo thường xuyên, định kỳ, đột xuất" (kinds of report)
        "continuous": r"(?:(?<!cáo\s)|(?!thường\s+xuyên\s*,\s*(?:định\s+kỳ|đột\s+xuất)\b))"
        r"(?<!chi\s)(?<!phí\s)(?<!vụ\s)(?<!xuyên\s)(?<!không\s)(?<!chất\s)"
        r"(?<!giáo\sdục\s)thường\s+xuyên(?!\s+(?:nguồn|ngân|kinh\s+phí|của))"
        rf"(?!\s+(?:{recurrence._HAPPENS})\b)",
    }
    rules = dict(recurrence.RULES)
    rnd = random.Random(17)
    words = [
        "trợ cấp",
        "phí",
        "chi",
        "vụ",
        "không",
        "hằng",
        "hàng",
        "tháng",
        "quý",
        "thường",
        "xuyên",
        "01",
        "1",
        "3",
        "03",
        "ba",
        "một",
        "lần",
        "/",
        "định kỳ",
        "mỗi",
        "nguồn",
        "x",
        "báo cáo",
        "đột xuất",
        ",",
    ]
    odd = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6))) for _ in range(30000)]
    cases = (ROOT / "tests" / "extraction" / "cases" / "recurrence.txt").read_text(encoding="utf-8")
    matched = 0
    for text in [*(fold(t) for t in [*lines, *cases.split("\n")]), *odd]:
        for name, pattern in plain.items():
            want = re.search(pattern, text) is not None
            assert (rules[name].search(text) is not None) is want, (name, text)
            matched += want
    assert matched > 1000


def test_misread_numbers_merge_as_every_pair_tried() -> None:
    """`references._merge_typos`, trying only the numbers `_lookalike_keys` pairs, merges
    what trying every later pair merges, in the same order (random numbers of lookalike
    characters, each list grown by misreadings of its own numbers)."""

    def plain(found: dict[str, references.Reference]) -> None:
        refs = list(found.items())
        for i, (key, ref) in enumerate(refs):
            if key not in found:
                continue
            for other_key, other in refs[i + 1 :]:
                same_type = other.doc_type == ref.doc_type
                if other_key in found and same_type and references._misread(key, other_key):
                    ref.date = ref.date or other.date
                    ref.issuer = ref.issuer or other.issuer
                    del found[other_key]

    rnd = random.Random(6)

    def misread(key: str) -> str:
        chars, at = list(key), rnd.randrange(len(key) + 1)
        op = rnd.choice(["sub", "ins", "del"])
        if op == "sub" and at < len(chars):
            chars[at] = rnd.choice("1il")
        elif op == "ins":
            chars.insert(at, rnd.choice("il1"))
        elif op == "del" and at < len(chars):
            del chars[at]
        return "".join(chars) or "x"

    merged = 0
    for _ in range(5000):
        keys = ["".join(rnd.choice("1il/qh") for _ in range(rnd.randint(2, 7)))]
        for _ in range(rnd.randint(1, 10)):
            keys.append(misread(rnd.choice(keys)))
        refs = {
            k: (rnd.choice("AAB"), rnd.choice([None, "d1", "d2"]), rnd.choice([None, "x", "y"]))
            for k in keys
        }
        want = {k: references.Reference(t, k, d, i, 0, 0) for k, (t, d, i) in refs.items()}
        got = {k: references.Reference(t, k, d, i, 0, 0) for k, (t, d, i) in refs.items()}
        plain(want)
        references._merge_typos(got)
        assert [(k, v.__dict__) for k, v in got.items()] == [
            (k, v.__dict__) for k, v in want.items()
        ]
        merged += len(refs) - len(want)
    assert merged > 1000


def test_damaged_motto_cut_as_the_plain_search_cuts(lines: list[str]) -> None:
    """`letterhead._without_damaged_motto`, trying each token against the motto words once,
    cuts what the plain search (every token tried again from every start) cuts."""

    def plain(line: str) -> str:
        tokens = list(re.finditer(r"[^\s|]+", line))
        words = [vn.fold(t.group(), accents=False).strip("-–—_*") for t in tokens]
        cuts: list[tuple[int, int]] = []
        for which, motto in enumerate(letterhead._MOTTO_WORDS):
            for start in range(len(words)):
                k, hits, end, core = 0, 0, -1, False
                for j in range(start, min(len(words), start + len(motto) + 3)):
                    if not words[j]:
                        continue
                    for n in range(k, len(motto)):
                        if letterhead._near(words[j], motto[n]):
                            k, hits, end = n + 1, hits + 1, j
                            core = core or n in letterhead._MOTTO_CORE[which]
                            break
                    if j == start and end != j or k == len(motto):
                        break
                if hits >= 4 and core:
                    cuts.append((tokens[start].start(), tokens[end].end()))
                    break
        for a, b in sorted(cuts, reverse=True):
            line = f"{line[:a]} {line[b:]}"
        return " ".join(line.split()).strip(" -–—_|") if cuts else line

    rnd = random.Random(23)
    words = [
        "CONG",
        "HOAY",
        "XA",
        "HOI",
        "atts",
        "NGHIA",
        "lon",
        "NAM",
        "Doc",
        "lap",
        "-",
        "Ty",
        "do",
        "Hanh",
        "phic",
        "|",
        "—",
        "Sở",
        "Y",
        "tế",
        "chu",
        "cho",
        "viet",
        "UBND",
    ]
    odd = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 14))) for _ in range(4000)]
    cut = 0
    for line in [*lines[:6000], *odd]:
        want = plain(line)
        assert letterhead._without_damaged_motto(line) == want, line
        bare = vn.fold(line, accents=False)
        assert letterhead._without_damaged_motto(line, bare) == want, line
        cut += want != line
    assert cut > 100


def test_metadata_head_cleaned_only_where_a_pattern_can_match(lines: list[str]) -> None:
    """`metadata._unmarked` and `_without_rule`, each trying its pattern only on a line holding
    what its matches hold, give what the plain substitutions give."""
    odd = ["**Số:** 12", "A \\", "# Tiêu đề", "a&nbsp;b", "<jsontable x></jsontable>", "X ---"]
    odd += ["X —— \n", "X ___\t", "X -", "X -—_ ", "---", " ---", "", "X --- a", "X\u00a0---"]
    for line in [*lines, *odd, *ODD]:
        assert metadata._unmarked(line) == metadata._MARKS.sub(" ", line), line
        assert metadata._without_rule(line) == metadata._RULE_END.sub("", line), line


def test_date_before_and_split_digits_as_their_plain_forms() -> None:
    """`references._date_before`, searching only a window whose tail holds "ngày", and
    `_SPLIT_DIGITS` opening on its "ố", give what the plain search and pattern give."""

    def plain_date_before(text: str, pos: int) -> str | None:
        window = text[max(0, pos - 200) : pos]
        m = references._date_before_pattern().search(window)
        if not m or NUMBER.search(window, max(m.end(i) for i in range(1, 7) if m.group(i))):
            return None
        d, mo, y = (int(g) for g in m.groups() if g)
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None

    split = re.compile(r"(?<=[Ss]ố )(\d{1,3}) (?=\d{1,3}/[A-ZĐ])")
    made = "Ngày 12/3/2025, Sở X đã ban hành Công văn số 12/SXD-QLN.\nNgày 5 tháng 4 năm 2024 Bộ"
    made += " ban hành\nQuyết định số 1 23/QĐ-UBND; số 10 77/BNN-TCLN, Số 9 9/QĐ-TTg, ngày"
    made += " 15/8/2018 Bộ Y tế ban hành Thông tư số 3/2018/TT-BYT, Sổ 1 2/A-B. ngày 1/1/2020 ban"
    dated = 0
    for text in [*(p.read_text(encoding="utf-8") for p in TEXTS), made]:
        assert references._SPLIT_DIGITS.sub(r"ố \1", text) == split.sub(r"\1", text)
        for pos in {*(m.start() for m in NUMBER.finditer(text)), *range(0, len(text), 97)}:
            want = plain_date_before(text, pos)
            assert references._date_before(text, pos) == want, pos
            dated += want is not None
    assert dated > 20


def test_reference_helpers_give_their_plain_results(lines: list[str]) -> None:
    """The glued "số" found from its letter, and the type word's head cleared of listed
    numbers only where it holds "số", as their plain forms."""
    glued = re.compile(r"\b([Ss][ốỐ])(?=\d)")
    glued_date = re.compile(r"(?<=[A-ZĐ\d])(?=ngày\s*\d)")
    odd = ["số1", "xsố1", "_Số2", " sỐ3 ", "Số", "số 1", "aSố1", "đsố1", "Số1Số2", "ố1", "S ố1"]
    odd += ["12/QĐ-UBNDngày 5", "ngày 5", "2025ngày  6", "Đngày7", "xngày 5", "UBNDngàyx", "Angày"]
    for line in [*lines, *odd]:
        assert references._GLUED_SO.sub(r"\g<0> ", line) == glued.sub(r"\1 ", line), line
        assert references._GLUED_DATE.sub(r" \g<0>", line) == glued_date.sub(" ", line), line

    def plain_type(folded: str, pos: int, text: str) -> str | None:
        pattern = references._types()[0]
        window = folded[max(0, pos - 60) : pos]
        gap = references._TYPE_BEFORE_GAP.search(window, references.gap_from(window))
        head = window[: gap.start()] if gap else window
        head = references._NUMBERS_LISTED.sub("", head).rstrip()
        head = references._BARE_NUMBERS.sub("", head)
        m = pattern.search(head)
        if not m or references._LAW_NAMED.search(head, 0, m.start(1)):
            law = references._LAW_BEFORE.search(text, max(0, pos - 130), pos)
            return " ".join(law.group(1).split()) if law else None
        start = max(0, pos - 60) + m.start(1)
        printed = text[start : start + len(m.group(1))]
        return " ".join(printed.split()).capitalize() if printed else None

    extra = ["các Tờ trình số 12, số 13/TTr-SYT", "Nghị định số 45 và 46/2025/NĐ-CP", "x  \t12/QĐ"]
    typed = 0
    for line in [*lines, *extra]:
        folded = fold(line)
        for m in NUMBER.finditer(line):
            want = plain_type(folded, m.start(), line)
            assert references._type_before(folded, m.start(), line) == want, line
            typed += want is not None
    assert typed > 1000


def test_cheap_tests_before_clause_searches(lines: list[str]) -> None:
    """The literal tests tried before a search over a whole clause never skip a match: the
    request verbs' words (vocab.cued), the ")" an inline list mark closes with, the marks
    clean removes, the dash of a flattened row, the words of a law's norm restated, the colon of an attribute, a label or a topic."""
    v = clause_vocab()
    odd = ["Về việc này, giao Sở Y tế", "x; a) b", "x: (1) y", "A | B", "s - t", "s – t", "-x", ""]
    odd += ["x.\ti) y", "nội dung:  b) sở", "**A**", "a\\.", "c & d", "[1]", "q#", "_x"]
    odd += ["Tại Công văn số 12/BYT, Bộ Y tế đề nghị các tỉnh báo cáo", "Báo X đưa tin về việc"]
    for line in [*lines, *odd]:
        folded = fold(line)
        if not cued(folded, v["request_cues"]):
            assert not v["mid_verb"].search(folded), line
        if not cued(folded, v["any_request_cues"]):
            assert not v["any_request"].search(folded), line
        if not cued(folded, v["background_cues"]):
            assert not v["background_verb"].search(folded), line
        if line.find(")", 3) == -1:
            assert not clauses._INLINE_MARK.search(line), line
        assert holds_any(line, signature._MARK_CHARS) is bool(signature._MARKED.search(line)), line
        assert subjects._cell_dash(folded) is bool(subjects._ROW_DASH.search(folded)), line
        if not cued(folded, task_build._law_norm_cues()):
            assert not v["law_norm"].match(folded), line
        if ":" not in line:
            assert not ATTRIBUTE.match(line) and not LEVEL_BLOCK.match(line), line
        if ":" not in folded:
            assert not v["label"].match(folded), line
            assert not subjects._TOPIC_COLON.match(folded), line
            assert not subjects._BARE_TOPIC.match(folded), line
    assert v["request_cues"] and v["any_request_cues"] and v["background_cues"]
    assert all(task_build._law_norm_cues())
    law = "Các hộ kinh doanh phải đáp ứng các yêu cầu quy định tại Điều 5 Nghị định số 1/2020"
    assert v["law_norm"].match(fold(law)) and cued(fold(law), task_build._law_norm_cues())


def test_glued_item_found_from_its_digit(lines: list[str]) -> None:
    """A sub-item number glued to the word before it ("... mạng1.1. Tuyên ...") is found from
    its first digit where the plain pattern (look-behind and look-ahead at every position)
    finds it, and only in a line holding a dot before a space or tab."""
    odd = ["mạng1.1. Tuyên", "mạng12.3. Tuyên", "mạng1.12.\tTuyên", "Mạng1.1. Tuyên", "a1.1.Tuyên"]
    odd += ["mạng 1.1. Tuyên", "mạng1.1. tuyên", "mạng123.1. Tuyên", "x1.1.  Đ", "đ9.9. Ô", ""]
    for line in [*lines, *odd]:
        want = layout._GLUED_ITEM.search(line) is not None
        assert (layout._GLUED_ITEM_DIGIT.search(line) is not None) is want, line
        if want:  # the dot and space or tab glued_item_numbers tests before searching
            assert ". " in line or ".\t" in line, line
    assert layout.glued_item_numbers(["mạng1.1.\tTuyên", "mạng1.1.Tuyên"], ()) == [
        "mạng",
        "1.1.\tTuyên",
        "mạng1.1.Tuyên",
    ]


def test_numbers_hold_a_separator(lines: list[str]) -> None:
    """citation_spans looks for numbers only in a text holding "/" or one of the dashes."""
    from dxtrack.extraction.fields.references import _SEPARATORS

    odd = ["12/QĐ", "5-CT/TU", "7–KH", "số 12 ngày 5", "12\u2011CT\u2011UBND", "3\u2212KH"]
    for line in [*lines, *odd]:
        if not any(c in line for c in _SEPARATORS):
            assert not NUMBER.search(line), line


def test_numbers_open_near_their_first_separator(lines: list[str]) -> None:
    """citation_spans searches for numbers from `_SEPARATOR_REACH` characters before the
    text's first separator: no number opens earlier."""
    from dxtrack.extraction.fields.references import _SEPARATOR, _SEPARATOR_REACH

    odd = [
        "Nghị định số 1 25/2025/NĐ-CP",
        "x 66. 7/2025/NQ-CP",
        "x 12345. 123/2025/NQ-CP",
        "12345 /2025/QĐ-UBND",
        "1303a/UBND-NNTNMT",
        "96/2026NĐ-CP",
        "668- -NQ/ĐU",
        "ngày 12/3/2025, 405/KH-UBND",
    ]
    for line in [*lines, *odd]:
        sep = _SEPARATOR.search(line)
        plain = [m.span() for m in NUMBER.finditer(line)]
        if sep is None:
            assert not plain, line
            continue
        start = max(0, sep.start() - _SEPARATOR_REACH)
        assert [m.span() for m in NUMBER.finditer(line, start)] == plain, line


def test_safety_patterns_match_their_plain_forms(lines: list[str]) -> None:
    """safety.py's patterns, their first character matched before the look-behind, find what
    their plain forms find (and split as they split)."""
    from dxtrack.extraction.fields import safety
    from dxtrack.vn import UPPER

    past = re.compile(r"(?<!\w)(?:đã|đang)\s")
    end = re.compile(rf"(?<=[.;!?])\s+(?=[-–+•]?\s*[{UPPER}])")
    odd = ["Xđã làm", "đã\tlàm", "(đang xử lý", "x.  \n - Y", "a;\tB", "a. b", "a!  - C", "a.  "]
    hits = 0
    for line in [*lines, *odd]:
        folded = fold(line)
        want = [m.span() for m in past.finditer(folded)]
        assert [m.span() for m in safety._PAST.finditer(folded)] == want, line
        assert safety._SENTENCE_END.split(line) == end.split(line), line
        hits += len(want) + (len(end.split(line)) > 1)
    assert hits > 100


def test_rule_and_page_lines_open_with_their_first_characters(lines: list[str]) -> None:
    """normalize._clean_lines matches _RULE_LINE and _PAGE_NUMBER only on a line opening with
    one of `_RULE_OR_PAGE_FIRST` or a digit: no other cleaned line matches either."""
    odd = ["----", "Page break", "PAGE BREAK ---", "=== Trang 2 ===", "trang 3", "- 4 -", "12/30"]
    odd += ["--- ---", "Trang", "٣", "__", "~~~", "Tt", "...", "—— Page 2 ——", "P"]
    matched = 0
    for raw in [*lines, *odd]:
        line = normalize.clean_line(raw)
        if not line:
            continue
        found = normalize._RULE_LINE.match(line) or normalize._PAGE_NUMBER.match(line)
        if line[0] not in normalize._RULE_OR_PAGE_FIRST and not line[0].isdecimal():
            assert not found, line
        matched += found is not None
    assert matched > 10


def test_sentence_cut_finds_what_its_pattern_finds(lines: list[str]) -> None:
    for line in [*lines, "a. b; c", "a; b. c", "a.b", "", ". ", "x;  y"]:
        cut = parties._SENTENCE_CUT.search(line)
        assert parties.sentence_cut(line) == (cut.start() if cut else len(line)), line


def test_list_head_openings_hold_every_list_head(lines: list[str]) -> None:
    """_rule_list_head tries its forms only where one of LIST_HEAD_OPENINGS stands: at every
    other position of the corpus lines none of the three forms matches."""
    from dxtrack.extraction.fields import agencies, member_lists

    matcher = get_matcher(())
    odd = ["Các Bộ: Công an, Tài chính", "UBND các tỉnh, thành phố: Hà Nội, Huế", "Bộ, ngành:"]
    odd += ["Công an các xã: A, B", "các cơ quan liên quan: Sở X", "sở: Y tế"]
    tried = 0
    for line in [*lines[:4000], *odd]:
        folded = matcher.expand(line).folded
        for pos in range(len(folded)):
            if folded.startswith(agencies.LIST_HEAD_OPENINGS, pos):
                continue
            tried += 1
            assert not matcher._list_head.match(folded, pos), line
            assert not member_lists._HEAD.match(folded, pos), line
            assert not agencies._MEMBERS_HEAD.match(folded, pos), line
    assert tried > 100000


def test_fold_keeps_its_words(lines: list[str]) -> None:
    """A word `vn.fold_keeps` passes is in an NFC line's fold only where it is in the line's
    lower case (every such word of the corpus lines, with the odd strings)."""
    assert vn.fold_keeps("công") and vn.fold_keeps("số") and vn.fold_keeps("điện")
    assert not any(map(vn.fold_keeps, ["hòa", "báo", "quý", "ngày", "Công", "cơ1", "σας", ""]))
    texts = [t for t in [*lines, *ODD] if unicodedata.is_normalized("NFC", t)]
    words = {w for t in texts for w in re.findall(r"\w+", vn.fold(t)) if vn.fold_keeps(w)}
    assert len(words) > 500
    for text in texts:
        low = text.lower()
        for w in set(re.findall(r"\w+", vn.fold(text))) & words:
            assert w in low, (w, text)


def _drop_gazette_furniture_plain(lines: list[str]) -> list[str]:
    """drop_gazette_furniture as it was, every line folded."""
    from dxtrack.extraction.layout_tabs import _gazette

    header, start, stamp_line, _ = _gazette()
    out: list[str] = []
    in_stamp = False
    for line in lines:
        folded = fold(line.strip())
        in_stamp = bool(start.match(folded)) or (in_stamp and bool(stamp_line.match(folded)))
        if not in_stamp and not header.match(folded):
            out.append(line)
        elif out and out[-1].strip().isdigit() and len(out[-1].strip()) <= 4:
            out[-1] = ""
    return out


def test_gazette_furniture_folds_only_lines_with_its_words(lines: list[str]) -> None:
    """The Công báo's page headers and stamps are dropped as when every line was folded: the
    corpus lines, and headers and stamps upper-case, decomposed and with the tone moved."""
    from dxtrack.extraction.layout_tabs import _gazette, drop_gazette_furniture

    assert _gazette()[3]  # every pattern has words folding keeps (else nothing is skipped)
    odd = ["Sở Y tế triển khai", "12", "CÔNG BÁO/Số 285 + 286/Ngày 04-4-2022", "15"]
    odd += ["  côNG BÁO / số 7/ngày 1-2-2020 16", "VĂN PHÒNG CHÍNH PHỦ XUẤT BẢN", "Văn"]
    odd += ["Người ký: Cổng Thông tin điện tử Chính phủ", "Email: a@b.vn", "Cơ quan: Văn phòng"]
    odd += ["Thời gian ký: 05.01.2022", "Ngày ký: 1/2/2022", "Hòa Bình", "kết thúc"]
    odd += ["Ký bởi: CỔNG THÔNG TIN ĐIỆN TỬ", "Cơ quan: X", "sau"]
    odd += [unicodedata.normalize("NFD", t) for t in odd] + ODD
    for block in ([*lines[:3000], *odd], odd, odd[::-1], lines[3000:]):
        assert drop_gazette_furniture(block) == _drop_gazette_furniture_plain(block)
    assert len(drop_gazette_furniture(odd)) < len(odd)


def test_glued_header_opens_with_its_letters(lines: list[str]) -> None:
    """A line whose fold holds a glued header ("STT Nhiệm vụ") opens with one of
    GLUED_HEADER_LETTERS, so that lines opening with none are not folded."""
    from dxtrack.extraction.layout_header import GLUED_HEADER_LETTERS, glued_header

    odd = ["STT Nhiệm vụ", "stt  Cơ quan", "TT Nội dung", "Tt\tx", "ſtt x", "S\u0301TT x"]
    odd += [unicodedata.normalize("NFD", t) for t in odd] + ODD
    found = 0
    for line in [*lines, *odd]:
        first = line.strip()
        if glued_header(fold(first)):
            found += 1
            assert first[:1] in GLUED_HEADER_LETTERS, line
    assert found >= 4


def test_role_holders_fold_only_texts_with_their_marks(lines: list[str]) -> None:
    """role_holders folds only a text holding ":" or " làm " (or not NFC): no character
    folds to these but themselves, and it finds over the corpus lines what it found folding
    every line."""
    import sys

    from dxtrack.extraction.fields import role_holders as rh

    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if c not in ":LlÀàMm ":
            assert not set(unicodedata.normalize("NFC", c).lower()) & set(":làm "), hex(i)
    member, held, _ = rh._patterns()

    def plain(texts: list[str], matcher) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for text in texts:
            folded = fold(text)
            if not (member.match(folded) or " làm " in folded and held.search(folded)):
                continue
            ex = matcher.expand(text)
            if m := member.match(ex.folded):
                found, _ = matcher.match_list(ex, m.end(), bare_groups=True)
                rh._add(out, m.group(1), [f.name for f in found[:1]])
            for m in held.finditer(ex.folded):
                found, end = matcher.match_list(ex, m.start(1))
                if found and end <= m.end(1):
                    rh._add(out, m.group(2), [f.name for f in found])
        return {role: tuple(bodies) for role, bodies in out.items() if bodies}

    matcher = get_matcher(())
    odd = ["1. Tổ trưởng: Giám đốc Sở Nội vụ.", "Tiểu ban X do Giám đốc Công an tỉnh làm Trưởng"]
    odd += [" Tiểu ban", unicodedata.normalize("NFD", "Tổ phó do Giám đốc Sở Y tế LÀM Tổ phó")]
    odd += ["Tổ phó\uff1a Giám đốc Sở Tài chính"] + ODD
    texts = [*lines, *odd]
    got = rh.role_holders(texts, matcher)
    assert got == plain(texts, matcher) and got
    for text in texts:
        assert rh.role_holders([text], matcher) == plain([text], matcher), text


def test_enacting_formula_forms_searched_apart_find_the_alternation(lines: list[str]) -> None:
    """THI_HANH searches its forms apart: the match (span) the alternation of them finds, from
    any start and to any end, over the corpus lines and the formula's odd cases."""
    from dxtrack.extraction.fields.task_model import THI_HANH

    odd = ["Giám đốc Sở A chịu trách nhiệm thi hành Quyết định này./.", "hướng dẫn thi hành"]
    odd += ["chịu trách nhiệm tổ chức thực hiện Quyết định này.", "thi hành nghị quyết này"]
    odd += ["chịu trách nhiệm thực hiện chỉ thị này và thi hành quyết định này", ""]
    found = 0
    for line in [*lines, *odd]:
        folded = fold(line)
        for pos, endpos in ((0, len(folded)), (max(0, len(folded) - 160), len(folded)), (3, 60)):
            got = THI_HANH.search(folded, pos, endpos)
            want = THI_HANH.plain.search(folded, pos, endpos)
            assert (got and got.span()) == (want and want.span()), line
            found += want is not None
    assert found > 5


def test_reference_keys_and_law_names_give_their_plain_results(lines: list[str]) -> None:
    """references._key drops whitespace as _KEY_DROP.sub did; _law_named finds what
    _LAW_NAMED finds (searched only where its words are), over the corpus lines' pieces."""
    odd = ["12 /QĐ -UBND", "5\u00a0/\u2003KH\u2011UBND", "Luật ", "pháp  lệnh\t", "xluật ", "luật"]
    for line in [*lines, *odd]:
        for piece in [line, *line.split()[:8]]:
            want = references._KEY_DROP.sub("", fold(piece).translate(references._KEY_LETTERS))
            assert references._key(piece) == want, piece
        folded = fold(line)
        for end in {len(folded), len(folded) // 2, min(len(folded), 60)}:
            want_law = references._LAW_NAMED.search(folded, 0, end) is not None
            assert references._law_named(folded, end) is want_law, line


def test_footnote_marks_translated_only_where_they_are() -> None:
    """find_references reads a footnote's mark as a space only in a text holding one (the
    translation is the identity otherwise): a mark glued to a number still ends it."""
    assert all(references._MARKS.get(ord(c)) == " " for c in references._MARK_CHARS)
    assert len(references._MARKS) == len(references._MARK_CHARS)
    text = "Thực hiện Nghị quyết số 57-NQ/TW¹ ngày 22/12/2024 của Bộ Chính trị,"
    found = references.find_references(text)
    assert [r.number for r in found] == ["57-NQ/TW"]
    bare = references.find_references(text.replace("¹", ""))
    assert [(r.number, r.date, r.issuer) for r in bare] == [
        (r.number, r.date, r.issuer) for r in found
    ]


def test_reference_keys_translated_as_their_tables(lines: list[str]) -> None:
    """references._translated replaces the characters of a table (no output mapped again) as
    `str.translate` of it does, over the corpus lines and the odd characters."""
    tables = (references._KEY_LETTERS, references._DASHES)
    for table in tables:
        assert not {chr(k) for k in table} & set(table.values())
    odd = ["1875/QÐ\u2013UBND", "12\u2010\u2011\u2012\u2212/đð", *ODD]
    for text in [*lines, *odd]:
        for table in tables:
            assert references._translated(text, references._pairs(table)) == text.translate(table)


def test_folds_alone_slices_the_fold(lines: list[str]) -> None:
    """Where `vn.folds_alone` holds, a token's fold without accents is its slice of the line's
    fold (letterhead's damaged motto reads its tokens so), over the corpus lines and odd ones."""
    sliced = 0
    for line in [*lines, *ODD]:
        if not vn.folds_alone(line):
            continue
        bare = vn.fold(line, accents=False)
        for t in re.finditer(r"[^\s|]+", line):
            assert bare[t.start() : t.end()] == vn.fold(t.group(), accents=False), line
            sliced += 1
    assert sliced > 10000


def test_layout_prefilters_give_their_plain_results(lines: list[str]) -> None:
    """The crawler title prefix tried only where "năm" comes before the first ".", the glued
    item number only after a line ending on a digit or ".", and the whole-text search for a
    glued body name find what the plain per-line matches find, over the corpus lines and odd
    ones."""
    odd = [
        "Quyết định 435/QĐ-UBND năm 2020. II. NỘI DUNG",
        "  Kế hoạch số 12 năm 2021. Mục tiêu",
        "... quan hệ lao động 2.1.  ",
        "Bộ Tài nguyên và Môi trườngchủ trì",
        "Sở Y tếthực hiện; SỞ  Y TẾthực",
        "x.năm 2020. y",
        "a ٣.٤",
        *ODD,
    ]
    glued = 0
    for line in [*lines, *odd]:
        plain = layout._TITLE_PREFIX.match(line)
        fast = layout._title_prefix(line)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups()))
        if layout._NUMBER_AT_END.search(line):
            assert layout._ends_number(line), line
        if layout._unglued(line) != line:
            assert layout._glued_body().search(line), line
            glued += 1
    assert glued >= 3


# the emphasis patterns as they were written before they opened on their mark
_PLAIN_EMPHASIS = {
    "_STRONG_EM": r"(?<![\w*])\*\*\*(?=[^\s*])([^*\n]*?[^\s*])\*\*\*(?![\w*])",
    "_STRONG_SPACED": r"(?<![\w*])\*\*[ \t]*([^*\n]*?[^\s*])[ \t]*\*\*(?![\w*])",
    "_STRONG_THEN_WORD": r"(?<![\w*])\*\*(?=[^\s*])([^*\n]*?[^\s*])[ \t]+\*\*(?=\w)",
    "_EM_UNDERSCORE": r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])",
    "_STRONG": r"(?<![\w*])\*\*(?=[^\s*])([^*\n]*?[^\s*])\*\*(?![\w*])",
    "_EM_LINE": r"(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])",
    "_STRONG_SPLIT": r"(?<![\w*])\*\*(?=[^\s*])([^*]{1,400}?\n[^*]{0,400}?)(?<=[^\s*])\*\*",
    "_EM_SPLIT": r"(?<![\w*\\])\*(?=[^\s*])([^*]{1,300}?\n[^*]{0,300}?)(?<=[^\s*])\*(?!\w)",
}
_STARRED = [
    "**1. Sở Tài\nchính:**",
    "***x*** **y** *z* ** 1. Sở X: ** **8. **Thống nhất",
    "a**b** *c\\* \\*d* ****e**** _Hà Nội, ngày 5_ x_y_z __a__",
    "*5 năm 2024* **\n** * * *a\n\nb* ***",
]


def _plain_emphasis(lines: list[str]) -> list[str]:
    """`layout.emphasis_across_lines` with every substitution made, in the plain forms."""
    plain = {name: re.compile(p) for name, p in _PLAIN_EMPHASIS.items()}
    if any("_" in line for line in lines):
        lines = [plain["_EM_UNDERSCORE"].sub(layout._underscore, line) for line in lines]
    if not any("*" in line for line in lines):
        return lines
    text = "\n".join("" if layout._EMPTY_EMPHASIS.match(line) else line for line in lines)
    text = plain["_STRONG_EM"].sub(r"\1", text)
    text = plain["_STRONG"].sub(r"\1", text)
    text = plain["_STRONG_THEN_WORD"].sub(r"\1 ", text)
    text = plain["_STRONG_SPACED"].sub(r"\1", text)
    text = plain["_EM_LINE"].sub(r"\1", text)
    text = plain["_STRONG_SPLIT"].sub(r"\1", text)
    text = plain["_EM_SPLIT"].sub(r"\1", text)
    text = layout._EDGE_MARK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return text.split("\n")


def _plain_header_splits(lines: list[str]) -> list[str]:
    """`layout.header_line_splits` with each pattern tried on each of the first lines."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i < layout._HEADER_LINES:
            line = layout._LOST_KINH.sub(r"\1Kính gửi:", line)
            line = layout._DATE_THEN_KINH_GUI.sub(r"\1\n", line)
            line = layout._NUMBER_THEN_SUBJECT.sub(r"\1\n", line)
        out.extend(line.split("\n"))
    return out


def test_layout_marks_and_header_cues_give_the_plain_results() -> None:
    """The emphasis patterns opening on their mark, searched only where the text holds it,
    and the header line splits tried only on lines holding their words, give what the plain
    forms give, over every corpus text and odd ones; a one-cell table's header is looked for
    only on a line `_may_open` passes."""
    from dxtrack.extraction.layout_tables import _header, _may_open

    for name, pattern in _PLAIN_EMPHASIS.items():
        fast, plain = getattr(layout, name), re.compile(pattern)
        for text in _STARRED:
            want = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, (name, text)
    heads = [
        "Số: 12/UBND-KT V/v báo cáo",
        "SỐ: 12/UBND-KT Về việc x",
        "gửi: Sở Y tế",
        "Hà Nội, ngày 5 tháng 3 năm 2025 KÍNH GỬI: Sở Y tế",
        "hà nội, ngày 5 tháng 3 năm 2025. kính gửi x\nSố: 1/KH V/v y",
    ]
    texts = [path.read_text(encoding="utf-8") for path in TEXTS] + _STARRED + heads + ODD
    headers = 0
    for text in texts:
        lines = text.split("\n")
        assert layout.emphasis_across_lines(lines, ()) == _plain_emphasis(lines)
        assert layout.header_line_splits(lines, ()) == _plain_header_splits(lines)
        assert layout.header_line_splits([*lines, "a\nb"], ()) == _plain_header_splits(
            [*lines, "a\nb"]
        )
        for i, line in enumerate(lines):
            if _header(lines, i) is not None:
                assert _may_open(line), line
                headers += 1
    assert headers >= 5


def _plain_clean_lines(lines: list[str]) -> tuple[list[str], list[bool]]:
    """`normalize._clean_lines` with `clean_line` run on every line."""
    out: list[str] = []
    breaks: list[bool] = []
    blank = False
    cells = (cell for whole in lines for cell in normalize._layout_cells(whole))
    for raw in (part for cell in cells for part in normalize._glued_closing(cell)):
        line = normalize.clean_line(raw)
        if not line:
            blank = True
        elif not (normalize._RULE_LINE.match(line) or normalize._PAGE_NUMBER.match(line)):
            out.append(line)
            breaks.append(blank)
            blank = False
    return out, breaks


def test_normalize_line_facts_give_the_plain_results(lines: list[str]) -> None:
    """The place-date pattern tried only where a comma can end its place, the dashed names
    tried only after a line ending with a first half, and the cleaning of lines with the
    text's eth and odd-space tests made once, give the plain results, over every corpus text
    and odd lines."""
    odd = [
        "Hà Nội, ngày 5 tháng 3 năm 2025",
        "ab, ngày 1 năm 2020",
        "a, ngày 1 năm 2020",
        "Sở Lao động",
        "- Thương binh và Xã hội",
        "Ðiều 2.\u00a0 Sở\u200bY tế  x",
        "\tƣớng  | a |",
        *ODD,
    ]
    pairs = 0
    for prev, line in zip([*lines, *odd], [*lines[1:], *odd, ""], strict=True):
        want = normalize._PLACE_DATE.match(line) is not None
        assert normalize._facts(line)[2] is want, line
        head, tail = prev.rstrip(), fold(line.lstrip("-–— \t"))
        plain = any(
            head.endswith(left) and tail.startswith(right)
            for left, right in normalize._dashed_names()
        )
        assert normalize._dashed_name(prev, line) is plain, (prev, line)
        pairs += plain
    assert pairs >= 1
    for text in [*(path.read_text(encoding="utf-8") for path in TEXTS), "\n".join(odd)]:
        text_lines = text.split("\n")
        assert normalize._clean_lines(text_lines) == _plain_clean_lines(text_lines)
        for extra in odd:
            with_odd = [*text_lines[:50], extra]
            assert normalize._clean_lines(with_odd) == _plain_clean_lines(with_odd)


def _plain_html_remnants(lines: list[str]) -> list[str]:
    """`layout.html_remnants` with every line tried."""
    out: list[str] = []
    for line in lines:
        line = layout._PANDOC_BREAK.sub("", line)
        line = layout._INLINE_TAG.sub("", layout._BR.sub(" " if "|" in line else "\n", line))
        line = layout._ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
        out.extend(line.split("\n"))
    return out


def test_layout_gates_and_node_texts_give_the_plain_results() -> None:
    """The HTML, tab and space-aligned table stages skipped for a text without their marks,
    and a node's own and heading texts kept until the node changes, give the plain results,
    over every corpus text and odd lines."""
    from dxtrack.extraction.layout_columns import rebuild_aligned_tables
    from dxtrack.extraction.layout_tabs import rebuild_tab_tables

    odd = ["a<br>b", "x &amp; y", "cell \\", "STT\tNhiệm vụ\tCơ quan chủ trì", "a\nb", "a  b"]
    texts = [path.read_text(encoding="utf-8") for path in TEXTS]
    for text in [*texts, *odd, *ODD]:
        lines = text.split("\n")
        assert layout.html_remnants(lines, ()) == _plain_html_remnants(lines)
        assert layout.tab_tables(lines, ()) == rebuild_tab_tables(lines)
        assert layout.aligned_tables(lines, ()) == rebuild_aligned_tables(lines)
    node = clauses.Node("number", "1", 2, [normalize.Paragraph(0, 12, "1. Sở Y tế: ")])
    node.marker_len = 3
    assert (node.own_text, node.heading_text) == ("Sở Y tế:", "Sở Y tế:")
    node.paragraphs.append(normalize.Paragraph(13, 20, "báo cáo"))
    assert (node.own_text, node.heading_text) == ("Sở Y tế: \nbáo cáo", "Sở Y tế:")
    node.marker_len = 0
    assert node.heading_text == "1. Sở Y tế:"
    node.paragraphs = [normalize.Paragraph(0, 4, " x ")]
    assert (node.own_text, node.heading_text) == ("x", "x")
    assert clauses.Node("root", "", -1).own_text == ""


def test_part_of_year_matched_at_its_starts(lines: list[str]) -> None:
    """The part_of_year deadline rule, matched only where `_months_starts` says a match can
    open, finds what `finditer` over the whole clause finds, over the corpus lines and
    generated phrases."""
    pattern = next(p for name, p, _, _ in deadline.RULES if name == "part_of_year")
    rnd = random.Random(5)
    pick = rnd.choice
    odd = [
        pick(["", "x", "1", "báo cáo ", "10", "a0"])
        + pick(["6", "06", "9", "09", "sáu", "chín", "0sáu", "0chín", "16", ""])
        + pick([" ", "  ", "\t", "", " \n "])
        + pick(["tháng ", "tháng", "thángtháng "])
        + pick(["đầu ", "cuối ", "", "đầu"])
        + pick(["năm", "năm 2026", " năm 2025", "nam"])
        + pick(["", " 6 tháng năm 2027", ";", " và 9 tháng đầu năm"])
        for _ in range(30000)
    ]
    found = 0
    for text in [*(fold(line) for line in lines), *odd]:
        want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        got = deadline._matches_at(pattern, text, deadline._months_starts(text))
        assert [(m.span(), m.groups()) for m in got] == want, text
        found += len(want)
    assert found > 1000


def test_motto_searches_gated_by_their_words(lines: list[str]) -> None:
    """letterhead's motto searches are tried only where the words their matches hold are (in
    their case, or in any case for the case-blind ones): those words are in every line a
    search matches, over the corpus lines and odd ones."""
    odd = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "CONG HOA XA HOI CHU NGHIA VIET NAM",
        "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
        "TỈNH ỦY LÀO CAI  ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "BỘ CÔNG THƯƠNG CỘNG HOÀ XÃ HỘI É",
        *ODD,
    ]
    hits = 0
    for line in [*lines, *odd]:
        low = line.lower()
        if letterhead._PARTY_MOTTO.search(line):
            assert "CỘNG" in line or "ĐOÀN" in line, line
        if letterhead._MOTTO.search(line):
            assert "cộng" in low or "độc" in low, line
            hits += 1
        if letterhead._MOTTO_START.search(line):
            assert "cộng" in low or "cong" in low, line
        if letterhead._MOTTO_HEAD.search(line):
            assert "cộng" in low, line
    assert hits > 100


def test_glued_words_searched_only_where_their_tokens_are(lines: list[str]) -> None:
    """`layout._may_glue` holds for every line the case-blind glued-word pattern matches in,
    over the corpus lines and odd ones (capitals, the characters IGNORECASE folds apart)."""
    odd = [
        "Ủy ban nhândân tỉnh",
        "ĐỀNGHỊ các Sở",
        "tổ chức ThựcHiện",
        "thựchİện",
        "baocao báocáo",
        "BỘTRƯỞNG",
        *ODD,
    ]
    found = 0
    for line in [*lines, *odd]:
        if layout._glued_word().search(line):
            assert layout._may_glue(line), line
            found += 1
    assert found >= 4


def test_untimed_row_is_its_pattern(lines: list[str]) -> None:
    """subjects._untimed_row fullmatches as the pattern it replaces, over the corpus lines (and
    each one's first paragraph of lines), the odd ones and random strings of spaces, colons,
    line breaks and digits."""
    pattern = re.compile(r"(?![^:\n]*\d{6})[^:\n]*?(?:\S+\s+){4}\S+")
    rnd = random.Random(11)
    parts = ["a", "bc", " ", "  ", "\n", ":", "1", "123456", "\t", "\u00a0", "x:", "đ", "-"]
    made = ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 20))) for _ in range(20000)]
    texts = [*lines, *ODD, *made, *("\n".join(lines[k : k + 6]) for k in range(0, 3000, 7))]
    held = 0
    for text in texts:
        folded = fold(text)
        assert subjects._untimed_row(folded) == bool(pattern.fullmatch(folded)), folded
        held += subjects._untimed_row(folded)
    assert held > 1000


def test_list_head_asks_member_lists_only_where_they_open(lines: list[str]) -> None:
    """`_rule_list_head` asks `province_members` only where its `_PROVINCE_MEMBERS_OPENINGS`
    stand and `_named_members` only at "các": elsewhere (a list head's "bộ", "sở") neither
    finds anything, over each word start of the corpus lines."""
    from dxtrack.extraction.fields.agencies import _PROVINCE_MEMBERS_OPENINGS
    from dxtrack.extraction.fields.member_lists import province_members

    matcher = get_matcher(())
    tried = 0
    for line in lines:
        ex = matcher.expand(line)
        for word in re.finditer(r"(?<!\w)\w", ex.folded):
            at = word.start()
            if ex.folded.startswith(_PROVINCE_MEMBERS_OPENINGS, at):
                continue
            tried += 1
            assert not province_members(ex.text, ex.folded, at, ()), line
            if not ex.folded.startswith("các", at):
                assert not matcher._named_members(ex, at), line
    assert tried > 100000


def test_glued_comma_and_title_prefix_bounds(lines: list[str]) -> None:
    """layout's glued comma (the comma first, its letter checked behind) finds what the plain
    form finds; `_title_prefix` looks for "năm" only within the group's reach of the line's
    leading spaces and agrees with the pattern, over the corpus lines and lines made to sit
    at those bounds."""
    plain = re.compile(layout.GLUED_COMMA_PLAIN)
    made = [
        f"{' ' * lead}{'x' * width} năm 2020. Tiếp"
        for lead in (0, 1, 3, 8)
        for width in (4, 5, 6, 84, 85, 86, 88, 89, 90, 91)
    ]
    made += ["năm,Phó 2010,Sở A,B KH,CN 1,5 x,Đ đ,Đa", "\u00a0 \tabcdef năm 2021. X", *ODD]
    hits = 0
    for line in [*lines, *made]:
        assert [m.span() for m in layout._GLUED_COMMA.finditer(line)] == [
            m.span() for m in plain.finditer(line)
        ], line
        want = layout._TITLE_PREFIX.match(line)
        got = layout._title_prefix(line)
        assert (got and got.span()) == (want and want.span()), line
        hits += want is not None
    assert hits >= 10


def test_deadline_rules_need_a_digit_outside_the_masks(lines: list[str]) -> None:
    """`deadline._may_match` says no only where running every rule finds nothing: over the
    corpus lines (masked by their citations, as the engine does) and phrases of the digitless
    forms."""
    made = [
        "báo cáo trong quý IV",
        "sáu tháng đầu năm",
        "chín tháng",
        "theo Kế hoạch số 12/KH-UBND ngày 5/3/2025 của UBND tỉnh",
        "Công văn số 1409 ngày 15 tháng 9 năm 2021; định kỳ hằng tháng",
        "٣/٤/2025 trước ngày ٣/٤",
    ]
    real = deadline._may_match
    skipped = 0
    try:
        for text in [*lines, *made, *ODD]:
            folded = fold(text)
            masked = references.citation_spans(text)
            if len(folded) != len(text) or real(folded, masked):
                continue
            skipped += 1
            for year in (None, 2026):
                deadline._may_match = lambda folded, masked: True  # type: ignore[assignment]
                want = deadline.find_deadlines(folded, year=year, masked=masked)
                deadline._may_match = real
                assert deadline.find_deadlines(folded, year=year, masked=masked) == want, text
    finally:
        deadline._may_match = real
    assert skipped > 1000


def test_extract_text_restores_the_cycle_collector() -> None:
    """extract_text pauses the cyclic garbage collector while it reads and leaves it as it
    found it: on when it was on, off when the caller had turned it off."""
    import gc

    from dxtrack.extraction import extract_text

    text = "Kính gửi: Sở Y tế.\n1. Sở Y tế chủ trì, báo cáo trước ngày 15/12/2025."
    was = gc.isenabled()
    try:
        gc.enable()
        first = extract_text(text).to_dict()
        assert gc.isenabled()
        gc.disable()
        assert extract_text(text).to_dict() == first
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_no_partner_name_opens_with_phoi_hop(lines: list[str]) -> None:
    """coordinators_after skips the partners after "chủ trì, " when "phối hợp" follows: the
    matcher reads no name there ("phối hợp" is a stop word, agencies.yaml `stop_words`), so
    the look the slow path makes there finds none either."""
    assert "phối hợp" in load_vocab("agencies")["stop_words"]
    matcher = get_matcher(())
    made = ["Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh triển khai ..."]
    made += ["Chủ trì, phối hợp Ủy ban nhân dân các xã thực hiện.", "Sở A chủ trì; phối hợp"]
    made += ["Chủ trì, phối hợp Các sở, ban, ngành", "chủ trì, phối hợp, hỗ trợ UBND tỉnh"]
    tried = 0
    for line in [*(x for x in lines if "phối hợp" in x.lower()), *made]:
        ex = matcher.expand(line)
        for m in re.finditer("phối hợp", ex.folded):
            assert matcher.match_list(ex, m.start(), bare_groups=True)[0] == [], line
            assert matcher.match_list(ex, m.start())[0] == [], line
            tried += 1
    assert tried > 300


def test_near_codes_name_the_mottos_a_token_is_near(lines: list[str]) -> None:
    """`letterhead._NEAR_CODES`: each token's letter names the mottos whose words its word
    (stripped) is near, as `_near` tried against every motto word gives."""
    tokens = {t for line in lines[:4000] for t in vn.fold(line, accents=False).split()}
    tokens |= {"-cong-", "**hoa", "xa|", "nghiaa", "vet", "do—", "phc", "", "c", "--"}
    near = 0
    for token in sorted(tokens):
        word = token.strip("-–—_*")
        first, second = (
            any(letterhead._near(word, t) for t in motto) for motto in letterhead._MOTTO_WORDS
        )
        assert letterhead._NEAR_CODES[token] == "nabc"[first + 2 * second], token
        near += first or second
    assert near > 100


def test_signer_found_from_the_lines_it_reads() -> None:
    """`signature.find_signer`, cleaning the body's lines only as far as it reads them (the
    head's not at all), finds what it finds with every line cleaned first."""

    def plain(paras: list[str], body_start: int) -> dict[str, str | None] | None:
        lines = [signature.clean(p) for p in paras[:body_start]]
        lines += [
            part for p in paras[body_start:] for part in signature._glued_signer(signature.clean(p))
        ]
        start = next(
            (i for i in range(body_start, len(lines)) if signature._opens_block(lines[i])), None
        )
        if start is not None:
            end = signature._block_end(lines, start)
            found = signature._signer_in(lines, start, end) or signature._untitled(
                lines, start, end
            )
            if found:
                return found
        return signature._signer_in(
            lines, max(body_start, len(lines) - 40), len(lines), backwards=True
        )

    rnd = random.Random(8)
    found = 0
    for path in TEXTS:
        paras = [p.text for p in normalize.normalize(path.read_text(encoding="utf-8")).paragraphs]
        for body_start in {0, 5, 20, len(paras) // 2, len(paras), len(paras) + 3}:
            want = plain(paras, body_start)
            assert signature.find_signer(paras, body_start) == want, (path.name, body_start)
            found += want is not None
        cut = paras[: rnd.randint(0, len(paras))]  # a block near the end, or none
        assert signature.find_signer(cut, 3) == plain(cut, 3), path.name
    assert found > 500


def test_known_name_tries_only_the_names_of_its_head(lines: list[str]) -> None:
    """`letterhead.known_name`, trying only the known names whose first word spells the line's
    first word, reads each line as trying every known name in turn reads it."""

    def plain(line: str) -> str:
        key = letterhead._letters(line)
        if len(key) < 6 or line.upper() in letterhead._known_names().values():
            return line
        if key in letterhead._known_names():
            return letterhead._known_names()[key]
        if len(key) >= 8 and (first_lost := letterhead._first_letter_lost().get(key)):
            return first_lost
        if key in letterhead._known_places() and (line.isascii() or letterhead._spaced(line)):
            return letterhead._known_places()[key]
        if key in letterhead._known_local_names() and letterhead._spaced(line):
            return letterhead._known_local_names()[key]
        limit = 1 if len(key) < 12 else 2
        head = letterhead._letters(line.split()[0])
        for name_key, name in letterhead._known_names().items():
            if (
                name_key.startswith(head)
                and letterhead._letters(name.split()[0]) == head
                and abs(len(name_key) - len(key)) <= limit
                and letterhead._distance(key, name_key, limit) <= limit
            ):
                return name
        return line

    rnd = random.Random(11)
    names = list(letterhead._known_names().values())
    odd = []
    for _ in range(3000):
        chars = list(rnd.choice(names))
        for _ in range(rnd.randint(0, 3)):
            at = rnd.randrange(len(chars))
            chars[at] = rnd.choice("AIOUCYH ")
        odd.append("".join(chars))
    read = 0
    for line in [*(x for x in lines[:20000] if x.isupper()), *odd]:
        want = plain(line)
        assert letterhead.known_name(line) == want, line
        read += want != line
    assert read > 500


def test_agency_rewrites_split_by_case_match_one_alternation(lines: list[str]) -> None:
    """`Expander._edits` (the patterns opening with a capital searched in every text, those
    opening in lower case only in a text holding a guard word, the two searches merged) finds
    what the one alternation of all of them finds with `finditer`, over runs of corpus lines
    (rewrites of both kinds in one text, overlapping ones) and texts made to overlap."""
    vocab = load_vocab("agencies")
    expander = get_matcher(())._expander
    every = [*sorted(expander._abbr, key=len, reverse=True)]
    abbrs = [_at_word_start(re.escape(a)) + r"(?![\w&])" for a in every]
    heads = kind_word_heads(vocab)
    titles = [*TITLE_REWRITES, *(rf"{t}(?=[ \t]+[{vn.UPPER}])" for t in vocab["head_typos"])]
    titles += list(heads)
    named = [_at_word_start(p, group=f"t{i}") for i, p in enumerate(titles)]
    whole = re.compile(_by_first_letter(abbrs + named))
    odd = ["phó trưởng ban là Giám đốc Sở Tài chính, Giám đốc Sở Y tế và UBND tỉnh"]
    odd += ["UBND xã, các đồng chí trưởng thôn, Trưởng các ấp; thành phô Huế, đ/c Giám đốc Sở"]
    odd += ["ủy viên là Chủ tịch UBND các xã, Hiệu trưởng các trường, giám đốc các trung tâm"]
    odd += ["Sở GD&ĐT, cục Thuê tỉnh, thành viên là Thủ trưởng các sở là"]
    texts = ["\n".join(lines[i : i + 7]) for i in range(0, len(lines), 7)] + odd
    both = 0
    for text in texts:
        want = [(m.start(), m.end(), expander._replacement(m)) for m in whole.finditer(text)]
        assert expander._edits(text) == want, text
        both += any(not text[s].isupper() for s, _, _ in want) and any(
            text[s].isupper() for s, _, _ in want
        )
    assert both > 20
