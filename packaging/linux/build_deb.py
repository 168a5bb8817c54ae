"""Build ``dist/netwise_VERSION_ARCH.deb`` from the frozen bundle in ``dist/netwise``.

The package installs the bundle under /opt/netwise, a /usr/bin/netwise link, the desktop
entry, hicolor icons and AppStream metadata. Its ``Depends:`` is what dpkg-shlibdeps finds
the bundle's binaries linked to, plus the fonts (text in windows and PDFs) and keyboard
data (xkbcommon) that Qt loads as files, and libpq (PostgreSQL's client library), which
psycopg loads by name. Sizes are printed and written, one JSON object
a line, to ``build/package.json``.

Usage: ``python packaging/linux/build_deb.py [--bundle DIR] [--dist DIR] [--build DIR]``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "packaging")]

import icons  # noqa: E402  (packaging/icons.py)
from freeze import tree_size  # noqa: E402  (packaging/freeze.py)

from desktop_app import APP_ID, __version__  # noqa: E402

LINUX = ROOT / "resources" / "linux"
METAINFO = next(LINUX.glob("*.metainfo.xml"))
# Read by Qt as files, not linked: nothing in the binaries tells dpkg-shlibdeps.
FILE_DEPENDS = ["fonts-dejavu-core", "xkb-data"]
# Loaded by name at run time, not linked: psycopg's Python implementation opens libpq
# through ctypes (a server database; the bundle carries no libpq of its own).
LOADED_DEPENDS = ["libpq5"]
# Debian's usual variables name the person who builds a release.
MAINTAINER = "{} <{}>".format(
    os.environ.get("DEBFULLNAME", "NetWise contributors"),
    os.environ.get("DEBEMAIL", "netwise@users.noreply.github.com"),
)
SUMMARY = "network strategically with the right people, for a stated goal"
DESCRIPTION = """\
 NetWise keeps your contacts, the events you attend and every interaction,
 and tells you, with reasons, who serves your networking goal and who only
 costs you time. Your data stays on your computer, or on a PostgreSQL server
 of your own: NetWise makes no other network connections."""


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(command, text=True, check=True, **kwargs)


def apt_install(packages: list[str]) -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit(f"please install: {' '.join(packages)}")
    print(f"installing what the build needs: {' '.join(packages)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env).returncode:
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)


def ensure_tools() -> None:
    if not (shutil.which("dpkg-shlibdeps") and shutil.which("dpkg-deb")):
        apt_install(["dpkg-dev"])


def package_of_soname(soname: str) -> str:
    """The Debian package that ships a library, by the policy's naming rule.

    ``libwayland-cursor.so.0`` -> ``libwayland-cursor0``; ``libfoo2.so.1`` -> ``libfoo2-1``.
    """
    name, _, version = soname.partition(".so.")
    name = name.lower().replace("_", "-")
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def elf_files(tree: Path) -> list[Path]:
    found = []
    for path in sorted(tree.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlib_depends(work: Path, package_root: Path) -> list[str]:
    """The packages the bundle's binaries link to (installing missing ones to look)."""
    internal = package_root / "opt" / APP_ID / "_internal"
    private = {path.parent for path in internal.rglob("*.so*")}
    command = ["dpkg-shlibdeps", "-O", "--warnings=1"]
    command += [f"-l{folder.relative_to(work)}" for folder in sorted(private)]
    command += [str(path.relative_to(work)) for path in elf_files(package_root / "opt")]
    for attempt in range(2):
        result = subprocess.run(command, cwd=work, text=True, capture_output=True)
        if result.returncode == 0:
            break
        # The build machine must have every linked library to learn its package.
        missing = sorted(set(re.findall(r"cannot find library (\S+) needed", result.stderr)))
        if attempt or not missing:
            raise SystemExit(f"dpkg-shlibdeps failed:\n{result.stderr}")
        apt_install(sorted({package_of_soname(name) for name in missing}))
    line = next(x for x in result.stdout.splitlines() if x.startswith("shlibs:Depends="))
    return [dep.strip() for dep in line.split("=", 1)[1].split(",") if dep.strip()]


def package_depends(linked: list[str]) -> list[str]:
    """The package's Depends: what its binaries link to, and what is read or loaded by name."""
    return linked + FILE_DEPENDS + LOADED_DEPENDS


def metainfo_with_release(target: Path) -> None:
    """The AppStream file, with this version's <releases> entry added."""
    tree = ElementTree.parse(METAINFO)
    releases = ElementTree.SubElement(tree.getroot(), "releases")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else None
    day = (when or datetime.datetime.now(datetime.UTC)).date().isoformat()
    ElementTree.SubElement(releases, "release", version=__version__, date=day)
    ElementTree.indent(tree, space="  ")
    tree.write(target, encoding="UTF-8", xml_declaration=True)


