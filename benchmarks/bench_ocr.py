"""OCR speed, memory and quality (issue 12).

    .venv/bin/python benchmarks/bench_ocr.py speed [--pages N]
    .venv/bin/python benchmarks/bench_ocr.py corpus heldout|tune [--limit N] [--show]
    .venv/bin/python benchmarks/bench_ocr.py photos heldout|tune [--limit N]

speed: a seed letter typeset as DOCX, printed to PDF by LibreOffice, rasterised at 200 dpi and
read back as a scanned PDF of N pages (the seed's pages repeated); seconds per page (Tesseract
on one core: OMP_THREAD_LIMIT=1) and peak memory of the reading process and of Tesseract,
measured in a child process for 2 and for N pages (bounded memory: the peak must not grow
with the page count).

corpus: each labelled document of the part printed to PDF as above (or its own PDF), then
made into a scanned variant (rasterised at 200 dpi, turned by a slight skew, speckled, JPEG
compressed), extracted, and scored with the corpus scorer against the same gold as the text
version; prints the aggregate figures of the text version, of the printed PDF's text layer
(what typesetting alone changes) and of the scan, and the differences. Held-out discipline:
only aggregates are printed for `heldout`; `--show` (tune only) prints each document's
figures, for tuning the OCR fixes.

photos: page 1 of each document as a phone photo (on a darker table, turned, lit from one
side, JPEG), metadata scored against the text version's.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "extraction")]

from corpus_runner import AN_GIANG, HERE, labels, predict, score, source_of
from ocrhelp import degrade, docx_of, image_bytes, pdf_page_images, photo, scan_pdf

from dxtrack.extraction import extract_bytes
from dxtrack.extraction.office import convert, find_soffice
from dxtrack.extraction.readers import read_bytes

SEED = ROOT / "samples" / "seeds" / "003_4b1783ee37e356eb.txt"
os.environ["OMP_THREAD_LIMIT"] = "1"


def printed_pdf(source: Path) -> bytes:
    """The document as printed: its own PDF, or LibreOffice's PDF of its DOCX (a text or
    Markdown source typeset one paragraph per line first)."""
    data = source.read_bytes()
    if source.suffix == ".pdf":
        return data
    soffice = find_soffice()
    if soffice is None:
        sys.exit("LibreOffice missing: apt-get install libreoffice-writer-nogui")
    if source.suffix != ".docx":
        text = read_bytes(data, source.name).text
        data = docx_of([_printed(line) for line in text.splitlines() if _printed(line)])
    return convert(soffice, data, suffix=".docx", to="pdf")


def _printed(line: str) -> str:
    """A line of a text copy as it reads on paper: no Markdown emphasis, no rule dashes."""
    words = [w.strip("*_") for w in line.split() if w.strip("*_-")]
    return " ".join(w for w in words if w)


def scanned(printed: bytes, number: int) -> bytes:
    angle = ((number * 37) % 31 - 15) / 10  # -1.5 .. +1.5 degrees, fixed per document
    pages = pdf_page_images(printed, dpi=200)
    return scan_pdf([degrade(p, angle=angle, seed=number) for p in pages], dpi=200)


def photographed(printed: bytes, number: int) -> bytes:
    first = pdf_page_images(printed, dpi=200)[0]
    return image_bytes(photo(first, angle=2.0 + (number % 5) / 2, seed=number), "JPEG", quality=85)


def _score(gold: dict, pred: dict) -> Counter:
    return Counter(score.score_doc(gold, pred))


def run_corpus(part: str, *, photos: bool, limit: int | None, show: bool) -> None:
    """Three readings of each document scored against its gold: the text version (the corpus
    file), the printed PDF's text layer (typesetting alone) and the scan or photo (OCR)."""
    if show and part == "heldout":
        sys.exit("--show is for the tune part only (held-out discipline)")
    totals = {"text": Counter(), "printed": Counter(), "ocr": Counter()}
    failed, pages, seconds = 0, 0, 0.0
    docs = labels(HERE / "corpus" / part)[:limit]
    for number, label in enumerate(docs):
        gold = json.loads(label.read_text(encoding="utf-8"))
        source = source_of(label)
        printed = printed_pdf(source)
        counts = {"text": _score(gold, predict(source))}
        counts["printed"] = _score(gold, _extract(printed, "in.pdf") or {})
        data = photographed(printed, number) if photos else scanned(printed, number)
        started = time.perf_counter()
        pred = _extract(data, "anh.jpg" if photos else "ban-quet.pdf")
        seconds += time.perf_counter() - started
        failed += pred is None
        pages += len((pred or {}).get("pages") or [])
        counts["ocr"] = _score(gold, pred or {})
        for key, value in counts.items():
            totals[key].update(value)
        if show:
            _show(label.stem, *(score.figures(counts[k]) for k in ("text", "printed", "ocr")))
    kind = "photos of page 1" if photos else "scanned variants"
    print(
        f"== {part}: {len(docs)} documents, {kind}, {pages} pages OCR'd in {seconds:.0f} s "
        f"(load average {os.getloadavg()[0]:.1f}); {failed} failed"
    )
    _compare(*(score.figures(totals[k]) for k in ("text", "printed", "ocr")), photos=photos)


