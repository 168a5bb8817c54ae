"""SQLAlchemy 2.0 mapped classes for the whole NetWise domain.

Columns hold plain values; lists that are only ever read whole (target roles, pitch parts)
are JSON, never pickles. Denormalised columns on ``contacts`` (``last_interaction_on``,
``next_followup_on``) are kept up to date by the store's write functions so that the
contacts table sorts on them in SQL at 100,000 rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop_app.store.vocab import (
    ATTENDANCE_ROLES,
    CIRCLES,
    CONTACT_STATUSES,
    EVENT_KINDS,
    GOAL_TYPES,
    HELP_VALUES,
    INITIATORS,
    INTERACTION_KINDS,
    ORGANISATION_KINDS,
    ORGANISATION_STATUSES,
    REPLY_STATUSES,
    SENIORITIES,
    SENIORITY_RANK_SQL,
    check_constraint_sql,
)

_NAME_NOCASE = text("full_name COLLATE NOCASE")
# Tag names are unique whatever their case. SQLite compares the column with its NOCASE
# collation (ASCII letters). PostgreSQL has no NOCASE: there a unique index on lower(name)
# does it (a nondeterministic ICU collation would too, but PostgreSQL 15 refuses LIKE on
# such a column, and needs ICU in the server); the store compares lower(name) on both.
TAG_NAME = String(100).with_variant(String(100, collation="NOCASE"), "sqlite")
TAG_NAME_INDEX = "ux_tags_name_lower"
# Unique among imported rows only: rows entered by hand have no source key.
_KEYED_ONLY: dict[str, Any] = {
    "sqlite_where": text("source_key IS NOT NULL"),
    "postgresql_where": text("source_key IS NOT NULL"),
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200), default="")
    middle_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    # "First Middle Last", kept by the store so sorting and display need no concatenation.
    full_name: Mapped[str] = mapped_column(String(600))
    title: Mapped[str] = mapped_column(String(300), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    industry: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    seniority: Mapped[str | None] = mapped_column(String(20))
    circle: Mapped[str] = mapped_column(String(10), default="familiar")
    how_met: Mapped[str] = mapped_column(Text, default="")
    met_at_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL")
    )
    shared_interests: Mapped[str] = mapped_column(Text, default="")
    can_help_with: Mapped[str] = mapped_column(Text, default="")
    i_can_offer: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    last_interaction_on: Mapped[dt.date | None] = mapped_column(Date)
    next_followup_on: Mapped[dt.date | None] = mapped_column(Date)
    # Tag names joined in name order (NULL when none), kept by triggers (store/tag_text.py).
    tags_text: Mapped[str | None] = mapped_column(Text)
    # Keep in touch (migration 0005): own cadence code, snooze and birthday, all optional.
    touch_cadence: Mapped[str | None] = mapped_column(String(8))
    touch_snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    # The day they fall due (NULL: never), kept by store/keep_in_touch.py.
    touch_due_on: Mapped[dt.date | None] = mapped_column(Date)
    birth_month: Mapped[int | None] = mapped_column(SmallInteger)
    birth_day: Mapped[int | None] = mapped_column(SmallInteger)
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    # Moved on by every write of what a user edits: a save based on an older one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(secondary="contact_tags", back_populates="contacts")

    __table_args__ = (
        CheckConstraint(
            f"seniority IS NULL OR {check_constraint_sql('seniority', SENIORITIES)}",
            name="seniority_known",
        ),
        CheckConstraint(check_constraint_sql("circle", CIRCLES), name="circle_known"),
        CheckConstraint(check_constraint_sql("status", CONTACT_STATUSES), name="status_known"),
        Index("ix_contacts_full_name", "full_name"),
        Index("ix_contacts_company", "company"),
        Index("ix_contacts_status", "status"),
        Index("ix_contacts_last_interaction_on", "last_interaction_on"),
        Index("ix_contacts_next_followup_on", "next_followup_on"),
        Index("ix_contacts_linkedin_url", "linkedin_url"),
        # Sort indexes of the contacts table (migration 0002): one index scan per sort.
        Index("ix_contacts_name_sort", text("full_name COLLATE NOCASE")),
        Index("ix_contacts_title_sort", text("title COLLATE NOCASE"), _NAME_NOCASE),
        Index("ix_contacts_company_sort", text("company COLLATE NOCASE"), _NAME_NOCASE),
        Index("ix_contacts_industry_sort", text("industry COLLATE NOCASE"), _NAME_NOCASE),
        Index("ix_contacts_seniority_sort", text(SENIORITY_RANK_SQL), _NAME_NOCASE),
        Index("ix_contacts_circle_sort", "circle", _NAME_NOCASE),
        Index("ix_contacts_tags_sort", text("tags_text COLLATE NOCASE"), _NAME_NOCASE),
        Index("ix_contacts_birthday", "birth_month", "birth_day"),
        # The overdue list reads only this index (migration 0008): the due day first, then
        # what the list filters and orders on.
        Index(
            "ix_contacts_touch_due",
            "touch_due_on",
            "status",
            "touch_snoozed_until",
            "last_interaction_on",
            "created_at",
        ),
    )


class ContactEmail(Base):
    __tablename__ = "contact_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(320))
    label: Mapped[str] = mapped_column(String(40), default="")
    contact: Mapped[Contact] = relationship(back_populates="emails")

    __table_args__ = (
        Index("ix_contact_emails_contact_id", "contact_id"),
        Index("ix_contact_emails_address_lower", func.lower(text("address"))),
    )


class ContactPhone(Base):
    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(40), default="")
    contact: Mapped[Contact] = relationship(back_populates="phones")

    __table_args__ = (Index("ix_contact_phones_contact_id", "contact_id"),)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(TAG_NAME, unique=True)
    touch_cadence: Mapped[str | None] = mapped_column(String(8))
    contacts: Mapped[list[Contact]] = relationship(secondary="contact_tags", back_populates="tags")


class ContactTag(Base):
    __tablename__ = "contact_tags"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_contact_tags_tag_id", "tag_id"),)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="social")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    hours_invested: Mapped[float] = mapped_column(Float, default=0.0)
    # Money in minor units (cents) of the user's currency: exact sums, no float drift.
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # The calendar entry it was imported from (migration 0004); NULL when entered by hand.
    source_key: Mapped[str | None] = mapped_column(String(80))
    # Moved on by every edit: a save based on an older one is refused (migration 0007).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __table_args__ = (
        CheckConstraint(check_constraint_sql("kind", EVENT_KINDS), name="kind_known"),
        CheckConstraint("hours_invested >= 0", name="hours_not_negative"),
        CheckConstraint("cost_cents >= 0", name="cost_not_negative"),
        Index("ix_events_starts_at", "starts_at"),
        Index("ux_events_source_key", "source_key", unique=True, **_KEYED_ONLY),
    )


class EventAttendee(Base):
    __tablename__ = "event_attendees"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(10), default="met")

    __table_args__ = (
        CheckConstraint(check_constraint_sql("role", ATTENDANCE_ROLES), name="role_known"),
        Index("ix_event_attendees_contact_id", "contact_id"),
    )


class Interaction(Base):
    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    initiated_by: Mapped[str] = mapped_column(String(4), default="me")
    reply_status: Mapped[str] = mapped_column(String(10), default="none")
    help_given: Mapped[str] = mapped_column(String(6), default="none")
    help_received: Mapped[str] = mapped_column(String(6), default="none")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    followup_due: Mapped[dt.date | None] = mapped_column(Date)
    followup_done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # The messages or meeting it was imported from (migration 0004); NULL when logged by hand.
    source_key: Mapped[str | None] = mapped_column(String(80))

    __table_args__ = (
        CheckConstraint(check_constraint_sql("kind", INTERACTION_KINDS), name="kind_known"),
        CheckConstraint(check_constraint_sql("initiated_by", INITIATORS), name="initiator_known"),
        CheckConstraint(check_constraint_sql("reply_status", REPLY_STATUSES), name="reply_known"),
        CheckConstraint(check_constraint_sql("help_given", HELP_VALUES), name="given_known"),
        CheckConstraint(check_constraint_sql("help_received", HELP_VALUES), name="received_known"),
        CheckConstraint("minutes >= 0", name="minutes_not_negative"),
        Index("ix_interactions_contact_date", "contact_id", "occurred_on"),
        Index("ix_interactions_event_id", "event_id"),
        Index("ux_interactions_source_key", "source_key", unique=True, **_KEYED_ONLY),
        Index(
            "ix_interactions_open_followups",
            "followup_due",
            sqlite_where=text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
            postgresql_where=text("followup_due IS NOT NULL AND followup_done_at IS NULL"),
        ),
    )


class Goal(Base):
    """One version of the goal profile; editing adds a row, exactly one is active."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    is_active: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    goal_type: Mapped[str] = mapped_column(String(20))
    statement: Mapped[str] = mapped_column(Text, default="")
    target_roles: Mapped[list[Any]] = mapped_column(default=list)
    target_companies: Mapped[list[Any]] = mapped_column(default=list)
    target_industries: Mapped[list[Any]] = mapped_column(default=list)
    target_locations: Mapped[list[Any]] = mapped_column(default=list)
    target_seniority: Mapped[str | None] = mapped_column(String(20))
    weekly_hours: Mapped[float] = mapped_column(Float, default=0.0)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    # [{"name": "informational meetings per month", "target": 4}, ...]
    measures: Mapped[list[Any]] = mapped_column(default=list)
    # {"headline": {"done": true, "note": "..."}, ...}
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)

    organisations: Mapped[list[Organisation]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint(check_constraint_sql("goal_type", GOAL_TYPES), name="goal_type_known"),
        # At most one active goal.
        Index(
            "ux_goals_one_active",
            "is_active",
            unique=True,
            sqlite_where=text("is_active = 1"),
            postgresql_where=text("is_active"),
        ),
    )


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="professional")
    status: Mapped[str] = mapped_column(String(10), default="to_join")
    goal: Mapped[Goal] = relationship(back_populates="organisations")

    __table_args__ = (
        CheckConstraint(check_constraint_sql("kind", ORGANISATION_KINDS), name="org_kind_known"),
        CheckConstraint(
            check_constraint_sql("status", ORGANISATION_STATUSES), name="org_status_known"
        ),
        Index("ix_organisations_goal_id", "goal_id"),
    )


class Pitch(Base):
    """One version of the elevator pitch, tied to the goal version it was written for."""

    __tablename__ = "pitches"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # {"who": ..., "offer": ..., "look_for": ..., "why": ..., "ask": ...}
    parts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    text: Mapped[str] = mapped_column(Text, default="")
    # {"thirty_seconds": ..., "headline": ..., "summary": ...}
    variants: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_pitches_goal_id", "goal_id"),)


class Setting(Base):
    """Domain settings (thresholds and defaults) as JSON values by key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
