"""The window on a PostgreSQL database: the password never shown, logged or stored."""

from __future__ import annotations

from pathlib import Path

from tests.postgres_server import PASSWORD, PASSWORD_USER
from tests.ui.conftest import make_window


def test_the_window_on_a_server_keeps_the_password_to_itself(
    qtbot, postgres_server, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    url = postgres_server.url(name, user=PASSWORD_USER, password=PASSWORD)
    window = make_window(qtbot, url)  # type: ignore[arg-type]
    try:
        assert PASSWORD not in window.windowTitle()
        assert f"{PASSWORD_USER}:***@" in window.windowTitle()
        assert PASSWORD not in window.statusBar().currentMessage()
        window.grab().save("/tmp/pg18-window-server.png")
    finally:
        window.close()
    postgres_server.drop_database(name)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PASSWORD not in path.read_text(errors="replace"), path
