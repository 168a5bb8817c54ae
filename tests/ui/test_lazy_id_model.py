"""The lazy id-keyed table model on its own, without a window: rows are read a block at a
time as they show, and a new order, an edit or a removal keeps the selection where it was."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex

from desktop_app.ui.common.id_table_model import Column, IdTableModel
from desktop_app.ui.common.lazy_id_model import LazyIdTableModel
from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE

ROWS = 1000


class Store:
    """Rows as the store hands them out, counting the reads."""

    def __init__(self) -> None:
        self.names = {i: f"Event {i:04d}" for i in range(1, ROWS + 1)}
        self.reads: list[list[int]] = []

    def fetch(self, ids):  # type: ignore[no-untyped-def]
        self.reads.append(list(ids))
        return {i: self.names[i] for i in ids if i in self.names}


def model_of(store: Store) -> IdTableModel[str]:
    columns = [
        Column("name", "Name", lambda name: name),
        Column("number", "Number", lambda name: name[-4:], raw=lambda name: int(name[-4:])),
    ]
    model = IdTableModel(columns, store.fetch)
    model.set_ids(range(1, ROWS + 1))
    return model


def test_both_tables_build_on_the_one_lazy_model() -> None:
    from desktop_app.ui.contacts.table_model import ContactTableModel

    assert issubclass(IdTableModel, LazyIdTableModel)
    assert issubclass(ContactTableModel, LazyIdTableModel)


def test_the_model_is_a_well_behaved_qt_model(qtmodeltester) -> None:
    qtmodeltester.check(model_of(Store()))


def test_rows_are_read_a_block_at_a_time_as_they_show() -> None:
    store = Store()
    model = model_of(store)
    assert store.reads == []
    assert model.index(500, 0).data() == "Event 0501"
    assert model.index(501, 1).data(SORT_ROLE) == 502
    assert len(store.reads) == 1 and 501 in store.reads[0]
    assert len(store.reads[0]) == LazyIdTableModel.BLOCK


def test_a_new_order_keeps_the_selected_row_selected() -> None:
    model = model_of(Store())
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(10, 0), QItemSelectionModel.SelectionFlag.Select)
    model.reorder(list(range(ROWS, 0, -1)))
    assert selection.currentIndex().data(ID_ROLE) == 11
    assert selection.currentIndex().row() == ROWS - 11


def test_an_edited_row_is_read_again_and_a_removed_one_goes_alone() -> None:
    store = Store()
    model = model_of(store)
    assert model.index(3, 0).data() == "Event 0004"
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    store.names[4] = "Event 9999"
    model.refresh_rows([4])
    assert changed == [3]
    assert model.index(3, 0).data() == "Event 9999"
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(6, 0), QItemSelectionModel.SelectionFlag.Select)
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.remove_ids([4])
    assert removed == [(3, 3)]
    assert selection.currentIndex().data(ID_ROLE) == 7
    assert model.rowCount() == ROWS - 1 and model.row_of(4) is None
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == ROWS - 1
