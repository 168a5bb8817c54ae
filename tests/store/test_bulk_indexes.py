"""A large import rebuilds the contacts' indexes once; a rollback restores them as they were."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop_app.bulkwork import collector_paused
from desktop_app.exchange.records import ContactRecord, Labelled, ParsedFile
from desktop_app.store import bulk_indexes
from desktop_app.store.importer import apply_import, prepare_import

INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'"


def many(count: int) -> ParsedFile:
    records = [
        ContactRecord(
            first_name=f"Person{n}",
            last_name=f"Family{n % 97}",
            company=f"Company {n % 31}",
            linkedin_url=f"https://www.linkedin.com/in/person-{n}",
            emails=[Labelled(f"person{n}@example.com")] if n % 5 == 0 else [],
            line=n + 2,
        )
        for n in range(count)
    ]
    return ParsedFile("many.csv", "linkedin", "UTF-8", records)


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> int:
    """The rebuild from 1,500 new rows, so that the tests stay quick."""
    monkeypatch.setattr(bulk_indexes, "REBUILD_FROM", 1500)
    return 1500


def statements(database) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    event.listen(
        database.engine, "before_cursor_execute", lambda *args: seen.append(args[2].strip())
    )
    return seen


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_a_large_import_leaves_the_same_indexes_and_they_are_used(database) -> None:  # type: ignore[no-untyped-def]
    before = rows(database.path, INDEXES)
    plan = prepare_import(database, many(2000)).plan
    seen = statements(database)
    apply_import(database, plan)
    assert sum(s.startswith("DROP INDEX") for s in seen) == len(before) >= 6
    assert rows(database.path, INDEXES) == before
    assert rows(database.path, "PRAGMA integrity_check") == [("ok",)]
    plan = rows(
        database.path,
        "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE company = 'Company 3'",
    )
    assert any("ix_contacts_company" in str(step) for step in plan)
    found = rows(
        database.path, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'person1999'"
    )
    assert found == [(1,)]


def test_a_cancelled_large_import_restores_the_indexes(database) -> None:  # type: ignore[no-untyped-def]
    before = rows(database.path, INDEXES)
    plan = prepare_import(database, many(2000)).plan
    seen = statements(database)

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise KeyboardInterrupt  # what a cancel from the ui does: any exception

    with pytest.raises(KeyboardInterrupt):
        apply_import(database, plan, progress=cancel)
    assert any(s.startswith("DROP INDEX") for s in seen)
    assert rows(database.path, INDEXES) == before
    assert rows(database.path, "SELECT count(*) FROM contacts") == [(0,)]


def test_a_small_import_updates_the_indexes_as_it_goes(database) -> None:  # type: ignore[no-untyped-def]
    plan = prepare_import(database, many(1000)).plan
    seen = statements(database)
    apply_import(database, plan)
    assert not any(s.startswith("DROP INDEX") for s in seen)


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer block is still running"
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()
