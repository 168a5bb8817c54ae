"""Every figure of the dashboard, summed in SQL from the maintained aggregates.

A few queries, none over the contacts or interactions tables as a whole: the cached
scores with the facts kept beside them (one narrow table, one pass), the monthly totals,
the events with their attendees, and the review. The pure
functions of ``desktop_app.insights`` turn the sums into figures with reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop_app.insights.figures import Figure, Totals, dashboard_figures
from desktop_app.insights.growth import MeasureGrowth, MonthFigures, measure_growth
from desktop_app.insights.mix import MixCounts, NetworkMix, assess_mix
from desktop_app.insights.model import GoalProfile, month_key, recent_months
from desktop_app.insights.return_on_time import (
    EventFigures,
    EventReturn,
    KindReturn,
    event_return,
    returns_by_kind,
)
from desktop_app.insights.review import ReviewGroup
from desktop_app.insights.verdicts import BASES, BASIS_VERDICT, GIVE_FIRST, MOVE_ON
from desktop_app.store.database import Database
from desktop_app.store.insight_reads import read_review
from desktop_app.store.scores import InsightInputs, ensure_insights_current, read_inputs


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    goal: GoalProfile | None
    figures: tuple[Figure, ...]
    mix: NetworkMix
    growth: tuple[MeasureGrowth, ...]
    months: tuple[MonthFigures, ...]  # the last ``growth_months`` months, oldest first
    events_by_kind: tuple[KindReturn, ...]
    verdict_counts: dict[str, int]  # active and dormant contacts by verdict
    basis_counts: dict[str, int]  # ... and by the rule that decided it
    review: tuple[ReviewGroup, ...]


_LEVELS = ("higher", "peers", "junior", "unknown")


def _facts(connection: Connection, inputs: InsightInputs) -> dict[str, int]:
    """Counts and sums over the cached scores in one pass of a narrow table.

    Conditional sums rather than GROUP BY: grouping 100,000 rows on several text columns
    sorts them all, which costs more than the pass itself.
    """
    sums = {
        "contacts": "count(*)",
        "active": "sum(active)",
        "aligned_active": "sum(active AND alignment >= :aligned)",
        "given": "sum(given_points)",
        "received": "sum(received_points)",
        "in_touch": "sum(in_touch)",
        "in_touch_new": "sum(in_touch AND circle = 'new')",
    }
    for basis in BASES:
        sums[f"basis:{basis}"] = f"sum(active AND basis = '{basis}')"
    for verdict in (GIVE_FIRST, MOVE_ON):  # the two verdicts one basis can give
        sums[f"ignoring:{verdict}"] = (
            f"sum(active AND basis = 'ignoring_you' AND verdict = '{verdict}')"
        )
    for level in _LEVELS:
        sums[f"level:{level}"] = f"sum(in_touch AND level = '{level}')"
    row = connection.execute(
        text(f"SELECT {', '.join(sums.values())} FROM contact_scores"),
        {"aligned": inputs.settings.aligned_at},
    ).one()
    return {key: int(value or 0) for key, value in zip(sums, row, strict=True)}


def _contacts_added(connection: Connection, inputs: InsightInputs) -> list[tuple[str, int, int]]:
    """(month, contacts added, of them aligned), through the (created_month, alignment)
    index: no sort, no table read."""
    return connection.execute(
        text(
            "SELECT created_month, count(*), sum(alignment >= :aligned) FROM contact_scores "
            "GROUP BY created_month"
        ),
        {"aligned": inputs.settings.aligned_at},
    ).all()


_EVENTS = """
SELECT e.id, e.name, e.kind, e.starts_at, e.hours_invested, e.cost_cents,
    coalesce(a.met, 0), coalesce(a.aligned, 0), coalesce(x.replies, 0),
    coalesce(x.meetings, 0), coalesce(x.referrals, 0)
FROM events e
LEFT JOIN (SELECT ea.event_id, count(*) AS met, sum(sc.alignment >= :aligned) AS aligned
    FROM event_attendees ea LEFT JOIN contact_scores sc ON sc.contact_id = ea.contact_id
    WHERE ea.role = 'met' GROUP BY ea.event_id) a ON a.event_id = e.id
LEFT JOIN (SELECT i.event_id,
        sum(i.initiated_by = 'me' AND i.reply_status = 'replied') AS replies,
        sum(i.kind IN ('call', 'meeting', 'coffee')) AS meetings,
        sum(i.kind IN ('referral', 'introduction')) AS referrals
    FROM interactions i WHERE i.event_id IS NOT NULL GROUP BY i.event_id) x
    ON x.event_id = e.id
