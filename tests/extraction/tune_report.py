"""Per-document errors on the tune part or the seeds, for rule work (never the held-out part).

    PYTHONPATH=src .venv/bin/python tests/extraction/tune_report.py [--seeds] [--summary]
        [--doc STEM ...] [--save FILE] [--against FILE]
    PYTHONPATH=src .venv/bin/python tests/extraction/tune_report.py --dump OUT_DIR

Without options it prints, for each tune document with an error, the counts that are off
(missed and extra tasks, wrong leads, deadlines and recurrences, metadata fields, references)
and its gold and predicted tasks side by side. `--summary` prints one line per such document;
`--save` writes every document's error counts to a JSON file, and `--against` compares the
current counts with such a file (which documents got better or worse after a rule change).

`--dump` writes the engine's output for every labelled document of every part and for the
seeds to OUT_DIR (one JSON per document) and prints nothing about any of them: run it before
and after a speed change and compare the two folders with `diff -rq` (identical output). A
held-out output's file name is a hash of its stem, so a differing file names no document.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from corpus_runner import HERE, labels, pairs_of, predict, score, scored, source_of

ROOT = HERE.parent.parent
SEEDS = ROOT / "samples" / "seeds"
ERROR_KEYS = ("missed", "extra", "lead", "deadline", "recurrence", "meta", "refs")


def seed_labels() -> list[tuple[Path, Path]]:
    return [
        (label, SEEDS / f"{label.stem}.txt") for label in sorted((HERE / "gold").glob("*.json"))
    ]


def errors(counts: dict) -> dict[str, int]:
    """The error counts of one document's `score.score_doc` counts."""
    tp = counts["task_tp"]
    return {
        "missed": counts["task_gold"] - tp,
        "extra": counts["task_pred"] - tp,
        "lead": tp - counts["lead_ok"],
        "deadline": tp - counts["deadline_ok"],
        "recurrence": tp - counts["recurrence_ok"],
        "meta": sum(1 for k, v in counts.items() if k.startswith("meta:") and not v),
        "refs": counts["ref_gold"] + counts["ref_pred"] - 2 * counts["ref_tp"],
    }


def task_line(task: dict) -> str:
    lead = "; ".join(task.get("lead") or []) or "-"
    flags = " (optional)" if task.get("optional") else ""
    summary = (task.get("summary") or "")[:90]
    return (
        f"    [{task.get('clause')}] {lead} | {task.get('deadline')} | "
        f"{task.get('recurrence')}{flags} | {summary}"
    )


def show(stem: str, gold: dict, pred: dict, counts: dict) -> None:
    errs = errors(counts)
    print(f"== {stem}: " + ", ".join(f"{k} {v}" for k, v in errs.items() if v))
    for key in (k for k, v in counts.items() if k.startswith("meta:") and not v):
        field = key[5:]
        print(
            f"  {field}: gold {score.meta_value(gold, field)!r} / pred {score.meta_value(pred, field)!r}"
        )
    if errs["refs"]:
        numbers = lambda doc: [r.get("number") for r in score.as_dicts(doc.get("references"))]
        print(f"  refs gold {numbers(gold)}\n  refs pred {numbers(pred)}")
    if any(errs[k] for k in ("missed", "extra", "lead", "deadline", "recurrence")):
        print("  gold:")
        for task in score.as_dicts(gold.get("tasks")):
            print(task_line(task or {}))
        print("  pred:")
        for task in score.as_dicts(pred.get("tasks")):
            print(task_line(task or {}))


def dump_name(source: Path) -> str:
    """`part__stem`, the held-out part's stems hashed: a diff of two dumps names none of them."""
    stem = source.stem
    if source.parent.name == "heldout":
        stem = hashlib.sha256(stem.encode()).hexdigest()[:12]
    return f"{source.parent.name}__{stem}"


def dump(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sources = [source for _, source in seed_labels()]
    for part in ("tune", "heldout"):
        sources += [source_of(label) for label in labels(HERE / "corpus" / part)]
    for source in sources:
        try:
            result = predict(source)
        except Exception as exc:  # noqa: BLE001 - an error is an output too
            result = {"error": type(exc).__name__}
        text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True)
        (out / f"{dump_name(source)}.json").write_text(text, encoding="utf-8")
    print(f"{len(sources)} outputs in {out}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", action="store_true", help="the seeds instead of the tune part")
    parser.add_argument("--summary", action="store_true", help="one line per document")
    parser.add_argument("--doc", nargs="+", default=[], help="only these stems")
    parser.add_argument("--save", type=Path, help="write every document's error counts here")
    parser.add_argument("--against", type=Path, help="compare with counts saved by --save")
    parser.add_argument("--dump", type=Path, help="write every output to this folder, no scores")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump)
        return
    pairs = seed_labels() if args.seeds else pairs_of(HERE / "corpus" / "tune")
    if args.doc:
        pairs = [(label, source) for label, source in pairs if label.stem in args.doc]
    every, total = {}, {k: 0 for k in ERROR_KEYS}
    for label, gold, pred, counts, _ in scored(pairs):
        errs = errors(counts)
        every[label.stem] = errs
        for key, value in errs.items():
            total[key] += value
        if not any(errs.values()) or args.against:
            continue
        if args.summary:
            print(f"{label.stem}: " + ", ".join(f"{k} {v}" for k, v in errs.items() if v))
        else:
            show(label.stem, gold, pred, counts)
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        for stem, errs in every.items():
            old = before.get(stem)
            if old != errs:
                change = "new" if old is None else sum(errs.values()) - sum(old.values())
                print(f"{stem}: {old} -> {errs} ({change})")
    if args.save:
        args.save.write_text(json.dumps(every, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(pairs)} documents; errors: " + ", ".join(f"{k} {v}" for k, v in total.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
