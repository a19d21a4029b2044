"""Jobs run by a worker on the test's own session (each unit a SAVEPOINT)."""

from __future__ import annotations

import pytest
from jobhelp import session_worker
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.jobs.worker import Worker


@pytest.fixture
def worker(db: Session, settings: Settings) -> Worker:
    return session_worker(db, settings)
