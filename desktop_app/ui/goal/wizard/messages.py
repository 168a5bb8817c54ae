"""Check results shown as plain-text lines that a screen reader reads with their level."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from desktop_app.insights.findings import Finding, Level

LEVEL_WORDS = {
    Level.PROBLEM: "To go on",
    Level.WARNING: "Warning",
    Level.HINT: "Hint",
    Level.OK: "Good",
}
# Dark enough to read on a light window, each with a distinct icon so colour is not the
# only signal.
LEVEL_COLOURS = {
    Level.PROBLEM: "#a4161a",
    Level.WARNING: "#7a4a00",
    Level.HINT: "#1d4f91",
    Level.OK: "#1e6b30",
}
_LEVEL_ICONS = {
    Level.PROBLEM: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Level.HINT: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Level.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
}


def mute(label: QLabel) -> None:
    """Secondary text: two thirds of the way from the window colour to the text colour,
    still well readable (a disabled label's grey is too faint to read)."""
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)


class FindingLine(QWidget):
    """One finding: an icon and the message, readable by keyboard and screen reader."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(_LEVEL_ICONS[finding.level]).pixmap(size))
        icon.setAccessibleName(LEVEL_WORDS[finding.level])
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(f"{LEVEL_WORDS[finding.level]}: {finding.message}", self)
        self.label.setObjectName(f"finding-{finding.code}")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        # Reachable with Tab, so a keyboard user lands on the reason itself.
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.label.setStyleSheet(f"color: {LEVEL_COLOURS[finding.level]};")
        self.label.setAccessibleName(f"{LEVEL_WORDS[finding.level]}: {finding.message}")
        self.label.setAccessibleDescription(finding.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)


class FindingList(QWidget):
    """The findings of a page's checks, worst first; empty means nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(4)
        self.lines: list[FindingLine] = []
        self._shown: list[Finding] = []

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the lines (kept as they are when nothing changed, so focus stays)."""
        findings = list(findings)
        if findings == self._shown:
            return
        self._shown = findings
        for line in self.lines:
            line.hide()
            line.deleteLater()
        self.lines = [FindingLine(finding, self) for finding in findings]
        for line in self.lines:
            self._layout.addWidget(line)
        summary = "; ".join(f"{LEVEL_WORDS[f.level]}: {f.message}" for f in findings)
        self.setAccessibleDescription(summary or "No remarks.")
        self.setVisible(bool(findings))

    def texts(self) -> list[str]:
        return [line.label.text() for line in self.lines]

    def findings(self) -> list[Finding]:
        return list(self._shown)
