"""/api/v1: the reporting rhythm of undated work (cadence of a task or a document, figures)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from dxtrack.deps import CurrentUser, Db, Staff
from dxtrack.tasks.queries import Filters
from dxtrack.tasks.rhythm_stats import rhythm_summary, set_cadence

router = APIRouter(tags=["tasks"])


class CadenceUpdate(BaseModel):
    cadence: str | None = None  # monthly, quarterly, half-yearly, yearly; null: inherit


@router.put("/tasks/{task_id}/cadence")
def put_task_cadence(task_id: int, body: CadenceUpdate, db: Db, user: Staff) -> dict[str, Any]:
    ids = set_cadence(db, cadence=body.cadence, task_id=task_id, actor=user)
    return {"cadence": body.cadence, "tasks": ids}


@router.put("/documents/{document_id}/cadence")
def put_document_cadence(
    document_id: int, body: CadenceUpdate, db: Db, user: Staff
) -> dict[str, Any]:
    ids = set_cadence(db, cadence=body.cadence, document_id=document_id, actor=user)
    return {"cadence": body.cadence, "tasks": ids}


@router.get("/rhythm")
def read_rhythm(
    db: Db, user: CurrentUser, agency: str | None = None, group: str | None = None
) -> dict[str, Any]:
    """Open undated work updated in its current period or not, at today."""
    return rhythm_summary(db, filters=Filters(agency=agency, group=group), user=user).to_dict()
