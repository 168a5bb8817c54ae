"""Files dropped on the main window: one local file, or one folder (LinkedIn's data
export unzipped), to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def dropped_file(mime: QMimeData | None) -> Path | None:
    """The one local file or folder being dragged, or None (several, a web link...)."""
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.is_file() or path.is_dir() else None
