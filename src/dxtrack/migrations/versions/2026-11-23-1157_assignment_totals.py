"""assignment_totals

Revision ID: fb9b5a019820
Revises: 12a8672d5a1b
Create Date: 2026-11-23 11:57:20.097470
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "fb9b5a019820"
down_revision = "12a8672d5a1b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Totals rows (agency_id NULL) and a covering index for the maintained counts;
    progress reports become append-only in the database, like the audit log."""
    with op.batch_alter_table("assignment_counts", schema=None) as batch_op:
        batch_op.alter_column("agency_id", existing_type=sa.Integer(), nullable=True)
        batch_op.drop_index("ix_assignment_counts_key")
        batch_op.create_index(
            "ix_assignment_counts_key", ["agency_id", "deadline", "completed_on", "n"]
        )
    op.execute(
        "INSERT INTO assignment_counts (agency_id, deadline, completed_on, n) "
        "SELECT NULL, deadline, completed_on, sum(n) FROM assignment_counts "
        "WHERE agency_id IS NOT NULL GROUP BY deadline, completed_on"
    )
    _protect("progress_reports")


def downgrade() -> None:
    _unprotect("progress_reports")
    op.execute("DELETE FROM assignment_counts WHERE agency_id IS NULL")
    with op.batch_alter_table("assignment_counts", schema=None) as batch_op:
        batch_op.drop_index("ix_assignment_counts_key")
        batch_op.create_index("ix_assignment_counts_key", ["agency_id", "deadline", "completed_on"])
        batch_op.alter_column("agency_id", existing_type=sa.Integer(), nullable=False)


def _protect(table: str) -> None:
    """Refuse UPDATE and DELETE on `table` in the database itself."""
    message = f"{table} is append-only"
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        return
    op.execute(
        f"CREATE FUNCTION {table}_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_refuse()"
    )


def _unprotect(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        return
    op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.execute(f"DROP FUNCTION IF EXISTS {table}_refuse()")
