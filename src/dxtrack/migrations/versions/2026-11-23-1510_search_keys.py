"""search_keys

Revision ID: 8d3e61c0b2f5
Revises: 5b0c2f7d9a14
Create Date: 2026-11-23 15:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.search import search_key

revision = "8d3e61c0b2f5"
down_revision = "5b0c2f7d9a14"
branch_labels = None
depends_on = None

BATCH = 5_000
SOURCES = {
    "tasks": ("clause", "summary"),
    "documents": ("number", "subject", "filename"),
}


def upgrade() -> None:
    """Folded search text (dxtrack.search) on tasks and documents, filled for existing rows."""
    for table in SOURCES:
        op.add_column(table, sa.Column("search_key", sa.Text(), server_default="", nullable=False))
    bind = op.get_bind()
    for table, columns in SOURCES.items():
        source = sa.table(table, sa.column("id"), sa.column("search_key"), *map(sa.column, columns))
        query = sa.select(source.c.id, *(source.c[name] for name in columns)).order_by(source.c.id)
        update = (
            sa.update(source)
            .where(source.c.id == sa.bindparam("row_id"))
            .values(search_key=sa.bindparam("key"))
        )
        last = 0
        while rows := bind.execute(query.where(source.c.id > last).limit(BATCH)).all():
            values = [{"row_id": row[0], "key": search_key(*row[1:])} for row in rows]
            bind.execute(update, values)
            last = rows[-1][0]


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite >= 3.35): batch mode would copy and drop `tasks`, and with
    # foreign keys on, dropping it cascades to every assignment.
    for table in SOURCES:
        op.drop_column(table, "search_key")
