"""Responsiveness (replies ÷ outreach) and the *ignoring you* flag.

*Ignoring you*: at least ``unanswered_in_a_row`` (2) of my outreach in a row went
unanswered past the reply window (14 days) **and** nothing came back from them in the
silence window (90 days). "In a row" is the run of outreach sent after their last sign of
life (see ``ContactSummary``); an outreach sent 14 days ago is still within its window, 15
days ago it is past it. A last sign of life 90 days ago is within the silence window, 91
days ago it is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from desktop_app.datetext import format_day
from desktop_app.insights.model import ContactSummary, Cutoffs
from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of

# Dates or ISO date strings: both order the same way, so bulk code skips parsing.
D = TypeVar("D", dt.date, str)


@dataclass(frozen=True)
class Responsiveness:
    outreach: int
    replies: int
    rate: float | None  # replies ÷ outreach; None without outreach
    unanswered_in_a_row: int  # outreach in a row past the reply window without a reply
    last_from_them_on: dt.date | None
    ignoring_you: bool
    reasons: tuple[str, ...]


def overdue_in_a_row(pending: Sequence[D], reply_before: D) -> int:
    """How many of the pending outreach (oldest first) are past the reply window."""
    count = 0
    for sent in pending:
        if sent >= reply_before:
            break
        count += 1
    return count


def is_ignoring(
    pending: Sequence[D],
    last_from_them: D | None,
    reply_before: D,
    quiet_before: D,
    in_a_row: int,
) -> bool:
    """The *ignoring you* rule on plain dates (or ISO strings, all of one kind)."""
    if len(pending) < in_a_row:
        return False
    if last_from_them is not None and last_from_them >= quiet_before:
        return False
    return overdue_in_a_row(pending, reply_before) >= in_a_row


def assess_responsiveness(
    summary: ContactSummary, cutoffs: Cutoffs, settings: InsightSettings
) -> Responsiveness:
    outreach, replies = summary.outreach, summary.replies
    rate = replies / outreach if outreach else None
    overdue = overdue_in_a_row(summary.pending, cutoffs.reply_before)
    ignoring = is_ignoring(
        summary.pending,
        summary.last_from_them_on,
        cutoffs.reply_before,
        cutoffs.quiet_before,
        settings.unanswered_in_a_row,
    )
    reasons = []
    if rate is None:
        reasons.append("You have sent them no outreach that expected a reply.")
    else:
        reasons.append(
            f"They replied to {replies:,} of your {count_of(outreach, 'message')} that expected a "
            "reply "
            f"({rate:.0%})."
        )
    last = summary.last_from_them_on
    heard = "You have never heard back from them." if last is None else None
    if last is not None:
        days = (cutoffs.today - last).days
        heard = f"You last heard from them {count_of(days, 'day')} ago ({format_day(last)})."
    if overdue:
        reasons.append(
            f"{overdue} of your outreach in a row went unanswered for more than "
            f"{count_of(settings.reply_window_days, 'day')}. {heard}"
        )
    elif summary.pending:
        reasons.append(
            f"{count_of(len(summary.pending), 'message')} still within the "
            f"{settings.reply_window_days}-day reply window."
        )
    if ignoring:
        reasons.insert(
            0,
            f"Ignoring you: {overdue} outreach in a row unanswered past the "
            f"{settings.reply_window_days}-day reply window and nothing back in "
            f"{count_of(settings.silence_days, 'day')}.",
        )
    return Responsiveness(outreach, replies, rate, overdue, last, ignoring, tuple(reasons))
