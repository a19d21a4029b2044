"""Run the engine over a labelled corpus part and score it (shared by the tests and scripts).

A part is a folder of gold labels (`<stem>.json`) beside their sources: the file with the
label's stem and another extension (.txt, .md, .docx, .pdf). A Markdown copy is read as
text (the engine's .txt reader undoes Markdown remnants).
"""

from __future__ import annotations

import inspect
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import score

from dxtrack.extraction import extract_bytes

ENGINE_TAKES_DIRECTORY = "directory" in inspect.signature(extract_bytes).parameters
if ENGINE_TAKES_DIRECTORY:
    from dxtrack.documents.service import extraction_directory

    AN_GIANG = extraction_directory()  # the app's agency directory, as the app passes it

SOURCE_EXTENSIONS = (".txt", ".md", ".docx", ".pdf")


def source_of(label: Path) -> Path:
    """The source document of a label: same stem, one of the known extensions."""
    for ext in SOURCE_EXTENSIONS:
        candidate = label.with_suffix(ext)
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no source document for {label.name}")


def predict(source: Path) -> dict:
    if not ENGINE_TAKES_DIRECTORY:
        # an engine older than 2026-12-05 (a "before" run) reads the directory itself and
        # takes Markdown only under a .txt name
        name = source.stem + ".txt" if source.suffix == ".md" else source.name
        return extract_bytes(source.read_bytes(), name).to_dict()
    return extract_bytes(source.read_bytes(), source.name, directory=AN_GIANG).to_dict()


def labels(part: Path) -> list[Path]:
    return sorted(part.glob("*.json"))


def pairs_of(part: Path) -> list[tuple[Path, Path]]:
    """(label, source) for every labelled document of a part."""
    return [(label, source_of(label)) for label in labels(part)]


def scored(
    pairs: Iterable[tuple[Path, Path]], *, blind: bool = False
) -> Iterator[tuple[Path, dict, dict, dict, bool]]:
    """(label, gold, prediction, `score.score_doc` counts, failed) for each (label, source).
    `blind` (the held-out part): a document the engine cannot read counts as an empty
    prediction and is marked failed, its error never shown; otherwise the error is raised."""
    for label, source in pairs:
        gold = json.loads(label.read_text(encoding="utf-8"))
        try:
            pred, failed = predict(source), False
        except Exception:  # counted, never shown, for the held-out part
            if not blind:
                raise
            pred, failed = {}, True
        yield label, gold, pred, score.score_doc(gold, pred), failed


def score_part(part: Path, sources: dict[str, Path] | None = None, *, blind: bool = False) -> dict:
    """Summed counts over a part; `figures()` turns them into rates. `blind` (the held-out
    part): a document the engine cannot read counts as an empty prediction and nothing about
    it is shown, only the number of such documents ("failed_docs")."""
    pairs = (
        [(label, sources[label.stem]) for label in labels(part)]
        if sources is not None
        else pairs_of(part)
    )
    totals: Counter = Counter(failed_docs=0)
    for _, _, _, counts, failed in scored(pairs, blind=blind):
        totals.update(counts)
        totals["failed_docs"] += failed
    return dict(totals)
