"""The Follow-ups page: groups, done/snooze/reschedule, and the due count kept current."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QPushButton

from desktop_app.ui.common.roles import GROUP_ROLE
from desktop_app.ui.common.roles import ID_ROLE as FOLLOWUP_ID_ROLE
from tests.ui.dialogs import when_dialog_opens


def group_rows(page, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    parent = model.group_index(key)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_the_tree_model_passes_the_model_tester(qtmodeltester, window) -> None:
    page = window.page("followups")
    window.show_page("followups")
    qtmodeltester.check(page.model)
    for row in range(page.model.rowCount()):
        index = page.model.index(row, 0)
        while page.model.canFetchMore(index):
            page.model.fetchMore(index)
    qtmodeltester.check(page.model)
    assert page.model.total("overdue", "today") == int(
        window.navigation.item(3).text().split("(")[1].rstrip(")")
    )


def test_groups_hold_what_is_due_when(small_window) -> None:
    window = small_window
    window.show_page("followups")
    page = window.page("followups")
    assert [page.model.index(r, 0).data(GROUP_ROLE) for r in range(4)] == [
        "overdue",
        "today",
        "this_week",
        "later",
    ]
    assert group_rows(page, "overdue") == ["Ada Lovelace"]
    assert page.summary.text().startswith("1 due now")
    assert window.navigation.item(3).text() == "Follow-ups  (1)"


def test_marking_done_changes_the_counts_and_undo_brings_it_back(qtbot, small_window) -> None:
    window = small_window
    window.show_page("followups")
    page = window.page("followups")
    first = page.model.index(0, 0, page.model.group_index("overdue"))
    page.tree.setCurrentIndex(first)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert group_rows(page, "overdue") == []
    qtbot.waitUntil(lambda: window.navigation.item(3).text() == "Follow-ups")
    assert "follow-ups due" not in window.counts_label.text()
    assert page.summary.text().startswith("Nothing to follow up")
    window.undo_stack.undo()
    assert group_rows(page, "overdue") == ["Ada Lovelace"]
    qtbot.waitUntil(lambda: window.navigation.item(3).text() == "Follow-ups  (1)")
    assert window.counts_label.text().endswith("1 follow-up due")


def test_snooze_and_reschedule(qtbot, small_window) -> None:
    window = small_window
    window.show_page("followups")
    page = window.page("followups")
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.group_index("overdue")))
    snooze = page.findChild(QPushButton, "followupButton_snooze")
    qtbot.mouseClick(snooze, Qt.MouseButton.LeftButton)
    assert group_rows(page, "overdue") == []
    page.tree.expand(page.model.group_index("later"))  # the view reads the group as it shows
    qtbot.waitUntil(lambda: group_rows(page, "later") == ["Ada Lovelace"])  # a week on
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.group_index("later")))
    target = dt.date.today() + dt.timedelta(days=2)

    def pick(dialog) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QDate

        calendar = dialog.findChild(QCalendarWidget)
        calendar.setSelectedDate(QDate(target.year, target.month, target.day))
        dialog.accept()

    when_dialog_opens(pick)
    page.act("reschedule")
    assert group_rows(page, "later") == []
    assert group_rows(page, "this_week") == ["Ada Lovelace"]
    index = page.model.index(0, 1, page.model.group_index("this_week"))
    assert index.data() == f"{target.day} {target:%b %Y}"


def test_open_contact_goes_to_the_contacts_page(qtbot, small_window) -> None:
    window = small_window
    window.show_page("followups")
    page = window.page("followups")
    index = page.model.index(0, 0, page.model.group_index("overdue"))
    assert index.data(FOLLOWUP_ID_ROLE)
    page.tree.setCurrentIndex(index)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert window.current_page().name == "contacts"
    contacts = window.page("contacts")
    assert contacts.table.currentIndex().data() == "Ada Lovelace"


def test_every_group_is_open_and_shows_its_follow_ups(qtbot, window) -> None:
    window.show_page("followups")
    page = window.page("followups")
    for key in ("overdue", "today", "this_week", "later"):
        assert page.tree.isExpanded(page.model.group_index(key)), key
    later = page.model.group_index("later")
    assert page.model.rowCount(later) > 0
    assert page.tree.visualRect(page.model.index(0, 0, later)).isValid()  # laid out, shown
