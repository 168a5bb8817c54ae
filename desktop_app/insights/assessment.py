"""One contact, fully explained: alignment (with the help toward the goal), responsiveness,
reciprocity, return on time, time sink and the verdict, each with its reasons (the detail
pane's breakdown)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from desktop_app.datetext import format_day
from desktop_app.insights.alignment import Alignment, AlignmentScorer
from desktop_app.insights.goal_help import describe_help
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import ContactProfile, ContactSummary, Cutoffs
from desktop_app.insights.reciprocity import Reciprocity, assess_reciprocity
from desktop_app.insights.responsiveness import Responsiveness, assess_responsiveness
from desktop_app.insights.return_on_time import ReturnOnTime, contact_return
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.time_sink import TimeSink, assess_time_sink
from desktop_app.insights.verdicts import Signals, Verdict, explain_verdict
from desktop_app.wording import count_of


@dataclass(frozen=True)
class ContactInsight:
    contact: ContactProfile
    alignment: Alignment
    responsiveness: Responsiveness
    reciprocity: Reciprocity
    return_on_time: ReturnOnTime
    gone_quiet: bool
    verdict: Verdict
    time_sink: TimeSink


def is_gone_quiet(last_on: dt.date | str | None, quiet_before: dt.date | str) -> bool:
    """In touch before, but not since the silence window began (dates or ISO strings)."""
    return last_on is not None and last_on < quiet_before  # type: ignore[operator]


def assess_contact(
    contact: ContactProfile,
    summary: ContactSummary,
    goal: GoalProfile | None,
    settings: InsightSettings,
    today: dt.date,
    dismissed: Collection[str] = (),
    scorer: AlignmentScorer | None = None,
) -> ContactInsight:
    """Every insight about one contact, with reasons. ``scorer`` may be shared between calls."""
    scorer = scorer or AlignmentScorer(goal, settings)
    cutoffs = Cutoffs.at(today, settings)
    alignment = scorer.explain(contact, summary.goal_help)
    responsiveness = assess_responsiveness(summary, cutoffs, settings)
    reciprocity = assess_reciprocity(summary, settings)
    returns = contact_return(summary, settings)
    quiet = is_gone_quiet(summary.last_on, cutoffs.quiet_before)
    sink = assess_time_sink(summary, settings, today)
    signals = Signals(
        alignment.score,
        they_only_take=reciprocity.they_only_take,
        ignoring_you=responsiveness.ignoring_you,
        you_only_take=reciprocity.you_only_take,
        no_return=returns.no_return,
        gone_quiet=quiet,
        time_sink=sink.raised,
    )
    details = {
        "they_only_take": reciprocity.reasons[0],
        "you_only_take": reciprocity.reasons[0],
        "ignoring_you": responsiveness.reasons[0],
        "no_return": returns.reasons[0],
        "time_sink": sink.reason,
        "alignment": alignment.reasons[0],
    }
    if summary.last_on is not None:
        days = (today - summary.last_on).days
        details["gone_quiet"] = (
            f"Last in touch {count_of(days, 'day')} ago ({format_day(summary.last_on)}), more than "
            f"{count_of(settings.silence_days, 'day')}."
        )
    if summary.goal_help.acts:
        details["goal_help"] = (
            f"Helped toward your goal: {describe_help(summary.goal_help)} in the last "
            f"{count_of(settings.reciprocity_months, 'month')}."
        )
    mark = f"{settings.aligned_at}, the mark of an aligned contact"
    details["aligned"] = f"Alignment {alignment.score}/100 is at or above {mark}."
    details["steady"] = (
        f"No warning signs; alignment {alignment.score}/100 is below {mark}."
        if alignment.score < settings.aligned_at
        else "No warning signs."
    )
    verdict = explain_verdict(
        contact.contact_id,
        signals,
        details,
        settings.aligned_at,
        settings.partly_aligned_at,
        dismissed,
    )
    return ContactInsight(
        contact, alignment, responsiveness, reciprocity, returns, quiet, verdict, sink
    )
