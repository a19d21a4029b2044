"""period_codes

Revision ID: 3c9e7a51d2b8
Revises: 4e8b0d6f3a21
Create Date: 2026-12-05 14:35:00
"""

from __future__ import annotations

from alembic import op

revision = "3c9e7a51d2b8"
down_revision = "4e8b0d6f3a21"
branch_labels = None
depends_on = None

# A monthly assignment's period was "2025-03"; the one period-code format (dxtrack.vn) is
# "2025-M03", as in the reports. Quarters (2025-Q4), halves, weeks and years are unchanged.
OLD_MONTH = (
    "length(period) = 7 AND substr(period, 5, 1) = '-' AND substr(period, 6, 1) IN ('0', '1')"
)
NEW_MONTH = "length(period) = 8 AND substr(period, 5, 2) = '-M'"


def upgrade() -> None:
    op.execute(
        "UPDATE assignments SET period = substr(period, 1, 5) || 'M' || substr(period, 6) "
        f"WHERE {OLD_MONTH}"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE assignments SET period = substr(period, 1, 5) || substr(period, 7) "
        f"WHERE {NEW_MONTH}"
    )
