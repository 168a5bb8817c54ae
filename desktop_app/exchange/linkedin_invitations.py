"""What the invitations of the archive say about who reached out first. Pure.

An invitation they sent me means they reached out first. One I sent that is now a
connection (its address, or else its name, is in ``Connections.csv``) dates our first
contact. One I sent that is not a connection was never accepted (or not yet): counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop_app.exchange.linkedin_owner import is_owner
from desktop_app.exchange.linkedin_records import (
    InvitationOutcome,
    InvitationRecord,
    InvitationSummary,
    Owner,
)
from desktop_app.exchange.records import ContactRecord


def _address(url: str) -> str:
    return url.strip().rstrip("/").casefold()


def _name(name: str) -> str:
    return " ".join(name.split()).casefold()


def classify_invitations(
    invitations: Sequence[InvitationRecord],
    owner: Owner | None,
    connections: Iterable[ContactRecord],
) -> InvitationSummary:
    addresses, names = set(), set()
    for contact in connections:
        if contact.linkedin_url:
            addresses.add(_address(contact.linkedin_url))
        names.add(_name(contact.name()))
    outcomes: list[InvitationOutcome] = []
    received = accepted = never_accepted = 0
    for invitation in invitations:
        incoming = invitation.direction == "INCOMING" or (
            owner is not None
            and invitation.direction != "OUTGOING"
            and is_owner(invitation.recipient, owner.person)
        )
        if incoming:
            received += 1
            outcomes.append(InvitationOutcome(invitation.sender, invitation.sent_at.date(), "them"))
            continue
        invitee = invitation.recipient
        if (invitee.profile_url and _address(invitee.profile_url) in addresses) or (
            not invitee.profile_url and _name(invitee.name) in names
        ):
            accepted += 1
            outcomes.append(InvitationOutcome(invitee, invitation.sent_at.date(), "me"))
        else:
            never_accepted += 1
    return InvitationSummary(tuple(outcomes), received, accepted, never_accepted)
