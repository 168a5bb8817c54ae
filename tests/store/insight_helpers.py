"""Writing contacts and interactions the way the program does, and reading the aggregates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from desktop_app.store.models import Contact, Interaction


def add_contact(db, name: str = "Ada Lovelace", **fields: Any) -> int:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        contact = Contact(full_name=name, **fields)
        session.add(contact)
        session.flush()
        return contact.id


def log(db, contact_id: int, occurred_on: dt.date, kind: str = "email", **fields: Any) -> int:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        interaction = Interaction(
            contact_id=contact_id, occurred_on=occurred_on, kind=kind, **fields
        )
        session.add(interaction)
        session.flush()
        return interaction.id


def summary_of(db, contact_id: int) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        row = (
            connection.execute(
                text("SELECT * FROM contact_summaries WHERE contact_id = :id"), {"id": contact_id}
            )
            .mappings()
            .first()
        )
    if row is None:
        return None
    # Days as SQLite holds them (ISO text), whichever database answered.
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def snapshot(connection) -> tuple[list[tuple], list[tuple]]:  # type: ignore[no-untyped-def]
    """Both aggregate tables, comparable (months whose totals are all zero left out)."""
    summaries = [
        tuple(r)
        for r in connection.execute(text("SELECT * FROM contact_summaries ORDER BY contact_id"))
    ]
    months = [
        tuple(r)
        for r in connection.execute(text("SELECT * FROM monthly_activity ORDER BY month"))
        if any(r[1:])
    ]
    return summaries, months
