"""How a directive names the lead of a task (cases/tasks/lead_forms*.txt): each task's leads
by exact name, and its coordinators where the case gives a fifth column
(`test_task_cases.py` compares leads as the scorer does, by head word and overlap)."""

from __future__ import annotations

import unicodedata

import pytest
from case_documents import AN_GIANG
from test_task_cases import CASES, load

from dxtrack.extraction import extract_bytes

VARIANTS = [
    v
    for name in (
        "lead_forms",
        "lead_forms2",
        "lead_forms3",
        "lead_forms4",
        "lead_forms5",
        "lead_forms6",
    )
    for v in load(CASES / f"{name}.txt")
]


def _names(cell: str) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFC", n).split()).casefold()
        for n in cell.split(";")
        if n.strip()
    ]


@pytest.mark.parametrize("index", range(len(VARIANTS)))
def test_lead_form(index):
    source, expected = VARIANTS[index]
    tasks = extract_bytes(source.encode("utf-8"), "case.txt", directory=AN_GIANG).tasks
    got = [(t["clause"], _names(";".join(t["lead"]))) for t in tasks]
    assert got == [(row[0], _names(row[1])) for row in expected]
    for row, task in zip(expected, tasks, strict=True):
        if len(row) > 4:
            assert _names(";".join(task["coordinators"])) == _names(row[4]), task["summary"]


def test_enough_variants():
    assert len(VARIANTS) >= 50
