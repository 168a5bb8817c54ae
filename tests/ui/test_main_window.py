"""The main window as a user meets it: pages, navigation, status bar, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import make_window
from tests.ui.dialogs import when_dialog_opens


def test_status_bar_counts_the_demo_network(window) -> None:
    text = window.counts_label.text()
    assert text.startswith("300 contacts · 25 events")
    assert "follow-ups due" in text


def test_every_page_is_reachable_with_ctrl_and_a_number(qtbot, window) -> None:
    for number, name in enumerate(["dashboard", "contacts", "events", "followups", "goal"], 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page().name == name
        assert window.navigation.currentItem().text().startswith(window.pages[name].title)


def test_navigation_by_mouse_and_arrow_keys(qtbot, window) -> None:
    nav = window.navigation
    events_row = nav.visualItemRect(nav.item(2)).center()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=events_row)
    assert window.current_page().name == "events"
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert window.current_page().name == "followups"
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    assert window.current_page().name == "contacts"


def test_follow_ups_due_show_in_the_navigation(window) -> None:
    item = window.navigation.item(3)
    assert item.text().startswith("Follow-ups  (")


def test_window_layout_and_page_are_remembered(qtbot, db_path: Path) -> None:
    first = make_window(qtbot, db_path)
    first.resize(720, 520)  # within the offscreen screen (800x600)
    first.show_page("events")
    first.close()
    second = make_window(qtbot, db_path)
    assert second.size().width() == 720
    assert second.size().height() == 520
    assert second.current_page().name == "events"
    second.close()


def test_a_second_window_on_the_same_database_is_told_so(qtbot, window, db_path: Path) -> None:
    from desktop_app.ui.shell.database_controller import DatabaseController

    other = DatabaseController()
    with qtbot.waitSignal(other.failed) as blocker:
        other.open(str(db_path))
    assert "already running" in blocker.args[1]
    assert other.database is None


def test_a_corrupt_file_shows_a_message_not_a_traceback(qtbot, data_dir: Path) -> None:
    from desktop_app.ui.common.ui_state import open_ui_state
    from desktop_app.ui.shell.application import create_application
    from desktop_app.ui.shell.main_window import MainWindow

    create_application()
    bad = data_dir / "notes.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    bad.write_text("hello, I am a text file\n")
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def read_and_close_box(box: QMessageBox) -> None:
        seen.append(box.text())
        box.done(0)

    qtbot.waitUntil(lambda: window.isVisible())
    when_dialog_opens(read_and_close_box, QMessageBox)
    window.open_database(str(bad))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "not a NetWise database" in seen[0]
    assert bad.read_text() == "hello, I am a text file\n"


def test_about_names_version_and_data_folder(qtbot, window, data_dir: Path) -> None:
    from desktop_app import __version__

    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_dialog_opens(read_and_close, QMessageBox)
    window.show_about()
    assert __version__ in seen[0]
    assert str(data_dir) in seen[0]


def test_context_of_navigation_click_outside_items_keeps_page(qtbot, window) -> None:
    nav = window.navigation
    window.show_page("goal")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, nav.height() - 5))
    assert window.current_page().name == "goal"


def test_print_actions_are_disabled_where_there_is_nothing_to_print(window) -> None:
    for name in ("dashboard", "events", "followups"):
        window.show_page(name)
        if not window.current_page().can_print():
            assert not window.actions["print"].isEnabled()
            assert not window.actions["export_pdf"].isEnabled()
            assert window.actions["print"].shortcut().toString() == "Ctrl+P"
