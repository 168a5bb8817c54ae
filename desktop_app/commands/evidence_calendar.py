"""``netwise import ics FILE``: a calendar's meetings and networking events, summed up
and written in one transaction."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.commands.evidence import local_zone, strangers_part, with_database
from desktop_app.wording import count_of, hours_of

if TYPE_CHECKING:
    from desktop_app.exchange.ics_records import ParsedCalendar
    from desktop_app.store.calendar_evidence import CalendarPlan
    from desktop_app.store.database import Database

_REASONS = {
    "cancelled": "cancelled",
    "declined": "declined by you",
    "nobody else": "with nobody else",
    "still ahead": "still ahead",
}


def import_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.exchange.ics_in import parse_calendar

    owner = [address.strip() for address in (args.owner or "").split(",") if address.strip()]
    calendar = parse_calendar(
        args.file, local_zone=local_zone(), owner_emails=owner, encoding=args.encoding
    )

    def work(db: Database | None) -> int:
        print_calendar(calendar, out)
        if db is None:
            print("Dry run: nothing was written (the database does not exist yet).", file=out)
            return 0
        return _plan_and_apply(db, calendar, args, out)

    return with_database(args, work, out)


def print_calendar(calendar: ParsedCalendar, out: TextIO) -> None:
    from desktop_app.commands.summary import listed

    named = f"calendar “{calendar.name}”, " if calendar.name else ""
    owner = ", ".join(sorted(calendar.owner_emails)) or "not found"
    print(
        f"Read “{Path(calendar.source).name}” ({named}{calendar.encoding}): "
        f"{count_of(len(calendar.occurrences), 'entry', 'entries')} from "
        f"{calendar.period_start:%d %b %Y} to {calendar.period_end:%d %b %Y}; "
        f"yours: {owner}.",
        file=out,
    )
    if calendar.problems:
        print(f"Problems ({len(calendar.problems):,}; those entries were left out):", file=out)
        listed([str(p) for p in calendar.problems], out)


def _plan_and_apply(
    db: Database, calendar: ParsedCalendar, args: argparse.Namespace, out: TextIO
) -> int:
    from desktop_app.store.calendar_evidence import apply_calendar_plan, plan_calendar_import

    plan = plan_calendar_import(db, calendar)
    plan.create_strangers = args.create_strangers
    print_calendar_plan(plan, out)
    if args.dry_run:
        print("Dry run: nothing was written.", file=out)
        return 0
    result = apply_calendar_plan(db, plan)
    written = result.interactions
    parts = [
        f"Added {count_of(written.added, 'interaction')} with "
        f"{count_of(written.contacts, 'contact')} and {count_of(result.events_added, 'event')} "
        f"({count_of(result.people_met, 'contact')} met there)",
        f"{written.already + plan.already_events:,} already imported",
    ]
    parts += strangers_part(result.strangers_created, result.strangers_skipped)
    print("; ".join(parts) + ".", file=out)
    return 0


def print_calendar_plan(plan: CalendarPlan, out: TextIO) -> None:
    from desktop_app.commands.summary import listed

    with_contacts = {row.identity for row in plan.rows if row.identity in plan.contacts}
    line = (
        f"{count_of(plan.meetings, 'meeting')} held with others "
        f"({hours_of(round(plan.minutes / 60, 1))}) → "
        f"{count_of(sum(1 for r in plan.rows if r.identity in plan.contacts), 'interaction')} "
        f"with {count_of(len(with_contacts), 'contact')}; "
        f"{count_of(len(plan.events) + plan.already_events, 'networking event')}"
    )
    skipped = {k: v for k, v in plan.skipped.items() if v}
    if skipped:
        reasons = ", ".join(f"{v:,} {_REASONS.get(k, k)}" for k, v in skipped.items())
        line += f"; {sum(skipped.values()):,} skipped: {reasons}"
    print(line + ".", file=out)
    strangers = plan.strangers
    if strangers:
        what = "to create" if plan.create_strangers else "skipped; --create-strangers adds them"
        print(f"Not contacts ({len(strangers):,}, {what}):", file=out)
        listed([p.name if p.name == p.email else f"{p.name} <{p.email}>" for p in strangers], out)
