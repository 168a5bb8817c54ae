"""The command line: global options and the headless subcommands.

Kept free of Qt and SQLAlchemy so that ``--version`` and ``--help`` answer instantly.
Headless subcommands (``review``, ``stats``, ``due``, ``print``, ``import``, ``export``,
``copy-database``) register themselves in ``SUBCOMMANDS``; a command given there runs
without a window. One that draws with Qt (``print``) has no runner here: the start-up
module supplies it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_app import APP_NAME, __version__
from desktop_app.commands import copy_database, due, insights, printing, transfer
from desktop_app.page_names import PAGE_NAMES


class Subcommand:
    """A headless command: how to add its arguments and how to run it (returns exit code)."""

    def __init__(
        self,
        name: str,
        help: str,
        add_arguments: Callable[[argparse.ArgumentParser], None],
        run: Callable[[argparse.Namespace], int] | None,
    ) -> None:
        self.name, self.help, self.add_arguments, self.run = name, help, add_arguments, run


SUBCOMMANDS: list[Subcommand] = [
    Subcommand(
        "import",
        "import contacts from a LinkedIn, Google, vCard or NetWise JSON file",
        transfer.add_import_arguments,
        transfer.run_import,
    ),
    Subcommand(
        "export",
        "export contacts (csv, vcard), events and follow-ups (ics) or everything (json)",
        transfer.add_export_arguments,
        transfer.run_export,
    ),
    Subcommand(
        "copy-database",
        "copy a whole network into an empty database: SQLite to PostgreSQL, or back",
        copy_database.add_copy_arguments,
        copy_database.run_copy,
    ),
    Subcommand(
        "review",
        "print the review: who you are networking with for nothing, and why",
        insights.add_review_arguments,
        insights.run_review,
    ),
    Subcommand(
        "stats",
        "print the dashboard's figures, growth against targets and return on time",
        insights.add_stats_arguments,
        insights.run_stats,
    ),
    Subcommand(
        "due",
        "print what is due today: follow-ups, contacts to keep in touch with, birthdays",
        due.add_due_arguments,
        due.run_due,
    ),
    Subcommand(
        "print",
        "print contact summaries, a contact list or an event sheet to a PDF",
        printing.add_print_arguments,
        None,  # rendering needs QtGui, which only the start-up module may bring in
    ),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwise",
        description=f"{APP_NAME}: network strategically with the right people.",
        epilog="Without a command, NetWise opens its window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        metavar="PATH",
        help="database file (or SQLAlchemy URL) to open; default: NETWISE_DB or the file "
        "in the user data folder",
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="open a separate demo database filled with generated sample data",
    )
    window = parser.add_argument_group("window")
    window.add_argument(
        "--self-test",
        action="store_true",
        help="build the window offscreen, render every page, print 'self-test ok' and exit",
    )
    window.add_argument(
        "--screenshot", metavar="FILE", help="render the window to a PNG file and exit"
    )
    window.add_argument(
        "--page", choices=PAGE_NAMES, default=None, help="page to show first (or to screenshot)"
    )
    window.add_argument(
        "--tray",
        action="store_true",
        help="start hidden in the system tray (as at log-in), with the window a click away",
    )
    window.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help="on an unexpected error, log it and exit instead of showing a dialog",
    )
    # Benchmarks: print a line when the window (or the first contact rows) is painted, then quit.
    window.add_argument("--startup-probe", choices=("window", "rows"), help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    if SUBCOMMANDS:
        commands = parser.add_subparsers(dest="command", metavar="COMMAND")
        for command in SUBCOMMANDS:
            sub = commands.add_parser(command.name, help=command.help)
            command.add_arguments(sub)
            sub.set_defaults(run=command.run)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
