"""The first rows at start-up: read from the file before the store is open, then the same
rows from the store without a flicker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow
from tests.ui.contacts_helpers import shown
from tests.ui.dialogs import when_dialog_opens

PREVIEW_WITHOUT_SQLALCHEMY = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.common.ui_state import open_ui_state
app = create_application()
window = MainWindow(open_ui_state())
window.show_page("contacts")
window.show()
app.processEvents()
window.preview_database(sys.argv[1])
page = window.page("contacts")
print(page.model.rowCount(), page.table.model().index(0, 0).data())
print(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")))
"""


def test_the_preview_reads_the_file_without_sqlalchemy(db_path: Path, network, data_dir) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PREVIEW_WITHOUT_SQLALCHEMY, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "NETWISE_DATA_DIR": str(data_dir)},
    ).stdout.splitlines()
    assert out[0] == "4 Ada Lovelace"
    assert out[1] == "[]"


def test_the_store_takes_over_from_the_preview_keeping_the_selection(
    qtbot, db_path: Path, network
) -> None:
    create_application()
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    window.show_page("contacts")
    window.show()
    qtbot.waitExposed(window)
    window.preview_database(str(db_path))
    page = window.page("contacts")
    assert shown(page) == ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]
    assert page.operations is None  # nothing can be written from a preview
    assert not page.actions["delete"].isEnabled()
    page.table.selectRow(2)
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(db_path))
    assert resets == []  # the same rows: no reset, no flicker
    assert page.table.currentIndex().data() == "Chen Wei"
    assert page.actions["delete"].isEnabled()
    qtbot.waitUntil(lambda: page.detail.name.text() == "Chen Wei")
    window.close()


def test_a_refused_file_leaves_no_preview_behind(qtbot, data_dir: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    create_application()
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    window.show_page("contacts")
    window.show()
    bad = data_dir / "other.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(bad)) as connection, connection:
        connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, full_name TEXT)")
    window.preview_database(str(bad))  # not a NetWise schema: the query fails, no preview
    page = window.page("contacts")
    assert page.model.rowCount() == 0

    when_dialog_opens(lambda box: box.done(0), QMessageBox)
    window.open_database(str(bad))
    qtbot.waitUntil(lambda: window.controller.target is None and page.model.rowCount() == 0)
    window.close()
