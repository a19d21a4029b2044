"""Time of the guards against hostile input, which unit tests do not time (a wall-clock limit
fails on a loaded machine; the tests assert the refusal, its message and its peak memory).

    python -m benchmarks.bench_hostile [--repeat 5]

- Markdown: `clean_markdown` on long hostile lines (some were quadratic) at n and 4n
  characters; a linear cleanup takes about 4x as long at 4n.
- Bombs: `read_bytes` on a 250 MB DOCX zip bomb, a 250 MB PDF Flate bomb, and `read_file` on
  a sparse 200 MB file (each refused); peak = tracemalloc peak of a separate run.
- Login: `authenticate` with a wrong password for a known user and for an unknown one
  (SQLite under /tmp): the same time, one argon2 check each.

Best and median of `--repeat` runs, wall time and CPU time of this process (the CPU time is
what the machine's load does not inflate); the load average is printed first.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from dxtrack.auth.models import Role
from dxtrack.auth.service import authenticate, create_user
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings
from dxtrack.db import transaction
from dxtrack.errors import Unauthorized
from dxtrack.extraction import ExtractionError
from dxtrack.extraction.readers import clean_markdown, read_bytes, read_file

LINES: dict[str, Callable[[int], str]] = {  # n = repetitions of the hostile unit
    "'__a' then ' é' x n": lambda n: "__a" + " é" * n,
    "'[a](http://' x n": lambda n: "[a](http://" * n,
    "'# ' then ' #' x n": lambda n: "# " + " #" * n + "x",
    "'| ' then '--- | ' x n": lambda n: "| " + "--- | " * n + "x",
    "'**' then n spaces": lambda n: "**" + " " * n + "a",
    "'*' then 'a.' x n": lambda n: "*" + "a." * n,
}


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Best and median wall ms, best CPU ms of `repeat` runs of `call`."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return min(walls), statistics.median(walls), min(cpus)


def refused(call: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            call()
        except ExtractionError:
            return
        raise AssertionError("not refused")

    return run


def peak_mb(call: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def markdown(repeat: int) -> None:
    print("| Markdown line | n | best ms (median) | CPU ms | at 4n: best ms | CPU ms | CPU ratio |")
    print("|---|---|---|---|---|---|---|")
    for label, make in LINES.items():
        n = 50_000
        small, large = make(n), make(4 * n)
        best, median, cpu = timed(lambda text=small: clean_markdown(text), repeat)
        best4, _, cpu4 = timed(lambda text=large: clean_markdown(text), repeat)
        print(
            f"| {label.replace('|', chr(92) + '|')} | {n:,} | {best:.1f} ({median:.1f}) | {cpu:.1f} | {best4:.1f} "
            f"| {cpu4:.1f} | {cpu4 / max(cpu, 0.01):.1f} |"
        )


def docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as entry,
    ):
        for _ in range(250):
            entry.write(b"\0" * (1 << 20))
    return buffer.getvalue()


def pdf_bomb() -> bytes:
    packer = zlib.compressobj(1)
    content = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(250)) + packer.flush()
    head = b"%%PDF-1.4\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
    return head + content + b"\nendstream\nendobj\n%EOF\n"


def bombs(repeat: int) -> None:
    sparse = Path(tempfile.mkdtemp(prefix="dxtrack-bench-hostile-")) / "big.pdf"
    with sparse.open("wb") as handle:
        handle.truncate(200 * 2**20)
    docx_data, pdf_data = docx_bomb(), pdf_bomb()
    cases = {
        f"DOCX zip bomb, 250 MB from {len(docx_data) / 2**20:.1f} MB": lambda: read_bytes(
            docx_data, "bomb.docx"
        ),
        f"PDF Flate bomb, 250 MB from {len(pdf_data) / 2**20:.1f} MB": lambda: read_bytes(
            pdf_data, "bomb.pdf"
        ),
        "sparse 200 MB file on disk": lambda: read_file(sparse),
    }
    print("\n| refused input | best ms (median) | CPU ms | peak MB |")
    print("|---|---|---|---|")
    for label, call in cases.items():
        refused(call)()  # warm-up: the readers' imports
        best, median, cpu = timed(refused(call), repeat)
        print(f"| {label} | {best:.1f} ({median:.1f}) | {cpu:.1f} | {peak_mb(refused(call)):.1f} |")
    sparse.unlink()


def login(repeat: int) -> None:
    directory = Path(tempfile.mkdtemp(prefix="dxtrack-bench-hostile-"))
    settings = Settings(data_dir=directory, database_url=f"sqlite:///{directory / 'b.sqlite3'}")
    initialise(settings)
    with transaction(settings) as db:
        create_user(db, username="syt", password="mat-khau-dung", role=Role.coordinator, actor=None)

    def attempt(username: str) -> Callable[[], None]:
        def run() -> None:
            with transaction(settings) as db:
                try:
                    authenticate(db, username=username, password="sai-mat-khau")
                except Unauthorized:
                    return
            raise AssertionError("accepted")

        return run

    print("\n| login, wrong password | best ms (median) | CPU ms |")
    print("|---|---|---|")
    for label, username in (("known user", "syt"), ("unknown user", "khong-co-ai")):
        attempt(username)()
        best, median, cpu = timed(attempt(username), max(repeat, 9))
        print(f"| {label} | {best:.1f} ({median:.1f}) | {cpu:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("load average: " + " / ".join(f"{load:.1f}" for load in os.getloadavg()) + "\n")
    markdown(args.repeat)
    bombs(args.repeat)
    login(args.repeat)
    print("\nload average: " + " / ".join(f"{load:.1f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
