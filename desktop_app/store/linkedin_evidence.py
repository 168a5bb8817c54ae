"""LinkedIn's data export into the database: a plan first, then one transaction.

``plan_linkedin_import`` reads what matching needs and returns a plain ``LinkedInPlan``:
the archive's owner, the connections' contact import (as any contact import plans it),
the interactions the messages and invitations make, who each person is (a contact, a
connection about to be created, or a stranger) and the counts. A preview can show it and
change it (who is the owner is decided when reading; strangers to create, text kept or
not); ``apply_linkedin_plan`` writes it all or nothing.

Messages become interactions of kind "outreach", as ``exchange.linkedin_interactions``
decides them. An invitation they sent is an outreach of theirs; one I sent that they
accepted is an outreach of mine on that day, without a reply expected (accepting is not an
answer), so the day of our first contact is known.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from desktop_app.exchange.linkedin_archive import ArchiveContents
from desktop_app.exchange.linkedin_records import Person
from desktop_app.exchange.merging import REPLACED_BY_FORMAT, contact_changes
from desktop_app.exchange.normalise import profile_key
from desktop_app.exchange.plan import CREATE, MERGE
from desktop_app.exchange.records import ParsedFile
from desktop_app.exchange.screening import screen_records
from desktop_app.store.database import Database
from desktop_app.store.evidence_people import (
    ContactIndex,
    NamedPerson,
    create_strangers,
    read_contact_index,
    read_known_connections,
)
from desktop_app.store.evidence_writes import (
    EvidenceRow,
    WriteCounts,
    source_key,
    stored_keys,
    write_evidence,
)
from desktop_app.store.importer import (
    ImportPreview,
    ImportResult,
    prepare_import,
    write_import_plan,
)
from desktop_app.validation import MAX_FREE_TEXT

PREFIX = "linkedin"
KIND = "outreach"

# How a person of the archive was matched.
CONTACT = "contact"  # an existing contact
CONNECTION = "connection"  # a connection of this archive, created by the same import
STRANGER = "stranger"  # neither: created only when asked
_ABOUT_TO_BE_CREATED = 2**62  # the id a connection created by the import is matched by


@dataclass(slots=True)
class PlannedPerson:
    person: NamedPerson
    match: str  # CONTACT, CONNECTION or STRANGER
    contact_id: int | None  # the existing contact, for CONTACT
    interactions: int = 0


@dataclass(slots=True)
class LinkedInPlan:
    source: str
    contents: ArchiveContents
    connections: ImportPreview | None  # the contact import of Connections.csv, if any
    rows: list[EvidenceRow]
    people: dict[str, PlannedPerson]  # identity → who they are
    already: int = 0  # rows imported before (by their source key)
    connections_unchanged: int = 0  # left out of the contact import: already as they are
    create_strangers: bool = False  # every stranger made a contact...
    to_create: set[str] = field(default_factory=set)  # ...or these (identities), chosen one by one
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def strangers(self) -> list[PlannedPerson]:
        return [p for p in self.people.values() if p.match == STRANGER]


@dataclass(frozen=True, slots=True)
class LinkedInResult:
    contacts: ImportResult | None
    evidence: WriteCounts
    strangers_created: int
    strangers_skipped: int


def _named(person: Person) -> NamedPerson:
    return NamedPerson(person.identity, person.name, person.profile_url)


def _connections_file(contents: ArchiveContents) -> ParsedFile | None:
    """The archive's connections as one screened contact file (usually there is one)."""
    if not contents.connections:
        return None
    first = contents.connections[0]
    merged = ParsedFile(
        first.source,
        first.format,
        first.encoding,
        [r for parsed in contents.connections for r in parsed.records],
        [p for parsed in contents.connections for p in parsed.problems],
        first.columns,
        first.header_line,
    )
    return screen_records(merged)


def evidence_rows(contents: ArchiveContents) -> tuple[list[EvidenceRow], dict[str, NamedPerson]]:
    """The interactions of the messages and invitations, and the people they are with."""
    rows: list[EvidenceRow] = []
    people: dict[str, NamedPerson] = {}
    # (positional arguments, each person named once: an archive has 100,000s of rows)
    for interaction in contents.interactions:
        identity = interaction.counterpart.identity
        if identity not in people:
            people[identity] = _named(interaction.counterpart)
        rows.append(
            EvidenceRow(
                source_key(PREFIX, interaction.key),
                identity,
                interaction.occurred_on,
                KIND,
                interaction.initiated_by,
                interaction.reply_status,
                0,
                interaction.text[:MAX_FREE_TEXT] if interaction.text else "",
            )
        )
    for outcome in contents.invitations.outcomes:
        person = _named(outcome.counterpart)
        people.setdefault(person.identity, person)
        key = f"invitation|{person.identity}|{outcome.initiated_by}|{outcome.sent_on}"
        rows.append(
            EvidenceRow(
                source_key=source_key(PREFIX, key),
                identity=person.identity,
                occurred_on=outcome.sent_on,
                kind=KIND,
                initiated_by=outcome.initiated_by,
                reply_status="none",
            )
        )
    return rows, people


