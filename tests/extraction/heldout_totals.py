"""Aggregate figures of a corpus part, nothing per document (held-out discipline).

    .venv/bin/python tests/extraction/heldout_totals.py [heldout|tune] [--json]
        [--stems FILE] [--by-type]

Prints only the micro-averaged totals over the part (or over the documents whose stems FILE
lists, one a line, e.g. a batch added in one session; `--by-type`: one total per gold
document type): no document's name, errors or
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
from pathlib import Path

from corpus_runner import HERE, pairs_of, score, scored


def totals(part_name: str, stems: set[str] | None = None) -> dict[str, tuple[dict, int, int]]:
    """Summed counts, number of documents and of failed ones, per gold document type
    (and under "" for all of them)."""
    pairs = [
        (label, source)
        for label, source in pairs_of(HERE / "corpus" / part_name)
        if stems is None or label.stem in stems
    ]
    groups: dict[str, tuple[Counter, list[int]]] = {}
    for _, gold, _, counts, failed in scored(pairs, blind=True):
        for key in ("", str(gold.get("doc_type") or "?")):
            total, tally = groups.setdefault(key, (Counter(), [0, 0]))
            total.update(counts)
            tally[0] += 1
            tally[1] += failed
    return {key: (dict(total), n, failed) for key, (total, (n, failed)) in groups.items()}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", default="heldout", choices=["heldout", "tune"])
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--stems", type=Path, help="only the documents this file lists")
    parser.add_argument("--by-type", action="store_true", help="one total per document type")
    args = parser.parse_args(argv)  # --help or a wrong argument stops before any scoring
    stems = set(args.stems.read_text(encoding="utf-8").split()) if args.stems else None
    groups = totals(args.part, stems)
    if "" not in groups:
        sys.exit(f"corpus/{args.part} has no labelled documents (of those listed)")
    keys = sorted(groups) if args.by_type else [""]
    if args.json:
        out = {
            key or "total": {"docs": n, "failed": failed, "total": score.figures(counts)}
            for key, (counts, n, failed) in ((k, groups[k]) for k in keys)
        }
        print(json.dumps(out if args.by_type else out["total"], indent=2))
        return
    for key in keys:
        counts, n_docs, failed = groups[key]
        title = f"{args.part}: {key or 'TOTAL'} ({n_docs} docs, micro-averaged; {failed} failed)"
        score.report(title, score.figures(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
