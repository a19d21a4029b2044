"""count_grains

Revision ID: e6af801b331b
Revises: 0a14b3f83154
Create Date: 2026-11-23 12:11:30.499010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "e6af801b331b"
down_revision = "0a14b3f83154"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Count grains: static (done, undated), day and month (dated open) rows; see tasks/counts.py."""
    with op.batch_alter_table("assignment_counts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("grain", sa.String(length=8), server_default="day", nullable=False)
        )
        batch_op.create_check_constraint("grain", "grain IN ('static', 'day', 'month')")
        batch_op.create_index(
            "ix_assignment_counts_grain", ["grain", "deadline", "agency_id", "completed_on", "n"]
        )
    op.execute(
        "UPDATE assignment_counts SET grain = 'static' "
        "WHERE completed_on IS NOT NULL OR deadline IS NULL"
    )
    if op.get_bind().dialect.name == "sqlite":
        month_end = "date(deadline, 'start of month', '+1 month', '-1 day')"
    else:
        month_end = "CAST(date_trunc('month', deadline) + interval '1 month - 1 day' AS date)"
    op.execute(
        "INSERT INTO assignment_counts (agency_id, grain, deadline, completed_on, n) "
        f"SELECT agency_id, 'month', {month_end}, NULL, sum(n) FROM assignment_counts "
        f"WHERE grain = 'day' GROUP BY agency_id, {month_end}"
    )


def downgrade() -> None:
    op.execute("DELETE FROM assignment_counts WHERE grain = 'month'")
    with op.batch_alter_table("assignment_counts", schema=None) as batch_op:
        batch_op.drop_index("ix_assignment_counts_grain")
        batch_op.drop_constraint(op.f("ck_assignment_counts_grain"), type_="check")
        batch_op.drop_column("grain")
