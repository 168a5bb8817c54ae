"""The schema and every migration on the PostgreSQL test server."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from desktop_app.store import migrate
from desktop_app.store.contacts import create_contact
from desktop_app.store.contacts_query import text_matches
from desktop_app.store.database import open_database
from desktop_app.store.reader import DatabaseReader
from desktop_app.store.records import ContactInput


def test_a_new_server_database_gets_every_table_at_the_current_schema(postgres_url: str) -> None:
    db = open_database(postgres_url)
    try:
        with db.engine.connect() as connection:
            state = migrate.read_schema_state(connection)
            tables = set(inspect(connection).get_table_names())
        assert state.revision == migrate.HEAD_REVISION
        assert {"contacts", "tags", "interactions", "contact_scores", "score_totals"} <= tables
    finally:
        db.close()


def test_tag_names_are_unique_whatever_their_case(postgres_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    db = open_database(postgres_url)
    try:
        with db.transaction() as session:
            session.execute(text("INSERT INTO tags (name) VALUES ('Mentor')"))
        with pytest.raises(IntegrityError), db.transaction() as session:
            session.execute(text("INSERT INTO tags (name) VALUES ('mentor')"))
    finally:
        db.close()


def test_every_migration_goes_down_and_up_again_on_a_server(postgres_url: str) -> None:
    from alembic import command

    db = open_database(postgres_url)
    try:
        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        with db.engine.connect() as connection:
            assert migrate.read_schema_state(connection).table_names == {"alembic_version"}
    finally:
        db.close()
    db = open_database(postgres_url)  # upgraded again, revision by revision
    try:
        with db.engine.connect() as connection:
            assert migrate.read_schema_state(connection).is_current
        create_contact(db, ContactInput(first_name="Émile", last_name="Zola"))
        assert len(text_matches(DatabaseReader(db), "emile zo") or ()) == 1
    finally:
        db.close()


def test_demo_data_on_a_server_leaves_room_for_new_rows(postgres_url: str) -> None:
    from desktop_app.store.demo import DemoSize, fill_demo_data

    db = open_database(postgres_url)
    try:
        with db.engine.begin() as connection:
            fill_demo_data(connection, DemoSize(contacts=30, events=3, interactions=60))
        added = create_contact(db, ContactInput(first_name="Grace", last_name="Hopper")).value
        assert added == 31  # after the generated ones, not on top of the first
    finally:
        db.close()
