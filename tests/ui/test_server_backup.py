"""File → Back Up… and Restore… on a PostgreSQL database: a NetWise JSON backup, restored
into an empty server database only (the file backup's own tests are in test_file_menu)."""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.exchange.jsonformat import dump_dataset
from desktop_app.store.database import open_database
from desktop_app.store.demo import open_demo_database
from desktop_app.store.exporter import export_dataset
from desktop_app.store.json_backup import write_backup
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import ready, shown
from tests.ui.dashboard_helpers import review_groups, wait_settled
from tests.ui.dialogs import when_dialog_opens

MESSAGE = "serverBackupMessage"


def exported(target: str) -> str:
    """The database's JSON export, its time stamp fixed so that two can be compared."""
    db = open_database(target)
    try:
        stream = io.StringIO()
        dump_dataset(export_dataset(db), stream, exported_at=dt.datetime(2000, 1, 1))
        return stream.getvalue()
    finally:
        db.close()


def answer_save(monkeypatch, path: Path, asked: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    def answer(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        if asked is not None:
            asked.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))


def answer_open(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def message_of(qtbot, window, picture: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the backup's message box once it shows (saved as a picture); closes it."""
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, MESSAGE) is not None, timeout=15_000)
    box = window.findChild(QMessageBox, MESSAGE)
    text = box.text()
    box.grab().save(f"/tmp/pgbackup-{picture}.png")
    box.close()
    return text


@pytest.fixture
def demo_url(postgres_url: str) -> str:
    """A server database holding the demo network."""
    open_demo_database(postgres_url).close()
    return postgres_url


