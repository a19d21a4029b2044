"""Lead probes, second round (cases/lead_probes/probes2.txt): short letters and plan items
written from FORMAT.md's lead and coordinators rows before the engine ran on them. Each task's
leads by exact name (case-folded), its coordinators where the case gives a fifth cell, and the
clause, deadline and recurrence where given; the number of tasks must agree."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from case_documents import AN_GIANG
from test_task_cases import load

from dxtrack.extraction import extract_bytes

PROBES = load(Path(__file__).parent / "cases" / "lead_probes" / "probes2.txt")

# Probes the engine still gets wrong (index: why), kept as strict expected failures so that a
# rule that mends one shows.
KNOWN_WRONG: dict[int, str] = {
    6: "'X chủ trì ...; Y phối hợp <own verb> ...': Y not a coordinator (FORMAT.md: named after 'phối hợp'; debatable)",
    70: "a group's qualifier 'được giao nhiệm vụ tại Kế hoạch này' left off",
    148: "'giao X chủ trì; giao Y phối hợp <verb> ...': Y not a coordinator (as probe 6)",
    168: "'X chịu trách nhiệm ...; các Bộ: A, B ... hướng dẫn ...' in a letter: one task",
    195: "a directory name ('Ban Quản lý Khu kinh tế') ends a longer name before 'và các ...'",
    200: "'Cùng với X, Y <acts>': X not read as a coordinator",
    225: "'X chịu trách nhiệm chính, Y phối hợp ...': Y not read as a coordinator",
    237: "'Giám đốc các đơn vị trực thuộc': the group's 'trực thuộc' left off",
    251: "'Giao X hướng dẫn ...; Y phối hợp <verb> ...': Y not a coordinator (as probe 6)",
}


def _names(cell: str) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFC", n).split()).casefold()
        for n in cell.split(";")
        if n.strip()
    ]


def _row(task: dict, width: int) -> list:
    row = [task["clause"], _names(";".join(task["lead"]))]
    row += [task["deadline"] or "-", task["recurrence"] or "-"][: max(0, width - 2)]
    if width > 4:
        row.append(_names(";".join(task["coordinators"])))
    return row


def _expected(row: list[str]) -> list:
    out = [row[0], _names(row[1]), *row[2:4]]
    if len(row) > 4:
        out.append(_names(row[4]))
    return out


def probe_indices(probes: list, known_wrong: dict[int, str], round_name: str = "") -> list:
    """Each probe's index (with `round_name`, the pair (round_name, index)), the known wrong
    ones as strict expected failures."""
    return [
        pytest.param(
            (round_name, i) if round_name else i,
            marks=[pytest.mark.xfail(reason=known_wrong[i], strict=True)]
            if i in known_wrong
            else [],
            id=f"{round_name}-{i}" if round_name else str(i),
        )
        for i in range(len(probes))
    ]


def check_probe(source: str, expected: list[list[str]]) -> None:
    """The probe's tasks, as many as expected, with the expected cells."""
    tasks = extract_bytes(source.encode("utf-8"), "case.txt", directory=AN_GIANG).tasks
    got = [_row(t, len(row)) for t, row in zip(tasks, expected, strict=False)]
    assert len(tasks) == len(expected), [(t["clause"], t["lead"]) for t in tasks]
    assert got == [_expected(row) for row in expected]


@pytest.mark.parametrize("index", probe_indices(PROBES, KNOWN_WRONG))
def test_lead_probe(index):
    check_probe(*PROBES[index])


def test_enough_probes():
    assert len(PROBES) >= 80
