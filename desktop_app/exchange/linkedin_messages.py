"""``messages.csv`` of LinkedIn's export, in both layouts LinkedIn has used, as a stream.

Current layout (2019 on), one row a message, unknown later columns ignored::

    CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,
    DATE,SUBJECT,CONTENT,FOLDER[,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION ARCHIVED…]

``DATE`` is "2023-05-01 14:03:22 UTC"; ``RECIPIENT PROFILE URLS`` lists addresses
separated by commas (``TO`` names them, but names may hold commas themselves);
``CONTENT`` may carry HTML markup.

2018 layout, with no conversation identifier and no profile addresses::

    From,To,Date,Subject,Content,Direction,Folder

``Date`` is "10/16/18, 8:36 AM" (month first, local time); ``Direction`` is INCOMING or
OUTGOING, which also tells whose archive it is. A conversation is then the other person.

Left out and counted by reason: sponsored and marketing mail (a sender with no profile
address, such as "LinkedIn Member" or "Sponsored Conversation"), rows with no sender
("Message request accepted"), drafts, the SPAM folder, and a message read twice. Content
is untrusted: it is read only when asked for, as plain text without control characters.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.linkedin_csv import (
    CONTROL,
    Columns,
    Fail,
    header_and_rows,
    one_line,
    parse_timestamp,
    profile_url,
)
from desktop_app.exchange.linkedin_records import MessageRecord, Person
from desktop_app.exchange.linkedin_zip import ArchiveEntry, LinkedInArchive
from desktop_app.validation import MAX_FREE_TEXT

# A clock or time zone a day off is not a broken file; a later date is.
FUTURE_SLACK = dt.timedelta(days=1)
# Senders of LinkedIn's own mail, which has no profile address in either layout.
MARKETING_SENDERS = {"linkedin member", "sponsored conversation", "linkedin", "linkedin premium"}
DRAFT_VALUES = {"yes", "true", "1"}
PROGRESS_EVERY_ROWS = 10_000
# (bytes read so far, bytes to read in all)
Progress = Callable[[int, int], None]
# (line, cells padded one past the header) → the message, or why the row is left out.
RowParser = Callable[[int, list[str]], MessageRecord | str]

_BREAKS = re.compile(r"<\s*(br|/p|/div|/li)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def read_messages(
    archive: LinkedInArchive,
    *,
    now: dt.datetime,
    with_text: bool = False,
    skipped: Counter[str] | None = None,
    zone: dt.tzinfo | None = None,
    progress: Progress | None = None,
) -> Iterator[MessageRecord]:
    """Every kept message of every messages file in the archive, each once.

    ``now`` (naive UTC) bounds the dates: a later one is an error naming its line.
    ``skipped`` receives the count of each reason a row was left out. ``progress`` is
    called now and then with the bytes read so far and the bytes to read in all.
    ``zone`` is the user's time zone, which the day of a time written in UTC is taken in
    (None: UTC).
    """
    skipped = Counter() if skipped is None else skipped
    seen: set[str] = set()
    entries = archive.of_kind("messages")
    total, before = sum(entry.size for entry in entries), 0
    for entry in entries:
        report = partial(_report, progress, before, total)
        for message in read_message_file(
            archive,
            entry,
            now=now,
            with_text=with_text,
            skipped=skipped,
            zone=zone,
            report=report,
        ):
            key = message.key
            if key in seen:
                skipped["duplicate"] += 1
                continue
            seen.add(key)
            yield message
        before += entry.size


def _report(progress: Progress | None, before: int, total: int, done: int) -> None:
    """``done`` bytes of one file read, after ``before`` bytes of the files before it."""
    if progress is not None:
        progress(before + done, total)


def read_message_file(
    archive: LinkedInArchive,
    entry: ArchiveEntry,
    *,
    now: dt.datetime,
    with_text: bool,
    skipped: Counter[str],
    zone: dt.tzinfo | None = None,
    report: Callable[[int], None] = lambda done: None,
) -> Iterator[MessageRecord]:
    def fail(cls: type[ImportFileError], problem: str, line: int | None) -> ImportFileError:
        return archive.error(cls, entry, problem, line)

    source = archive.source(entry)
    latest = now + FUTURE_SLACK
    with archive.open_text(entry) as handle:
        header_line, columns, rows = header_and_rows(handle, fail)
        if columns.get("conversation id") is not None:
            parse_row = _current_layout(columns, fail, header_line, source, with_text, zone)
        else:
            parse_row = _layout_2018(columns, fail, header_line, source, with_text)
        for count, (line, cells) in enumerate(rows, start=1):
            if count % PROGRESS_EVERY_ROWS == 0:
                report(handle.bytes_read)
            if len(cells) <= columns.width:  # one past the end: where absent columns read
                cells += [""] * (columns.width + 1 - len(cells))
            outcome = parse_row(line, cells)
            if isinstance(outcome, str):
                skipped[outcome] += 1
                continue
            if outcome.sent_at > latest:
                raise fail(
                    ImportFileError,
                    f"the message is dated {outcome.sent_at:%Y-%m-%d %H:%M}, in the future; "
                    "the file has been altered or the computer's clock is wrong.",
                    line,
                )
            yield outcome
        report(entry.size)


def _current_layout(
    columns: Columns,
    fail: Fail,
    header_line: int,
    source: str,
    with_text: bool,
    zone: dt.tzinfo | None,
) -> RowParser:
    conversation, sender, date = columns.require(
        fail, header_line, "conversation id", "from", "date"
    )
    # An absent column reads the empty cell past the row's end.
    title = columns.get_or_past_end("conversation title")
    sender_url, to = columns.get_or_past_end("sender profile url"), columns.get_or_past_end("to")
    to_urls = columns.get_or_past_end("recipient profile urls")
    subject, content = columns.get_or_past_end("subject"), columns.get("content")
    folder, draft = columns.get_or_past_end("folder"), columns.get("is message draft")
    people = _People()
    day = _day_in(zone)

    def parse_row(line: int, cells: list[str]) -> MessageRecord | str:
        name = one_line(cells[sender])
        if not name:
            return "no sender"
        url = profile_url(cells[sender_url])
        if not url or name.casefold() in MARKETING_SENDERS:
            return "sponsored"
        folder_name = cells[folder].strip().upper()
        if folder_name == "SPAM":
            return "spam"
        if folder_name.startswith("DRAFT") or (
            draft is not None and cells[draft].strip().casefold() in DRAFT_VALUES
        ):
            return "draft"
        sent_at = _timestamp(cells[date], fail, line)
        return MessageRecord(
            conversation_id=cells[conversation].strip(),
            conversation_title=one_line(cells[title]),
            sender=people.one(name, url),
            recipients=people.recipients(cells[to], cells[to_urls]),
            sent_at=sent_at,
            day=day(sent_at),
            subject=one_line(cells[subject]),
            text=plain_text(cells[content]) if with_text and content is not None else "",
            folder=folder_name,
            direction="",
            source=source,
            line=line,
        )

    return parse_row


def _layout_2018(
    columns: Columns, fail: Fail, header_line: int, source: str, with_text: bool
) -> RowParser:
    sender, to, date, direction = columns.require(
        fail, header_line, "from", "to", "date", "direction"
    )
    subject, content = columns.get_or_past_end("subject"), columns.get("content")
    folder = columns.get_or_past_end("folder")
    people = _People()

    def parse_row(line: int, cells: list[str]) -> MessageRecord | str:
        name, recipient = one_line(cells[sender]), one_line(cells[to])
        if not name:
            return "no sender"
        if name.casefold() in MARKETING_SENDERS:
            return "sponsored"
        folder_name = cells[folder].strip().upper()
        if folder_name == "SPAM":
            return "spam"
        if folder_name.startswith("DRAFT"):
            return "draft"
        sent_at = _timestamp(cells[date], fail, line)
        way = cells[direction].strip().upper()
        other = name if way == "INCOMING" else recipient
        return MessageRecord(
            conversation_id=f"2018:{' '.join(other.split()).casefold()}",
            conversation_title="",
            sender=people.one(name, ""),
            recipients=(people.one(recipient, ""),) if recipient else (),
            sent_at=sent_at,
            day=sent_at.date(),  # written in the user's own time already
            subject=one_line(cells[subject]),
            text=plain_text(cells[content]) if with_text and content is not None else "",
            folder=folder_name,
            direction=way,
            source=source,
            line=line,
        )

    return parse_row


def _day_in(zone: dt.tzinfo | None) -> Callable[[dt.datetime], dt.date]:
    """The day of a naive UTC time in ``zone``."""
    if zone is None:
        return dt.datetime.date
    return lambda moment: moment.replace(tzinfo=dt.UTC).astimezone(zone).date()


class _People:
    """One ``Person`` for each name and address of a file: 30,000 people write 200,000
    messages, so each is made (and its identity computed) once."""

    def __init__(self) -> None:
        self._people: dict[tuple[str, str], Person] = {}
        self._lists: dict[tuple[str, str], tuple[Person, ...]] = {}

    def one(self, name: str, url: str) -> Person:
        person = self._people.get((name, url))
        if person is None:
            person = self._people[name, url] = Person(name, url)
        return person

    def recipients(self, names: str, urls: str) -> tuple[Person, ...]:
        """The recipients, paired name to address when the counts agree (names may hold
        commas, "Ann Lee, PhD"); otherwise addresses alone, named later from what they
        sent."""
        found = self._lists.get((names, urls))
        if found is None:
            found = self._lists[names, urls] = self._pair(names, urls)
        return found

    def _pair(self, names: str, urls: str) -> tuple[Person, ...]:
        addresses = [profile_url(part) for part in urls.split(",") if part.strip()]
        if not addresses:
            return (self.one(one_line(names), ""),) if names.strip() else ()
        if len(addresses) == 1:
            return (self.one(one_line(names), addresses[0]),)
        parts = [one_line(part) for part in names.split(",")]
        if len(parts) != len(addresses):
            parts = [""] * len(addresses)
        return tuple(self.one(name, url) for name, url in zip(parts, addresses, strict=True))


def _timestamp(text: str, fail: Fail, line: int) -> dt.datetime:
    moment = parse_timestamp(text)
    if moment is None:
        raise fail(
            ImportFileError, f"“{text.strip()[:40]}” in the date column is not a date.", line
        )
    return moment


def plain_text(content: str) -> str:
    """A message's text without markup or control characters, bounded in length."""
    text = _BREAKS.sub("\n", content) if "<" in content else content
    text = html.unescape(_TAGS.sub("", text)) if "<" in text or "&" in text else text
    text = CONTROL.sub("", text.replace("\r\n", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)[:MAX_FREE_TEXT]
