"""Where a document goes: a PDF file, a printer, or the print preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QWidget

from desktop_app import APP_NAME
from desktop_app.exchange.outfile import atomic_output_path
from desktop_app.paths import make_private_dirs
from desktop_app.reports.documents import Document
from desktop_app.ui.printing.render import default_page_layout, paint_document


def write_pdf(document: Document, path: Path) -> int:
    """Write ``document`` as a PDF at ``path``, owner-only, whole or not at all; returns the
    number of pages. An ExportFileError says why the file cannot be written."""
    make_private_dirs(path.parent)
    with atomic_output_path(path) as temporary:
        return _paint_pdf(document, temporary)


def _paint_pdf(document: Document, path: Path) -> int:
    writer = QPdfWriter(str(path))
    writer.setCreator(APP_NAME)
    writer.setTitle(document.title)
    writer.setResolution(300)
    writer.setPageLayout(default_page_layout())
    return paint_document(document, writer)


def _printer():  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(default_page_layout())
    return printer


def print_with_dialog(parent: QWidget, document: Document) -> bool:
    """The system print dialog, then print; False when the user cancels."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = _printer()
    printer.setDocName(document.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print “{document.title}”")
    if not dialog.exec():
        return False
    paint_document(document, printer)
    return True


def preview(parent: QWidget, document: Document) -> None:
    """The print preview, from which the user may print."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _printer()
    printer.setDocName(document.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print Preview — {document.title}")
    dialog.paintRequested.connect(lambda device: paint_document(document, device))
    dialog.resize(900, 1000)
    dialog.exec()


def export_pdf_with_dialog(parent: QWidget, document: Document, suggested: Path) -> Path | None:
    """Ask where to save, then write the PDF; the path written, or None."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export PDF", str(suggested), "PDF documents (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    write_pdf(document, path)
    return path
