"""Every figure of the dashboard, summed in SQL from the maintained aggregates.

A few queries, none over the contacts, interactions or scores tables as a whole: the
score totals and the monthly totals (both kept by triggers, a few hundred rows), the
events with their attendees, and the review. The pure
functions of ``desktop_app.insights`` turn the sums into figures with reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop_app.insights.figures import Figure, Totals, dashboard_figures
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.growth import MeasureGrowth, MonthFigures, measure_growth
from desktop_app.insights.mix import MixCounts, NetworkMix, assess_mix
from desktop_app.insights.model import month_key, recent_months
from desktop_app.insights.return_on_time import (
    EventFigures,
    EventReturn,
    KindReturn,
    event_return,
    returns_by_kind,
)
from desktop_app.insights.review import ReviewGroup
from desktop_app.store.database import Database
from desktop_app.store.dialect_sql import month_of
from desktop_app.store.insight_reads import read_review
from desktop_app.store.keep_in_touch import count_overdue
from desktop_app.store.scores import InsightInputs, ensure_insights_current, read_inputs


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    goal: GoalProfile | None
    goal_set_on: dt.date | None
    figures: tuple[Figure, ...]
    mix: NetworkMix
    growth: tuple[MeasureGrowth, ...]
    months: tuple[MonthFigures, ...]  # the last ``growth_months`` months, oldest first
    events_by_kind: tuple[KindReturn, ...]
    verdict_counts: dict[str, int]  # active and dormant contacts by verdict
    basis_counts: dict[str, int]  # ... and by the rule that decided it
    review: tuple[ReviewGroup, ...]
    # Who is due or overdue to keep in touch with, and how many of them are aligned.
    overdue: int = 0
    overdue_aligned: int = 0


# The review on the dashboard shows the first of each group; the rest are read on demand.
REVIEW_FIRST = 200


def _totals(connection: Connection) -> list[tuple]:
    """The score totals the triggers keep: a few hundred rows, whatever the network size,
    in the order of their keys (sorted here: the same on every database and collation)."""
    rows = connection.execute(
        text(
            "SELECT created_month, active, verdict, basis, level, circle, in_touch, contacts, "
            "aligned, given_points, received_points FROM score_totals"
        )
    )
    return sorted(tuple(row) for row in rows)


_EVENTS = """
SELECT e.id, e.name, e.kind, e.starts_at, e.hours_invested, e.cost_cents,
    coalesce(a.met, 0), coalesce(a.aligned, 0), coalesce(x.replies, 0),
    coalesce(x.meetings, 0), coalesce(x.referrals, 0)
FROM events e
LEFT JOIN (SELECT ea.event_id, count(*) AS met,
        sum(CASE WHEN sc.alignment >= :aligned THEN 1 ELSE 0 END) AS aligned
    FROM event_attendees ea {scan} LEFT JOIN contact_scores sc ON sc.contact_id = ea.contact_id
    WHERE ea.role = 'met' GROUP BY ea.event_id) a ON a.event_id = e.id
LEFT JOIN (SELECT i.event_id,
        sum(CASE WHEN i.initiated_by = 'me' AND i.reply_status = 'replied' THEN 1 ELSE 0 END)
            AS replies,
        sum(CASE WHEN i.kind IN ('call', 'meeting', 'coffee') THEN 1 ELSE 0 END) AS meetings,
        sum(CASE WHEN i.kind IN ('referral', 'introduction') THEN 1 ELSE 0 END) AS referrals
    FROM interactions i WHERE i.event_id IS NOT NULL GROUP BY i.event_id) x
    ON x.event_id = e.id
