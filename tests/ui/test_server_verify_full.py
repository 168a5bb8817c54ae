"""``sslmode=verify-full`` against a server with TLS on: its certificate, for ``localhost``
and signed by a certificate authority made here, is accepted when the authority is given
(``sslrootcert=`` in the address, or ``PGSSLROOTCERT``); a host name it does not name, no
authority or another one are refused in one line saying why, and nothing is changed.

libpq never uses TLS on a Unix socket: the server listens on the loopback address.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.server_dialog import ServerDialog
from tests.postgres_server import (
    LOOPBACK,
    USER,
    PostgresServer,
    tables_of,
    tcp_server,
)
from tests.tls_certificates import IssuedCertificates, make_certificates
from tests.ui.conftest import make_window
from tests.ui.dialogs import when_dialog_opens
from tests.ui.server_helpers import connect_and_wait_for_refusal, fill_server_dialog
from tests.unit.processes import run_netwise

NOT_VERIFIED = "The server's TLS certificate for"
WRONG_HOST = 'server certificate for "localhost"'


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> IssuedCertificates:
    return make_certificates(tmp_path_factory.mktemp("ca"))


@pytest.fixture(scope="module")
def tls_server(certificates: IssuedCertificates) -> Iterator[PostgresServer]:
    tls = (certificates.server_certificate, certificates.server_key)
    with tcp_server(tls=tls) as server:
        yield server


@pytest.fixture
def tls_database(tls_server: PostgresServer) -> Iterator[str]:
    name = tls_server.create_database()
    yield name
    tls_server.drop_database(name)


@pytest.fixture
def no_authority(tmp_path: Path) -> dict[str, str]:
    """An environment whose user keeps no ~/.postgresql/root.crt and names none."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    env.pop("PGSSLROOTCERT", None)
    return env


def address(server: PostgresServer, name: str, host: str = "localhost", tail: str = "") -> str:
    return f"postgresql+psycopg://{USER}@{host}:{server.port}/{name}?sslmode=verify-full{tail}"


def refusal(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert NOT_VERIFIED in lines[0] and "Nothing was changed." in lines[0]
    return lines[0]


def test_verify_full_with_the_authority_in_the_address_or_the_environment_connects(
    tls_server: PostgresServer,
    tls_database: str,
    certificates: IssuedCertificates,
    no_authority: dict[str, str],
) -> None:
    with_ca = address(tls_server, tls_database, tail=f"&sslrootcert={certificates.ca_file}")
    in_address = run_netwise("--db", with_ca, "due", env=no_authority)
    assert in_address.returncode == 0, in_address.stderr
    assert "contacts" in tables_of(tls_server, tls_database)  # opened, so made
    by_variable = {**no_authority, "PGSSLROOTCERT": str(certificates.ca_file)}
    plain = address(tls_server, tls_database)
    assert run_netwise("--db", plain, "due", env=by_variable).returncode == 0


def test_a_certificate_for_another_host_name_is_refused_in_one_line(
    tls_server: PostgresServer,
    tls_database: str,
    certificates: IssuedCertificates,
    no_authority: dict[str, str],
) -> None:
    tail = f"&sslrootcert={certificates.ca_file}"
    by_address = address(tls_server, tls_database, host=LOOPBACK, tail=tail)
    line = refusal(run_netwise("--db", by_address, "review", env=no_authority))
    assert WRONG_HOST in line and f'does not match host name "{LOOPBACK}"' in line
    assert "Connect by a host name the certificate names." in line
    assert tables_of(tls_server, tls_database) == []


def test_without_the_authority_or_with_another_one_verify_full_is_refused_in_one_line(
    tls_server: PostgresServer, tls_database: str, no_authority: dict[str, str], tmp_path: Path
) -> None:
    line = refusal(run_netwise("--db", address(tls_server, tls_database), "due", env=no_authority))
    assert "root certificate file" in line and "does not exist" in line
    assert "~/.postgresql/root.crt, in the PGSSLROOTCERT variable, or as sslrootcert=" in line
    other = make_certificates(tmp_path)  # an authority that did not sign the server's
    tail = f"&sslrootcert={other.ca_file}"
    line = refusal(run_netwise("--db", address(tls_server, tls_database, tail=tail), "due"))
    assert "certificate verify failed" in line and "PGSSLROOTCERT" in line
    assert tables_of(tls_server, tls_database) == []


@pytest.fixture
def file_window(qtbot, db_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    window = make_window(qtbot, db_path)
    yield window
    window.close()
    keyring.set_keyring(previous)


def fill_verify_full(qtbot, dialog: ServerDialog, server: PostgresServer, name: str, host: str):  # type: ignore[no-untyped-def]
    fill_server_dialog(
        qtbot, dialog, host=host, port=server.port, database=name, user=USER,
        tls_mode="verify-full",
    )  # fmt: skip


def test_the_window_opens_a_server_with_verify_full_and_says_why_it_would_not(
    qtbot,
    file_window: MainWindow,
    tls_server: PostgresServer,
    tls_database: str,
    certificates: IssuedCertificates,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PGSSLROOTCERT", str(certificates.ca_file))
    reasons: list[str] = []

    def refused(dialog: ServerDialog) -> None:
        fill_verify_full(qtbot, dialog, tls_server, tls_database, LOOPBACK)
        reasons.append(connect_and_wait_for_refusal(qtbot, dialog))
        dialog.grab().save("/tmp/pgpages-verify-full-refused.png")
        dialog.reject()

    when_dialog_opens(refused, ServerDialog)
    file_window.actions["open_server"].trigger()
    assert reasons and WRONG_HOST in reasons[0] and "\n" not in reasons[0]
    assert "Connect by a host name the certificate names." in reasons[0]
    assert file_window.controller.database is not None
    assert file_window.controller.database.path is not None  # the file stays open
    assert tables_of(tls_server, tls_database) == []

    def accepted(dialog: ServerDialog) -> None:
        fill_verify_full(qtbot, dialog, tls_server, tls_database, "localhost")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(accepted, ServerDialog)
    with qtbot.waitSignal(file_window.database_ready, timeout=10_000):
        file_window.actions["open_server"].trigger()
    assert file_window.controller.database.path is None  # the server database is open
    assert "contacts" in tables_of(tls_server, tls_database)
