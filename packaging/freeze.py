"""Freeze NetWise into its one-folder bundle with PyInstaller and report its size.

Usage: ``python packaging/freeze.py [--dist DIR] [--build DIR]``
(defaults ``dist/`` and ``build/``). The bundle is ``DIST/netwise/`` (and, on macOS,
``DIST/NetWise.app``); its program is printed by ``--print-executable``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "netwise.spec"
sys.path.insert(0, str(ROOT))

from desktop_app import APP_ID, APP_NAME  # noqa: E402


def bundle_dir(dist: Path) -> Path:
    """The folder that holds the whole program (the .app on macOS)."""
    return dist / f"{APP_NAME}.app" if sys.platform == "darwin" else dist / APP_ID


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return bundle_dir(dist) / "Contents" / "MacOS" / APP_ID
    return bundle_dir(dist) / (f"{APP_ID}.exe" if sys.platform == "win32" else APP_ID)


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symbolic links not followed."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def freeze(dist: Path, build: Path) -> Path:
    """Build the bundle; return the path of its program."""
    sys.path.insert(0, str(HERE))
    import icons

    icon_dir = icons.generate(build / "icons")
    env = dict(os.environ, NETWISE_ICON_DIR=str(icon_dir))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(build / "pyinstaller"),
        str(SPEC),
    ]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return executable(dist)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--print-executable", action="store_true", help="print it and exit")
    args = parser.parse_args()
    if args.print_executable:
        print(executable(args.dist.resolve()))
        return
    start = time.perf_counter()
    program = freeze(args.dist.resolve(), args.build.resolve())
    size, files = tree_size(bundle_dir(args.dist.resolve()))
    print(
        f"bundle {bundle_dir(args.dist.resolve())}: {size / 1e6:.1f} MB in {files} files "
        f"(built in {time.perf_counter() - start:.0f} s); program {program}"
    )


if __name__ == "__main__":
    main()
