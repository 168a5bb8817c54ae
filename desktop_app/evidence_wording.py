"""What an evidence import (LinkedIn's data export, a calendar) says, in the same words in
the window and on the command line: what was read, what it becomes, what was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.datetext import format_day
from desktop_app.wording import count_of, hours_of

if TYPE_CHECKING:
    from desktop_app.exchange.ics_records import ParsedCalendar
    from desktop_app.exchange.linkedin_archive import ArchiveContents
    from desktop_app.exchange.linkedin_records import ArchiveSummary, InvitationSummary
    from desktop_app.store.calendar_evidence import CalendarPlan, CalendarResult
    from desktop_app.store.linkedin_evidence import LinkedInResult

# Reasons counted by the interactions, not by the reading: those messages are in the count.
_COUNTED_WITH_MESSAGES = {"not the owner's", "no other person"}
# Why messages were left out, as read after their number.
MESSAGE_REASONS = {
    "sponsored": "sponsored or marketing",
    "no sender": "without a sender (system notices)",
    "system": "system notices",
    "draft": "unsent drafts",
    "spam": "spam",
    "duplicate": "read twice",
    "no other person": "to LinkedIn itself",
    "not the owner's": "not the owner's",
}
# Why calendar entries were left out.
CALENDAR_REASONS = {
    "cancelled": "cancelled",
    "declined": "declined by you",
    "nobody else": "with nobody else",
    "still ahead": "still ahead",
    "chosen": "left out by you",
}
_FOUND_BY = {"given": "as given", "profile": "from Profile.csv", "messages": "from the messages"}


def is_archive(path: str | Path) -> bool:
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
    """This computer's time zone, in which messages and meetings are dated."""
    return dt.datetime.now().astimezone().tzinfo


def found_by(contents: ArchiveContents) -> str:
    """How the owner was found: "from Profile.csv", "as given"... ("" when nobody was)."""
    return _FOUND_BY.get(contents.owner.found_by, "") if contents.owner else ""


def archive_line(contents: ArchiveContents, source: str | Path) -> str:
    """“Read “x.zip” (LinkedIn data export: messages, …); the archive is Ann's (…).”"""
    owner = contents.owner.person.name if contents.owner else "nobody (no messages)"
    how = found_by(contents)
    return (
        f"Read “{Path(source).name}” (LinkedIn data export: "
        f"{', '.join(dict.fromkeys(contents.kinds))}); the archive is {owner}'s"
        + (f" ({how})." if how else ".")
    )


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
        reasons = ", ".join(f"{v:,} {MESSAGE_REASONS.get(k, k)}" for k, v in skipped.items())
        line += f"; {sum(skipped.values()):,} skipped: {reasons}"
    return line + "."


def invitations_line(invitations: InvitationSummary) -> str:
    return (
        f"Invitations: {invitations.received:,} received, {invitations.accepted:,} sent and "
        f"accepted, {invitations.never_accepted:,} sent and never accepted."
    )


def strangers_part(created: int, skipped: int) -> list[str]:
    """``["3 strangers created"]``, ``["3 strangers skipped"]`` or nothing, for a summary."""
    if created:
        return [f"{count_of(created, 'stranger')} created"]
    return [f"{count_of(skipped, 'stranger')} skipped"] if skipped else []


def linkedin_written_line(result: LinkedInResult) -> str:
    """“Added 310 interactions with 180 contacts; 0 already imported; 4 strangers skipped.”"""
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
    return "; ".join(parts) + "."


def calendar_line(calendar: ParsedCalendar) -> str:
    """“Read “work.ics” (calendar “Work”, UTF-8): 40 entries from … to …; yours: …”."""
    named = f"calendar “{calendar.name}”, " if calendar.name else ""
    owner = ", ".join(sorted(calendar.owner_emails)) or "not found"
    return (
        f"Read “{Path(calendar.source).name}” ({named}{calendar.encoding}): "
        f"{count_of(len(calendar.occurrences), 'entry', 'entries')} from "
        f"{format_day(calendar.period_start)} to {format_day(calendar.period_end)}; "
        f"yours: {owner}."
    )


def calendar_plan_line(plan: CalendarPlan) -> str:
    """“5 meetings held with others (4.5 hours) → 5 interactions with 1 contact; …”."""
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
        reasons = ", ".join(f"{v:,} {CALENDAR_REASONS.get(k, k)}" for k, v in skipped.items())
        line += f"; {sum(skipped.values()):,} skipped: {reasons}"
    return line + "."


def calendar_written_line(plan: CalendarPlan, result: CalendarResult) -> str:
    """“Added 5 interactions with 1 contact and 1 event (1 contact met there); …”."""
    written = result.interactions
    parts = [
        f"Added {count_of(written.added, 'interaction')} with "
        f"{count_of(written.contacts, 'contact')} and {count_of(result.events_added, 'event')} "
        f"({count_of(result.people_met, 'contact')} met there)",
        f"{written.already + plan.already_events:,} already imported",
    ]
    parts += strangers_part(result.strangers_created, result.strangers_skipped)
    return "; ".join(parts) + "."
