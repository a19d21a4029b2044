"""Aggregate figures of a corpus part, nothing per document (held-out discipline).

    .venv/bin/python tests/extraction/heldout_totals.py [heldout|tune] [--json]

Prints only the micro-averaged totals over the part: no document's name, errors or
predictions are shown, so rules cannot be tuned on the held-out part by accident. A
document the engine fails on counts as an empty prediction (only the number of such
documents is printed). To measure another engine (e.g. the session's starting commit),
run this file with that checkout's `src` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from corpus_runner import HERE, labels, predict, score, source_of


def totals(part_name: str) -> tuple[dict, int, int]:
    total: Counter = Counter()
    failed = 0
    docs = labels(HERE / "corpus" / part_name)
    for label in docs:
        gold = json.loads(label.read_text(encoding="utf-8"))
        try:
            pred = predict(source_of(label))
        except Exception:  # noqa: BLE001 - counted, never shown
            pred, failed = {}, failed + 1
        total.update(score.score_doc(gold, pred))
    return dict(total), len(docs), failed


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", default="heldout", choices=["heldout", "tune"])
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)  # --help or a wrong argument stops before any scoring
    counts, n_docs, failed = totals(args.part)
    if not n_docs:
        sys.exit(f"corpus/{args.part} has no labelled documents")
    figures = score.figures(counts)
    if args.json:
        print(json.dumps({"docs": n_docs, "failed": failed, "total": figures}, indent=2))
        return
    score.report(f"{args.part}: TOTAL ({n_docs} docs, micro-averaged; {failed} failed)", figures)


if __name__ == "__main__":
    main(sys.argv[1:])