def _extract(data: bytes, name: str) -> dict | None:
    try:
        return extract_bytes(data, name, directory=AN_GIANG).to_dict()
    except Exception:  # noqa: BLE001 - counted, never shown for held-out
        return None


def _show(stem: str, text: dict, printed: dict, ocr: dict) -> None:
    print(
        f"  {stem}: task F1 {_f(text['task_f1'])} / {_f(printed['task_f1'])} / "
        f"{_f(ocr['task_f1'])}, meta {_f(text['meta_acc'])} / {_f(printed['meta_acc'])} / "
        f"{_f(ocr['meta_acc'])} "
        + " ".join(f"{k}={v:.0f}" for k, v in ocr["meta"].items() if v < printed["meta"][k])
    )


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _compare(text: dict, printed: dict, ocr: dict, *, photos: bool) -> None:
    keys = ["meta_acc"] if photos else ["task_f1", "lead_acc", "deadline_acc", "ref_f1", "meta_acc"]
    print("  figure        text   printed PDF   OCR    OCR-text  OCR-printed")
    for key in keys:
        a, p, b = text[key], printed[key], ocr[key]
        d1 = "n/a" if a is None or b is None else f"{b - a:+.3f}"
        d2 = "n/a" if p is None or b is None else f"{b - p:+.3f}"
        print(f"  {key:13} {_f(a)}  {_f(p)}        {_f(b)}  {d1}    {d2}")
    for field, value in ocr["meta"].items():
        print(
            f"    meta {field:12} {text['meta'][field]:.3f}  {printed['meta'][field]:.3f}"
            f"        {value:.3f}"
        )


# --- speed and memory -----------------------------------------------------------------


def seed_paragraphs() -> list[str]:
    paragraphs = [" ".join(x.split()) for x in SEED.read_text(encoding="utf-8").splitlines()]
    return [p for p in paragraphs if p.strip("_-=. ")]


def seed_scan(pages: int) -> bytes:
    pdf = printed_pdf_of(seed_paragraphs())
    images = pdf_page_images(pdf, dpi=200)
    return scan_pdf([images[i % len(images)] for i in range(pages)], dpi=200)


def printed_pdf_of(paragraphs: list[str]) -> bytes:
    soffice = find_soffice()
    assert soffice is not None
    return convert(soffice, docx_of(paragraphs), suffix=".docx", to="pdf")


def child(path: str) -> None:
    """Read one scan (in a child process) and print seconds and peak memory as JSON."""
    data = Path(path).read_bytes()
    started = time.perf_counter()
    doc = read_bytes(data, "scan.pdf", max_bytes=len(data) + 1)
    elapsed = time.perf_counter() - started
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    print(
        json.dumps(
            {
                "pages": len(doc.pages),
                "s": elapsed,
                "cpu": cpu,
                "rss_mb": me.ru_maxrss / 1024,
            }
        )
    )


def run_speed(pages: int) -> None:
    import tempfile

    print(f"== speed: seed {SEED.name} as a 200 dpi scan; load average {os.getloadavg()[0]:.1f}")
    for n in sorted({2, pages}):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(seed_scan(n))
            handle.flush()
            out = subprocess.run(
                [sys.executable, __file__, "child", handle.name],
                capture_output=True,
                text=True,
                check=True,
            )
        got = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"  {got['pages']:3d} pages: {got['s'] / got['pages']:.2f} s/page wall, "
            f"{got['cpu'] / got['pages']:.2f} s/page CPU (one core; includes start-up), peak memory "
            f"{got['rss_mb']:.0f} MB (reader process)"
        )
    print(f"  Tesseract alone on one 300 dpi page: peak memory {tesseract_peak_mb():.0f} MB")


# Run from a small interpreter: a child forked from the big reader process would report the
# reader's own memory as its peak before exec.
_TESSERACT_PEAK = """
import resource, subprocess, sys
subprocess.run(["tesseract", sys.argv[1], "stdout", "-l", "vie", "tsv"], capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def tesseract_peak_mb() -> float:
    import tempfile

    from dxtrack.extraction.ocr_image import prepare_scan

    page = prepare_scan(pdf_page_images(printed_pdf_of(seed_paragraphs()), dpi=200)[0])
    with tempfile.NamedTemporaryFile(suffix=".png") as handle:
        page.save(handle.name, format="PNG")
        out = subprocess.run(
            [sys.executable, "-c", _TESSERACT_PEAK, handle.name],
            capture_output=True,
            text=True,
            check=True,
        )
    return float(out.stdout.strip())


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "speed"
    option = {a.split("=")[0]: a for a in argv}
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in option else None
    if command == "child":
        child(argv[1])
    elif command == "speed":
        run_speed(int(argv[argv.index("--pages") + 1]) if "--pages" in option else 12)
    elif command in ("corpus", "photos"):
        part = argv[1] if len(argv) > 1 and not argv[1].startswith("--") else "tune"
        run_corpus(part, photos=command == "photos", limit=limit, show="--show" in option)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
