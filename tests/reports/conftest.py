"""Report test fixtures: the small province of `province.py`."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from reports.province import Province, build_province


@pytest.fixture
def province(db: Session, settings: Settings) -> Province:
    return build_province(db, settings)
