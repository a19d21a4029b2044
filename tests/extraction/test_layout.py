"""Golden cases of the layout stage (tests/extraction/cases/layout/<rule>.txt).

Each file holds cases separated by "=====" lines: the raw text, a "." line, and the
paragraphs expected after the layout stage and normalisation (one per line). Lines
starting with "#" before the first case are comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from case_files import read_blocks

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction.layout import RULES, undo_layout
from dxtrack.extraction.normalize import normalize

AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

CASES = Path(__file__).parent / "cases" / "layout"


def load(path: Path) -> list[tuple[str, list[str]]]:
    out = []
    for source, expected in read_blocks(path):
        out.append((source, [e.rstrip() for e in expected.strip("\n").split("\n")]))
    return out


ALL = [(p.stem, i, case) for p in sorted(CASES.glob("*.txt")) for i, case in enumerate(load(p))]


@pytest.mark.parametrize("rule,index,case", ALL, ids=[f"{r}-{i}" for r, i, _ in ALL])
def test_layout_case(rule, index, case):
    source, expected = case
    paragraphs = normalize(undo_layout(source, AN_GIANG)).paragraphs
    assert [p.text.rstrip() for p in paragraphs] == expected


@pytest.mark.parametrize("path", sorted(CASES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_case_of_a_file_is_read(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert len(load(path)) == lines.count("=====") + 1 == lines.count(".")


def test_every_rule_has_golden_cases():
    names = {p.stem for p in CASES.glob("*.txt")}
    assert {name for name, _ in RULES} <= names | {"blank_line_paragraphs"}
    assert "blank_line_paragraphs" in names
