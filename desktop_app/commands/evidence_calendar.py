"""``netwise import ics FILE``: a calendar's meetings and networking events, summed up
and written in one transaction."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from desktop_app.commands.evidence import with_database
from desktop_app.evidence_wording import (
    calendar_line,
    calendar_plan_line,
    calendar_written_line,
    local_zone,
)

if TYPE_CHECKING:
    from desktop_app.exchange.ics_records import ParsedCalendar
    from desktop_app.store.calendar_evidence import CalendarPlan
    from desktop_app.store.database import Database


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

    print(calendar_line(calendar), file=out)
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
    print(calendar_written_line(plan, result), file=out)
    return 0


def print_calendar_plan(plan: CalendarPlan, out: TextIO) -> None:
    from desktop_app.commands.summary import listed

    print(calendar_plan_line(plan), file=out)
    strangers = plan.strangers
    if strangers:
        what = "to create" if plan.create_strangers else "skipped; --create-strangers adds them"
        print(f"Not contacts ({len(strangers):,}, {what}):", file=out)
        listed([p.name if p.name == p.email else f"{p.name} <{p.email}>" for p in strangers], out)
