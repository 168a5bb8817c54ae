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

from desktop_app.insights.verdicts import VERDICT_LABELS, verdict_headline
from desktop_app.ui.common import labels

# As the store's verdict column reads it: "verdict/basis" (store.contact_columns).
VERDICT_SEPARATOR = "/"


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
    # The cell's tooltip when it says more than its text (its text otherwise).
    tip: Callable[[Any], str] | None = None
    # Drawn with a bar of its value out of 100 (a score).
    bar: bool = False


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


def _verdict(value: Any) -> tuple[str, str] | None:
    if not value:
        return None
    verdict, _, basis = str(value).partition(VERDICT_SEPARATOR)
    return verdict, basis


def _verdict_text(value: Any) -> str:
    found = _verdict(value)
    return VERDICT_LABELS.get(found[0], "") if found else ""


def _verdict_tip(value: Any) -> str:
    found = _verdict(value)
    if found is None:
        return "Not scored yet: the verdict appears in a moment."
    try:
        return verdict_headline(*found)
    except KeyError:
        return _verdict_text(value)


ALIGNMENT_TIP = "Fit with your goal, 0–100: industry, company, role, seniority, interests"
VERDICT_TIP = "Prioritise, Nurture, Re-engage, Give first or Move on, and why"

# Columns supplied by other features, after the base ones: the cached insight scores.
EXTRA_COLUMNS: tuple[ContactColumn, ...] = (
    ContactColumn("alignment", "Alignment", 9, _text, ALIGNMENT_TIP, bar=True),
    ContactColumn("verdict", "Verdict", 10, _verdict_text, VERDICT_TIP, tip=_verdict_tip),
)
SCORE_KEYS = frozenset(column.key for column in EXTRA_COLUMNS)


def contact_columns() -> tuple[ContactColumn, ...]:
    return (*BASE_COLUMNS, *EXTRA_COLUMNS)
