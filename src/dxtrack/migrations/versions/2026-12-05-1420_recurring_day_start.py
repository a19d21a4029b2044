"""recurring_day_start: a recurring task's day of the period and its chosen start

Revision ID: 9c41e7b25a08
Revises: c0a7e5d1f2b3
Create Date: 2026-12-05 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "9c41e7b25a08"
down_revision = "c0a7e5d1f2b3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tasks", sa.Column("period_day", sa.String(length=5), nullable=True))
    op.add_column("tasks", sa.Column("recurrence_start", sa.Date(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN: batch mode would copy and drop `tasks`, cascading to assignments.
    op.drop_column("tasks", "recurrence_start")
    op.drop_column("tasks", "period_day")
