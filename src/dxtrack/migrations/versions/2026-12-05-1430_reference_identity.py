"""reference_identity: re-check links made by number alone

A reference was linked to any stored document with the same number; it now links only when
number, issuer and date (or year) agree (dxtrack.documents.identity). Links that fail the
rule are removed: the document shows them as candidates ("có thể là") for a person to confirm.

Revision ID: 4e8b0d6f3a21
Revises: 9c41e7b25a08
Create Date: 2026-12-05 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dxtrack.documents.identity import Issued, cites

revision = "4e8b0d6f3a21"
down_revision = "9c41e7b25a08"
branch_labels = None
depends_on = None

refs = sa.table(
    "document_references",
    sa.column("id"),
    sa.column("document_id"),
    sa.column("number"),
    sa.column("ref_date", sa.Date),
    sa.column("issuer"),
    sa.column("cited_id"),
)
docs = sa.table(
    "documents",
    sa.column("id"),
    sa.column("number"),
    sa.column("issuer"),
    sa.column("issued_date", sa.Date),
)


def upgrade() -> None:
    bind = op.get_bind()
    citing, cited = docs.alias("citing"), docs.alias("cited")
    query = (
        sa.select(
            refs.c.id,
            refs.c.number,
            refs.c.ref_date,
            refs.c.issuer,
            citing.c.issuer,
            cited.c.number,
            cited.c.issuer,
            cited.c.issued_date,
        )
        .join(citing, citing.c.id == refs.c.document_id)
        .join(cited, cited.c.id == refs.c.cited_id)
    )
    wrong = [
        row[0]
        for row in bind.execute(query)
        if not cites(row[1], row[2], row[3], citing_issuer=row[4], cited=Issued(*row[5:]))
    ]
    for start in range(0, len(wrong), 500):
        chunk = wrong[start : start + 500]
        bind.execute(sa.update(refs).where(refs.c.id.in_(chunk)).values(cited_id=None))


def downgrade() -> None:
    """Nothing to undo: links by number alone were the defect."""
