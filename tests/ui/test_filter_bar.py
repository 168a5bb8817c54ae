"""The search box and facets above the contacts table, alone, driving the table model over
a real database file: typing filters after a short pause, facets at once, Escape clears."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.store.contacts_query import tag_names
from desktop_app.ui.contacts.columns import contact_columns
from desktop_app.ui.contacts.filter_bar import ContactFilterBar
from desktop_app.ui.contacts.table_model import ContactTableModel
from tests.ui.contacts_helpers import names_in

NOT_ARCHIVED = ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]


def bar_and_table(qtbot, reader):  # type: ignore[no-untyped-def]
    """The bar wired to the table as on the Contacts page, with the tags in use offered."""
    bar = ContactFilterBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    model = ContactTableModel(contact_columns())
    model.set_reader(reader)
    model.complete()
    bar.filter_changed.connect(model.set_filter)
    bar.set_tags(tag_names(reader, in_use=True))
    return bar, model


def choose(combo, value: object) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_typing_filters_after_a_pause_and_escape_clears(qtbot, network_reader) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    assert names_in(model) == NOT_ARCHIVED
    with qtbot.waitSignal(bar.filter_changed, timeout=2_000) as applied:
        qtbot.keyClicks(bar.search, "helix")
        assert names_in(model) == NOT_ARCHIVED  # each keystroke waits for the next
    assert applied.args[0].text == "helix"
    assert names_in(model) == ["Ada Lovelace"]  # Dora works there too, but is archived
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert bar.search.text() == ""
    assert names_in(model) == NOT_ARCHIVED


def test_facets_apply_at_once_and_combine(qtbot, network_reader) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    assert [bar.tag.itemText(i) for i in range(bar.tag.count())] == [
        "All tags",
        "alumni",
        "climate",
        "mentor",
    ]
    choose(bar.tag, "climate")
    assert names_in(model) == ["Ada Lovelace"]
    choose(bar.status, "any")
    assert names_in(model) == ["Ada Lovelace", "Dora Explorer"]
    choose(bar.seniority, "junior")
    assert names_in(model) == ["Dora Explorer"]
    choose(bar.tag, None)
    choose(bar.seniority, "unset")
    choose(bar.circle, "new")
    assert names_in(model) == []
    choose(bar.circle, None)
    assert names_in(model) == ["Emil Zola"]


def test_show_everyone_clears_the_search_and_every_facet(qtbot, network_reader) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    choose(bar.tag, "alumni")
    bar.search.setText("acme")
    bar.apply_now()
    assert names_in(model) == ["Bob Builder"]
    bar.show_everyone()
    assert bar.search.text() == "" and bar.tag.currentData() is None
    assert bar.status.currentData() == "any"
    assert names_in(model) == [*NOT_ARCHIVED[:3], "Dora Explorer", "Emil Zola"]


def test_widening_says_what_it_cleared_to_show_a_contact(qtbot, network, network_reader) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    bar.search.setText("wei")
    bar.apply_now()

    def shows(name: str):  # type: ignore[no-untyped-def]
        return lambda: model.row_of(network[name]) is not None

    assert bar.widen_until(shows("Ada")) == "the search was"
    choose(bar.tag, "alumni")
    bar.search.setText("acme")
    bar.apply_now()
    assert bar.widen_until(shows("Ada")) == "the search and filters were"
    assert names_in(model)[0] == "Ada Lovelace"
    choose(bar.status, "active")
    assert bar.widen_until(shows("Dora")) == "the filters were"


def test_a_chosen_tag_stays_while_it_exists_and_goes_when_it_does_not(
    qtbot, network_reader
) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    choose(bar.tag, "mentor")
    bar.set_tags(["alumni", "mentor", "speaker"])
    assert bar.tag.currentData() == "mentor"
    assert names_in(model) == ["Ada Lovelace"]
    with qtbot.waitSignal(bar.filter_changed):
        bar.set_tags(["alumni"])  # the last contact with the tag lost it
    assert bar.tag.currentData() is None
    assert names_in(model) == NOT_ARCHIVED


def test_the_down_arrow_leaves_for_the_results_with_the_filter_applied(
    qtbot, network_reader
) -> None:
    bar, model = bar_and_table(qtbot, network_reader)
    qtbot.keyClicks(bar.search, "zola")
    with qtbot.waitSignal(bar.leave_down):
        qtbot.keyClick(bar.search, Qt.Key.Key_Down)
    assert names_in(model) == ["Emil Zola"]  # applied at once, not after the pause
