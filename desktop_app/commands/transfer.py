"""``netwise import FORMAT FILE`` and ``netwise export FORMAT FILE``."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from desktop_app.exchange.jsonformat import DataSet

from desktop_app.wording import count_of

# The format names, spelled out so that building the parser imports nothing (start-up
# speed); a test checks them against exchange.formats.
IMPORT_CHOICES = ("linkedin", "google", "vcard", "json", "ics")
EXPORT_CHOICES = ("csv", "vcard", "ics", "json")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Import contacts, LinkedIn's data export (its ZIP, folder or any one CSV: "
        "connections, messages and invitations become contacts and interactions) or a "
        "calendar (ics: meetings with contacts, networking events). Same e-mail or same "
        "profile address = same person: merged. Similar names at the same company are "
        "listed as suggestions, not merged. Importing a file again adds only what is new. "
        "All or nothing: on any error nothing is written."
    )
    parser.add_argument(
        "format",
        choices=IMPORT_CHOICES,
        metavar="FORMAT",
        help="one of: " + ", ".join(IMPORT_CHOICES),
    )
    parser.add_argument("file", metavar="FILE", help="the file (or export folder) to import")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="read and match the file, print the summary, write nothing",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="the file's character set, if detection gets it wrong"
    )
    parser.add_argument(
        "--create-strangers",
        action="store_true",
        help="linkedin, ics: add people who are not contacts yet (default: skip and count them)",
    )
    parser.add_argument(
        "--keep-text",
        action="store_true",
        help="linkedin: keep the messages' text as the interactions' notes (default: not kept)",
    )
    parser.add_argument(
        "--owner",
        metavar="NAME",
        help="linkedin: whose archive it is (a name or profile address); ics: your e-mail "
        "addresses, separated by commas; when the file does not say it rightly",
    )


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Export contacts (csv, vcard), calendar entries (ics) or everything (json)."
    )
    parser.add_argument(
        "format",
        choices=EXPORT_CHOICES,
        metavar="FORMAT",
        help="one of: " + ", ".join(EXPORT_CHOICES),
    )
    parser.add_argument("file", metavar="FILE", help="the file to write (replaced if it exists)")
    parser.add_argument(
        "--include-done", action="store_true", help="ics: include follow-ups already done"
    )


def _fail(message: str, err: TextIO) -> int:
    from desktop_app.commands.terminal import safe_text

    print(f"netwise: {safe_text(message)}", file=err)
    return 1


def run_import(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from desktop_app.bulkwork import collector_paused
    from desktop_app.commands.terminal import terminal_stream
    from desktop_app.dblock import DatabaseInUseError
    from desktop_app.exchange.errors import ImportFileError
    from desktop_app.store.errors import StoreError

    out = terminal_stream(out)  # names and file names come from the file
    try:
        with collector_paused():
            if args.format == "json":
                return _import_json(args, out)
            if args.format == "ics":
                from desktop_app.commands.evidence_calendar import import_calendar

                return import_calendar(args, out)
            if args.format == "linkedin":
                from desktop_app.commands.evidence import import_linkedin_archive
                from desktop_app.evidence_wording import is_archive

                if is_archive(args.file):
                    return import_linkedin_archive(args, out)
            return _import_contacts(args, out)
    except (ImportFileError, StoreError, DatabaseInUseError) as exc:
        return _fail(f"{exc.message} Nothing was imported.", err)


def _database_target(args: argparse.Namespace) -> str:
    from desktop_app import paths

    return paths.resolve_database(getattr(args, "db", None), demo=getattr(args, "demo", False))


def _held_unless(dry_run: bool, target: str) -> contextlib.AbstractContextManager[object]:
    """The database's lock for a command that writes; a dry run reads, beside anyone."""
    from desktop_app.dblock import held_for_writing

    return contextlib.nullcontext() if dry_run else held_for_writing(target, "import")


