"""Golden cases for the field rules (tests/extraction/cases/<field>.txt).

Each case: input lines, a "." line, expected lines; cases are separated by blank lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_text
from dxtrack.extraction.fields.agencies import get_matcher
from dxtrack.extraction.fields.deadline import first_deadline, period_day
from dxtrack.extraction.fields.recurrence import find_recurrence
from dxtrack.extraction.fields.references import citation_spans, find_references
from dxtrack.extraction.textutil import fold, sentence_case

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

CASES = Path(__file__).parent / "cases"


def load_cases(field: str) -> list[tuple[str, list[str]]]:
    text = (CASES / f"{field}.txt").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    cases = []
    for block in blocks:
        lines = [ln for ln in block.splitlines() if not ln.startswith("# ")]
        dot = lines.index(".")
        cases.append(("\n".join(lines[:dot]), lines[dot + 1 :]))
    return cases


@pytest.mark.parametrize(
    "field",
    [p.stem for p in sorted(CASES.glob("*.txt")) if p.stem != "ocr_fixes"],  # its own reader
)
def test_every_case_of_a_file_is_read(field):
    """One case per "." line: two cases run together would read as one."""
    lines = (CASES / f"{field}.txt").read_text(encoding="utf-8").split("\n")
    assert len(load_cases(field)) == lines.count(".")


def case_id(case: tuple[str, list[str]]) -> str:
    return case[0].splitlines()[-1][:50]


@pytest.mark.parametrize("case", load_cases("deadline"), ids=case_id)
def test_deadline(case):
    source, (expected,) = case
    year = None
    if source.startswith("@year "):
        head, source = source.split("\n", 1)
        year = int(head.split()[1])
    masked = citation_spans(source)
    found = first_deadline(
        fold(source), year=year, masked=masked, recurrence=find_recurrence(fold(source))
    )
    assert (found.isoformat() if found else "null") == expected


@pytest.mark.parametrize("case", load_cases("recurrence"), ids=case_id)
def test_recurrence(case):
    source, (expected,) = case
    assert (find_recurrence(fold(source)) or "null") == expected


@pytest.mark.parametrize("case", load_cases("period_day"), ids=case_id)
def test_period_day(case):
    source, (expected,) = case
    folded = fold(source)
    found = period_day(folded, recurrence=find_recurrence(folded), masked=citation_spans(source))
    assert (found or "null") == expected


@pytest.mark.parametrize("case", load_cases("agencies"), ids=case_id)
def test_agencies(case):
    source, expected = case
    matcher = get_matcher(AN_GIANG)
    found, _ = matcher.match_list(matcher.expand(source), 0, bare_groups=True)
    assert [m.name for m in found] == expected


@pytest.mark.parametrize("case", load_cases("references"), ids=case_id)
def test_references(case):
    source, expected = case
    got = [
        " | ".join(
            str(r.to_dict()[k] if r.to_dict()[k] is not None else "null")
            for k in ("doc_type", "number", "date", "issuer")
        )
        for r in find_references(source)
    ]
    assert got == expected


@pytest.mark.parametrize("case", load_cases("letterhead"), ids=lambda c: c[1][0][:50])
def test_letterhead(case):
    source, (expected,) = case
    result = extract_text(source, directory=AN_GIANG)
    got = (result.issuer, result.number, result.place, result.issued_date)
    # letters, not case, as the corpus scorer compares ("Sở Công thương" / "Sở Công Thương")
    assert " | ".join(str(v) for v in got).casefold() == expected.casefold()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"),
        ("BẢO HIỂM XÃ HỘI TỈNH AN GIANG", "Bảo hiểm xã hội tỉnh An Giang"),
        ("ỦY BAN NHÂN DÂN XÃ HỘI AN", "Ủy ban nhân dân xã Hội An"),
        ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Ngân hàng Nhà nước Việt Nam"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ],
)
def test_issuer_case(line: str, name: str) -> None:
    """The issuer's case, which the scorer folds but the reviewer reads: "xã hội" after
    "bảo hiểm" is no commune, "Việt Nam" takes both capitals, a name's part after a dash
    its own."""
    assert sentence_case(line) == name


@pytest.mark.parametrize("case", load_cases("time_cell"), ids=case_id)
def test_time_cell(case):
    """A task table's time cell, read as the engine reads it in a one-row table."""
    source, (expected,) = case
    text = (
        "Ngày 10 tháng 3 năm 2025\n"
        "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n"
        f"1 | Rà soát quy định về dữ liệu | Sở Tư pháp | {source}\n"
    )
    (task,) = extract_text(text, directory=AN_GIANG).tasks
    assert f"{task['deadline'] or 'null'} | {task['recurrence'] or 'null'}" == expected


@pytest.mark.parametrize("case", load_cases("time_cell"), ids=case_id)
def test_time_line_of_a_plan_item(case):
    """The same time, as a plan item's "- Thời gian thực hiện: ..." line, reads the same."""
    source, (expected,) = case
    text = (
        "Ngày 10 tháng 3 năm 2025\n"
        "II. NHIỆM VỤ\n"
        "1. Rà soát quy định về dữ liệu số.\n"
        "- Cơ quan chủ trì: Sở Tư pháp.\n"
        f"- Thời gian thực hiện: {source}.\n"
    )
    (task,) = extract_text(text, directory=AN_GIANG).tasks
    assert f"{task['deadline'] or 'null'} | {task['recurrence'] or 'null'}" == expected


def test_citation_spans_find_a_number_printed_with_web_dashes():
    """A web copy's non-breaking hyphens in a symbol ("12\u2011CT\u2011UBND"): the citation
    and its date are masked like one printed with hyphens."""
    source = "thực hiện Chỉ thị số 12\u2011CT\u2011UBND ngày 22 tháng 12 năm 2024 của UBND tỉnh"
    (span,) = citation_spans(source)
    assert source[span[0] : span[1]].startswith("12\u2011CT\u2011UBND ngày 22 tháng 12 năm 2024")
