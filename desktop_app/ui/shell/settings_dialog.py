"""Edit → Settings…: the thresholds behind every insight, the follow-up default, the
keep-in-touch cadences (``settings_keep_in_touch``) and the tray's reminders
(``tray_settings``).

Each threshold is a spin box with its unit and range and one line saying what it does.
Nothing is written until OK (Cancel loses nothing); OK checks the values together, writes
them in one transaction and asks the window to rescore every contact in the background,
after which every view showing scores updates itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.insights.settings import InsightSettings, allowed_range
from desktop_app.ui.common.widgets.field_error import error_label
from desktop_app.ui.shell.settings_keep_in_touch import KeepInTouchOptions
from desktop_app.ui.shell.settings_thresholds import FOLLOW_UP, TABS, Threshold, check
from desktop_app.ui.shell.tray_settings import ReminderOptions

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from desktop_app.store.database import Database
    from desktop_app.store.preferences import Preferences, TagCadence
    from desktop_app.ui.common.insights_refresher import InsightsRefresher


class SettingsDialog(QDialog):
    """Shows ``preferences``; ``result_preferences()`` holds what OK accepted."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        ui_state: QSettings | None = None,
        *,
        tray_available: bool | None = None,
        database_file: Path | str | None = None,
        tags: tuple[TagCadence, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.initial = preferences
        self.accepted_preferences: Preferences | None = None
        self.accepted_tag_cadences: dict[int, str | None] = {}
        # Stores what OK accepted before the dialog closes, so a refusal (a lost server)
        # leaves it open with every value as it was set.
        self.save: Callable[[Preferences, dict[int, str | None]], None] | None = None
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self.tabs = QTabWidget(self)
        for title, thresholds in TABS:
            self.tabs.addTab(self._tab(thresholds), title)
        self.reminders = ReminderOptions(
            ui_state, self, tray_available=tray_available, database=database_file
        )
        self.keep_in_touch = KeepInTouchOptions(tags, self)
        self.tabs.addTab(self.keep_in_touch, "Keep in Touch")
        self.tabs.addTab(self.reminders, "Reminders")
        self.error = error_label(self, "settings")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setToolTip("Put every setting back to its default (nothing is saved until OK)")
        restore.clicked.connect(self.restore_defaults)
        note = QLabel("Changes rescore every contact in the background after OK.", self)
        note.setWordWrap(True)
        note.setObjectName("rescoreNote")
        # Cadences and reminders rescore nothing: the note stands under the insights' tabs.
        quiet = (self.keep_in_touch, self.reminders)
        self.tabs.currentChanged.connect(lambda i: note.setHidden(self.tabs.widget(i) in quiet))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(560, self.tabs.tabBar().sizeHint().width() + 40))  # every tab
        self.show_preferences(preferences)

    def _tab(self, thresholds: tuple[Threshold, ...]) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        muted = tab.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for threshold in thresholds:
            spin = self._spin(threshold)
            explanation = QLabel(threshold.explanation, tab)
            explanation.setTextFormat(Qt.TextFormat.PlainText)
            explanation.setWordWrap(True)
            explanation.setStyleSheet(f"color: {muted};")
            explanation.setObjectName(f"explain_{threshold.name}")
            field = QWidget(tab)
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 4)
            column.setSpacing(1)
            column.addWidget(spin, 0, Qt.AlignmentFlag.AlignLeft)
            column.addWidget(explanation)
            label = QLabel(f"{threshold.label}:", tab)
            label.setBuddy(spin)
            form.addRow(label, field)
        return tab

    def _spin(self, threshold: Threshold) -> QSpinBox | QDoubleSpinBox:
        from desktop_app.store.preferences import FOLLOW_UP_DAYS_RANGE

        name = threshold.name
        low, high = FOLLOW_UP_DAYS_RANGE if name == FOLLOW_UP else allowed_range(name)
        spin: QSpinBox | QDoubleSpinBox
        if name != FOLLOW_UP and isinstance(getattr(InsightSettings, name), float):
            spin = QDoubleSpinBox(self)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setRange(low, high)
        else:
            spin = QSpinBox(self)
            spin.setRange(int(low), int(high))
        spin.setObjectName(f"setting_{name}")
        spin.setAccessibleName(threshold.label)
        spin.setToolTip(f"{threshold.explanation} ({low:g} to {high:g})")
        if threshold.unit:
            spin.setSuffix(f" {threshold.unit}")
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000000 messages") + 30)
        spin.valueChanged.connect(lambda _value: self.error.hide())
        self.spins[name] = spin
        return spin

    # -- values ----------------------------------------------------------------------
    def show_preferences(self, preferences: Preferences) -> None:
        values = {**preferences.insights.to_dict(), FOLLOW_UP: preferences.follow_up_days}
        for name, spin in self.spins.items():
            spin.setValue(values[name])
        self.keep_in_touch.show_defaults(preferences.cadence_defaults)
        self.error.hide()

    def restore_defaults(self) -> None:
        from desktop_app.store.preferences import Preferences

        self.show_preferences(Preferences())
        self.keep_in_touch.restore_tags(to_none=True)
        self.reminders.restore_defaults()

    def values(self) -> dict[str, float]:
        return {name: spin.value() for name, spin in self.spins.items()}

    def preferences(self) -> Preferences:
        """The values shown as settings; ``ValueError`` (in words) when they do not fit."""
        from desktop_app.store.preferences import Preferences

        values = self.values()
        problem, name = check(values)
        if problem:
            self._reveal(name)
            raise ValueError(problem)
        days = int(values.pop(FOLLOW_UP))
        fields = {
            name: value if isinstance(getattr(InsightSettings, name), float) else int(value)
            for name, value in values.items()
        }
        return Preferences(InsightSettings(**fields), days, self.keep_in_touch.defaults())

    def _reveal(self, name: str) -> None:
        """Show the tab holding the field ``name`` and put the cursor in it."""
        spin = self.spins[name]
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(spin):
                self.tabs.setCurrentIndex(index)
        spin.setFocus(Qt.FocusReason.OtherFocusReason)
        spin.selectAll()

    def accept(self) -> None:
        """Keep the dialog open, with the reason, when the values do not fit together."""
        try:
            self.accepted_preferences = self.preferences()
            self.accepted_tag_cadences = self.keep_in_touch.changed_tags()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if not self._saved():
            return
        problem = self.reminders.apply()
        if problem:
            self.tabs.setCurrentWidget(self.reminders)
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    def _saved(self) -> bool:
        """Store what was accepted; a refusal is said above the buttons."""
        from desktop_app.store.errors import StoreError

        if self.save is None or self.accepted_preferences is None:
            return True
        try:
            self.save(self.accepted_preferences, self.accepted_tag_cadences)
        except StoreError as exc:
            self.error.setText(f"Settings not saved: {exc.message}")
            self.error.show()
            return False
        return True


