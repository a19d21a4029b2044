"""Builders of scanned pages for the OCR tests: text drawn at a scanner's resolution, PDFs of
page images, phone-photo-like variants (skew, uneven light, a darker table around the paper,
JPEG). Also used by benchmarks/bench_ocr.py."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
A4_MM = (210, 297)

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="apt-get install tesseract-ocr tesseract-ocr-vie"
)
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="apt-get install libreoffice-writer-nogui"
)


def _font(size_px: int) -> ImageFont.FreeTypeFont:
    path = SERIF if SERIF.exists() else FALLBACK
    return ImageFont.truetype(str(path), size_px)


def page_image(lines: list[str], *, dpi: int = 200, points: float = 13) -> Image.Image:
    """An A4 page (greyscale) with `lines` typeset from the top margin, like a printed letter."""
    width, height = (round(mm / 25.4 * dpi) for mm in A4_MM)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = _font(round(points / 72 * dpi))
    x, y = round(30 / 25.4 * dpi), round(20 / 25.4 * dpi)
    step = round(points / 72 * dpi * 1.5)
    for text in lines:
        draw.text((x, y), text, fill=0, font=font)
        y += step
    return image


def degrade(
    image: Image.Image,
    *,
    angle: float = 1.2,
    speckle: float = 0.002,
    seed: int = 7,
    quality: int = 60,
) -> Image.Image:
    """A scanner's damage: slight skew, salt-and-pepper speckle, JPEG compression."""
    rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    pixels = np.asarray(rotated).copy()
    noise = np.random.default_rng(seed).random(pixels.shape)
    pixels[noise < speckle / 2] = 0
    pixels[noise > 1 - speckle / 2] = 255
    return _jpeg_round_trip(Image.fromarray(pixels), quality)


def photo(image: Image.Image, *, angle: float = 2.5, seed: int = 3) -> Image.Image:
    """A phone photo of the page: on a darker table, turned a little, lit from one side."""
    rng = random.Random(seed)
    page = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=90)
    margin_x, margin_y = page.width // 12, page.height // 14
    canvas = Image.new("L", (page.width + 2 * margin_x, page.height + 2 * margin_y), 80)
    canvas.paste(page, (margin_x + rng.randint(-10, 10), margin_y + rng.randint(-10, 10)))
    pixels = np.asarray(canvas, dtype=np.float32)
    gradient = np.linspace(1.0, 0.62, pixels.shape[1], dtype=np.float32)[None, :]
    shade = np.linspace(0.95, 1.0, pixels.shape[0], dtype=np.float32)[:, None]
    lit = np.clip(pixels * gradient * shade, 0, 255).astype(np.uint8)
    return _jpeg_round_trip(Image.fromarray(lit), 80)


def _jpeg_round_trip(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def image_bytes(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def scan_pdf(images: list[Image.Image], *, dpi: int = 200) -> bytes:
    """A PDF of page images only (no text layer), as a scanner writes it."""
    buffer = io.BytesIO()
    first, *rest = [i.convert("L") for i in images]
    first.save(buffer, format="PDF", resolution=dpi, save_all=True, append_images=rest)
    return buffer.getvalue()


def text_pdf_with_scan(text_lines: list[str], scanned: Image.Image) -> bytes:
    """Page 1 typeset with a text layer, page 2 a scanned image (a signature page)."""
    from fpdf import FPDF

    pdf = FPDF()
    font = SERIF if SERIF.exists() else FALLBACK
    pdf.add_font("serif", "", str(font))
    pdf.set_font("serif", size=13)
    pdf.add_page()
    for text in text_lines:
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.image(io.BytesIO(image_bytes(scanned)), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time in numpy (insertions by a running minimum)."""
    if not a or not b:
        return len(a) or len(b)
    codes_b = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    row = np.arange(len(b) + 1, dtype=np.int64)
    offsets = np.arange(len(b) + 1, dtype=np.int64)
    for i, ch in enumerate(a, start=1):
        cost = (codes_b != ord(ch)).astype(np.int64)
        new = np.empty_like(row)
        new[0] = i
        new[1:] = np.minimum(row[1:] + 1, row[:-1] + cost)  # deletion, substitution
        row = np.minimum.accumulate(new - offsets) + offsets  # insertion: new[j-1] + 1
    return int(row[-1])


def character_error_rate(recognised: str, reference: str) -> float:
    """Edits per reference character, spaces and line breaks normalised to one space."""
    hyp, ref = " ".join(recognised.split()), " ".join(reference.split())
    return edit_distance(hyp, ref) / max(1, len(ref))


def docx_of(paragraphs: list[str]) -> bytes:
    """An A4 DOCX in Times New Roman 13 pt, one paragraph per item (a typed letter); runs of
    items with cells joined by " | " (a text copy's table rows) become a borderless table,
    as the letterhead is printed."""
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    rows: list[list[str]] = []
    for text in [*paragraphs, ""]:
        cells = [c.strip() for c in text.split(" | ")] if " | " in text else []
        if cells:
            rows.append(cells)
            continue
        if rows:
            _table(document, rows)
            rows = []
        if text:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: object, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text


def pdf_page_images(pdf: bytes, *, dpi: int = 200) -> list[Image.Image]:
    """Each page of a PDF rasterised at `dpi` (greyscale), as a scanner would see it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [
            document[i].render(scale=dpi / 72, grayscale=True).to_pil().copy()
            for i in range(len(document))
        ]
    finally:
        document.close()
