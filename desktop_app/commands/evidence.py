"""``netwise import linkedin ARCHIVE`` and ``netwise import ics FILE``: evidence files
(LinkedIn's data export, calendars) read, matched, summed up and written in one go."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.linkedin_records import ArchiveSummary
    from desktop_app.store.database import Database
    from desktop_app.store.linkedin_evidence import LinkedInPlan

# Reasons counted by the interactions, not by the reading: those messages are in the count.
_COUNTED_WITH_MESSAGES = {"not the owner's", "no other person"}
# Why messages were left out, as read after their number.
_REASONS = {
    "sponsored": "sponsored or marketing",
    "no sender": "without a sender (system notices)",
    "system": "system notices",
    "draft": "unsent drafts",
    "spam": "spam",
    "duplicate": "read twice",
    "no other person": "to LinkedIn itself",
    "not the owner's": "not the owner's",
}


def is_archive(path: str) -> bool:
    """Whether ``path`` is more of LinkedIn's export than a Connections.csv alone."""
    from desktop_app.exchange.linkedin_kinds import kind_of_head

    target = Path(path)
    if target.is_dir():
        return True
    if not target.is_file():
        return False  # a pipe or a device: the contact import refuses it without reading
    try:
        with target.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False  # the contact import names the problem
    if head.startswith(b"PK"):
        return True
    kind = kind_of_head(head)
    return kind is not None and kind != "connections"


def local_zone() -> dt.tzinfo | None:
    return dt.datetime.now().astimezone().tzinfo


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
    from desktop_app.store.database import open_database
    from desktop_app.store.engine import sqlite_path

    target = _database_target(args)
    path = sqlite_path(target)
    if args.dry_run and path is not None and not path.exists():
        return work(None)
    with _held_unless(args.dry_run, target):
        db = open_database(target)
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
        owner = contents.owner.person.name if contents.owner else "nobody (no messages)"
        how = {"given": "as given", "profile": "from Profile.csv", "messages": "from the messages"}
        found_by = how.get(contents.owner.found_by, "") if contents.owner else ""
        print(
            f"Read “{Path(args.file).name}” (LinkedIn data export: "
            f"{', '.join(dict.fromkeys(contents.kinds))}); the archive is {owner}'s"
            + (f" ({found_by})." if found_by else "."),
            file=out,
        )
        people = len({i.counterpart.identity for i in contents.interactions})
        print(messages_line(contents.summary, people), file=out)
        invitations = contents.invitations
        print(
            f"Invitations: {invitations.received:,} received, {invitations.accepted:,} sent and "
            f"accepted, {invitations.never_accepted:,} sent and never accepted.",
            file=out,
        )
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
    written = result.evidence
    parts = [
        f"Added {count_of(written.added, 'interaction')} with "
        f"{count_of(written.contacts, 'contact')}",
        f"{written.already:,} already imported",
    ]
    if written.updated:
        parts.append(
            f"{count_of(written.updated, 'earlier outreach', 'earlier outreaches')} "
            "now replied or overdue"
        )
    parts += strangers_part(result.strangers_created, result.strangers_skipped)
    print("; ".join(parts) + ".", file=out)
    return 0


def strangers_part(created: int, skipped: int) -> list[str]:
    """``["3 strangers created"]``, ``["3 strangers skipped"]`` or nothing, for a summary."""
    if created:
        return [f"{count_of(created, 'stranger')} created"]
    return [f"{count_of(skipped, 'stranger')} skipped"] if skipped else []


def messages_line(summary: ArchiveSummary, people: int) -> str:
    """“1,240 messages → 310 interactions with 180 people; 95 replied, …; 32 skipped: …”."""
    skipped = {k: v for k, v in summary.skipped.items() if v}
    read = summary.messages + sum(v for k, v in skipped.items() if k not in _COUNTED_WITH_MESSAGES)
    line = (
        f"{count_of(read, 'message')} → {count_of(summary.interactions, 'interaction')} with "
        f"{count_of(people, 'person', 'people')}; "
        f"{summary.replied:,} replied, {summary.unanswered:,} unanswered, "
        f"{summary.awaiting:,} awaiting a reply"
    )
    if skipped:
        reasons = ", ".join(f"{v:,} {_REASONS.get(k, k)}" for k, v in skipped.items())
        line += f"; {sum(skipped.values()):,} skipped: {reasons}"
    return line + "."


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
