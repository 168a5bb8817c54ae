"""Realistic sample data, generated with a fixed seed: the ``--demo`` database and benchmarks.

Rows go in as driver-level bulk inserts (no ORM objects, values converted once by each
column's own SQLAlchemy type), with the full-text triggers off during the load and the index
rebuilt in one statement at the end: firing the triggers per row made 100,000 contacts with
1,000,000 interactions take minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate

from sqlalchemy import Connection, Table, insert

from desktop_app.insights.model import months_before
from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store import demo_names as words
from desktop_app.store.denormalised import refresh_contact_dates
from desktop_app.store.dialect_sql import realign_id_sequences
from desktop_app.store.fulltext import (
    create_contact_search,
    drop_contact_search,
    rebuild_contact_search,
)
from desktop_app.store.models import (
    Contact,
    ContactEmail,
    ContactTag,
    Event,
    EventAttendee,
    Goal,
    Interaction,
    Organisation,
    Pitch,
    Tag,
)
from desktop_app.store.replies import mark_answered_outreach
from desktop_app.store.summaries import paused_insight_triggers
from desktop_app.store.tag_text import (
    create_tag_text_triggers,
    drop_tag_text_triggers,
    refresh_tags_text,
)
from desktop_app.store.vocab import HELP_VALUES


@dataclass(frozen=True)
class DemoSize:
    contacts: int = 300
    events: int = 25
    interactions: int = 1500


DEMO_SIZE = DemoSize()
_CHUNK = 20_000


def _insert(connection: Connection, table, rows: Iterable[dict]) -> None:  # type: ignore[no-untyped-def]
    """Insert ``rows`` (dicts with the same keys) in chunks through the driver's executemany.

    Each value passes through its column type's bind processor, so dates and times are
    stored exactly as SQLAlchemy itself would store them.
    """
    mapped: Table = table.__table__
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            _insert_chunk(connection, mapped, chunk)
            chunk = []
    if chunk:
        _insert_chunk(connection, mapped, chunk)


def _insert_chunk(connection: Connection, table: Table, rows: list[dict]) -> None:
    names = list(rows[0])
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    processors = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    values = [
        tuple(
            value if process is None or value is None else process(value)
            for value, process in zip(row.values(), processors, strict=True)
        )
        for row in rows
    ]
    connection.exec_driver_sql(sql, values)


def fill_demo_data(
    connection: Connection,
    size: DemoSize = DEMO_SIZE,
    *,
    seed: int = 7,
    today: dt.date | None = None,
) -> None:
    """Write a whole sample network into an empty, migrated database.

    The insight triggers are paused while the rows go in and the aggregates rebuilt once
    at the end: a million trigger runs would take minutes.
    """
    today = today or dt.date.today()
    since = months_before(today, DEFAULT_SETTINGS.reciprocity_months)
    with _bulk_load(connection), paused_insight_triggers(connection, since):
        _fill(connection, size, random.Random(seed), today)
    realign_id_sequences(connection)  # the rows were written with their ids


@contextmanager
def _bulk_load(connection: Connection) -> Iterator[None]:
    """Load settings for generated rows, restored afterwards.

    The search index and the contacts' tag text are rebuilt once at the end instead of by
    triggers per row. SQLite
    evaluates each ``IN (...)`` CHECK constraint per row at a cost greater than the insert
    itself; the rows come from the vocabularies by construction (a test loads them with the
    checks on), so the checks are skipped during the load. A larger page cache keeps index
    pages in memory instead of spilling them to the WAL file.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size = -262144")
        connection.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
    drop_contact_search(connection)
    drop_tag_text_triggers(connection)
    try:
        yield
        refresh_tags_text(connection)
        create_tag_text_triggers(connection)
        create_contact_search(connection)
        rebuild_contact_search(connection)
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")


