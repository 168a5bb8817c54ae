"""Small hand-made networks for the store tests: every expected row is known."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.store.records import ContactInput, InteractionInput, LabelledValue

TODAY = dt.date(2025, 3, 14)  # a Friday


def person(first: str, last: str = "", **fields) -> ContactInput:  # type: ignore[no-untyped-def]
    return ContactInput(first_name=first, last_name=last, **fields)


@pytest.fixture
def reader(database):  # type: ignore[no-untyped-def]
    from desktop_app.store.reader import DatabaseReader

    return DatabaseReader(database)


@pytest.fixture
def network(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Five people with titles, companies, tags and notes; returns their ids by first name."""
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.interactions import log_interaction

    people = {
        "Ada": person(
            "Ada",
            "Lovelace",
            title="Head of Product",
            company="Helix Cloud",
            industry="Software",
            seniority="executive",
            circle="new",
            tags=("mentor", "climate"),
            emails=(LabelledValue("ada@helix.example", "work"),),
            notes="Met her at the climate summit; loves analytical engines",
        ),
        "bob": person(
            "bob",
            "builder",
            title="Engineer",
            company="Acme",
            industry="Construction",
            seniority="peer",
            tags=("alumni",),
        ),
        "Chen": person(
            "Chen",
            "Wei",
            title="Product Manager",
            company="Solaria Power",
            industry="Energy",
            seniority="senior",
            circle="new",
            status="dormant",
        ),
        "Dora": person(
            "Dora",
            "Explorer",
            title="Recruiter",
            company="Helix Cloud",
            industry="Software",
            seniority="junior",
            status="archived",
            tags=("climate",),
        ),
        "Émile": person("Émile", "Zola", company="Les Éditions", industry="Publishing"),
    }
    ids = {name: create_contact(database, data).value for name, data in people.items()}
    log_interaction(
        database,
        InteractionInput(
            ids["Ada"],
            TODAY - dt.timedelta(days=10),
            kind="coffee",
            minutes=45,
            followup_due=TODAY + dt.timedelta(days=2),
        ),
    )
    log_interaction(database, InteractionInput(ids["Chen"], TODAY - dt.timedelta(days=40)))
    return ids
