"""The rules of packaging/slim.py on table-of-contents entries like PyInstaller's."""

from __future__ import annotations

import sys

import pytest

from tests.packaging.scripts import load

slim = load("slim.py")
PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        (f"{PLUGINS}/platforms/libqxcb.so", True),
        (f"{PLUGINS}/platforms/libqoffscreen.so", True),
        (f"{PLUGINS}/platforms/libqeglfs.so", False),
        (f"{PLUGINS}/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        (f"{PLUGINS}/imageformats/libqpdf.so", False),
        (f"{PLUGINS}/imageformats/libqsvg.so", True),
        (f"{PLUGINS}/platformthemes/libqgtk3.so", False),
        (f"{PLUGINS}/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),  # not a plugin: decided by linking
    ],
)
def test_only_the_listed_qt_plugins_are_kept(dest: str, kept: bool) -> None:
    assert slim.keep_plugin(dest) is kept


def test_qt_translations_only_for_shipped_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not slim.keep_translation("PySide6/Qt/translations/qtbase_de.qm")
    monkeypatch.setattr(slim, "SHIPPED_LANGUAGES", ("de", "pt_BR"))
    assert slim.keep_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert slim.keep_translation("PySide6/Qt/translations/qtbase_pt_BR.qm")
    assert not slim.keep_translation("PySide6/Qt/translations/qtbase_fr.qm")
    assert slim.keep_translation("desktop_app/resources/icons/goal.svg")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux library folders")
def test_system_libraries_are_left_to_the_package_dependencies() -> None:
    assert slim.is_system_library("/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0")
    assert slim.is_system_library("/lib/x86_64-linux-gnu/libz.so.1")
    assert not slim.is_system_library("/opt/venv/lib/python3.11/site-packages/PySide6/Qt/lib/x")
    assert not slim.is_system_library(
        "/usr/lib/python3/dist-packages/PySide6/Qt/lib/libQt6Gui.so.6"
    )


def test_libraries_nothing_links_to_are_dropped() -> None:
    links = {
        "/src/QtWidgets.so": ["libQt6Widgets.so.6"],
        "/src/libQt6Widgets.so.6": ["libQt6Gui.so.6", "libQt6Core.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": [],
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/src/libQt6Quick.so.6": ["libQt6Qml.so.6"],  # was needed by a dropped plugin
        "/src/libQt6Qml.so.6": [],
    }
    entries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.so", "EXTENSION"),
        (f"{PLUGINS}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        *[
            (f"PySide6/Qt/lib/{name}", f"/src/{name}", "BINARY")
            for name in ("libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6")
        ],
        *[
            (f"PySide6/Qt/lib/{name}", f"/src/{name}", "BINARY")
            for name in ("libQt6XcbQpa.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6")
        ],
    ]
    kept = {dest.rsplit("/", 1)[-1] for dest, _, _ in slim.prune_unlinked(entries, links.get)}
    assert "libQt6Quick.so.6" not in kept and "libQt6Qml.so.6" not in kept
    assert {"libQt6Core.so.6", "libQt6XcbQpa.so.6", "libqxcb.so", "QtWidgets.abi3.so"} <= kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("keyring-25.7.0.dist-info/entry_points.txt", True),  # where keyring finds backends
        ("psycopg-3.3.9.dist-info/METADATA", True),  # psycopg reads its version there
        ("psycopg-3.3.9.dist-info/licenses/LICENSE.txt", True),
        ("click-8.5.1.dist-info/LICENSE.rst", True),
        ("psycopg-3.3.9.dist-info/RECORD", False),
        ("keyring-25.7.0.dist-info/WHEEL", False),
        ("cryptography-50.0.2.dist-info/sboms/sbom.json", False),
        ("desktop_app/resources/app/netwise.svg", True),
    ],
)
def test_package_metadata_only_what_is_read_and_the_licences(dest: str, kept: bool) -> None:
    assert slim.keep_metadata(dest) is kept


def test_the_postgresql_driver_and_the_keyring_are_bundled() -> None:
    for module in ("psycopg", "keyring", "secretstorage", "jeepney", "cryptography"):
        assert module not in slim.EXCLUDED_MODULES
    # On Linux over the system's libpq (a .deb dependency); psycopg_binary brings its own.
    on_linux = sys.platform.startswith("linux")
    assert ("psycopg_binary" in slim.EXCLUDED_MODULES) is on_linux
    assert ("ssl" in slim.EXCLUDED_MODULES) is not on_linux  # psycopg's Python one needs it
