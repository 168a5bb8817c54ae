"""``netwise import linkedin`` on LinkedIn's data export: the ZIP, its folder, one CSV of it.

Real processes on real files the tests write; the database is read back with sqlite3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from tests.exchange.linkedin_export import (
    CONNECTIONS,
    EXPORT,
    MESSAGES_HEADER,
    me_to,
    to_me,
    write_folder,
    write_zip,
)
from tests.unit.processes import run_netwise

QUINN = "https://www.linkedin.com/in/quinn-hale"
ZOE = "https://www.linkedin.com/in/zoe-park"
ARCHIVE_NAME = "Basic_LinkedInDataExport_06-30-2026.zip"


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def interactions(db: Path) -> list[tuple]:  # type: ignore[type-arg]
    return rows(
        db,
        "SELECT c.full_name, i.occurred_on, i.kind, i.initiated_by, i.reply_status, i.notes "
        "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
        "ORDER BY c.full_name, i.occurred_on, i.initiated_by",
    )


def interactions_sha(db: Path) -> str:
    every = rows(db, "SELECT * FROM interactions ORDER BY id")
    return hashlib.sha256(repr(every).encode()).hexdigest()


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def netwise_import(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_netwise("--db", str(db), "import", "linkedin", *args)


def days_ago(days: int, hour: int = 9) -> str:
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    return f"{moment:%Y-%m-%d} {hour:02d}:00:00"


def recent_export(*, answered: bool) -> dict[str, str]:
    """Zoe, a connection, written to three days ago; Quinn ignored two messages long ago."""
    messages = (
        MESSAGES_HEADER
        + me_to("3-zoe", "Zoe Park", ZOE, days_ago(3), "Coffee next week?")
        + me_to("3-quinn", "Quinn Hale", QUINN, days_ago(150), "Hello Quinn")
        + me_to("3-quinn", "Quinn Hale", QUINN, days_ago(120), "Following up")
    )
    if answered:
        messages += to_me("3-zoe", "Zoe Park", ZOE, days_ago(1), "Gladly, Tuesday?")
    connections = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Zoe,Park,{ZOE},,Acme,Engineer,02 Mar 2026\n"
        f"Quinn,Hale,{QUINN},,Orbit,Director,02 Mar 2025\n"
    )
    return {"messages.csv": messages, "Connections.csv": connections}


def test_archive_zip_becomes_contacts_and_interactions_once(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    archive = write_zip(tmp_path / ARCHIVE_NAME, EXPORT)
    first = netwise_import(db, str(archive))
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "the archive is Alex Morgan's (from Profile.csv)" in out
    assert "22 messages → 12 interactions with 6 people; 2 replied, 4 unanswered" in out
    assert "8 skipped: " in out and "3 sponsored or marketing" in out and "1 spam" in out
    assert "1 sent and never accepted" in out
    assert "Not contacts (4, skipped; --create-strangers adds them):" in out
    assert "Added 7 interactions with 3 contacts" in out
    assert rows(db, "SELECT count(*) FROM contacts") == [(3,)]
    ann = [r for r in interactions(db) if r[0] == "Ann Lee, PhD"]
    assert [r[1:5] for r in ann] == [
        ("2026-03-01", "outreach", "me", "replied"),
        ("2026-04-01", "outreach", "me", "unanswered"),
        ("2026-04-20", "outreach", "me", "unanswered"),
        ("2026-05-10", "outreach", "them", "none"),
    ]
    assert all(r[5] == "" for r in interactions(db))  # no text unless asked
    # The invitation I sent Ben dates our first contact.
    assert ("Ben Okafor", "2025-12-20", "outreach", "me", "none", "") in interactions(db)
    before = interactions_sha(db)

    again = netwise_import(db, str(archive))
    assert again.returncode == 0, again.stderr
    assert "Added 0 interactions with 0 contacts; 7 already imported" in again.stdout
    assert "Connections: 2 contacts already as the export has them" in again.stdout
    assert rows(db, "SELECT count(*) FROM contacts") == [(3,)]
    assert interactions_sha(db) == before


def test_unzipped_folder_and_one_messages_csv_give_the_same_interactions(tmp_path: Path) -> None:
    from_zip, from_folder, from_csv = (tmp_path / f"{n}.sqlite3" for n in ("z", "f", "c"))
    assert netwise_import(from_zip, str(write_zip(tmp_path / ARCHIVE_NAME, EXPORT))).returncode == 0
    folder = write_folder(tmp_path / "Basic_LinkedInDataExport_06-30-2026", EXPORT)
    assert netwise_import(from_folder, str(folder)).returncode == 0
    assert interactions(from_folder) == interactions(from_zip)

    # Connections first, then the messages alone (renamed: the header tells what it is).
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS, encoding="utf-8")
    assert netwise_import(from_csv, str(connections)).returncode == 0
    messages = tmp_path / "my messages.csv"
    messages.write_text(EXPORT["messages.csv"], encoding="utf-8")
    alone = netwise_import(from_csv, str(messages))
    assert alone.returncode == 0, alone.stderr
    assert "the archive is Alex Morgan's (from the messages)" in alone.stdout
    without_invitations = [r for r in interactions(from_zip) if r[1] not in ("2025-12-20",)]
    assert interactions(from_csv) == without_invitations


def test_a_newer_archive_turns_awaiting_into_replied(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    older = write_zip(tmp_path / "older.zip", recent_export(answered=False))
    assert netwise_import(db, str(older)).returncode == 0
    zoe = "SELECT i.reply_status FROM interactions i JOIN contacts c ON c.id = i.contact_id "
    zoe += "WHERE c.full_name = 'Zoe Park'"
    assert rows(db, zoe) == [("awaiting",)]

    newer = write_zip(tmp_path / "newer.zip", recent_export(answered=True))
    result = netwise_import(db, str(newer))
    assert result.returncode == 0, result.stderr
    assert "1 earlier outreach now replied or overdue" in result.stdout
    assert rows(db, zoe) == [("replied",)]
    assert rows(db, "SELECT count(*) FROM interactions") == [(3,)]


def test_review_names_who_ignores_you_from_the_messages_alone(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    archive = write_zip(tmp_path / "a.zip", recent_export(answered=True))
    assert netwise_import(db, str(archive)).returncode == 0
    review = run_netwise("--db", str(db), "review")
    assert review.returncode == 0, review.stderr
    assert "Quinn Hale" in review.stdout
    assert "Zoe Park" not in review.stdout


def test_strangers_are_skipped_unless_asked_for(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    archive = write_zip(tmp_path / ARCHIVE_NAME, EXPORT)
    skipped = netwise_import(db, str(archive))
    assert "4 strangers skipped" in skipped.stdout
    names = "SELECT full_name FROM contacts ORDER BY full_name"
    assert rows(db, names) == [("Ann Lee, PhD",), ("Ben Okafor",), ("Dan Wu",)]

    created = netwise_import(db, str(archive), "--create-strangers", "--keep-text")
    assert created.returncode == 0, created.stderr
    assert "Not contacts (4, to create):" in created.stdout
    assert "4 strangers created" in created.stdout
    assert [n for (n,) in rows(db, names)] == [
        "Ann Lee, PhD",
        "Ben Okafor",
        "Cleo Dubois",
        "Dan Wu",
        "Eve Nakamura",
        "Finn O'Connor",
        "Ivy Chen",
    ]
    eve = [r for r in interactions(db) if r[0] == "Eve Nakamura"]
    assert [r[3:5] for r in eve] == [("me", "none"), ("them", "none")]  # a group: no reply due
    assert eve[1][5] == "Eve Nakamura: On it"  # text kept when asked
    # Those imported before keep theirs as they were: no text.
    assert all(r[5] == "" for r in interactions(db) if r[0] == "Ann Lee, PhD")


def test_bad_archive_is_refused_and_the_database_is_byte_identical(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    assert netwise_import(db, str(write_zip(tmp_path / ARCHIVE_NAME, EXPORT))).returncode == 0
    before = file_sha(db)
    future = dict(EXPORT)
    future["messages.csv"] = MESSAGES_HEADER + me_to(
        "9-x", "Ann Lee, PhD", "x", "2099-01-01 09:00:00"
    )
    bad = netwise_import(db, str(write_zip(tmp_path / "future.zip", future)))
    assert bad.returncode == 1
    assert "future.zip" in bad.stderr and "messages.csv" in bad.stderr and "line 2" in bad.stderr
    assert "in the future" in bad.stderr and "Nothing was imported." in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert file_sha(db) == before

    dry = netwise_import(
        db, str(write_zip(tmp_path / "r.zip", recent_export(answered=True))), "--dry-run"
    )
    assert dry.returncode == 0, dry.stderr
    assert "Dry run: nothing was written." in dry.stdout
    assert file_sha(db) == before


def test_json_export_carries_the_source_keys_and_restores_them_exactly(tmp_path: Path) -> None:
    db, copy = tmp_path / "mine.sqlite3", tmp_path / "copy.sqlite3"
    assert netwise_import(db, str(write_zip(tmp_path / ARCHIVE_NAME, EXPORT))).returncode == 0
    exported = run_netwise("--db", str(db), "export", "json", str(tmp_path / "all.json"))
    assert exported.returncode == 0, exported.stderr
    assert '"source_key": "linkedin:' in (tmp_path / "all.json").read_text(encoding="utf-8")
    restored = run_netwise("--db", str(copy), "import", "json", str(tmp_path / "all.json"))
    assert restored.returncode == 0, restored.stderr
    assert interactions_sha(copy) == interactions_sha(db)
    again = netwise_import(copy, str(tmp_path / ARCHIVE_NAME))
    assert "Added 0 interactions with 0 contacts; 7 already imported" in again.stdout


def test_the_insight_aggregates_match_a_rebuild_after_a_large_import(tmp_path: Path) -> None:
    from desktop_app.store.database import open_database
    from desktop_app.store.summaries import rebuild_contact_summaries
    from tests.bench.linkedin_archive_files import archive_files, write_archive
    from tests.store.insight_helpers import snapshot

    db_path = tmp_path / "mine.sqlite3"
    archive = write_archive(tmp_path / "big.zip", archive_files(300, 6_000, 1_200))
    result = netwise_import(db_path, str(archive))
    assert result.returncode == 0, result.stderr
    added = rows(db_path, "SELECT count(*) FROM interactions")[0][0]
    assert added >= 2_000  # many rows: written with the triggers paused, then rebuilt
    db = open_database(str(db_path))
    try:
        with db.transaction() as session:
            connection = session.connection()
            imported = snapshot(connection)
            rebuild_contact_summaries(connection)
            assert snapshot(connection) == imported
            session.rollback()
    finally:
        db.close()
    stale = rows(
        db_path,
        "SELECT count(*) FROM contacts c WHERE c.last_interaction_on IS NOT "
        "(SELECT max(occurred_on) FROM interactions i WHERE i.contact_id = c.id)",
    )
    assert stale == [(0,)]
