"""The crash handler: an unexpected exception is logged and shown, never silently lost.

Committed data is safe by construction (every write is one transaction), so after the
dialog the user can keep working or quit.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from desktop_app.validation import printable

log = logging.getLogger(__name__)
# A lost server connection fails every read until it is back: the status bar says so,
# and the log at most this often.
LOST_CONNECTION_LOGGED_EVERY_S = 60.0


class CrashHandler:
    def __init__(self, log_path: Path | None, *, show_dialog: bool) -> None:
        self.log_path = log_path
        self.show_dialog = show_dialog
        self._showing = False
        self._lost_said_at: float | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if self._is_connection_lost(value):
            return
        if self._is_user_facing(value):
            self._warn(value)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("unexpected error\n%s", text)
        if not self.show_dialog:
            print(text, file=sys.stderr)
            QApplication.exit(70)
            return
        if self._showing:  # an error while the dialog is open: logged, not stacked
            return
        self._showing = True
        try:
            self._dialog(value, text)
        finally:
            self._showing = False

    @staticmethod
    def _is_user_facing(value: BaseException) -> bool:
        """A database problem the user can act on (locked, disk full...): not a crash."""
        from desktop_app.store.errors import StoreError

        return isinstance(value, StoreError)

    def _is_connection_lost(self, value: BaseException) -> bool:
        """A read the server's absence stopped: no crash, and no message over the status
        bar's (writes offer their own Retry)."""
        from desktop_app.store.errors import ConnectionLostError

        if not isinstance(value, ConnectionLostError):
            return False
        now, said = time.monotonic(), self._lost_said_at
        if said is None or now - said >= LOST_CONNECTION_LOGGED_EVERY_S:
            self._lost_said_at = now
            log.warning("%s", value.message)
        return True

    def _warn(self, value: BaseException) -> None:
        from desktop_app.ui.common.messages import warn

        message = getattr(value, "message", str(value))
        log.warning("%s", message)
        if not self.show_dialog:
            print(f"netwise: {printable(message)}", file=sys.stderr)
            return
        warn(None, "NetWise", message)

    def _dialog(self, value: BaseException, details: str) -> None:
        # Imported here: building QMessageBox's enums costs start-up time the window needs.
        from desktop_app.ui.common.messages import error

        where = f"\n\nThe details are in the log file:\n{self.log_path}" if self.log_path else ""
        error(
            None,
            "NetWise — unexpected error",
            "Something went wrong inside NetWise. Everything you saved before this is safe."
            f"{where}\n\n{type(value).__name__}: {value}",
            details=details,
        )
