"""The engine against hand-made labels: the seed documents and our own corpus.

`score.py` is the project's scorer (a copy of the evaluation contract's). The seeds
must meet the quality bar of the extraction issue. The corpus has two parts: `tune/`
(documents the rules were tuned on) and `heldout/` (documents no rule was changed while
looking at). Each part keeps floors set a little under its measured figures; a part
without documents yet is skipped.
"""

from __future__ import annotations

import pytest
from corpus_runner import HERE, labels, score, score_part

ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"


@pytest.fixture(scope="module")
def seed_figures() -> dict:
    sources = {p.stem: p for p in (ROOT / "samples" / "seeds").glob("*.txt")}
    return score.figures(score_part(HERE / "gold", sources))


def part_figures(name: str) -> dict:
    part = CORPUS / name
    if not labels(part):
        pytest.skip(f"corpus/{name} has no labelled documents yet")
    return score.figures(score_part(part))


@pytest.fixture(scope="module")
def tune_figures() -> dict:
    return part_figures("tune")


@pytest.fixture(scope="module")
def heldout_figures() -> dict:
    return part_figures("heldout")


class TestSeedQualityBar:
    @pytest.mark.parametrize("key", ["task_f1", "lead_acc", "ref_f1", "meta_acc"])
    def test_at_least_095(self, seed_figures, key):
        assert seed_figures[key] >= 0.95, seed_figures

    def test_deadlines_at_least_098(self, seed_figures):
        assert seed_figures["deadline_acc"] >= 0.98, seed_figures


# Measured on 2026-12-05 (docs/extraction.md): tune 24 documents F1 0.979, lead 0.952,
# deadline 0.990, refs 0.979, metadata 0.911; held-out 7 documents F1 0.854, lead 0.988,
# deadline 0.976, refs 0.930, metadata 0.796. Floors sit a little under; re-measure (only
# in aggregate for the held-out part) when a part grows.
TUNE_FLOORS = [
    ("task_f1", 0.96),
    ("lead_acc", 0.93),
    ("deadline_acc", 0.97),
    ("ref_f1", 0.95),
    ("meta_acc", 0.89),
]

HELDOUT_FLOORS = [
    ("task_f1", 0.82),
    ("lead_acc", 0.95),
    ("deadline_acc", 0.94),
    ("ref_f1", 0.90),
    ("meta_acc", 0.76),
]


class TestTuneFloors:
    @pytest.mark.parametrize("key,floor", TUNE_FLOORS)
    def test_floor(self, tune_figures, key, floor):
        assert tune_figures[key] >= floor, tune_figures


class TestHeldoutFloors:
    @pytest.mark.parametrize("key,floor", HELDOUT_FLOORS)
    def test_floor(self, heldout_figures, key, floor):
        assert heldout_figures[key] >= floor, {k: heldout_figures[k] for k, _ in HELDOUT_FLOORS}
