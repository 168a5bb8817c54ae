"""The build scripts in packaging/ (not a package: it must not shadow the PyPI library).

Tests and benchmarks reach them here: as modules loaded from their files, or as commands.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
FREEZE = PACKAGING / "freeze.py"


def load(relative: str) -> ModuleType:
    """The module ``packaging/<relative>``, loaded from its file."""
    path = PACKAGING / relative
    spec = importlib.util.spec_from_file_location(f"netwise_packaging_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def frozen_executable(dist: Path) -> Path:
    """Where freeze.py puts the program of a bundle built into ``dist``."""
    command = [sys.executable, str(FREEZE), "--dist", str(dist), "--print-executable"]
    return Path(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip())


def freeze(dist: Path, build: Path) -> Path:
    """Build the one-folder bundle into ``dist`` (work files in ``build``); its program."""
    command = [sys.executable, str(FREEZE), "--dist", str(dist), "--build", str(build)]
    subprocess.run(command, check=True, timeout=1800)
    return frozen_executable(dist)
