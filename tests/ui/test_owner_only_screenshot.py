"""``--screenshot`` shows contacts: the picture is owner-only, whatever the umask."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from desktop_app.cli import parse_args
from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.self_test import run_offscreen


@pytest.mark.parametrize("mask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_the_screenshot_is_owner_only(qtbot, mask: int, db_path: Path, tmp_path: Path) -> None:
    picture = tmp_path / "window.png"
    args = parse_args(["--db", str(db_path), "--screenshot", str(picture)])
    app = create_application()
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    previous = os.umask(mask)
    try:
        code = run_offscreen(app, window, args, target=str(db_path), started=time.perf_counter())
    finally:
        os.umask(previous)
    assert code == 0
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(picture.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".window")] == []
