"""One row of the contacts table as it is painted: raw values, their text, tooltips and
colours, computed once when the row is fetched (``data()`` then only indexes lists)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.ui.contacts.columns import ContactColumn

# Rows of contacts set aside are painted in the muted text colour.
MUTED_STATUSES = ("archived", "moved_on")


class Row:
    """One contact's cells."""

    __slots__ = ("brushes", "raw", "status", "text", "tips")

    def __init__(
        self,
        status: str | None,
        raw: Sequence[Any],
        text: Sequence[str],
        tips: Sequence[str],
        brushes: Sequence[QBrush | None],
    ) -> None:
        self.status, self.raw, self.text, self.tips, self.brushes = (
            status,
            raw,
            text,
            tips,
            brushes,
        )


def blank_row(count: int) -> Row:
    """A contact deleted meanwhile: shown empty until the table is refreshed."""
    return Row(None, [None] * count, [""] * count, [""] * count, [None] * count)


def palette_brushes() -> tuple[QBrush, QBrush]:
    """The warning and the muted text colours of the current palette."""
    palette = QApplication.palette()
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    warn = QBrush(QColor("#ff8a80") if dark else QColor("#b3261e"))
    return warn, QBrush(palette.color(QPalette.ColorRole.PlaceholderText))


def build_row(
    columns: Sequence[ContactColumn],
    status: str | None,
    raw: Sequence[Any],
    brushes: tuple[QBrush, QBrush],
) -> Row:
    """The cells of one fetched row (``brushes``: from ``palette_brushes``)."""
    warn, muted = brushes
    text = [c.format(v) for c, v in zip(columns, raw, strict=True)]
    tips = [
        c.tip(v) if c.tip is not None else shown
        for c, v, shown in zip(columns, raw, text, strict=True)
    ]
    normal = muted if status in MUTED_STATUSES else None
    colours = [
        warn if c.warn is not None and c.warn(v) else normal
        for c, v in zip(columns, raw, strict=True)
    ]
    return Row(status, raw, text, tips, colours)