WHERE e.starts_at < :tomorrow"""


def _event_parameters(inputs: InsightInputs) -> dict[str, object]:
    return {
        "aligned": inputs.settings.aligned_at,
        "tomorrow": (inputs.today + dt.timedelta(days=1)).isoformat(),
    }


def read_event_returns(connection: Connection, inputs: InsightInputs) -> list[EventReturn]:
    """Return on time of every event that has started, with the aligned people met there."""
    rows = connection.execute(text(_EVENTS), _event_parameters(inputs)).all()
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
    return connection.execute(
        text(
            f"""SELECT kind, substr(starts_at, 1, 7), count(*), sum(hours_invested),
                sum(cost_cents), sum(aligned + replies + meetings + referrals)
            FROM (SELECT e.kind AS kind, e.starts_at AS starts_at,
                    e.hours_invested AS hours_invested, e.cost_cents AS cost_cents,
                    coalesce(a.aligned, 0) AS aligned, coalesce(x.replies, 0) AS replies,
                    coalesce(x.meetings, 0) AS meetings, coalesce(x.referrals, 0) AS referrals
                  {_EVENTS[_EVENTS.index("FROM events e") :]})
            GROUP BY 1, 2"""
        ),
        _event_parameters(inputs),
    ).all()


def read_dashboard(connection: Connection, inputs: InsightInputs) -> Dashboard:
    """Every figure, the growth of each measure, the mix, events by kind and the review."""
    settings, today = inputs.settings, inputs.today
    since_month = month_key(inputs.value_since)
    this_month = month_key(today)

    facts = _facts(connection, inputs)
    new_contacts: Counter[str] = Counter()
    new_aligned: Counter[str] = Counter()
    for month, count, aligned in _contacts_added(connection, inputs):
        new_contacts[month] += count
        new_aligned[month] += aligned or 0
    bases = {basis: facts[f"basis:{basis}"] for basis in BASES}
    verdicts: Counter[str] = Counter()
    for basis, count in bases.items():
        if basis != "ignoring_you":
            verdicts[BASIS_VERDICT[basis]] += count
    for verdict in (GIVE_FIRST, MOVE_ON):
        verdicts[verdict] += facts[f"ignoring:{verdict}"]
    mix_counts = {level: facts[f"level:{level}"] for level in _LEVELS}
    mix_counts["new"] = facts["in_touch_new"]
    mix_counts["familiar"] = facts["in_touch"] - facts["in_touch_new"]
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
    first = min(
        since_month, month_key(goal.created_on) if goal and goal.created_on else since_month
    )
    known = set(monthly) | set(new_contacts) | set(event_hours)
    span = {m for m in known if first <= m <= this_month}
    shown = recent_months(today, settings.growth_months)
    all_months = tuple(figures_of(m) for m in sorted(span | set(shown)))
    in_window = set(recent_months(today, settings.reciprocity_months))
    window = [m for m in all_months if m.month in in_window]
    current = figures_of(this_month)
    totals = Totals(
        months=settings.reciprocity_months,
        active_contacts=facts["active"],
        aligned_contacts=facts["aligned_active"],
        outreach=sum(m.outreach for m in window),
        replies=sum(m.replies for m in window),
        given_points=facts["given"],
        received_points=facts["received"],
        outcomes=sum(m.replies + m.meetings + m.referrals + m.new_aligned_contacts for m in window),
        minutes=sum(m.minutes for m in window),
        event_hours=sum(m.event_hours for m in window),
        minutes_this_month=current.minutes,
        event_hours_this_month=current.event_hours,
    )
    return Dashboard(
        today=today,
        goal=goal,
        figures=dashboard_figures(totals, mix, goal, settings, today),
        mix=mix,
        growth=measure_growth(goal, all_months, today, settings.growth_months) if goal else (),
        months=tuple(m for m in all_months if m.month in shown),
        events_by_kind=returns_by_kind((k, n, h, c, o) for k, _m, n, h, c, o in kind_rows),
        verdict_counts={v: n for v, n in verdicts.items() if n},
        basis_counts={b: n for b, n in bases.items() if n},
        review=read_review(connection, inputs),
    )


def load_dashboard(db: Database, today: dt.date | None = None) -> Dashboard:
    """Bring the scores up to date, then read the whole dashboard (any thread)."""
    ensure_insights_current(db, today)
    with db.engine.connect() as connection:
        return read_dashboard(connection, read_inputs(connection, today))
