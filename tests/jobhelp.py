"""Test data for background jobs."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.jobs.kinds import KINDS
from dxtrack.jobs.worker import Worker


def session_worker(db: Session, settings: Settings) -> Worker:
    """A worker whose every unit of work is a SAVEPOINT of the test's transaction."""

    @contextmanager
    def units() -> Iterator[Session]:
        with db.begin_nested():
            yield db

    return Worker(settings, KINDS, units=units, heartbeat=False)


def agency_csv(rows: int, *, prefix: str = "so-nhap", bad: dict[int, str] | None = None) -> bytes:
    """An agency directory of `rows` departments; `bad` puts a wrong kind on some rows."""
    lines = ["code,name,kind,parent_code,aliases"]
    for n in range(1, rows + 1):
        kind = (bad or {}).get(n, "department")
        lines.append(f"{prefix}-{n},Sở Nhập thử {n},{kind},ubnd-tinh,")
    return ("\n".join(lines) + "\n").encode()


SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="apt-get install tesseract-ocr tesseract-ocr-vie"
)
HEAD = [
    "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH AN GIANG                  Độc lập - Tự do - Hạnh phúc",
    "Số: 4321/UBND-KGVX        An Giang, ngày 10 tháng 11 năm 2025",
    "V/v triển khai chuyển đổi số năm 2025",
    "Kính gửi: Các sở, ban, ngành tỉnh",
    "Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:",
]
TASKS = [
    "{n}. Giao Sở Y tế chủ trì triển khai bệnh án điện tử tại các bệnh viện,",
    "hoàn thành trước ngày 31/12/2025.",
    "{m}. Giao Công an tỉnh phối hợp làm sạch dữ liệu dân cư, báo cáo kết quả",
    "về Ủy ban nhân dân tỉnh trước ngày 15/12/2025.",
]


def scan_page(lines: list[str], *, dpi: int = 150) -> Image.Image:
    """An A4 page image with `lines` typeset like a printed letter (no text layer)."""
    width, height = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(SERIF if SERIF.exists() else FALLBACK), round(13 / 72 * dpi))
    x, y, step = round(25 / 25.4 * dpi), round(20 / 25.4 * dpi), round(13 / 72 * dpi * 1.6)
    for text in lines:
        draw.text((x, y), text, fill=0, font=font)
        y += step
    return image


def scanned_directive(pages: int = 1, *, blank: bool = False) -> bytes:
    """A scanned directive of `pages` pages (two tasks a page), as a PDF of page images."""
    images = []
    for number in range(pages):
        lines = HEAD if number == 0 else []
        lines = lines + [t.format(n=2 * number + 1, m=2 * number + 2) for t in TASKS]
        images.append(scan_page([] if blank else lines))
    buffer = io.BytesIO()
    first, *rest = images
    first.save(buffer, format="PDF", resolution=150, save_all=True, append_images=rest)
    return buffer.getvalue()
