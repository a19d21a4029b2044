"""document_ocr: how each page of a document was read (OCR, mean confidence, doubtful words)

Revision ID: b2c4d6e8f012
Revises: e5f9c3d7b024
Create Date: 2026-12-05 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b2c4d6e8f012"
down_revision = "e5f9c3d7b024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("ocr_pages", sa.JSON(), nullable=True))


def downgrade() -> None:
    # plain ALTER (SQLite >= 3.35): a batch copy would drop `documents` and cascade to its tasks
    op.execute("ALTER TABLE documents DROP COLUMN ocr_pages")
