"""The Jinja2 environment: filters (Vietnamese formats, status labels) and context processors."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from dxtrack import vn
from dxtrack.auth.models import ROLE_LABELS, Role
from dxtrack.documents.highlight import clean_markdown
from dxtrack.files import EVIDENCE_TYPES
from dxtrack.tasks.models import PROGRESS_LABELS, ProgressState
from dxtrack.tasks.status import STATUS_LABELS, STATUSES, Status
from dxtrack.web.nav import nav_items
from dxtrack.web.params import SORTS

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

ROLE_NAMES = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
RECURRENCE_LABELS = {
    "weekly": "Hằng tuần",
    "monthly": "Hằng tháng",
    "quarterly": "Hằng quý",
    "half-yearly": "6 tháng một lần",
    "yearly": "Hằng năm",
    "continuous": "Thường xuyên",
}


def status_label(code: str | None) -> str:
    return STATUS_LABELS[Status(code)] if code else ""


def progress_label(code: str | None) -> str:
    return PROGRESS_LABELS[ProgressState(code)] if code else ""


def role_label(code: str | None) -> str:
    return ROLE_LABELS[Role(code)] if code else ""


def file_kind(content_type: str) -> str:
    kinds = {value: key.upper() for key, value in EVIDENCE_TYPES.items()}
    return kinds.get(content_type, content_type)


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current URL (or `path`) with query parameters changed; None or "" removes one."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    target = path if path is not None else request.url.path
    return f"{target}?{urlencode(params)}" if params else target


def query_url(path: str, **params: Any) -> str:
    """`path` with the non-empty parameters as a query string."""
    kept = {k: str(v) for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def _context(request: Request) -> dict[str, Any]:
    user = getattr(request.state, "user", None)
    return {
        "user": user,
        "csrf_token": getattr(request.state, "csrf", ""),
        "nav": nav_items(request, user),
        "statuses": STATUSES,
    }


templates = Jinja2Templates(directory=str(TEMPLATES_DIR), context_processors=[_context])
_env = templates.env
_env.filters.update(
    vn_date=vn.date_text,
    vn_datetime=vn.datetime_text,
    vn_number=vn.number,
    vn_percent=vn.percent,
    status_label=status_label,
    progress_label=progress_label,
    role_label=role_label,
    file_size=vn.size_text,
    file_kind=file_kind,
    party_role=lambda code: ROLE_NAMES.get(code, code),
    recurrence_label=lambda code: RECURRENCE_LABELS.get(code or "", code or ""),
    clean_md=clean_markdown,
)
_env.globals.update(
    url_with=url_with,
    query_url=query_url,
    status_options=[(s.value, label) for s, label in STATUS_LABELS.items()],
    progress_options=[(s.value, label) for s, label in PROGRESS_LABELS.items()],
    sort_options=[
        *((key, label) for key, label in SORTS.items()),
        *((f"-{key}", f"{label} (giảm dần)") for key, label in SORTS.items()),
    ],
)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    return templates.TemplateResponse(
        request, name, context or {}, status_code=status_code, headers=headers
    )
