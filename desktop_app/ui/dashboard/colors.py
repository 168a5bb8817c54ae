"""The dashboard's colours, from the application palette: light and dark alike.

Met and not met are also said in words everywhere they are shown; colour only helps.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# (light, dark) pairs: readable on a white base and on a dark one.
_MET = ("#2e7d32", "#81c784")
_MISSED = ("#b3261e", "#ff8a80")
_SERIES = (
    ("#1f6feb", "#6ea8fe"),
    ("#2e7d32", "#81c784"),
    ("#b26a00", "#ffb74d"),
    ("#8e24aa", "#ce93d8"),
    ("#00838f", "#4dd0e1"),
    ("#6d4c41", "#bcaaa4"),
)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _pick(pair: tuple[str, str], palette: QPalette | None) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def met_color(palette: QPalette | None = None) -> QColor:
    return _pick(_MET, palette)


def missed_color(palette: QPalette | None = None) -> QColor:
    return _pick(_MISSED, palette)


def series_color(index: int, palette: QPalette | None = None) -> QColor:
    return _pick(_SERIES[index % len(_SERIES)], palette)


def muted_text(palette: QPalette) -> QColor:
    """Text between the window's text and its background: for captions."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )


def tint(widget: QWidget, color: QColor) -> None:
    """Draw ``widget``'s text in ``color`` (on a window or a base background alike)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    palette.setColor(QPalette.ColorRole.Text, color)
    widget.setPalette(palette)
