"""The command line on a PostgreSQL database: ``--db URL`` and ``NETWISE_DB``, and every
refusal in one line, without a traceback or the password, changing nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.postgres_server import PASSWORD, PASSWORD_USER
from tests.unit.processes import lock_held_by_another_process, run_netwise

LINKEDIN = Path(__file__).parents[1] / "data" / "exchange" / "linkedin-2024.csv"
SECRET = "not-the-password-9f3"


def refused_in_one_line(result, data_dir: Path, *secrets: str) -> str:  # type: ignore[no-untyped-def]
    """The one line a refusal prints, checked for what it must never show."""
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    logged = "".join(p.read_text() for p in data_dir.rglob("*.log"))
    for secret in secrets:
        assert secret not in result.stderr and secret not in logged
    return lines[0]


def test_import_review_and_export_on_a_server_database(
    postgres_url: str, tmp_path: Path, data_dir: Path
) -> None:
    imported = run_netwise("--db", postgres_url, "import", "linkedin", str(LINKEDIN))
    assert imported.returncode == 0, imported.stderr
    review = run_netwise("--db", postgres_url, "review")
    assert review.returncode == 0, review.stderr
    assert "Are you networking with the wrong people?" in review.stdout
    export = tmp_path / "all.json"
    by_variable = run_netwise(
        "export", "json", str(export), env={**os.environ, "NETWISE_DB": postgres_url}
    )
    assert by_variable.returncode == 0, by_variable.stderr
    assert "(8 contacts)" in by_variable.stdout
    assert "Αλέξανδρος" in export.read_text(encoding="utf-8")


def test_a_server_database_is_never_refused_as_in_use(postgres_url: str) -> None:
    with lock_held_by_another_process(postgres_url, "window"):  # another window on it
        result = run_netwise("--db", postgres_url, "import", "linkedin", str(LINKEDIN))
    assert result.returncode == 0, result.stderr


def test_a_wrong_password_is_one_line_without_the_password(postgres_server, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    url = postgres_server.url(name, user=PASSWORD_USER, password=SECRET)
    line = refused_in_one_line(run_netwise("--db", url, "review"), data_dir, SECRET)
    assert line.startswith("netwise: The server refused the password for")
    assert f"{PASSWORD_USER}:***@" in line
    good = postgres_server.url(name, user=PASSWORD_USER, password=PASSWORD)
    assert run_netwise("--db", good, "due").returncode == 0
    postgres_server.drop_database(name)


def test_a_missing_database_is_one_line(postgres_server, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_netwise("--db", postgres_server.url("nobody_made_this"), "review")
    line = refused_in_one_line(result, data_dir)
    assert "does not exist on the server" in line and "nobody_made_this" in line


def test_a_server_that_is_not_there_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    url = f"postgresql+psycopg://someone:{SECRET}@/netwise?host={tmp_path}&port=5432"
    line = refused_in_one_line(run_netwise("--db", url, "due"), data_dir, SECRET)
    assert "Cannot reach the database server of" in line


def test_a_newer_schema_on_the_server_is_refused_and_left_as_it_was(
    postgres_url: str, data_dir: Path
) -> None:
    assert run_netwise("--db", postgres_url, "due").returncode == 0  # made at this schema
    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        tables = connection.execute(text("SELECT count(*) FROM pg_tables")).scalar()
    line = refused_in_one_line(run_netwise("--db", postgres_url, "review"), data_dir)
    assert "written by a newer version of NetWise (schema 9999" in line
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999"
        )
        assert connection.execute(text("SELECT count(*) FROM pg_tables")).scalar() == tables
    engine.dispose()


@pytest.mark.parametrize("command", [("review",), ("stats",), ("due",)])
def test_reading_commands_work_on_an_empty_server_database(
    postgres_url: str, command: tuple[str, ...]
) -> None:
    result = run_netwise("--db", postgres_url, *command)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
