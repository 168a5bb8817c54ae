"""The events table: columns over ``store.events.EventRow``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale

from desktop_app.ui.common import labels
from desktop_app.ui.common.dates import format_moment
from desktop_app.ui.common.id_table_model import Column, IdTableModel

if TYPE_CHECKING:
    from desktop_app.store.events import EventRow


def money(cents: int) -> str:
    return QLocale().toCurrencyString(cents / 100) if cents else "—"


def hours(value: float) -> str:
    return f"{value:g} h" if value else "—"


def event_columns() -> list[Column[EventRow]]:
    return [
        Column("name", "Event", lambda r: r.name, tooltip=lambda r: r.name),
        Column("kind", "Kind", lambda r: labels.EVENT_KIND.get(r.kind, r.kind)),
        Column(
            "starts_at",
            "Date",
            lambda r: format_moment(r.starts_at),
            raw=lambda r: r.starts_at,
        ),
        Column("place", "Place", lambda r: r.place),
        Column(
            "hours",
            "Hours",
            lambda r: hours(r.hours_invested),
            raw=lambda r: r.hours_invested,
            align_right=True,
        ),
        Column(
            "cost",
            "Cost",
            lambda r: money(r.cost_cents),
            raw=lambda r: r.cost_cents,
            align_right=True,
        ),
        Column(
            "met",
            "People met",
            lambda r: str(r.people_met),
            raw=lambda r: r.people_met,
            align_right=True,
        ),
        Column(
            "done",
            "Follow-ups done",
            lambda r: str(r.followups_done),
            raw=lambda r: r.followups_done,
            align_right=True,
        ),
        Column(
            "outcomes",
            "Outcomes",
            lambda r: str(r.outcomes),
            raw=lambda r: r.outcomes,
            align_right=True,
        ),
    ]


class EventTableModel(IdTableModel["EventRow"]):
    def __init__(self, fetch: Callable[[Sequence[int]], dict[int, Any]], parent: Any = None):
        super().__init__(event_columns(), fetch, parent)
