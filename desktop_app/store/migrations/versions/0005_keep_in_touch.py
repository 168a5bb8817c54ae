"""Keep in touch: a cadence per contact and per tag, a snooze, and a birthday.

The cadence columns hold a code of ``insights.keep_in_touch.CADENCES`` or NULL (a contact
without one follows their tags, then their verdict's default, kept in the settings table).
``contacts.touch_due_on`` is the day each contact falls due (NULL: never), kept by the
store as interactions, cadences and verdicts change; its index makes the overdue list a
range read. The upgrade asks for a full rescoring, which fills it. A change of a contact's
tags queues the contact for rescoring (triggers below), which refreshes their due day.

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
    ("touch_due_on", sa.Date()),
    ("birth_month", sa.SmallInteger()),
    ("birth_day", sa.SmallInteger()),
    ("birth_year", sa.SmallInteger()),
)

# A contact whose tags change is queued for rescoring, and rescoring refreshes their due
# day (a tag may carry a cadence). Like the insight triggers, these rest while a bulk load
# pauses them (everything is rescored after it).
_ACTIVE = "coalesce((SELECT paused FROM insight_state WHERE id = 1), 0) = 0"
_TAG_TRIGGERS = {
    "contact_tags_touch_insert": ("INSERT", "new"),
    "contact_tags_touch_delete": ("DELETE", "old"),
}


def upgrade() -> None:
    # Nullable columns are added in place on SQLite: the table and its triggers stay.
    for name, kind in _CONTACT_COLUMNS:
        op.add_column("contacts", sa.Column(name, kind, nullable=True))
    op.add_column("tags", sa.Column("touch_cadence", sa.String(length=8), nullable=True))
    with op.batch_alter_table("contacts", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_contacts_birthday", ["birth_month", "birth_day"])
        batch_op.create_index("ix_contacts_touch_due_on", ["touch_due_on"])
    if op.get_bind().dialect.name == "sqlite":
        for name, (event, row) in _TAG_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON contact_tags WHEN {_ACTIVE} BEGIN "
                f"INSERT OR IGNORE INTO contact_score_queue (contact_id) "
                f"VALUES ({row}.contact_id); END"
            )
    op.execute("UPDATE insight_state SET scored_for = NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TAG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_contacts_touch_due_on", table_name="contacts")
    op.drop_index("ix_contacts_birthday", table_name="contacts")
    op.drop_column("tags", "touch_cadence")
    for name, _kind in reversed(_CONTACT_COLUMNS):
        op.drop_column("contacts", name)
