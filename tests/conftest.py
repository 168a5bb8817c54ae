"""Every test gets its own data folder and database under tmp_path; Qt runs offscreen."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

# Set before any QApplication exists (pytest-qt creates it lazily).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("NETWISE_DB", None)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect NetWise's data folder (database, logs, ui state) into the test's folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("NETWISE_DATA_DIR", str(folder))
    monkeypatch.delenv("NETWISE_DB", raising=False)
    return folder


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "test.sqlite3"


@pytest.fixture
def database(db_path: Path):  # type: ignore[no-untyped-def]
    from desktop_app.store.database import open_database

    db = open_database(str(db_path))
    yield db
    db.close()


@pytest.fixture
def demo_database(db_path: Path):  # type: ignore[no-untyped-def]
    from desktop_app.store.demo import open_demo_database

    db = open_demo_database(str(db_path))
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _restore_logging():  # type: ignore[no-untyped-def]
    """Tests that set up logging must not leave handlers (and open files) behind."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
