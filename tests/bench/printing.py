"""Printing: 500 contacts as a compact list to PDF, against Qt's own plain print of it."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.bench.harness import Recorder, time_ms


def run(recorder: Recorder, repeats: int) -> None:
    from PySide6.QtGui import QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    from desktop_app.reports.documents import compact_list
    from desktop_app.ui.printing.output import write_pdf
    from tests.reports.sample import compact_rows

    QApplication.instance() or QApplication([])
    rows = compact_rows(500)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "list.pdf"

        def ours() -> float:
            return time_ms(lambda: write_pdf(compact_list(rows), target))

        def bare() -> float:
            def plain_print() -> None:
                document = QTextDocument()
                document.setHtml(compact_list(rows).html)
                writer = QPdfWriter(str(target))
                writer.setResolution(300)
                document.print_(writer)

            return time_ms(plain_print)

        ours_ms = statistics.median(ours() for _ in range(repeats))
        bare_ms = statistics.median(bare() for _ in range(repeats))
    recorder.record("ref.print_plain_qt_pdf_500_ms", bare_ms, "ms", runs=repeats)
    recorder.record(
        "print.compact_list_500_ms",
        ours_ms,
        "ms",
        reference="ref.print_plain_qt_pdf_500_ms",
        limit_ms=3000,
        runs=repeats,
    )
