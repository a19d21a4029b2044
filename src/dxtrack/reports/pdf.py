"""PDF by converting the DOCX with LibreOffice (`soffice --headless`); no other PDF engine.

The conversion itself is the extraction library's (`extraction/office.py`, which also reads
.doc and .odt uploads); this module gives its failures the report's Vietnamese advice."""

from __future__ import annotations

from dxtrack.errors import Unavailable
from dxtrack.extraction.office import ConversionFailed, ConversionTimeout, convert, find_soffice

TIMEOUT_S = 180
INSTALL_HINT = (
    "Không tạo được tệp PDF: máy chủ chưa cài LibreOffice. Hãy cài bằng lệnh "
    "«apt-get install --no-install-recommends libreoffice-writer-nogui», hoặc tải báo cáo "
    "dạng DOCX (--format docx) rồi tự chuyển sang PDF."
)
__all__ = ["INSTALL_HINT", "docx_to_pdf", "find_soffice"]


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF LibreOffice renders from `docx` (a private profile per call, so calls can overlap)."""
    soffice = find_soffice()
    if soffice is None:
        raise Unavailable(INSTALL_HINT)
    try:
        return convert(soffice, docx, suffix=".docx", to="pdf", timeout=TIMEOUT_S)
    except ConversionTimeout:
        raise Unavailable("LibreOffice chuyển đổi sang PDF quá lâu; hãy thử lại.") from None
    except ConversionFailed:
        raise Unavailable("LibreOffice không chuyển được báo cáo sang PDF.") from None
