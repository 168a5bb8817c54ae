"""The plain-tuple readers, and the promise that the table's queries load without SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_app.store import contacts_query as q
from desktop_app.store.reader import DatabaseReader, FileReader, file_reader


def test_file_reader_sees_what_the_database_reader_sees(database, db_path: Path, network) -> None:
    quick = file_reader(str(db_path))
    assert isinstance(quick, FileReader)
    ids = q.ordered_ids(quick, q.ContactFilter())
    assert ids == q.ordered_ids(DatabaseReader(database), q.ContactFilter())
    assert quick.has_fulltext


def test_file_reader_only_for_netwise_files(tmp_path: Path) -> None:
    assert file_reader("sqlite:///somewhere.db") is None
    assert file_reader(str(tmp_path / "missing.sqlite3")) is None
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    assert file_reader(str(text)) is None
    assert text.read_text() == "not a database"


def test_file_reader_never_writes(database, db_path: Path, network) -> None:
    import sqlite3

    quick = file_reader(str(db_path))
    assert quick is not None
    try:
        quick.rows("DELETE FROM contacts")
    except sqlite3.OperationalError as exc:
        assert "readonly" in str(exc)
    assert q.count_contacts(quick) == 5


def test_table_queries_load_without_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import desktop_app.store.contacts_query, desktop_app.store.contact_detail\n"
        "import desktop_app.store.followups, desktop_app.store.records\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
