"""party_outside: a task party marked "ngoài danh mục" on purpose

Revision ID: 3f7a2c91d0e4
Revises: 8d3e61c0b2f5
Create Date: 2026-12-05 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "3f7a2c91d0e4"
down_revision = "8d3e61c0b2f5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "task_parties",
        sa.Column("outside", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("task_parties", "outside")
