"""Start at log-in: each system's autostart entry written and removed in a temporary home."""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
from pathlib import Path

import pytest

from desktop_app import autostart
from desktop_app.autostart import LINUX, MACOS, WINDOWS, AutostartError, Layout

SOURCE_RUN = ["/opt/py 3/bin/python", "-m", "desktop_app", "--tray"]


def layout(system: str, home: Path, **environ: str) -> Layout:
    return Layout(system, home, dict(environ))


def test_linux_writes_an_xdg_autostart_entry_in_a_missing_folder_and_removes_it(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    place = layout(LINUX, tmp_path / "home", XDG_CONFIG_HOME=str(config))
    assert not autostart.is_enabled(place)
    path = autostart.enable(place, SOURCE_RUN)
    assert path == config / "autostart" / "netwise.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(path)
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "NetWise"
    # The space in the interpreter's path is quoted, so the desktop runs the right program.
    assert shlex.split(desktop["Exec"]) == SOURCE_RUN
    assert autostart.is_enabled(place)
    assert [p.name for p in path.parent.iterdir()] == ["netwise.desktop"]  # no temporary left
    autostart.disable(place)
    assert not path.exists() and not autostart.is_enabled(place)
    autostart.disable(place)  # already gone: nothing to do, no error


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path: Path) -> None:
    path = autostart.enable(layout(LINUX, tmp_path), SOURCE_RUN)
    assert path == tmp_path / ".config" / "autostart" / "netwise.desktop"


def test_windows_writes_a_command_file_in_the_startup_folder(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    place = layout(WINDOWS, tmp_path, APPDATA=str(appdata))
    command = [r"C:\Program Files\NetWise\NetWise.exe", "--tray"]
    path = autostart.enable(place, command)
    startup = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    assert path == startup / "NetWise.cmd"
    assert path.read_bytes() == (
        b'@echo off\r\nstart "" "C:\\Program Files\\NetWise\\NetWise.exe" --tray\r\n'
    )
    autostart.disable(place)
    assert not path.exists()


def test_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    place = layout(MACOS, tmp_path)
    command = ["/Applications/NetWise.app/Contents/MacOS/NetWise", "--tray"]
    path = autostart.enable(place, command)
    assert path == tmp_path / "Library" / "LaunchAgents" / "netwise.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent == {"Label": "netwise", "ProgramArguments": command, "RunAtLoad": True}
    autostart.disable(place)
    assert not path.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_autostart_folder_is_refused_in_one_line_with_nothing_written(
    tmp_path: Path,
) -> None:
    folder = tmp_path / ".config" / "autostart"
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        with pytest.raises(AutostartError) as refused:
            autostart.enable(layout(LINUX, tmp_path), SOURCE_RUN)
        assert str(refused.value) == f"Cannot write in {folder}: Permission denied."
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_the_command_runs_the_bundle_when_frozen_and_the_package_from_source() -> None:
    frozen = autostart.start_command(frozen=True, executable="/opt/NetWise/netwise")
    assert frozen == ["/opt/NetWise/netwise", "--tray"]
    source = autostart.start_command(frozen=False, executable="/usr/bin/python3")
    assert source == ["/usr/bin/python3", "-m", "desktop_app", "--tray"]


def test_an_autostart_folder_that_cannot_be_made_is_refused_with_nothing_written(
    tmp_path: Path,
) -> None:
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config" / "autostart").write_text("a file where the folder should be")
    with pytest.raises(AutostartError, match=r"^Cannot write in .*autostart: "):
        autostart.enable(layout(LINUX, tmp_path), SOURCE_RUN)
    assert [p.name for p in (tmp_path / ".config").iterdir()] == ["autostart"]


def test_an_entry_that_cannot_be_put_in_place_leaves_no_temporary_file(tmp_path: Path) -> None:
    blocked = tmp_path / ".config" / "autostart" / "netwise.desktop"
    (blocked / "inside").mkdir(parents=True)  # a folder where the entry goes
    with pytest.raises(AutostartError, match=r"^Cannot write .*netwise\.desktop: "):
        autostart.enable(layout(LINUX, tmp_path), SOURCE_RUN)
    assert [p.name for p in blocked.parent.iterdir()] == ["netwise.desktop"]
    assert blocked.is_dir()


def test_the_desktop_entry_escapes_as_the_specification_reads_it() -> None:
    """Exec's string escapes come first, then the quoting: a backslash inside a quoted
    argument is four in the file, a dollar sign three characters (\\\\$)."""
    from desktop_app.autostart import _desktop_exec

    line = _desktop_exec(["/usr/bin/python3", "--db", "/home/ann/my $net\\work.sqlite3"])
    assert line == '/usr/bin/python3 --db "/home/ann/my \\\\$net\\\\\\\\work.sqlite3"'
