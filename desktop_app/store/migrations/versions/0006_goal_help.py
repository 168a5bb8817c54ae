"""Help toward the goal in the contact summaries: referrals and introductions, advice and
leads received in the value window, and the day of the last such help.

The columns are added in place (the table and its triggers stay), the insight triggers
are made again with the summaries' new shape, the summaries are recomputed from the
interactions, and the cached scores are marked out of date (alignment now counts the
help, the location and what a contact can help with, and the time-sink flag is new).

Migration 0003 leaves the triggers and the summaries' rows to this one: both are written
by the program's current code, which reads and writes these columns.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from desktop_app.store.insight_triggers import create_insight_triggers
from desktop_app.store.summaries import rebuild_contact_summaries

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COUNTS = ("help_referrals", "help_advice", "help_leads")


def upgrade() -> None:
    for name in _COUNTS:
        op.add_column(
            "contact_summaries",
            sa.Column(name, sa.Integer(), nullable=False, server_default="0"),
        )
    op.add_column("contact_summaries", sa.Column("help_last_on", sa.Date(), nullable=True))
    bind = op.get_bind()
    create_insight_triggers(bind)
    rebuild_contact_summaries(bind)


def downgrade() -> None:
    op.drop_column("contact_summaries", "help_last_on")
    for name in reversed(_COUNTS):
        op.drop_column("contact_summaries", name)
