"""update_cadence: the reporting rhythm of undated tasks (a cadence per task or document, each
assignment's effective cadence and latest report date) and its maintained counts

Revision ID: 4e8b1c7d2a95
Revises: f6a0d4e8c135
Create Date: 2026-12-05 18:25:00
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from dxtrack import vn
from dxtrack.tasks import counts, rhythm_counts

revision = "4e8b1c7d2a95"
down_revision = "f6a0d4e8c135"
branch_labels = None
depends_on = None


def _backfill_last_report(bind: sa.Connection) -> None:
    """Each assignment's latest report date, in the province's time zone."""
    rows = bind.execute(
        sa.text(
            "SELECT assignment_id, max(created_at) FROM progress_reports GROUP BY assignment_id"
        )
    ).all()
    values = []
    for assignment_id, created in rows:
        if isinstance(created, str):  # SQLite hands back the stored text
            created = datetime.fromisoformat(created)
        values.append({"id": assignment_id, "day": vn.local(created).date()})
    if values:
        update = sa.text("UPDATE assignments SET last_report_on = :day WHERE id = :id")
        bind.execute(update, values)


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("documents", sa.Column("update_cadence", sa.String(length=16), nullable=True))
    op.add_column("tasks", sa.Column("update_cadence", sa.String(length=16), nullable=True))
    op.add_column(
        "assignments",
        sa.Column("cadence", sa.String(length=16), nullable=False, server_default="monthly"),
    )
    op.add_column("assignments", sa.Column("last_report_on", sa.Date(), nullable=True))
    op.create_table(
        "rhythm_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("cadence", sa.String(length=16), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rhythm_counts")),
    )
    op.create_index(
        "uq_rhythm_counts_key", "rhythm_counts", ["agency_id", "cadence", "month"], unique=True
    )
    op.create_index(
        "ix_rhythm_counts_scan", "rhythm_counts", ["cadence", "month", "agency_id", "n"]
    )
    _backfill_last_report(bind)
    rhythm_counts.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    rhythm_counts.uninstall(bind)
    counts.uninstall(bind)
    op.drop_index("ix_rhythm_counts_scan", table_name="rhythm_counts")
    op.drop_index("uq_rhythm_counts_key", table_name="rhythm_counts")
    op.drop_table("rhythm_counts")
    op.drop_column("assignments", "last_report_on")
    op.drop_column("assignments", "cadence")
    op.drop_column("tasks", "update_cadence")
    op.drop_column("documents", "update_cadence")
    counts.install(bind)
