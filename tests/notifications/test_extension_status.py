"""The extension flag: one rule in tasks/status.py, evaluated in Python and in SQL alike."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Date, literal, select
from sqlalchemy.orm import Session

from dxtrack.tasks.status import within_extension, within_extension_case

ORIGINAL, EXTENDED, AT = date(2025, 12, 1), date(2025, 12, 31), date(2026, 1, 15)

CASES = [
    (ORIGINAL, EXTENDED, date(2025, 11, 30), False),  # before the original deadline
    (ORIGINAL, EXTENDED, ORIGINAL, False),  # on the original deadline
    (ORIGINAL, EXTENDED, date(2025, 12, 2), True),
    (ORIGINAL, EXTENDED, EXTENDED, True),
    (ORIGINAL, EXTENDED, date(2026, 1, 1), False),  # after the extension
    (None, EXTENDED, date(2025, 12, 20), False),  # never extended
    (ORIGINAL, EXTENDED, None, False),  # not done
    (ORIGINAL, EXTENDED, date(2026, 1, 16), False),  # done after the reference date
]


@pytest.mark.parametrize(("original", "deadline", "done", "expected"), CASES, ids=str)
def test_python_and_sql_agree(
    db: Session, original: date | None, deadline: date, done: date | None, expected: bool
):
    assert (
        within_extension(original_deadline=original, deadline=deadline, completed_on=done, at=AT)
        is expected
    )
    sql = within_extension_case(
        literal(original, Date), literal(deadline, Date), literal(done, Date), at=AT
    )
    assert bool(db.scalar(select(sql))) is expected
