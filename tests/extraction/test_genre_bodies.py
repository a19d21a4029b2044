"""Bodies named by their form (cases/tasks/form_bodies.txt): the lead of each task by its
exact name, not only its head word (`test_task_cases.py` compares leads as the scorer does,
where "Quỹ" would pass for "Quỹ Đầu tư phát triển tỉnh")."""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG
from test_task_cases import CASES, load

from dxtrack.extraction import extract_bytes

VARIANTS = load(CASES / "form_bodies.txt")


@pytest.mark.parametrize("index", range(len(VARIANTS)))
def test_form_named_lead(index):
    source, expected = VARIANTS[index]
    tasks = extract_bytes(source.encode("utf-8"), "case.txt", directory=AN_GIANG).tasks
    got = [(t["clause"], "; ".join(t["lead"])) for t in tasks]
    assert got == [(row[0], row[1]) for row in expected]


def test_enough_variants():
    assert len(VARIANTS) >= 30
