"""Initial schema: the whole domain, plus full-text search over contacts.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from desktop_app.store.fulltext import create_contact_search, drop_contact_search

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Case-insensitive tag names: see models.TAG_NAME.
TAG_NAME = sa.String(length=100).with_variant(sa.String(100, collation="NOCASE"), "sqlite")
TAG_NAME_INDEX = "ux_tags_name_lower"


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("hours_invested", sa.Float(), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('social', 'industry', 'alumni', 'conference', 'meetup', 'online')",
            name="kind_known",
        ),
        sa.CheckConstraint("cost_cents >= 0", name="cost_not_negative"),
        sa.CheckConstraint("hours_invested >= 0", name="hours_not_negative"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_starts_at", ["starts_at"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("goal_type", sa.String(length=20), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("target_roles", sa.JSON(), nullable=False),
        sa.Column("target_companies", sa.JSON(), nullable=False),
        sa.Column("target_industries", sa.JSON(), nullable=False),
        sa.Column("target_locations", sa.JSON(), nullable=False),
        sa.Column("target_seniority", sa.String(length=20), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("measures", sa.JSON(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "goal_type IN ('land_job', 'next_level', 'change_industry', 'grow_business', 'mentors')",
            name="goal_type_known",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version"),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(
            "ux_goals_one_active",
            ["is_active"],
            unique=True,
            sqlite_where=sa.text("is_active = 1"),
            postgresql_where=sa.text("is_active"),
        )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", TAG_NAME, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    if op.get_bind().dialect.name != "sqlite":
        op.create_index(TAG_NAME_INDEX, "tags", [sa.text("lower(name)")], unique=True)
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("middle_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("full_name", sa.String(length=600), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("industry", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("linkedin_url", sa.String(length=500), nullable=False),
        sa.Column("seniority", sa.String(length=20), nullable=True),
        sa.Column("circle", sa.String(length=10), nullable=False),
        sa.Column("how_met", sa.Text(), nullable=False),
        sa.Column("met_at_event_id", sa.Integer(), nullable=True),
        sa.Column("shared_interests", sa.Text(), nullable=False),
        sa.Column("can_help_with", sa.Text(), nullable=False),
        sa.Column("i_can_offer", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_interaction_on", sa.Date(), nullable=True),
        sa.Column("next_followup_on", sa.Date(), nullable=True),
        sa.CheckConstraint("circle IN ('familiar', 'new')", name="circle_known"),
        sa.CheckConstraint(
            "seniority IS NULL OR seniority IN ('junior', 'peer', 'senior', 'executive')",
            name="seniority_known",
        ),
        sa.CheckConstraint(
            "status IN ('active', 'dormant', 'moved_on', 'archived')", name="status_known"
        ),
        sa.ForeignKeyConstraint(["met_at_event_id"], ["events.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_company", ["company"], unique=False)
        batch_op.create_index("ix_contacts_full_name", ["full_name"], unique=False)
        batch_op.create_index(
            "ix_contacts_last_interaction_on", ["last_interaction_on"], unique=False
        )
        batch_op.create_index("ix_contacts_linkedin_url", ["linkedin_url"], unique=False)
        batch_op.create_index("ix_contacts_next_followup_on", ["next_followup_on"], unique=False)
        batch_op.create_index("ix_contacts_status", ["status"], unique=False)

    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.CheckConstraint("kind IN ('alumni', 'industry', 'professional')", name="org_kind_known"),
        sa.CheckConstraint("status IN ('joined', 'to_join')", name="org_status_known"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index("ix_organisations_goal_id", ["goal_id"], unique=False)

    op.create_table(
        "pitches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version"),
    )
    with op.batch_alter_table("pitches", schema=None) as batch_op:
        batch_op.create_index("ix_pitches_goal_id", ["goal_id"], unique=False)

    op.create_table(
        "contact_emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_emails", schema=None) as batch_op:
        batch_op.create_index("ix_contact_emails_contact_id", ["contact_id"], unique=False)

    op.create_table(
        "contact_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_phones", schema=None) as batch_op:
        batch_op.create_index("ix_contact_phones_contact_id", ["contact_id"], unique=False)

    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "tag_id"),
    )
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.create_index("ix_contact_tags_tag_id", ["tag_id"], unique=False)

    op.create_table(
        "event_attendees",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.CheckConstraint("role IN ('planned', 'met')", name="role_known"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "contact_id"),
    )
    with op.batch_alter_table("event_attendees", schema=None) as batch_op:
        batch_op.create_index("ix_event_attendees_contact_id", ["contact_id"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("initiated_by", sa.String(length=4), nullable=False),
        sa.Column("reply_status", sa.String(length=10), nullable=False),
        sa.Column("help_given", sa.String(length=6), nullable=False),
        sa.Column("help_received", sa.String(length=6), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("followup_due", sa.Date(), nullable=True),
        sa.Column("followup_done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "help_given IN ('none', 'small', 'medium', 'large')", name="given_known"
        ),
        sa.CheckConstraint(
            "help_received IN ('none', 'small', 'medium', 'large')", name="received_known"
        ),
        sa.CheckConstraint("initiated_by IN ('me', 'them')", name="initiator_known"),
        sa.CheckConstraint(
            "kind IN ('outreach', 'email', 'call', 'meeting', 'coffee', 'event_conversation', 'introduction', 'referral', 'advice')",
            name="kind_known",
        ),
        sa.CheckConstraint(
            "reply_status IN ('none', 'awaiting', 'replied', 'unanswered')", name="reply_known"
        ),
        sa.CheckConstraint("minutes >= 0", name="minutes_not_negative"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interactions_contact_date", ["contact_id", "occurred_on"], unique=False
        )
        batch_op.create_index("ix_interactions_event_id", ["event_id"], unique=False)
        batch_op.create_index(
            "ix_interactions_open_followups",
            ["followup_due"],
            unique=False,
            sqlite_where=sa.text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
            postgresql_where=sa.text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
        )

    op.create_index(
        "ix_contact_emails_address_lower", "contact_emails", [sa.text("lower(address)")]
    )
    create_contact_search(op.get_bind())


def downgrade() -> None:
    drop_contact_search(op.get_bind())
    op.drop_index("ix_contact_emails_address_lower", table_name="contact_emails")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_interactions_open_followups",
            sqlite_where=sa.text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
            postgresql_where=sa.text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
        )
        batch_op.drop_index("ix_interactions_event_id")
        batch_op.drop_index("ix_interactions_contact_date")

    op.drop_table("interactions")
    with op.batch_alter_table("event_attendees", schema=None) as batch_op:
        batch_op.drop_index("ix_event_attendees_contact_id")

    op.drop_table("event_attendees")
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_tags_tag_id")

    op.drop_table("contact_tags")
    with op.batch_alter_table("contact_phones", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_phones_contact_id")

    op.drop_table("contact_phones")
    with op.batch_alter_table("contact_emails", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_emails_contact_id")

    op.drop_table("contact_emails")
    with op.batch_alter_table("pitches", schema=None) as batch_op:
        batch_op.drop_index("ix_pitches_goal_id")

    op.drop_table("pitches")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index("ix_organisations_goal_id")

    op.drop_table("organisations")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_status")
        batch_op.drop_index("ix_contacts_next_followup_on")
        batch_op.drop_index("ix_contacts_linkedin_url")
        batch_op.drop_index("ix_contacts_last_interaction_on")
        batch_op.drop_index("ix_contacts_full_name")
        batch_op.drop_index("ix_contacts_company")

    op.drop_table("contacts")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_index(TAG_NAME_INDEX, table_name="tags")
    op.drop_table("tags")
    op.drop_table("settings")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_goals_one_active",
            sqlite_where=sa.text("is_active = 1"),
            postgresql_where=sa.text("is_active"),
        )

    op.drop_table("goals")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_starts_at")

    op.drop_table("events")
