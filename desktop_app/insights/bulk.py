"""Alignment and verdict for many contacts at once, from compact rows.

The same rules as ``assess_contact`` (the tests check that they agree), arranged for
100,000 rows: dates stay ISO strings compared with ISO cutoffs, alignment points are
remembered per distinct industry, company, title, seniority and interests, and the
decision is remembered per distinct combination of signals. No sentences are written
here; ``assess_contact`` gives the reasons for the contacts a user looks at.

Two row layouts: ``SUMMARY_COLUMNS`` holds a contact's whole summary (for
``split_row`` → ``assess_contact``); ``SCORING_COLUMNS`` is the lean row the store reads
for every contact, with the value points and outcomes already summed by the settings'
points (``ValueCounts.points``, ``ContactSummary.outcomes``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from desktop_app.insights.alignment import AlignmentScorer
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import (
    ContactProfile,
    ContactSummary,
    Cutoffs,
    ValueCounts,
)
from desktop_app.insights.responsiveness import is_ignoring
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.verdicts import Signals, decide

PROFILE_COLUMNS = ("contact_id", "industry", "company", "title", "seniority", "shared_interests")
SUMMARY_COLUMNS = (
    *PROFILE_COLUMNS,
    "interactions",
    "minutes",
    "first_on",
    "last_on",
    "outreach",
    "replies",
    "meetings",
    "referrals",
    "last_from_them_on",
    "pending",
    "pending_dates",
    "given_small",
    "given_medium",
    "given_large",
    "received_small",
    "received_medium",
    "received_large",
)
SCORING_COLUMNS = (
    *PROFILE_COLUMNS,
    "minutes",
    "last_on",
    "outcomes",  # replies + meetings + referrals
    "last_from_them_on",
    "pending",
    "pending_dates",  # may be None when fewer than unanswered_in_a_row are pending
    "given_points",  # in the reciprocity window, by the settings' points
    "received_points",
)
Row = tuple  # a row laid out as one of the column tuples above
# (contact_id, alignment, verdict, basis, given points, received points, in touch): the last
# three feed the dashboard's sums; "in touch" = an interaction within the reciprocity window.
Scored = tuple[int, int, str, str, int, int, bool]


def score_rows(
    rows: Iterable[Row],
    goal: GoalProfile | None,
    settings: InsightSettings,
    today: dt.date,
    dismissed: Mapping[int, frozenset[str]] | None = None,
) -> list[Scored]:
    """A ``Scored`` tuple for every ``SCORING_COLUMNS`` row."""
    scorer = AlignmentScorer(goal, settings)
    points = scorer.points
    industries, companies, titles = (
        scorer.cache("industry"),
        scorer.cache("company"),
        scorer.cache("role"),
    )
    seniorities, interest_points = scorer.cache("seniority"), scorer.cache("interests")
    cutoffs = Cutoffs.at(today, settings)
    reply_before, quiet_before = cutoffs.reply_before_iso, cutoffs.quiet_before_iso
    since = cutoffs.value_since.isoformat()
    threshold, in_a_row = settings.one_sided_points, settings.unanswered_in_a_row
    no_return_minutes = settings.no_return_hours * 60
    aligned_at, partly_at = settings.aligned_at, settings.partly_aligned_at
    dismissed = dismissed or {}
    decided: dict[tuple, tuple[str, str]] = {}
    out: list[Scored] = []
    append = out.append
    for (
        contact_id,
        industry,
        company,
        title,
        seniority,
        interests,
        minutes,
        last_on,
        outcomes,
        last_from_them,
        pending,
        pending_dates,
        given,
        received,
    ) in rows:
        # Alignment: five remembered lookups (a miss computes and remembers).
        a = industries.get(industry)
        if a is None:
            a = points("industry", industry)
        b = companies.get(company)
        if b is None:
            b = points("company", company)
        c = titles.get(title)
        if c is None:
            c = points("role", title)
        d = seniorities.get(seniority)
        if d is None:
            d = points("seniority", seniority)
        e = interest_points.get(interests)
        if e is None:
            e = points("interests", interests)
        alignment = a + b + c + d + e
        key = (
            alignment,
            given >= threshold and received == 0,
            pending >= in_a_row
            and is_ignoring(
                pending_dates.split(","), last_from_them, reply_before, quiet_before, in_a_row
            ),
            received >= threshold and given == 0,
            outcomes == 0 and minutes >= no_return_minutes,
            last_on is not None and last_on < quiet_before,
        )
        flags_off = dismissed.get(contact_id)
        if flags_off:
            result = decide(Signals(*key).without(flags_off), aligned_at, partly_at)
        else:
            result = decided.get(key)
            if result is None:
                result = decided[key] = decide(Signals(*key), aligned_at, partly_at)
        in_touch = last_on is not None and last_on >= since
        append((contact_id, alignment, result[0], result[1], given, received, in_touch))
    return out


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def split_row(row: Row) -> tuple[ContactProfile, ContactSummary]:
    """A ``SUMMARY_COLUMNS`` row as the profile and summary ``assess_contact`` takes."""
    v = dict(zip(SUMMARY_COLUMNS, row, strict=True))
    profile = ContactProfile(
        contact_id=v["contact_id"],
        industry=v["industry"] or "",
        company=v["company"] or "",
        title=v["title"] or "",
        seniority=v["seniority"],
        shared_interests=v["shared_interests"] or "",
    )
    dates = (v["pending_dates"] or "").split(",")
    summary = ContactSummary(
        contact_id=v["contact_id"],
        interactions=v["interactions"],
        minutes=v["minutes"],
        first_on=_date(v["first_on"]),
        last_on=_date(v["last_on"]),
        outreach=v["outreach"],
        replies=v["replies"],
        meetings=v["meetings"],
        referrals=v["referrals"],
        last_from_them_on=_date(v["last_from_them_on"]),
        pending=tuple(dt.date.fromisoformat(d) for d in dates if d),
        given=ValueCounts(v["given_small"], v["given_medium"], v["given_large"]),
        received=ValueCounts(v["received_small"], v["received_medium"], v["received_large"]),
    )
    return profile, summary
