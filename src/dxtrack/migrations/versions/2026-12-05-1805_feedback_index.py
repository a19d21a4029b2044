"""feedback_index: a partial index over the progress reports that state a difficulty or a
proposal, so the report's latest difficulties read those and not every report

Revision ID: e5f9c3d7b024
Revises: d4e8b2c6a913
Create Date: 2026-12-05 18:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "e5f9c3d7b024"
down_revision = "d4e8b2c6a913"
branch_labels = None
depends_on = None

WHERE = "difficulties <> '' OR proposals <> ''"


def upgrade() -> None:
    op.create_index(
        "ix_progress_reports_feedback",
        "progress_reports",
        ["assignment_id", "id"],
        postgresql_where=sa.text(WHERE),
        sqlite_where=sa.text(WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_progress_reports_feedback", table_name="progress_reports")
