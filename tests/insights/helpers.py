"""Small builders for the rules' plain values, dated relative to a fixed day."""

from __future__ import annotations

import datetime as dt

from desktop_app.insights.goal_profile import GoalProfile, Measure
from desktop_app.insights.model import ContactProfile, ContactSummary

TODAY = dt.date(2026, 6, 15)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


GOAL = GoalProfile(
    goal_type="next_level",
    statement="Move from product manager to head of product at a climate-tech software company",
    target_roles=("Head of Product", "Group Product Manager"),
    target_companies=("Helix Cloud", "Solaria Power"),
    target_industries=("Software", "Energy"),
    target_seniority="senior",
    weekly_hours=4.0,
    measures=(
        Measure("Informational meetings per month", 4),
        Measure("Referrals", 3),
    ),
    target_date=dt.date(2026, 10, 10),
)

GOAL_SET_ON = dt.date(2026, 1, 10)

ALIGNED = ContactProfile(
    1,
    "Ada Aligned",
    industry="Software",
    company="Helix Cloud",
    title="Head of Product",
    seniority="senior",
    shared_interests="climate tech",
)
UNALIGNED = ContactProfile(
    2,
    "Una Unaligned",
    industry="Retail",
    company="Urban Goods",
    title="Store Manager",
    seniority="junior",
)


def summary(**values: object) -> ContactSummary:
    return ContactSummary(contact_id=1, **values)  # type: ignore[arg-type]
