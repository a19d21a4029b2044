"""sync: external ids of documents and tasks, the review flag, the change log and its triggers

Revision ID: a1d7e3f5b920
Revises: 9c5f2a4b6d32
Create Date: 2026-12-05 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.sync import changes

revision = "a1d7e3f5b920"
down_revision = "9c5f2a4b6d32"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("external_id", sa.String(length=200), nullable=True))
    op.add_column("documents", sa.Column("review_note", sa.Text(), nullable=True))
    op.create_index("uq_documents_external_id", "documents", ["external_id"], unique=True)
    op.add_column("tasks", sa.Column("external_id", sa.String(length=200), nullable=True))
    op.add_column("tasks", sa.Column("sync_hash", sa.String(length=64), nullable=True))
    op.add_column("tasks", sa.Column("review_note", sa.Text(), nullable=True))
    op.add_column("tasks", sa.Column("sync_incoming", sa.JSON(), nullable=True))
    op.create_index("uq_tasks_external_id", "tasks", ["external_id"], unique=True)
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("txid", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_index("ix_change_log_txid_id", "change_log", ["txid", "id"])
    changes.install(op.get_bind())


def downgrade() -> None:
    changes.uninstall(op.get_bind())
    op.drop_index("ix_change_log_txid_id", table_name="change_log")
    op.drop_table("change_log")
    op.drop_index("uq_tasks_external_id", table_name="tasks")
    for column in ("sync_incoming", "review_note", "sync_hash", "external_id"):
        op.drop_column("tasks", column)  # not batch mode: rebuilding tasks cascades on SQLite
    op.drop_index("uq_documents_external_id", table_name="documents")
    for column in ("review_note", "external_id"):
        op.drop_column("documents", column)
