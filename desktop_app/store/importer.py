"""Applying an import plan: one transaction, all or nothing, with progress.

``prepare_import`` reads what matching needs, finds duplicates and proposes a plan with
the changes each merge would make (the preview). ``apply_import`` writes the plan: new
contacts in bulk (the full-text index follows through its triggers), merged contacts
updated, tags created as needed. The progress callback may raise to cancel: the
transaction is rolled back and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from desktop_app.exchange.matching import DuplicateReport, find_duplicates
from desktop_app.exchange.merging import ContactChanges, apply_changes, contact_changes, fold
from desktop_app.exchange.normalise import email_key, profile_key
from desktop_app.exchange.plan import CREATE, MERGE, SKIP, ImportPlan, PlanItem, build_plan
from desktop_app.exchange.records import ContactRecord, ParsedFile
from desktop_app.store.contact_records import read_contact_records, read_existing
from desktop_app.store.contact_writes import insert_contacts, update_contacts
from desktop_app.store.database import Database

# progress(done, total): called as the work advances; raise from it to cancel.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class JobChange:
    """Someone known whose company or title the imported file gives anew."""

    contact_id: int
    name: str
    old_company: str
    old_title: str
    new_company: str
    new_title: str


@dataclass(slots=True)
class ImportPreview:
    plan: ImportPlan
    report: DuplicateReport
    # item index → what its merge would change (merges into a database contact)
    changes: dict[int, ContactChanges] = field(default_factory=dict)
    # contact id → "Name (Company)" of every contact a merge or a suggestion names
    contact_labels: dict[int, str] = field(default_factory=dict)
    # the largest contact id matching saw: the contacts above it were written since
    last_known_id: int = 0


@dataclass(slots=True)
class ImportResult:
    created: list[tuple[int, str]] = field(default_factory=list)  # (contact id, name)
    merged: list[int] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0
    job_changes: list[JobChange] = field(default_factory=list)


def prepare_import(db: Database, parsed: ParsedFile) -> ImportPreview:
    """Match ``parsed`` against the database and propose the default plan."""
    with db.transaction() as session:
        connection = session.connection()
        report = find_duplicates(parsed.records, read_existing(connection))
        plan = build_plan(parsed, report)
        named = {m.contact_id for ms in report.suggestions.values() for m in ms}
        named |= {item.contact_id for item in plan.items if item.contact_id is not None}
        current = read_contact_records(connection, {i for i in named if i is not None})
        last_known_id = connection.exec_driver_sql("SELECT max(id) FROM contacts").scalar()
    preview = ImportPreview(plan, report, last_known_id=last_known_id or 0)
    for contact_id, record in current.items():
        preview.contact_labels[contact_id] = (
            f"{record.name()} ({record.company})" if record.company else record.name()
        )
    for item in plan.items:
        if item.action == MERGE and item.contact_id in current:
            preview.changes[item.index] = contact_changes(
                current[item.contact_id], item.record, replaced=plan.replaced_fields
            )
    return preview


def merge_changes(
    db: Database, plan: ImportPlan, items: list[PlanItem]
) -> dict[int, ContactChanges]:
    """Item index → what merging it into the contact it now names would change.

    For the preview, when the user merges rows into other contacts than the default
    (a chosen suggestion): one read for all of them.
    """
    wanted = {item.contact_id for item in items if item.contact_id is not None}
    if not wanted:
        return {}
    with db.transaction() as session:
        current = read_contact_records(session.connection(), wanted)
    return {
        item.index: contact_changes(
            current[item.contact_id], item.record, replaced=plan.replaced_fields
        )
        for item in items
        if item.contact_id in current
    }


def preview_alone(parsed: ParsedFile) -> ImportPreview:
    """The preview of an import into a database that does not exist yet: no contacts known."""
    report = find_duplicates(parsed.records, [])
    return ImportPreview(build_plan(parsed, report), report)


def _resolve(
    plan: ImportPlan,
) -> tuple[dict[int, ContactRecord], dict[int, list[int]], dict[int, list[int]]]:
    """New records (index → record, later duplicates folded in), merges by contact id, and
    the items folded into each new record (index → indexes, its own first)."""
    creates: dict[int, ContactRecord] = {}
    merges: dict[int, list[int]] = {}
    folded: dict[int, list[int]] = {}
    root: dict[int, tuple[str, int]] = {}  # index → ("create", index) or ("contact", id)
    for item in plan.items:
        target: tuple[str, int] | None = None
        if item.action == MERGE and item.contact_id is not None:
            target = ("contact", item.contact_id)
        elif item.action == MERGE and item.into_index is not None:
            target = root.get(item.into_index)  # None if skipped or not earlier: create
        elif item.action == SKIP:
            continue
        if target is None:
            target = ("create", item.index)
            creates[item.index] = item.record
            folded[item.index] = [item.index]
        elif target[0] == "create":
            creates[target[1]] = fold(creates[target[1]], item.record)
            folded[target[1]].append(item.index)
        else:
            merges.setdefault(target[1], []).append(item.index)
        root[item.index] = target
    return creates, merges, folded


def _known_meanwhile(
    connection: Connection, creates: dict[int, ContactRecord], after: int | None
) -> dict[int, int]:
    """New record's index → the contact with its e-mail or profile address, for the new
    records another program has written since the preview (an import run twice at once).

    Only contacts with an id above ``after`` (the largest the preview saw) are read: those
    are the ones written since. Without ``after``, every contact is (1.7 s at 100,000).
    """
    after = -1 if after is None else after
    by_profile: dict[str, int] = {}
    by_email: dict[str, int] = {}
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    for contact_id, url in connection.exec_driver_sql(
        f"SELECT id, linkedin_url FROM contacts WHERE id > {mark}", (after,)
    ):
        if key := profile_key(url):
            by_profile.setdefault(key, contact_id)
    for contact_id, address in connection.exec_driver_sql(
        f"SELECT contact_id, address FROM contact_emails WHERE contact_id > {mark}", (after,)
    ):
        if key := email_key(address):
            by_email.setdefault(key, contact_id)
    known: dict[int, int] = {}
    if not by_profile and not by_email:
        return known
    for index, record in creates.items():
        found = by_profile.get(profile_key(record.linkedin_url)) if record.linkedin_url else None
        for address in record.emails:
            if found is None and (key := email_key(address.value)):
                found = by_email.get(key)
        if found is not None:
            known[index] = found
    return known


def apply_import(
    db: Database,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    last_known_id: int | None = None,
) -> ImportResult:
    """Write ``plan`` in one transaction; on any error (or a raise from ``progress``) none of it.

    ``last_known_id`` is the preview's (``ImportPreview.last_known_id``): a new person of the
    plan whom another program has written since is merged into that contact, not created.
    """
    # Deciding who is new and writing them is one transaction that holds the write lock
    # from its start: two imports at once never both create the same person.
    with db.transaction(immediate=True) as session:
        return write_import_plan(
            session.connection(), plan, progress=progress, now=now, last_known_id=last_known_id
        )


def write_import_plan(
    connection: Connection,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    last_known_id: int | None = None,
) -> ImportResult:
    """``apply_import`` inside the caller's transaction (an import that writes more)."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    report = progress or (lambda done, total: None)
    creates, merges, folded = _resolve(plan)
    result = ImportResult(skipped=plan.count(SKIP))
    for index, contact_id in _known_meanwhile(connection, creates, last_known_id).items():
        del creates[index]
        merges.setdefault(contact_id, []).extend(folded[index])
    total = len(creates) + len(merges) + 1
    report(0, total)
    merged = _merge(connection, plan, merges, result)
    report(len(merges), total)
    update_contacts(connection, merged, now)
    new_ids = insert_contacts(
        connection,
        list(creates.values()),
        now,
        progress=lambda done: report(len(merges) + done, total),
    )
    result.created = [(i, r.name()) for i, r in zip(new_ids, creates.values(), strict=True)]
    report(total, total)
    return result


