"""The columns of the contacts table as users see them: titles, widths, how values read.

Each column's key names its SQL in ``store.contact_columns``. Other features add columns by
listing a ``ContactColumn`` in ``EXTRA_COLUMNS`` here and the matching ``ColumnSql`` in the
store's ``EXTRA_COLUMNS``; the table, its sorting, saved layout and tooltips then include it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.ui import labels


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _from(table: dict[str, str]) -> Callable[[Any], str]:
    return lambda value: table.get(value, "") if value else ""


def _overdue(value: Any) -> bool:
    day = labels.as_date(value)
    return day is not None and day < dt.date.today()


@dataclass(frozen=True)
class ContactColumn:
    key: str
    title: str
    width_chars: int  # default width, in average characters of the table's font
    format: Callable[[Any], str] = _text
    tooltip: str = ""
    # Shown as a warning (in the palette's warning colour) when this returns True.
    warn: Callable[[Any], bool] | None = None


BASE_COLUMNS: tuple[ContactColumn, ...] = (
    ContactColumn("name", "Name", 18),
    ContactColumn("title", "Title", 20),
    ContactColumn("company", "Company", 17),
    ContactColumn("industry", "Industry", 11),
    ContactColumn(
        "seniority", "Seniority", 9, _from(labels.SENIORITY), "Their level relative to mine"
    ),
    ContactColumn(
        "circle", "Circle", 8, _from(labels.CIRCLE_SHORT), "Familiar circle or new territory"
    ),
    ContactColumn("tags", "Tags", 15),
    ContactColumn("last_contact", "Last contact", 11, labels.format_date),
    ContactColumn("next_followup", "Next follow-up", 12, labels.format_date, warn=_overdue),
)

# Columns supplied by other features (alignment, verdict...), after the base ones.
EXTRA_COLUMNS: tuple[ContactColumn, ...] = ()


def contact_columns() -> tuple[ContactColumn, ...]:
    return (*BASE_COLUMNS, *EXTRA_COLUMNS)
