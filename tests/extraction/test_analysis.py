"""engine.analyse_text (the clause tree and the rules' tasks before assembly) and the model
experiments' use of it (benchmarks/task_model_data.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import score
from case_documents import AN_GIANG, DOCS

from dxtrack.extraction import extract_text
from dxtrack.extraction.engine import analyse_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the benchmarks package sits beside src/, not installed
from benchmarks.task_model_data import match_map


def test_analyse_text_is_what_extract_text_assembles():
    text = (DOCS / "to_chuc_thuc_hien.txt").read_text(encoding="utf-8")
    analysis = analyse_text(text, directory=AN_GIANG)
    result = extract_text(text, directory=AN_GIANG)
    assert [t.to_dict() for t in analysis.tasks] == result.tasks
    assert analysis.unassigned == result.unassigned
    assert analysis.meta.doc_type == result.doc_type and analysis.norm.text == result.text
    assert any(node.path for node in analysis.tree.walk())


def test_the_experiments_match_tasks_as_the_scorer_does():
    """Labels of the model experiments come from match_map: it must pair exactly as many
    scored gold tasks as the scorer counts right."""
    for label in sorted((ROOT / "tests" / "extraction" / "gold").glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))["tasks"]
        text = (ROOT / "samples" / "seeds" / f"{label.stem}.txt").read_text(encoding="utf-8")
        pred = [t.to_dict() for t in analyse_text(text, directory=AN_GIANG).tasks]
        pred = pred[1:]  # one task fewer, so that a gold task is left unmatched
        g = [score.task_view(t) for t in gold]
        matched = match_map(g, [score.task_view(t) for t in pred])
        scored = sum(1 for i in matched if not g[i]["optional"])
        assert scored == score.score_tasks(gold, pred)["task_tp"], label.stem
