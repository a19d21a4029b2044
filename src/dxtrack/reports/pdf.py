"""PDF by converting the DOCX with LibreOffice (`soffice --headless`); no other PDF engine."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dxtrack.errors import Unavailable

TIMEOUT_S = 180
INSTALL_HINT = (
    "Không tạo được tệp PDF: máy chủ chưa cài LibreOffice. Hãy cài bằng lệnh "
    "«apt-get install --no-install-recommends libreoffice-writer-nogui», hoặc tải báo cáo "
    "dạng DOCX (--format docx) rồi tự chuyển sang PDF."
)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF LibreOffice renders from `docx` (a private profile per call, so calls can overlap)."""
    soffice = find_soffice()
    if soffice is None:
        raise Unavailable(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="dxtrack-pdf-") as tmp:
        work = Path(tmp)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise Unavailable("LibreOffice chuyển đổi sang PDF quá lâu; hãy thử lại.") from None
        target = work / "bao-cao.pdf"
        if not target.exists():
            raise Unavailable("LibreOffice không chuyển được báo cáo sang PDF.")
        return target.read_bytes()
