"""Review of extracted tasks: edit, add, delete (HTMX fragments of one task card)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from dxtrack import vn
from dxtrack.agencies.models import Agency, AgencyGroup
from dxtrack.agencies.names import is_generic_name
from dxtrack.deps import AppSettings, Db
from dxtrack.documents.models import Document
from dxtrack.documents.service import get_document, get_readable_document, page_image
from dxtrack.errors import Invalid
from dxtrack.tasks import mapping, service
from dxtrack.tasks.models import PartyRole, Recurrence, Task, TaskParty
from dxtrack.tasks.preview import preview_confirmation
from dxtrack.web.security import PageStaff, PageUser
from dxtrack.web.templating import render

router = APIRouter(include_in_schema=False)


def _party_view(db: Session, party: TaskParty) -> dict[str, Any]:
    """A named party as the card shows it: what it resolved to, or what is left to do."""
    target = db.get(Agency, party.agency_id) if party.agency_id else None
    group = db.get(AgencyGroup, party.group_id) if party.group_id else None
    if target or group:
        state = "resolved"
    elif party.outside:
        state = "outside"
    else:
        state = "generic" if is_generic_name(party.name) else "unresolved"
    name = (target or group).name if (target or group) else None  # type: ignore[union-attr]
    return {"party": party, "target": name, "state": state, "renamed": name != party.name}


def task_card(db: Session, task: Task, **extra: Any) -> dict[str, Any]:
    parties = service.list_parties(db, task.id)
    views = [_party_view(db, p) for p in parties]
    return {
        "task": task,
        "lead": [p for p in parties if p.role == PartyRole.lead],
        "coordinators": [p for p in parties if p.role == PartyRole.coordinator],
        "parties": views,
        "unresolved": [v["party"].name for v in views if v["state"] == "unresolved"],
        **extra,
    }


def task_cards(db: Session, tasks: list[Task]) -> list[dict[str, Any]]:
    return [task_card(db, task) for task in tasks]


def ocr_views(document: Document) -> list[dict[str, Any]]:
    """The pages read by OCR, for the panel beside the page images: page number, mean
    confidence and the recognised text cut into pieces, low-confidence words flagged."""
    views = []
    for page in document.ocr_pages or []:
        if not page.get("ocr"):
            continue
        text, pieces, cursor = page.get("text") or "", [], 0
        for start, end in page.get("low") or []:
            if cursor <= start < end <= len(text):
                pieces += [(text[cursor:start], False), (text[start:end], True)]
                cursor = end
        pieces.append((text[cursor:], False))
        confidence = page.get("confidence")
        shown = "?" if confidence is None else vn.percent(confidence / 100, 0)
        views.append({"page": page["page"], "confidence": shown, "pieces": pieces})
    return views


@router.get("/documents/{document_id}/pages/{page}.png", name="document_page_image")
def document_page_image(
    document_id: int, page: int, db: Db, user: PageUser, settings: AppSettings
) -> Response:
    """A page of a document read by OCR, rendered from the stored original (who may open the
    original may see it)."""
    document = get_readable_document(db, document_id, user=user)
    png = page_image(settings, document, page)
    headers = {"Cache-Control": "private, max-age=3600"}
    return Response(png, media_type="image/png", headers=headers)


def _names(text: str) -> list[str]:
    """One agency per line (names may contain commas: «Các sở, ban, ngành tỉnh»)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fields(
    clause: str, summary: str, deadline: str, recurrence: str, lead: str, coordinators: str
) -> dict[str, Any]:
    try:
        due = vn.parse_date(deadline)
    except ValueError as exc:
        raise Invalid(f"Thời hạn không hợp lệ: «{deadline}» (định dạng dd/mm/yyyy).") from exc
    if recurrence and recurrence not in set(Recurrence):
        raise Invalid(f"Chu kỳ không hợp lệ: «{recurrence}».")
    if not summary.strip():
        raise Invalid("Nội dung nhiệm vụ không được để trống.")
    return {
        "clause": clause.strip(),
        "summary": summary.strip(),
        "deadline": due,
        "recurrence": recurrence or None,
        "lead": _names(lead),
        "coordinators": _names(coordinators),
    }