def edit_settings(
    parent: QWidget, database: Database, ui_state: QSettings | None = None
) -> Preferences | None:
    """Show the dialog over the stored settings; on OK store them (one transaction) and
    return them, else None. Errors a user can act on are shown, not raised."""
    from desktop_app.store.preferences import read_preferences, read_tag_cadences, write_preferences
    from desktop_app.ui.common.undo import retrying

    tags = read_tag_cadences(database)
    dialog = SettingsDialog(
        read_preferences(database),
        parent,
        ui_state,
        database_file=database.path or database.target,  # a server: its address
        tags=tags,
    )

    def save(preferences: Preferences, changed: dict[int, str | None]) -> None:
        if preferences != dialog.initial or changed:
            retrying(dialog, lambda: write_preferences(database, preferences, changed))

    dialog.save = save
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.accepted_preferences is None:
        return None
    changed, preferences = dialog.accepted_tag_cadences, dialog.accepted_preferences
    if preferences == dialog.initial and not changed:
        return None  # nothing changed: nothing written, nothing to rescore
    return preferences


def open_settings(
    window: QWidget,
    database: Database | None,
    refresher: InsightsRefresher,
    ui_state: QSettings | None = None,
) -> None:
    """Edit → Settings… in the main window: store, then rescore in the background."""
    if database is None:
        return
    if edit_settings(window, database, ui_state) is not None:
        refresher.request(now=True)
