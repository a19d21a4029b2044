"""webhooks: admin-configured endpoints; their deliveries queue in the notification outbox

Revision ID: b2e8f4a6c031
Revises: b2c4d6e8f012
Create Date: 2026-12-05 18:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "b2e8f4a6c031"
down_revision = "b2c4d6e8f012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.String(length=200), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"],
            name=op.f("fk_webhook_endpoints_created_by_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
    )  # fmt: skip
    with op.batch_alter_table("notification_outbox") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("endpoint_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_notification_outbox_endpoint_id_webhook_endpoints"),
            "webhook_endpoints", ["endpoint_id"], ["id"], ondelete="CASCADE",
        )  # fmt: skip
        batch.create_index(
            "ix_notification_outbox_endpoint_state", ["endpoint_id", "state", "next_attempt_at"]
        )


def downgrade() -> None:
    op.execute("DELETE FROM notification_outbox WHERE endpoint_id IS NOT NULL")
    with op.batch_alter_table("notification_outbox") as batch:
        batch.drop_index("ix_notification_outbox_endpoint_state")
        batch.drop_constraint(
            op.f("fk_notification_outbox_endpoint_id_webhook_endpoints"), type_="foreignkey"
        )
        batch.drop_column("next_attempt_at")
        batch.drop_column("endpoint_id")
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
    op.drop_table("webhook_endpoints")
