"""Does a small model trained on the tuned corpus find tasks the rules miss? (issue 11)

Run: `.venv/bin/python -m benchmarks.task_model [--c 1.0] [--folds 5] [--no-words]`
(about half a minute of CPU). Reads `tests/extraction/corpus/tune/` and the seeds only,
never the held-out part. Candidates and labels: `task_model_data.py`. Features: folded
words and bigrams, the first three words, assignment cues, the lead's source, node kind,
depth, paragraph index, length, document type, deadline and recurrence presence, parent and
section heading words. The model: L2 logistic regression in numpy. Evaluation, always by
document, the seeds always in training: leave-one-document-out probabilities (their AUC,
and rules + model at fixed thresholds), and 5-fold cross-validation whose threshold is
chosen inside each training part by an inner 4-fold cross-validation.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter

import numpy as np

from benchmarks.task_model_data import build_document, clause_key, documents, score

GRID = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: rules alone


# --- model ------------------------------------------------------------------------------


def fit(rows: list[dict], c: float, *, iters: int = 300) -> dict[str, float]:
    """L2 logistic regression (Adam on the mean log-loss); features seen once are dropped."""
    count = Counter(f for r in rows for f in set(r["feats"]))
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in count.items() if n >= 2))}
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        x[i, [vocab[f] for f in r["feats"] if f in vocab]] = 1.0
    y = np.array([r["label"] for r in rows], dtype=float)
    reg = np.full(len(vocab), 1.0 / (c * len(rows)))
    reg[vocab["bias"]] = 0.0
    w, m, v = np.zeros(len(vocab)), np.zeros(len(vocab)), np.zeros(len(vocab))
    for t in range(1, iters + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(rows) + reg * w
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad * grad
        w -= 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {f: float(w[k]) for f, k in vocab.items()}


def probability(weights: dict[str, float], feats: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def predict(train: list[dict], test: list[dict], c: float) -> list[list[float]]:
    w = fit([r for d in train for r in d["rows"] if r["label"] is not None], c)
    return [[probability(w, r["feats"]) for r in d["rows"]] for d in test]


def evaluate(docs: list[dict], probs: list[list[float]], threshold: float) -> dict:
    """Task figures of the rules' tasks plus the candidates scored >= threshold (a document
    with `"remove": True` instead drops its rows, the rules' tasks, scored >= threshold)."""
    total: Counter = Counter()
    for d, ps in zip(docs, probs, strict=True):
        remove = d.get("remove", False)
        rows = [r["task"] for r, p in zip(d["rows"], ps, strict=True) if (p >= threshold) != remove]
        total.update(score.score_tasks(d["gold"], d["base"] + rows))
    empty = {"ref_tp": 0, "ref_pred": 0, "ref_gold": 0, "ref_date_ok": 0, "docs": 1}
    f = score.figures({**total, **empty, **{k: 0 for k in _meta_keys()}})
    return {k: f[k] for k in ("task_precision", "task_recall", "task_f1", "lead_acc")}


def _meta_keys() -> list[str]:
    return [f"meta:{k}" for k in score.META_FIELDS]


def folds(docs: list[dict], k: int) -> list[list[dict]]:
    return [docs[i::k] for i in range(k)]


def best_threshold(train: list[dict], seeds: list[dict], c: float, k: int = 4) -> float:
    """The grid threshold with the best F1 on inner out-of-fold probabilities."""
    parts = folds(train, k)
    docs, probs = [], []
    for i, part in enumerate(parts):
        rest = [d for j, p in enumerate(parts) if j != i for d in p]
        docs += part
        probs += predict(seeds + rest, part, c)
    return max(GRID, key=lambda t: (evaluate(docs, probs, t)["task_f1"], t))


# --- report -----------------------------------------------------------------------------


