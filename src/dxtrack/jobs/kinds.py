"""Every kind of background job and its handler (the worker runs only these)."""

from __future__ import annotations

from dxtrack.documents.reading import DOCUMENT_READ, run_document_read
from dxtrack.jobs.context import JobKind
from dxtrack.jobs.imports import AGENCY_IMPORT, ANNEX_IMPORT, run_agency_import, run_annex_import
from dxtrack.jobs.progress_import import PROGRESS_IMPORT, run_progress_import

KINDS: dict[str, JobKind] = {
    kind.name: kind
    for kind in (
        JobKind(DOCUMENT_READ, "Nhận dạng chữ văn bản", run_document_read),
        JobKind(AGENCY_IMPORT, "Nhập danh mục cơ quan", run_agency_import),
        JobKind(ANNEX_IMPORT, "Nhập phụ lục chỉ tiêu", run_annex_import),
        JobKind(PROGRESS_IMPORT, "Nhập phiếu cập nhật tiến độ", run_progress_import),
    )
}


def kind_label(name: str) -> str:
    kind = KINDS.get(name)
    return kind.label if kind else name
