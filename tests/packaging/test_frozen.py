"""The frozen one-folder bundle, built with the spec and run as it will run on a user's machine.

Slow (a PyInstaller build): ``make test`` runs it, ``make test-quick`` skips it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.frozen_modules import unpack
from tests.packaging.scripts import ROOT, freeze

# Building the bundle takes minutes on a small machine (up to 30 in the build script).
pytestmark = [pytest.mark.packaging, pytest.mark.timeout(2400)]

PLATFORM_PLUGINS = {
    "linux": {"qxcb", "qwayland", "qoffscreen"},
    "win32": {"qwindows", "qoffscreen"},
    "darwin": {"qcocoa", "qoffscreen"},
}
# What a plain build drags in and NetWise never uses.
UNWANTED = ("Qt6Qml", "Qt6Quick", "VirtualKeyboard", "Qt6Pdf", "WebEngine", "Qt6Network",
            "qgtk3", "qpdf", "qeglfs", "qvnc", "plugins/tls/", "tkinter")  # fmt: skip
# On Linux, libpq and OpenSSL are the system's (the .deb depends on them).
if sys.platform.startswith("linux"):
    UNWANTED += ("psycopg_binary", "libpq", "libssl", "libcrypto")


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("frozen")
    return freeze(base / "dist", base / "build")


@pytest.fixture(scope="module")
def bundle_files(program: Path) -> list[str]:
    folder = program.parents[2] if sys.platform == "darwin" else program.parent
    return [
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]


def run_frozen(program: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Nothing of this checkout or its virtual environment may help the frozen program.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "NETWISE_"))
    }
    env.update(QT_QPA_PLATFORM="offscreen", NETWISE_DATA_DIR=str(data_dir))
    env["NETWISE_SELF_TEST_PDF"] = str(data_dir.parent / "printed.pdf")
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=180, cwd="/"
    )


def test_self_test_creates_and_upgrades_a_new_database(program: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_frozen(program, data_dir, "--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    # Alembic found its scripts in the bundle: a new file at the newest schema.
    from desktop_app.store.migrate import HEAD_REVISION

    with sqlite3.connect(data_dir / "netwise.sqlite3") as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert revision == (HEAD_REVISION,)
    assert {"contacts", "interactions", "contacts_fts"} <= tables


def test_frozen_program_prints_text_into_a_pdf(program: Path, tmp_path: Path) -> None:
    assert run_frozen(program, tmp_path / "data", "--self-test").returncode == 0
    printed = tmp_path / "printed.pdf"
    assert printed.stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True)
        assert "NetWise self-test" in text.stdout


def test_demo_data_renders_frozen(program: Path, tmp_path: Path) -> None:
    result = run_frozen(program, tmp_path / "data", "--demo", "--self-test")
    assert result.returncode == 0, result.stderr


def test_the_dashboard_draws_its_charts_frozen(program: Path, tmp_path: Path) -> None:
    """The screenshot waits for the dashboard's figures and charts (QtCharts, loaded late)."""
    shot = tmp_path / "dashboard.png"
    args = ("--demo", "--screenshot", str(shot), "--page", "dashboard")
    result = run_frozen(program, tmp_path / "data", *args)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000


def test_frozen_program_reviews_a_network_on_a_postgresql_server(
    program: Path, tmp_path: Path, postgres_url: str
) -> None:
    result = run_frozen(program, tmp_path / "data", "--db", postgres_url, "review")
    assert result.returncode == 0, result.stderr
    assert "Are you networking with the wrong people?" in result.stdout


def test_frozen_window_opens_a_postgresql_database(
    program: Path, tmp_path: Path, postgres_url: str
) -> None:
    """Opened at start-up, a server database is first looked up in the keyring."""
    result = run_frozen(program, tmp_path / "data", "--db", postgres_url, "--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Secret Service is Linux's")
def test_frozen_keyring_has_the_secret_service_backend(program: Path, tmp_path: Path) -> None:
    """The bundle's own keyring, SecretStorage, jeepney and cryptography, imported from it."""
    modules = unpack(program, tmp_path / "modules")
    probe = [sys.executable, "-I", "-S", str(ROOT / "tests/packaging/keyring_probe.py")]
    # A session bus of its own where D-Bus is installed: jeepney really connects to it.
    bus = ["dbus-run-session", "--"] if shutil.which("dbus-run-session") else []
    result = subprocess.run(
        [*bus, *probe, str(modules)], capture_output=True, text=True, timeout=120, cwd="/"
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert all(path.startswith(str(modules)) for path in found["files"].values()), found
    assert "keyring.backends.SecretService.Keyring" in found["known"]
    assert found["round_trip"] == "correct horse"  # AES through the bundled cryptography
    # Usable where a Secret Service runs (a desktop's keyring); on a bare bus it says so.
    priority = found["secret_service_priority"]
    if priority != 5:
        expected = "neither running nor activatable" if bus else "Unable to initialize"
        assert expected in priority
    else:
        assert "keyring.backends.SecretService" in found["usable"]


def test_bundle_keeps_what_netwise_uses(bundle_files: list[str]) -> None:
    names = "\n".join(bundle_files)
    for plugin in PLATFORM_PLUGINS[sys.platform] | {"qsvgicon", "qsvg"}:
        assert f"/{plugin}." in names or f"/lib{plugin}." in names, plugin
    for module in ("QtCharts", "QtSvg", "QtPrintSupport", "QtWidgets"):
        assert f"PySide6/{module}." in names, module  # the Python module
    # keyring finds its backends through its entry points.
    assert re.search(r"/keyring-[^/]+\.dist-info/entry_points\.txt$", names, re.MULTILINE)
    # Files Alembic and importlib.resources read from disk (under _internal/ or in the .app).
    for path in (
        "desktop_app/store/migrations/env.py",
        "desktop_app/store/migrations/script.py.mako",
        "desktop_app/store/migrations/versions/0001_initial_schema.py",
        "desktop_app/resources/app/netwise.svg",
        "desktop_app/resources/icons/contacts.svg",
    ):
        assert any(name.endswith(path) for name in bundle_files), path


def test_bundle_leaves_out_what_netwise_does_not_use(bundle_files: list[str]) -> None:
    found = [name for name in bundle_files if any(part in name for part in UNWANTED)]
    assert not found
    assert not [name for name in bundle_files if name.endswith(".qm")], "no Qt translations"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the size budget is Linux's")
def test_bundle_stays_within_its_size_budget(program: Path, bundle_files: list[str]) -> None:
    size = sum((program.parent / name).stat().st_size for name in bundle_files)
    assert size <= 120e6, f"{size / 1e6:.1f} MB"
    assert len(bundle_files) <= 150