def stage(bundle: Path, package_root: Path, build: Path) -> None:
    opt = package_root / "opt" / APP_ID
    shutil.copytree(bundle, opt, symlinks=True)
    share = package_root / "usr" / "share"
    (package_root / "usr" / "bin").mkdir(parents=True)
    (package_root / "usr" / "bin" / APP_ID).symlink_to(f"/opt/{APP_ID}/{APP_ID}")
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    metainfo_with_release(share / "metainfo" / METAINFO.name)
    icon_dir = icons.generate(build / "icons")
    for size in icons.PNG_SIZES:
        apps = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        shutil.copy(icon_dir / icons.png_name(size), apps / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(icons.SOURCE, scalable / f"{APP_ID}.svg")
    doc = share / "doc" / APP_ID
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: NetWise\n\nFiles: *\nCopyright: NetWise contributors\n"
        "License: GPL-3.0-or-later\n On Debian systems, the full text of the GNU General\n"
        " Public License version 3 is in /usr/share/common-licenses/GPL-3.\n"
    )
    # Owner-writable, readable by all; only the program itself is executable.
    for path in [package_root, *package_root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path == opt / APP_ID
        path.chmod(0o755 if executable else 0o644)


def control(package_root: Path, depends: list[str], architecture: str) -> str:
    installed_kib = (tree_size(package_root)[0] + 1023) // 1024
    return (
        f"Package: {APP_ID}\nVersion: {__version__}\nArchitecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\nDepends: {', '.join(depends)}\n"
        "Section: misc\nPriority: optional\n"
        f"Description: {SUMMARY}\n{DESCRIPTION}\n"
    )


def validate(share: Path) -> None:
    """Check the desktop entry and AppStream file with the distribution's own tools."""
    checks = [
        ["desktop-file-validate", str(share / "applications" / f"{APP_ID}.desktop")],
        ["appstreamcli", "validate", "--no-net", str(share / "metainfo" / METAINFO.name)],
    ]
    for command in checks:
        if shutil.which(command[0]):
            run(command, stdout=subprocess.DEVNULL)
        else:
            print(f"not checked (no {command[0]} here): {command[-1]}")


def record(build: Path, lines: list[dict[str, object]]) -> None:
    """Print the figures, write them (one JSON object a line) to build/package.json, and
    fail if one exceeds its limit."""
    build.mkdir(parents=True, exist_ok=True)
    (build / "package.json").write_text("".join(json.dumps(line) + "\n" for line in lines))
    for line in lines:
        print(json.dumps(line))
    over = [
        f"{line['name']} {line['value']} > {line['limit']}"
        for line in lines
        if line["value"] > line["limit"]
    ]
    if over:  # a release must not grow past its budget unnoticed
        raise SystemExit(f"over the size budget: {', '.join(over)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / APP_ID)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    args = parser.parse_args()
    if not (args.bundle / APP_ID).is_file():
        raise SystemExit(f"no frozen bundle in {args.bundle}: run python packaging/freeze.py")
    ensure_tools()
    architecture = run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()
    work = args.build / "deb"
    shutil.rmtree(work, ignore_errors=True)
    package_root = work / "debian" / APP_ID
    (work / "debian").mkdir(parents=True)
    (work / "debian" / "control").write_text(
        f"Source: {APP_ID}\n\nPackage: {APP_ID}\nArchitecture: any\n"
    )
    stage(args.bundle, package_root, args.build)
    validate(package_root / "usr" / "share")
    (package_root / "DEBIAN").mkdir()
    depends = package_depends(shlib_depends(work, package_root))
    (package_root / "DEBIAN" / "control").write_text(control(package_root, depends, architecture))
    deb = args.dist / f"{APP_ID}_{__version__}_{architecture}.deb"
    deb.unlink(missing_ok=True)
    build = ["dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "--build"]
    run([*build, str(package_root), str(deb)], stdout=subprocess.DEVNULL)
    bundle_bytes, bundle_files = tree_size(args.bundle)
    print(f"{deb}: {deb.stat().st_size / 1e6:.1f} MB; depends on {len(depends)} packages")
    bundle_mb, deb_mb = bundle_bytes / 1e6, deb.stat().st_size / 1e6
    record(
        args.build,
        [
            {
                "name": "package.bundle_mb",
                "value": round(bundle_mb, 1),
                "unit": "MB",
                "files": bundle_files,
                "limit": 120,
            },
            {
                "name": "package.deb_mb",
                "value": round(deb_mb, 1),
                "unit": "MB",
                "limit": 40,
                "compression": "xz",
            },
        ],
    )


if __name__ == "__main__":
    main()
