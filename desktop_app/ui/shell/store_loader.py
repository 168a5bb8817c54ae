"""Opens the database off the GUI thread, so the window is up before SQLAlchemy loads.

Importing SQLAlchemy and Alembic and running any migration takes the better part of a
second; the window is already on screen while it happens.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from desktop_app.paths import shown_database

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.overview import Overview

log = logging.getLogger(__name__)


class OpenedStore(NamedTuple):
    database: Database
    overview: Overview


def open_store(target: str, demo: bool, password: str | None = None) -> OpenedStore:
    """Open (and for the demo, fill) the database and read its overview. Any thread.

    A server address without a ``password`` uses the one the keyring keeps for it, if
    any, else libpq's password or service file.
    """
    from desktop_app.server_passwords import server_password
    from desktop_app.store.soundness import SoundnessCheck

    # The damage check reads the whole file: it runs while SQLAlchemy is imported.
    soundness = None if demo else SoundnessCheck.start_for(target)
    from desktop_app.store.database import open_database
    from desktop_app.store.demo import open_demo_database
    from desktop_app.store.overview import read_overview

    if password is None:
        password = server_password(target)
    if demo:
        database = open_demo_database(target)
    else:
        database = open_database(target, soundness=soundness, password=password)
    return OpenedStore(database, read_overview(database))


class StoreLoader(QObject):
    """Runs ``open_store`` in a thread; reports back on the GUI thread by signal."""

    loaded = Signal(object)  # OpenedStore
    failed = Signal(str)  # a message for the user

    def __init__(
        self,
        target: str,
        demo: bool,
        parent: QObject | None = None,
        *,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.password = password
        self.shown = shown_database(target)  # for the log and messages: no password
        self.demo = demo
        self.error: Exception | None = None  # what ``failed`` reported, for the controller

    def start(self) -> None:
        threading.Thread(target=self.run, name="store-loader", daemon=True).start()

    def run(self) -> None:
        from desktop_app.store.errors import StoreError

        try:
            opened = open_store(self.target, self.demo, self.password)
        except StoreError as exc:
            log.warning("cannot open %s: %s", self.shown, exc.message)
            self.error = exc
            self._tell("failed", exc.message)
            return
        except Exception:
            log.exception("unexpected error opening %s", self.shown)
            self._tell(
                "failed",
                f"“{self.shown}” could not be opened because of an unexpected error. "
                "The details are in the log file.",
            )
            return
        if not self._tell("loaded", opened):
            opened.database.close()  # nobody will use it: its lock is let go at once

    def _tell(self, signal: str, *args: object) -> bool:
        """Emit ``signal``; False when the window that asked was closed meanwhile (this
        object is gone with it, and nobody waits for the answer)."""
        try:
            getattr(self, signal).emit(*args)
        except RuntimeError:
            log.info("%s: nobody waits for the database any more", self.shown)
            return False
        return True
