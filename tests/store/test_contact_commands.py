"""Writing contacts: names kept whole, lists and tags replaced, delete undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.store import contacts as commands
from desktop_app.store import contacts_query as q
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.records import ContactInput, InteractionInput, LabelledValue
from tests.store.conftest import TODAY, person

pytestmark = pytest.mark.both_databases


def dump(database) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table that holds contact data, SQLite's search index included
    (PostgreSQL's is an index on the contacts themselves)."""
    tables = [
        "contacts",
        "contact_emails",
        "contact_phones",
        "contact_tags",
        "tags",
        "interactions",
        "event_attendees",
    ]
    sqlite = database.engine.dialect.name == "sqlite"
    if sqlite:
        tables.append("contacts_fts")
    with database.engine.connect() as connection:
        # The search index's rowid is the contact id; other rowids are internal.
        return {
            t: sorted(
                (
                    tuple(row)
                    for row in connection.exec_driver_sql(
                        f"SELECT {'rowid, ' * (t == 'contacts_fts')}* FROM {t}"
                    )
                ),
                key=repr,
            )
            for t in tables
        }


def test_create_keeps_full_name_lists_and_tags(database, reader) -> None:
    contact_id = commands.create_contact(
        database,
        ContactInput(
            first_name=" Grace ",
            middle_name="Brewster",
            last_name="Hopper",
            emails=(LabelledValue("grace@navy.example", "work"), LabelledValue("  ", "home")),
            phones=(LabelledValue("+1 (555) 010-7788", "mobile"),),
            tags=("Navy", "navy", " compilers "),
        ),
    ).value
    detail = read_contact_detail(reader, contact_id)
    assert detail is not None
    assert detail.full_name == "Grace Brewster Hopper"
    assert detail.contact.first_name == "Grace"
    assert detail.contact.emails == (LabelledValue("grace@navy.example", "work"),)
    assert detail.contact.phones == (LabelledValue("+1 (555) 010-7788", "mobile"),)
    assert detail.contact.tags == ("compilers", "Navy")
    assert q.matching_ids(reader, q.ContactFilter(text="compil")) == [contact_id]


def test_update_rewrites_fields_lists_and_tags(database, reader, network) -> None:
    ada = network["Ada"]
    before = read_contact_detail(reader, ada)
    assert before is not None
    changed = ContactInput(
        **{**before.contact.__dict__, "last_name": "King", "tags": ("mentor", "math")},
    )
    commands.update_contact(database, ada, changed)
    after = read_contact_detail(reader, ada)
    assert after is not None
    assert after.full_name == "Ada King"
    assert after.contact.tags == ("math", "mentor")
    assert after.contact.emails == before.contact.emails
    assert q.matching_ids(reader, q.ContactFilter(text="king math")) == [ada]
    assert q.ordered_ids(reader, q.ContactFilter(tag="climate")) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ContactInput(), "needs a name"),
        (person("A", seniority="boss"), "seniority"),
        (person("A", circle="outer"), "circle"),
        (person("A", status="gone"), "status"),
    ],
)
def test_invalid_contacts_are_refused(database, data: ContactInput, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        commands.create_contact(database, data)


def test_update_of_a_deleted_contact_says_so(database, network) -> None:
    commands.delete_contacts(database, [network["bob"]])
    with pytest.raises(InvalidInputError, match="no longer exists"):
        commands.update_contact(database, network["bob"], person("Bob"))


def test_delete_then_restore_puts_back_every_row(database, network) -> None:
    from desktop_app.store.interactions import log_interaction
    from desktop_app.store.models import Event, EventAttendee

    with database.transaction() as session:
        session.add(
            Event(id=7, name="Summit", kind="conference", starts_at=dt.datetime(2025, 1, 5))
        )
        session.flush()
        session.add(EventAttendee(event_id=7, contact_id=network["Ada"], role="met"))
    log_interaction(database, InteractionInput(network["Ada"], TODAY, kind="call", event_id=7))
    before = dump(database)
    snapshot = commands.delete_contacts(database, [network["Ada"], network["Chen"]]).value
    gone = dump(database)
    assert len(gone["contacts"]) == 3
    assert not [r for r in gone["interactions"] if r[2] in (network["Ada"], network["Chen"])]
    assert len(gone.get("contacts_fts", gone["contacts"])) == 3
    commands.restore_contacts(database, snapshot)
    assert dump(database) == before


def test_restore_survives_an_event_deleted_meanwhile(database, reader, network) -> None:
    from desktop_app.store.models import Event, EventAttendee

    with database.transaction() as session:
        session.add(Event(id=3, name="Mixer", kind="social", starts_at=dt.datetime(2025, 2, 1)))
        session.flush()
        session.add(EventAttendee(event_id=3, contact_id=network["bob"], role="met"))
    snapshot = commands.delete_contacts(database, [network["bob"]]).value
    with database.transaction() as session:
        session.delete(session.get(Event, 3))
    commands.restore_contacts(database, snapshot)
    detail = read_contact_detail(reader, network["bob"])
    assert detail is not None
    assert detail.events == ()
    assert detail.contact.tags == ("alumni",)


def test_archive_and_undo(database, reader, network) -> None:
    ids = [network["Ada"], network["Chen"]]
    previous = commands.set_status(database, ids, "archived").value
    assert previous == {network["Ada"]: "active", network["Chen"]: "dormant"}
    assert network["Ada"] not in q.ordered_ids(reader, q.ContactFilter())
    commands.restore_statuses(database, previous)
    statuses = q.fetch_rows(reader, ids, ["name"])
    assert [statuses[i][0] for i in ids] == ["active", "dormant"]


def test_bulk_tag_and_undo(database, reader, network) -> None:
    ids = [network["Ada"], network["bob"], network["Chen"]]
    added = commands.add_tag(database, ids, "Climate").value
    assert added == (network["bob"], network["Chen"])  # Ada had it already
    tagged = q.ordered_ids(reader, q.ContactFilter(tag="climate"))
    assert set(tagged) == set(ids)
    assert set(q.matching_ids(reader, q.ContactFilter(text="climate"))) == set(ids)
    commands.remove_tag(database, added, "Climate")
    assert q.ordered_ids(reader, q.ContactFilter(tag="climate")) == [network["Ada"]]
    with pytest.raises(InvalidInputError):
        commands.add_tag(database, ids, "   ")


def test_renaming_a_tag_updates_search_and_the_tags_column(database, reader, network) -> None:
    from sqlalchemy import text

    with database.transaction() as session:
        session.execute(text("UPDATE tags SET name = 'Climate tech' WHERE name = 'climate'"))
    assert set(q.matching_ids(reader, q.ContactFilter(text="tech", status=q.STATUS_ANY))) == {
        network["Ada"],
        network["Dora"],
    }
    rows = q.fetch_rows(reader, [network["Ada"], network["bob"]], ["tags"])
    assert rows[network["Ada"]][1] == "Climate tech, mentor"
    assert rows[network["bob"]][1] == "alumni"
