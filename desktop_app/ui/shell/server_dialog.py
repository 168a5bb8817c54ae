"""File → Open Server Database…: a PostgreSQL database, opened in the background.

The dialog stays open, its fields as typed, until the database is open: a server that
cannot be reached, a refused password, a missing database or a schema of a newer NetWise
is said beside the fields and the database open before stays open. The address it
remembers (ui-state) has no password; a password is kept only in the system keyring,
and only when the user asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.paths import address_without_password
from desktop_app.server_address import (
    DEFAULT_PORT,
    DEFAULT_TLS_MODE,
    TLS_MODES,
    ServerAddress,
    parse_server_address,
)
from desktop_app.server_passwords import (
    KeyringError,
    forget_password,
    keyring_problem,
    remember_password,
    stored_password,
)
from desktop_app.ui.common.widgets.field_error import error_label
from desktop_app.ui.shell.store_loader import OpenedStore, StoreLoader
from desktop_app.validation import MAX_SHORT_TEXT, check_control_characters, check_length

if TYPE_CHECKING:
    from desktop_app.ui.shell.database_controller import DatabaseController

LAST_ADDRESS = "server/address"  # the last server database opened, without a password
TLS_TITLES = {
    "disable": "disable (no encryption)",
    "prefer": "prefer (encrypt when the server can)",
    "require": "require (refuse an unencrypted connection)",
    "verify-full": "verify-full (require, and check the server's certificate)",
}


class ServerDialog(QDialog):
    """Host, port, database, user, TLS mode and password; Connect opens the database."""

    def __init__(self, ui_state: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle("Open Server Database")
        self.ui_state = ui_state
        self.opened: OpenedStore | None = None
        self.address = ""  # what was connected to, without a password
        self._loader: StoreLoader | None = None
        self.host = self._line("host", "db.example.org, or a socket folder")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = self._line("database", "netwise")
        self.user = self._line("user", "your user name on the server")
        self.tls_mode = QComboBox(self)
        self.tls_mode.setObjectName("tls_mode")
        for mode in TLS_MODES:
            self.tls_mode.addItem(TLS_TITLES[mode], mode)
        self.tls_mode.setCurrentIndex(TLS_MODES.index(DEFAULT_TLS_MODE))
        self.password = self._line("password", "from ~/.pgpass or the keyring when empty")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Remember the password in the system keyring", self)
        self.remember.setObjectName("remember_password")
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_note.setWordWrap(True)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.keyring_note.setStyleSheet(f"color: {muted};")
        problem = keyring_problem()
        self.remember.setEnabled(not problem)
        self.keyring_note.setText(problem)
        self.keyring_note.setVisible(bool(problem))
        self.status = QLabel(self)
        self.status.setObjectName("connectingStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label(self, "server")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText("&Connect")
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for label, field in (
            ("&Host:", self.host),
            ("P&ort:", self.port),
            ("&Database:", self.database),
            ("&User:", self.user),
            ("&TLS mode:", self.tls_mode),
            ("&Password:", self.password),
        ):
            form.addRow(label, field)
        form.addRow("", self.remember)
        form.addRow("", self.keyring_note)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.fields: tuple[QWidget, ...] = (
            self.host,
            self.port,
            self.database,
            self.user,
            self.tls_mode,
            self.password,
        )
        self.fill(str(ui_state.value(LAST_ADDRESS, "") or ""))

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.setMaxLength(MAX_SHORT_TEXT)
        return line

    def fill(self, address: str, reason: str = "") -> None:
        """Show ``address`` (its password left out) in the fields, and why, if it failed."""
        parts = parse_server_address(address) if address else None
        if parts is not None:
            self.host.setText(parts.host)
            self.port.setValue(parts.port)
            self.database.setText(parts.database)
            self.user.setText(parts.user)
            self.tls_mode.setCurrentIndex(TLS_MODES.index(parts.tls_mode))
            kept = self.remember.isEnabled() and stored_password(address) is not None
            self.remember.setChecked(kept)
        self.show_problem(reason)
        if reason:
            self.password.setFocus()  # what is most often missing at start-up

    def server_address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
            tls_mode=str(self.tls_mode.currentData()),
        )

    def show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def problem_with_fields(self, address: ServerAddress) -> str:
        if not address.host or not address.database:
            return "Fill in the host and the database."
        for label, text in (
            ("The host", address.host),
            ("The database", address.database),
            ("The user", address.user),
        ):
            problem = check_length(label, text, MAX_SHORT_TEXT) or check_control_characters(
                label, text
            )
            if problem:
                return problem
        return ""

    def connect_to_server(self) -> None:
        """Open the database in the background; the dialog waits, the window does not."""
        if self._loader is not None:
            return
        address = self.server_address()
        problem = self.problem_with_fields(address)
        if problem:
            self.show_problem(problem)
            return
        self.address = address.url()
        password = self.password.text() or None
        self._loader = StoreLoader(self.address, False, self, password=password)
        self._loader.loaded.connect(self._on_connected)
        self._loader.failed.connect(self._on_refused)
        self.show_problem("")
        self.status.setText(f"Connecting to {address.host}…")
        self._set_waiting(True)
        self._loader.start()

    def _set_waiting(self, waiting: bool) -> None:
        for field in self.fields:
            field.setEnabled(not waiting)
        self.remember.setEnabled(not waiting and not keyring_problem())
        self.connect_button.setEnabled(not waiting)

    def _on_connected(self, opened: OpenedStore) -> None:
        self._loader = None
        if not self.isVisible():  # cancelled while connecting: nobody wants it
            opened.database.close()
            return
        self.status.setText("")
        password = self.password.text()
        if not keyring_problem():
            try:
                if self.remember.isChecked() and password:
                    remember_password(self.address, password)
                elif not self.remember.isChecked():
                    forget_password(self.address)
            except KeyringError as exc:
                self.status.setText(str(exc))
        self.ui_state.setValue(LAST_ADDRESS, address_without_password(self.address))
        self.ui_state.sync()
        self.opened = opened
        self.accept()

    def _on_refused(self, message: str) -> None:
        self._loader = None
        self.status.setText("")
        self._set_waiting(False)
        self.show_problem(message)


def open_server_database(
    parent: QWidget,
    controller: DatabaseController,
    ui_state: QSettings,
    address: str = "",
    reason: str = "",
) -> bool:
    """Ask for a server database and open it; False when the user cancelled.

    ``address`` and ``reason``: a server database that could not be opened (at start-up,
    no password was kept for it), shown in the fields with why.
    """
    dialog = ServerDialog(ui_state, parent)
    if address:
        dialog.fill(address, reason)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.opened is not None
    if accepted and dialog.opened is not None:
        controller.adopt(dialog.address, dialog.opened)
    dialog.deleteLater()
    return accepted
