"""A network's JSON backup: written whole or not at all, read as of one moment, and restored
into an empty database only, with every row counted before the restore commits."""

from __future__ import annotations

import contextlib
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from desktop_app.store.database import Database, open_database
from desktop_app.store.demo import open_demo_database
from desktop_app.store.errors import BackupError
from desktop_app.store.exporter import export_dataset
from desktop_app.store.json_backup import (
    RestoreRefusedError,
    read_backup,
    restore_backup,
    write_backup,
)
from desktop_app.store.json_restore import RestoreMismatchError
from tests.store.conftest import person

pytestmark = pytest.mark.both_databases


@pytest.fixture
def demo(database_target: str) -> Iterator[Database]:
    db = open_demo_database(database_target)
    yield db
    db.close()


@pytest.fixture
def empty(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A second database of the same kind, empty."""
    if backend == "sqlite":
        target = str(tmp_path / "empty.sqlite3")
    else:
        server = request.getfixturevalue("postgres_server")
        name = server.create_database(request.getfixturevalue("postgres_head_template"))
        request.addfinalizer(lambda: server.drop_database(name))
        target = server.url(name)
    db = open_database(target)
    yield db
    db.close()


@contextlib.contextmanager
def files_at_most(size: int) -> Iterator[None]:
    """No file of this process grows past ``size`` bytes: a write beyond fails, as on a full
    disk (the signal that would end the process is ignored, so the write returns an error)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_backup_restores_the_same_network(
    demo: Database, empty: Database, tmp_path: Path
) -> None:
    path = tmp_path / "net.json"
    said = write_backup(demo, path)
    assert said == "300 contacts, 25 events, 1,500 interactions and 1 goal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert restore_backup(empty, read_backup(empty, path)) == said
    assert export_dataset(empty) == export_dataset(demo)
    if empty.engine.dialect.name == "postgresql":
        assert contacts_vacuumed(empty) == (True, 300)


def contacts_vacuumed(db: Database) -> tuple[bool, int]:
    """Whether the contacts' pages are marked all-visible (what index-only scans, and so the
    contacts table's sorts, need) and the row count the planner's statistics hold."""
    with db.engine.connect() as connection:
        visible, rows = connection.execute(
            text("SELECT relallvisible, reltuples FROM pg_class WHERE relname = 'contacts'")
        ).one()
    return visible > 0, int(rows)


def test_a_backup_the_disk_cannot_hold_leaves_the_earlier_file_as_it_was(
    demo: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    path = folder / "net.json"
    path.write_text("the backup of last week")
    with files_at_most(64 * 1024), pytest.raises(BackupError) as raised:
        write_backup(demo, path)
    message = raised.value.message
    assert message.startswith(f"The backup to “{path}” could not be written: File too large.")
    assert "\n" not in message
    assert path.read_text() == "the backup of last week"
    assert [p.name for p in folder.iterdir()] == ["net.json"]


def test_a_restore_into_a_database_that_holds_data_is_refused(
    demo: Database, tmp_path: Path
) -> None:
    path = tmp_path / "net.json"
    write_backup(demo, path)
    before = export_dataset(demo)
    with pytest.raises(RestoreRefusedError) as raised:
        read_backup(demo, path)
    assert "already holds data (300 contacts, 25 events, 1,500 interactions" in raised.value.message
    assert "createdb" in raised.value.message
    assert export_dataset(demo) == before


def test_a_restore_that_does_not_write_every_row_keeps_nothing(
    demo: Database, empty: Database, tmp_path: Path
) -> None:
    """Counted before it commits: here a rule of the database drops every e-mail address."""
    path = tmp_path / "net.json"
    write_backup(demo, path)
    emails = sum(len(c["emails"]) for c in export_dataset(demo)["contacts"])
    assert emails > 0
    with empty.transaction() as session:
        if empty.engine.dialect.name == "sqlite":
            session.execute(
                text(
                    "CREATE TRIGGER drop_emails BEFORE INSERT ON contact_emails "
                    "BEGIN SELECT RAISE(IGNORE); END"
                )
            )
        else:
            session.execute(
                text("CREATE RULE drop_emails AS ON INSERT TO contact_emails DO INSTEAD NOTHING")
            )
    backup = read_backup(empty, path)
    with pytest.raises(RestoreMismatchError) as raised:
        restore_backup(empty, backup)
    assert f"contact_emails {emails:,} → 0" in raised.value.message
    assert export_dataset(empty)["contacts"] == []


def test_the_backup_reads_the_network_as_of_one_moment(
    database: Database, database_target: str, tmp_path: Path
) -> None:
    """A contact added by another window while the backup reads is not half in it."""
    from desktop_app.store.contacts import create_contact

    create_contact(database, person("Ada", "Lovelace", tags=("mentor",)))
    other = open_database(database_target)
    added: list[int] = []

    def add_meanwhile(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if "FROM contact_tags" in statement and not added:
            added.append(create_contact(other, person("Grace", "Hopper", tags=("navy",))).value)

    event.listen(database.engine, "before_cursor_execute", add_meanwhile)
    try:
        said = write_backup(database, tmp_path / "net.json")
    finally:
        event.remove(database.engine, "before_cursor_execute", add_meanwhile)
        other.close()
    assert added, "the other write happened during the backup"
    assert said.startswith("1 contact,")
