"""delegation: sub-assignments (a parent assignment, a note, a weight), the reason recorded
when an assignment is marked done while its sub-assignments are open; the maintained counts
keep to top-level assignments (the Government Office's counting)

Revision ID: 7a3d9c2e4f10
Revises: 7b3f9c2d4e61
Create Date: 2026-12-05 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.tasks import counts

revision = "7a3d9c2e4f10"
down_revision = "7b3f9c2d4e61"
branch_labels = None
depends_on = None

FK = "fk_assignments_parent_id_assignments"


def upgrade() -> None:
    bind = op.get_bind()
    counts.uninstall(bind)  # SQLite rebuilds the table below; install() re-creates them
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(FK, "assignments", ["parent_id"], ["id"], ondelete="CASCADE")
    op.add_column("assignments", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.add_column("assignments", sa.Column("weight", sa.Integer(), nullable=True))
    op.create_index("ix_assignments_parent_id", "assignments", ["parent_id"])
    op.add_column(
        "progress_reports",
        sa.Column("open_children_reason", sa.Text(), nullable=False, server_default=""),
    )
    counts.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    counts.uninstall(bind)
    op.execute("DELETE FROM assignments WHERE parent_id IS NOT NULL")
    op.drop_column("progress_reports", "open_children_reason")
    op.drop_index("ix_assignments_parent_id", table_name="assignments")
    op.drop_column("assignments", "weight")
    op.drop_column("assignments", "note")
    with op.batch_alter_table("assignments") as batch:
        batch.drop_constraint(FK, type_="foreignkey")
        batch.drop_column("parent_id")
    counts.install(bind)
