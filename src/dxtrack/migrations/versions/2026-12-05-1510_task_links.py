"""task_links: a task implements a task of another document (the directive chain)

Revision ID: 8b4e1f3a5c21
Revises: 7a3d9c2e4f10
Create Date: 2026-12-05 15:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "8b4e1f3a5c21"
down_revision = "7a3d9c2e4f10"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["tasks.id"],
            name=op.f("fk_task_links_child_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["tasks.id"],
            name=op.f("fk_task_links_parent_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_links")),
    )
    op.create_index(
        "uq_task_links_child_parent", "task_links", ["child_id", "parent_id"], unique=True
    )
    op.create_index("ix_task_links_parent_id", "task_links", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_task_links_parent_id", table_name="task_links")
    op.drop_index("uq_task_links_child_parent", table_name="task_links")
    op.drop_table("task_links")
