"""Settings → Reminders: keep running in the tray, and start at log-in writing (and
removing) the desktop's autostart entry; disabled, with why, where there is no tray."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.store.preferences import Preferences
from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.settings_dialog import SettingsDialog
from desktop_app.ui.shell.tray import keeps_running
from desktop_app.ui.shell.tray_settings import NO_TRAY
from tests.ui.dialogs import when_dialog_opens

OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The desktop's configuration folder, in the test's folder (autostart goes there)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder


def dialog_with_tray(qtbot, database: Path | None = None) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(
        Preferences(), None, open_ui_state(), tray_available=True, database_file=database
    )
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.reminders)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_start_at_login_writes_the_autostart_entry_and_unticking_removes_it(
    qtbot, config_home: Path, tmp_path: Path
) -> None:
    entry = config_home / "autostart" / "netwise.desktop"
    database = tmp_path / "my network.sqlite3"
    dialog = dialog_with_tray(qtbot, database)
    options = dialog.reminders
    assert not options.start_at_login.isChecked() and not options.keep_running.isChecked()
    assert options.start_at_login.isEnabled() and options.unavailable.isHidden()
    options.start_at_login.click()
    options.keep_running.click()
    assert not entry.exists()  # nothing is written before OK
    dialog.buttons.button(OK).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(entry)
    command = shlex.split(desktop["Desktop Entry"]["Exec"])
    # Run from source: the package, on the database open when it was ticked.
    assert command[1:] == ["-m", "desktop_app", "--db", str(database), "--tray"]
    assert keeps_running(open_ui_state())

    again = dialog_with_tray(qtbot)
    assert again.reminders.start_at_login.isChecked()
    assert again.reminders.keep_running.isChecked()
    again.reminders.start_at_login.click()
    again.buttons.button(OK).click()
    assert not entry.exists()
    assert keeps_running(open_ui_state())


def test_an_autostart_folder_that_cannot_be_written_keeps_the_dialog_open_with_why(
    qtbot, config_home: Path
) -> None:
    config_home.mkdir()
    (config_home / "autostart").write_text("not a folder")
    dialog = dialog_with_tray(qtbot)
    dialog.reminders.start_at_login.click()
    dialog.reminders.keep_running.click()
    dialog.buttons.button(OK).click()
    assert dialog.isVisible()
    assert dialog.error.text().startswith(
        f"Start at log-in not changed: Cannot write in {config_home / 'autostart'}: "
    )
    assert dialog.error.isVisible() and dialog.tabs.currentWidget() is dialog.reminders
    assert not keeps_running(open_ui_state())  # nothing stored of the two
    assert (config_home / "autostart").read_text() == "not a folder"


def test_without_a_tray_both_options_are_disabled_and_say_why(
    qtbot, small_window, config_home: Path
) -> None:
    seen: dict[str, object] = {}

    def look(dialog: SettingsDialog) -> None:
        options = dialog.reminders
        dialog.tabs.setCurrentWidget(options)
        seen["enabled"] = (options.keep_running.isEnabled(), options.start_at_login.isEnabled())
        seen["why"] = options.unavailable.text() if options.unavailable.isVisible() else ""
        dialog.buttons.button(OK).click()

    opened = when_dialog_opens(look, SettingsDialog)
    small_window.actions["settings"].trigger()  # offscreen: no system tray
    assert opened
    assert seen == {"enabled": (False, False), "why": NO_TRAY}
    assert not (config_home / "autostart").exists()


def test_the_rescore_note_stands_under_the_insights_tabs_only(qtbot, config_home: Path) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = dialog_with_tray(qtbot)  # opened on the Reminders tab
    note = dialog.findChild(QLabel, "rescoreNote")
    assert not note.isVisible()  # the reminders rescore nothing
    dialog.tabs.setCurrentIndex(0)
    assert note.isVisible()
    dialog.tabs.setCurrentWidget(dialog.reminders)
    assert not note.isVisible()


def autostart_command(config_home: Path) -> list[str]:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(config_home / "autostart" / "netwise.desktop")
    return shlex.split(desktop["Desktop Entry"]["Exec"])


def test_start_at_login_on_a_server_writes_its_address_without_the_password(
    qtbot, config_home: Path
) -> None:
    address = "postgresql+psycopg://anna:s3cret@db.example.org:5432/netwise?sslmode=require"
    dialog = dialog_with_tray(qtbot, address)  # type: ignore[arg-type]
    dialog.reminders.start_at_login.click()
    dialog.buttons.button(OK).click()
    entry = (config_home / "autostart" / "netwise.desktop").read_text()
    assert "s3cret" not in entry
    assert autostart_command(config_home)[-3:] == [
        "--db",
        "postgresql+psycopg://anna@db.example.org:5432/netwise?sslmode=require",
        "--tray",
    ]


def test_settings_of_a_server_database_start_it_at_login_without_its_password(
    qtbot, config_home: Path, postgres_server, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop_app.store.database import open_database
    from desktop_app.ui.shell.settings_dialog import edit_settings
    from tests.postgres_server import PASSWORD, PASSWORD_USER

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    name = postgres_server.create_database()
    database = open_database(postgres_server.url(name, user=PASSWORD_USER, password=PASSWORD))

    def tick_start_at_login(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentWidget(dialog.reminders)
        dialog.reminders.start_at_login.click()
        dialog.buttons.button(OK).click()

    try:
        when_dialog_opens(tick_start_at_login, SettingsDialog)
        edit_settings(None, database, open_ui_state())  # type: ignore[arg-type]
    finally:
        database.close()
        postgres_server.drop_database(name)
    entry = (config_home / "autostart" / "netwise.desktop").read_text()
    assert PASSWORD not in entry and "***" not in entry
    address = postgres_server.url(name, user=PASSWORD_USER)
    assert autostart_command(config_home)[-3:] == ["--db", address, "--tray"]
