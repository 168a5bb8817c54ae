"""Tooltips over user text show that text as written, never as markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.events import EventInput, create_event
from desktop_app.store.interactions import log_interaction
from desktop_app.store.records import ContactInput, InteractionInput
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import select_only

NAME = "<b>Ann</b>"
COMPANY = "<img src='x'> Acme"
EVENT = "<h1>Launch</h1>"
NOTE = "<i>talked</i> about <u>grids</u>"


def tooltip_seen(qtbot, view: QAbstractItemView, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    """The text of the tooltip a hover over the cell shows, as it reads on screen."""
    rect = view.visualRect(view.model().index(row, column))
    at = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    labels: list[QLabel] = []

    def shown() -> bool:
        labels[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if w.inherits("QTipLabel") and w.isVisible() and isinstance(w, QLabel)
        ]
        return bool(labels)

    qtbot.waitUntil(shown)
    label = labels[0]
    document = QTextDocument()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )
    if rich:
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    label.hide()
    return document.toPlainText()


def test_names_events_and_notes_read_as_written_in_their_tooltips(qtbot, db_path: Path) -> None:
    db = open_database(str(db_path))
    ann = create_contact(db, ContactInput(first_name=NAME, company=COMPANY)).value
    create_event(db, EventInput(name=EVENT, starts_at=dt.datetime(2026, 5, 4, 18)))
    log_interaction(db, InteractionInput(ann, dt.date(2026, 5, 1), kind="coffee", notes=NOTE))
    db.close()
    window = make_window(qtbot, db_path)
    window.resize(1200, 760)
    window.show_page("contacts")
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert tooltip_seen(qtbot, page.table, 0, 0) == NAME
    company = next(
        c for c in range(page.model.columnCount()) if page.model.index(0, c).data() == COMPANY
    )
    assert tooltip_seen(qtbot, page.table, 0, company) == COMPANY
    select_only(page, NAME)
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)
    notes = next(
        c
        for c in range(page.detail.timeline_model.columnCount())
        if page.detail.timeline_model.index(0, c).data() == NOTE
    )
    assert tooltip_seen(qtbot, page.detail.timeline, 0, notes) == NOTE
    window.show_page("events")
    events = window.page("events")
    qtbot.waitUntil(lambda: events.model.rowCount() == 1)
    assert tooltip_seen(qtbot, events.table, 0, 0) == EVENT
    window.close()
