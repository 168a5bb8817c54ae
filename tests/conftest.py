"""Every test gets its own data folder and database under tmp_path; Qt runs offscreen."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterator
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


# Test modules (or tests) marked ``both_databases`` run once on SQLite and once on the
# PostgreSQL test server: their ``database`` (and ``database_target``) follow ``backend``.
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or not metafunc.definition.get_closest_marker(
        "both_databases"
    ):
        return
    from tests.sqlite_only import SQLITE_ONLY

    reason = SQLITE_ONLY.get(f"{Path(metafunc.definition.path).name}::{metafunc.function.__name__}")
    backends = [
        pytest.param(name, marks=pytest.mark.skip(reason=f"SQLite only: {reason}"))
        if reason and name != "sqlite"
        else name
        for name in BACKENDS
    ]
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    """The PostgreSQL server of this test run, started on first use.

    Skipped (with the reason) where PostgreSQL is not installed, except under CI (``CI``
    set), where a missing server fails the tests instead of hiding them; a CI job that
    runs them elsewhere says so by ``NETWISE_POSTGRES_TESTS=skip``.
    """
    from tests.postgres_server import PostgresServer, find_binaries

    if os.environ.get("NETWISE_POSTGRES_TESTS") == "skip":
        pytest.skip("NETWISE_POSTGRES_TESTS=skip: the PostgreSQL tests run in another job")
    binaries = find_binaries()
    reason = ""
    if binaries is None:
        reason = "PostgreSQL is not installed (initdb, pg_ctl and postgres not found)"
    elif importlib.util.find_spec("psycopg") is None:
        reason = "psycopg is not installed (pip install 'netwise[postgres]')"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(reason)
    assert binaries is not None
    server = PostgresServer(binaries)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a new, empty database on the test server, dropped after the test."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(scope="session")
def postgres_head_template(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """A database at the current schema, the template of every test's own."""
    from desktop_app.store.database import open_database

    name = postgres_server.create_database()
    open_database(postgres_server.url(name)).close()
    return name


@pytest.fixture
def database_target(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's database lives: a file path, or a URL of a new database (at the
    current schema) on the test server."""
    if backend == "sqlite":
        return str(db_path)
    server = request.getfixturevalue("postgres_server")
    name = server.create_database(request.getfixturevalue("postgres_head_template"))
    request.addfinalizer(lambda: server.drop_database(name))
    return server.url(name)


@pytest.fixture
def database(database_target: str):  # type: ignore[no-untyped-def]
    from desktop_app.store.database import open_database

    db = open_database(database_target)
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
