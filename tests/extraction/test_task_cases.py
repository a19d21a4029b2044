"""Golden cases of the task rules, written from the contract (FORMAT.md) in the genre's
own wording (tests/extraction/cases/tasks/<class>.txt).

Each file holds cases separated by "=====" lines: a document (or the part of one the
class needs), a "." line, then one line per expected task in document order:
`clause | lead; lead | deadline | recurrence` (`-` for null; deadline and recurrence may
be left out, then they are not checked), optionally `| coordinator; coordinator` (`-` for
none). Leads and coordinators compare like the scorer's agency names (head word equal, names
overlapping). Lines starting with "#" before the first case are
comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from case_documents import AN_GIANG
from case_files import read_blocks
from score import leads_right, text

from dxtrack.extraction import extract_bytes

CASES = Path(__file__).parent / "cases" / "tasks"


def load(path: Path) -> list[tuple[str, list[list[str]]]]:
    out = []
    for source, expected in read_blocks(path):
        rows = [[c.strip() for c in e.split("|")] for e in expected.strip("\n").split("\n")]
        out.append((source.strip("\n") + "\n", [r for r in rows if r != [""]]))
    return out


ALL = [(p.stem, i, case) for p in sorted(CASES.glob("*.txt")) for i, case in enumerate(load(p))]


def _names(cell: str) -> list[str]:
    return [text(n) for n in cell.split(";") if n.strip()]


def _agrees(row: list[str], task: dict) -> bool:
    if row[0] != task["clause"]:
        return False
    if not leads_right(_names(row[1]), [text(n) for n in task["lead"]]):
        return False
    if len(row) > 2 and (task["deadline"] or "-") != row[2]:
        return False
    if len(row) > 3 and (task["recurrence"] or "-") != row[3]:
        return False
    coordinators = [n for n in _names(row[4]) if n != "-"] if len(row) > 4 else None
    return coordinators is None or leads_right(
        coordinators, [text(n) for n in task["coordinators"]]
    )


@pytest.mark.parametrize("cls,index,case", ALL, ids=[f"{c}-{i}" for c, i, _ in ALL])
def test_task_case(cls, index, case):
    source, expected = case
    # read as an uploaded text file is (web copies keep their Markdown until the reader)
    tasks = extract_bytes(source.encode("utf-8"), "case.txt", directory=AN_GIANG).tasks
    got = [
        f"{t['clause']} | {'; '.join(t['lead'])} | {t['deadline'] or '-'} | {t['recurrence'] or '-'}"
        f" | {'; '.join(t['coordinators']) or '-'}"
        for t in tasks
    ]
    assert len(tasks) == len(expected), "\n".join(got)
    for row, task in zip(expected, tasks, strict=True):
        assert _agrees(row, task), "\n".join(got)


def test_every_class_has_cases():
    assert len(ALL) >= 10


def test_a_case_without_rows_before_the_next(tmp_path):
    """A case expecting no task, its "." line right before "=====": the "." is no line of the
    document, and the case after it is read whole."""
    path = tmp_path / "cases.txt"
    path.write_text("Đoạn A.\n.\n=====\nĐoạn B.\n.\nĐiều 1 | Sở Y tế\n", encoding="utf-8")
    assert load(path) == [("Đoạn A.\n", []), ("Đoạn B.\n", [["Điều 1", "Sở Y tế"]])]


def test_a_case_without_its_dot_line_is_refused(tmp_path):
    path = tmp_path / "cases.txt"
    path.write_text("Đoạn A.\n=====\nĐoạn B.\n.\nĐiều 1 | Sở Y tế\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load(path)


@pytest.mark.parametrize("path", sorted(CASES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_case_of_a_file_is_read(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert len(load(path)) == lines.count("=====") + 1 == lines.count(".")
