"""``netwise copy-database``: SQLite to PostgreSQL and back, into an empty target only."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from tests.unit.processes import run_netwise

LINKEDIN = Path(__file__).parents[1] / "data" / "exchange" / "linkedin-2024.csv"


def exported(target: str, tmp_path: Path, name: str) -> dict:  # type: ignore[type-arg]
    import json

    path = tmp_path / f"{name}.json"
    result = run_netwise("--db", target, "export", "json", str(path))
    assert result.returncode == 0, result.stderr
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at", None)
    return document


def test_a_network_goes_to_a_server_and_back_unchanged(
    demo_database, db_path: Path, postgres_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    demo_database.close()
    there = run_netwise("copy-database", str(db_path), postgres_url)
    assert there.returncode == 0, there.stderr
    assert "Copied 300 contacts" in there.stdout
    assert "Verified: every table has the same rows, and the exports match." in there.stdout
    # Vacuumed and analysed at once, so the sorts read their indexes from the first minute.
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        visible, rows = connection.execute(
            text("SELECT relallvisible, reltuples FROM pg_class WHERE relname = 'contacts'")
        ).one()
    engine.dispose()
    assert visible > 0 and rows == 300
    back_path = tmp_path / "back.sqlite3"
    back = run_netwise("copy-database", postgres_url, str(back_path))
    assert back.returncode == 0, back.stderr
    original = exported(str(db_path), tmp_path, "original")
    assert exported(postgres_url, tmp_path, "server") == original
    assert exported(str(back_path), tmp_path, "back") == original
    # The same network tells the same on both databases, word for word.
    for command in (("review", "--json"), ("stats", "--json"), ("due", "--json")):
        on_file = run_netwise("--db", str(db_path), *command)
        on_server = run_netwise("--db", postgres_url, *command)
        assert on_file.returncode == on_server.returncode == 0, on_server.stderr
        assert on_server.stdout == on_file.stdout, command
    for kind in ("csv", "vcard"):
        paths = [tmp_path / f"{where}.{kind}" for where in ("file", "server")]
        for target, path in zip((str(db_path), postgres_url), paths, strict=True):
            assert run_netwise("--db", target, "export", kind, str(path)).returncode == 0
        assert paths[0].read_bytes() == paths[1].read_bytes(), kind
    # New rows on the server get new ids after the copied ones.
    added = run_netwise("--db", postgres_url, "import", "linkedin", str(LINKEDIN))
    assert added.returncode == 0, added.stderr


def test_a_target_with_data_is_refused_and_left_as_it_was(
    demo_database, db_path: Path, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    demo_database.close()
    assert run_netwise("--db", postgres_url, "import", "linkedin", str(LINKEDIN)).returncode == 0
    result = run_netwise("copy-database", str(db_path), postgres_url)
    assert result.returncode == 1 and result.stdout == ""
    assert "already holds data" in result.stderr and "Nothing was written." in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts")).scalar() == 8
    engine.dispose()


def test_a_missing_source_is_one_line(tmp_path: Path, postgres_url: str) -> None:
    result = run_netwise("copy-database", str(tmp_path / "none.sqlite3"), postgres_url)
    assert result.returncode == 1
    assert result.stderr.startswith("netwise: There is no NetWise database at")
    assert not (tmp_path / "none.sqlite3").exists()
