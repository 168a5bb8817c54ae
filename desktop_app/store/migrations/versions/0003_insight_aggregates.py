"""Insight aggregates: per-contact summaries and monthly totals kept by triggers, cached
alignment and verdict per contact, and dismissed flags.

The summaries and monthly totals are filled from the existing interactions by 0006; the
cached scores are computed by the program the first time they are read.

Revision ID: 0003
Revises: 0002
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from desktop_app.insights.model import months_before
from desktop_app.store.insight_triggers import drop_insight_triggers

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The caches' flags are summed and compared with 0 and 1 by their SQL: on PostgreSQL,
# where a boolean is no number, they are small integers (SQLite stores 0 and 1 anyway).
FLAG = sa.Boolean().with_variant(sa.SmallInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "insight_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value_since", sa.Date(), nullable=False),
        sa.Column("paused", FLAG, nullable=False),
        sa.Column("scored_for", sa.Text(), nullable=True),
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "contact_summaries",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("interactions", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=True),
        sa.Column("last_on", sa.Date(), nullable=True),
        sa.Column("outreach", sa.Integer(), nullable=False),
        sa.Column("replies", sa.Integer(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("last_from_them_on", sa.Date(), nullable=True),
        sa.Column("pending", sa.Integer(), nullable=False),
        sa.Column("pending_dates", sa.Text(), nullable=False),
        sa.Column("given_small", sa.Integer(), nullable=False),
        sa.Column("given_medium", sa.Integer(), nullable=False),
        sa.Column("given_large", sa.Integer(), nullable=False),
        sa.Column("received_small", sa.Integer(), nullable=False),
        sa.Column("received_medium", sa.Integer(), nullable=False),
        sa.Column("received_large", sa.Integer(), nullable=False),
        sa.Column("value_oldest_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    with op.batch_alter_table("contact_summaries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_summaries_value_oldest_on", ["value_oldest_on"], unique=False
        )
    op.create_table(
        "monthly_activity",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("interactions", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("outreach", sa.Integer(), nullable=False),
        sa.Column("replies", sa.Integer(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month"),
    )
    op.create_table(
        "contact_scores",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("alignment", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=12), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("aligned", FLAG, nullable=False),
        sa.Column("given_points", sa.Integer(), nullable=False),
        sa.Column("received_points", sa.Integer(), nullable=False),
        sa.Column("in_touch", FLAG, nullable=False),
        sa.Column("active", FLAG, nullable=False),
        sa.Column("created_month", sa.String(length=7), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("circle", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    with op.batch_alter_table("contact_scores", schema=None) as batch_op:
        batch_op.create_index("ix_contact_scores_alignment", ["alignment"], unique=False)
        batch_op.create_index(
            "ix_contact_scores_verdict",
            ["verdict", "basis", "active", "alignment"],
            unique=False,
        )
    op.create_table(
        "score_totals",
        sa.Column("created_month", sa.String(length=7), nullable=False),
        sa.Column("active", FLAG, nullable=False),
        sa.Column("verdict", sa.String(length=12), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("circle", sa.String(length=10), nullable=False),
        sa.Column("in_touch", FLAG, nullable=False),
        sa.Column("contacts", sa.Integer(), nullable=False),
        sa.Column("aligned", sa.Integer(), nullable=False),
        sa.Column("given_points", sa.Integer(), nullable=False),
        sa.Column("received_points", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "created_month", "active", "verdict", "basis", "level", "circle", "in_touch"
        ),
    )
    op.create_table(
        "contact_score_queue",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "dismissed_flags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("flag", sa.String(length=20), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "flag"),
    )
    bind = op.get_bind()
    since = months_before(dt.date.today(), 12)
    bind.execute(
        sa.text("INSERT INTO insight_state (id, value_since, paused) VALUES (1, :since, 0)"),
        {"since": since.isoformat()},
    )
    # The triggers and the summaries' rows are made by 0006 (the last revision to change
    # the summaries' shape), with the code that reads them: this code's triggers and
    # rebuild write columns that only exist from 0006 on.


def downgrade() -> None:
    drop_insight_triggers(op.get_bind())
    op.drop_table("dismissed_flags")
    op.drop_table("contact_score_queue")
    op.drop_table("score_totals")
    with op.batch_alter_table("contact_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_scores_verdict")
        batch_op.drop_index("ix_contact_scores_alignment")
    op.drop_table("contact_scores")
    op.drop_table("monthly_activity")
    with op.batch_alter_table("contact_summaries", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_summaries_value_oldest_on")
    op.drop_table("contact_summaries")
    op.drop_table("insight_state")
