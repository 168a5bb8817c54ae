"""The overdue list read from one index: the due day's index also carries what the list
filters and orders on (status, snooze, last touch, day added), so a list of tens of
thousands of overdue contacts no longer fetches each contact's whole row.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = "touch_due_on, status, touch_snoozed_until, last_interaction_on, created_at"


def upgrade() -> None:
    # IF EXISTS / IF NOT EXISTS: a database whose version row was lost is matched to the
    # newest revision of its tables and columns, which this one leaves unchanged, so it
    # may already have the new index.
    op.execute("DROP INDEX IF EXISTS ix_contacts_touch_due_on")
    op.execute(f"CREATE INDEX IF NOT EXISTS ix_contacts_touch_due ON contacts ({COLUMNS})")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_contacts_touch_due")
    op.execute("CREATE INDEX IF NOT EXISTS ix_contacts_touch_due_on ON contacts (touch_due_on)")
