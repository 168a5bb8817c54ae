"""``netwise print``: contact summaries, the compact list or an event sheet, to a PDF file.

Only the arguments live here (no Qt): rendering pages needs QtGui, so the start-up module,
above every layer, runs the command with ``desktop_app.ui.printing.command.run`` (offscreen,
no window).
"""

from __future__ import annotations

import argparse


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError("ids are whole numbers separated by commas") from exc
    if not ids:
        raise argparse.ArgumentTypeError("give at least one id")
    return ids


def add_print_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Print to a PDF file, with no window."
    what = parser.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    contacts = what.add_parser("contacts", help="contact summaries (or a compact list)")
    which = contacts.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every contact not archived")
    which.add_argument("--ids", type=_ids, metavar="1,2,3", help="these contacts")
    which.add_argument("--tag", metavar="TAG", help="the contacts with this tag")
    contacts.add_argument(
        "--list", action="store_true", help="a compact list instead of a page per contact"
    )
    contacts.add_argument(
        "--pitch", action="store_true", help="add my elevator pitch to a single summary"
    )
    contacts.add_argument("--pdf", metavar="FILE", required=True, help="the PDF to write")
    event = what.add_parser("event", help="an event's preparation sheet")
    event.add_argument("event_id", type=int, metavar="ID", help="the event's id")
    event.add_argument("--pdf", metavar="FILE", required=True, help="the PDF to write")
