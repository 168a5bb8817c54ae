"""LinkedIn's data export imported through the window: the preview (whose archive it is,
the counts, the strangers, the message text), Import and Cancel, dropped archives and
bad ones; on real files the tests write, into a real database file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit

from desktop_app.page_names import CONTACTS
from tests.exchange.linkedin_export import ANN, MESSAGES_HEADER, me_to, to_me
from tests.ui.conftest import make_window
from tests.ui.evidence_files import (
    evidence_counts,
    export_folder,
    export_zip,
    interactions_of,
    mark_encrypted,
    seed_contacts,
)
from tests.ui.importing import (
    close_messages,
    drag_events,
    finish_preview,
    messages,
    open_preview,
    query,
)

ENCRYPTED = "(every entry marked encrypted)"


@pytest.fixture
def window(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    """The window over a database that knows Cleo Dubois and Jan de Vries."""
    seed_contacts(db_path)
    win = make_window(qtbot, db_path)
    yield win
    win.close()


def tick(qtbot, dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    """Tick (or untick) a stranger's box with the keyboard."""
    table, model = dialog.people_table, dialog.people_model
    table.setCurrentIndex(model.index(model.row_named(name), 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)


def test_the_archive_preview_says_whose_it_is_and_what_it_becomes(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, window, export_zip(tmp_path))
    assert dialog.windowTitle() == "Import “Basic_LinkedInDataExport_06-30-2026.zip”"
    assert "the archive is Alex Morgan's (from Profile.csv)" in dialog.header.text()
    assert dialog.owner.currentText() == "Alex Morgan"
    assert dialog.messages.text().startswith(
        "22 messages → 12 interactions with 6 people; 2 replied, 4 unanswered"
    )
    assert "3 sponsored or marketing" in dialog.messages.text()
    assert dialog.invitations.text() == (
        "Invitations: 1 received, 1 sent and accepted, 1 sent and never accepted."
    )
    model = dialog.people_model
    strangers = {row.name for row in model.strangers}
    assert strangers == {"Eve Nakamura", "Finn O'Connor", "Ivy Chen"}
    cleo = model.index(model.row_named("Cleo Dubois"), 3)
    assert model.data(cleo) == "a contact"
    eve = model.index(model.row_named("Eve Nakamura"), 0)
    assert model.data(eve, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not dialog.keep_text.isChecked()


def test_another_owner_reads_the_archive_again_and_the_counts_change(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = evidence_counts(db_path)
    dialog = open_preview(qtbot, window, export_zip(tmp_path))
    alex = dialog.messages.text()
    dialog.owner.lineEdit().selectAll()
    qtbot.keyClicks(dialog.owner.lineEdit(), "Ann Lee, PhD")
    qtbot.keyClick(dialog.owner.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "the archive is Ann Lee, PhD's (as given)" in dialog.header.text())
    assert dialog.messages.text() != alex
    assert "not the owner's" in dialog.messages.text()
    assert dialog.import_button.isEnabled()
    # Someone who sent nothing: said, and the preview stays as it was.
    dialog.owner.lineEdit().selectAll()
    qtbot.keyClicks(dialog.owner.lineEdit(), "Nobody Here")
    qtbot.keyClick(dialog.owner.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages(dialog)), timeout=30_000)
    assert "no message was sent by “Nobody Here”" in messages(dialog)[0]
    close_messages(dialog)
    assert dialog.owner.currentText() == "Ann Lee, PhD"
    assert finish_preview(qtbot, window, accept=False) == "declined"
    assert evidence_counts(db_path) == before


def test_import_writes_the_interactions_on_the_contacts_timelines(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, window, export_zip(tmp_path))
    tick(qtbot, dialog, "Eve Nakamura")
    assert "1 stranger to create, 2 skipped" in dialog.summary.text()
    assert finish_preview(qtbot, window) == "imported"
    shown = messages(window)[0]
    assert "Added 11 interactions with 5 contacts" in shown
    assert "2 strangers skipped" not in shown and "1 stranger created" in shown
    assert window.statusBar().currentMessage().startswith("Imported “Basic_LinkedIn")
    close_messages(window)
    # Cleo, known before: her two messages, on her timeline; no text kept.
    assert [row[2] for row in interactions_of(db_path, "Cleo Dubois")] == ["me", "them"]
    assert all(row[3] == "" for row in interactions_of(db_path, "Cleo Dubois"))
    names = {row[0] for row in query(db_path, "SELECT full_name FROM contacts")}
    assert {"Eve Nakamura", "Ann Lee, PhD", "Ben Okafor", "Dan Wu"} <= names
    assert not {"Finn O'Connor", "Ivy Chen"} & names
    cleo = query(db_path, "SELECT id FROM contacts WHERE full_name = 'Cleo Dubois'")[0][0]
    window.navigate(CONTACTS, contact_id=cleo)
    detail = window.page(CONTACTS).detail
    qtbot.waitUntil(
        lambda: detail.timeline_title.text() == "Timeline · 2 interactions, newest first"
    )


def test_keep_message_text_off_then_on_stores_the_text_as_plain_notes(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, window, export_zip(tmp_path))
    assert "no message text kept" in dialog.summary.text()
    dialog.keep_text.setFocus()
    qtbot.keyClick(dialog.keep_text, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "; message text kept" in dialog.summary.text(), timeout=30_000)
    assert dialog.keep_text.isChecked()
    assert "the archive is Alex Morgan's (from Profile.csv)" in dialog.header.text()
    assert finish_preview(qtbot, window) == "imported"
    notes = [row[3] for row in interactions_of(db_path, "Ann Lee, PhD")]
    assert any("Loved your talk & slides." in note for note in notes)
    assert not any("<p>" in note for note in notes)


def test_cancel_writes_nothing(qtbot, window, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = evidence_counts(db_path)
    dialog = open_preview(qtbot, window, export_zip(tmp_path))
    tick(qtbot, dialog, "Ivy Chen")
    assert finish_preview(qtbot, window, accept=False) == "declined"
    assert evidence_counts(db_path) == before
    assert window.statusBar().currentMessage() == "Import cancelled: nothing written."


def test_a_dropped_archive_or_folder_starts_the_import(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for dropped in (export_zip(tmp_path), export_folder(tmp_path)):
        enter, drop, _mime = drag_events(dropped)
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted()
        QApplication.sendEvent(window, drop)
        qtbot.waitUntil(lambda: window.import_flow.preview_dialog is not None, timeout=30_000)
        assert "the archive is Alex Morgan's" in window.import_flow.preview_dialog.header.text()
        assert finish_preview(qtbot, window, accept=False) == "declined"


def test_the_folder_entry_of_the_file_menu_imports_an_unzipped_export(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = str(export_folder(tmp_path))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: folder))
    assert window.actions["import_folder"].isEnabled()
    window.actions["import_folder"].trigger()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    assert flow.preview_dialog.windowTitle() == "Import “Basic_LinkedInDataExport_06-30-2026”"
    assert finish_preview(qtbot, window) == "imported"


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        ({"notes.txt": "hello", "photo.jpg": "\xff\xd8"}, "is not a LinkedIn data export"),
        ({"../../messages.csv": "x", "/etc/Connections.csv": "y"}, "lead out of its folder"),
        ({"messages.csv": " " * 5_000_000}, "this looks like a ZIP bomb"),
        ({"messages.csv": "CONVERSATION ID,FROM", ENCRYPTED: ""}, "it is encrypted"),
    ],
    ids=["something else", "traversal names", "bomb", "encrypted"],
)
def test_a_bad_zip_shows_a_message_and_writes_nothing(
    qtbot, window, tmp_path: Path, db_path: Path, entries: dict[str, str], said: str
) -> None:  # type: ignore[no-untyped-def]
    before = evidence_counts(db_path)
    bad = tmp_path / "Basic_LinkedInDataExport_01-01-2026.zip"
    with zipfile.ZipFile(bad, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            if name != ENCRYPTED:
                archive.writestr(name, text)
    if ENCRYPTED in entries:
        mark_encrypted(bad)
    window.import_contacts(bad)
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000) as outcome:
        pass
    assert outcome.args == ["failed"]
    shown = messages(window)
    assert len(shown) == 1 and bad.name in shown[0] and said in shown[0], shown
    assert shown[0].endswith("Nothing was imported.")
    close_messages(window)
    assert evidence_counts(db_path) == before
    assert window.isVisible() and window.actions["import"].isEnabled()


def test_a_messages_file_of_no_known_owner_asks_whose_it_is(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # One conversation, two people in it as often: nothing says which one is the owner.
    alone = tmp_path / "messages from 2026.csv"
    alone.write_text(
        MESSAGES_HEADER
        + me_to("2-ann", "Ann Lee, PhD", ANN, "2026-03-01 10:00:00")
        + to_me("2-ann", "Ann Lee, PhD", ANN, "2026-03-03 08:30:00"),
        encoding="utf-8",
    )
    window.import_contacts(alone)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QInputDialog), timeout=30_000
    )
    question = QApplication.activeModalWidget()
    assert question.objectName() == "archiveOwnerQuestion"
    assert "cannot tell whose messages these are" in question.labelText()
    qtbot.keyClicks(question.findChild(QLineEdit), "Alex Morgan")
    qtbot.keyClick(question.findChild(QLineEdit), Qt.Key.Key_Return)
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    dialog = flow.preview_dialog
    assert "the archive is Alex Morgan's (as given)" in dialog.header.text()
    assert dialog.messages.text().startswith("2 messages → 1 interaction with 1 person; 1 replied")
    tick(qtbot, dialog, "Ann Lee, PhD")
    assert finish_preview(qtbot, window) == "imported"
    assert [row[2] for row in interactions_of(db_path, "Ann Lee, PhD")] == ["me"]
