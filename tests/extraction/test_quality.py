"""The engine against hand-made labels: the seed documents and our own corpus.

`score.py` is the project's scorer (a copy of the evaluation contract's). The seeds
must meet the quality bar of the extraction issue; the corpus of other issuers and
provinces keeps the rules general (floors set a little under today's figures).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dxtrack.extraction import extract_file

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import score


def run(gold_dir: Path, sources: dict[str, Path]) -> dict:
    totals: dict = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract_file(sources[gold_path.stem]).to_dict()
        for key, value in score.score_doc(gold, pred).items():
            totals[key] = totals.get(key, 0) + value
    return score.figures(totals)


@pytest.fixture(scope="module")
def seed_figures() -> dict:
    sources = {p.stem: p for p in (ROOT / "samples" / "seeds").glob("*.txt")}
    return run(HERE / "gold", sources)


@pytest.fixture(scope="module")
def corpus_figures() -> dict:
    corpus = HERE / "corpus"
    return run(corpus, {p.stem: p for p in corpus.glob("*.txt")})


class TestSeedQualityBar:
    @pytest.mark.parametrize("key", ["task_f1", "lead_acc", "ref_f1", "meta_acc"])
    def test_at_least_095(self, seed_figures, key):
        assert seed_figures[key] >= 0.95, seed_figures

    def test_deadlines_at_least_098(self, seed_figures):
        assert seed_figures["deadline_acc"] >= 0.98, seed_figures


class TestCorpusFloors:
    @pytest.mark.parametrize(
        "key,floor",
        [
            ("task_f1", 0.95),
            ("lead_acc", 0.93),
            ("deadline_acc", 0.96),
            ("ref_f1", 0.97),
            ("meta_acc", 0.88),
        ],
    )
    def test_floor(self, corpus_figures, key, floor):
        assert corpus_figures[key] >= floor, corpus_figures
