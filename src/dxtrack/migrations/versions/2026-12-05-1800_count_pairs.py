"""count_pairs: two-dimensional counts of done assignments (deadline x completion date), so a
deadline window far from the reference date is read from the counts too (tasks/windows.py)

Revision ID: d4e8b2c6a913
Revises: a1d7e3f9b2c4
Create Date: 2026-12-05 18:00:00
"""

from __future__ import annotations

from alembic import op

from dxtrack.tasks import counts

revision = "d4e8b2c6a913"
down_revision = "a1d7e3f9b2c4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The trigger template gained the `pair_*` kinds: re-create the triggers, rebuild."""
    counts.install(op.get_bind())


def downgrade() -> None:
    counts.install(op.get_bind())  # the extra rows are harmless to older readers
