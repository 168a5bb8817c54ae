"""Contacts as vCard 4.0 (RFC 6350), written with vobject.

What vCard has no property for (seniority, circle, status, how we met, what each side
can offer, shared interests) goes into ``X-NETWISE-*`` properties, which other programs
ignore and NetWise reads back, so an export and re-import loses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

import vobject

from desktop_app import APP_NAME, __version__
from desktop_app.exchange.birthday_text import vcard_birthday
from desktop_app.exchange.records import ContactRecord

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
# record field → X- property (NetWise's own fields, kept across a round trip)
EXTRA_PROPERTIES = {
    "seniority": "X-NETWISE-SENIORITY",
    "circle": "X-NETWISE-CIRCLE",
    "status": "X-NETWISE-STATUS",
    "how_met": "X-NETWISE-HOW-MET",
    "shared_interests": "X-NETWISE-SHARED-INTERESTS",
    "can_help_with": "X-NETWISE-CAN-HELP-WITH",
    "i_can_offer": "X-NETWISE-I-CAN-OFFER",
    "industry": "X-NETWISE-INDUSTRY",
}
_TYPE_TOKEN = re.compile(r"^[a-z0-9-]+$")
_PHONE_TYPES = {"mobile": "cell"}


def _type(label: str, aliases: dict[str, str] | None = None) -> str | None:
    token = label.strip().casefold()
    token = (aliases or {}).get(token, token)
    return token if _TYPE_TOKEN.match(token) else None


def contact_card(record: ContactRecord) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("prodid").value = PRODID
    card.add("fn").value = record.name()
    card.add("n").value = vobject.vcard.Name(
        family=record.last_name, given=record.first_name, additional=record.middle_name
    )
    if record.company:
        card.add("org").value = [record.company]
    if record.title:
        card.add("title").value = record.title
    for email in record.emails:
        line = card.add("email")
        line.value = email.value
        if kind := _type(email.label):
            line.type_param = kind
    for phone in record.phones:
        line = card.add("tel")
        line.value = phone.value
        if kind := _type(phone.label, _PHONE_TYPES):
            line.type_param = kind
    if record.linkedin_url:
        card.add("url").value = record.linkedin_url
    if record.location:
        card.add("adr").value = vobject.vcard.Address(city=record.location)
    if record.tags:
        card.add("categories").value = list(record.tags)
    if record.notes:
        card.add("note").value = record.notes
    if record.birthday is not None:
        card.add("bday").value = vcard_birthday(record.birthday)
    for field, prop in EXTRA_PROPERTIES.items():
        value = getattr(record, field)
        if value:
            card.add(prop.lower()).value = value
    return card


def write_vcards(records: Iterable[ContactRecord], stream: TextIO) -> int:
    """Write every record as one vCard 4.0; returns how many were written."""
    count = 0
    for record in records:
        stream.write(contact_card(record).serialize())
        count += 1
    return count
