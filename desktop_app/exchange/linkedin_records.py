"""Plain records read from LinkedIn's data-export archive, and what they become.

The readers (``linkedin_messages``, ``linkedin_invitations``, ``linkedin_profile``) make the
first group; ``linkedin_interactions`` turns messages into ``InteractionRecord``s and counts
them in an ``ArchiveSummary``. All are frozen: the store receives them as they were read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Person:
    """Someone named in the archive: a profile address when LinkedIn gives one, a name."""

    name: str
    profile_url: str = ""
    # What tells people apart: the profile address, else the name as compared.
    identity: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        identity = self.profile_url.casefold() or " ".join(self.name.split()).casefold()
        object.__setattr__(self, "identity", identity)


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """One message of ``messages.csv`` that was kept (not sponsored, not a draft, not spam)."""

    conversation_id: str
    conversation_title: str
    sender: Person
    recipients: tuple[Person, ...]
    sent_at: dt.datetime  # in UTC for the current layout, as written for the 2018 one
    day: dt.date  # the day it was sent where the user is (what interactions are dated by)
    subject: str
    text: str  # plain text, markup stripped; "" unless the text was asked for
    folder: str
    # The 2018 layout says which way a message went ("INCOMING", "OUTGOING"); later ones don't.
    direction: str
    source: str  # the file (and ZIP entry) it was read from, for messages
    line: int
    # Stable across exports (conversation, sender, time): the same message has the same
    # key, so a re-import adds only what is new.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = f"{self.conversation_id}|{self.sender.identity}|{self.sent_at.isoformat()}"
        object.__setattr__(self, "key", key)


@dataclass(frozen=True, slots=True)
class InvitationRecord:
    """One line of ``Invitations.csv``: a connection request sent or received."""

    sender: Person
    recipient: Person
    sent_at: dt.datetime
    message: str
    direction: str  # "INCOMING" (they invited me) or "OUTGOING" (I invited them)
    line: int


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    """The archive owner as ``Profile.csv`` describes them."""

    first_name: str
    last_name: str
    headline: str = ""
    industry: str = ""
    location: str = ""

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose archive it is, and how that was decided ("given", "profile", "messages")."""

    person: Person
    found_by: str


@dataclass(frozen=True, slots=True)
class InteractionRecord:
    """A message or run of messages with one person, as one interaction of NetWise.

    ``initiated_by`` is "me" or "them". For a run I started with one person,
    ``reply_status`` is "replied", "awaiting" or "unanswered"; for a run they started, and
    for group conversations, it is "none", and ``answered`` says whether I answered.
    ``key`` is the first message's key (with the person's identity in a group), so the
    same interaction has the same key in every export; ``message_keys`` holds all of them.
    """

    key: str
    conversation_id: str
    counterpart: Person
    occurred_on: dt.date
    initiated_by: str
    reply_status: str
    answered: bool
    group: bool
    message_keys: tuple[str, ...]
    text: str = ""  # the messages' text, when asked for
    minutes: int = 0


@dataclass(frozen=True, slots=True)
class InvitationOutcome:
    """What one invitation says about a relationship."""

    counterpart: Person
    sent_on: dt.date
    # "them": they invited me (they reached out first); "me": I invited them and they
    # accepted, which dates our first contact.
    initiated_by: str


@dataclass(frozen=True, slots=True)
class InvitationSummary:
    outcomes: tuple[InvitationOutcome, ...]
    received: int
    accepted: int  # sent by me and now a connection
    never_accepted: int  # sent by me, not (or not yet) a connection


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """The counts an import reports: what was read, made and left out, and why."""

    messages: int
    conversations: int
    interactions: int
    replied: int
    unanswered: int
    awaiting: int
    skipped: dict[str, int] = field(default_factory=dict)  # reason → messages skipped