def _import_contacts(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.commands.summary import print_plan, print_result
    from desktop_app.exchange.formats import IMPORT_FORMATS, contact_parser
    from desktop_app.server_passwords import server_password
    from desktop_app.store.database import open_database
    from desktop_app.store.engine import sqlite_path
    from desktop_app.store.importer import apply_import, prepare_import, preview_alone

    parsed = contact_parser(args.format)(args.file, encoding=args.encoding)
    target = _database_target(args)
    path = sqlite_path(target)
    if args.dry_run and path is not None and not path.exists():
        print_plan(preview_alone(parsed), IMPORT_FORMATS[args.format].label, out)
        print("Dry run: nothing was written (the database does not exist yet).", file=out)
        return 0
    with _held_unless(args.dry_run, target):
        db = open_database(target, password=server_password(target))
        try:
            preview = prepare_import(db, parsed)
            print_plan(preview, IMPORT_FORMATS[args.format].label, out)
            if args.dry_run:
                print("Dry run: nothing was written.", file=out)
                return 0
            result = apply_import(db, preview.plan, last_known_id=preview.last_known_id)
        finally:
            db.close()
    print_result(result, args.format, out)
    return 0


def _import_json(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.exchange.jsonformat import load_dataset
    from desktop_app.store.json_restore import check_vocabulary

    dataset = load_dataset(args.file, encoding=args.encoding)
    check_vocabulary(args.file, dataset)
    counts = ", ".join(
        f"{len(items):,} {section}" for section, items in dataset.items() if section != "settings"
    )
    print(
        f"Read “{Path(args.file).name}”: {counts}, {len(dataset['settings'])} settings.", file=out
    )
    target = _database_target(args)
    with _held_unless(args.dry_run, target):
        _restore_json(args, target, dataset)
    if args.dry_run:
        print("Dry run: nothing was written.", file=out)
    else:
        print("Restored everything, with the same ids and times.", file=out)
    return 0


def _restore_json(args: argparse.Namespace, target: str, dataset: DataSet) -> None:
    from desktop_app.server_passwords import server_password
    from desktop_app.store.database import open_database
    from desktop_app.store.json_restore import DatabaseNotEmptyError, is_empty

    db = open_database(target, password=server_password(target))
    try:
        if args.dry_run:
            with db.transaction() as session:
                if not is_empty(session.connection()):
                    raise DatabaseNotEmptyError(
                        args.file, "the database already holds data; a restore needs an empty one."
                    )
            return
        from desktop_app.store.json_restore import restore_dataset

        restore_dataset(db, dataset, source=args.file)
    finally:
        db.close()


def run_export(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from desktop_app.bulkwork import collector_paused
    from desktop_app.exchange.outfile import ExportFileError
    from desktop_app.store.errors import StoreError

    try:
        with collector_paused():
            count = _export(args)
    except (ExportFileError, StoreError) as exc:
        return _fail(exc.message, err)
    from desktop_app.commands.terminal import safe_text

    print(safe_text(f"Wrote {count} to “{args.file}”."), file=out)
    return 0


def _export(args: argparse.Namespace) -> str:
    from desktop_app.exchange.outfile import atomic_text_output
    from desktop_app.server_passwords import server_password
    from desktop_app.store import exporter
    from desktop_app.store.database import open_database

    target = _database_target(args)
    db = open_database(target, password=server_password(target))
    try:
        if args.format == "csv":
            from desktop_app.exchange.csv_out import ENCODING, write_contacts_csv

            contacts = exporter.export_contacts(db)
            with atomic_text_output(args.file, encoding=ENCODING) as stream:
                write_contacts_csv(contacts, stream)
            return count_of(len(contacts), "contact")
        if args.format == "vcard":
            from desktop_app.exchange.vcard_out import write_vcards

            contacts = exporter.export_contacts(db)
            with atomic_text_output(args.file) as stream:
                write_vcards(contacts, stream)
            return count_of(len(contacts), "contact")
        if args.format == "ics":
            from desktop_app.exchange.ical_dates import add_reminders
            from desktop_app.exchange.ical_out import build_calendar
            from desktop_app.store.reminders_export import export_reminders

            events, followups = exporter.export_calendar(db, include_done=args.include_done)
            birthdays, touches = export_reminders(db)
            calendar = build_calendar(events, followups)
            add_reminders(calendar, birthdays, touches)
            with atomic_text_output(args.file) as stream:
                stream.write(calendar.to_ical().decode("utf-8"))
            return (
                f"{count_of(len(events), 'event')}, {count_of(len(followups), 'follow-up')}, "
                f"{count_of(len(birthdays), 'birthday')} and "
                f"{count_of(len(touches), 'keep-in-touch day')}"
            )
        from desktop_app.exchange.jsonformat import dump_dataset

        dataset = exporter.export_dataset(db)
        with atomic_text_output(args.file, newline="\n") as stream:
            dump_dataset(dataset, stream)
        return f"everything ({count_of(len(dataset['contacts']), 'contact')})"
    finally:
        db.close()
