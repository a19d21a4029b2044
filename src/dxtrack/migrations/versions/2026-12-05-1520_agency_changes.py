"""agency_changes: merges from a date, with open assignments moved and their history kept

Revision ID: 9c5f2a4b6d32
Revises: 8b4e1f3a5c21
Create Date: 2026-12-05 15:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "9c5f2a4b6d32"
down_revision = "8b4e1f3a5c21"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["predecessor_id"], ["agencies.id"],
            name=op.f("fk_agency_changes_predecessor_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"], ["agencies.id"],
            name=op.f("fk_agency_changes_successor_id_agencies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_changes")),
    )  # fmt: skip
    op.create_index("ix_agency_changes_predecessor_id", "agency_changes", ["predecessor_id"])
    op.create_index("ix_agency_changes_successor_id", "agency_changes", ["successor_id"])
    op.create_table(
        "assignment_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("from_agency_id", sa.Integer(), nullable=False),
        sa.Column("to_agency_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"], ["assignments.id"],
            name=op.f("fk_assignment_moves_assignment_id_assignments"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_agency_id"], ["agencies.id"],
            name=op.f("fk_assignment_moves_from_agency_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["to_agency_id"], ["agencies.id"],
            name=op.f("fk_assignment_moves_to_agency_id_agencies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_moves")),
    )  # fmt: skip
    op.create_index("ix_assignment_moves_assignment_id", "assignment_moves", ["assignment_id"])


def downgrade() -> None:
    op.drop_table("assignment_moves")
    op.drop_table("agency_changes")