@pytest.fixture
def empty_url(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """A second server database, empty (NetWise creates its tables when it opens it)."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


def test_a_server_backup_restored_into_an_empty_database_is_the_same_network(
    qtbot, demo_url: str, empty_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "kept" / "net.json"
    backup.parent.mkdir()
    suggested: list[str] = []
    answer_save(monkeypatch, backup, suggested)
    window = make_window(qtbot, demo_url)  # type: ignore[arg-type]
    try:
        window.show_page("dashboard")
        groups = review_groups(wait_settled(qtbot, window))
        page = ready(qtbot, window)
        qtbot.waitUntil(lambda: None not in shown(page)[:5])
        people = shown(page)[:5], page.table.model().rowCount()  # the table fetches lazily
        assert window.actions["backup"].isEnabled() and window.actions["restore"].isEnabled()
        window.actions["backup"].trigger()
        qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=15_000)
        said = window.statusBar().currentMessage()
    finally:
        window.close()
    assert Path(suggested[0]).name == f"netwise-backup-{dt.date.today():%Y-%m-%d}.json"
    assert said == (
        "Backed up 300 contacts, 25 events, 1,500 interactions and 1 goal to " + str(backup)
    )
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [p.name for p in backup.parent.iterdir()] == ["net.json"]  # no partial file

    answer_open(monkeypatch, backup)
    restored = make_window(qtbot, empty_url)  # type: ignore[arg-type]
    try:
        assert restored.counts_label.text().startswith("0 contacts")
        questions: list[str] = []

        def answer_yes(box: QMessageBox) -> None:
            questions.append(box.text())
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
            box.grab().save("/tmp/pgbackup-question.png")
            box.button(QMessageBox.StandardButton.Yes).click()

        when_dialog_opens(answer_yes, QMessageBox)
        restored.actions["restore"].trigger()
        qtbot.waitUntil(lambda: "Restored" in restored.statusBar().currentMessage(), timeout=20_000)
        assert "net.json" in questions[0] and "300 contacts" in questions[0]
        assert restored.statusBar().currentMessage() == (
            "Restored net.json: 300 contacts, 25 events, 1,500 interactions and 1 goal, "
            "every row counted"
        )
        assert restored.counts_label.text().startswith("300 contacts · 25 events")
        # Every page shows the restored network, and the insights are those of the source.
        restored.show_page("dashboard")
        assert review_groups(wait_settled(qtbot, restored)) == groups
        restored.grab().save("/tmp/pgbackup-restored-dashboard.png")
        page = ready(qtbot, restored)
        qtbot.waitUntil(
            lambda: (shown(page)[:5], page.table.model().rowCount()) == people, timeout=10_000
        )
        restored.show_page("events")
        events = restored.page("events")
        qtbot.waitUntil(lambda: events.table.model().rowCount() == 25, timeout=10_000)
    finally:
        restored.close()
    assert exported(empty_url) == exported(demo_url)


def test_a_restore_into_a_server_database_that_holds_data_is_refused(
    qtbot, demo_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "net.json"
    db = open_database(demo_url)
    write_backup(db, backup)
    db.close()
    before = exported(demo_url)
    answer_open(monkeypatch, backup)
    window = make_window(qtbot, demo_url)  # type: ignore[arg-type]
    try:
        window.actions["restore"].trigger()
        text = message_of(qtbot, window, "refused-not-empty")
        assert window.findChild(QMessageBox, "serverRestoreQuestion") is None, "nothing asked"
    finally:
        window.close()
    assert "\n" not in text
    assert "already holds data (300 contacts, 25 events" in text
    assert "createdb" in text and "File → Open Server Database…" in text
    assert "Nothing was changed." in text
    assert exported(demo_url) == before


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda text: text[: len(text) // 2], "“net.json”, line "),
        (lambda _text: "First Name,Last Name\nAda,Lovelace\n", "not valid JSON"),
        (lambda _text: '{"format": "other"}', "not a NetWise export"),
    ],
    ids=["truncated", "csv", "foreign-json"],
)
def test_a_bad_backup_file_is_refused_and_nothing_is_written(
    qtbot, demo_url: str, empty_url: str, tmp_path: Path, monkeypatch, request, spoil, said
) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "net.json"
    db = open_database(demo_url)
    write_backup(db, backup)
    db.close()
    backup.write_text(spoil(backup.read_text(encoding="utf-8")), encoding="utf-8")
    answer_open(monkeypatch, backup)
    window = make_window(qtbot, empty_url)  # type: ignore[arg-type]
    try:
        window.actions["restore"].trigger()
        text = message_of(qtbot, window, f"bad-file-{request.node.callspec.id}")
        assert window.counts_label.text().startswith("0 contacts")
    finally:
        window.close()
    assert "\n" not in text and said in text, text
    empty = open_database(empty_url)
    try:
        assert export_dataset(empty)["contacts"] == []
    finally:
        empty.close()


def test_enter_on_the_restore_question_writes_nothing(
    qtbot, demo_url: str, empty_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    backup = tmp_path / "net.json"
    db = open_database(demo_url)
    write_backup(db, backup)
    db.close()
    answer_open(monkeypatch, backup)
    window = make_window(qtbot, empty_url)  # type: ignore[arg-type]
    try:
        when_dialog_opens(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), QMessageBox)
        window.actions["restore"].trigger()
        qtbot.waitUntil(
            lambda: "Restore cancelled" in window.statusBar().currentMessage(), timeout=15_000
        )
        assert window.counts_label.text().startswith("0 contacts")
    finally:
        window.close()
    assert '"contacts": []' in exported(empty_url)


def test_a_backup_that_cannot_be_written_says_so_and_leaves_no_file(
    qtbot, demo_url: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    not_a_folder = folder / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    answer_save(monkeypatch, not_a_folder / "net.json")
    window = make_window(qtbot, demo_url)  # type: ignore[arg-type]
    try:
        window.actions["backup"].trigger()
        text = message_of(qtbot, window, "not-written")
    finally:
        window.close()
    assert "\n" not in text
    assert text.startswith(f"The backup to “{not_a_folder / 'net.json'}” could not be written")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
