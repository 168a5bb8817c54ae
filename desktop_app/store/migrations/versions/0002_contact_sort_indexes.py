"""Indexes that let the contacts table sort by any of its columns without a full sort.

At 100,000 contacts a sort without an index reads the whole table and sorts it in a
temporary tree (a quarter of a second and more); with these indexes each sort is a scan of
one index. Names compare case-insensitively; ties fall back to the name, then the id.
Tags get a column of their own, ``contacts.tags_text``, kept by triggers, to sort on.
The search index's tag-rename trigger, which failed on every rename, is replaced.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from desktop_app.store import search_pg
from desktop_app.store.fulltext import (
    create_contact_search,
    drop_contact_search,
    rebuild_contact_search,
    repair_tag_rename_trigger,
)
from desktop_app.store.tag_text import (
    create_tag_text_triggers,
    drop_tag_text_triggers,
    refresh_tags_text,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SENIORITY_RANK = (
    "(CASE seniority WHEN 'junior' THEN 1 WHEN 'peer' THEN 2 "
    "WHEN 'senior' THEN 3 WHEN 'executive' THEN 4 END)"
)


def _indexes(nocase, first=str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """``first`` puts NULL first where the database would not (SQLite does already)."""
    name = first(nocase("full_name"))
    return {
        "ix_contacts_name_sort": name,
        "ix_contacts_title_sort": f"{first(nocase('title'))}, {name}",
        "ix_contacts_company_sort": f"{first(nocase('company'))}, {name}",
        "ix_contacts_industry_sort": f"{first(nocase('industry'))}, {name}",
        "ix_contacts_seniority_sort": f"{first(SENIORITY_RANK)}, {name}",
        "ix_contacts_circle_sort": f"{first('circle')}, {name}",
        # Untagged contacts sort last both ways: NULLs where PostgreSQL puts them anyway.
        "ix_contacts_tags_sort": f"{nocase('tags_text')}, {name}",
    }


def upgrade() -> None:
    op.add_column("contacts", sa.Column("tags_text", sa.Text(), nullable=True))
    refresh_tags_text(op.get_bind())
    create_tag_text_triggers(op.get_bind())
    repair_tag_rename_trigger(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        indexes = _indexes(lambda column: f"{column} COLLATE NOCASE")
    else:
        # The contacts table sorts NULL first (as SQLite does): so do the indexes, or
        # PostgreSQL could not read them in that order and would sort every contact.
        indexes = _indexes(lambda column: f"lower({column})", lambda term: f"{term} NULLS FIRST")
    for index, columns in indexes.items():
        op.execute(f"CREATE INDEX {index} ON contacts ({columns})")
    if op.get_bind().dialect.name != "sqlite":
        search_pg.create_search(op.get_bind())  # it searches tags_text too


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        search_pg.drop_search(op.get_bind())
    for index in _indexes(str):
        op.execute(f"DROP INDEX {index}")
    drop_tag_text_triggers(op.get_bind())
    # Copying the table (batch mode) would drop the search index's triggers on it.
    drop_contact_search(op.get_bind())
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("tags_text")
    create_contact_search(op.get_bind())
    rebuild_contact_search(op.get_bind())
