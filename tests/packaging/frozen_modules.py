"""The Python modules a frozen program carries, laid out to be imported outside of it.

PyInstaller keeps them compiled in an archive appended to the program (PYZ) and their
extension modules and metadata in ``_internal``. Both together in one folder (the
archive's modules written out as .pyc files), an interpreter started without its
site-packages (``python -I -S``) imports them as the frozen program would.
"""

from __future__ import annotations

import os
import shutil
from importlib.util import MAGIC_NUMBER
from pathlib import Path

PACKAGE, NAMESPACE = 1, 3  # PyInstaller's PYZ item types (0: a module)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)  # 100 MB of libraries: linked where the file system can
    except OSError:
        shutil.copy2(source, target)


def unpack(program: Path, target: Path) -> Path:
    """Lay the program's modules out under ``target`` (a new folder); ``target``."""
    from PyInstaller.archive.readers import CArchiveReader

    shutil.copytree(program.parent / "_internal", target, copy_function=_link_or_copy)
    archive = CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz")
    for name, (kind, _offset, _length) in archive.toc.items():
        path = target.joinpath(*name.split("."))
        if kind == NAMESPACE:
            path.mkdir(parents=True, exist_ok=True)
            continue
        path = path / "__init__.pyc" if kind == PACKAGE else path.with_suffix(".pyc")
        path.parent.mkdir(parents=True, exist_ok=True)
        # The header: magic, flags 0 (a timestamp that nothing checks without a source).
        path.write_bytes(MAGIC_NUMBER + bytes(12) + archive.extract(name, raw=True))
    return target
