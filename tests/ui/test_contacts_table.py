"""The Contacts page as a user meets it: typing, facets, sorting, counts, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import shown


def page_of(window):  # type: ignore[no-untyped-def]
    return window.page("contacts")


def test_demo_contacts_fill_the_table(qtmodeltester, window) -> None:
    page = page_of(window)
    window.show_page("contacts")
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == page.model.total - 18  # the demo's archived contacts
    assert page.count_label.text() == f"Showing {page.model.rowCount()} of 300 contacts"


def test_typing_filters_as_you_type(qtbot, small_window) -> None:
    page = page_of(small_window)
    assert shown(page) == ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]
    qtbot.keyClicks(page.filter_bar.search, "prod")
    qtbot.waitUntil(lambda: shown(page) == ["Ada Lovelace", "Chen Wei"])
    qtbot.keyClicks(page.filter_bar.search, " sol")
    qtbot.waitUntil(lambda: shown(page) == ["Chen Wei"])
    assert page.count_label.text() == "Showing 1 of 5 contacts"
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Escape)
    assert page.filter_bar.search.text() == ""
    assert len(shown(page)) == 4


def test_search_covers_tags_and_notes(qtbot, small_window) -> None:
    page = page_of(small_window)
    qtbot.keyClicks(page.filter_bar.search, "alumni")
    qtbot.waitUntil(lambda: shown(page) == ["Bob Builder"])
    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "analytical")
    qtbot.waitUntil(lambda: shown(page) == ["Ada Lovelace"])


def test_facets_narrow_the_table(qtbot, small_window) -> None:
    page = page_of(small_window)
    bar = page.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("any"))
    assert "Dora Explorer" in shown(page)
    bar.tag.setCurrentIndex(bar.tag.findData("climate"))
    assert shown(page) == ["Ada Lovelace", "Dora Explorer"]
    bar.seniority.setCurrentIndex(bar.seniority.findData("junior"))
    assert shown(page) == ["Dora Explorer"]
    bar.seniority.setCurrentIndex(0)
    bar.tag.setCurrentIndex(0)
    bar.circle.setCurrentIndex(bar.circle.findData("new"))
    assert shown(page) == ["Ada Lovelace", "Chen Wei"]
    assert page.count_label.text() == "Showing 2 of 5 contacts"


def test_clicking_headers_sorts_and_keeps_the_selection(qtbot, small_window) -> None:
    page = page_of(small_window)
    page.select_contact(page.model.contact_id(shown(page).index("Chen Wei")))
    header = page.table.horizontalHeader()
    company = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)].index(
        "Company"
    )
    click = QPoint(header.sectionViewportPosition(company) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert shown(page) == ["Bob Builder", "Ada Lovelace", "Emil Zola", "Chen Wei"]
    assert page.table.currentIndex().data() == "Chen Wei"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert shown(page) == ["Chen Wei", "Emil Zola", "Ada Lovelace", "Bob Builder"]
    assert page.table.currentIndex().data() == "Chen Wei"
    qtbot.waitUntil(lambda: page.detail.name.text() == "Chen Wei")


def test_layout_and_sort_are_remembered(qtbot, db_path: Path, network) -> None:
    first = make_window(qtbot, db_path)
    first.resize(760, 560)  # within the offscreen screen, so the size comes back as it was
    first.show_page("contacts")
    page = page_of(first)
    page.table.viewport().repaint()  # the first paint: columns are fitted to the rows shown
    qtbot.wait(10)
    page.table.setColumnWidth(1, 222)
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    page.splitter.setSizes([150, 450])  # the detail pane wider than its minimum
    qtbot.wait(10)
    sizes = page.splitter.sizes()
    first.close()
    second = make_window(qtbot, db_path)
    page = page_of(second)
    second.show_page("contacts")
    assert page.table.columnWidth(1) == 222
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2,
        Qt.SortOrder.DescendingOrder,
    )
    assert shown(page)[0] == "Chen Wei"  # Solaria Power, the last company
    # The page's width may settle a few pixels apart (the navigation fits its counts), so
    # the share of the table is compared.
    table, detail = page.splitter.sizes()
    assert abs(table / (table + detail) - sizes[0] / sum(sizes)) < 0.05
    second.close()


def test_user_text_is_never_rich_text(qtbot, db_path: Path) -> None:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.records import ContactInput

    db = open_database(str(db_path))
    create_contact(db, ContactInput(first_name="<b>Ann</b>", notes="<i>&amp;</i>"))
    db.close()
    window = make_window(qtbot, db_path)
    window.show_page("contacts")
    page = page_of(window)
    qtbot.waitUntil(lambda: page.detail.name.text() == "<b>Ann</b>")
    labels = [page.detail.name, page.detail.subtitle, *page.detail.fields.values()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert page.detail.fields["notes"].text() == "<i>&amp;</i>"
    window.close()


def test_opening_another_database_shows_its_contacts(qtbot, small_window, data_dir: Path) -> None:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.records import ContactInput

    other = data_dir / "other.sqlite3"
    db = open_database(str(other))
    create_contact(db, ContactInput(first_name="Zora", last_name="Neale", company="Acme"))
    db.close()
    page = page_of(small_window)
    assert shown(page)[1] == "Bob Builder"  # its row (and Acme) read, cached
    with qtbot.waitSignal(small_window.database_ready, timeout=10_000):
        small_window.open_database(str(other))
    assert shown(page) == ["Zora Neale"]
    assert page.count_label.text() == "Showing 1 of 1 contact"
    qtbot.waitUntil(lambda: page.detail.name.text() == "Zora Neale")
