"""The contacts table model alone over a real database file: ids held, rows read a block at
a time as they show, sorted in SQL, and a write repainting only the rows it touched."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop_app.store.contacts import create_contact, delete_contacts, update_contact
from desktop_app.store.contacts_query import ContactFilter
from desktop_app.store.reader import DatabaseReader, Run
from desktop_app.ui.contacts.columns import contact_columns
from desktop_app.ui.contacts.table_model import CONTACT_ID_ROLE, ContactTableModel
from tests.ui.contacts_helpers import PEOPLE, names_in

EVERYONE_SHOWN = ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]  # Dora is archived


class CountingReader(DatabaseReader):
    """The real reader, keeping count of the contact rows it reads for the table's cells."""

    rows_read = 0

    @contextmanager
    def session(self) -> Iterator[Run]:
        with super().session() as run:

            def counting(sql: str, params):  # type: ignore[no-untyped-def]
                found = run(sql, params)
                if sql.startswith("SELECT c.id, c.status,"):
                    self.rows_read += len(found)
                return found

            yield counting


def table_over(reader) -> ContactTableModel:  # type: ignore[no-untyped-def]
    """The model as the page leaves it once shown: the whole list read after the first rows."""
    model = ContactTableModel(contact_columns())
    model.set_reader(reader)
    model.complete()
    return model


def column_of(model: ContactTableModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def test_rows_are_read_a_block_at_a_time_as_they_show(qtmodeltester, demo_database) -> None:
    reader = CountingReader(demo_database)
    model = ContactTableModel(contact_columns())
    model.set_reader(reader)
    assert model.rowCount() == 282  # the 300 demo contacts but the 18 archived
    assert model.total == 300
    assert reader.rows_read == 0  # ids only, until a cell is painted
    assert model.index(0, 0).data()
    assert reader.rows_read == model.BLOCK
    assert model.index(model.BLOCK - 1, 0).data()
    assert reader.rows_read == model.BLOCK  # the same block, already read
    # Past the first rows a quick start reads, cells wait for the whole list.
    assert model.pending and model.index(250, 0).data() is None
    model.complete()
    assert model.index(250, 0).data()
    assert reader.rows_read == model.BLOCK + (282 - 2 * model.BLOCK)  # and the last block
    qtmodeltester.check(model)


def test_the_model_passes_the_model_tester_sorted_filtered_and_refreshed(
    qtmodeltester, network_reader
) -> None:
    model = table_over(network_reader)
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_filter(ContactFilter(text="helix"))
    model.refresh()
    qtmodeltester.check(model)


def test_cells_read_like_labels(network_reader) -> None:
    model = table_over(network_reader)

    def cell(name: str, key: str) -> str:
        return model.index(names_in(model).index(name), column_of(model, key)).data()

    assert cell("Ada Lovelace", "seniority") == "Executive"
    assert cell("Ada Lovelace", "circle") == "New"
    assert cell("Ada Lovelace", "tags") == "climate, mentor"
    assert cell("Bob Builder", "next_followup") == ""
    assert cell("Chen Wei", "last_contact") != ""


def test_sorting_runs_in_the_store_and_the_selected_row_follows(qtbot, network_reader) -> None:
    model = table_over(network_reader)
    assert names_in(model) == EVERYONE_SHOWN
    bob = QPersistentModelIndex(model.index(1, 0))
    with qtbot.waitSignal(model.layoutChanged):
        model.sort(column_of(model, "company"), Qt.SortOrder.DescendingOrder)
    # Solaria Power, Les Editions, Helix Cloud, Acme
    assert names_in(model) == ["Chen Wei", "Emil Zola", "Ada Lovelace", "Bob Builder"]
    assert bob.row() == 3 and bob.data() == "Bob Builder"
    model.sort(column_of(model, "name"), Qt.SortOrder.DescendingOrder)
    assert names_in(model) == EVERYONE_SHOWN[::-1]


def test_an_edit_repaints_its_own_row_and_no_other(
    qtbot, network, database, network_reader
) -> None:
    model = table_over(network_reader)
    title = column_of(model, "title")
    assert model.index(1, title).data() == "Engineer"
    update_contact(database, network["Bob"], replace(PEOPLE["Bob"], title="Site Manager"))
    assert model.index(1, title).data() == "Engineer"  # as read, until told
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.contacts_edited([network["Bob"]])
    assert changed == [(1, 1)]
    assert model.index(1, title).data() == "Site Manager"
    assert model.index(1, 0).data(CONTACT_ID_ROLE) == network["Bob"]


def test_a_contact_added_or_deleted_comes_and_goes_as_one_row(
    qtbot, network, database, network_reader
) -> None:
    model = table_over(network_reader)
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    create_contact(database, replace(PEOPLE["Emil"], first_name="Claire", last_name="Voss"))
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh()
    assert inserted == [(3, 3)]
    assert names_in(model) == [*EVERYONE_SHOWN[:3], "Claire Voss", "Emil Zola"]
    delete_contacts(database, [network["Ada"]])
    with qtbot.waitSignal(model.counts_changed) as counted:
        model.refresh()
    assert removed == [(0, 0)]
    assert names_in(model)[0] == "Bob Builder"
    assert counted.args == [4, 5]  # shown, of every contact (archived Dora too)