def _fill(connection: Connection, size: DemoSize, rng: random.Random, today: dt.date) -> None:
    now = dt.datetime.combine(today, dt.time(9, 0))
    industries = list(words.INDUSTRIES)

    _insert(connection, Tag, [{"id": i + 1, "name": n} for i, n in enumerate(words.TAGS)])
    events = []
    for event_id in range(1, size.events + 1):
        name, kind = rng.choice(words.EVENT_NAMES)
        starts = now + dt.timedelta(days=rng.randint(-400, 45), hours=rng.choice((0, 9, 10)))
        events.append(
            {
                "id": event_id,
                "name": f"{name} {starts:%b %Y}",
                "kind": kind,
                "starts_at": starts,
                "place": "Online" if kind == "online" else rng.choice(words.PLACES),
                "hours_invested": rng.choice((1.0, 1.5, 2.0, 3.0, 8.0)),
                "cost_cents": rng.choice((0, 0, 1500, 4500, 29900)),
                "notes": "",
                "created_at": now,
                "updated_at": now,
            }
        )
    _insert(connection, Event, events)

    contacts, emails, contact_tags, attendees = [], [], [], []
    for contact_id in range(1, size.contacts + 1):
        first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
        industry = rng.choice(industries)
        seniority = rng.choices(("junior", "peer", "senior", "executive"), (2, 5, 3, 1))[0]
        event_id = rng.randint(1, size.events) if size.events and rng.random() < 0.3 else None
        contacts.append(
            {
                "id": contact_id,
                "first_name": first,
                "middle_name": "",
                "last_name": last,
                "full_name": f"{first} {last}",
                "title": rng.choice(words.TITLES[seniority]),
                "company": rng.choice(words.INDUSTRIES[industry]),
                "industry": industry,
                "location": rng.choice(words.LOCATIONS),
                "linkedin_url": f"https://www.linkedin.com/in/{first}-{last}-{contact_id}".lower()
                .replace(" ", "")
                .replace("'", ""),
                "seniority": seniority,
                "circle": rng.choice(("familiar", "familiar", "new")),
                "how_met": "Met at an event"
                if event_id
                else rng.choice(
                    ("Former colleague", "Introduced by a friend", "University", "LinkedIn")
                ),
                "met_at_event_id": event_id,
                "shared_interests": ", ".join(rng.sample(words.INTERESTS, rng.randint(0, 2))),
                "can_help_with": rng.choice(words.HELP_THEY_CAN) if rng.random() < 0.6 else "",
                "i_can_offer": rng.choice(words.HELP_I_CAN) if rng.random() < 0.5 else "",
                "notes": "",
                "status": rng.choices(("active", "dormant", "moved_on", "archived"), (12, 3, 1, 1))[
                    0
                ],
                "created_at": now,
                "updated_at": now,
            }
        )
        if rng.random() < 0.8:
            domain = contacts[-1]["company"].split()[0].lower().strip("&")
            emails.append(
                {
                    "contact_id": contact_id,
                    "label": "work",
                    "address": f"{first}.{last}@{domain}.example".lower()
                    .replace(" ", "")
                    .replace("'", ""),
                }
            )
        for tag_id in rng.sample(range(1, len(words.TAGS) + 1), rng.choice((0, 0, 1, 1, 2))):
            contact_tags.append({"contact_id": contact_id, "tag_id": tag_id})
        if event_id:
            attendees.append({"event_id": event_id, "contact_id": contact_id, "role": "met"})
    _insert(connection, Contact, contacts)
    _insert(connection, ContactEmail, emails)
    _insert(connection, ContactTag, contact_tags)
    _insert(connection, EventAttendee, attendees)

    _insert(connection, Interaction, _interactions(rng, size, today, now))
    mark_answered_outreach(connection, None)  # as every writer of interactions does
    refresh_contact_dates(connection)
    _write_goal_and_pitch(connection, now)


