"""Source keys on interactions and events, so evidence imported from files is added once.

An interaction made from LinkedIn messages or a calendar meeting, and an event made from a
calendar entry, keep a stable key derived from the file (conversation, sender and time; a
calendar UID and recurrence id). Importing the same or a newer file again adds only the
rows whose key is new. Rows entered by hand have no key (NULL): the unique index covers
only the keyed rows.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_KEYED = "source_key IS NOT NULL"


def upgrade() -> None:
    # Adding a nullable column keeps the table (and its triggers) in place on SQLite.
    op.add_column("interactions", sa.Column("source_key", sa.String(length=80), nullable=True))
    op.add_column("events", sa.Column("source_key", sa.String(length=80), nullable=True))
    with op.batch_alter_table("interactions", schema=None, recreate="never") as batch_op:
        batch_op.create_index(
            "ux_interactions_source_key",
            ["source_key"],
            unique=True,
            sqlite_where=sa.text(_KEYED),
            postgresql_where=sa.text(_KEYED),
        )
    with op.batch_alter_table("events", schema=None, recreate="never") as batch_op:
        batch_op.create_index(
            "ux_events_source_key",
            ["source_key"],
            unique=True,
            sqlite_where=sa.text(_KEYED),
            postgresql_where=sa.text(_KEYED),
        )


def downgrade() -> None:
    op.drop_index("ux_events_source_key", table_name="events")
    op.drop_index("ux_interactions_source_key", table_name="interactions")
    # Dropping a column is a plain ALTER TABLE on SQLite 3.35+, which keeps the triggers.
    op.drop_column("events", "source_key")
    op.drop_column("interactions", "source_key")
