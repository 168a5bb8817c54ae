"""Alignment and verdict for many contacts at once, from compact rows.

The same rules as ``assess_contact`` (the tests check that they agree), arranged for
100,000 rows: dates stay ISO strings compared with ISO cutoffs, alignment points are
remembered per distinct industry, company, title, seniority and interests, and the
decision is remembered per distinct combination of signals. No sentences are written
here; ``assess_contact`` gives the reasons for the contacts a user looks at.

Three row layouts: ``SUMMARY_COLUMNS`` holds a contact's whole summary (for
``split_row`` → ``assess_contact``); ``SCORING_COLUMNS`` is a lean row with the value
points and outcomes already summed by the settings' points (``ValueCounts.points``,
``ContactSummary.outcomes``); ``LEAN_COLUMNS``, what the store reads for every contact,
folds three more columns into the values the rules compare, and the time sink's
conditions but its hours into one (``score_rows`` turns ``SCORING_COLUMNS`` rows into
these, so both go through the one loop).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from desktop_app.insights.alignment import AlignmentScorer
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import (
    ContactProfile,
    ContactSummary,
    Cutoffs,
    GoalHelp,
    ValueCounts,
)
from desktop_app.insights.responsiveness import is_ignoring
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.time_sink import time_sink_since
from desktop_app.insights.verdicts import Signals, decide

PROFILE_COLUMNS = (
    "contact_id",
    "industry",
    "company",
    "title",
    "seniority",
    "shared_interests",
    "location",
    "can_help_with",
)
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
    "help_referrals",  # help toward the goal in the reciprocity window, by kind
    "help_advice",
    "help_leads",
    "help_last_on",  # the last help toward the goal, whenever it was
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
    "goal_help",  # acts of help toward the goal in the reciprocity window
    "help_last_on",
)
# What the store reads for every contact: the same, three columns fewer (each column of
# 100,000 rows costs the driver 10-20 ms to hand over), none of the rules in SQL.
LEAN_COLUMNS = (
    *PROFILE_COLUMNS,
    "unreturned_minutes",  # the minutes spent when there was no outcome at all, else None
    "last_on",
    # "pending dates;last_from_them_on" when unanswered_in_a_row or more are pending, else None
    "pending_run",
    "given_points",
    "received_points",
    "goal_help",
    # the minutes spent when they show up, were in touch since the time-sink window began
    # and gave nothing toward the goal in it, else None (``time_sink.sink_minutes``)
    "sink_minutes",
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
    """A ``Scored`` tuple for every ``SCORING_COLUMNS`` row (by way of ``score_lean_rows``)."""
    since = time_sink_since(today, settings).isoformat()
    return score_lean_rows(
        _lean(rows, settings.unanswered_in_a_row, since), goal, settings, today, dismissed
    )


def _lean(rows: Iterable[Row], in_a_row: int, sink_since: str) -> Iterator[Row]:
    """``SCORING_COLUMNS`` rows as ``LEAN_COLUMNS`` rows."""
    for row in rows:
        *profile, minutes, last_on, outcomes, last_from_them, pending, dates = row[:-4]
        given, received, goal_help, help_last_on = row[-4:]
        sinking = (
            outcomes > 0
            and last_on is not None
            and last_on >= sink_since
            and (help_last_on is None or help_last_on < sink_since)
        )
        yield (
            *profile,
            minutes if outcomes == 0 else None,
            last_on,
            f"{dates};{last_from_them or ''}" if pending >= in_a_row else None,
            given,
            received,
            goal_help,
            minutes if sinking else None,
        )


def score_lean_rows(
    rows: Iterable[Row],
    goal: GoalProfile | None,
    settings: InsightSettings,
    today: dt.date,
    dismissed: Mapping[int, frozenset[str]] | None = None,
) -> list[Scored]:
    """A ``Scored`` tuple for every ``LEAN_COLUMNS`` row (100,000 of them: kept tight)."""
    scorer = AlignmentScorer(goal, settings)
    points = scorer.points
    industries, companies, titles = (
        scorer.cache("industry"),
        scorer.cache("company"),
        scorer.cache("role"),
    )
    seniorities, interest_points = scorer.cache("seniority"), scorer.cache("interests")
    locations = scorer.cache("location")
    # The parts of ``goal_help``: remembered per "can help with" text; points per act.
    can_help_points: dict[str | None, int] = {}
    can_max = scorer.max_points["can_help"]
    named = scorer.can_help.named
    help_each, help_most = settings.goal_help_points, settings.goal_help_most
    with_help = goal is not None
    sink_threshold = settings.time_sink_hours * 60
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
        location,
        can_help,
        unreturned,
        last_on,
        run,
        given,
        received,
        goal_help,
        sinking,
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
        f = locations.get(location)
        if f is None:
            f = points("location", location)
        alignment = a + b + c + d + e + f
        if with_help:
            g = can_help_points.get(can_help)
            if g is None:
                g = can_help_points[can_help] = can_max if can_max and named(can_help) else 0
            if goal_help:
                g += min(help_most, goal_help * help_each)
            if g:
                alignment = min(100, alignment + g)
        if run is None:
            ignoring = False
        else:  # the few contacts with enough unanswered outreach pending
            dates, _, last_from_them = run.rpartition(";")
            ignoring = is_ignoring(
                dates.split(","), last_from_them or None, reply_before, quiet_before, in_a_row
            )
        key = (
            alignment,
            given >= threshold and received == 0,
            ignoring,
            received >= threshold and given == 0,
            unreturned is not None and unreturned >= no_return_minutes,
            last_on is not None and last_on < quiet_before,
            sinking is not None and sinking >= sink_threshold and sinking > 0,
        )
        flags_off = dismissed.get(contact_id) if dismissed else None
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
        location=v["location"] or "",
        can_help_with=v["can_help_with"] or "",
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
        goal_help=GoalHelp(v["help_referrals"], v["help_advice"], v["help_leads"]),
        goal_help_last_on=_date(v["help_last_on"]),
    )
    return profile, summary
