"""Turning one ordered list of ids into another as runs of rows: what views are told."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.ui.contacts.row_changes import row_changes, runs


def apply(old: list[int], new: list[int]) -> list[int]:
    changes = row_changes(old, new)
    assert changes is not None
    result = list(old)
    for first, last in reversed(changes.removals):
        del result[first : last + 1]
    for first, last in changes.insertions:
        result[first:first] = new[first : last + 1]
    return result


def test_runs_join_consecutive_rows() -> None:
    assert runs([1, 2, 3, 7, 9, 10]) == [(1, 3), (7, 7), (9, 10)]
    assert runs([]) == []


def test_a_delete_and_its_undo() -> None:
    old = [5, 3, 8, 1, 9]
    after = [5, 1, 9]
    changes = row_changes(old, after)
    assert changes is not None
    assert changes.removals == [(1, 2)] and changes.insertions == []
    assert apply(after, old) == old


def test_a_new_order_is_not_rows_coming_and_going() -> None:
    assert row_changes([1, 2, 3], [3, 2, 1]) is None
    assert row_changes([1, 2, 3], [2, 1, 4]) is None


@given(st.lists(st.integers(1, 60), unique=True), st.data())
def test_removals_then_insertions_give_the_new_list(old: list[int], data) -> None:  # type: ignore[no-untyped-def]
    kept = [i for i in old if data.draw(st.booleans())]
    new = list(kept)
    for extra in data.draw(st.lists(st.integers(61, 120), unique=True)):
        new.insert(data.draw(st.integers(0, len(new))), extra)
    assert apply(old, new) == new
