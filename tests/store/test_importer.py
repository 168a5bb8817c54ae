"""Applying import plans to a real database file: one transaction, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.exchange.google import parse_google
from desktop_app.exchange.linkedin import parse_linkedin
from desktop_app.exchange.plan import MERGE
from desktop_app.exchange.records import ContactRecord, Labelled, ParsedFile
from desktop_app.store.contacts_query import text_matches
from desktop_app.store.importer import apply_import, import_file, prepare_import
from desktop_app.store.models import Contact
from desktop_app.store.reader import DatabaseReader

pytestmark = pytest.mark.both_databases

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def write_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """write_file(name, text or bytes) -> the path of a new file in the test's folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


def scalar(db, sql: str, **params):  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        return connection.execute(text(sql), params).scalar()


def counts(db) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    tables = ("contacts", "contact_emails", "contact_phones", "tags", "contact_tags")
    return tuple(scalar(db, f"SELECT count(*) FROM {t}") for t in tables)


def search(db, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The names the contacts search finds for ``words`` (each as a word prefix), by id."""
    found = text_matches(DatabaseReader(db), words) or set()
    with db.engine.connect() as connection:
        names = dict(connection.execute(text("SELECT id, full_name FROM contacts")).all())
    return [names[i] for i in sorted(found)]


def test_linkedin_import_creates_contacts_that_search_finds(database) -> None:  # type: ignore[no-untyped-def]
    preview, result = import_file(database, parse_linkedin(DATA / "linkedin-2024.csv"))
    assert len(result.created) == 8 and result.merged == []
    assert scalar(database, "SELECT count(*) FROM contacts") == 8
    assert search(database, '"Παπαδόπουλος"') == ["Αλέξανδρος Παπαδόπουλος"]
    assert search(database, '"widgets"') == ["Zoë 🚀 O'Brien"]
    assert (
        scalar(database, "SELECT address FROM contact_emails WHERE address LIKE 'ann%'")
        == "ann.smith@acme.example"
    )
    assert scalar(database, "SELECT how_met FROM contacts WHERE last_name = 'Петров'") == (
        "LinkedIn, connected 2017-11-30"
    )
    # The similar name at the same company was suggested, not merged.
    assert [i.record.name() for i in preview.plan.suggested()] == ["John Smith"]


def test_reimport_of_a_newer_export_reports_job_changes_and_new_connections(
    database, write_file
) -> None:  # type: ignore[no-untyped-def]
    first = write_file(
        "old.csv",
        HEADER + "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,Engineer,1 Jan 2020\n"
        "Bob,Ray,https://www.linkedin.com/in/bob-ray,,Beta,CTO,1 Jan 2020\n",
    )
    import_file(database, parse_linkedin(first))
    database_id = scalar(database, "SELECT id FROM contacts WHERE first_name = 'Ann'")
    newer = write_file(
        "new.csv",
        "Notes:\n\n"
        + HEADER
        + "Ann,Lee,https://de.linkedin.com/in/Ann-Lee/,,Gamma GmbH,Head of Engineering,1 Jan 2020\n"
        "Bob,Ray,https://www.linkedin.com/in/bob-ray,,Beta,CTO,1 Jan 2020\n"
        "Cy,Doe,https://www.linkedin.com/in/cy-doe,,Delta,CEO,2 Feb 2025\n",
    )
    preview, result = import_file(database, parse_linkedin(newer))
    changes = preview.changes[0]
    assert changes.job_change
    assert {c.field: (c.old, c.new) for c in changes.fields} == {
        "company": ("Acme", "Gamma GmbH"),
        "title": ("Engineer", "Head of Engineering"),
        "linkedin_url": (
            "https://www.linkedin.com/in/ann-lee",
            "https://de.linkedin.com/in/Ann-Lee/",
        ),
    }
    (change,) = result.job_changes
    assert (change.contact_id, change.old_company, change.new_company) == (
        database_id,
        "Acme",
        "Gamma GmbH",
    )
    assert [name for _, name in result.created] == ["Cy Doe"]
    assert result.merged == [database_id] and result.unchanged == 1
    assert scalar(database, "SELECT count(*) FROM contacts") == 3
    assert search(database, '"gamma"') == ["Ann Lee"]  # the index follows the update


def test_the_preview_choices_are_applied(database, write_file) -> None:  # type: ignore[no-untyped-def]
    import_file(
        database,
        parse_linkedin(write_file("a.csv", HEADER + "John,Smith,,,Acme,Designer,1 Jan 2020\n")),
    )
    parsed = parse_linkedin(
        write_file(
            "b.csv",
            HEADER + "Jon,Smith,,jon@acme.example,ACME,Designer,1 Jan 2021\n"
            "Mallory,Eve,,,Spam,Spammer,1 Jan 2021\n",
        )
    )
    preview = prepare_import(database, parsed)
    jon, mallory = preview.plan.items
    (suggestion,) = jon.suggestions
    assert preview.contact_labels[suggestion.contact_id] == "John Smith (Acme)"
    jon.merge_into(suggestion)
    mallory.skip()
    result = apply_import(database, preview.plan)
    assert result.merged == [suggestion.contact_id] and result.created == [] and result.skipped == 1
    assert scalar(database, "SELECT count(*) FROM contacts") == 1
    assert scalar(database, "SELECT address FROM contact_emails") == "jon@acme.example"


def test_only_accepted_fields_of_a_merge_are_written(database, write_file) -> None:  # type: ignore[no-untyped-def]
    url = "https://www.linkedin.com/in/ann-lee"
    import_file(
        database, parse_linkedin(write_file("a.csv", HEADER + f"Ann,Lee,{url},,Acme,Eng,\n"))
    )
    preview = prepare_import(
        database, parse_linkedin(write_file("b.csv", HEADER + f"Ann,Lee,{url},,Beta,CTO,\n"))
    )
    (item,) = preview.plan.items
    assert item.action == MERGE
    item.accepted = frozenset({"title"})
    apply_import(database, preview.plan)
    assert scalar(database, "SELECT company || '/' || title FROM contacts") == "Acme/CTO"


def test_duplicates_within_the_file_become_one_contact(database) -> None:  # type: ignore[no-untyped-def]
    records = [
        ContactRecord(
            first_name="Ann", last_name="Lee", emails=[Labelled("ann@x.example")], tags=["Mentor"]
        ),
        ContactRecord(
            first_name="Ann",
            last_name="Lee",
            company="Acme",
            emails=[Labelled("ANN@x.example"), Labelled("ann@acme.example")],
            tags=["mentor", "Berlin"],
        ),
    ]
    _, result = import_file(database, ParsedFile("x.vcf", "vcard", "UTF-8", records))
    assert len(result.created) == 1
    assert counts(database) == (1, 2, 0, 2, 2)
    assert scalar(database, "SELECT company FROM contacts") == "Acme"


def test_tags_are_reused_without_regard_to_case(database) -> None:  # type: ignore[no-untyped-def]
    import_file(database, parse_google(DATA / "google-contacts.csv"))
    again = [ContactRecord(first_name="New", tags=["MENTORS", "conference", "Fresh"])]
    import_file(database, ParsedFile("x.vcf", "vcard", "UTF-8", again))
    assert scalar(database, "SELECT count(*) FROM tags") == 3
    assert search(database, '"fresh"') == ["New"]
    assert search(database, '"mentors"') == ["Grace M. Hopper", "New"]


class CancelledError(Exception):
    pass


@pytest.mark.parametrize("size", [10, 1500])  # the row-by-row and the bulk index paths
def test_a_cancelled_import_writes_nothing(demo_database, size: int) -> None:  # type: ignore[no-untyped-def]
    before = counts(demo_database)
    records = [
        ContactRecord(
            first_name=f"Person{n}",
            last_name="Test",
            company="Acme",
            emails=[Labelled(f"p{n}@acme.example")],
            tags=["imported"],
        )
        for n in range(size)
    ]
    preview = prepare_import(demo_database, ParsedFile("x.vcf", "vcard", "UTF-8", records))
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done >= total:
            raise CancelledError

    with pytest.raises(CancelledError):
        apply_import(demo_database, preview.plan, progress=progress)
    assert counts(demo_database) == before
    assert search(demo_database, '"person0"') == []
    # The full-text trigger is back: a contact added later is still indexed.
    with demo_database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO contacts (first_name, middle_name, last_name, full_name, title,"
                " company, industry, location, linkedin_url, circle, how_met, shared_interests,"
                " can_help_with, i_can_offer, notes, status, created_at, updated_at)"
                " VALUES ('Late', '', 'Comer', 'Late Comer', '', '', '', '', '', 'familiar',"
                " '', '', '', '', '', 'active', '2024-01-01', '2024-01-01')"
            )
        )
    assert search(demo_database, '"late"') == ["Late Comer"]
    assert calls[0] == 0


def test_a_large_import_is_indexed(database) -> None:  # type: ignore[no-untyped-def]
    records = [
        ContactRecord(
            first_name=f"Bulk{n}",
            last_name="Person",
            company=f"Co{n % 7}",
            tags=["big"] if n % 2 else [],
        )
        for n in range(1200)
    ]
    _, result = import_file(database, ParsedFile("x.vcf", "vcard", "UTF-8", records))
    assert len(result.created) == 1200
    assert search(database, '"bulk1199"') == ["Bulk1199 Person"]
    assert len(search(database, '"big"')) == 600
    assert (
        scalar(database, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts_insert'")
        == 1
    )


@pytest.mark.parametrize("size", [10, 1200])  # queued by the trigger, and in one statement
def test_every_new_contact_is_queued_for_scoring(demo_database, size: int) -> None:  # type: ignore[no-untyped-def]
    with demo_database.transaction() as session:
        session.execute(text("DELETE FROM contact_score_queue"))
    records = [ContactRecord(first_name=f"Queued{n}", last_name="Person") for n in range(size)]
    _, result = import_file(demo_database, ParsedFile("x.vcf", "vcard", "UTF-8", records))
    queued = scalar(demo_database, "SELECT group_concat(contact_id) FROM contact_score_queue")
    assert sorted(int(i) for i in queued.split(",")) == [i for i, _ in result.created]
    assert scalar(demo_database, "SELECT paused FROM insight_state") == 0
    # The triggers are on again: a contact edited or added afterwards is queued as before.
    with demo_database.transaction() as session:
        session.execute(text("DELETE FROM contact_score_queue"))
        session.execute(text("UPDATE contacts SET company = 'Elsewhere' WHERE id = 1"))
        session.add(Contact(full_name="Late Comer"))
    queued = scalar(demo_database, "SELECT group_concat(contact_id) FROM contact_score_queue")
    late = scalar(demo_database, "SELECT id FROM contacts WHERE full_name = 'Late Comer'")
    assert sorted(int(i) for i in queued.split(",")) == [1, late]


@pytest.mark.parametrize("size", [10, 1200])  # one statement, or COPY on PostgreSQL
def test_imported_contacts_are_queued_for_scoring_on_either_database(database, size: int) -> None:  # type: ignore[no-untyped-def]
    records = [ContactRecord(first_name=f"Queued{n}", last_name="Person") for n in range(size)]
    _, result = import_file(database, ParsedFile("x.vcf", "vcard", "UTF-8", records))
    with database.engine.connect() as connection:
        queue = "SELECT contact_id FROM contact_score_queue ORDER BY contact_id"
        queued = list(connection.execute(text(queue)).scalars())
        created = connection.execute(text("SELECT min(created_at) FROM contacts")).scalar()
    assert queued == [i for i, _ in result.created]
    assert str(created).startswith(str(dt.date.today().year))  # the time stamps went in


def fts_rows(db) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    with db.engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text("SELECT rowid, full_name, title, company, tags FROM contacts_fts ORDER BY 1")
            )
        ]


@pytest.mark.parametrize("size", [10, 120])  # by the update trigger, and all at once
def test_merged_contacts_are_indexed_again(database, size: int) -> None:  # type: ignore[no-untyped-def]
    def people(company: str, tags: list[str]) -> ParsedFile:
        records = [
            ContactRecord(
                first_name=f"Merged{n}",
                last_name="Person",
                company=company,
                title=f"{company} engineer",
                linkedin_url=f"https://www.linkedin.com/in/merged-{n}",
                tags=tags,
            )
            for n in range(size)
        ]
        return ParsedFile("x.csv", "linkedin", "UTF-8", records)

    import_file(database, people("Oldcorp", ["alumni"]))
    _, result = import_file(database, people("Newcorp", ["mentor"]))
    assert len(result.merged) == size and len(result.job_changes) == size
    assert search(database, '"oldcorp"') == []
    assert len(search(database, '"newcorp" "mentor" "alumni"')) == size
    with database.transaction() as session:
        session.execute(text("INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')"))
        ids = session.execute(text("SELECT id FROM contacts ORDER BY id")).scalars().all()
    expected = [
        (i, f"Merged{n} Person", "Newcorp engineer", "Newcorp", "alumni mentor")
        for n, i in enumerate(ids)
    ]
    assert fts_rows(database) == expected
    # The update trigger is back: an edit afterwards is indexed.
    with database.transaction() as session:
        session.execute(
            text("UPDATE contacts SET company = 'Latecorp' WHERE id = :id"), {"id": ids[0]}
        )
    assert search(database, '"latecorp"') == ["Merged0 Person"]


def test_a_cancelled_bulk_import_leaves_the_scoring_triggers(demo_database) -> None:  # type: ignore[no-untyped-def]
    triggers = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'trigger'"
    before = scalar(demo_database, triggers)
    records = [ContactRecord(first_name=f"Gone{n}", last_name="Person") for n in range(1200)]
    preview = prepare_import(demo_database, ParsedFile("x.vcf", "vcard", "UTF-8", records))

    def cancel(done: int, total: int) -> None:
        if done >= total:
            raise CancelledError

    with pytest.raises(CancelledError):
        apply_import(demo_database, preview.plan, progress=cancel)
    assert scalar(demo_database, triggers) == before
    assert "contacts_insights_insert" in before
    assert scalar(demo_database, "SELECT paused FROM insight_state") == 0
