"""Which file of LinkedIn's export a CSV is, told by its header rather than its name.

LinkedIn has renamed files between exports and people rename them too, but each kind's
columns are distinctive:

- ``messages``: ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
  RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER, …`` (current), or ``From, To,
  Date, Subject, Content, Direction, Folder`` (2018);
- ``invitations``: ``From, To, Sent At, Message, Direction[, inviterProfileUrl,
  inviteeProfileUrl]``;
- ``profile``: ``First Name, Last Name, Maiden Name, Address, Birth Date, Headline, …``;
- ``connections``: ``First Name, Last Name, URL, Email Address, Company, Position,
  Connected On``, after a few note lines in recent exports.
"""

from __future__ import annotations

import csv
import io

from desktop_app.exchange.csvtable import header_key
from desktop_app.exchange.textfile import MAX_CONTACT_FILE_BYTES, MB

# Heavy users' message files pass 32 MB; the archive as a whole is capped at 1 GB anyway.
MAX_BYTES_BY_KIND = {
    "messages": 1_000 * MB,
    "invitations": MAX_CONTACT_FILE_BYTES,
    "profile": MAX_CONTACT_FILE_BYTES,
    "connections": MAX_CONTACT_FILE_BYTES,
}
# The columns whose presence together marks each kind, tried in this order.
SIGNATURES = (
    ("messages", {"conversation id", "from", "date", "content"}),
    ("messages", {"from", "to", "date", "content", "direction"}),
    ("invitations", {"from", "to", "sent at", "direction"}),
    ("connections", {"first name", "last name", "connected on"}),
    ("profile", {"first name", "last name", "headline"}),
)
# Connections.csv has had up to four note lines before its header; leave room.
HEADER_SEARCH_ROWS = 50


def find_header(rows: list[list[str]]) -> tuple[str, int] | None:
    """(kind, index of the header row) for the first row that matches a signature."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {header_key(cell) for cell in cells}
        for kind, columns in SIGNATURES:
            if columns <= keys:
                return kind, index
    return None


def kind_of_head(head: bytes) -> str | None:
    """The kind of a CSV from its first bytes, or None for anything else."""
    if not head or b"\x00" in head[:4096]:
        return None
    text = head.decode("utf-8-sig", "replace")
    rows: list[list[str]] = []
    try:
        for cells in csv.reader(io.StringIO(text, newline="")):
            rows.append(cells)
            if len(rows) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:
        pass  # the head may end inside a quoted value: the rows before it are enough
    found = find_header(rows)
    return found[0] if found else None
