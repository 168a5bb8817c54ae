"""The command line as a user (or an installer) runs it: real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app import __version__
from tests.unit.processes import run_netwise


def test_version() -> None:
    result = run_netwise("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"NetWise {__version__}"


def test_demo_self_test_renders_every_page(data_dir: Path) -> None:
    result = run_netwise("--demo", "--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    for page in ("dashboard", "contacts", "events", "followups", "goal"):
        assert f"page {page}" in result.stdout
    assert (data_dir / "netwise-demo.sqlite3").exists()


def test_db_option_and_environment_variable_choose_the_file(tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere" / "mine.sqlite3"
    assert run_netwise("--db", str(chosen), "--self-test").returncode == 0
    assert chosen.exists()
    by_env = tmp_path / "env.sqlite3"
    env = dict(os.environ, NETWISE_DB=str(by_env))
    assert run_netwise("--self-test", env=env).returncode == 0
    assert by_env.exists()


def test_screenshot_writes_a_png(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    result = run_netwise("--demo", "--screenshot", str(target), "--page", "contacts")
    assert result.returncode == 0, result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_a_display_it_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = run_netwise(env=env, timeout=30)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("netwise: cannot open a window")


def test_a_database_from_a_newer_netwise_is_refused_with_a_message(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    target = tmp_path / "future.sqlite3"
    assert run_netwise("--db", str(target), "--self-test").returncode == 0
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = run_netwise("--db", str(target), "--self-test")
    assert result.returncode == 1
    assert "newer version of NetWise" in result.stderr
    assert "Traceback" not in result.stderr


def test_many_calls_of_methods_returning_nothing_do_not_abort(tmp_path: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 aborts with none_dealloc after ~5,000 such calls."""
    script = tmp_path / "calls.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for i in range(20_000):\n"
        "    label.resize(100 + i % 50, 20)\n"
        "    label.setText(str(i))\n"
        "    app.processEvents()\n"
        "print('done')\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
