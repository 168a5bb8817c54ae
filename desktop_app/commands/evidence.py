"""``netwise import linkedin ARCHIVE`` and ``netwise import ics FILE``: evidence files
(LinkedIn's data export, calendars) read, matched, summed up and written in one go."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from desktop_app.evidence_wording import (
    archive_line,
    invitations_line,
    linkedin_written_line,
    local_zone,
    messages_line,
)
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.linkedin_evidence import LinkedInPlan


def _reply_window(db: Database | None) -> int:
    from desktop_app.insights.settings import InsightSettings

    if db is None:
        return InsightSettings().reply_window_days
    from desktop_app.store.insight_inputs import read_insight_settings

    with db.transaction() as session:
        return read_insight_settings(session.connection()).reply_window_days


def with_database(
    args: argparse.Namespace, work: Callable[[Database | None], int], out: TextIO
) -> int:
    """Run ``work`` with the database (locked for writing unless a dry run); ``None`` for a
    dry run on a database that does not exist yet (it is not created)."""
    from desktop_app.commands.transfer import _database_target, _held_unless
    from desktop_app.server_passwords import server_password
    from desktop_app.store.database import open_database
    from desktop_app.store.engine import sqlite_path

    target = _database_target(args)
    path = sqlite_path(target)
    if args.dry_run and path is not None and not path.exists():
        return work(None)
    with _held_unless(args.dry_run, target):
        db = open_database(target, password=server_password(target))
        try:
            return work(db)
        finally:
            db.close()


def import_linkedin_archive(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.exchange.linkedin_archive import read_linkedin_archive

    def work(db: Database | None) -> int:
        contents = read_linkedin_archive(
            args.file,
            today=dt.date.today(),
            reply_window_days=_reply_window(db),
            owner=args.owner,
            with_text=args.keep_text,
            zone=local_zone(),
        )
        print(archive_line(contents, args.file), file=out)
        people = len({i.counterpart.identity for i in contents.interactions})
        print(messages_line(contents.summary, people), file=out)
        print(invitations_line(contents.invitations), file=out)
        if db is None:
            print("Dry run: nothing was written (the database does not exist yet).", file=out)
            return 0
        return _plan_and_apply(db, contents, args, out)

    return with_database(args, work, out)


def _plan_and_apply(db: Database, contents: object, args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.commands.summary import print_plan, print_result
    from desktop_app.store.linkedin_evidence import apply_linkedin_plan, plan_linkedin_import

    plan = plan_linkedin_import(db, contents, args.file)  # type: ignore[arg-type]
    plan.create_strangers = args.create_strangers
    if plan.connections_unchanged:
        print(
            f"Connections: {count_of(plan.connections_unchanged, 'contact')} already as the "
            "export has them (left out of the plan below).",
            file=out,
        )
    if plan.connections is not None:
        print_plan(plan.connections, "LinkedIn connections", out)
    print_people(plan, out)
    if args.dry_run:
        print("Dry run: nothing was written.", file=out)
        return 0
    result = apply_linkedin_plan(db, plan)
    if result.contacts is not None:
        print_result(result.contacts, "linkedin", out)
    print(linkedin_written_line(result), file=out)
    return 0


def print_people(plan: LinkedInPlan, out: TextIO) -> None:
    from desktop_app.commands.summary import listed
    from desktop_app.store.linkedin_evidence import CONNECTION, CONTACT

    matched = [p for p in plan.people.values() if p.match in (CONTACT, CONNECTION)]
    rows = sum(p.interactions for p in matched)
    print(
        f"Evidence: {count_of(rows, 'interaction')} with "
        f"{count_of(len(matched), 'person', 'people')} who are contacts or connections "
        f"({plan.already:,} of all imported before).",
        file=out,
    )
    strangers = plan.strangers
    if strangers:
        what = "to create" if plan.create_strangers else "skipped; --create-strangers adds them"
        print(
            f"Not contacts ({len(strangers):,}, {what}):",
            file=out,
        )
        listed(
            [
                f"{p.person.name or p.person.profile_url} "
                f"({count_of(p.interactions, 'interaction')})"
                for p in sorted(strangers, key=lambda p: -p.interactions)
            ],
            out,
        )
