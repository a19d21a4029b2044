"""Extraction pipeline: read -> normalise -> metadata -> clause tree -> tasks, references."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxtrack.extraction.clauses import Node, build_tree
from dxtrack.extraction.fields.agencies import get_matcher
from dxtrack.extraction.fields.clause_words import closing_rider, is_closing
from dxtrack.extraction.fields.metadata import Metadata, extract_metadata
from dxtrack.extraction.fields.references import find_references
from dxtrack.extraction.fields.safety import unassigned_sentences
from dxtrack.extraction.fields.short_forms import spell_short_forms
from dxtrack.extraction.fields.subjects import find_subject, names_only
from dxtrack.extraction.fields.tables import extract_table_tasks
from dxtrack.extraction.fields.tasks import Task, extract_tasks
from dxtrack.extraction.layout import undo_layout
from dxtrack.extraction.normalize import Normalized, Paragraph, is_table_row, normalize

if TYPE_CHECKING:
    from dxtrack.extraction.readers import RawDocument


@dataclass
class Extraction:
    doc_id: str = ""
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    signer: dict[str, str | None] | None = None
    references: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    footnotes: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # sentences with an assignment verb or a deadline that gave no task (the review screen
    # offers each as a task); not in FORMAT.md, the scorer ignores it
    unassigned: list[dict[str, Any]] = field(default_factory=list)
    # how each page was read when OCR read any (readers.RawDocument.pages); else empty
    pages: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Analysis:
    """The engine's intermediate results for one text: what `extract_text` assembles, and
    what an experiment over the clause tree needs (benchmarks/task_model.py)."""

    norm: Normalized
    meta: Metadata
    year: int | None
    tree: Node
    tasks: list[Task]  # the clause tree's tasks, then the appendix tables' rows
    unassigned: list[dict[str, Any]]


def analyse_text(text: str, *, wrapped: bool = True, directory: Iterable[str] = ()) -> Analysis:
    """Read a decoded text into its clause tree and tasks (see `extract_text`)."""
    names = tuple(directory)
    norm = normalize(undo_layout(text, names) if wrapped else text, wrapped=wrapped)
    paras = [p.text for p in norm.paragraphs]
    meta = extract_metadata(paras, directory=names)
    body = norm.paragraphs[meta.body_start :]  # "Nơi nhận" and signatures close clauses in the tree
    year = meta.year or _year_hint(meta.subject, norm.text)
    prose, after_table = _prose(body)
    matcher = get_matcher(names)
    prose = spell_short_forms(prose, matcher)  # "(sau đây gọi tắt là Trung tâm)"
    tree = build_tree(
        prose,
        is_closing=is_closing,
        after_table=after_table,
        names_actor=lambda text: bool(find_subject(text, matcher)[1].leads),
        names_agencies=lambda text: names_only(*find_subject(text, matcher)),
        ends_items=closing_rider,
    )
    report = meta.doc_type == "Báo cáo"  # a report: only its explicit requests are tasks
    tasks = extract_tasks(
        tree,
        year=year,
        issuer=meta.issuer,
        directory=names,
        report=report,
        addressees=tuple(meta.recipients),
    )
    unassigned = unassigned_sentences(tree, tasks, year=year)
    tasks += extract_table_tasks(norm.paragraphs, year=year, directory=names)
    return Analysis(norm, meta, year, tree, tasks, unassigned)


_TABLE_BLOCK = 3  # rows that make a table, not a line with a stray "|"


def _prose(body: list[Paragraph]) -> tuple[list[Paragraph], set[int]]:
    """The body without its table rows, and the starts of the paragraphs that follow a
    table. A two-cell line between rows ("I | GIAI ĐOẠN 1: ...", a section row) is a row."""
    rows = [is_table_row(p.text) for p in body]
    for i, p in enumerate(body):
        if not rows[i] and " | " in p.text and 0 < i < len(body) - 1:
            rows[i] = rows[i - 1] and (rows[i + 1] or " | " in body[i + 1].text)
    prose: list[Paragraph] = []
    after: set[int] = set()
    run = 0
    for p, row in zip(body, rows, strict=True):
        if row:
            run += 1
            continue
        if run >= _TABLE_BLOCK:
            after.add(p.start)
        run = 0
        prose.append(p)
    return prose, after


def extract_text(
    text: str, doc_id: str = "", *, wrapped: bool = True, directory: Iterable[str] = ()
) -> Extraction:
    """Extract from already-decoded text. `wrapped=False` when lines are real paragraphs.

    `directory`: agency names and aliases of the caller's directory, recognised as agencies
    besides the built-in vocabulary (the engine reads no directory of its own).
    """
    with _cycles_collected_after():
        return _extract_text(text, doc_id, wrapped=wrapped, directory=directory)


@contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """The cyclic garbage collector paused while a text is read: the engine makes hundreds of
    thousands of short-lived objects, freed by their reference counts, and the collections
    they set off (6-8 % of a large plan's time; the older generations go over every object
    the process holds) find next to nothing; what they would find is collected after. Left
    paused when the caller paused it (or another thread's reading still runs: that one turns
    it back on)."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused_here:
            gc.enable()


def _extract_text(text: str, doc_id: str, *, wrapped: bool, directory: Iterable[str]) -> Extraction:
    a = analyse_text(text, wrapped=wrapped, directory=directory)
    norm, meta = a.norm, a.meta
    notes = "\n".join(f.text for f in norm.footnotes)
    own = meta.number or meta.attached_to
    refs = find_references(f"{meta.subject or ''}\n{norm.text}\n{notes}", own_number=own)
    return Extraction(
        doc_id=doc_id,
        doc_type=meta.doc_type,
        number=meta.number,
        issuer=meta.issuer,
        place=meta.place,
        issued_date=meta.issued_date,
        subject=meta.subject,
        recipients=meta.recipients,
        signer=meta.signer,
        references=[r.to_dict() for r in refs],
        tasks=[t.to_dict() for t in a.tasks],
        text=norm.text,
        footnotes=[{"number": f.number, "text": f.text} for f in norm.footnotes],
        unassigned=a.unassigned,
    )


def extract_bytes(
    data: bytes,
    filename: str,
    *,
    directory: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Extraction:
    """`progress(pages_done, pages_total)` is called after each page read by OCR."""
    from dxtrack.extraction.readers import read_bytes

    raw = read_bytes(data, filename, progress=progress)
    return _from_raw(raw, Path(filename).stem, directory)


def extract_file(
    path: str | Path,
    *,
    directory: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Extraction:
    from dxtrack.extraction.readers import read_file

    return _from_raw(read_file(path, progress=progress), Path(path).stem, directory)


def _from_raw(raw: RawDocument, doc_id: str, directory: Iterable[str]) -> Extraction:
    """Lines of a DOCX (and of a .doc/.odt converted to DOCX) are its paragraphs; text, PDF
    and OCR lines are wrapped and get rejoined."""
    from dxtrack.extraction.readers import PARAGRAPH_FORMATS

    wrapped = raw.format not in PARAGRAPH_FORMATS
    result = extract_text(raw.text, doc_id=doc_id, wrapped=wrapped, directory=directory)
    result.warnings = list(raw.warnings)
    result.pages = list(raw.pages)
    return result


def _year_hint(subject: str | None, text: str) -> int | None:
    """The plan's year when the document has no date line ("... năm 2025" in its title)."""
    for source in (subject or "", text[:400]):
        years = re.findall(r"\bnăm\s+((?:19|20)\d\d)\b", source)
        if years:
            return int(years[-1])
    return None