WHERE e.starts_at < :tomorrow"""


def _event_parameters(inputs: InsightInputs) -> dict[str, object]:
    return {
        "aligned": inputs.settings.aligned_at,
        "tomorrow": (inputs.today + dt.timedelta(days=1)).isoformat(),
    }


def _events_sql(connection: Connection) -> str:
    # Reading every attendee: a plain scan beats walking the primary key index (which does
    # not hold the role) and fetching each row from the table.
    scan = "NOT INDEXED" if connection.dialect.name == "sqlite" else ""
    return _EVENTS.format(scan=scan)


def read_event_returns(connection: Connection, inputs: InsightInputs) -> list[EventReturn]:
    """Return on time of every event that has started, with the aligned people met there."""
    rows = connection.execute(text(_events_sql(connection)), _event_parameters(inputs)).all()
    return [
        event_return(
            EventFigures(
                row[0],
                row[1],
                row[2],
                dt.date.fromisoformat(str(row[3])[:10]),
                float(row[4]),
                int(row[5]),
                *(int(v) for v in row[6:]),
            )
        )
        for row in rows
    ]


def _events_by_kind_and_month(connection: Connection, inputs: InsightInputs) -> list[tuple]:
    """(kind, month, events, hours, cost, outcomes): events summed in SQL for the charts."""
    events = _events_sql(connection)
    return connection.execute(
        text(
            f"""SELECT kind, {month_of(connection.dialect.name, "starts_at")}, count(*),
                sum(hours_invested),
                sum(cost_cents), sum(aligned + replies + meetings + referrals)
            FROM (SELECT e.kind AS kind, e.starts_at AS starts_at,
                    e.hours_invested AS hours_invested, e.cost_cents AS cost_cents,
                    coalesce(a.aligned, 0) AS aligned, coalesce(x.replies, 0) AS replies,
                    coalesce(x.meetings, 0) AS meetings, coalesce(x.referrals, 0) AS referrals
                  {events[events.index("FROM events e") :]}) AS per_event
            GROUP BY 1, 2"""
        ),
        _event_parameters(inputs),
    ).all()


def read_dashboard(
    connection: Connection, inputs: InsightInputs, review_first: int | None = REVIEW_FIRST
) -> Dashboard:
    """Every figure, the growth of each measure, the mix, events by kind and the review
    (its first ``review_first`` contacts of each group; ``read_review_entries`` pages on)."""
    settings, today = inputs.settings, inputs.today
    since_month = month_key(inputs.value_since)
    this_month = month_key(today)

    new_contacts: Counter[str] = Counter()
    new_aligned: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    bases: Counter[str] = Counter()
    mix_counts: Counter[str] = Counter()
    active = aligned_active = given = received = 0
    for (
        month,
        is_active,
        verdict,
        basis,
        level,
        circle,
        in_touch,
        count,
        aligned,
        gave,
        got,
    ) in _totals(connection):
        new_contacts[month] += count
        new_aligned[month] += aligned
        given += gave
        received += got
        if in_touch:
            mix_counts[level] += count
            mix_counts["new" if circle == "new" else "familiar"] += count
        if is_active:
            active += count
            aligned_active += aligned
            verdicts[verdict] += count
            bases[basis] += count
    mix = assess_mix(MixCounts(**mix_counts), settings, settings.reciprocity_months)

    monthly = {
        row[0]: row[1:]
        for row in connection.execute(
            text(
                "SELECT month, minutes, outreach, replies, meetings, referrals "
                "FROM monthly_activity"
            )
        )
    }
    kind_rows = _events_by_kind_and_month(connection, inputs)
    event_hours: Counter[str] = Counter()
    event_count: Counter[str] = Counter()
    for _kind, month, count, hours, _cost, _outcomes in kind_rows:
        event_hours[month] += hours
        event_count[month] += count

    def figures_of(month: str) -> MonthFigures:
        minutes, outreach, replies, meetings, referrals = monthly.get(month, (0, 0, 0, 0, 0))
        return MonthFigures(
            month,
            meetings=meetings,
            referrals=referrals,
            replies=replies,
            outreach=outreach,
            minutes=minutes,
            event_hours=event_hours[month],
            events=event_count[month],
            new_contacts=new_contacts[month],
            new_aligned_contacts=new_aligned[month],
        )

    goal = inputs.goal
    first = min(since_month, month_key(inputs.goal_set_on) if inputs.goal_set_on else since_month)
    known = set(monthly) | set(new_contacts) | set(event_hours)
    span = {m for m in known if first <= m <= this_month}
    shown = recent_months(today, settings.growth_months)
    all_months = tuple(figures_of(m) for m in sorted(span | set(shown)))
    in_window = set(recent_months(today, settings.reciprocity_months))
    window = [m for m in all_months if m.month in in_window]
    current = figures_of(this_month)
    totals = Totals(
        months=settings.reciprocity_months,
        active_contacts=active,
        aligned_contacts=aligned_active,
        outreach=sum(m.outreach for m in window),
        replies=sum(m.replies for m in window),
        given_points=given,
        received_points=received,
        outcomes=sum(m.replies + m.meetings + m.referrals + m.new_aligned_contacts for m in window),
        minutes=sum(m.minutes for m in window),
        event_hours=sum(m.event_hours for m in window),
        minutes_this_month=current.minutes,
        event_hours_this_month=current.event_hours,
    )
    overdue, overdue_aligned = count_overdue(connection, today)
    return Dashboard(
        today=today,
        goal=goal,
        goal_set_on=inputs.goal_set_on,
        figures=dashboard_figures(totals, mix, goal, settings, today),
        mix=mix,
        growth=(
            measure_growth(goal, all_months, today, settings.growth_months, inputs.goal_set_on)
            if goal
            else ()
        ),
        months=tuple(m for m in all_months if m.month in shown),
        events_by_kind=returns_by_kind((k, n, h, c, o) for k, _m, n, h, c, o in kind_rows),
        verdict_counts={v: n for v, n in verdicts.items() if n},
        basis_counts={b: n for b, n in bases.items() if n},
        review=read_review(connection, inputs, first=review_first),
        overdue=overdue,
        overdue_aligned=overdue_aligned,
    )


def load_dashboard(
    db: Database, today: dt.date | None = None, review_first: int | None = REVIEW_FIRST
) -> Dashboard:
    """Bring the scores up to date, then read the whole dashboard (any thread)."""
    ensure_insights_current(db, today)
    with db.engine.connect() as connection:
        return read_dashboard(connection, read_inputs(connection, today), review_first)
