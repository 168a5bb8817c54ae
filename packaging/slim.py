"""What NetWise's frozen bundle keeps, and the pruning that enforces it (used by netwise.spec).

A plain PyInstaller build of a PySide6 program collects every Qt plugin of every module it
touches, and each plugin's libraries: Qml and Quick through the virtual keyboard, QtPdf
through the PDF image plugin, GTK through its platform theme, QtNetwork through the TLS
plugins. NetWise uses none of them. The rules here:

1. Qt plugins: only those listed in ``QT_PLUGINS``, per platform.
2. Qt translations: only for the languages NetWise ships (``SHIPPED_LANGUAGES``).
3. On Linux, libraries of the system (``/usr/lib``...) stay out of the bundle: the .deb
   depends on them (computed by dpkg-shlibdeps), so they match the system they run on.
4. Then every shared library that nothing kept links to is dropped.
5. Of a package's metadata (``*.dist-info``), only what is read at run time and the licences.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import PurePosixPath

# (destination name, source path, type code): PyInstaller's table-of-contents entries.
Entry = tuple[str, str, str]

# Qt modules NetWise imports later (no import in the code yet), kept explicitly.
HIDDEN_IMPORTS = [
    "desktop_app.resources",  # read through importlib.resources only
    "PySide6.QtSvg",  # icons are SVG
    "PySide6.QtPrintSupport",  # printing and print preview
    "PySide6.QtCharts",  # the dashboard's charts
    # Imported by the migration scripts, which Alembic loads from files at run time.
    "alembic.op",
    "alembic.context",
    "sqlalchemy.dialects.sqlite",
]

# Python modules NetWise never imports (some are pulled in only by a hook's guess).
EXCLUDED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc",
    # Pulls in a run-time hook that imports it (and subprocess, socket, pickle) at every
    # start; NetWise runs no worker processes.
    "multiprocessing",
    "mako.ext",  # Alembic's templates need mako, not its Pygments/Babel plugins
    # vobject uses pytz only if present (its own fallback otherwise); 600 zone files.
    "pytz",
    "pygments",
    "PIL",  # a build tool here (icons), never used at run time
    # psycopg's C implementation is built against a libpq at install time; the bundle
    # carries the Python one or, off Linux, the binary one (below).
    "psycopg_c",
    "numpy",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
]

# The PostgreSQL driver. On Linux, psycopg's Python implementation over the system's libpq
# (found through ctypes; the .deb depends on libpq5 like on the other system libraries):
# psycopg_binary would add 11 MB of its own libpq, OpenSSL and Kerberos. Windows and macOS
# have no system libpq, so psycopg_binary comes with its own there.
# The Python implementation imports ssl, to share the system's libcrypto with libpq.
# BUNDLED_EXTRAS: the postgres extra as the installers carry it (the build stops without).
if sys.platform.startswith("linux"):
    EXCLUDED_MODULES.append("psycopg_binary")
    BUNDLED_EXTRAS = ("psycopg", "keyring", "secretstorage")
else:
    EXCLUDED_MODULES.append("ssl")
    BUNDLED_EXTRAS = ("psycopg", "psycopg_binary", "keyring")

# Plugin folder -> plugin names kept (file name without "lib" and suffix).
QT_PLUGINS: dict[str, set[str]] = {
    # xcb for X11, wayland, offscreen for --self-test; windows and cocoa on their systems.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    # Dead keys and compose sequences; IBus is the input method of many desktops.
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg", "qjpeg", "qgif", "qico"},
    "printsupport": {"cupsprintersupport"},  # Linux and macOS printers
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}

# Languages NetWise is translated into; Qt's own translations are kept only for these.
SHIPPED_LANGUAGES: tuple[str, ...] = ()

SYSTEM_LIBRARY_DIRS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64")


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def plugin_name(dest: str) -> tuple[str, str] | None:
    """(plugin folder, plugin name) if ``dest`` is a Qt plugin, else None."""
    parts = _parts(dest)
    if "plugins" not in parts[:-1] or "PySide6" not in parts:
        return None
    folder = parts[parts.index("plugins") + 1]
    stem = parts[-1].split(".")[0]
    if stem.startswith("lib") and not sys.platform.startswith("win"):
        stem = stem[3:]
    return folder, stem


def keep_plugin(dest: str) -> bool:
    folder_and_name = plugin_name(dest)
    if folder_and_name is None:
        return True
    folder, name = folder_and_name
    return name in QT_PLUGINS.get(folder, set())


def keep_translation(dest: str) -> bool:
    parts = _parts(dest)
    if "translations" not in parts or not parts[-1].endswith(".qm"):
        return True
    language = parts[-1][: -len(".qm")].split("_", 1)[-1]
    return language in SHIPPED_LANGUAGES or language.split("_")[0] in SHIPPED_LANGUAGES


def is_system_library(source: str) -> bool:
    """A library installed by the Linux distribution (one of its library folders)."""
    if not sys.platform.startswith("linux"):
        return False
    folder = os.path.dirname(os.path.realpath(source))
    for base in SYSTEM_LIBRARY_DIRS:
        base = os.path.realpath(base)
        # The folder itself or its multiarch folder (/usr/lib/x86_64-linux-gnu).
        if folder == base or (os.path.dirname(folder) == base and "-linux-" in folder):
            return True
    return False


def keep_metadata(dest: str) -> bool:
    """Of a ``*.dist-info`` folder, importlib.metadata reads METADATA (psycopg's version)
    and entry_points.txt (where keyring finds its backends); the licences go with the code.
    RECORD, WHEEL, INSTALLER and the like describe an installation, not the program."""
    parts = _parts(dest)
    if len(parts) < 2 or not parts[0].endswith(".dist-info"):
        return True
    read = parts[1] in ("METADATA", "entry_points.txt", "licenses")
    return read or parts[-1].upper().startswith(("LICENSE", "COPYING"))


def _basename(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.lower() if sys.platform.startswith("win") else base


def prune_unlinked(binaries: list[Entry], imports_of) -> list[Entry]:  # type: ignore[no-untyped-def]
    """Drop the shared libraries that no kept extension, plugin or library links to.

    Roots are the Python extension modules, the kept Qt plugins and the Python library
    (the bootloader loads it); ``imports_of(path)`` lists the names a binary links to.
    """
    from PyInstaller.depend.bindepend import get_python_library_path

    python_library = _basename(get_python_library_path() or "")
    by_name = {_basename(dest): (dest, source, kind) for dest, source, kind in binaries}
    roots = [
        entry
        for entry in binaries
        if entry[2] == "EXTENSION"
        or plugin_name(entry[0]) is not None
        or _basename(entry[0]) == python_library
    ]
    kept: set[str] = set()
    stack = list(roots)
    while stack:
        dest, source, _kind = stack.pop()
        if dest in kept:
            continue
        kept.add(dest)
        for name in imports_of(source):
            dependency = by_name.get(_basename(name))
            if dependency is not None and dependency[0] not in kept:
                stack.append(dependency)
    return [entry for entry in binaries if entry[0] in kept]


def is_dropped_variant(dest: str) -> bool:
    """rapidfuzz ships each extension twice, baseline and AVX2, and picks at run time,
    falling back to the baseline when the AVX2 one is missing. The baseline alone matches
    a 10,000-row import in well under a second; the AVX2 copies would add 5 MB."""
    return dest.startswith("rapidfuzz/") and "_avx2." in dest


def slim(binaries: Iterable[Entry], datas: Iterable[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The binaries and data files of the bundle, after the rules of this module."""
    from PyInstaller.depend.bindepend import get_imports

    kept = [
        entry
        for entry in binaries
        if keep_plugin(entry[0])
        and not is_dropped_variant(entry[0])
        and not (entry[2] == "BINARY" and is_system_library(entry[1]))
    ]
    kept = prune_unlinked(kept, lambda path: [name for name, _ in get_imports(path)])
    kept_names = {dest for dest, _, _ in kept}
    dropped = {dest for dest, _, _ in binaries} - kept_names
    # macOS: a framework whose library was dropped goes whole (its Info.plist, its links),
    # or code signing would meet a framework without code.
    frameworks = tuple(
        dest[: dest.index(".framework/") + len(".framework/")]
        for dest in dropped
        if ".framework/" in dest
    )
    data = [
        (dest, source, kind)
        for dest, source, kind in datas
        if keep_translation(dest)
        and keep_plugin(dest)
        and keep_metadata(dest)
        and not dest.startswith(frameworks)
        # A symbolic link to a library that was dropped goes with it.
        and not (kind == "SYMLINK" and source in dropped)
    ]
    return kept, data
