"""A small known network in a real database file, and ways to read what the table shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.store.records import ContactInput, InteractionInput, LabelledValue

TODAY = dt.date.today()
PEOPLE = {
    "Ada": ContactInput(
        first_name="Ada",
        last_name="Lovelace",
        title="Head of Product",
        company="Helix Cloud",
        industry="Software",
        seniority="executive",
        circle="new",
        tags=("mentor", "climate"),
        emails=(LabelledValue("ada@helix.example", "work"),),
        notes="Loves analytical engines",
    ),
    "Bob": ContactInput(
        first_name="Bob",
        last_name="Builder",
        title="Engineer",
        company="Acme",
        industry="Construction",
        seniority="peer",
        tags=("alumni",),
    ),
    "Chen": ContactInput(
        first_name="Chen",
        last_name="Wei",
        title="Product Manager",
        company="Solaria Power",
        industry="Energy",
        seniority="senior",
        circle="new",
    ),
    "Dora": ContactInput(
        first_name="Dora",
        last_name="Explorer",
        title="Recruiter",
        company="Helix Cloud",
        industry="Software",
        seniority="junior",
        status="archived",
        tags=("climate",),
    ),
    "Emil": ContactInput(first_name="Emil", last_name="Zola", company="Les Editions"),
}


def fill_network(db_path: Path) -> dict[str, int]:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.interactions import log_interaction

    db = open_database(str(db_path))
    ids = {name: create_contact(db, data).value for name, data in PEOPLE.items()}
    log_interaction(
        db,
        InteractionInput(
            ids["Ada"],
            TODAY - dt.timedelta(days=10),
            kind="coffee",
            followup_due=TODAY - dt.timedelta(days=1),
        ),
    )
    log_interaction(db, InteractionInput(ids["Chen"], TODAY - dt.timedelta(days=3), kind="call"))
    db.close()
    return ids


def shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The names in the table, top to bottom, as a user reads them."""
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def cell(page, name: str, title: str) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    model = page.table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index(title)
    row = shown(page).index(name)
    return model.index(row, column).data()
