"""The article's archetypes (``tests/data/scenarios/archetypes.toml``) as a database: one
person per archetype with their interactions, and the verdict and words expected."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.store.database import open_database
from desktop_app.store.models import Contact, Goal, Interaction

SCENARIOS = Path(__file__).parent.parent / "data" / "scenarios" / "archetypes.toml"


@dataclass(frozen=True)
class Person:
    name: str
    archetype: str
    contact: dict[str, Any]
    interactions: list[dict[str, Any]]
    verdict: str
    basis: str
    reason: str


def load() -> tuple[dict[str, Any], dict[str, Person]]:
    """The goal and the people, by name."""
    data = tomllib.loads(SCENARIOS.read_text(encoding="utf-8"))
    people = {entry["name"]: Person(**entry) for entry in data["person"]}
    return data["goal"], people


GOAL, PEOPLE = load()


def write_archetypes(path: Path, today: dt.date | None = None) -> Path:
    """The goal and every person, written into a new database at ``path``."""
    today = today or dt.date.today()
    db = open_database(str(path))
    with db.transaction() as session:
        session.add(Goal(version=1, is_active=True, weekly_hours=3, **GOAL))
        for person in PEOPLE.values():
            contact = Contact(full_name=person.name, **person.contact)
            session.add(contact)
            session.flush()
            for fields in person.interactions:
                values = dict(fields)
                occurred_on = today - dt.timedelta(days=values.pop("days_ago"))
                session.add(Interaction(contact_id=contact.id, occurred_on=occurred_on, **values))
    db.close()
    return path
