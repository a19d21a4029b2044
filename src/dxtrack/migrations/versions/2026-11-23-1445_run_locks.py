"""run_locks

Revision ID: 5b0c2f7d9a14
Revises: e6af801b331b
Create Date: 2026-11-23 14:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "5b0c2f7d9a14"
down_revision = "e6af801b331b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Named run locks (dxtrack.locks): one `notify run` at a time."""
    op.create_table(
        "run_locks",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("acquired_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_run_locks")),
    )


def downgrade() -> None:
    op.drop_table("run_locks")
