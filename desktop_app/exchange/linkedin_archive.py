"""LinkedIn's whole data export read into plain records, in one call.

``read_linkedin_archive`` opens the ZIP, folder or CSV (``linkedin_zip``), reads the
messages as a stream (``linkedin_messages``), the profile, invitations and connections
(``linkedin_people``, ``linkedin``), decides whose archive it is (``linkedin_owner``) and
turns the messages into interactions (``linkedin_interactions``). It writes nothing;
every problem with the input is an ``ImportFileError`` naming the file, entry and line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.linkedin import parse_linkedin_text
from desktop_app.exchange.linkedin_interactions import build_interactions
from desktop_app.exchange.linkedin_invitations import classify_invitations
from desktop_app.exchange.linkedin_messages import Progress, read_messages
from desktop_app.exchange.linkedin_owner import OwnerNotFoundError, find_owner
from desktop_app.exchange.linkedin_people import read_invitations, read_profile
from desktop_app.exchange.linkedin_records import (
    ArchiveSummary,
    InteractionRecord,
    InvitationSummary,
    MessageRecord,
    Owner,
    ProfileRecord,
)
from desktop_app.exchange.linkedin_zip import LinkedInArchive, open_archive
from desktop_app.exchange.records import ParsedFile
from desktop_app.exchange.textfile import DecodedText


@dataclass(frozen=True, slots=True)
class ArchiveContents:
    """What the export holds for NetWise, and what was left out of it."""

    owner: Owner | None  # None only when the archive holds no messages and no profile
    profile: ProfileRecord | None
    # Each Connections.csv as the contact import reads it (records, problems, columns).
    connections: tuple[ParsedFile, ...]
    interactions: tuple[InteractionRecord, ...]
    invitations: InvitationSummary
    summary: ArchiveSummary
    kinds: tuple[str, ...]  # the kinds of file found, in archive order
    ignored_names: tuple[str, ...]  # ZIP members with unsafe names, never read


def read_linkedin_archive(
    path: str | Path,
    *,
    today: dt.date,
    reply_window_days: int,
    owner: str | None = None,
    with_text: bool = False,
    now: dt.datetime | None = None,
    zone: dt.tzinfo | None = None,
    progress: Progress | None = None,
) -> ArchiveContents:
    """Everything NetWise uses from the export at ``path``.

    ``owner`` (a name or profile address) overrides who the archive belongs to;
    ``now`` (naive UTC, default the clock) is the latest date a file may hold; ``zone``
    is the user's time zone, in which messages LinkedIn timed in UTC are dated (None:
    UTC; the window and command line pass the computer's);
    ``progress(done, total)`` follows the reading of the messages, by far the longest part.
    """
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with open_archive(path) as archive:
        skipped: Counter[str] = Counter()
        messages = list(
            read_messages(
                archive, now=now, with_text=with_text, skipped=skipped, zone=zone, progress=progress
            )
        )
        profile = read_profile(archive)
        found = None
        if messages or owner or profile:
            found = _owner(archive, messages, profile, owner)
        connections = _connections(archive)
        invitations = read_invitations(archive, now=now)
        interactions, summary = (
            build_interactions(
                messages,
                found,
                today=today,
                reply_window_days=reply_window_days,
                skipped=skipped,
            )
            if found is not None
            else ([], ArchiveSummary(0, 0, 0, 0, 0, 0, dict(skipped)))
        )
        return ArchiveContents(
            owner=found,
            profile=profile,
            connections=tuple(connections),
            interactions=tuple(interactions),
            invitations=classify_invitations(
                invitations, found, (r for parsed in connections for r in parsed.records)
            ),
            summary=summary,
            kinds=tuple(entry.kind for entry in archive.entries),
            ignored_names=tuple(archive.ignored_names),
        )


def _owner(
    archive: LinkedInArchive,
    messages: list[MessageRecord],
    profile: ProfileRecord | None,
    given: str | None,
) -> Owner:
    try:
        return find_owner(messages, source=archive.path, profile=profile, given=given)
    except OwnerNotFoundError as exc:
        entries = archive.of_kind("messages")
        if not entries:
            raise
        raise archive.error(OwnerNotFoundError, entries[0], exc.problem) from None


def _connections(archive: LinkedInArchive) -> list[ParsedFile]:
    parsed: list[ParsedFile] = []
    for entry in archive.of_kind("connections"):
        with archive.open_text(entry) as handle:
            decoded = DecodedText(archive.source(entry), "".join(handle), "UTF-8")
        try:
            parsed.append(parse_linkedin_text(decoded))
        except ImportFileError as exc:  # named as the other files of the archive are
            raise archive.error(type(exc), entry, exc.problem, exc.line) from None
    return parsed
