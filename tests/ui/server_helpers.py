"""The server dialog's tests: a keyring in memory, and the dialog filled as a user would."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import Qt

from desktop_app.server_address import TLS_MODES
from desktop_app.ui.shell.server_dialog import ServerDialog


class MemoryKeyring(KeyringBackend):
    """A system keyring that keeps its passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def fill_server_dialog(  # type: ignore[no-untyped-def]
    qtbot,
    dialog: ServerDialog,
    *,
    host: str,
    database: str,
    user: str,
    port: int = 5432,
    password: str = "",
    tls_mode: str = "prefer",
) -> None:
    type_into(qtbot, dialog.host, host)
    dialog.port.setValue(port)
    type_into(qtbot, dialog.database, database)
    type_into(qtbot, dialog.user, user)
    dialog.tls_mode.setCurrentIndex(TLS_MODES.index(tls_mode))
    type_into(qtbot, dialog.password, password)


def connect_and_wait_for_refusal(qtbot, dialog: ServerDialog) -> str:  # type: ignore[no-untyped-def]
    """Click Connect; the reason shown beside the fields once the server has answered."""
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    return dialog.error.text()