def _interactions(rng: random.Random, size: DemoSize, today: dt.date, now: dt.datetime):  # type: ignore[no-untyped-def]
    # A few contacts take without giving and a few ignore every message: the review has
    # something to say about the demo network.
    takers = set(rng.sample(range(1, size.contacts + 1), max(1, size.contacts // 30)))
    silent = set(rng.sample(range(1, size.contacts + 1), max(1, size.contacts // 25)))
    kinds = ("outreach", "email", "call", "meeting", "coffee", "introduction", "advice", "referral")
    # Cumulative weights computed once: the same draws as passing the weights, much faster.
    kind_weights = list(accumulate((5, 4, 2, 2, 2, 1, 1, 1)))
    reply_weights = list(accumulate((6, 2, 1)))
    help_weights = list(accumulate((8, 3, 2, 1)))
    for _ in range(size.interactions):
        contact_id = rng.randint(1, size.contacts)
        occurred = today - dt.timedelta(days=rng.randint(0, 365))
        kind = (
            "outreach" if contact_id in silent else rng.choices(kinds, cum_weights=kind_weights)[0]
        )
        mine = kind == "outreach" or rng.random() < 0.6
        if contact_id in silent:
            reply = "unanswered" if (today - occurred).days > 14 else "awaiting"
        elif kind in ("outreach", "email") and mine:
            reply = rng.choices(("replied", "unanswered", "awaiting"), cum_weights=reply_weights)[0]
        else:
            reply = "none"
        given = rng.choices(HELP_VALUES, cum_weights=help_weights)[0]
        received = rng.choices(HELP_VALUES, cum_weights=help_weights)[0]
        if contact_id in takers:
            given, received = rng.choice(("small", "medium", "large")), "none"
        due = occurred + dt.timedelta(days=rng.randint(3, 30)) if rng.random() < 0.12 else None
        done = now if due and due < today - dt.timedelta(days=7) and rng.random() < 0.7 else None
        yield {
            "contact_id": contact_id,
            "event_id": None,
            "occurred_on": occurred,
            "kind": kind,
            "initiated_by": "me" if mine else "them",
            "reply_status": reply,
            "help_given": given,
            "help_received": received,
            "minutes": rng.choice((5, 15, 30, 45, 60, 90)),
            "notes": "",
            "followup_due": due,
            "followup_done_at": done,
            "created_at": now,
        }


def _write_goal_and_pitch(connection: Connection, now: dt.datetime) -> None:
    goal = {
        "id": 1,
        "version": 1,
        "is_active": True,
        "created_at": now,
        "goal_type": "next_level",
        "statement": "Move from product manager to head of product at a climate-tech software "
        "company within nine months.",
        "target_roles": ["Head of Product", "Group Product Manager"],
        "target_companies": ["Helix Cloud", "Solaria Power", "Greenfield Grid"],
        "target_industries": ["Software", "Energy"],
        "target_locations": ["Berlin", "Remote"],
        "target_seniority": "senior",
        "weekly_hours": 4.0,
        "target_date": (now + dt.timedelta(days=270)).date(),
        "measures": [
            {"name": "Informational meetings per month", "target": 4},
            {"name": "Referrals", "target": 3},
            {"name": "New aligned contacts per month", "target": 6},
        ],
        "checklist": {
            "headline": {"done": True, "note": "Headline names climate-tech product leadership"},
            "summary": {"done": False, "note": "Rewrite summary for energy-software readers"},
        },
    }
    _insert(connection, Goal, [goal])
    _insert(
        connection,
        Organisation,
        [
            {
                "goal_id": 1,
                "name": "Climate Product Collective",
                "kind": "industry",
                "status": "joined",
            },
            {
                "goal_id": 1,
                "name": "Riverside University Alumni",
                "kind": "alumni",
                "status": "joined",
            },
            {
                "goal_id": 1,
                "name": "Product Management Guild",
                "kind": "professional",
                "status": "to_join",
            },
        ],
    )
    parts = {
        "who": "I'm a product manager with six years in B2B software.",
        "offer": "I turn messy energy data into products that operators actually use.",
        "look_for": "I'm looking for a head of product role at a climate-tech company.",
        "why": "Because software is how the grid will decarbonise fastest.",
        "ask": "Who is the one person I should talk to on your product team?",
    }
    _insert(
        connection,
        Pitch,
        [
            {
                "goal_id": 1,
                "version": 1,
                "created_at": now,
                "parts": parts,
                "text": " ".join(parts.values()),
                "variants": {
                    "headline": "Product manager turning energy data into products people use"
                },
            }
        ],
    )


def open_demo_database(target: str):  # type: ignore[no-untyped-def]
    """Open the demo database, filling it with sample data the first time."""
    from sqlalchemy import func, select

    from desktop_app.store.database import open_database

    db = open_database(target)
    with db.transaction() as session:
        empty = not session.scalar(select(func.count()).select_from(Contact))
        if empty:
            fill_demo_data(session.connection())
    return db
