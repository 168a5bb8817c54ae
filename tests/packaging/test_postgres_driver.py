"""What the command line says when a server database cannot be opened for want of its
driver: psycopg (a source install without the ``postgres`` extra) or the system's libpq
(which the Linux bundle's psycopg loads, like psycopg from source without psycopg_binary).

The command line runs in a process of its own in which those cannot be found.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ADDRESS = "postgresql+psycopg://anna@/netwise?host=/nonexistent-socket-folder"

RUN_WITHOUT = """
import ctypes.util, sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None  # an import of it fails as a module that is not installed
if sys.argv[2] == "no-libpq":  # what ctypes finds of the system's libpq: nothing
    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None if name == "pq" else find_library(name)
from desktop_app.app import main
sys.exit(main(sys.argv[3:]))
"""


def refusal(data_dir: Path, missing: str, libpq: str) -> str:
    command = [sys.executable, "-c", RUN_WITHOUT, missing, libpq, "--db", ADDRESS, "review"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line, no traceback
    return lines[0]


def test_without_libpq_the_message_names_the_system_package(data_dir: Path) -> None:
    line = refusal(data_dir, "psycopg_binary,psycopg_c", "no-libpq")
    assert "needs libpq, PostgreSQL's client library" in line
    assert "libpq5" in line
    assert "pip install" not in line  # psycopg is there: installing it again would not help


@pytest.mark.parametrize("libpq", ["no-libpq", "libpq"])
def test_without_psycopg_the_message_says_how_to_install_it(data_dir: Path, libpq: str) -> None:
    line = refusal(data_dir, "psycopg", libpq)
    assert "needs the PostgreSQL driver: pip install 'netwise[postgres]'" in line
