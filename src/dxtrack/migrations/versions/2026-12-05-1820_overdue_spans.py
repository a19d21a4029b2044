"""overdue_spans: the days each task has an overdue assignment, kept by triggers and counted,
so the number of overdue tasks at any date reads a few count rows (tasks/spans.py)

Revision ID: f6a0d4e8c135
Revises: b2e8f4a6c031
Create Date: 2026-12-05 18:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.tasks import counts

revision = "f6a0d4e8c135"
down_revision = "b2e8f4a6c031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "overdue_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overdue_spans")),
    )
    op.create_index("ix_overdue_spans_task_agency", "overdue_spans", ["task_id", "agency_id"])
    counts.install(op.get_bind())  # the spans' triggers, every span and its counts


def downgrade() -> None:
    bind = op.get_bind()
    counts.uninstall(bind)
    op.drop_index("ix_overdue_spans_task_agency", table_name="overdue_spans")
    op.drop_table("overdue_spans")
    counts.install(bind)
