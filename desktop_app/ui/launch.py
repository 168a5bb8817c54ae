"""From parsed arguments to a running window (or a self-test, or a screenshot)."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from desktop_app.logs import log_file, setup_file_logging
from desktop_app.ui.application import create_application
from desktop_app.ui.crash import CrashHandler
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import ui_settings


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
        window.close()

    signal.signal(signal.SIGINT, close)
    signal.signal(signal.SIGTERM, close)
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(300)


def launch(args: argparse.Namespace, *, target: str, started: float) -> int:
    app = create_application()
    log_path = log_file()
    offscreen = bool(args.self_test or args.screenshot)
    crash = CrashHandler(log_path, show_dialog=not (args.no_crash_dialog or offscreen))
    crash.install()
    window = MainWindow(
        ui_settings(), log_path, defer_setup=not offscreen, offer_goal_wizard=not offscreen
    )
    if args.page:
        window.start_on(args.page)
    if offscreen:
        from desktop_app.ui.self_test import run_offscreen

        setup_file_logging()
        return run_offscreen(app, window, args, target=target, started=started)

    def after_first_paint() -> None:
        if args.startup_probe == "window":
            report_window_shown(started)
            window.close()
            return
        window.finish_setup()
        setup_file_logging()
        window.open_database(target, demo=args.demo)

    AfterFirstPaint(window, after_first_paint)
    window.show()
    close_on_termination_signals(window)
    code = app.exec()
    crash.uninstall()
    return code


def fail(message: str) -> int:
    print(f"netwise: {message}", file=sys.stderr)
    return 1
