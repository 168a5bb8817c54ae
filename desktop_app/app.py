"""Start-up: arguments, paths, logging, display check, then the window as early as possible.

Order matters for speed: the window is built from Qt alone and shown first; the store
(SQLAlchemy, migrations) is imported and opened right after, off the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time

from desktop_app import paths
from desktop_app.cli import parse_args
from desktop_app.logs import setup_console_logging, setup_file_logging

STARTED = time.perf_counter()
log = logging.getLogger("desktop_app")


def display_problem() -> str | None:
    """Why no window can be opened here, in one line, or None if one can.

    Qt aborts the process when its platform plugin cannot start; checking the obvious
    causes first turns that into a clear message.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: Qt handles these itself
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        return (
            "cannot open a window: no display (DISPLAY is not set). Start NetWise from a "
            "desktop session, or use --self-test or --screenshot, which render offscreen."
        )
    if display.startswith(":"):
        number = display[1:].split(".")[0]
        if number.isdigit() and not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            return f"cannot open a window: no X server is running on display {display}."
    try:
        import ctypes

        ctypes.CDLL("libxcb-cursor.so.0")
    except OSError:
        return (
            "cannot open a window: the system library libxcb-cursor0 that Qt needs is "
            "missing (install it, for example: apt-get install libxcb-cursor0)."
        )
    return None


def print_documents(args) -> int:  # type: ignore[no-untyped-def]
    """``netwise print``: its pages are drawn with QtGui, imported only when it runs."""
    from desktop_app.ui.printing.command import run

    return run(args)


def run_headless(args) -> int:  # type: ignore[no-untyped-def]
    """Run a subcommand (review, stats, print, import, export) with no window."""
    if getattr(args, "demo", False):
        from desktop_app.commands.demo import prepare_demo

        problem = prepare_demo()
        if problem:
            print(f"netwise: {problem}", file=sys.stderr)
            return 1
    import locale  # only here: the window starts without it

    run = print_documents if args.command == "print" else args.run
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_TIME, "")  # month names and date order, as the window has
    try:
        return int(run(args))
    except KeyboardInterrupt:
        return 130


def main(argv: list[str] | None = None) -> int:
    # Everything NetWise writes holds personal data: owner-only whatever the umask. Each
    # writer makes its files 0600 itself; this also covers what libraries write (Qt's own
    # temporary and lock files).
    os.umask(0o077)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_console_logging(args.verbose)
    if getattr(args, "command", None) is not None:
        setup_file_logging()
        return run_headless(args)
    offscreen = bool(args.self_test or args.screenshot)
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        problem = display_problem()
        if problem:
            print(f"netwise: {problem}", file=sys.stderr)
            return 2
    target = paths.resolve_database(args.db, demo=args.demo)
    from desktop_app.ui.shell.launch import launch

    return launch(args, target=target, started=STARTED)
