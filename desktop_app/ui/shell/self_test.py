"""``--self-test`` and ``--screenshot``: the whole window, rendered offscreen.

The self-test is what installers and the release workflow run on the frozen program: it
opens the chosen database, renders every page, prints a text document into a PDF (which
fails where no font can be found), prints timings and ``self-test ok``.
``NETWISE_SELF_TEST_PDF=FILE`` keeps that PDF, for an installer check to read its text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.validation import printable


def _open_synchronously(window: MainWindow, target: str, demo: bool) -> str | None:
    """Open the database on this thread; the error message, or None on success."""
    errors: list[str] = []
    window.controller.failed.disconnect(window._on_database_failed)
    window.controller.failed.connect(lambda _target, message: errors.append(message))
    window.open_database(target, demo=demo, synchronous=True)
    QApplication.processEvents()
    return errors[0] if errors else None


def run_offscreen(
    app: QApplication, window: MainWindow, args: argparse.Namespace, *, target: str, started: float
) -> int:
    timings: dict[str, float] = {}
    mark = time.perf_counter()
    window.show()
    app.processEvents()
    timings["window"] = time.perf_counter() - started
    error = _open_synchronously(window, target, args.demo)
    if error:
        print(f"netwise: {printable(error)}", file=sys.stderr)
        window.controller.close()
        return 1
    timings["database"] = time.perf_counter() - mark
    try:
        if args.screenshot:
            return _screenshot(app, window, args.screenshot)
        return _self_test(app, window, timings)
    finally:
        window.controller.close()


SCREENSHOT_SETTLE_S = 0.5


def _screenshot(app: QApplication, window: MainWindow, path: str) -> int:
    app.processEvents()
    # A page that reads its data off the GUI thread (the dashboard) is shown with it.
    wait = getattr(window.current_page(), "wait_until_loaded", None)
    if wait is not None and not wait():
        print("netwise: the page's data could not be shown", file=sys.stderr)
        return 1
    # The detail pane fills in a later turn, and wrapped text lays out in the turns after
    # it: a moment of events, so the picture shows the window as a user sees it.
    settle_until = time.perf_counter() + SCREENSHOT_SETTLE_S
    while time.perf_counter() < settle_until:
        app.processEvents()
        time.sleep(0.01)
    from desktop_app.exchange.outfile import ExportFileError, atomic_output_path

    # Owner-only like every file NetWise writes: the picture shows contacts.
    try:
        with atomic_output_path(path) as temporary:
            if not window.grab().save(str(temporary), "PNG"):
                raise OSError("the picture could not be saved")
    except ExportFileError:
        print(f"netwise: cannot write the screenshot to {printable(str(path))}", file=sys.stderr)
        return 1
    print(f"screenshot saved to {path}")
    return 0


def _self_test(app: QApplication, window: MainWindow, timings: dict[str, float]) -> int:
    for name in (entry.name for entry in window.page_entries):
        mark = time.perf_counter()
        window.show_page(name)
        app.processEvents()
        pixmap = window.grab()
        if pixmap.isNull() or pixmap.width() < 100:
            print(f"netwise: self-test failed: page {name} did not render", file=sys.stderr)
            return 1
        timings[f"page {name}"] = time.perf_counter() - mark
    mark = time.perf_counter()
    error = _print_check()
    if error:
        print(f"netwise: self-test failed: {printable(str(error))}", file=sys.stderr)
        return 1
    timings["pdf"] = time.perf_counter() - mark
    figures = ", ".join(f"{key} {value * 1000:.0f} ms" for key, value in timings.items())
    print(f"self-test ok ({figures})")
    return 0


PDF_TEXT = "NetWise self-test: printing Zoë Müller's notes"


def _print_check() -> str | None:
    """Print a short text into a PDF; what went wrong, or None if it holds a font and text."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    with tempfile.TemporaryDirectory() as folder:
        path = os.environ.get("NETWISE_SELF_TEST_PDF") or os.path.join(folder, "self-test.pdf")
        writer = QPdfWriter(path)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document = QTextDocument()
        document.setPlainText(PDF_TEXT)
        document.print_(writer)  # paints and finishes the file
        del writer
        data = Path(path).read_bytes() if os.path.exists(path) else b""
    # Text is drawn with an embedded font; without any font, Qt writes pages without one.
    if len(data) < 1000 or b"/FontFile" not in data:
        return f"a PDF printed with text has no font in it ({len(data)} bytes): no fonts here?"
    return None
