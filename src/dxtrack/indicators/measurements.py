"""Measurements (kết quả) of indicators: append-only history with evidence files."""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.agencies.service import get_agency
from dxtrack.audit import events
from dxtrack.audit.service import record
from dxtrack.auth.models import Role
from dxtrack.auth.permissions import STAFF
from dxtrack.config import Settings
from dxtrack.errors import Forbidden, Invalid, NotFound
from dxtrack.files import StoredFile, store_evidence
from dxtrack.indicators.models import Indicator, Measurement, MeasurementEvidence
from dxtrack.indicators.schemas import MeasurementCreate
from dxtrack.indicators.service import get_indicator

if TYPE_CHECKING:
    from dxtrack.auth.models import User


def can_measure(user: User | None, indicator: Indicator) -> bool:
    """Staff record any figure; an officer only for an indicator their agency is responsible for."""
    if user is None or user.role in STAFF:
        return True
    responsible = indicator.agency_id
    return user.role == Role.officer and responsible is not None and user.agency_id == responsible


def require_can_measure(user: User | None, indicator: Indicator) -> None:
    if not can_measure(user, indicator):
        raise Forbidden("Chỉ cơ quan chủ trì chỉ tiêu và bộ phận điều phối được nhập kết quả.")


def _check_value(data: MeasurementCreate, today: date) -> date:
    if not math.isfinite(data.value):
        raise Invalid("Kết quả phải là một số hữu hạn.")
    as_of = data.as_of or today
    if as_of > today:
        raise Invalid("Thời điểm số liệu không được sau ngày hôm nay.")
    return as_of


def _reporting_agency(db: Session, data: MeasurementCreate, indicator: Indicator) -> int | None:
    if data.agency:
        return get_agency(db, data.agency).id
    return indicator.agency_id


def _add_evidence(db: Session, measurement: Measurement, stored: list[StoredFile]) -> None:
    db.add_all(MeasurementEvidence(measurement_id=measurement.id, **asdict(f)) for f in stored)


def record_measurement(
    db: Session,
    *,
    indicator_id: int,
    data: MeasurementCreate,
    files: list[tuple[str, bytes]] | None = None,
    settings: Settings,
    actor: User | None,
    today: date | None = None,
) -> Measurement:
    """Append a measurement (checked: role and agency, finite value, date, evidence types)."""
    indicator = get_indicator(db, indicator_id)
    require_can_measure(actor, indicator)
    if indicator.formula:
        raise Invalid("Chỉ tiêu tính theo công thức, không nhập kết quả trực tiếp.")
    as_of = _check_value(data, today or vn.today())
    agency_id = _reporting_agency(db, data, indicator)
    stored = store_evidence(settings.evidence_dir, files or [], max_bytes=settings.max_upload_bytes)
    measurement = Measurement(
        indicator_id=indicator.id,
        value=data.value,
        as_of=as_of,
        agency_id=agency_id,
        weight=data.weight,
        note=data.note,
        author_id=actor.id if actor else None,
    )
    db.add(measurement)
    db.flush()
    _add_evidence(db, measurement, stored)
    after = data.model_dump(mode="json") | {"as_of": as_of, "evidence": len(stored)}
    record(
        db, events.Event("measurement.create", "indicator", indicator.id, None, after), actor=actor
    )
    return measurement


def list_measurements(db: Session, indicator_id: int) -> list[dict[str, Any]]:
    """History, oldest first, each with its evidence files."""
    query = select(Measurement).where(Measurement.indicator_id == indicator_id)
    rows = list(db.scalars(query.order_by(Measurement.as_of, Measurement.id)))
    files: dict[int, list[dict[str, Any]]] = {row.id: [] for row in rows}
    if rows:
        evidence = select(MeasurementEvidence).where(MeasurementEvidence.measurement_id.in_(files))
        for item in db.scalars(evidence.order_by(MeasurementEvidence.id)):
            files[item.measurement_id].append(
                {"id": item.id, "filename": item.filename, "size": item.size}
            )
    return [
        {
            "id": row.id,
            "value": row.value,
            "as_of": row.as_of,
            "agency_id": row.agency_id,
            "weight": row.weight,
            "note": row.note,
            "author_id": row.author_id,
            "evidence": files[row.id],
        }
        for row in rows
    ]


def get_evidence(db: Session, evidence_id: int) -> MeasurementEvidence:
    evidence = db.get(MeasurementEvidence, evidence_id)
    if evidence is None:
        raise NotFound(f"Không tìm thấy minh chứng #{evidence_id}.")
    return evidence
