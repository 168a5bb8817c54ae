"""Backups of a server database: the whole network as a NetWise JSON export.

The file is the JSON export's (File → Import… and ``netwise import`` read it too), written
whole or not at all, owner-only, and read back before it is called done. It is restored
into an empty database only, in one transaction whose rows are counted before it commits.
pg_dump remains the administrator's tool for the server itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import func, select

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.jsonformat import DataSet, dump_dataset, load_dataset
from desktop_app.exchange.outfile import ExportFileError, atomic_output_path
from desktop_app.store.database import Database
from desktop_app.store.dialect_sql import settle_after_bulk_load
from desktop_app.store.errors import BackupError, StoreError
from desktop_app.store.exporter import export_dataset
from desktop_app.store.json_restore import (
    DatabaseNotEmptyError,
    check_vocabulary,
    restore_dataset,
)
from desktop_app.store.models import Contact, Event, Goal, Interaction, Pitch, Setting, Tag
from desktop_app.wording import count_of

Progress = Callable[[int, int], None]
Stage = Callable[[str, int], None]  # a step's label, and its size (0: unknown)

# What a network is said to hold, in messages: the table's rows, and the word for one.
_HELD = (
    (Contact, "contact"),
    (Event, "event"),
    (Interaction, "interaction"),
    (Goal, "goal"),
    (Pitch, "pitch"),
    (Tag, "tag"),
    (Setting, "setting"),
)
_SHOWN_SECTIONS = (("contacts", "contact"), ("events", "event"), ("interactions", "interaction"))
_REPORT_EVERY = 200


class RestoreRefusedError(StoreError):
    """The database already holds data: a backup is restored into an empty one only."""


@dataclass(frozen=True)
class BackupFile:
    """A backup read and checked, ready to be restored."""

    source: str
    dataset: DataSet

    @property
    def contents(self) -> str:
        return describe_network(self.dataset)


def describe_network(dataset: DataSet) -> str:
    """``300 contacts, 12 events, 1,500 interactions and 1 goal``."""
    parts = [count_of(len(dataset[section]), word) for section, word in _SHOWN_SECTIONS]
    return f"{', '.join(parts)} and {count_of(len(dataset['goals']), 'goal')}"


class _ReportingStream:
    """Counts the lines written (one per row) as progress; a cancel raises out of it."""

    def __init__(self, stream: TextIO, progress: Progress, total: int) -> None:
        self._stream, self._progress, self._total = stream, progress, max(total, 1)
        self._written = 0

    def write(self, text: str) -> int:
        self._written += 1
        if self._written % _REPORT_EVERY == 0:
            self._progress(min(self._written, self._total), self._total)
        return self._stream.write(text)


def write_backup(
    db: Database,
    destination: Path,
    *,
    stage: Stage | None = None,
    progress: Progress | None = None,
) -> str:
    """Write the whole network of ``db`` to ``destination``; what it holds, in words.

    A BackupError says why nothing was written (an earlier file of that name is left as it
    was); a cancel raised by ``progress`` leaves nothing either.
    """
    say = stage or (lambda _text, _total: None)
    report = progress or (lambda _done, _total: None)
    say("Reading the network…", 0)
    dataset = export_dataset(db)
    rows = sum(len(items) for section, items in dataset.items() if section != "settings")
    say(f"Writing {count_of(rows, 'row')} to “{destination.name}”…", rows)
    try:
        with atomic_output_path(destination) as temporary:
            with temporary.open("w", encoding="utf-8", newline="\n") as stream:
                dump_dataset(dataset, _ReportingStream(stream, report, rows))  # type: ignore[arg-type]
            say(f"Checking “{destination.name}”…", 0)
            _check_reads_back(temporary, dataset, destination)
    except ExportFileError as exc:
        cause = exc.__cause__
        why = getattr(cause, "strerror", None) or str(cause or exc)
        raise BackupError(
            f"The backup to “{destination}” could not be written: {why}. No file was left.",
            target=db.target,
        ) from None
    report(rows, rows)
    return describe_network(dataset)


def _check_reads_back(written: Path, dataset: DataSet, destination: Path) -> None:
    """The file must read back as exactly the network that was written into it."""
    try:
        found = load_dataset(written)
    except ImportFileError as exc:
        raise BackupError(
            f"The backup to “{destination}” does not read back ({exc.problem}). No file was left."
        ) from None
    if found != dataset:
        raise BackupError(
            f"The backup to “{destination}” does not read back as the network it was "
            "written from. No file was left."
        )


def read_backup(db: Database, path: Path) -> BackupFile:
    """Read and check the backup at ``path``; refuse it at once unless ``db`` is empty.

    An ImportFileError says what is wrong with the file (naming it, and the line where
    there is one); a RestoreRefusedError that the database holds data.
    """
    dataset = load_dataset(path)
    check_vocabulary(str(path), dataset)
    refusal = _refusal_unless_empty(db, path)
    if refusal is not None:
        raise refusal
    return BackupFile(str(path), dataset)


def restore_backup(db: Database, backup: BackupFile, *, progress: Progress | None = None) -> str:
    """Restore ``backup`` into the empty ``db`` in one transaction, its rows counted before it
    commits; what it restored, in words. Nothing is written when it raises."""
    try:
        restore_dataset(db, backup.dataset, source=backup.source, progress=progress)
    except DatabaseNotEmptyError:  # written to meanwhile, by another window
        refusal = _refusal_unless_empty(db, Path(backup.source))
        raise refusal or RestoreRefusedError("The database is no longer empty.") from None
    settle_after_bulk_load(db.engine)
    return backup.contents


def _refusal_unless_empty(db: Database, path: Path) -> RestoreRefusedError | None:
    with db.transaction() as session:
        held = [
            (session.execute(select(func.count()).select_from(model)).scalar() or 0, word)
            for model, word in _HELD
        ]
    if not any(count for count, _word in held):
        return None
    holds = ", ".join(count_of(count, word) for count, word in held if count)
    return RestoreRefusedError(
        f"“{db.target}” already holds data ({holds}), and “{path.name}” is restored into an "
        "empty database only: create one (createdb), open it with File → Open Server "
        "Database…, and restore there. Nothing was changed.",
        target=db.target,
    )
