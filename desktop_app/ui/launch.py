"""From parsed arguments to a running window (or a self-test, or a screenshot)."""

from __future__ import annotations

import argparse
import signal
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

from desktop_app.logs import log_file, setup_file_logging
from desktop_app.ui.application import create_application
from desktop_app.ui.crash import CrashHandler
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import ui_settings


class FirstPaintProbe(QObject):
    """For benchmarks: print a line once the window has painted, then quit."""

    def __init__(self, window: MainWindow, started: float) -> None:
        super().__init__(window)
        self.window = window
        self.started = started
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the first paint of the window, report and quit."""
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = (time.perf_counter() - self.started) * 1000
        print(f"netwise-probe window-shown {elapsed:.1f}", flush=True)
        self.window.close()


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
        window.show_page(args.page)
    if offscreen:
        from desktop_app.ui.self_test import run_offscreen

        setup_file_logging()
        return run_offscreen(app, window, args, target=target, started=started)
    window.show()
    close_on_termination_signals(window)
    if args.startup_probe == "window":
        FirstPaintProbe(window, started)
    else:
        # Let the window paint before logging to file and loading the store.
        def after_first_paint() -> None:
            window.finish_setup()
            setup_file_logging()
            window.open_database(target, demo=args.demo)

        QTimer.singleShot(0, after_first_paint)
    code = app.exec()
    crash.uninstall()
    return code


def fail(message: str) -> int:
    print(f"netwise: {message}", file=sys.stderr)
    return 1
