"""From parsed arguments to a running window (or a self-test, or a screenshot)."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from desktop_app.logs import log_file, setup_file_logging
from desktop_app.page_names import CONTACTS
from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.crash import CrashHandler
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.validation import printable


class AfterFirstPaint(QObject):
    """Calls ``then`` once, on the turn of the event loop after the window's first paint:
    whatever ``then`` does (building pages, opening the database) cannot delay that paint."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Wait for the first paint, then hand over."""
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def report_window_shown(started: float) -> None:
    """For benchmarks (--startup-probe window): the time to the first paint."""
    elapsed = (time.perf_counter() - started) * 1000
    print(f"netwise-probe window-shown {elapsed:.1f}", flush=True)


def close_on_termination_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal or a polite kill closes the window properly (state saved,
    database lock released). Python runs signal handlers only between bytecodes, so a
    slow timer gives it the chance while Qt's event loop waits."""

    def close(_signum: int, _frame: object) -> None:
        window.quitting = True  # quit, even when kept running in the tray
        window.close()

    signal.signal(signal.SIGINT, close)
    signal.signal(signal.SIGTERM, close)
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(300)


class FirstRowsProbe(QObject):
    """For benchmarks: print a line once the contacts table has painted rows, then quit."""

    def __init__(self, window: MainWindow, started: float) -> None:
        super().__init__(window)
        self.window = window
        self.started = started
        window.show_page(CONTACTS)
        table = window.page(CONTACTS).table  # type: ignore[attr-defined]
        table.rows_painted.connect(self._painted)
        table.arm_rows_painted()

    def _painted(self) -> None:
        elapsed = (time.perf_counter() - self.started) * 1000
        print(f"netwise-probe rows-shown {elapsed:.1f}", flush=True)
        QTimer.singleShot(0, self.window.close)


def launch(args: argparse.Namespace, *, target: str, started: float) -> int:
    app = create_application()
    log_path = log_file()
    offscreen = bool(args.self_test or args.screenshot)
    crash = CrashHandler(log_path, show_dialog=not (args.no_crash_dialog or offscreen))
    crash.install()
    window = MainWindow(
        open_ui_state(), log_path, defer_setup=not offscreen, offer_goal_wizard=not offscreen
    )
    if args.page:
        window.start_on(args.page)
    if offscreen:
        from desktop_app.ui.shell.self_test import run_offscreen

        setup_file_logging()
        return run_offscreen(app, window, args, target=target, started=started)

    def after_first_paint() -> None:
        if args.startup_probe == "window":
            report_window_shown(started)
            window.close()
            return
        window.finish_setup()  # the first page and the menus
        if args.startup_probe == "rows":
            FirstRowsProbe(window, started)
        # The page on screen may show rows read straight from the file meanwhile; they
        # paint before the store (and SQLAlchemy) loads.
        window.preview_database(target)
        QTimer.singleShot(0, open_store)

    def open_store() -> None:
        setup_file_logging()
        window.open_database(target, demo=args.demo)
        QTimer.singleShot(0, add_tray)

    def add_tray() -> None:
        from desktop_app.ui.shell.tray_host import attach_tray

        if attach_tray(window) is None and not window.isVisible():
            window.show()  # started for the tray, but this desktop has none

    if args.tray and not args.startup_probe:
        QTimer.singleShot(0, after_first_paint)  # hidden: nothing to paint first
    else:
        AfterFirstPaint(window, after_first_paint)
        window.show()
    close_on_termination_signals(window)
    code = app.exec()
    crash.uninstall()
    return code


def fail(message: str) -> int:
    print(f"netwise: {printable(message)}", file=sys.stderr)
    return 1
