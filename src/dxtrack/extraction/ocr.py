"""Optical character recognition with Tesseract's Vietnamese model (the `tesseract` CLI).

    recognise(image) -> OcrPage   one prepared page image in, lines and word confidences out
    check_tesseract()             raises ExtractionError (naming the packages) when missing

Tesseract runs as a subprocess on one core (OMP_THREAD_LIMIT=1) with TSV output, which gives
every word with its confidence (0-100) and its block, paragraph and line. The page's text is
its lines joined by "\n" in Tesseract's reading order (columns one after the other), as the
PDF reader gives them; the engine rejoins wrapped lines. The binary is looked up on PATH at each call, so a
server where Tesseract is installed later needs no restart.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.ocr_layout import Line, Word, reading_order

if TYPE_CHECKING:
    from PIL.Image import Image

PACKAGES = "tesseract-ocr tesseract-ocr-vie"
MISSING = (
    "máy chủ chưa cài Tesseract OCR với dữ liệu tiếng Việt nên không nhận dạng được chữ "
    f"trong bản quét hoặc ảnh chụp. Hãy cài bằng lệnh «apt-get install {PACKAGES}», "
    "hoặc dùng bản PDF có lớp văn bản hoặc tệp DOCX."
)
NO_VIETNAMESE = (
    "Tesseract OCR đã cài nhưng thiếu dữ liệu tiếng Việt. Hãy cài thêm bằng lệnh "
    "«apt-get install tesseract-ocr-vie»."
)
FAILED = "Tesseract không nhận dạng được trang {page} (lỗi của chương trình nhận dạng)."
TIMEOUT_S = 120  # one page
LOW_CONFIDENCE = 60.0  # a word below this is marked for the reviewer
LANGUAGE = "vie"


@dataclass(frozen=True)
class OcrPage:
    """One recognised page: its text, the mean word confidence and the doubtful words.

    `low` holds (start, end) offsets of low-confidence words in `text`."""

    number: int  # 1-based
    text: str
    confidence: float | None  # mean over words, 0-100; None when no word was found
    low: list[tuple[int, int]] = field(default_factory=list)
    words: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "page": self.number,
            "ocr": True,
            "confidence": None if self.confidence is None else round(self.confidence, 1),
            "words": self.words,
            "text": self.text,
            "low": [list(span) for span in self.low],
        }


def find_tesseract() -> str | None:
    return shutil.which("tesseract")


@lru_cache(maxsize=8)
def _languages(binary: str, mtime: float) -> frozenset[str]:
    """The installed models (cached per binary and its modification time)."""
    del mtime  # part of the cache key only
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (done.stdout + "\n" + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def check_tesseract() -> str:
    """The path of a Tesseract with the Vietnamese model, else ExtractionError (bare reason)."""
    binary = find_tesseract()
    if binary is None:
        raise ExtractionError(MISSING)
    try:
        mtime = os.stat(binary).st_mtime
    except OSError:
        raise ExtractionError(MISSING) from None
    if LANGUAGE not in _languages(binary, mtime):
        raise ExtractionError(NO_VIETNAMESE)
    return binary


def recognise(image: Image, *, number: int = 1, dpi: int = 300) -> OcrPage:
    """Recognise one prepared (grey or binary) page image."""
    binary = check_tesseract()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(dpi), "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            command,
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TIMEOUT_S,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExtractionError(FAILED.format(page=number)) from None
    except OSError:
        raise ExtractionError(MISSING) from None
    if done.returncode != 0:
        raise ExtractionError(FAILED.format(page=number))
    return parse_tsv(done.stdout.decode("utf-8", "replace"), number=number)


def parse_tsv(tsv: str, *, number: int = 1) -> OcrPage:
    """Tesseract's TSV (level 5 rows are words) as an OcrPage, the two-column blocks of the
    letterhead and the closing read column by column (ocr_layout.py)."""
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = [row for row in reader if len(row) >= 12]
    lines: list[Line] = []
    keys: list[tuple[str, str, str]] = []
    width = 0
    for row in rows[1:]:
        if row[0] == "1":
            width = int(_float(row[8]))
        word, conf = row[11].strip(), _float(row[10])
        if row[0] != "5" or not word or conf < 0:
            continue
        key = (row[2], row[3], row[4])  # block, paragraph, line
        if not keys or keys[-1] != key:
            keys.append(key)
            lines.append([])
        left = int(_float(row[6]))
        lines[-1].append(Word(word, conf, left, left + int(_float(row[8]))))
    if width > 0:
        lines = reading_order(lines, width, first_page=number == 1)
    return _page(lines, number)


def _page(lines: list[Line], number: int) -> OcrPage:
    text, low, confs = "", [], []
    for i, words in enumerate(lines):
        if i:
            text += "\n"
        for j, word in enumerate(words):
            if j:
                text += " "
            if word.conf < LOW_CONFIDENCE:
                low.append((len(text), len(text) + len(word.text)))
            text += word.text
            confs.append(word.conf)
    mean = sum(confs) / len(confs) if confs else None
    return OcrPage(number=number, text=text, confidence=mean, low=low, words=len(confs))


def _float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return -1.0


def ocr_warning(pages: list[dict[str, object]]) -> str:
    """The reader's warning for a document read (partly) by OCR."""
    read = [p for p in pages if p.get("ocr")]
    scores = [p["confidence"] for p in read if isinstance(p.get("confidence"), int | float)]
    mean = f"{sum(scores) / len(scores):.0f}" if scores else "?"  # type: ignore[arg-type]
    return (
        f"Văn bản được đọc bằng nhận dạng chữ (OCR): {len(read)}/{len(pages)} trang, độ tin cậy "
        f"trung bình {mean}%. Hãy đối chiếu số, ngày và tên cơ quan với bản gốc."
    )
