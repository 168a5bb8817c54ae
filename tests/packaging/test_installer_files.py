"""The installers' files, checked without building anything (fast; Windows and macOS parts
are checked here for what can be checked on any system)."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from desktop_app import APP_ID, APP_NAME, __version__
from tests.packaging.scripts import PACKAGING, ROOT, load

LINUX = ROOT / "resources" / "linux"
METAINFO = next(LINUX.glob("*.metainfo.xml"))
INFO_PLIST = PACKAGING / "macos" / "Info.plist"


def test_icons_are_drawn_in_every_size_from_the_svg(tmp_path: Path) -> None:
    icons = load("icons.py")
    subprocess.run([sys.executable, str(PACKAGING / "icons.py"), str(tmp_path)], check=True)
    for size in icons.PNG_SIZES:
        with Image.open(tmp_path / icons.png_name(size)) as png:
            assert png.size == (size, size)
    with Image.open(tmp_path / "netwise.ico") as ico:
        assert {width for width, _ in ico.info["sizes"]} == set(icons.ICO_SIZES)
    with Image.open(tmp_path / "netwise.icns") as icns:
        # (points, points, scale): 16 to 512 points, on normal and Retina screens.
        expected = {(16, 16, 2), (32, 32, 2), (128, 128, 1), (256, 256, 2), (512, 512, 2)}
        assert expected <= set(icns.info["sizes"])
    # A real picture, not an empty canvas: blue at the left edge, clear in the corner.
    with Image.open(tmp_path / icons.png_name(48)) as png:
        rgba = png.convert("RGBA")
    edge, corner = rgba.getpixel((4, 24)), rgba.getpixel((0, 0))
    assert edge[3] == 255 and edge[2] > 2 * edge[0]
    assert corner[3] == 0


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    entry = LINUX / f"{APP_ID}.desktop"
    subprocess.run(["desktop-file-validate", str(entry)], check=True)
    text = entry.read_text()
    # The window's WM_CLASS and Qt's desktop file name are both "netwise".
    assert f"StartupWMClass={APP_ID}\n" in text and f"Icon={APP_ID}\n" in text
    assert re.search(r"^Keywords=.+;$", text, re.MULTILINE)


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_appstream_metadata_is_valid() -> None:
    subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], check=True)


def test_one_application_id_everywhere() -> None:
    with INFO_PLIST.open("rb") as file:
        bundle_id = plistlib.load(file)["CFBundleIdentifier"]
    text = METAINFO.read_text()
    assert METAINFO.name == f"{bundle_id}.metainfo.xml"
    assert f"<id>{bundle_id}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text


def test_version_is_written_only_by_the_build() -> None:
    # The version lives in desktop_app/__init__.py; these files must not repeat it.
    for path in (METAINFO, INFO_PLIST, PACKAGING / "windows" / "netwise.iss"):
        assert __version__ not in path.read_text(), path
    assert ElementTree.parse(METAINFO).find("releases") is None


def test_metainfo_for_the_package_names_this_release(tmp_path: Path) -> None:
    build_deb = load("linux/build_deb.py")
    target = tmp_path / METAINFO.name
    build_deb.metainfo_with_release(target)
    assert f'<release version="{__version__}"' in target.read_text()
    if shutil.which("appstreamcli"):
        subprocess.run(["appstreamcli", "validate", "--no-net", str(target)], check=True)


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libx11-xcb.so.1", "libx11-xcb1"),
        ("libQt5Core.so.5", "libqt5core5"),
        ("libgdk_pixbuf-2.0.so.0", "libgdk-pixbuf-2.0-0"),
    ],
)
def test_missing_build_libraries_are_named_as_debian_packages(soname: str, package: str) -> None:
    assert load("linux/build_deb.py").package_of_soname(soname) == package


def test_windows_installer_gets_every_define_it_uses(tmp_path: Path) -> None:
    version_info = load("windows/version_info.py")
    iss_defines, _ = version_info.write(tmp_path)
    defined = set(re.findall(r"^#define (\w+) ", iss_defines.read_text(), re.MULTILINE))
    script = (PACKAGING / "windows" / "netwise.iss").read_text()
    used = set(re.findall(r"\{#(?:StringChange\()?(\w+)", script))
    assert used <= defined, used - defined
    assert f'#define AppVersion "{__version__}"' in iss_defines.read_text()
    assert f'#define AppExeName "{APP_ID}.exe"' in iss_defines.read_text()
    assert '#include "..\\..\\build\\windows\\version.iss"' in script
    assert "PrivilegesRequired=lowest" in script


def test_windows_version_resource_reads_back(tmp_path: Path) -> None:
    # PyInstaller eval()s this text with its version-info classes; stand-ins record it.
    version_info = load("windows/version_info.py")
    _, resource = version_info.write(tmp_path)

    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    namespace = {name: record(name) for name in (*names, "VarFileInfo", "VarStruct")}
    info = eval(resource.read_text(), namespace)
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == version_info.numeric_version()
    strings = dict(entry[1] for entry in info[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == __version__
    assert strings["ProductName"] == APP_NAME


def test_numeric_windows_version() -> None:
    version_info = load("windows/version_info.py")
    assert version_info.numeric_version("1.2.3") == (1, 2, 3, 0)
    assert version_info.numeric_version("0.2.0.dev1") == (0, 2, 0, 0)


def test_dmg_settings_place_the_app_beside_applications() -> None:
    namespace: dict[str, object] = {"defines": {"app": "dist/NetWise.app"}}
    exec((PACKAGING / "macos" / "dmg_settings.py").read_text(), namespace)
    assert namespace["files"] == ["dist/NetWise.app"]
    assert namespace["symlinks"] == {"Applications": "/Applications"}
    assert set(namespace["icon_locations"]) == {"NetWise.app", "Applications"}  # type: ignore[arg-type]
    assert str(namespace["badge_icon"]).endswith("Contents/Resources/netwise.icns")


def test_macos_info_plist_is_complete_once_the_spec_adds_the_version() -> None:
    with INFO_PLIST.open("rb") as file:
        info = plistlib.load(file)
    assert info["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z]+){2,}", info["CFBundleIdentifier"])
    spec = (PACKAGING / "netwise.spec").read_text()
    for key in ("CFBundleShortVersionString", "CFBundleVersion", "CFBundleName"):
        assert key not in info and key in spec


def test_the_package_depends_on_the_libpq_that_psycopg_loads() -> None:
    build_deb = load("linux/build_deb.py")
    depends = build_deb.package_depends(["libc6 (>= 2.35)", "libssl3 (>= 3.0.0)"])
    assert depends[:2] == ["libc6 (>= 2.35)", "libssl3 (>= 3.0.0)"]
    assert "libpq5" in depends and "fonts-dejavu-core" in depends
