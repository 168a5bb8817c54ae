"""Importing through the window: the menu, dropped files, cancelling, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QPushButton

from desktop_app.ui.importing.flow import file_filters
from tests.ui.importing import (
    HEADER,
    NOTES,
    big_linkedin_file,
    close_messages,
    counts,
    drag_events,
    messages,
    open_preview,
    query,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


def test_file_import_takes_the_format_from_the_chosen_filter(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    google = next(f for f, name in file_filters().items() if name == "google")
    chosen = (str(DATA / "google-contacts.csv"), google)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: chosen))
    assert window.actions["import"].isEnabled()
    window.actions["import"].trigger()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    assert "Google Contacts CSV" in flow.preview_dialog.header.text()
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        flow.preview_dialog.accept()
    assert outcome.args == ["imported"]
    assert query(window.controller.database.path, "SELECT count(*) FROM contacts")[0][0] > 300


def test_a_vcard_dropped_on_the_window_is_previewed_and_imported(
    qtbot, window, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = counts(db_path)[0]
    enter, drop, _mime = drag_events(DATA / "gmail.vcf")
    # Dropped on whatever is under the pointer (here the page's table): the window takes it.
    window.show_page("events")
    target = window.page("events").table.viewport()
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    assert "vCard" in flow.preview_dialog.header.text()
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.preview_dialog.accept()
    assert counts(db_path)[0] > before
    assert query(db_path, "SELECT title FROM contacts WHERE full_name = 'Katherine Johnson'") == [
        ("Research Mathematician",)
    ]


def test_several_files_are_not_accepted(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for dragged in ([DATA / "gmail.vcf", DATA / "iphone.vcf"],):
        enter, _drop, _mime = drag_events(dragged)
        enter.ignore()
        QApplication.sendEvent(window, enter)
        assert not enter.isAccepted()


def test_a_file_of_unknown_kind_asks_for_its_format(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    odd = tmp_path / "people.txt"
    odd.write_text(NOTES + HEADER.replace("Connected On", "Since").replace("Company", "Firm"))
    odd.write_text(odd.read_text() + "Ann,Lee,,,,,\n")
    window.import_contacts(odd)
    question = window.findChild(QInputDialog, "importFormatQuestion")
    qtbot.waitUntil(lambda: question.isVisible())
    assert "people.txt" in question.labelText()
    question.setTextValue("LinkedIn connections (Connections.csv)")
    question.accept()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    # Read as LinkedIn: the columns it knows are used, the others left out.
    dialog = flow.preview_dialog
    assert dialog.model.rowCount() == 1
    mapping = {c.header: c.field for c in dialog.columns_model.objects}
    assert mapping["Position"] == "title" and mapping["Firm"] is None
    with qtbot.waitSignal(flow.finished) as outcome:
        dialog.reject()
    assert outcome.args == ["declined"]


@pytest.mark.parametrize(
    ("name", "content", "format_name", "expected"),
    [
        ("empty.csv", b"", "linkedin", "is empty"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "linkedin", "PNG image"),
        ("contacts.vcf", b"First Name,Last Name\nAnn,Lee\n", "vcard", "contacts.vcf"),
        (
            "Connections.csv",
            (NOTES + "Last Name,URL,Company,Position\n").encode(),
            "linkedin",
            "line 4",
        ),
        (
            "broken.csv",
            (HEADER + 'Ann,Lee,"https://x\n' + "Bob,Ray,,,,,\n" * 3).encode(),
            "linkedin",
            "line 2",
        ),
    ],
    ids=["empty", "binary", "wrong-format", "missing-columns", "broken-quoting"],
)
def test_bad_files_give_a_message_naming_file_and_line_and_write_nothing(
    qtbot, window, tmp_path: Path, db_path: Path, name, content, format_name, expected
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(db_path)
    window.import_contacts(path, format_name)
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000) as outcome:
        pass
    assert outcome.args == ["failed"]
    [text] = messages(window)
    assert f"“{name}”" in text and expected in text and "Nothing was imported." in text
    assert counts(db_path) == before
    # The program keeps running: the next import works.
    close_messages(window)
    dialog = open_preview(qtbot, window, DATA / "linkedin-2024.csv")
    dialog.reject()


def test_cancelling_the_import_writes_nothing(qtbot, window, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = counts(db_path)
    # The full-text trigger and the contacts' indexes are dropped for a bulk insert.
    # In name order: the background rescore rebuilds the scores' indexes, which moves them
    # within sqlite_master without changing them.
    schema = (
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"
        " ORDER BY type, name"
    )
    schema_before = query(db_path, schema)
    dialog = open_preview(qtbot, window, big_linkedin_file(tmp_path / "big.csv", 20_000))
    flow = window.import_flow
    flow.progress_after_ms = 0
    dialog.accept()
    progress = flow.progress
    # Cancel once part of the rows are written inside the import's transaction.
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=30_000)
    cancel = progress.findChild(QPushButton)
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert "Cancelling" in progress.labelText()
    assert outcome.args == ["cancelled"]
    assert "nothing was written" in window.statusBar().currentMessage()
    assert counts(db_path) == before
    # ...and the rollback brought them back.
    assert query(db_path, schema) == schema_before


def test_cancelling_while_reading_shows_no_preview(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flow_path = big_linkedin_file(tmp_path / "big.csv", 20_000)
    window.import_contacts(flow_path)
    flow = window.import_flow
    flow.task.cancel()
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        pass
    assert outcome.args == ["cancelled"]
    assert flow.preview_dialog is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
            "this is a PNG image, not a text file.",
        ),
        ("nothing.txt", b"", "the file is empty."),
        ("blank.csv", b"\n  \n", "the file is empty."),
    ],
    ids=["png", "empty", "blank"],
)
def test_a_file_that_is_no_text_is_refused_before_asking_its_kind(
    qtbot, window, tmp_path: Path, db_path: Path, name, content, expected
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(db_path)
    enter, drop, _mime = drag_events(path)
    QApplication.sendEvent(window, enter)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: bool(messages(window)), timeout=10_000)
    assert window.findChild(QInputDialog, "importFormatQuestion") is None
    assert messages(window) == [f"“{name}”: {expected}\n\nNothing was imported."]
    assert not window.import_flow.running
    assert counts(db_path) == before
    close_messages(window)


def test_file_import_refuses_an_image_before_asking_its_kind(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    every = next(f for f, name in file_filters().items() if name == "any")
    chosen = (str(photo), every)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: chosen))
    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(messages(window)), timeout=10_000)
    assert window.findChild(QInputDialog, "importFormatQuestion") is None
    assert messages(window) == [
        "“photo.png”: this is a PNG image, not a text file.\n\nNothing was imported."
    ]
    close_messages(window)
