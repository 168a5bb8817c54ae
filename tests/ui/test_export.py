"""File → Export… writes each format off the GUI thread; a NetWise JSON export comes back."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.exchange.jsonformat import load_dataset
from tests.ui.importing import messages, query


def export(qtbot, window, monkeypatch, format_name: str, target: Path, *, include_done=False):  # type: ignore[no-untyped-def]
    """File → Export…, choose ``format_name``, answer the file dialog with ``target``."""
    asked: list[str] = []

    def save_name(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    window.actions["export"].trigger()
    flow = window.export_flow
    dialog = flow.dialog
    qtbot.waitExposed(dialog)
    button = dialog.buttons[format_name]
    # On the round indicator: the button is wider than its label.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert dialog.format_name() == format_name
    assert dialog.include_done.isEnabled() == (format_name == "ics")
    if include_done:
        dialog.include_done.setChecked(True)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert outcome.args == ["exported"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in window.statusBar().currentMessage()
    return asked


def test_contacts_as_spreadsheet_safe_csv(qtbot, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "contacts.csv"
    asked = export(qtbot, window, monkeypatch, "csv", target)
    assert Path(asked[0]).name.startswith("netwise-contacts-") and asked[0].endswith(".csv")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 301
    assert "Notes" in rows[0]
    assert not any(cell.startswith(("=", "+", "@")) for row in rows[1:] for cell in row)
    assert "300 contacts" in window.statusBar().currentMessage()


def test_contacts_as_vcard_4(qtbot, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "contacts.vcf"
    export(qtbot, window, monkeypatch, "vcard", target)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 300
    assert text.count("VERSION:4.0") == 300


def test_events_followups_and_reminders_as_icalendar(
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.reminders_export import export_reminders

    target = tmp_path / "calendar.ics"
    export(qtbot, window, monkeypatch, "ics", target, include_done=True)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    entries = [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]
    path = window.controller.database.path
    events = query(path, "SELECT count(*) FROM events")[0][0]
    followups = query(path, "SELECT count(*) FROM interactions WHERE followup_due IS NOT NULL")
    # As `netwise export ics`: birthdays as yearly events, keep-in-touch days as to-dos.
    birthdays, touches = export_reminders(window.controller.database)
    assert touches  # the demo network has people to keep in touch with
    assert len(entries) == events + followups[0][0] + len(birthdays) + len(touches)


def test_everything_as_json_restores_into_a_new_database(
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "everything.json"
    export(qtbot, window, monkeypatch, "json", target)
    dataset = load_dataset(target)
    assert len(dataset["contacts"]) == 300 and len(dataset["events"]) == 25

    # Into the open (full) database: refused with a message, nothing written.
    window.import_contacts(target)
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000) as outcome:
        pass
    assert outcome.args == ["failed"]
    assert any("empty database" in text for text in messages(window))

    # Into a new database: asked, then restored exactly.
    fresh = tmp_path / "fresh.sqlite3"
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(fresh))
    window.import_contacts(target)
    flow = window.import_flow
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "restoreQuestion") is not None)
    question = window.findChild(QMessageBox, "restoreQuestion")
    assert "300 contacts" in question.text()
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        question.button(QMessageBox.StandardButton.Yes).click()
    assert outcome.args == ["imported"]
    assert query(fresh, "SELECT count(*) FROM contacts") == [(300,)]
    assert window.counts_label.text().startswith("300 contacts · 25 events")


@pytest.mark.parametrize("answer", ["cancel-dialog", "cancel-file"])
def test_declining_writes_no_file(qtbot, window, monkeypatch, tmp_path: Path, answer) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    window.actions["export"].trigger()
    flow = window.export_flow
    with qtbot.waitSignal(flow.finished) as outcome:
        if answer == "cancel-dialog":
            flow.dialog.reject()
        else:
            flow.dialog.accept()
    assert outcome.args == ["declined"]
    assert list(tmp_path.glob("*.csv")) == []


def test_a_cancelled_export_leaves_no_file(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.common.background import BackgroundTask, WorkCancelledError
    from desktop_app.ui.exporting.work import export_file

    target = tmp_path / "everything.json"
    db = window.controller.database
    task = BackgroundTask(lambda reporter: export_file(db, "json", target, reporter), "export")
    task.cancel()
    with qtbot.waitSignal(task.failed, timeout=30_000) as failure:
        task.start()
    assert isinstance(failure.args[0], WorkCancelledError)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
