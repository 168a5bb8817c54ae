"""The generated sample network: valid under every constraint, searchable, reproducible."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop_app.store.database import open_database
from desktop_app.store.demo import DemoSize, fill_demo_data


def _generate(path: Path, seed: int = 3) -> None:
    db = open_database(str(path))
    with db.engine.begin() as connection:
        fill_demo_data(
            connection,
            DemoSize(contacts=400, events=20, interactions=3000),
            seed=seed,
            today=dt.date(2025, 3, 14),
        )
    db.close()


def test_generated_rows_pass_every_check_constraint(tmp_path: Path) -> None:
    # The load skips CHECK constraints for speed; integrity_check evaluates them all.
    path = tmp_path / "demo.sqlite3"
    _generate(path)
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)


def test_search_index_and_triggers_are_back_after_the_load(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    _generate(path)
    with closing(sqlite3.connect(path)) as connection:
        indexed = connection.execute("SELECT count(*) FROM contacts_fts").fetchone()[0]
        assert indexed == 400
        name, tags = connection.execute(
            "SELECT full_name, tags FROM contacts_fts WHERE tags != '' LIMIT 1"
        ).fetchone()
        triggers = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert name and tags
    assert {"contacts_fts_insert", "contact_tags_fts_insert", "tags_fts_rename"} <= triggers


def test_same_seed_same_network(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _generate(first)
    _generate(second)
    query = "SELECT * FROM interactions ORDER BY id"
    with closing(sqlite3.connect(first)) as a, closing(sqlite3.connect(second)) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
