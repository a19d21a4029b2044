"""Extraction throughput and memory: the seed documents and a large synthetic plan.

Run: `make bench` or `.venv/bin/python benchmarks/bench_extraction.py [--mb 5]`.
Reports, per input: characters, best-of-N wall time, MB/s after reading (the engine on
decoded text), and peak Python memory (tracemalloc) to check it is linear in input size.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from pathlib import Path

from dxtrack.documents.service import extraction_directory
from dxtrack.extraction import extract_text

DIRECTORY = extraction_directory()  # the app passes its agency directory

ROOT = Path(__file__).resolve().parent.parent
AGENCIES = [
    "Sở Tài chính",
    "Sở Y tế",
    "Công an tỉnh",
    "Sở Khoa học và Công nghệ",
    "Các sở, ban, ngành tỉnh",
    "Ủy ban nhân dân các xã, phường, đặc khu",
    "Sở Nội vụ",
]
DEADLINES = [
    "trước ngày 15/12/2025",
    "trong quý II/2026",
    "hoàn thành trong năm 2026",
    "định kỳ hằng tháng",
    "thường xuyên",
    "trước ngày 30 tháng 9 năm 2026",
]


def synthetic(target_bytes: int, seed: int = 7) -> str:
    """A plan with Roman sections, numbered agency headings, lettered tasks and citations."""
    rnd = random.Random(seed)
    parts = [
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
    ]
    size, section = 0, 0
    while size < target_bytes:
        section += 1
        parts.append(f"{_roman(section)}. TỔ CHỨC THỰC HIỆN PHẦN {section}")
        for n in range(1, 10):
            parts.append(f"{n}. {rnd.choice(AGENCIES)}")
            for letter in "abcdđeg":
                text = (
                    f"{letter}) Chủ trì, phối hợp với {rnd.choice(AGENCIES)} triển khai nội dung "
                    f"theo Kế hoạch số {rnd.randint(1, 999)}/KH-UBND ngày 12/3/2025 của Ủy ban "
                    f"nhân dân tỉnh, bảo đảm tiến độ, chất lượng; {rnd.choice(DEADLINES)}."
                )
                parts.append(text)
                size += len(text.encode())
    return "\n".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


def measure(name: str, text: str, repeat: int) -> None:
    best = cpu = float("inf")
    tasks = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        tasks = len(extract_text(text, directory=DIRECTORY).tasks)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    tracemalloc.start()
    extract_text(text, directory=DIRECTORY)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    mb = len(text.encode()) / 1e6
    print(
        f"{name:<34} {len(text):>10,} chars {best * 1000:>9.1f} ms {mb / best:>6.2f} MB/s "
        f"(CPU {cpu * 1000:>8.1f} ms, {mb / cpu:>5.2f} MB/s) {peak / 1e6:>7.1f} MB peak "
        f"{tasks:>6} tasks"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0, help="size of the synthetic document")
    args = parser.parse_args()
    extract_text("Kính gửi: Sở Y tế.", directory=DIRECTORY)  # compile the vocabularies once
    for path in sorted((ROOT / "samples" / "seeds").glob("*.txt")):
        measure(path.name, path.read_text(encoding="utf-8"), repeat=5)
    for mb in (args.mb / 5, args.mb):
        measure(f"synthetic {mb:.1f} MB", synthetic(int(mb * 1e6)), repeat=1)


if __name__ == "__main__":
    main()
