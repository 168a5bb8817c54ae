"""The complete JSON export restores exactly (ids, times, everything), or writes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.exchange.errors import WrongFormatError
from desktop_app.exchange.jsonformat import dump_dataset, load_dataset
from desktop_app.exchange.jsonschema import DERIVED, SECTIONS
from desktop_app.store.database import open_database
from desktop_app.store.exporter import export_dataset
from desktop_app.store.json_restore import DatabaseNotEmptyError, restore_dataset
from desktop_app.store.models import Base

pytestmark = pytest.mark.both_databases

INSIGHT_AGGREGATES = {
    "insight_state",
    "contact_summaries",
    "monthly_activity",
    "contact_scores",
    "score_totals",
    "contact_score_queue",
}
NESTED_TABLES = {
    "contact_emails": ("contacts", "emails", "contact_id"),
    "contact_phones": ("contacts", "phones", "contact_id"),
    "event_attendees": ("events", "attendees", "event_id"),
    "organisations": ("goals", "organisations", "goal_id"),
}


def test_the_format_holds_every_column_of_every_table() -> None:
    for table in Base.metadata.sorted_tables:
        columns = {c.name for c in table.columns}
        if table.name in SECTIONS:
            fields, _ = SECTIONS[table.name]
            assert columns - set(DERIVED.get(table.name, ())) == set(fields), table.name
        elif table.name in NESTED_TABLES:
            section, nested, parent = NESTED_TABLES[table.name]
            assert columns == set(SECTIONS[section][1][nested]) | {parent}, table.name
        elif table.name in INSIGHT_AGGREGATES:
            continue  # derived from the rows above; the store rebuilds them on restore
        else:
            # contact_tags are tag names on each contact; settings a key → value object;
            # dismissed insight flags are not part of format version 1.
            assert table.name in ("contact_tags", "settings", "dismissed_flags"), table.name


def dump(db) -> str:  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    dump_dataset(export_dataset(db), stream)
    return "\n".join(line for line in stream.getvalue().splitlines() if "exported_at" not in line)


def _order(table) -> str:  # type: ignore[no-untyped-def]
    return "1, 2" if len(table.columns) > 1 else "1"


def table_rows(db) -> dict[str, list[tuple]]:  # type: ignore[type-arg, no-untyped-def]
    with db.engine.connect() as connection:
        return {
            table.name: connection.execute(
                text(f"SELECT * FROM {table.name} ORDER BY {_order(table)}")
            ).all()
            for table in Base.metadata.sorted_tables
        }


def test_export_then_restore_gives_the_same_database(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_database.transaction() as session:
        session.execute(
            text("INSERT INTO settings (key, value) VALUES ('reply_window_days', '21')")
        )
        session.execute(text("UPDATE contacts SET notes = 'Zoë 🚀 \"quoted\"' WHERE id = 1"))
        session.execute(
            text(
                "INSERT INTO contact_phones (contact_id, number, label) "
                "VALUES (1, '+1 555', 'mobile')"
            )
        )
        session.execute(text("INSERT INTO tags (name) VALUES ('unused')"))
    path = tmp_path / "export.json"
    path.write_text(dump(demo_database), encoding="utf-8")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "netwise" and document["format_version"] == 1
    assert {"contacts", "events", "interactions", "goals", "pitches"} <= document.keys()

    restored = open_database(str(tmp_path / "restored.sqlite3"))
    counts = restore_dataset(restored, load_dataset(path), source=str(path))
    assert counts["contacts"] == 300 and counts["interactions"] == 1500
    assert table_rows(restored) == table_rows(demo_database)
    assert dump(restored) == dump(demo_database)
    restored.close()


def test_restore_into_a_database_with_data_is_refused(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.json"
    path.write_text(dump(demo_database), encoding="utf-8")
    before = table_rows(demo_database)
    with pytest.raises(DatabaseNotEmptyError, match="only be restored into an empty database"):
        restore_dataset(demo_database, load_dataset(path), source=str(path))
    assert table_rows(demo_database) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["events"][0].update(kind="party"), "kind “party” is not one of"),
        (lambda d: d["goals"].append({**d["goals"][0], "id": 99, "version": 2}), "breaks a rule"),
    ],
)
def test_a_restore_that_fails_writes_nothing(
    demo_database, tmp_path: Path, change, message
) -> None:  # type: ignore[no-untyped-def]
    dataset = export_dataset(demo_database)
    change(dataset)
    target = open_database(str(tmp_path / "new.sqlite3"))
    with pytest.raises(WrongFormatError, match=message):
        restore_dataset(target, dataset, source="export.json")
    # Only the schema version and the insights' one state row exist in a new database.
    kept = ("alembic_version", "insight_state")
    assert all(rows == [] for name, rows in table_rows(target).items() if name not in kept)
    target.close()


def test_a_restored_answer_marks_the_outreach_it_answers_replied(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.records import ContactInput

    ada = create_contact(database, ContactInput(first_name="Ada")).value
    with database.transaction() as session:  # written as an older program or another tool would
        for day, initiated_by, status in (
            ("2026-11-01", "me", "awaiting"),
            ("2026-11-05", "them", "none"),
        ):
            session.execute(
                text(
                    "INSERT INTO interactions (contact_id, occurred_on, kind, initiated_by, "
                    "reply_status, help_given, help_received, minutes, notes, created_at) "
                    "VALUES (:c, :d, 'outreach', :i, :s, 'none', 'none', 0, '', :at)"
                ),
                {"c": ada, "d": day, "at": f"{day} 09:00:00", "i": initiated_by, "s": status},
            )
    path = tmp_path / "export.json"
    path.write_text(dump(database), encoding="utf-8")
    restored = open_database(str(tmp_path / "restored.sqlite3"))
    restore_dataset(restored, load_dataset(path), source=str(path))
    with restored.transaction() as session:
        statuses = session.execute(
            text("SELECT reply_status FROM interactions WHERE initiated_by = 'me'")
        ).all()
    restored.close()
    assert statuses == [("replied",)]
