"""Lead probes, third round (cases/lead_probes/probes3.txt): lead forms of long provincial
plans and national documents (2025 merged agencies, agency headings over dash items, heads
marked "(chủ trì)" or "đầu mối", wrapped table cells, the lead named after the action,
commune-level bodies), written from FORMAT.md's lead and coordinators rows before the engine
ran on them. Checked as in test_lead_probes_2."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_lead_probes_2 import check_probe, probe_indices
from test_task_cases import load

PROBES = load(Path(__file__).parent / "cases" / "lead_probes" / "probes3.txt")

# Probes the engine still gets wrong (index: why), kept as strict expected failures so that a
# rule that mends one shows.
KNOWN_WRONG: dict[int, str] = {
    61: "a unit body's qualifier ('Ủy ban nhân dân các tỉnh có dự án đi qua') left off (the "
    "scorer takes the shorter name: one is the other plus a suffix)",
}


@pytest.mark.parametrize("index", probe_indices(PROBES, KNOWN_WRONG))
def test_lead_probe(index):
    check_probe(*PROBES[index])


def test_enough_probes():
    assert len(PROBES) >= 60
