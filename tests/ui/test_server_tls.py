"""TLS modes reach the driver: "require" on a server without TLS is refused in one line,
from the command line and beside the server dialog's fields, with nothing changed.

libpq never uses TLS on a Unix socket, so these tests start a server of their own that
also listens on the loopback address, without TLS.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop_app.server_address import ServerAddress
from desktop_app.store.engine import make_engine
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.server_dialog import ServerDialog
from tests.postgres_server import (
    LOOPBACK,
    USER,
    PostgresServer,
    tables_of,
)
from tests.postgres_server import tcp_server as loopback_server
from tests.ui.conftest import make_window
from tests.ui.dialogs import when_dialog_opens
from tests.ui.server_helpers import connect_and_wait_for_refusal, fill_server_dialog
from tests.unit.processes import run_netwise

NO_TLS = "offers no TLS (encryption), which its TLS mode asks for"


@pytest.fixture(scope="module")
def tcp_server() -> Iterator[PostgresServer]:
    with loopback_server() as server:
        yield server


@pytest.fixture
def tcp_database(tcp_server: PostgresServer) -> Iterator[str]:
    name = tcp_server.create_database()
    yield name
    tcp_server.drop_database(name)


@pytest.mark.parametrize("mode", ["require", "verify-full"])
def test_the_tls_mode_chosen_is_handed_to_the_driver(mode: str) -> None:
    address = ServerAddress("db.example.org", "netwise", "anna", 5433, mode).url()
    assert address == f"postgresql+psycopg://anna@db.example.org:5433/netwise?sslmode={mode}"
    engine = make_engine(address, password="s3cret")
    _args, connect = engine.dialect.create_connect_args(engine.url)
    assert connect["sslmode"] == mode
    assert "s3cret" not in str(engine.url)


def test_require_on_a_server_without_tls_is_one_line_from_the_command_line(
    tcp_server: PostgresServer, tcp_database: str, data_dir: Path
) -> None:
    address = ServerAddress(LOOPBACK, tcp_database, USER, tcp_server.port, "require").url()
    result = run_netwise("--db", address, "review")
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and NO_TLS in lines[0], result.stderr
    assert tables_of(tcp_server, tcp_database) == []
    plain = ServerAddress(LOOPBACK, tcp_database, USER, tcp_server.port, "disable").url()
    assert run_netwise("--db", plain, "review").returncode == 0  # the server itself is fine


@pytest.fixture
def file_window(qtbot, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    window = make_window(qtbot, db_path)
    yield window
    window.close()
    keyring.set_keyring(previous)


def test_require_on_a_server_without_tls_is_said_beside_the_fields(
    qtbot, file_window: MainWindow, tcp_server: PostgresServer, tcp_database: str
) -> None:  # type: ignore[no-untyped-def]
    reasons: list[str] = []

    def refused(dialog: ServerDialog) -> None:
        fill_server_dialog(
            qtbot,
            dialog,
            host=LOOPBACK,
            port=tcp_server.port,
            database=tcp_database,
            user=USER,
            tls_mode="require",
        )
        reasons.append(connect_and_wait_for_refusal(qtbot, dialog))
        assert dialog.tls_mode.currentData() == "require"  # kept, to be changed
        dialog.reject()

    when_dialog_opens(refused, ServerDialog)
    file_window.actions["open_server"].trigger()
    assert reasons and NO_TLS in reasons[0] and "\n" not in reasons[0]
    assert file_window.controller.database is not None
    assert file_window.controller.database.path is not None  # the file stays open
    assert tables_of(tcp_server, tcp_database) == []
