"""The tables' sort: the header's arrow points the way the rows run (Events and Contacts
alike), and the order a user chose comes back with the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from desktop_app.ui.common.roles import SORT_ROLE as SORT_KEY_ROLE
from tests.ui.conftest import make_window
from tests.ui.events_helpers import events_page, visible_names

DATE = 2


def arrow_widths(header: QHeaderView, section: int) -> list[int]:
    """How wide the drawn arrow is, row by row from its top (at the section's right end)."""
    image = header.grab().toImage()
    left = header.sectionViewportPosition(section) + header.sectionSize(section) - 18
    widths = []
    for y in range(image.height()):
        dark = sum(1 for x in range(left, left + 16) if image.pixelColor(x, y).lightness() < 140)
        if dark:
            widths.append(dark)
    return widths


def points_down(header: QHeaderView, section: int) -> bool:
    widths = arrow_widths(header, section)
    assert len(widths) >= 2 and widths[0] != widths[-1], widths
    return widths[0] > widths[-1]


def dates(page) -> list:  # type: ignore[no-untyped-def]
    return [page.model.index(row, DATE).data(SORT_KEY_ROLE) for row in range(page.model.rowCount())]


def click_section(qtbot, header: QHeaderView, section: int) -> None:  # type: ignore[no-untyped-def]
    middle = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2)
    )


def test_the_date_arrow_points_down_while_the_newest_come_first(qtbot, window) -> None:
    page = events_page(qtbot, window)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == DATE
    assert dates(page) == sorted(dates(page), reverse=True)
    assert points_down(header, DATE)

    click_section(qtbot, header, DATE)
    assert dates(page) == sorted(dates(page))
    assert not points_down(header, DATE)


def test_the_order_chosen_comes_back_with_the_window(qtbot, window, db_path: Path) -> None:
    page = events_page(qtbot, window)
    click_section(qtbot, page.table.horizontalHeader(), 0)
    names = visible_names(page)
    assert names == sorted(names, key=str.lower)
    window.close()

    again = make_window(qtbot, db_path)
    page = events_page(qtbot, again)
    assert page.table.horizontalHeader().sortIndicatorSection() == 0
    assert visible_names(page) == names
    again.close()


def test_the_contacts_arrow_points_the_same_way(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_page("contacts")
    page = window.page("contacts")
    header = page.table.horizontalHeader()
    name = header.sortIndicatorSection()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder  # A to Z: rising
    assert not points_down(header, name)
    click_section(qtbot, header, name)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert points_down(header, name)
