"""A whole network copied from one database to another (SQLite ↔ PostgreSQL), verified.

The copy goes through the JSON export's dataset: what a full export holds is, by its
own test, every column of every table that is not derived; the restore writes it with
the same ids and times and rebuilds what is derived. Before the copy is called done, the
rows of every table are counted on both sides and the target's export is compared with
the source's, value for value.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.exchange.jsonformat import dump_dataset
from desktop_app.store import insight_models  # noqa: F401  (its tables join the metadata)
from desktop_app.store.database import Database
from desktop_app.store.dialect_sql import settle_after_bulk_load
from desktop_app.store.errors import StoreError
from desktop_app.store.exporter import export_dataset
from desktop_app.store.json_restore import is_database_empty, restore_dataset
from desktop_app.store.models import Base

# The tables a network is made of; the others are rebuilt from them (summaries, scores).
COPIED_TABLES = (
    "contacts",
    "contact_emails",
    "contact_phones",
    "tags",
    "contact_tags",
    "events",
    "event_attendees",
    "interactions",
    "goals",
    "organisations",
    "pitches",
    "settings",
)


class CopyRefusedError(StoreError):
    """The target is not empty: a copy never mixes with what is there."""


class CopyMismatchError(StoreError):
    """The copy, read back, differs from the source."""


@dataclass(frozen=True)
class CopyReport:
    rows: dict[str, int]  # rows of each copied table, the same on both sides


def row_counts(db: Database) -> dict[str, int]:
    tables = Base.metadata.tables
    with db.transaction() as session:
        return {
            name: int(session.execute(select(func.count()).select_from(tables[name])).scalar())
            for name in COPIED_TABLES
        }


def copy_database(
    source: Database, target: Database, *, report: Callable[[str], None] = lambda _: None
) -> CopyReport:
    """Copy everything of ``source`` into the empty ``target``, then verify the copy."""
    if not is_database_empty(target):
        raise CopyRefusedError(
            f"“{target.target}” already holds data: a network is copied into an empty "
            "database only. Nothing was written.",
            target=target.target,
        )
    report("reading")
    dataset = export_dataset(source)
    report("writing")
    restore_dataset(target, dataset, source=source.target)
    settle_after_bulk_load(target.engine)
    report("verifying")
    wanted, found = row_counts(source), row_counts(target)
    if wanted != found:
        differing = ", ".join(
            f"{name} {wanted[name]} → {found[name]}"
            for name in COPIED_TABLES
            if wanted[name] != found[name]
        )
        raise CopyMismatchError(
            f"The copy in “{target.target}” does not match the source ({differing}): "
            "do not use it.",
            target=target.target,
        )
    if _comparable(source) != _comparable(target):
        raise CopyMismatchError(
            f"The copy in “{target.target}” does not read back as the source's export: "
            "do not use it.",
            target=target.target,
        )
    return CopyReport(found)


def _comparable(db: Database) -> str:
    """The database's JSON export, its time stamp fixed so that two can be compared."""
    stream = io.StringIO()
    dump_dataset(export_dataset(db), stream, exported_at=dt.datetime(2000, 1, 1))
    return stream.getvalue()
