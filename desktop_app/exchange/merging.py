"""What merging an imported record into a known contact changes, field by field.

By default a merge only fills what is empty (a birthday too) and adds e-mail addresses,
phone numbers and tags that are new; notes that are new are appended. A format that is the
source of truth for some fields (LinkedIn for someone's current company and title) replaces
those: a new company or title there is a job change, worth a congratulation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from desktop_app.exchange.normalise import email_key
from desktop_app.exchange.records import ContactRecord, Labelled, join_name
from desktop_app.insights.keep_in_touch import Birthday

TEXT_FIELDS = (
    "first_name",
    "middle_name",
    "last_name",
    "title",
    "company",
    "industry",
    "location",
    "linkedin_url",
    "how_met",
    "shared_interests",
    "can_help_with",
    "i_can_offer",
)
APPENDED_FIELDS = ("notes",)
# Fields a newer file of this format replaces, not only fills.
REPLACED_BY_FORMAT: dict[str, frozenset[str]] = {
    "linkedin": frozenset({"title", "company", "linkedin_url"}),
}
JOB_FIELDS = ("company", "title")
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(slots=True)
class ContactChanges:
    fields: list[FieldChange] = field(default_factory=list)
    new_emails: list[Labelled] = field(default_factory=list)
    new_phones: list[Labelled] = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)
    # A birthday fills one the contact has not got; a known one is kept.
    new_birthday: Birthday | None = None

    def __bool__(self) -> bool:
        return bool(
            self.fields
            or self.new_emails
            or self.new_phones
            or self.new_tags
            or self.new_birthday is not None
        )

    @property
    def job_change(self) -> bool:
        """A company or title that was known has been replaced by another."""
        return any(c.field in JOB_FIELDS and c.old for c in self.fields)


def _phone_key(number: str) -> str:
    return _NOT_DIGIT.sub("", number)[-9:]  # last digits: "+44 20 …" and "020 …" agree


def contact_changes(
    current: ContactRecord, incoming: ContactRecord, *, replaced: frozenset[str] = frozenset()
) -> ContactChanges:
    """The changes merging ``incoming`` into ``current`` makes."""
    changes = ContactChanges()
    for name in TEXT_FIELDS:
        old, new = getattr(current, name) or "", getattr(incoming, name) or ""
        if new and new != old and (not old or name in replaced):
            changes.fields.append(FieldChange(name, old, new))
    for name in APPENDED_FIELDS:
        old, new = getattr(current, name), getattr(incoming, name)
        if new and new not in old:
            changes.fields.append(FieldChange(name, old, f"{old}\n\n{new}" if old else new))
    known = {email_key(e.value) for e in current.emails}
    for email in incoming.emails:
        if (key := email_key(email.value) or email.value) not in known:
            changes.new_emails.append(email)
            known.add(key)
    phones = {_phone_key(p.value) for p in current.phones}
    for phone in incoming.phones:
        if (key := _phone_key(phone.value) or phone.value) not in phones:
            changes.new_phones.append(phone)
            phones.add(key)
    tags = {t.casefold() for t in current.tags}
    for tag in incoming.tags:
        if tag.casefold() not in tags:
            changes.new_tags.append(tag)
            tags.add(tag.casefold())
    if current.birthday is None and incoming.birthday is not None:
        changes.new_birthday = incoming.birthday
    return changes


def apply_changes(
    current: ContactRecord, changes: ContactChanges, accepted: frozenset[str] | None = None
) -> ContactRecord:
    """``current`` with the changes made; ``accepted`` limits the fields (None: all)."""
    values = {c.field: c.new for c in changes.fields if accepted is None or c.field in accepted}
    merged = replace(
        current,
        **values,
        emails=[*current.emails, *changes.new_emails],
        phones=[*current.phones, *changes.new_phones],
        tags=[*current.tags, *changes.new_tags],
        birthday=current.birthday if changes.new_birthday is None else changes.new_birthday,
    )
    if {"first_name", "middle_name", "last_name"} & values.keys():
        merged.full_name = join_name(merged.first_name, merged.middle_name, merged.last_name)
    return merged


def fold(first: ContactRecord, later: ContactRecord) -> ContactRecord:
    """Two records of one file that are the same person, as one (the first one leads)."""
    return apply_changes(first, contact_changes(first, later))
