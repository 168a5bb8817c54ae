"""Hand-made report data: a contact whose name is markup, and a realistic goal."""

from __future__ import annotations

import datetime as dt

from desktop_app.reports.data import (
    CompactRow,
    ContactSheet,
    EventSheet,
    FollowUpLine,
    GoalCard,
    InteractionLine,
    PitchText,
)

MARKUP_NAME = '<b>Ann & "Co"</b>'
PITCH = PitchText(
    "I'm a product manager with six years in B2B software. I turn messy energy data into "
    "products operators use. Who should I talk to on your product team?",
    headline="Product manager turning energy data into products people use",
)


def contact(name: str = MARKUP_NAME, **changes: object) -> ContactSheet:
    values: dict[str, object] = {
        "name": name,
        "title": "Head of Product",
        "company": "Helix Cloud",
        "industry": "Software",
        "location": "Berlin",
        "emails": ("ann@helix.example",),
        "phones": ("+49 30 1234567",),
        "linkedin_url": "https://www.linkedin.com/in/ann",
        "how_met": "Product Leaders Breakfast",
        "tags": ("mentor", "alumni"),
        "seniority": "Senior",
        "circle": "New territory",
        "alignment": 82,
        "verdict": "Prioritise",
        "reasons": ("Works at a target company (Helix Cloud)",),
        "given_points": 3,
        "received_points": 2,
        "last_interactions": (
            InteractionLine(dt.date(2026, 11, 2), "Coffee", "You gave medium help"),
        ),
        "open_followups": (FollowUpLine(dt.date(2026, 11, 30), "Send the pricing research"),),
        "shared_interests": "climate tech, cycling",
        "can_help_with": "Introductions to hiring managers",
        "i_can_offer": "Review her conference talk",
        "notes": "Prefers mornings.",
    }
    values.update(changes)
    return ContactSheet(**values)  # type: ignore[arg-type]


GOAL = GoalCard(
    statement="Head of product at a climate-tech software company within nine months",
    goal_type="Reach the next level",
    target_roles=("Head of Product",),
    target_companies=("Helix Cloud", "Solaria Power"),
    target_industries=("Software", "Energy"),
    target_locations=("Berlin",),
    target_seniority="Senior",
    weekly_hours=4,
    target_date=dt.date(2027, 8, 1),
    measures=(("Informational meetings per month", 4), ("Referrals", 3)),
    organisations=(("Climate Product Collective", "joined"),),
    pitch=PITCH,
)


def compact_rows(count: int) -> list[CompactRow]:
    return [
        CompactRow(
            f"Person {i:04d} Okafor-Lindqvist",
            f"Company {i % 17} GmbH",
            "Senior Engineer",
            ("Prioritise", "Nurture", "Move on")[i % 3],
            dt.date(2026, 12, 1 + i % 28),
        )
        for i in range(count)
    ]


def event(people: int = 3) -> EventSheet:
    return EventSheet(
        name="Product Leaders Breakfast",
        starts_at=dt.datetime(2026, 12, 3, 8, 30),
        place="Kulturbrauerei",
        kind="Industry",
        goal=GOAL,
        people=tuple(contact(f"Guest {i}") for i in range(people)),
    )
