"""The headless commands on a damaged database: one message, no answer, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.damaged_files import fingerprint, netwise_database, scribble_in_the_middle, zero_a_page
from tests.unit.processes import run_netwise

LINKEDIN = Path(__file__).resolve().parents[1] / "data" / "exchange" / "linkedin-2024.csv"
DAMAGES: dict[str, Callable[[Path], Path]] = {
    "zeroed page": zero_a_page,
    "random bytes": scribble_in_the_middle,
}
COMMANDS: dict[str, tuple[str, ...]] = {
    "review": ("review",),
    "stats": ("stats", "--json"),
    "import linkedin": ("import", "linkedin", str(LINKEDIN)),
    "export json": ("export", "json", "{out}/everything.json"),
    "print": ("print", "contacts", "--ids", "1,2", "--pdf", "{out}/people.pdf"),
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_command_on_a_damaged_database_says_so_and_writes_nothing(
    damage: Callable[[Path], Path], command: tuple[str, ...], db_path: Path, tmp_path: Path
) -> None:
    damage(netwise_database(db_path))
    before = fingerprint(db_path)
    out = tmp_path / "out"
    out.mkdir()
    result = run_netwise("--db", str(db_path), *(part.format(out=out) for part in command))
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("netwise: “") and "is damaged" in lines[0]
    assert "File → Restore…" in lines[0]
    assert result.stdout == ""
    assert fingerprint(db_path) == before
    assert list(out.iterdir()) == []
    assert not (db_path.parent / "backups").exists()


def test_a_lost_version_row_is_written_again_and_the_command_answers(db_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    from desktop_app.store.migrate import HEAD_REVISION

    netwise_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    result = run_netwise("--db", str(db_path), "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "version row was missing or wrong" in result.stderr
    assert result.stdout.startswith("{")
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
    assert len(list((db_path.parent / "backups").glob("*.sqlite3"))) == 1
