"""``Invitations.csv`` and ``Profile.csv`` of LinkedIn's export.

``Invitations.csv``: ``From, To, Sent At, Message, Direction`` and, in exports since about
2022, ``inviterProfileUrl, inviteeProfileUrl``. ``Sent At`` is "10/5/23, 2:23 PM";
``Direction`` is INCOMING (they invited me) or OUTGOING (I invited them).

``Profile.csv``: one row about the archive's owner, ``First Name, Last Name, Maiden Name,
Address, Birth Date, Headline, Summary, Industry, Zip Code, Geo Location, …`` (no profile
address: that is found among the messages they sent).
"""

from __future__ import annotations

import datetime as dt

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.linkedin_csv import (
    CONTROL,
    header_and_rows,
    one_line,
    parse_timestamp,
    profile_url,
)
from desktop_app.exchange.linkedin_records import InvitationRecord, Person, ProfileRecord
from desktop_app.exchange.linkedin_zip import ArchiveEntry, LinkedInArchive
from desktop_app.validation import MAX_FREE_TEXT

# A clock or time zone a day off is not a broken file; a later date is.
FUTURE_SLACK = dt.timedelta(days=1)


def read_invitations(archive: LinkedInArchive, *, now: dt.datetime) -> list[InvitationRecord]:
    """Every invitation of every invitations file of the archive, in file order."""
    invitations: list[InvitationRecord] = []
    for entry in archive.of_kind("invitations"):
        invitations.extend(_invitation_file(archive, entry, now))
    return invitations


def _invitation_file(
    archive: LinkedInArchive, entry: ArchiveEntry, now: dt.datetime
) -> list[InvitationRecord]:
    def fail(cls: type[ImportFileError], problem: str, line: int | None) -> ImportFileError:
        return archive.error(cls, entry, problem, line)

    records: list[InvitationRecord] = []
    with archive.open_text(entry) as handle:
        header_line, columns, rows = header_and_rows(handle, fail)
        sender, recipient, sent, direction = columns.require(
            fail, header_line, "from", "to", "sent at", "direction"
        )
        message = columns.get_or_past_end("message")
        inviter = columns.get_or_past_end("inviterprofileurl")
        invitee = columns.get_or_past_end("inviteeprofileurl")
        for line, cells in rows:
            cells += [""] * (columns.width + 1 - len(cells))
            sent_at = parse_timestamp(cells[sent])
            if sent_at is None:
                raise fail(
                    ImportFileError,
                    f"“{cells[sent].strip()[:40]}” in Sent At is not a date.",
                    line,
                )
            if sent_at > now + FUTURE_SLACK:
                raise fail(
                    ImportFileError,
                    f"the invitation is dated {sent_at:%Y-%m-%d %H:%M}, in the future; the "
                    "file has been altered or the computer's clock is wrong.",
                    line,
                )
            note = cells[message]
            records.append(
                InvitationRecord(
                    sender=Person(
                        one_line(cells[sender]),
                        profile_url(cells[inviter]),
                    ),
                    recipient=Person(
                        one_line(cells[recipient]),
                        profile_url(cells[invitee]),
                    ),
                    sent_at=sent_at,
                    message=CONTROL.sub("", note).strip()[:MAX_FREE_TEXT],
                    direction=cells[direction].strip().upper(),
                    line=line,
                )
            )
    return records


def read_profile(archive: LinkedInArchive) -> ProfileRecord | None:
    """The owner's profile: the first named row of a profile file, if the archive has one."""
    for entry in archive.of_kind("profile"):
        profile = _profile_file(archive, entry)
        if profile is not None:
            return profile
    return None


def _profile_file(archive: LinkedInArchive, entry: ArchiveEntry) -> ProfileRecord | None:
    def fail(cls: type[ImportFileError], problem: str, line: int | None) -> ImportFileError:
        return archive.error(cls, entry, problem, line)

    with archive.open_text(entry) as handle:
        header_line, columns, rows = header_and_rows(handle, fail)
        first, last = columns.require(fail, header_line, "first name", "last name")
        headline = columns.get_or_past_end("headline")
        industry = columns.get_or_past_end("industry")
        location = columns.get_or_past_end("geo location", "location")
        for _line, cells in rows:
            cells += [""] * (columns.width + 1 - len(cells))
            profile = ProfileRecord(
                first_name=one_line(cells[first]),
                last_name=one_line(cells[last]),
                headline=one_line(cells[headline]),
                industry=one_line(cells[industry]),
                location=one_line(cells[location]),
            )
            if profile.name:
                return profile
    return None
