"""Help → Keyboard Shortcuts: every shortcut of the window, read from its actions (the
same QActions the keys trigger), so the list cannot drift from what the keys do."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

_MNEMONIC = re.compile(r"&(.)")


def plain_text(text: str) -> str:
    """A menu text as read: "&&" is "&", a lone "&" marks the mnemonic and goes."""
    return _MNEMONIC.sub(r"\1", text)


def _place(action: QAction, window: QWidget) -> tuple[str, int]:
    """Where the action lives and its rank there: its menu ("Edit") and its place in it, or
    the page it acts on ("Dashboard")."""
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return plain_text(owner.title()), owner.actions().index(action)
    parent = action.parent()
    while parent is not None and parent is not window:
        title = getattr(parent, "title", None)
        if isinstance(title, str) and getattr(parent, "name", None):
            return title, -1
        parent = parent.parent()
    return "Main window", -1


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(place, action, keys) for every action of ``window`` with a shortcut, in menu order
    and then by page."""
    menus = [plain_text(a.text()) for a in window.menuBar().actions()]  # type: ignore[attr-defined]
    ranked: dict[tuple[str, str, str], int] = {}
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys and action.text():
            place, rank = _place(action, window)
            name = action.property("shortcut_name") or plain_text(action.text())
            ranked[(place, name, ", ".join(keys))] = rank

    def order(row: tuple[str, str, str]) -> tuple[int, str, int, str]:
        place = menus.index(row[0]) if row[0] in menus else len(menus)
        return place, row[0], ranked[row], row[1].casefold()

    return sorted(ranked, key=order)


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts")
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for place, text, keys in shortcut_rows(window):
            group = groups.get(place)
            if group is None:
                group = groups[place] = QTreeWidgetItem(self.tree, [place])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
            QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 600)
