"""The contact dialog's keep-in-touch fields: the cadence (their own, or the default of
their tags and verdict) and the birthday (day and month, the year if known)."""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.keep_in_touch import Birthday

NOT_SET = "—"
MONTHS = tuple(calendar.month_name[number] for number in range(1, 13))
# How many days a month can have: 29 February is a birthday (every fourth year).
LONGEST_MONTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def default_cadence_text(resolved: str | None) -> str:
    """The cadence combo's first entry, saying what the default comes to where it is known."""
    if resolved is None:
        return "Default (from tags and verdict)"
    return f"Default (from tags and verdict: {rules.CADENCE_LABELS[resolved]})"


class CadenceCombo(QComboBox):
    """The contact's own cadence, or None: their tags' and verdict's default applies."""

    def __init__(self, parent: QWidget | None = None, resolved: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchCadence")
        self.setAccessibleName("Keep in touch")
        self.setToolTip("How often to get in touch with them; a logged interaction restarts it")
        self.addItem(default_cadence_text(resolved), None)
        self.insertSeparator(1)
        for code in rules.CADENCES:
            self.addItem(rules.CADENCE_LABELS[code], code)

    def cadence(self) -> str | None:
        return self.currentData()

    def set_cadence(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(code), 0) if code is not None else 0)


class BirthdayEdit(QWidget):
    """Day, month and an optional year; both day and month empty means no birthday."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("birthday")
        self.day = QComboBox(self)
        self.day.setObjectName("birthDay")
        self.day.setAccessibleName("Birthday: day")
        self.day.addItem(NOT_SET, None)
        for number in range(1, 32):
            self.day.addItem(str(number), number)
        self.month = QComboBox(self)
        self.month.setObjectName("birthMonth")
        self.month.setAccessibleName("Birthday: month")
        self.month.addItem(NOT_SET, None)
        for number, name in enumerate(MONTHS, start=1):
            self.month.addItem(name, number)
        self.year = QLineEdit(self)
        self.year.setObjectName("birthYear")
        self.year.setAccessibleName("Birthday: year")
        self.year.setPlaceholderText("Year (optional)")
        self.year.setMaxLength(4)
        self.year.setMaximumWidth(self.year.fontMetrics().horizontalAdvance("Year (optional)") + 16)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearBirthday")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("No birthday")
        self.clear_button.clicked.connect(lambda: self.set_birthday(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.day, self.month, self.year, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setFocusProxy(self.day)
        self.day.currentIndexChanged.connect(self.changed)
        self.month.currentIndexChanged.connect(self.changed)
        self.year.textChanged.connect(self.changed)

    def set_birthday(self, birthday: Birthday | None) -> None:
        self.day.setCurrentIndex(birthday.day if birthday else 0)
        self.month.setCurrentIndex(birthday.month if birthday else 0)
        self.year.setText(str(birthday.year) if birthday and birthday.year else "")

    def is_empty(self) -> bool:
        return self.day.currentIndex() == 0 and self.month.currentIndex() == 0 and not self._year()

    def _year(self) -> str:
        return self.year.text().strip()

    def problem(self, today: dt.date | None = None) -> str | None:
        """Why what is chosen is not a birthday (None: it is one, or there is none)."""
        if self.is_empty():
            return None
        day, month, year = self.day.currentData(), self.month.currentData(), self._year()
        if day is None or month is None:
            return "The birthday needs a day and a month (the year may stay empty)."
        if year and not (year.isdigit() and len(year) == 4):
            return f"“{year}” is not a year: four digits, or leave it empty."
        if year and int(year) > (today or dt.date.today()).year:
            return f"The birthday's year {year} is still to come."
        name, longest = MONTHS[month - 1], LONGEST_MONTHS[month - 1]
        if day > longest:
            most = " at most" if month == 2 else ""
            return f"There is no {day} {name}: {name} has {longest} days{most}."
        if year:
            try:
                dt.date(int(year), month, day)
            except ValueError:
                return f"There is no {day} {name} {year}: {year} is not a leap year."
        return None

    def birthday(self) -> Birthday | None:
        """The birthday chosen, or None (none, or one that is not a day: see ``problem``)."""
        if self.is_empty() or self.problem() is not None:
            return None
        year = self._year()
        return Birthday(
            self.month.currentData(), self.day.currentData(), int(year) if year else None
        )
