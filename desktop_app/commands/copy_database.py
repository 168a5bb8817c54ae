"""``netwise copy-database SOURCE TARGET``: a whole network moved between databases."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TextIO

from desktop_app.wording import count_of


def add_copy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Copy a whole network from one database to another: an SQLite file to a "
        "PostgreSQL server (postgresql+psycopg://USER@HOST/DATABASE) or back. The target "
        "must be empty (a new file, or a database just created on the server). The copy "
        "is read back and compared with the source before it is called done."
    )
    parser.add_argument("source", metavar="SOURCE", help="the database file or address to copy")
    parser.add_argument("target", metavar="TARGET", help="the empty database to copy into")


def _address(value: str) -> str:
    return value if "://" in value else str(Path(value).expanduser().resolve())


def run_copy(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from desktop_app.bulkwork import collector_paused
    from desktop_app.commands.terminal import safe_text
    from desktop_app.dblock import DatabaseInUseError, held_for_writing
    from desktop_app.paths import shown_database
    from desktop_app.store.errors import StoreError

    source, target = _address(args.source), _address(args.target)
    shown_source, shown_target = shown_database(source), shown_database(target)
    try:
        if source == target:
            print("netwise: the source and the target are the same database.", file=err)
            return 1
        with (
            collector_paused(),
            held_for_writing(source, "copy-database"),
            held_for_writing(target, "copy-database"),
        ):
            copied = _copy(source, target)
    except (StoreError, DatabaseInUseError) as exc:
        print(f"netwise: {safe_text(exc.message)}", file=err)
        return 1
    figures = ", ".join(
        count_of(copied.get(table, 0), singular)
        for table, singular in (
            ("contacts", "contact"),
            ("interactions", "interaction"),
            ("events", "event"),
            ("tags", "tag"),
            ("goals", "goal"),
        )
    )
    print(safe_text(f"Copied {figures} from “{shown_source}” to “{shown_target}”."), file=out)
    print("Verified: every table has the same rows, and the exports match.", file=out)
    return 0


def _copy(source: str, target: str) -> dict[str, int]:
    from desktop_app.server_passwords import server_password
    from desktop_app.store.copying import copy_database
    from desktop_app.store.database import open_database
    from desktop_app.store.engine import sqlite_path
    from desktop_app.store.errors import DatabaseAccessError

    path = sqlite_path(source)
    if path is not None and not path.is_file():
        raise DatabaseAccessError(f"There is no NetWise database at “{source}”.", target=source)
    source_db = open_database(source, password=server_password(source))
    try:
        target_db = open_database(target, password=server_password(target))
        with contextlib.closing(target_db):
            return copy_database(source_db, target_db).rows
    finally:
        source_db.close()
