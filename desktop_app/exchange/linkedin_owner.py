"""Whose archive it is: the person every conversation of ``messages.csv`` is with.

The messages file does not say whose it is. In order: the person the caller names (a
name or a profile address); the name in ``Profile.csv`` (when messages were sent under
it); in the 2018 layout, the sender of an OUTGOING message; otherwise the sender who
takes part in most conversations, when no one else takes part in as many. When none
of these settles it, the import stops with ``OwnerNotFoundError`` so that the caller
can ask.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.linkedin_records import MessageRecord, Owner, Person, ProfileRecord


class OwnerNotFoundError(ImportFileError):
    """Nothing in the archive says whose messages they are; the owner must be given."""


def _compared(name: str) -> str:
    return " ".join(name.split()).casefold()


def is_owner(person: Person, owner: Person) -> bool:
    """Profile addresses decide when both have one; otherwise the names."""
    if person.profile_url and owner.profile_url:
        return person.profile_url.casefold() == owner.profile_url.casefold()
    return _compared(person.name) == _compared(owner.name)


def find_owner(
    messages: Sequence[MessageRecord],
    *,
    source: str | Path,
    profile: ProfileRecord | None = None,
    given: str | None = None,
) -> Owner:
    """The archive's owner; ``source`` names the messages file in an error."""
    if given and given.strip():
        return _given(messages, given.strip(), source)
    if profile is not None and profile.name:
        address = _address_of(messages, profile.name)
        if address or not messages:
            return Owner(Person(profile.name, address), "profile")
        # The profile's name is not one the messages were sent under (a name changed
        # since): the messages themselves say who the owner is, when they can.
        try:
            return _most_conversations(messages, source)
        except OwnerNotFoundError:
            return Owner(Person(profile.name), "profile")
    for message in messages:
        if message.direction == "OUTGOING":
            return Owner(message.sender, "messages")
    return _most_conversations(messages, source)


def _given(messages: Sequence[MessageRecord], given: str, source: str | Path) -> Owner:
    if given.startswith(("https://", "http://")):
        wanted = given.rstrip("/").casefold()
        for message in messages:
            if message.sender.profile_url.rstrip("/").casefold() == wanted:
                return Owner(message.sender, "given")
        raise OwnerNotFoundError(source, f"no message was sent from the profile {given}.")
    if messages and not any(_compared(m.sender.name) == _compared(given) for m in messages):
        raise OwnerNotFoundError(source, f"no message was sent by “{given}”.")
    return Owner(Person(given, _address_of(messages, given)), "given")


def _address_of(messages: Sequence[MessageRecord], name: str) -> str:
    """The profile address most often beside ``name`` as a sender ("" if none)."""
    wanted = _compared(name)
    senders = Counter(message.sender for message in messages)  # a few thousand people
    addresses: Counter[str] = Counter()
    for sender, count in senders.items():
        if sender.profile_url and _compared(sender.name) == wanted:
            addresses[sender.profile_url] += count
    return addresses.most_common(1)[0][0] if addresses else ""


def _most_conversations(messages: Sequence[MessageRecord], source: str | Path) -> Owner:
    senders: dict[str, Person] = {}
    members: dict[str, set[str]] = {}  # identity → conversations they take part in
    for message in messages:
        senders.setdefault(message.sender.identity, message.sender)
        for person in (message.sender, *message.recipients):
            members.setdefault(person.identity, set()).add(message.conversation_id)
    ranked = sorted(((len(members[identity]), identity) for identity in senders), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        raise OwnerNotFoundError(
            source,
            "cannot tell whose messages these are: the archive has no Profile.csv and no "
            "one takes part in more conversations than everyone else. Say whose archive "
            "it is (your name as LinkedIn shows it).",
        )
    return Owner(senders[ranked[0][1]], "messages")
