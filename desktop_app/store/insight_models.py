"""Mapped classes of the insight tables (schema revision 0002).

The tables are written by SQLite triggers (``insight_triggers``) and by the scoring
(``scores``) with plain SQL; these classes keep them on ``Base.metadata`` so that the
schema as a whole is declared in one place for Alembic.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base, _now

# Flags the caches' SQL sums and compares with 0 and 1: small integers on PostgreSQL.
FLAG = Boolean().with_variant(SmallInteger(), "postgresql")


class InsightState(Base):
    """One row: the reciprocity window the summaries hold, a pause switch for bulk writers,
    and what the cached scores were computed for (goal, settings, day)."""

    __tablename__ = "insight_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    value_since: Mapped[dt.date] = mapped_column(Date)
    paused: Mapped[bool] = mapped_column(FLAG, default=False)
    scored_for: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class ContactSummaryRecord(Base):
    """A contact's interactions summarised (see ``insights.model.ContactSummary``)."""

    __tablename__ = "contact_summaries"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    interactions: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer)
    first_on: Mapped[dt.date | None] = mapped_column(Date)
    last_on: Mapped[dt.date | None] = mapped_column(Date)
    outreach: Mapped[int] = mapped_column(Integer)
    replies: Mapped[int] = mapped_column(Integer)
    meetings: Mapped[int] = mapped_column(Integer)
    referrals: Mapped[int] = mapped_column(Integer)
    last_from_them_on: Mapped[dt.date | None] = mapped_column(Date)
    pending: Mapped[int] = mapped_column(Integer)
    pending_dates: Mapped[str] = mapped_column(Text)
    given_small: Mapped[int] = mapped_column(Integer)
    given_medium: Mapped[int] = mapped_column(Integer)
    given_large: Mapped[int] = mapped_column(Integer)
    received_small: Mapped[int] = mapped_column(Integer)
    received_medium: Mapped[int] = mapped_column(Integer)
    received_large: Mapped[int] = mapped_column(Integer)
    value_oldest_on: Mapped[dt.date | None] = mapped_column(Date)
    # Help toward the goal from them (migration 0006): in the value window by kind, and the
    # day of the last, whenever it was.
    help_referrals: Mapped[int] = mapped_column(Integer, default=0)
    help_advice: Mapped[int] = mapped_column(Integer, default=0)
    help_leads: Mapped[int] = mapped_column(Integer, default=0)
    help_last_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_contact_summaries_value_oldest_on", "value_oldest_on"),)


class MonthlyActivity(Base):
    """Interaction totals per month (``YYYY-MM``), for growth and the month's hours."""

    __tablename__ = "monthly_activity"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    interactions: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    outreach: Mapped[int] = mapped_column(Integer, default=0)
    replies: Mapped[int] = mapped_column(Integer, default=0)
    meetings: Mapped[int] = mapped_column(Integer, default=0)
    referrals: Mapped[int] = mapped_column(Integer, default=0)


class ContactScore(Base):
    """Alignment and verdict computed by the insights rules, cached for SQL sort and filter,
    with the few facts the dashboard sums, so that it reads this one narrow table."""

    __tablename__ = "contact_scores"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    alignment: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(12))
    basis: Mapped[str] = mapped_column(String(20))
    aligned: Mapped[bool] = mapped_column(FLAG, default=False)  # alignment >= the settings' mark
    given_points: Mapped[int] = mapped_column(Integer, default=0)  # in the value window
    received_points: Mapped[int] = mapped_column(Integer, default=0)
    in_touch: Mapped[bool] = mapped_column(FLAG, default=False)  # an interaction in the window
    active: Mapped[bool] = mapped_column(FLAG, default=True)  # status active or dormant
    created_month: Mapped[str] = mapped_column(String(7), default="")
    level: Mapped[str] = mapped_column(String(8), default="unknown")  # higher/peers/junior
    circle: Mapped[str] = mapped_column(String(10), default="familiar")

    __table_args__ = (
        # Covers the review's ranking (verdict, basis, active, alignment) and verdict filters.
        Index("ix_contact_scores_verdict", "verdict", "basis", "active", "alignment"),
        Index("ix_contact_scores_alignment", "alignment"),
    )


class ScoreTotals(Base):
    """Contacts counted by every combination of the cached facts, kept by triggers on
    ``contact_scores``: the dashboard reads a few hundred rows instead of 100,000."""

    __tablename__ = "score_totals"

    created_month: Mapped[str] = mapped_column(String(7), primary_key=True)
    active: Mapped[bool] = mapped_column(FLAG, primary_key=True)
    verdict: Mapped[str] = mapped_column(String(12), primary_key=True)
    basis: Mapped[str] = mapped_column(String(20), primary_key=True)
    level: Mapped[str] = mapped_column(String(8), primary_key=True)
    circle: Mapped[str] = mapped_column(String(10), primary_key=True)
    in_touch: Mapped[bool] = mapped_column(FLAG, primary_key=True)
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    aligned: Mapped[int] = mapped_column(Integer, default=0)
    given_points: Mapped[int] = mapped_column(Integer, default=0)
    received_points: Mapped[int] = mapped_column(Integer, default=0)


class ContactScoreQueue(Base):
    """Contacts whose cached score is out of date (filled by triggers on every writer)."""

    __tablename__ = "contact_score_queue"

    contact_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class DismissedFlag(Base):
    """A flag (ignoring_you, they_only_take, ...) the user dismissed for one contact."""

    __tablename__ = "dismissed_flags"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    flag: Mapped[str] = mapped_column(String(20), primary_key=True)
    dismissed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
