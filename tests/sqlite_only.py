"""The tests of ``both_databases`` modules that run on SQLite only, each with its reason.

They check SQLite's own machinery (query plans, triggers, the FTS5 index); PostgreSQL
reaches the same results another way, which the module's other tests check on both
databases. Modules about the SQLite file itself (backups, damage, the read-only start-up
reader, opening files) are not marked ``both_databases`` at all.
"""

from __future__ import annotations

QUERY_PLAN = "reads SQLite's query plan (EXPLAIN QUERY PLAN)"
TRIGGERS = "looks at SQLite's own triggers (PostgreSQL's are PL/pgSQL functions)"

SQLITE_ONLY: dict[str, str] = {
    "test_contacts_query.py::test_sorts_are_index_scans_not_sorts": QUERY_PLAN,
    "test_importer.py::test_a_large_import_is_indexed": TRIGGERS,
    "test_importer.py::test_merged_contacts_are_indexed_again": "reads the FTS5 index itself",
    "test_insight_scores.py::test_a_full_rescoring_leaves_the_scores_table_as_it_was_built": (
        TRIGGERS
    ),
}
