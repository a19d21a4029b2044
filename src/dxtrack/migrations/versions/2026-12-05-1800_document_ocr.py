"""document_ocr: how each page of a document was read (OCR, mean confidence, doubtful words)

Revision ID: b2c4d6e8f012
Revises: a1d7e3f9b2c4
Create Date: 2026-12-05 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b2c4d6e8f012"
down_revision = "a1d7e3f9b2c4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("ocr_pages", sa.JSON(), nullable=True))


def downgrade() -> None:
    # plain ALTER (SQLite >= 3.35): a batch copy would drop `documents` and cascade to its tasks
    op.execute("ALTER TABLE documents DROP COLUMN ocr_pages")
