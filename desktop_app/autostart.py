"""Starting NetWise at log-in, in the tray: the system's own autostart entry.

Linux (and other XDG desktops): a ``.desktop`` file in ``$XDG_CONFIG_HOME/autostart``.
Windows: a ``.cmd`` file in the user's Startup folder. macOS: a LaunchAgent plist in
``~/Library/LaunchAgents``. Each is written to a temporary file beside it and renamed
into place, so a refusal (a read-only folder, a full disk) leaves nothing half written.
No Qt here: the window's Settings call this, and the tests run it in a temporary home.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app import APP_ID, APP_NAME
from desktop_app.paths import address_without_password

TRAY_OPTION = "--tray"
LINUX, WINDOWS, MACOS = "linux", "windows", "macos"


class AutostartError(Exception):
    """Why the autostart entry could not be written or removed, in one line."""


@dataclass(frozen=True)
class Layout:
    """Where this system keeps its autostart entries."""

    system: str  # LINUX, WINDOWS or MACOS
    home: Path
    environ: dict[str, str]


def current_layout() -> Layout:
    if sys.platform == "win32":
        system = WINDOWS
    elif sys.platform == "darwin":
        system = MACOS
    else:
        system = LINUX
    return Layout(system, Path.home(), dict(os.environ))


def entry_path(layout: Layout) -> Path:
    """The file that makes NetWise start at log-in."""
    if layout.system == WINDOWS:
        appdata = layout.environ.get("APPDATA") or str(layout.home / "AppData" / "Roaming")
        startup = Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return startup / f"{APP_NAME}.cmd"
    if layout.system == MACOS:
        return layout.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    config = layout.environ.get("XDG_CONFIG_HOME") or str(layout.home / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def start_command(
    frozen: bool | None = None, executable: str | None = None, database: str | None = None
) -> list[str]:
    """The command that starts NetWise hidden in the tray: the bundle's own executable
    when frozen (PyInstaller), else this interpreter running the package.

    A server's address goes in without its password: the entry is a file anyone with the
    account can read, and its command shows in the process list.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = executable or sys.executable
    command = [executable] if frozen else [executable, "-m", "desktop_app"]
    if database:
        command += ["--db", address_without_password(database)]
    return [*command, TRAY_OPTION]


def _desktop_exec(command: list[str]) -> str:
    """An Exec= line: arguments quoted, and the characters the spec reserves escaped."""
    quoted = []
    for argument in command:
        if any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%"):
            escaped = argument.replace("\\", "\\\\").replace('"', '\\"')
            escaped = escaped.replace("`", "\\`").replace("$", "\\$")
            argument = f'"{escaped}"'
        quoted.append(argument.replace("%", "%%"))
    # Exec is a string value: its own escapes apply before the quoting above, so each
    # backslash is written twice (a literal backslash in a quoted argument is four).
    return " ".join(quoted).replace("\\", "\\\\")


def entry_text(layout: Layout, command: list[str]) -> bytes:
    """The autostart entry's content for ``layout``."""
    if layout.system == WINDOWS:
        line = subprocess.list2cmdline(command)
        # "start" returns at once, so no console window stays open at log-in.
        return f'@echo off\r\nstart "" {line}\r\n'.encode()
    if layout.system == MACOS:
        return plistlib.dumps({"Label": APP_ID, "ProgramArguments": command, "RunAtLoad": True})
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Reminders of what is due, in the tray",
        f"Exec={_desktop_exec(command)}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    return ("\n".join(lines) + "\n").encode()


def is_enabled(layout: Layout | None = None) -> bool:
    return entry_path(layout or current_layout()).is_file()


def enable(layout: Layout | None = None, command: list[str] | None = None) -> Path:
    """Write the entry (creating a missing folder); ``AutostartError`` if it cannot be."""
    layout = layout or current_layout()
    path = entry_path(layout)
    content = entry_text(layout, command or start_command())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".netwise-", dir=path.parent)
    except OSError as exc:
        raise AutostartError(f"Cannot write in {path.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644 if layout.system != WINDOWS else 0o600)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise AutostartError(f"Cannot write {path}: {exc.strerror}.") from None
    return path


def disable(layout: Layout | None = None) -> None:
    """Remove the entry (nothing to do when there is none)."""
    path = entry_path(layout or current_layout())
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise AutostartError(f"Cannot remove {path}: {exc.strerror}.") from None


def describe(command: list[str]) -> str:
    """The command for a message or a log line."""
    return shlex.join(command)
