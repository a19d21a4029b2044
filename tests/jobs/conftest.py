"""Jobs run by a worker on the test's own session (each unit a SAVEPOINT)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.orm import Session

from dxtrack.config import Settings
from dxtrack.jobs.kinds import KINDS
from dxtrack.jobs.worker import Worker


def session_units(db: Session):
    @contextmanager
    def units() -> Iterator[Session]:
        with db.begin_nested():
            yield db

    return units


@pytest.fixture
def worker(db: Session, settings: Settings) -> Worker:
    """A worker whose every unit of work is a SAVEPOINT of the test's transaction."""
    return Worker(settings, KINDS, units=session_units(db), heartbeat=False)
