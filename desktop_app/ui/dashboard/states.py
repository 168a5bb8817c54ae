"""What the dashboard shows instead of figures: while reading the first time, and when
there is nothing to measure yet (no contacts, no goal), with the way forward."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.ui.common.widgets.empty_state import EmptyState

READING = ("Reading your network…", "Your figures appear in a moment.")
NO_CONTACTS = (
    "Your network at a glance",
    "Once you add the people you know, this page shows who serves your goal and who does "
    "not: people who ignore you, one-sided relationships, the return on your hours, and "
    "the mix of peers and higher-level contacts. Add contacts one by one, or import your "
    "LinkedIn connections or an address book.",
)
SET_GOAL_TOO = "And set your goal: every figure is measured against it."
NO_GOAL = (
    "Set your goal first",
    "Every figure here is measured against a stated goal: who you want to reach and why, "
    "and how many hours a week you give it. The goal wizard takes a few minutes.",
)
# key → button text, in the order shown
BUTTONS = {
    "goal": "Set Your Goal…",
    "add": "Add a Contact…",
    "import": "Import Contacts…",
}


class DashboardState(EmptyState):
    """A heading, a sentence, and the buttons that lead on (``chosen(key)``), centred."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.setObjectName("dashboardState")
        self.buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for key, text in BUTTONS.items():
            button = QPushButton(text, self)
            button.setObjectName(f"dashboard_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            self.buttons[key] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_below(buttons)

    def show_state(self, heading: str, body: str, buttons: tuple[str, ...] = ()) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        for key, button in self.buttons.items():
            button.setVisible(key in buttons)
            button.setDefault(bool(buttons) and key == buttons[0])  # the first way on

    def shown_buttons(self) -> list[str]:
        return [key for key, button in self.buttons.items() if not button.isHidden()]
