"""count_prefixes: assignment counts as prefix counts at any date, kept by database triggers

Revision ID: c0a7e5d1f2b3
Revises: 3f7a2c91d0e4
Create Date: 2026-12-05 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.tasks import counts

revision = "c0a7e5d1f2b3"
down_revision = "3f7a2c91d0e4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The counts become prefix counts (tasks/counts.py) kept by triggers on `assignments`."""
    op.drop_table("assignment_counts")
    op.create_table(
        "assignment_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("day2", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "grain IN ('day', 'month', 'year')", name=op.f("ck_assignment_counts_grain")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_counts")),
    )
    op.create_index(
        "uq_assignment_counts_key",
        "assignment_counts",
        ["agency_id", "kind", "grain", "day", "day2"],
        unique=True,
    )
    op.create_index(
        "ix_assignment_counts_scan",
        "assignment_counts",
        ["kind", "grain", "day", "agency_id", "day2", "n"],
    )
    counts.install(op.get_bind())


def downgrade() -> None:
    counts.uninstall(op.get_bind())
    op.drop_table("assignment_counts")
    op.create_table(
        "assignment_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("grain", sa.String(length=8), server_default="day", nullable=False),
        sa.CheckConstraint(
            "grain IN ('static', 'day', 'month')", name=op.f("ck_assignment_counts_grain")
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_assignment_counts_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_counts")),
    )
    op.create_index(
        "ix_assignment_counts_key",
        "assignment_counts",
        ["agency_id", "deadline", "completed_on", "n"],
    )
    op.create_index(
        "ix_assignment_counts_grain",
        "assignment_counts",
        ["grain", "deadline", "agency_id", "completed_on", "n"],
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(OLD_COUNTS.format(date="DATE " if postgres else ""))
    if postgres:
        month_end = "CAST(date_trunc('month', deadline) + interval '1 month - 1 day' AS date)"
    else:
        month_end = "date(deadline, 'start of month', '+1 month', '-1 day')"
    op.execute(
        "INSERT INTO assignment_counts (agency_id, grain, deadline, completed_on, n) "
        f"SELECT agency_id, 'month', {month_end}, NULL, sum(n) FROM assignment_counts "
        f"WHERE grain = 'day' GROUP BY agency_id, {month_end}"
    )
    op.execute(
        "INSERT INTO assignment_counts (agency_id, grain, deadline, completed_on, n) "
        "SELECT NULL, grain, deadline, completed_on, sum(n) FROM assignment_counts "
        "GROUP BY grain, deadline, completed_on"
    )


# The counts of the previous revision (static, day rows; month and total rows added above).
OLD_COUNTS = """
INSERT INTO assignment_counts (agency_id, grain, deadline, completed_on, n)
SELECT agency_id, g, d, c, count(*) FROM (
  SELECT agency_id,
    CASE WHEN completed_on IS NULL AND deadline IS NOT NULL THEN 'day' ELSE 'static' END AS g,
    CASE WHEN completed_on IS NULL THEN deadline
         WHEN deadline IS NULL OR completed_on <= deadline THEN NULL
         ELSE {date}'1900-01-01' END AS d,
    CASE WHEN completed_on IS NULL THEN NULL
         WHEN deadline IS NULL OR completed_on <= deadline THEN {date}'1900-01-01'
         ELSE {date}'1900-01-02' END AS c
  FROM assignments
) AS keyed GROUP BY agency_id, g, d, c
"""
