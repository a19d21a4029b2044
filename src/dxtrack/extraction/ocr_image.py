"""Page images prepared for OCR (Pillow and numpy): crop, light, skew, binarisation.

    open_image(data)   -> a greyscale PIL image of a photo or scan file (EXIF-rotated)
    prepare_scan(img)  -> a rendered or scanned page: scaled to ~300 dpi, speckle removed,
                          deskewed (Tesseract then binarises it with Otsu's threshold)
    prepare_photo(img) -> a phone photo: cropped to the paper, uneven light flattened, then
                          as a scan

Skew is found by the projection profile: the text lines of a page rotated to the right
angle give the most contrasted row sums. Binarisation is left to Tesseract (Otsu's
threshold on the whole page, once the light is even): measured on our pages, binarising
here first lost small diacritics (ể read as ế). Everything works on one page at a time.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from dxtrack.extraction.errors import ExtractionError

MAX_PIXELS = 60_000_000  # a 300 dpi A2 sheet; larger images are refused before decoding
FORMATS = {"JPEG", "PNG", "WEBP", "TIFF", "BMP"}
NOT_AN_IMAGE = "tệp ảnh bị hỏng hoặc không đúng định dạng (nhận .jpg, .jpeg, .png, .webp)."
TOO_BIG = "ảnh quá lớn (trên 60 triệu điểm ảnh), không xử lý."
MAX_SKEW = 6.0  # degrees searched either way
TARGET_WIDTH = 2480  # an A4 page at 300 dpi
SPECKLE = 0.00005  # isolated dots per pixel above which a page is despeckled (clean: 0)
MIN_WIDTH = 1600  # below this (under ~200 dpi for A4) a page is scaled up to TARGET_WIDTH


def open_image(data: bytes) -> Image.Image:
    """Decode an image file into greyscale, refusing bombs by their header alone."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.format not in FORMATS:
                raise ExtractionError(NOT_AN_IMAGE)
            if opened.width * opened.height > MAX_PIXELS:
                raise ExtractionError(TOO_BIG)
            return ImageOps.exif_transpose(opened).convert("L")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ExtractionError(TOO_BIG) from None


def prepare_scan(image: Image.Image) -> Image.Image:
    """A page image (greyscale) cleaned for Tesseract, which binarises it (Otsu)."""
    image = image.convert("L")
    if isolated_dots(image) > SPECKLE:  # salt-and-pepper dots of a scanner or a photocopy
        image = image.filter(ImageFilter.MedianFilter(3))  # at the scan's own resolution
    image = _scaled(image)
    angle = skew_angle(image)
    if abs(angle) >= 0.1:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return image


def isolated_dots(image: Image.Image, *, radius: int = 4) -> float:
    """Share of pixels that are ink with almost no other ink around them (at most 3 inked
    pixels in a 9 x 9 window): the speckle of a poor scan. The dots of i and of diacritics
    sit next to their letters and do not count, so a clean page scores 0 and is left
    unfiltered (the median filter thins small diacritics)."""
    pixels = np.asarray(image, dtype=np.uint8)
    ink = (pixels < otsu(pixels)).astype(np.int32)
    size = 2 * radius + 1
    table = np.pad(ink, ((radius + 1, radius), (radius + 1, radius))).cumsum(0).cumsum(1)
    window = (
        table[size:, size:] - table[:-size, size:] - table[size:, :-size] + table[:-size, :-size]
    )
    return float(np.mean((ink == 1) & (window <= 3)))


def prepare_photo(image: Image.Image) -> Image.Image:
    """A photo of a paper page: crop to the paper, even out the light, then as a scan."""
    image = crop_to_page(image.convert("L"))
    return prepare_scan(flatten_light(image))


def _scaled(image: Image.Image) -> Image.Image:
    if image.width >= MIN_WIDTH:
        return image
    height = round(image.height * TARGET_WIDTH / image.width)
    return image.resize((TARGET_WIDTH, height), Image.Resampling.LANCZOS)


def otsu(values: np.ndarray) -> int:
    """Otsu's threshold of 8-bit values."""
    hist = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2
    denominator = weight * (total - weight)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(denominator > 0, between / denominator, 0.0)
    return int(np.argmax(score))


def _profile_score(ink: Image.Image, angle: float) -> float:
    rotated = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32)
    rows = rotated.sum(axis=1)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that levels the text lines."""
    small = image.copy()
    small.thumbnail((900, 900))
    pixels = np.asarray(small, dtype=np.uint8)
    ink_mask = pixels < otsu(pixels)
    if ink_mask.mean() < 0.002:  # a blank page
        return 0.0
    ink = Image.fromarray((ink_mask * 255).astype(np.uint8), mode="L")
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=lambda a: _profile_score(ink, float(a)))
    fine = np.arange(best - 0.4, best + 0.41, 0.1)
    return round(float(max(fine, key=lambda a: _profile_score(ink, float(a)))), 2)


def flatten_light(image: Image.Image) -> Image.Image:
    """Divide by the paper's own brightness (a heavy blur of the page without its ink):
    shadows and a lamp's gradient go, the ink stays."""
    small = image.copy()
    small.thumbnail((400, 400))
    background = small.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.GaussianBlur(12))
    background = background.resize(image.size, Image.Resampling.BILINEAR)
    pixels = np.asarray(image, dtype=np.float32)
    paper = np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    flat = np.clip(pixels / paper * 255.0, 0, 255).astype(np.uint8)
    return Image.fromarray(flat, mode="L")


def crop_to_page(image: Image.Image) -> Image.Image:
    """The bright paper's bounding box in a photo taken on a darker surface (rows and columns
    that are mostly paper); the whole image when no such box stands out."""
    small = image.copy()
    small.thumbnail((600, 600))
    pixels = np.asarray(small, dtype=np.uint8)
    paper = pixels > otsu(pixels)
    rows = np.flatnonzero(paper.mean(axis=1) > 0.5)
    cols = np.flatnonzero(paper.mean(axis=0) > 0.5)
    if rows.size < 0.3 * pixels.shape[0] or cols.size < 0.3 * pixels.shape[1]:
        return image
    scale = image.width / small.width
    box = (
        int(cols[0] * scale),
        int(rows[0] * scale),
        int((cols[-1] + 1) * scale),
        int((rows[-1] + 1) * scale),
    )
    return image.crop(box)
