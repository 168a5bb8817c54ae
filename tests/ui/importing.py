"""Helpers for the import and export ui tests: files, a seeded database, the flow's steps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
NOTES = 'Notes:\n"When exporting your connection data, you may notice..."\n\n'
URL = "https://www.linkedin.com/in/"


def linkedin_file(path: Path, rows: list[str]) -> Path:
    path.write_text(NOTES + HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def big_linkedin_file(path: Path, count: int) -> Path:
    rows = [
        f"Person{n},Family{n % 977},{URL}person-{n},,Company {n % 301},Role {n % 17},1 Mar 2020"
        for n in range(count)
    ]
    return linkedin_file(path, rows)


def seed(db_path: Path, rows: list[str]) -> None:
    """Import ``rows`` into the database file with the store (before the window opens it)."""
    from desktop_app.exchange.linkedin import parse_linkedin
    from desktop_app.store.database import open_database
    from desktop_app.store.importer import import_file

    db_path.parent.mkdir(parents=True, exist_ok=True)
    source = linkedin_file(db_path.parent / "seed.csv", rows)
    db = open_database(str(db_path))
    try:
        import_file(db, parse_linkedin(source))
    finally:
        db.close()


def query(db_path: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()


def counts(db_path: Path) -> tuple[int, ...]:
    tables = ("contacts", "contact_emails", "contacts_fts", "tags", "contact_tags")
    return tuple(query(db_path, f"SELECT count(*) FROM {t}")[0][0] for t in tables)


def messages(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def close_messages(window) -> None:  # type: ignore[no-untyped-def]
    for box in window.findChildren(QMessageBox):
        if box.isVisible():
            box.button(QMessageBox.StandardButton.Ok).click()


def open_preview(qtbot, window, path: Path, format_name: str | None = None):  # type: ignore[no-untyped-def]
    """Start importing ``path`` and return the preview dialog once it is shown."""
    window.import_contacts(path, format_name)
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    dialog = flow.preview_dialog
    qtbot.waitExposed(dialog)
    return dialog


def finish_preview(qtbot, window, *, accept: bool = True) -> str:  # type: ignore[no-untyped-def]
    """Press Import (or Escape, to cancel) in the preview on screen; the flow's outcome."""
    dialog = window.import_flow.preview_dialog
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000) as outcome:
        if accept:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    return outcome.args[0]


def row_named(dialog, name: str) -> int:  # type: ignore[no-untyped-def]
    model = dialog.model
    for row in range(model.rowCount()):
        if model.item(row).record.name() == name:
            return row
    raise AssertionError(f"no row named {name}")


def drag_events(path_or_paths: Path | list[Path]) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    paths = path_or_paths if isinstance(path_or_paths, list) else [path_or_paths]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(300, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drop = QDropEvent(
        QPointF(300, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return enter, drop, mime
