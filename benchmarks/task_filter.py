"""Does a small model trained on the tuned corpus drop the rules' false tasks? (issue 11)

Run: `.venv/bin/python -m benchmarks.task_filter [--c 1.0] [--folds 5]` (2-4 minutes of
CPU; `corpus/tune/`, the seeds and the golden-case documents only; `--write THRESHOLD` trains
on everything and writes the weights to /tmp/task_filter.json, the file the engine stage of
branch `model-filter-stage` reads from `data/`; no stage is on main). The other side of `task_model.py`: each
task the rules extract is a row, labelled 1 when it matches no gold task (a false task),
0 when it matches a scored gold task, no label when it matches an optional one. Features:
the rule that found the lead, uncertain, the clause path's shape and depth, the lead's
first words and count, coordinators, deadline and recurrence presence, document type,
length, assignment cues, words and bigrams of the text. A task scored >= the threshold is
dropped. The same logistic regression and the same by-document evaluation.
"""

from __future__ import annotations

import argparse
import json
import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from benchmarks.task_model import GRID, evaluate, fit, line, nested_cv, predict, probability
from benchmarks.task_model_data import AN_GIANG, ROOT, build_document, documents, task_view
from benchmarks.task_model_data import match_map as _match
from dxtrack.extraction.engine import analyse_text
from dxtrack.extraction.fields.task_model import Task
from dxtrack.extraction.readers import PARAGRAPH_FORMATS, read_bytes
from dxtrack.extraction.textutil import fold

WEIGHTS = Path("/tmp/task_filter.json")  # --write: the weights, for a stage (not shipped)


# --- features -----------------------------------------------------------------------


_WORD = re.compile(r"\w+")
_PAIR_CUES = {
    "de_nghi": ("đề", "nghị"),
    "yeu_cau": ("yêu", "cầu"),
    "chu_tri": ("chủ", "trì"),
    "phoi_hop": ("phối", "hợp"),
    "tham_muu": ("tham", "mưu"),
    "bao_cao": ("báo", "cáo"),
}
_WORD_CUES = {"phai": {"phải", "cần"}, "past": {"đã", "đang"}}
_NOT_GIAO = {"thông", "dịch", "diện", "lưu", "tiếp", "nhận"}
_LETTER = re.compile(r"\b[a-zđ]\b")
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"[IVXLC]+(?=\.|$)")


_PUNCT = "".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()) + "“”‘’–—…•«»"


def words_of(summary: str) -> list[str]:
    """A task's words: lower-cased, split on white space, punctuation stripped at the ends
    (the summary is NFC already)."""
    return [w for w in (t.strip(_PUNCT) for t in summary.lower().split()) if w]


def features(task: Task, doc_type: str | None) -> list[str]:
    """Binary features of a task (their names key the stored weights)."""
    words = words_of(task.summary)
    pairs = set(pairwise(words))
    out = _task_features(task, doc_type, words, pairs)
    out += [f"first:{w}" for w in words[:3]] + [f"w:{w}" for w in set(words)]
    return out + [f"b:{a} {b}" for a, b in pairs]


