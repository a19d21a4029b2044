"""Fixtures of the indicator tests (builders live in factory.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from dxtrack.indicators.models import Plan

from .factory import make_plan


@pytest.fixture
def plan(db: Session) -> Plan:
    return make_plan(db)
