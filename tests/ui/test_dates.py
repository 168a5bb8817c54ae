"""One way of writing dates, from the locale: the events table, an event's detail, the
people's follow-ups and the date fields all write them alike."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop_app.datetext import format_day as headless_day
from desktop_app.ui.common.roles import SORT_ROLE as SORT_KEY_ROLE
from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def app_locale(request):  # type: ignore[no-untyped-def]
    """The locale the window starts in (before the ``window`` fixture builds it)."""
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


def first_event(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    columns = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    cell = page.model.index(0, columns.index("Date"))
    page.table.selectRow(0)
    return page, cell.data(), cell.data(SORT_KEY_ROLE)


@pytest.mark.parametrize(
    ("app_locale", "written"),
    [
        ("en_GB", lambda t: f"{t.day} {t:%b} {t.year}, {t:%H:%M}"),
        ("en_US", lambda t: f"{t:%b} {t.day}, {t.year}, {t.hour % 12 or 12}:{t:%M}\u202f{t:%p}"),
    ],
    indirect=["app_locale"],
)
def test_event_dates_are_written_the_locales_way(qtbot, app_locale, window, written):  # type: ignore[no-untyped-def]
    page, shown, starts_at = first_event(qtbot, window)
    assert isinstance(starts_at, dt.datetime)
    assert shown == written(starts_at)
    assert page.detail.facts.text().startswith(written(starts_at))
    fields: list[str] = []

    def read(dialog: EventDialog) -> None:
        fields.append(dialog.starts_at.text())
        dialog.reject()

    when_dialog_opens(read, EventDialog)
    page.edit_event()
    assert fields == [written(starts_at)]


def test_the_window_and_the_reports_write_a_day_alike(qtbot, window) -> None:
    page, _shown, starts_at = first_event(qtbot, window)
    day = starts_at.date()
    assert headless_day(day) == f"{day.day} {day:%b} {day.year}"  # the C locale: day first
    assert page.detail.facts.text().startswith(headless_day(day))
