"""The evidence imports' plans, as a preview will use them: read without writing, then
changed (one stranger chosen) and applied in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.exchange.linkedin_archive import read_linkedin_archive
from desktop_app.store.linkedin_evidence import (
    CONNECTION,
    STRANGER,
    apply_linkedin_plan,
    plan_linkedin_import,
)
from tests.exchange.linkedin_export import EXPORT, NOW, TODAY, WINDOW, write_zip

pytestmark = pytest.mark.both_databases


def counts(database) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        connection = session.connection()
        return (
            connection.exec_driver_sql("SELECT count(*) FROM contacts").scalar(),
            connection.exec_driver_sql("SELECT count(*) FROM interactions").scalar(),
        )


def test_a_plan_writes_nothing_and_a_chosen_stranger_alone_is_created(
    database,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    archive = write_zip(tmp_path / "export.zip", EXPORT)
    contents = read_linkedin_archive(archive, today=TODAY, reply_window_days=WINDOW, now=NOW)
    plan = plan_linkedin_import(database, contents, str(archive))
    assert counts(database) == (0, 0)  # planning reads only
    assert contents.owner is not None and contents.owner.person.name == "Alex Morgan"
    by_name = {p.person.name: p for p in plan.people.values()}
    assert by_name["Ben Okafor"].match == CONNECTION
    assert {p.person.name for p in plan.strangers} == {
        "Cleo Dubois",
        "Eve Nakamura",
        "Finn O'Connor",
        "Ivy Chen",
    }
    assert by_name["Eve Nakamura"].match == STRANGER

    plan.to_create.add(by_name["Eve Nakamura"].person.identity)
    result = apply_linkedin_plan(database, plan, now=dt.datetime(2026, 6, 30, 12, 0))
    assert (result.strangers_created, result.strangers_skipped) == (1, 3)
    with database.transaction() as session:
        names = session.connection().exec_driver_sql(
            "SELECT full_name FROM contacts ORDER BY full_name"
        )
        assert [n for (n,) in names] == ["Ann Lee, PhD", "Ben Okafor", "Dan Wu", "Eve Nakamura"]
    assert counts(database) == (4, 7 + 2)