Text = Annotated[str, Form()]


def _span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The span of a sentence the safety net offered; it must lie inside the text."""
    if start is None or end is None:
        return None
    if not 0 <= start < end <= len(text):
        raise Invalid("Vị trí câu trong văn bản không hợp lệ.")
    return (start, end)


@router.post("/tasks/{task_id}/edit", name="task_edit")
def task_edit(
    request: Request,
    task_id: int,
    db: Db,
    user: PageStaff,
    version: Annotated[int, Form()],
    summary: Text,
    clause: Text = "",
    deadline: Text = "",
    recurrence: Text = "",
    lead: Text = "",
    coordinators: Text = "",
) -> Response:
    changes = _fields(clause, summary, deadline, recurrence, lead, coordinators)
    task = service.update_task(db, task_id=task_id, version=version, changes=changes, actor=user)
    card = task_card(db, task, saved=True, can_edit=True)
    return render(request, "documents/_task.html", {"card": card, "can_edit": True})


@router.post("/documents/{document_id}/tasks", name="task_add")
def task_add(
    request: Request,
    document_id: int,
    db: Db,
    user: PageStaff,
    summary: Text,
    clause: Text = "",
    deadline: Text = "",
    recurrence: Text = "",
    lead: Text = "",
    coordinators: Text = "",
    span_start: Annotated[int | None, Form()] = None,
    span_end: Annotated[int | None, Form()] = None,
) -> Response:
    values = _fields(clause, summary, deadline, recurrence, lead, coordinators)
    document = get_document(db, document_id)
    span = _span(document.text or "", span_start, span_end)
    fields = service.TaskFields(
        clause=values["clause"],
        summary=values["summary"],
        full_text=values["summary"],
        deadline=values["deadline"],
        recurrence=values["recurrence"],
        span=span,  # a sentence of the text offered by the safety net
    )
    task, _ = service.create_task(
        db,
        document=document,
        fields=fields,
        lead=values["lead"],
        coordinators=values["coordinators"],
        actor=user,
        position=10_000,
    )
    card = task_card(db, task, saved=True)
    return render(request, "documents/_task.html", {"card": card, "can_edit": True})


def _card_response(request: Request, db: Db, task_id: int) -> Response:
    """The card again, and the confirm box (names left, preview) swapped out of band."""
    task = service.get_task(db, task_id)
    preview = preview_confirmation(db, document_id=task.document_id)
    context = {
        "card": task_card(db, task, saved=True),
        "can_edit": True,
        "preview": preview,
        "document": get_document(db, task.document_id),
        "drafts": preview.tasks,
        "oob": True,
    }
    return render(request, "documents/_task_and_preview.html", context)


@router.post("/task-parties/{party_id}/map", name="party_map")
def party_map(request: Request, party_id: int, db: Db, user: PageStaff, target: Text) -> Response:
    """An unmatched name picked from the directory (saved as that agency's alias)."""
    party = mapping.map_party_to(db, party_id=party_id, target=target, actor=user)
    return _card_response(request, db, party.task_id)


@router.post("/task-parties/{party_id}/outside", name="party_outside")
def party_outside(request: Request, party_id: int, db: Db, user: PageStaff) -> Response:
    """An unmatched name marked "ngoài danh mục" on purpose."""
    party = mapping.mark_outside(db, party_id=party_id, actor=user)
    return _card_response(request, db, party.task_id)


@router.post("/tasks/{task_id}/delete", name="task_delete")
def task_delete(task_id: int, db: Db, user: PageStaff) -> Response:
    service.delete_task(db, task_id=task_id, actor=user)
    return Response("", media_type="text/html")