def plan_linkedin_import(db: Database, contents: ArchiveContents, source: str) -> LinkedInPlan:
    """What importing ``contents`` would write, matched against the database as it is."""
    parsed = _connections_file(contents)
    unchanged = 0
    if parsed is not None:
        parsed, unchanged = _without_unchanged(db, parsed)
    preview = prepare_import(db, parsed) if parsed is not None else None
    rows, named = evidence_rows(contents)
    with db.transaction() as session:
        connection = session.connection()
        index = read_contact_index(connection)
        stored = stored_keys(connection, PREFIX)
    already = sum(1 for row in rows if row.source_key in stored.keys)
    new_index = ContactIndex()
    if preview is not None:
        _match_connections_by_name(preview, index, new_index)
    people: dict[str, PlannedPerson] = {}
    for identity, person in named.items():
        if (found := index.find(person)) is not None:
            people[identity] = PlannedPerson(person, CONTACT, found)
        elif new_index.find(person) is not None:
            people[identity] = PlannedPerson(person, CONNECTION, None)
        else:
            people[identity] = PlannedPerson(person, STRANGER, None)
    for row in rows:
        people[row.identity].interactions += 1
    return LinkedInPlan(
        source, contents, preview, rows, people, already=already, connections_unchanged=unchanged
    )


def _without_unchanged(db: Database, parsed: ParsedFile) -> tuple[ParsedFile, int]:
    """``parsed`` without the connections already in the database as they are (same
    profile address, nothing a merge would change), and how many those were.

    A re-import of the archive then matches only what is new or changed, instead of all
    30,000 connections again; the outcome is the same.
    """
    with db.transaction() as session:
        current = read_known_connections(session.connection())
    kept = []
    for record in parsed.records:
        known = current.get(profile_key(record.linkedin_url)) if record.linkedin_url else None
        if known is None or contact_changes(known, record, replaced=REPLACED_BY_FORMAT["linkedin"]):
            kept.append(record)
    unchanged = len(parsed.records) - len(kept)
    return replace(parsed, records=kept), unchanged


def _match_connections_by_name(
    preview: ImportPreview, index: ContactIndex, new_index: ContactIndex
) -> None:
    """Connections the contact import would create, when a contact has their exact name,
    merge into that contact (re-saved exports have no addresses: without this every
    re-import would add them again); the others are indexed as about to be created."""
    for item in preview.plan.items:
        if item.action != CREATE:
            continue
        record = item.record
        person = NamedPerson("", record.name(), record.linkedin_url)
        if (found := index.find(person)) is not None:
            item.action, item.contact_id = MERGE, found
        else:
            new_index.add(
                _ABOUT_TO_BE_CREATED,
                name=record.name(),
                profile_url=record.linkedin_url,
                emails=(e.value for e in record.emails),
            )


def apply_linkedin_plan(
    db: Database, plan: LinkedInPlan, *, now: dt.datetime | None = None
) -> LinkedInResult:
    """Write ``plan`` in one transaction: the connections, then the interactions."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.transaction(immediate=True) as session:
        connection = session.connection()
        contacts = None
        if plan.connections is not None:
            contacts = write_import_plan(
                connection,
                plan.connections.plan,
                now=now,
                last_known_id=plan.connections.last_known_id,
            )
            contacts.unchanged += plan.connections_unchanged
        # Matched again inside the transaction: the connections now have their ids.
        index = read_contact_index(connection)
        contact_of: dict[str, int] = {}
        strangers: list[NamedPerson] = []
        for identity, planned in plan.people.items():
            found = index.find(planned.person)
            if found is not None:
                contact_of[identity] = found
            else:
                strangers.append(planned.person)
        wanted = [p for p in strangers if plan.create_strangers or p.identity in plan.to_create]
        if wanted:
            contact_of.update(create_strangers(connection, wanted, now))
        counts = write_evidence(connection, plan.rows, contact_of, PREFIX, now)
    return LinkedInResult(
        contacts=contacts,
        evidence=counts,
        strangers_created=len(wanted),
        strangers_skipped=len(strangers) - len(wanted),
    )
