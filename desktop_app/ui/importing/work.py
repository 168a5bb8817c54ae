"""The import's steps as they run on the worker thread: plain functions, no widgets.

Each takes a ``Reporter`` (see ``ui.background``) for its progress; a cancel raises out of
the reporter, and the store rolls back whatever transaction was under way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.ui.importing.describe import PreviewLists, preview_lists
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.records import ParsedFile
    from desktop_app.store.database import Database
    from desktop_app.store.importer import ImportPreview, ImportResult
    from desktop_app.ui.common.background import Reporter


@dataclass
class ReadContacts:
    parsed: ParsedFile
    preview: ImportPreview
    lists: PreviewLists


@dataclass
class ReadDataSet:
    source: str
    dataset: dict[str, Any]


def read_contacts(db: Database, path: Path, format_name: str, reporter: Reporter) -> ReadContacts:
    """Parse the file and match it against the database: the preview."""
    from desktop_app.exchange.formats import contact_parser
    from desktop_app.store.importer import prepare_import

    reporter.stage(f"Reading “{path.name}”…")
    parsed = contact_parser(format_name)(path)
    reporter.stage(
        f"Looking for the people of “{path.name}” already in NetWise "
        f"({count_of(len(parsed.records), 'row')})…"
    )
    preview = prepare_import(db, parsed)
    reporter.check()
    return ReadContacts(parsed, preview, preview_lists(preview))


def apply_plan(db: Database, preview: ImportPreview, reporter: Reporter) -> ImportResult:
    """Write the plan in one transaction; a cancel rolls all of it back."""
    from desktop_app.store.importer import apply_import

    reporter.stage(f"Importing {count_of(len(preview.plan.items), 'row')}…", 1)
    return apply_import(db, preview.plan, progress=reporter, last_known_id=preview.last_known_id)


def read_dataset(db: Database, path: Path, reporter: Reporter) -> ReadDataSet:
    """Read and check a complete NetWise export; refuse it early if the database has data."""
    from desktop_app.exchange.jsonformat import load_dataset
    from desktop_app.store.json_restore import (
        DatabaseNotEmptyError,
        check_vocabulary,
        is_database_empty,
    )

    reporter.stage(f"Reading “{path.name}”…")
    dataset = load_dataset(path)
    check_vocabulary(str(path), dataset)
    if not is_database_empty(db):
        raise DatabaseNotEmptyError(
            str(path),
            "a complete NetWise export can only be restored into an empty database, and the "
            "open one already holds data. Open a new database (File → Open Database…) and "
            "import it there, or use File → Restore… with a backup.",
        )
    reporter.check()
    return ReadDataSet(str(path), dataset)


def restore_dataset(db: Database, read: ReadDataSet, reporter: Reporter) -> dict[str, int]:
    from desktop_app.store.json_restore import restore_dataset as restore

    reporter.stage(f"Restoring “{Path(read.source).name}”…", 1)
    return restore(db, read.dataset, source=read.source, progress=reporter)
