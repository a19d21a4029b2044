"""Golden cases of the OCR fixes (tests/extraction/cases/ocr_fixes.txt), one rule at a time,
and every rule of data/ocr_fixes.yaml covered by a case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dxtrack.extraction.ocr_fixes import fix_ocr, rules

CASES = Path(__file__).parent / "cases" / "ocr_fixes.txt"


def load_cases() -> list[tuple[str, str, str]]:
    text = CASES.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    cases = []
    for block in re.split(r"\n\s*\n", body.strip()):
        rule, *lines = block.strip().splitlines()
        dot = lines.index(".")
        cases.append((rule.strip("[]"), "\n".join(lines[:dot]), "\n".join(lines[dot + 1 :])))
    return cases


def case_id(case: tuple[str, str, str]) -> str:
    return f"{case[0]}:{case[1][:30]}"


@pytest.mark.parametrize("case", load_cases(), ids=case_id)
def test_rule(case: tuple[str, str, str]) -> None:
    rule, recognised, expected = case
    assert fix_ocr(recognised, only=rule) == expected


def test_every_case_is_read() -> None:
    assert len(load_cases()) == CASES.read_text(encoding="utf-8").split("\n").count(".")


def test_every_rule_has_a_case() -> None:
    covered = {rule for rule, _, _ in load_cases()}
    assert [r.name for r in rules() if r.name not in covered] == []


def test_all_rules_together() -> None:
    recognised = "S6: 41 /CT- TTs\n1I. NHIỆM VỤ\nth ực hiện Nghị quyết, khoahọc"
    assert fix_ocr(recognised) == "Số: 41/CT-TTg\nII. NHIỆM VỤ\nthực hiện Nghị quyết, khoa học"
