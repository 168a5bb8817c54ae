"""A version number on contacts and events, moved on by every write of what a user edits.

A window remembers the number of the row it opened for editing; a save or an undo whose
row moved on since (another window, another computer) is refused instead of overwriting
the other change. Existing rows start at 1. Goals already carry a version per saved goal.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = ("contacts", "events")


def upgrade() -> None:
    # NOT NULL with a constant default is added in place on SQLite: tables and triggers stay.
    for table in _TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_column(table, "version")