def _merge(
    connection: Connection, plan: ImportPlan, merges: dict[int, list[int]], result: ImportResult
) -> dict[int, tuple[ContactRecord, ContactRecord]]:
    """contact id → (as it is, as it will be) for every contact a merge changes."""
    current = read_contact_records(connection, merges)
    changed: dict[int, tuple[ContactRecord, ContactRecord]] = {}
    for contact_id, indexes in merges.items():
        before = current.get(contact_id)
        if before is None:  # deleted since the preview: nothing to merge into
            continue
        after = before
        for index in indexes:
            item = plan.items[index]
            changes = contact_changes(after, item.record, replaced=plan.replaced_fields)
            after = apply_changes(after, changes, item.accepted)
        if after == before:
            result.unchanged += 1
            continue
        changed[contact_id] = (before, after)
        result.merged.append(contact_id)
        if (before.company and after.company != before.company) or (
            before.title and after.title != before.title
        ):
            result.job_changes.append(
                JobChange(
                    contact_id,
                    after.name(),
                    before.company,
                    before.title,
                    after.company,
                    after.title,
                )
            )
    return changed


def import_file(
    db: Database,
    parsed: ParsedFile,
    *,
    progress: Progress | None = None,
) -> tuple[ImportPreview, ImportResult]:
    """The default plan applied as it is: what the command line does."""
    preview = prepare_import(db, parsed)
    return preview, apply_import(
        db, preview.plan, progress=progress, last_known_id=preview.last_known_id
    )


__all__ = [
    "CREATE",
    "MERGE",
    "SKIP",
    "ImportPreview",
    "ImportResult",
    "JobChange",
    "Progress",
    "apply_import",
    "import_file",
    "merge_changes",
    "prepare_import",
    "preview_alone",
    "write_import_plan",
]
