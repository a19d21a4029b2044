"""agency_history: aliases with validity dates, splits (default successor), dissolutions

Revision ID: a1d7e3f5b942
Revises: a1d7e3f5b920
Create Date: 2026-12-05 17:40:00
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = "a1d7e3f5b942"
down_revision = "a1d7e3f5b920"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency_changes") as batch:
        batch.alter_column("successor_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_index("ix_assignment_moves_on", "assignment_moves", ["on"])
    op.create_table(
        "agency_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"],
            name=op.f("fk_agency_aliases_agency_id_agencies"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["change_id"], ["agency_changes.id"],
            name=op.f("fk_agency_aliases_change_id_agency_changes"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_aliases")),
    )  # fmt: skip
    op.create_index("ix_agency_aliases_agency_id", "agency_aliases", ["agency_id"])
    op.create_index("ix_agency_aliases_code", "agency_aliases", ["code"])
    _backfill()


def _backfill() -> None:
    """Each recorded merge: the predecessor's name and code as its successor's alias, valid
    until the day before the merge."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            'SELECT c.id, c.successor_id, c."on", a.name, a.code FROM agency_changes c '
            "JOIN agencies a ON a.id = c.predecessor_id WHERE c.successor_id IS NOT NULL"
        ).columns(
            sa.column("id"),
            sa.column("successor_id"),
            sa.column("on", sa.Date),
            sa.column("name"),
            sa.column("code"),
        )
    ).all()
    aliases = sa.table(
        "agency_aliases",
        sa.column("agency_id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("code", sa.String),
        sa.column("valid_to", sa.Date),
        sa.column("change_id", sa.Integer),
    )
    for change_id, successor_id, on, name, code in rows:
        valid_to = on - timedelta(days=1)
        bind.execute(
            aliases.insert().values(
                agency_id=successor_id, name=name, code=code, valid_to=valid_to, change_id=change_id
            )
        )


def downgrade() -> None:
    op.drop_table("agency_aliases")
    op.drop_index("ix_assignment_moves_on", table_name="assignment_moves")
    op.execute("DELETE FROM agency_changes WHERE successor_id IS NULL")
    with op.batch_alter_table("agency_changes") as batch:
        batch.drop_column("is_default")
        batch.alter_column("successor_id", existing_type=sa.Integer(), nullable=False)
