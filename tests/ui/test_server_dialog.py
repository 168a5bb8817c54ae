"""File → Open Server Database…: a PostgreSQL database opened from the window, its
password kept out of ui-state, the log and the title (in the keyring only when asked),
and every refusal said beside the fields with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from desktop_app.server_passwords import SERVICE
from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.server_dialog import LAST_ADDRESS, ServerDialog
from tests.postgres_server import PASSWORD, PASSWORD_USER, USER
from tests.ui.conftest import make_window
from tests.ui.dialogs import when_dialog_opens
from tests.ui.server_helpers import (
    MemoryKeyring,
    connect_and_wait_for_refusal,
    fill_server_dialog,
    type_into,
)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def file_window(qtbot, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db_path)
    yield window
    window.close()


def tables_of(postgres_server, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    with postgres_server.admin(name) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return sorted(row[0] for row in rows)


def test_open_server_database_opens_it_and_keeps_the_password_in_the_keyring_only(
    qtbot, file_window: MainWindow, postgres_server, memory_keyring: MemoryKeyring, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    address = postgres_server.url(name, user=PASSWORD_USER)

    def connect(dialog: ServerDialog) -> None:
        assert dialog.remember.isEnabled() and dialog.keyring_note.isHidden()
        fill_server_dialog(
            qtbot,
            dialog,
            host=str(postgres_server.folder),
            database=name,
            user=PASSWORD_USER,
            password=PASSWORD,
        )
        dialog.remember.click()
        dialog.grab().save("/tmp/pgopen-server-dialog.png")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert not dialog.host.isEnabled()  # connecting, in the background
        assert dialog.status.text() == f"Connecting to {postgres_server.folder}…"

    when_dialog_opens(connect, ServerDialog)
    with qtbot.waitSignal(file_window.database_ready, timeout=10_000):
        file_window.actions["open_server"].trigger()
    try:
        assert name in file_window.windowTitle() and PASSWORD not in file_window.windowTitle()
        assert file_window.controller.target == address
        assert "contacts" in tables_of(postgres_server, name)  # its tables were made
        assert open_ui_state().value(LAST_ADDRESS) == address
        assert memory_keyring.passwords == {(SERVICE, address): PASSWORD}
    finally:
        file_window.close()
        postgres_server.drop_database(name)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PASSWORD not in path.read_text(errors="replace"), path


@pytest.mark.parametrize("problem", ["password", "database", "server", "schema"])
def test_a_refusal_keeps_the_dialog_open_with_the_reason_and_nothing_changed(
    qtbot, file_window: MainWindow, postgres_server, no_keyring: None, problem: str
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    host, database, user, password = str(postgres_server.folder), name, USER, ""
    if problem == "password":
        user, password = PASSWORD_USER, "wrong horse"
    elif problem == "database":
        database = "no_such_network"
    elif problem == "server":
        host = str(postgres_server.folder / "gone")
    else:
        with postgres_server.admin(name) as connection:
            connection.execute("CREATE TABLE alembic_version (version_num varchar(32))")
            connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    expected = {
        "password": "The server refused the password for",
        "database": "does not exist on the server",
        "server": "Cannot reach the database server of",
        "schema": "written by a newer version of NetWise (schema 9999",
    }[problem]
    title = file_window.windowTitle()
    seen: dict[str, object] = {}

    def refused(dialog: ServerDialog) -> None:
        fill_server_dialog(
            qtbot, dialog, host=host, database=database, user=user, password=password
        )
        seen["reason"] = connect_and_wait_for_refusal(qtbot, dialog)
        seen["kept"] = (dialog.host.text(), dialog.database.text(), dialog.password.text())
        seen["editable"] = dialog.host.isEnabled() and dialog.connect_button.isEnabled()
        if problem == "password":
            dialog.grab().save("/tmp/pgopen-server-dialog-refused.png")
        dialog.reject()

    when_dialog_opens(refused, ServerDialog)
    file_window.actions["open_server"].trigger()
    try:
        reason = str(seen["reason"])
        assert expected in reason and "\n" not in reason and "Traceback" not in reason
        assert password not in reason or not password
        assert seen["kept"] == (host, database, password)
        assert seen["editable"]
        assert file_window.windowTitle() == title  # the file stays open
        assert file_window.controller.database is not None
        assert file_window.controller.database.path is not None
        assert open_ui_state().value(LAST_ADDRESS) is None
        shown = tables_of(postgres_server, name)
        assert shown == (["alembic_version"] if problem == "schema" else [])
    finally:
        postgres_server.drop_database(name)


def test_a_new_dialog_asks_libpq_defaults_and_without_a_keyring_the_box_says_why(
    qtbot, no_keyring: None
) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerDialog(open_ui_state())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert (dialog.port.value(), dialog.tls_mode.currentData()) == (5432, "prefer")
    assert not dialog.remember.isEnabled()
    assert dialog.keyring_note.isVisible()
    assert dialog.keyring_note.text() == "This computer has no system keyring that NetWise can use."
    assert dialog.keyring_note.textFormat() == Qt.TextFormat.PlainText
    dialog.grab().save("/tmp/pgopen-server-dialog-no-keyring.png")


def test_reopened_at_start_up_the_password_comes_from_the_keyring_else_the_dialog_asks(
    qtbot, postgres_server, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    """As the autostart entry opens it: the address alone, with no password in it."""
    name = postgres_server.create_database()
    address = postgres_server.url(name, user=PASSWORD_USER)
    asked: list[str] = []

    def type_the_password(dialog: ServerDialog) -> None:
        asked.append(dialog.error.text())
        assert (dialog.host.text(), dialog.database.text()) == (str(postgres_server.folder), name)
        assert dialog.user.text() == PASSWORD_USER and dialog.password.text() == ""
        dialog.grab().save("/tmp/pgopen-server-dialog-asks.png")
        type_into(qtbot, dialog.password, PASSWORD)
        dialog.remember.click()
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    try:
        when_dialog_opens(type_the_password, ServerDialog)
        first = make_window(qtbot, address)  # type: ignore[arg-type]
        assert asked and "The server wants a password for" in asked[0]
        assert first.controller.target == address
        first.close()

        again = make_window(qtbot, address)  # type: ignore[arg-type]
        assert len(asked) == 1  # no dialog: the keyring gave the password
        assert name in again.windowTitle()
        again.close()
    finally:
        postgres_server.drop_database(name)


def test_cancel_while_connecting_keeps_the_open_database_and_lets_the_server_go(
    qtbot, file_window: MainWindow, postgres_server, postgres_head_template: str, no_keyring: None
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database(postgres_head_template)

    def cancel(dialog: ServerDialog) -> None:
        fill_server_dialog(
            qtbot, dialog, host=str(postgres_server.folder), database=name, user=USER
        )
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel),
            Qt.MouseButton.LeftButton,
        )

    def connections() -> int:
        with postgres_server.admin() as connection:
            query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
            return int(connection.execute(query, (name,)).fetchone()[0])

    try:
        when_dialog_opens(cancel, ServerDialog)
        file_window.actions["open_server"].trigger()
        qtbot.wait(300)  # the connection under way has finished meanwhile
        qtbot.waitUntil(lambda: connections() == 0, timeout=10_000)
        assert file_window.controller.database is not None
        assert file_window.controller.database.path is not None
        assert open_ui_state().value(LAST_ADDRESS) is None
    finally:
        postgres_server.drop_database(name)
