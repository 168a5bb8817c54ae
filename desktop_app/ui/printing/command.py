"""``netwise print …``: documents to PDF offscreen, without a window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop_app.validation import printable
from desktop_app.wording import count_of


def _fail(message: str) -> int:
    print(f"netwise: {printable(message)}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop_app import paths
    from desktop_app.server_passwords import server_password
    from desktop_app.store.database import open_database
    from desktop_app.store.errors import StoreError

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts
    target = paths.resolve_database(args.db, demo=args.demo)
    if "://" not in target and not Path(target).exists():
        return _fail(f"there is no database at “{target}”.")
    try:
        db = open_database(target, password=server_password(target))
    except StoreError as exc:
        return _fail(exc.message)
    try:
        document = _document(db, args)
        if document is None:
            return 1
        from desktop_app.exchange.outfile import ExportFileError
        from desktop_app.ui.printing.output import write_pdf

        pages = write_pdf(document, Path(args.pdf))
    except (StoreError, ExportFileError, OSError) as exc:
        return _fail(getattr(exc, "message", None) or f"cannot write {args.pdf}: {exc}")
    finally:
        db.close()
    # Worded as the export command words what it wrote.
    print(printable(f"Wrote {count_of(pages, 'page')} to “{args.pdf}”."))
    return 0


def _document(db, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    if args.document == "event":
        from desktop_app.store.events import event_rows
        from desktop_app.ui.common.documents import event_document

        if not event_rows(db, [args.event_id]):
            _fail(f"there is no event {args.event_id}.")
            return None
        return event_document(db, args.event_id)
    from desktop_app.store.printouts import contact_ids_for_print
    from desktop_app.ui.printing.sheets import contacts_document

    ids = args.ids if args.ids else contact_ids_for_print(db, tag=args.tag)
    if not ids:
        _fail("no contacts to print." if not args.tag else f"no contact has the tag “{args.tag}”.")
        return None
    layout = True if args.list else None  # no --list: a page each, or a list when many
    return contacts_document(db, ids, as_list=layout, with_pitch=args.pitch)
