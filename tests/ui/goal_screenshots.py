"""Screenshots of every wizard page and of the Goal & Pitch page, with realistic input.

    python -m tests.ui.goal_screenshots OUTPUT_FOLDER

Renders offscreen (or on $DISPLAY with QT_QPA_PLATFORM=xcb) over a fresh demo database in a
temporary folder, typing into the widgets as the ui tests do, so what is shown is what a
user gets. Used to look at the pages after a change; not run by the test suite.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QWidget


def _type(widget: QWidget, text: str, *, replace: bool = True) -> None:
    widget.setFocus()
    if replace:
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)


def _enter(widget: QWidget, *entries: str) -> None:
    for entry in entries:
        _type(widget, entry)
        QTest.keyClick(widget, Qt.Key.Key_Return)


def main(folder: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = Path(tempfile.mkdtemp(prefix="netwise-shots-"))
    os.environ["NETWISE_DATA_DIR"] = str(data)
    from desktop_app.ui.common.ui_state import open_ui_state
    from desktop_app.ui.shell.application import create_application
    from desktop_app.ui.shell.main_window import MainWindow

    app = create_application()
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(open_ui_state())
    window.resize(1180, 760)
    window.show()
    window.open_database(str(data / "demo.sqlite3"), demo=True, synchronous=True)
    app.processEvents()
    window.show_page("goal")
    page = window.page("goal")
    wizard = page.open_wizard()  # type: ignore[attr-defined]
    QTest.qWaitForWindowExposed(wizard)

    def shot(name: str) -> None:
        app.processEvents()
        wizard.grab().save(str(folder / f"{name}.png"))
        print(folder / f"{name}.png")

    goal = wizard.goal_type_page
    _type(goal.statement, "I want to get a better job soon")
    shot("wizard-1-goal-blocked")
    _type(
        goal.statement,
        "Move from product manager to head of product at a climate-tech "
        "software company in Berlin within nine months.",
    )
    shot("wizard-1-goal")
    wizard.next()
    targets = wizard.targets_page
    _enter(targets.companies.entry, "any company", "solaria power")
    _enter(targets.roles.entry, "Product Lead")
    shot("wizard-2-targets-blocked")
    targets.companies.list.setCurrentRow(3)
    targets.companies.remove_selected()
    _enter(targets.industries.entry, "Climate tech")
    shot("wizard-2-targets")
    wizard.next()
    helpers = wizard.helpers_page
    _enter(helpers.org_name, "Berlin Product Circle")
    shot("wizard-3-who-can-help")
    wizard.next()
    time_page = wizard.time_page
    _type(time_page.hours, "12")
    QTest.keyClick(time_page.hours, Qt.Key.Key_Tab)
    _type(time_page.measure_name, "Higher-level contacts met per month")
    _type(time_page.measure_target, "2")
    QTest.mouseClick(time_page.add_measure, Qt.MouseButton.LeftButton)
    shot("wizard-4-time-and-measures")
    time_page.target_date.setFocus()
    time_page.target_date.setSelectedSection(QDateTimeEdit.Section.YearSection)
    QTest.keyClicks(time_page.target_date, "20400101")
    shot("wizard-4-time-blocked")
    time_page.target_date.setSelectedSection(QDateTimeEdit.Section.YearSection)
    QTest.keyClicks(time_page.target_date, "20270630")
    _type(time_page.hours, "4")
    QTest.keyClick(time_page.hours, Qt.Key.Key_Tab)
    wizard.next()
    pitch = wizard.pitch_page
    assert wizard.currentPage() is pitch, "the time page did not let go"
    _type(pitch.parts["ask"], "")
    _type(pitch.parts["offer"], "I basically leverage synergies between data and design.")
    shot("wizard-5-pitch-hints")
    _type(pitch.parts["offer"], "I turn messy energy data into products that operators use.")
    _type(pitch.parts["ask"], "Who is the one person I should talk to on your product team?")
    shot("wizard-5-pitch")
    pitch.tabs.setCurrentIndex(1)
    shot("wizard-5-pitch-variants")
    pitch.tabs.setCurrentIndex(0)
    wizard.next()
    shot("wizard-6-profile-checklist")
    wizard.next()
    shot("wizard-7-summary")
    wizard.accept()
    app.processEvents()
    window.grab().save(str(folder / "goal-page.png"))
    print(folder / "goal-page.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
