"""Keep in touch: a cadence per contact and per tag, a snooze, and a birthday.

The cadence columns hold a code of ``insights.keep_in_touch.CADENCES`` or NULL (a contact
without one follows their tags, then their verdict's default, kept in the settings table).
The last touch the cadence counts from is ``contacts.last_interaction_on``, which every
interaction write already keeps current; the index on status and that column lets the
overdue list filter without reading the interactions.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_CONTACT_COLUMNS = (
    ("touch_cadence", sa.String(length=8)),
    ("touch_snoozed_until", sa.Date()),
    ("birth_month", sa.SmallInteger()),
    ("birth_day", sa.SmallInteger()),
    ("birth_year", sa.SmallInteger()),
)


def upgrade() -> None:
    # Nullable columns are added in place on SQLite: the table and its triggers stay.
    for name, kind in _CONTACT_COLUMNS:
        op.add_column("contacts", sa.Column(name, kind, nullable=True))
    op.add_column("tags", sa.Column("touch_cadence", sa.String(length=8), nullable=True))
    with op.batch_alter_table("contacts", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_contacts_birthday", ["birth_month", "birth_day"])


def downgrade() -> None:
    op.drop_index("ix_contacts_birthday", table_name="contacts")
    op.drop_column("tags", "touch_cadence")
    for name, _kind in reversed(_CONTACT_COLUMNS):
        op.drop_column("contacts", name)
