"""Writing an export file on the worker thread: plain functions, no widgets.

The file appears whole or not at all (``atomic_text_output``, owner-only); a cancel raises
out of the reporter while the file is being written, and the partial file is removed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.background import Reporter

T = TypeVar("T")
_REPORT_EVERY = 200


def _counted(items: Sequence[T], reporter: Reporter) -> Iterator[T]:
    """``items`` one by one, reporting (and checking for a cancel) as they are written."""
    total = len(items)
    for number, item in enumerate(items):
        if number % _REPORT_EVERY == 0:
            reporter(number, total)
        yield item
    reporter(total, total)


class _ReportingStream:
    """A text stream that reports every write as one step (the JSON writer writes one
    line per row) and checks for a cancel."""

    def __init__(self, stream: TextIO, reporter: Reporter, total: int) -> None:
        self._stream = stream
        self._reporter = reporter
        self._total = max(total, 1)
        self._written = 0

    def write(self, text: str) -> int:
        self._written += 1
        if self._written % _REPORT_EVERY == 0:
            self._reporter(min(self._written, self._total), self._total)
        return self._stream.write(text)


def export_file(
    db: Database,
    format_name: str,
    path: Path,
    reporter: Reporter,
    *,
    include_done: bool = False,
    contact_ids: list[int] | None = None,
) -> str:
    """Write the export ``format_name`` to ``path`` (contacts: those of ``contact_ids``, or
    all); what was written, in words."""
    from desktop_app.exchange.outfile import atomic_text_output
    from desktop_app.store import exporter

    if format_name in ("csv", "vcard"):
        reporter.stage("Reading the contacts…")
        contacts = exporter.export_contacts(db, contact_ids)
        reporter.stage(f"Writing {count_of(len(contacts), 'contact')}…", len(contacts))
        if format_name == "csv":
            from desktop_app.exchange.csv_out import ENCODING, write_contacts_csv

            with atomic_text_output(path, encoding=ENCODING) as stream:
                write_contacts_csv(_counted(contacts, reporter), stream)
        else:
            from desktop_app.exchange.vcard_out import write_vcards

            with atomic_text_output(path) as stream:
                write_vcards(_counted(contacts, reporter), stream)
        return count_of(len(contacts), "contact")
    if format_name == "ics":
        from desktop_app.exchange.ical_dates import add_reminders
        from desktop_app.exchange.ical_out import build_calendar
        from desktop_app.store.reminders_export import export_reminders

        reporter.stage("Reading the events and follow-ups…")
        events, followups = exporter.export_calendar(db, include_done=include_done)
        birthdays, touches = export_reminders(db)
        reporter.stage("Writing the calendar…")
        calendar = build_calendar(events, followups)
        add_reminders(calendar, birthdays, touches)  # as `netwise export ics` writes them
        text = calendar.to_ical().decode("utf-8")
        reporter.check()
        with atomic_text_output(path) as stream:
            stream.write(text)
        return (
            f"{count_of(len(events), 'event')}, {count_of(len(followups), 'follow-up')}, "
            f"{count_of(len(birthdays), 'birthday')} and "
            f"{count_of(len(touches), 'keep-in-touch day')}"
        )
    if format_name == "json":
        from desktop_app.exchange.jsonformat import dump_dataset

        reporter.stage("Reading everything…")
        dataset = exporter.export_dataset(db)
        rows = sum(len(v) for k, v in dataset.items() if k != "settings")
        reporter.stage(f"Writing {count_of(rows, 'row')}…", rows)
        with atomic_text_output(path, newline="\n") as stream:
            dump_dataset(dataset, _ReportingStream(stream, reporter, rows))  # type: ignore[arg-type]
        return f"everything ({count_of(len(dataset['contacts']), 'contact')})"
    raise KeyError(format_name)
