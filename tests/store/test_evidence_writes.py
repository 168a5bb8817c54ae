"""Interactions from evidence files written in bulk keep the table's rules.

Thousands of rows go in with SQLite's CHECK constraints switched off once the rows were
found to meet them all at once; a row that does not is still refused by SQLite, nothing
of the batch is written, and the checks are on again for whatever comes next.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop_app.store.contacts import create_contact
from desktop_app.store.evidence_writes import BULK_FROM, EvidenceRow, write_evidence
from desktop_app.store.records import ContactInput

pytestmark = pytest.mark.both_databases

NOW = dt.datetime(2026, 3, 2, 9, 0)


def _rows(count: int, kind: str = "meeting") -> list[EvidenceRow]:
    day = dt.date(2026, 1, 5)
    return [
        EvidenceRow(f"ics:{number:040}", "ada", day, kind, "them", "none", 30)
        for number in range(count)
    ]


def _interactions(database) -> int:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        return session.execute(text("SELECT count(*) FROM interactions")).scalar_one()


def test_a_bulk_write_with_one_unknown_kind_is_refused_whole(database) -> None:  # type: ignore[no-untyped-def]
    ada = create_contact(database, ContactInput(first_name="Ada")).value
    rows = _rows(BULK_FROM + 10)
    rows[-1] = rows[-1]._replace(kind="gossip")

    with pytest.raises(IntegrityError), database.transaction() as session:
        write_evidence(session.connection(), rows, {"ada": ada}, "ics", NOW)

    assert _interactions(database) == 0


def test_after_a_bulk_write_the_table_checks_rows_again(database) -> None:  # type: ignore[no-untyped-def]
    ada = create_contact(database, ContactInput(first_name="Ada")).value
    with database.transaction() as session:
        counts = write_evidence(
            session.connection(), _rows(BULK_FROM + 10), {"ada": ada}, "ics", NOW
        )
    assert counts.added == BULK_FROM + 10

    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO interactions (contact_id, occurred_on, kind, initiated_by, "
                "reply_status, help_given, help_received, minutes, notes, created_at) "
                "VALUES (:ada, '2026-01-06', 'meeting', 'me', 'none', 'none', 'none', -5, '', "
                "'2026-03-02 09:00:00')"
            ),
            {"ada": ada},
        )

    assert _interactions(database) == BULK_FROM + 10


def test_the_bulk_check_covers_every_check_of_the_interactions_table() -> None:
    """The bulk path checks rows itself and lets SQLite skip its CHECKs: a CHECK added to
    the table must be added to that check too, or rows could go in unchecked."""
    from sqlalchemy import CheckConstraint

    from desktop_app.store.models import Interaction

    checked = {
        str(c.sqltext).split(" ", 1)[0]
        for c in Interaction.__table__.constraints
        if isinstance(c, CheckConstraint)
    }
    assert checked == {
        "minutes",
        "kind",
        "reply_status",
        "initiated_by",
        "help_given",
        "help_received",
    }, "update evidence_writes._within_checks for the new CHECK, then this list"
