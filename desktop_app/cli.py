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
from types import ModuleType

from desktop_app import APP_NAME, __version__
from desktop_app.page_names import PAGE_NAMES


class Subcommand:
    """A headless command: its module, and the names there of the function adding its
    arguments and of the one running it (returns the exit code; None: the start-up
    module supplies it). The module is imported only when its command is used: the
    window starts without any of them."""

    def __init__(
        self,
        name: str,
        help: str,
        module: Callable[[], ModuleType],
        add_arguments: str,
        run: str | None,
    ) -> None:
        self.name, self.help, self.module = name, help, module
        self.add_arguments_name, self.run_name = add_arguments, run

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        getattr(self.module(), self.add_arguments_name)(parser)

    @property
    def run(self) -> Callable[[argparse.Namespace], int] | None:
        return getattr(self.module(), self.run_name) if self.run_name else None


# Each module imported by name in its own function, so that the freezer still finds it.
def _transfer() -> ModuleType:
    from desktop_app.commands import transfer

    return transfer


def _copy_database() -> ModuleType:
    from desktop_app.commands import copy_database

    return copy_database


def _insights() -> ModuleType:
    from desktop_app.commands import insights

    return insights


def _due() -> ModuleType:
    from desktop_app.commands import due

    return due


def _printing() -> ModuleType:
    from desktop_app.commands import printing

    return printing


SUBCOMMANDS: list[Subcommand] = [
    Subcommand(
        "import",
        "import contacts from a LinkedIn, Google, vCard or NetWise JSON file",
        _transfer,
        "add_import_arguments",
        "run_import",
    ),
    Subcommand(
        "export",
        "export contacts (csv, vcard), events and follow-ups (ics) or everything (json)",
        _transfer,
        "add_export_arguments",
        "run_export",
    ),
    Subcommand(
        "copy-database",
        "copy a whole network into an empty database: SQLite to PostgreSQL, or back",
        _copy_database,
        "add_copy_arguments",
        "run_copy",
    ),
    Subcommand(
        "review",
        "print the review: who you are networking with for nothing, and why",
        _insights,
        "add_review_arguments",
        "run_review",
    ),
    Subcommand(
        "stats",
        "print the dashboard's figures, growth against targets and return on time",
        _insights,
        "add_stats_arguments",
        "run_stats",
    ),
    Subcommand(
        "due",
        "print what is due today: follow-ups, contacts to keep in touch with, birthdays",
        _due,
        "add_due_arguments",
        "run_due",
    ),
    Subcommand(
        "print",
        "print contact summaries, a contact list or an event sheet to a PDF",
        _printing,
        "add_print_arguments",
        None,  # rendering needs QtGui, which only the start-up module may bring in
    ),
]


def build_parser(command_with_arguments: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, with the arguments of ``command_with_arguments`` only:
    the other commands are listed by name (their help unchanged), their modules not
    imported. Without it, the commands answer neither ``--help`` nor any argument."""
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
            complete = command.name == command_with_arguments
            sub = commands.add_parser(command.name, help=command.help, add_help=complete)
            if complete:
                command.add_arguments(sub)
                sub.set_defaults(run=command.run)
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parsed twice: first which command (if any) argparse sees, then all of it with that
    command's arguments, so its errors and ``--help`` are argparse's own."""
    chosen = build_parser().parse_known_args(argv)[0].command
    return build_parser(chosen).parse_args(argv)
