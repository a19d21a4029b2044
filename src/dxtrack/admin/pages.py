"""Quản trị: users and the agency directory (admin), the audit log (admin, coordinator)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from dxtrack import vn
from dxtrack.agencies.changes import merge_agencies
from dxtrack.agencies.lineage import ended_ids, former_names
from dxtrack.agencies.models import KIND_LABELS
from dxtrack.agencies.restructure import SplitPlan, dissolve_agency, split_agency
from dxtrack.agencies.service import import_file, list_agencies, list_groups
from dxtrack.audit.describe import ACTIONS, describe, load_names
from dxtrack.audit.service import list_entries
from dxtrack.auth.models import ROLE_LABELS, Role
from dxtrack.auth.service import create_user, list_users
from dxtrack.deps import AppSettings, Db
from dxtrack.documents.service import list_document_choices
from dxtrack.errors import Invalid
from dxtrack.jobs.imports import AGENCY_IMPORT, enqueue_import, is_large
from dxtrack.web.security import PageAdmin, PageStaff
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)
AUDIT_PAGE = 50


@router.get("/admin", name="admin_index")
def admin_index(user: PageStaff) -> Response:
    target = "/admin/users" if user.role == Role.admin else "/admin/audit"
    return RedirectResponse(target, status_code=303)


def _users_context(db: Db) -> dict[str, object]:
    agencies = vn.sorted_vn(list_agencies(db), key=lambda a: a.name)
    return {
        "users": list_users(db),
        "agency_names": {a.id: a.name for a in agencies},
        "agency_options": [(a.code, a.name) for a in agencies],
        "role_options": [(r.value, label) for r, label in ROLE_LABELS.items()],
        "section": "users",
    }


@router.get("/admin/users", name="admin_users")
def admin_users(request: Request, db: Db, _admin: PageAdmin) -> Response:
    return render(request, "admin/users.html", _users_context(db))


@router.post("/admin/users")
def admin_create_user(
    request: Request,
    db: Db,
    admin: PageAdmin,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[Role, Form()],
    agency: Annotated[str, Form()] = "",
    full_name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
) -> Response:
    user = create_user(
        db,
        username=username.strip(),
        password=password,
        role=role,
        agency_code=agency or None,
        full_name=full_name.strip() or None,
        email=email.strip() or None,
        actor=admin,
    )
    context = _users_context(db) | {"created": user.username}
    return render(request, "admin/users.html", context)


def _agencies_context(db: Db, **extra: object) -> dict[str, object]:
    agencies = vn.sorted_vn(list_agencies(db), key=lambda a: a.name)
    ended = set(ended_ids(db))
    return {
        "agencies": agencies,
        "current": [a for a in agencies if a.id not in ended],
        "former": former_names(db),
        "groups": vn.sorted_vn(list_groups(db), key=lambda g: g.name),
        "kinds": KIND_LABELS,
        "section": "agencies",
        "result": None,
    } | extra


@router.get("/admin/agencies", name="admin_agencies")
def admin_agencies(request: Request, db: Db, _admin: PageAdmin) -> Response:
    return render(request, "admin/agencies.html", _agencies_context(db))


@router.post("/admin/agencies/import")
def admin_import_agencies(
    request: Request,
    db: Db,
    admin: PageAdmin,
    settings: AppSettings,
    file: Annotated[UploadFile, File()],
    replace: Annotated[bool, Form()] = False,
) -> Response:
    """A directory above DXTRACK_JOB_ROW_THRESHOLD rows (without --replace) is imported by a
    background job, in batches: its page shows progress and the bad rows."""
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Invalid("Chỉ nhận tệp CSV hoặc XLSX.")
    data = file.file.read()
    if not replace and is_large(settings, data, file.filename or "danh-muc.csv"):
        job = enqueue_import(
            db, kind=AGENCY_IMPORT, data=data, filename=file.filename or f"danh-muc{suffix}",
            params={}, settings=settings, actor=admin,
        )  # fmt: skip
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"danh-muc{suffix}"
        path.write_bytes(data)
        result = import_file(db, path, replace=replace, actor=admin)
    return render(request, "admin/agencies.html", _agencies_context(db, result=result))


def _change_day(value: str, label: str) -> date:
    try:
        day = vn.parse_date(value)
    except ValueError as exc:
        raise Invalid(f"Ngày {label} không hợp lệ: «{value}» (dd/mm/yyyy).") from exc
    if day is None:
        raise Invalid(f"Hãy ghi ngày {label} (dd/mm/yyyy).")
    return day


@router.post("/admin/agencies/merge")
def admin_merge_agencies(
    request: Request,
    db: Db,
    admin: PageAdmin,
    codes: Annotated[list[str], Form()],
    into: Annotated[str, Form()],
    on: Annotated[str, Form()],
    name: Annotated[str, Form()] = "",
) -> Response:
    day = _change_day(on, "hợp nhất")
    merged = merge_agencies(db, codes=codes, into=into.strip(), on=day,
                            name=name.strip() or None, actor=admin)  # fmt: skip
    return render(request, "admin/agencies.html", _agencies_context(db, merged=merged))


def _lines(text: str) -> list[tuple[str, str]]:
    """`CODE` or `KEY=VALUE` per line -> (key, value or "")."""
    pairs = []
    for line in text.splitlines():
        key, _sep, value = line.partition("=")
        if key.strip():
            pairs.append((key.strip(), value.strip()))
    return pairs


@router.post("/admin/agencies/split")
def admin_split_agency(
    request: Request,
    db: Db,
    admin: PageAdmin,
    code: Annotated[str, Form()],
    into: Annotated[str, Form()],
    on: Annotated[str, Form()],
    mapping: Annotated[str, Form()] = "",
) -> Response:
    day = _change_day(on, "chia tách")
    parts = _lines(into)
    assign = {}
    for key, target in _lines(mapping):
        if not key.isdigit() or not target:
            raise Invalid(
                f"Dòng «{key}={target}»: cần dạng mã phân công=mã cơ quan, ví dụ 12=xa-a."
            )
        assign[int(key)] = target
    plan = SplitPlan(into=[c for c, _ in parts], names={c: n for c, n in parts if n},
                     mapping=assign)  # fmt: skip
    split = split_agency(db, code=code, plan=plan, on=day, actor=admin)
    return render(request, "admin/agencies.html", _agencies_context(db, changed=split,
                                                                     verb="chia tách"))  # fmt: skip


@router.post("/admin/agencies/dissolve")
def admin_dissolve_agency(
    request: Request,
    db: Db,
    admin: PageAdmin,
    code: Annotated[str, Form()],
    on: Annotated[str, Form()],
    into: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
) -> Response:
    day = _change_day(on, "giải thể")
    result = dissolve_agency(db, code=code, into=into.strip() or None, on=day,
                             name=name.strip() or None, actor=admin)  # fmt: skip
    return render(request, "admin/agencies.html", _agencies_context(db, changed=result,
                                                                     verb="giải thể"))  # fmt: skip


@router.get("/admin/audit", name="admin_audit")
def admin_audit(
    request: Request,
    db: Db,
    _staff: PageStaff,
    actor: str = "",
    action: str = "",
    date_from: str = "",
    date_to: str = "",
    document_id: str = "",
    page: int = 1,
) -> Response:
    """The log in Vietnamese sentences, filtered by user, date range, document and action."""
    page = max(page, 1)
    filters = {
        "actor": actor or None,
        "action": action or None,
        "date_from": _day(date_from, "Từ ngày"),
        "date_to": _day(date_to, "Đến ngày"),
        "document_id": int(document_id) if document_id.isdigit() else None,
    }
    rows, total = list_entries(db, page=page, page_size=AUDIT_PAGE, **filters)
    names = load_names(db, rows)
    context = {
        "rows": [(entry, describe(entry, names)) for entry in rows],
        "total": total,
        "filters": {
            "actor": actor,
            "action": action,
            "date_from": date_from,
            "date_to": date_to,
            "document_id": document_id,
        },
        "actor_options": [(u.username, u.full_name or u.username) for u in list_users(db)],
        "action_options": [(code, label) for code, (label, _) in ACTIONS.items()],
        "document_options": list_document_choices(db),
        "page": page,
        "has_more": page * AUDIT_PAGE < total,
        "section": "audit",
    }
    return render(request, "admin/audit.html", context)


def _day(value: str, label: str) -> date | None:
    try:
        return vn.parse_date(value)
    except ValueError:
        raise Invalid(f"{label}: ngày không hợp lệ «{value}» (định dạng dd/mm/yyyy).") from None
