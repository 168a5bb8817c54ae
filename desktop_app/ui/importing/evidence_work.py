"""The evidence imports' steps as they run on the worker thread: plain functions, no widgets.

LinkedIn's data export and calendar files are read, matched and written through the same
store API as the command line's (``plan_linkedin_import``, ``plan_calendar_import`` and
their ``apply_…``); the window only adds what the user chose in the preview.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.evidence_wording import is_archive, local_zone

if TYPE_CHECKING:
    from desktop_app.exchange.ics_records import ParsedCalendar
    from desktop_app.store.calendar_evidence import CalendarPlan, CalendarResult
    from desktop_app.store.database import Database
    from desktop_app.store.linkedin_evidence import LinkedInPlan, LinkedInResult
    from desktop_app.ui.common.background import Reporter

ARCHIVE = "linkedin-archive"
CALENDAR = "ics"
# What the user may make of a calendar entry in the preview.
INTERACTION, EVENT, SKIP = "interaction", "event", "skip"
CHOSEN_SKIP = "chosen"  # the plan's reason for the entries the user skipped


def evidence_kind(path: Path, format_name: str | None) -> str | None:
    """``ARCHIVE`` or ``CALENDAR`` when ``path`` is evidence rather than a contacts file.

    A folder, a ZIP or a CSV of LinkedIn's export other than Connections.csv (told by its
    header, as the command line tells it) is the archive; Connections.csv alone stays the
    contact import it always was.
    """
    if format_name in (ARCHIVE, CALENDAR):
        return format_name
    if format_name not in (None, "linkedin"):
        return None
    if is_archive(path):
        return ARCHIVE
    if format_name is None and _looks_like_calendar(path):
        return CALENDAR
    return None


def _looks_like_calendar(path: Path) -> bool:
    if path.suffix.casefold() == ".ics":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError:
        return False
    return b"BEGIN:VCALENDAR" in head.upper()


def read_archive(
    db: Database, path: Path, reporter: Reporter, *, owner: str = "", keep_text: bool = False
) -> LinkedInPlan:
    """Read the export at ``path`` (as ``owner``'s when given) and match it: the plan."""
    from desktop_app.exchange.linkedin_archive import read_linkedin_archive
    from desktop_app.store.linkedin_evidence import plan_linkedin_import
    from desktop_app.store.preferences import read_preferences

    reporter.stage(f"Reading “{path.name}”…")
    contents = read_linkedin_archive(
        path,
        today=dt.date.today(),
        reply_window_days=read_preferences(db).insights.reply_window_days,
        owner=owner or None,
        with_text=keep_text,
        zone=local_zone(),
        progress=reporter,
    )
    reporter.stage(f"Looking for the people of “{path.name}” among your contacts…")
    plan = plan_linkedin_import(db, contents, str(path))
    reporter.check()
    return plan


def apply_archive(db: Database, plan: LinkedInPlan, reporter: Reporter) -> LinkedInResult:
    """Write the plan in one transaction (strangers as chosen in ``plan.to_create``)."""
    from desktop_app.store.linkedin_evidence import apply_linkedin_plan

    reporter.stage(f"Importing “{Path(plan.source).name}”…")
    return apply_linkedin_plan(db, plan)


def read_calendar(db: Database, path: Path, reporter: Reporter) -> CalendarPlan:
    from desktop_app.exchange.ics_in import parse_calendar

    reporter.stage(f"Reading “{path.name}”…")
    calendar = parse_calendar(path, local_zone=local_zone())
    reporter.check()
    return plan_calendar(db, calendar, {}, reporter)


def plan_calendar(
    db: Database, calendar: ParsedCalendar, choices: dict[str, str], reporter: Reporter
) -> CalendarPlan:
    """The plan of ``calendar`` with the user's ``choices`` (occurrence key → ``INTERACTION``,
    ``EVENT`` or ``SKIP``): an entry made an event is planned as a networking event, one
    made an interaction as a meeting, and a skipped one is left out and counted."""
    from desktop_app.store.calendar_evidence import plan_calendar_import

    reporter.stage(f"Looking for the people of “{Path(calendar.source).name}” among your contacts…")
    chosen = calendar
    if choices:
        kept = []
        for occurrence in calendar.occurrences:
            choice = choices.get(occurrence.key)
            if choice == SKIP:
                continue
            if choice is not None and (choice == EVENT) != occurrence.looks_like_networking:
                occurrence = replace(occurrence, looks_like_networking=choice == EVENT)
            kept.append(occurrence)
        chosen = replace(calendar, occurrences=tuple(kept))
    plan = plan_calendar_import(db, chosen)
    plan.calendar = calendar  # the preview lists every entry, skipped ones too
    left_out = sum(1 for choice in choices.values() if choice == SKIP)
    if left_out:
        plan.skipped[CHOSEN_SKIP] = left_out
    reporter.check()
    return plan


def apply_calendar(db: Database, plan: CalendarPlan, reporter: Reporter) -> CalendarResult:
    from desktop_app.store.calendar_evidence import apply_calendar_plan

    reporter.stage(f"Importing “{Path(plan.calendar.source).name}”…")
    return apply_calendar_plan(db, plan)
