"""A small network where every verdict is obvious to a person, for the scenario tests
(through the command line and through the Dashboard page).

The goal: reach head of product at a climate-tech software company (Helix Cloud or
Solaria Power), talking to people at a senior level.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.store.database import open_database
from desktop_app.store.models import Contact, Goal, Interaction

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


# name → (contact fields, interactions, expected verdict, basis, a phrase of the reasons)
NETWORK: dict[str, tuple[dict, list[dict], str, str, str]] = {
    # Head of product at a target company, answers and helps back: the one to invest in.
    "Priya Patel": (
        dict(
            title="Head of Product",
            company="Helix Cloud",
            industry="Software",
            seniority="senior",
            shared_interests="climate tech",
        ),
        [
            dict(occurred_on=ago(20), kind="outreach", reply_status="replied", minutes=10),
            dict(
                occurred_on=ago(12),
                kind="coffee",
                minutes=45,
                help_received="medium",
                help_given="small",
            ),
        ],
        "prioritise",
        "aligned",
        "they fit your goal",
    ),
    # A designer in retail, a friendly peer: keep in touch, no more.
    "Noah Fischer": (
        dict(title="Designer", company="Urban Goods", industry="Retail", seniority="peer"),
        [dict(occurred_on=ago(30), kind="call", initiated_by="them", minutes=20)],
        "nurture",
        "steady",
        "keep in touch",
    ),
    # A senior engineer in software we used to meet, silent for seven months.
    "Rosa Romero": (
        dict(
            title="Senior Engineer", company="Brightloop", industry="Software", seniority="senior"
        ),
        [
            dict(occurred_on=ago(240), kind="meeting", minutes=60),
            dict(occurred_on=ago(210), kind="email", initiated_by="them", minutes=5),
        ],
        "re_engage",
        "gone_quiet",
        "Last in touch 210 days ago",
    ),
    # Gave me two referrals; I never gave anything back.
    "Gabriel Costa": (
        dict(title="Product Manager", company="Quantix", industry="Software", seniority="peer"),
        [
            dict(occurred_on=ago(60), kind="referral", initiated_by="them", help_received="large"),
            dict(
                occurred_on=ago(25),
                kind="introduction",
                initiated_by="them",
                help_received="medium",
            ),
        ],
        "give_first",
        "you_only_take",
        "you have given nothing back",
    ),
    # I keep helping a recruiter in retail who never helps in return.
    "Tom Baker": (
        dict(title="Recruiter", company="Fieldstone Retail", industry="Retail", seniority="peer"),
        [
            dict(occurred_on=ago(90), kind="call", help_given="medium", minutes=30),
            dict(
                occurred_on=ago(40),
                kind="email",
                initiated_by="them",
                help_given="large",
                minutes=20,
            ),
        ],
        "move_on",
        "they_only_take",
        "received nothing back",
    ),
    # Three messages to a junior salesperson in retail, never an answer.
    "Ian Moore": (
        dict(title="Sales Associate", company="Urban Goods", industry="Retail", seniority="junior"),
        [
            dict(occurred_on=ago(70), kind="outreach", reply_status="unanswered"),
            dict(occurred_on=ago(45), kind="outreach", reply_status="unanswered"),
            dict(occurred_on=ago(20), kind="outreach", reply_status="awaiting"),
        ],
        "move_on",
        "ignoring_you",
        "3 outreach in a row",
    ),
    # The VP of product at a target company ignores me: worth one offer before giving up.
    "Alice Wong": (
        dict(
            title="VP Product",
            company="Solaria Power",
            industry="Energy",
            seniority="executive",
            shared_interests="climate tech",
        ),
        [
            dict(occurred_on=ago(50), kind="outreach", reply_status="unanswered"),
            dict(occurred_on=ago(30), kind="outreach", reply_status="unanswered"),
        ],
        "give_first",
        "ignoring_you",
        "Offer something useful",
    ),
    # Hours of emails with a consultant outside my field, and nothing ever came of it.
    "Walter Grey": (
        dict(title="Consultant", company="Atlas Advisory", industry="Consulting", seniority="peer"),
        [
            dict(occurred_on=ago(d), kind="email", initiated_by="them", minutes=50)
            for d in (80, 60, 40, 20)
        ],
        "move_on",
        "no_return",
        "No return on your time: 3.3 hours",
    ),
}


def write_network(path: Path) -> Path:
    """The network and its goal, written into a new database at ``path``."""
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(
            Goal(
                version=1,
                is_active=True,
                goal_type="next_level",
                statement="Head of product at a climate-tech software company",
                target_roles=["Head of Product", "VP Product"],
                target_companies=["Helix Cloud", "Solaria Power"],
                target_industries=["Software", "Energy"],
                target_seniority="senior",
                weekly_hours=3,
                measures=[{"name": "Informational meetings per month", "target": 2}],
            )
        )
        for name, (fields, interactions, *_expected) in NETWORK.items():
            contact = Contact(full_name=name, **fields)
            session.add(contact)
            session.flush()
            for interaction in interactions:
                session.add(Interaction(contact_id=contact.id, **interaction))
    db.close()
    return path
