"""Paints a report ``Document`` onto pages: header with the title, footer with the date
and "Page i of n", margins, page size from the locale (A4, or Letter where that is the
custom)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from desktop_app import APP_NAME
from desktop_app.reports.documents import Document
from desktop_app.ui.common.dates import format_day

MARGINS_MM = QMarginsF(18, 16, 18, 16)
# Territories where Letter is the paper people buy.
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
}


def page_size_for(locale: QLocale) -> QPageSize:
    letter = locale.territory() in LETTER_TERRITORIES
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def default_page_layout(locale: QLocale | None = None) -> QPageLayout:
    return QPageLayout(
        page_size_for(locale or QLocale()),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _band_font(device: QPagedPaintDevice) -> QFont:
    font = QFont()
    font.setPointSizeF(8.0)
    return font


def paint_document(
    document: Document, device: QPagedPaintDevice, *, printed_on: dt.date | None = None
) -> int:
    """Lay ``document`` out for ``device`` and paint every page; returns the page count."""
    printed_on = printed_on or dt.date.today()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    try:
        return _paint_pages(document, device, painter, printed_on)
    finally:
        painter.end()


def _paint_pages(
    document: Document, device: QPagedPaintDevice, painter: QPainter, printed_on: dt.date
) -> int:
    dpi = device.resolution()
    content = device.pageLayout().paintRectPixels(dpi)  # inside the margins, device pixels
    band = round(dpi * 0.32)  # header and footer bands, about 8 mm each
    body = QRectF(0, band, content.width(), content.height() - 2 * band)

    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)  # measure fonts at the device's resolution
    text.setDocumentMargin(0)
    text.setHtml(document.html)
    text.setPageSize(QSizeF(body.width(), body.height()))
    pages = text.pageCount()
    band_font = _band_font(device)
    rule = QPen(QColor("#9aa3b5"))
    rule.setWidthF(dpi / 150)

    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        clip = QRectF(0, index * body.height(), body.width(), body.height())
        text.drawContents(painter, clip)
        painter.restore()

        painter.setFont(band_font)
        painter.setPen(QColor("#4a5468"))
        header = QRectF(0, 0, content.width(), band * 0.7)
        painter.drawText(
            header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, document.title
        )
        painter.drawText(
            header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, APP_NAME
        )
        footer = QRectF(0, content.height() - band * 0.7, content.width(), band * 0.7)
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"Printed {format_day(printed_on)}",
        )
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"Page {index + 1} of {pages}",
        )
        painter.setPen(rule)
        painter.drawLine(0, round(band * 0.75), content.width(), round(band * 0.75))
        y = round(content.height() - band * 0.75)
        painter.drawLine(0, y, content.width(), y)
    return pages