def _task_features(
    task: Task, doc_type: str | None, words: list[str], pairs: set[tuple[str, str]]
) -> list[str]:
    """The features other than the words: rule, clause shape, lead, timing, cues."""
    out = [
        *_flags(task.rule, task.uncertain, min(len(task.lead), 3), bool(task.coordinators)),
        *_flags2(bool(task.deadline), task.recurrence, min(len(words) // 10, 6)),
        *_clause_features(task.clause),
        _doc_feature(doc_type),
        *_lead_features(task.lead[0] if task.lead else ""),
    ]
    return out + _cues(words, pairs)


@lru_cache(maxsize=256)
def _flags(rule: str, uncertain: bool, leads: int, coords: bool) -> tuple[str, ...]:
    out = ("bias", f"rule:{rule}", f"leads:{leads}")
    return out + ("uncertain",) * uncertain + ("coords",) * coords


@lru_cache(maxsize=256)
def _flags2(deadline: bool, recurrence: str | None, length: int) -> tuple[str, ...]:
    out = ("deadline",) * deadline + ((f"rec:{recurrence}",) if recurrence else ())
    return (*out, f"len:{length}")


def _cues(words: list[str], pairs: set[tuple[str, str]]) -> list[str]:
    """Assignment cues: giao (not giao thông ...), đề nghị, yêu cầu, chủ trì, phối hợp, có /
    chịu trách nhiệm, phải / cần, đã / đang, tham mưu, báo cáo."""
    out = [f"cue:{k}" for k, pair in _PAIR_CUES.items() if pair in pairs]
    wset = set(words)
    out += [f"cue:{k}" for k, found in _WORD_CUES.items() if found & wset]
    if ("trách", "nhiệm") in pairs and (("có", "trách") in pairs or ("chịu", "trách") in pairs):
        out.append("cue:trach_nhiem")
    if "giao" in wset and (
        words[-1] == "giao" or any(a == "giao" and b not in _NOT_GIAO for a, b in pairs)
    ):
        out.append("cue:giao")
    return out


@lru_cache(maxsize=8192)
def _clause_features(path: str | None) -> tuple[str, ...]:
    path = path or ""
    shape = _ROMAN.sub("R", _DIGITS.sub("9", _LETTER.sub("a", path)))
    return (f"shape:{shape[:12]}", f"depth:{min(path.count('.'), 4)}")


@lru_cache(maxsize=64)
def _doc_feature(doc_type: str | None) -> str:
    return f"doc:{fold(doc_type or '')}"


@lru_cache(maxsize=1024)
def _lead_features(lead: str) -> tuple[str, ...]:
    return tuple(f"leadw:{w}" for w in _WORD.findall(fold(lead))[:2])


# --- experiment ---------------------------------------------------------------------


def filter_rows(d: dict) -> dict:
    """The document's rule tasks as rows to keep or drop."""
    gv = [task_view(t) for t in d["gold"]]
    matched = _match(gv, [task_view(t) for t in d["rules"]])
    by_pred = {j: i for i, j in matched.items()}
    rows = []
    for j, task in enumerate(d["rules"]):
        label = 1 if j not in by_pred else None if gv[by_pred[j]]["optional"] else 0
        feats = features(d["rule_tasks"][j], d["doc_type"])
        rows.append({"feats": feats, "label": label, "task": task})
    return {**d, "rows": rows, "base": [], "remove": True}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", type=float, metavar="THRESHOLD", help="train on all, write weights")
    args = ap.parse_args(argv)
    data = [filter_rows(build_document(*doc)) for doc in documents()]
    seeds = [d for d in data if d["stem"].startswith("seed:")]
    tune = [d for d in data if not d["stem"].startswith("seed:")]
    if args.write is not None:
        write(data, args.c, args.write, WEIGHTS)
        return
    labels = [r["label"] for d in tune for r in d["rows"]]
    print(f"rule tasks on tune: {len(labels)} (false {labels.count(1)}, right {labels.count(0)})")
    print(line("rules alone", evaluate(tune, [[0.0] * len(d["rows"]) for d in tune], 0.5)))
    oracle = [[float(r["label"] == 1) for r in d["rows"]] for d in tune]
    print(line("rules less every false task", evaluate(tune, oracle, 0.5)))
    loo = [
        p
        for i, d in enumerate(tune)
        for p in predict(seeds + tune[:i] + tune[i + 1 :], [d], args.c)
    ]
    for t in GRID[:-1]:
        print(line(f"rules - model, LOO, threshold {t}", evaluate(tune, loo, t)))
    golden_drops(data, args.c)
    figures_, chosen = nested_cv(tune, seeds, args.c, args.folds)
    print(line(f"rules - model, {args.folds}-fold nested CV", figures_), "thresholds", chosen)


def golden_drops(data: list[dict], c: float) -> None:
    """A check outside the corpus: the golden-case documents (tests/extraction/cases/
    documents), whose rule tasks the tests assert are right, scored by a model trained on
    every tuned document and seed; how many would be dropped at each threshold."""
    weights = fit([r for d in data for r in d["rows"] if r["label"] is not None], c)
    probs = []
    for path in sorted((ROOT / "tests" / "extraction" / "cases" / "documents").glob("*.txt")):
        raw = read_bytes(path.read_bytes(), path.name)
        wrapped = raw.format not in PARAGRAPH_FORMATS
        a = analyse_text(raw.text, wrapped=wrapped, directory=AN_GIANG)
        probs += [probability(weights, features(t, a.meta.doc_type)) for t in a.tasks]
    drops = {t: sum(p >= t for p in probs) for t in GRID[:-1]}
    print(f"golden-case tasks dropped (of {len(probs)}), by threshold: {drops}")


def write(data: list[dict], c: float, threshold: float, path: Path) -> None:
    """Train on every tuned document and seed; store the weights as data."""
    weights = fit([r for d in data for r in d["rows"] if r["label"] is not None], c)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
    model = {
        "about": "benchmarks/task_filter.py: P(task is false); drop when >= threshold",
        "trained_on": f"{len(data)} documents (corpus/tune and the seeds)",
        "c": c,
        "threshold": threshold,
        "weights": kept,
    }
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(kept)} weights, threshold {threshold})")


if __name__ == "__main__":
    main()
