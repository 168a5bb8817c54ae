"""The tests of ``both_databases`` modules that run on SQLite only, each with its reason.

They check SQLite's own machinery (query plans, triggers, the FTS5 index, the file
itself); PostgreSQL reaches the same results another way, which the module's other tests
check on both databases.
"""

from __future__ import annotations

QUERY_PLAN = "reads SQLite's query plan (EXPLAIN QUERY PLAN)"
TRIGGERS = "looks at SQLite's triggers; PostgreSQL rebuilds the aggregates before reading"
# PostgreSQL has no insight triggers yet: it rebuilds the summaries and rescores everyone
# before each read (right, but all the work each time), so it shows no partial work.
INCREMENTAL = "counts the partial work SQLite's triggers allow"
FILE = "reads the SQLite file directly"

SQLITE_ONLY: dict[str, str] = {
    "test_contact_commands.py::test_delete_then_restore_puts_back_every_row": FILE,
    "test_contacts_query.py::test_sorts_are_index_scans_not_sorts": QUERY_PLAN,
    "test_importer.py::test_a_large_import_is_indexed": TRIGGERS,
    "test_importer.py::test_merged_contacts_are_indexed_again": "reads the FTS5 index itself",
    "test_insight_scores.py::test_a_full_rescoring_leaves_the_scores_table_as_it_was_built": (
        TRIGGERS
    ),
    "test_insight_scores.py::test_scores_follow_writes_through_the_queue": INCREMENTAL,
    "test_insight_scores.py::test_a_new_day_rescores_everyone_and_slides_the_window": (INCREMENTAL),
    "test_insight_scores.py::test_score_totals_stay_equal_to_a_sum_of_the_scores": INCREMENTAL,
    **{
        f"test_insight_aggregates.py::{name}": TRIGGERS
        for name in (
            "test_a_logged_interaction_is_summarised_at_once",
            "test_the_pending_run_is_my_outreach_since_their_last_sign_of_life",
            "test_editing_and_deleting_interactions_keep_the_summary_right",
            "test_triggers_agree_with_a_rebuild_after_any_writes",
            "test_monthly_totals_follow_every_write",
            "test_the_value_window_counts_twelve_months_back_to_the_day",
            "test_a_bulk_writer_pauses_the_triggers_and_gets_a_rebuild",
        )
    },
}
