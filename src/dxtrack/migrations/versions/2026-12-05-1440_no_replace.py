"""no_replace: SQLite's INSERT OR REPLACE cannot rewrite an append-only row

Revision ID: 5d1e2a7c9b40
Revises: 3c9e7a51d2b8
Create Date: 2026-12-05 14:40:00

`INSERT OR REPLACE` deletes the conflicting row without firing DELETE triggers (unless the
connection enables recursive triggers), so the audit log's and the progress reports'
append-only triggers let it through. A BEFORE INSERT trigger refuses an insert whose id is
taken. PostgreSQL has no REPLACE (its ON CONFLICT DO UPDATE fires the UPDATE triggers).
"""

from __future__ import annotations

from alembic import op

revision = "5d1e2a7c9b40"
down_revision = "3c9e7a51d2b8"
branch_labels = None
depends_on = None

TABLES = {
    "audit_log": "audit_log is append-only",
    "progress_reports": "progress_reports is append-only",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, message in TABLES.items():
        op.execute(
            f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id) "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