def where_missed(docs: list[dict]) -> Counter:
    """Why the rules' missed gold tasks are out of the model's reach (or not)."""
    out: Counter = Counter()
    for d in docs:
        with_lead = Counter(clause_key(r["task"]["clause"]) for r in d["rows"])
        without = Counter(clause_key(t["clause"]) for t in d["no_lead"])
        for clause in d["missed"]:
            if with_lead[clause]:
                out["a candidate with a lead"] += 1
            elif without[clause]:
                out["a candidate, no lead found"] += 1
            elif clause in d["paths"]:
                out["its clause is inside a rule task or skipped"] += 1
            else:
                out["no clause of that path (tables, mis-parsed numbering)"] += 1
    return out


def auc(docs: list[dict], probs: list[list[float]]) -> float:
    pairs = [
        (p, r["label"])
        for d, ps in zip(docs, probs, strict=True)
        for r, p in zip(d["rows"], ps, strict=True)
    ]
    pos = [p for p, y in pairs if y == 1]
    neg = [p for p, y in pairs if y == 0]
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def nested_cv(tune: list[dict], seeds: list[dict], c: float, k: int) -> tuple[dict, list]:
    """k-fold by document; each fold's threshold chosen by inner CV on the other folds."""
    docs, accepted, chosen = [], [], []
    parts = folds(tune, k)
    for i, part in enumerate(parts):
        train = [d for j, p in enumerate(parts) if j != i for d in p]
        threshold = best_threshold(train, seeds, c)
        chosen.append(threshold)
        docs += part
        probs = predict(seeds + train, part, c)
        accepted += [[1.0 if p >= threshold else 0.0 for p in ps] for ps in probs]
    return evaluate(docs, accepted, 0.5), chosen


def line(name: str, f: dict) -> str:
    return (
        f"{name:<34} P {f['task_precision']:.3f}  R {f['task_recall']:.3f}  "
        f"F1 {f['task_f1']:.3f}  lead {f['lead_acc']:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-words", action="store_true", help="drop word and bigram features")
    args = ap.parse_args(argv)
    data = [build_document(*doc) for doc in documents()]
    if args.no_words:
        for d in data:
            for r in d["rows"]:
                r["feats"] = [f for f in r["feats"] if not f.startswith(("w:", "b:"))]
    seeds = [d for d in data if d["stem"].startswith("seed:")]
    tune = [d for d in data if not d["stem"].startswith("seed:")]
    for d in data:
        d["base"] = d["rules"]
    rows = [r for d in tune for r in d["rows"]]
    print(f"tune: {len(tune)} documents; seeds: {len(seeds)} (always in training)")
    print("missed gold tasks of the rules:", dict(where_missed(tune)))
    labels = Counter(r["label"] for r in rows)
    print(
        f"candidates with a lead: {len(rows)} (positive {labels[1]}, optional {labels[None]});"
        f" by lead source: {dict(Counter(r['source'] for r in rows))}"
    )
    print(
        f"positives by lead source: {dict(Counter(r['source'] for r in rows if r['label'] == 1))}"
    )
    rules_only = [[0.0] * len(d["rows"]) for d in tune]
    print(line("rules alone", evaluate(tune, rules_only, 0.5)))
    oracle = [[float(r["label"] == 1) for r in d["rows"]] for d in tune]
    print(line("rules + every positive (ceiling)", evaluate(tune, oracle, 0.5)))
    loo = [
        p
        for i, d in enumerate(tune)
        for p in predict(seeds + tune[:i] + tune[i + 1 :], [d], args.c)
    ]
    print(f"leave-one-document-out AUC (positive vs negative candidates): {auc(tune, loo):.3f}")
    for t in GRID[:-1]:
        print(line(f"rules + model, LOO, threshold {t}", evaluate(tune, loo, t)))
    figures_, chosen = nested_cv(tune, seeds, args.c, args.folds)
    print(line(f"rules + model, {args.folds}-fold nested CV", figures_), "thresholds", chosen)


if __name__ == "__main__":
    main()
