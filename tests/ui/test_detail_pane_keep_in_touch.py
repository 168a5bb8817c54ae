"""The detail pane's keep-in-touch line and birthday, on a real database: the cadence and
where it comes from (own, tag, verdict), the next due day, how late, a snooze; its menu
from the keyboard, each choice undone; and the table's Keep in Touch submenu acting on
every selected contact at once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QWidget
from sqlalchemy import text

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.contacts import create_contact
from desktop_app.store.interactions import log_interaction
from desktop_app.store.reader import DatabaseReader
from desktop_app.store.records import ContactInput, InteractionInput
from desktop_app.store.scores import ensure_insights_current
from desktop_app.ui.common.keep_in_touch_operations import KeepInTouchOperations
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.services import Services
from desktop_app.ui.contacts.detail_pane import ContactDetailPane
from tests.ui.contacts_helpers import ready, select
from tests.ui.dialogs import when_menu_pops_up

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


def pane_over(qtbot, database):  # type: ignore[no-untyped-def]
    """A pane whose keep-in-touch menu writes to ``database`` through an undo stack."""
    services = Services.standalone()
    owner = QWidget()
    qtbot.addWidget(owner)
    operations = KeepInTouchOperations(
        owner, lambda: database, services.undo_stack, services.changes
    )
    pane = ContactDetailPane(None, operations)
    qtbot.addWidget(pane)
    pane.resize(420, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return pane, services.undo_stack


def showing(pane, database, contact_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The keep-in-touch line and the birthday the pane shows for the contact."""
    pane.show_detail(read_contact_detail(DatabaseReader(database), contact_id))
    return pane.fields["keep_in_touch"].text(), pane.fields["birthday"].text()


def add(database, name: str, **fields) -> int:  # type: ignore[no-untyped-def]
    return create_contact(database, ContactInput(first_name=name, **fields)).value


def test_each_state_is_said_in_plain_words(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    pane, _stack = pane_over(qtbot, database)
    ada = add(database, "Ada", touch_cadence=rules.QUARTER, birthday=Birthday(3, 12, 1986))
    bob = add(database, "Bob", tags=("mentor",), birthday=Birthday(2, 29))
    cy = add(database, "Cy", tags=("untimed",))
    new = add(database, "Dee")
    with database.transaction() as session:
        mentor = session.execute(text("SELECT id FROM tags WHERE name = 'mentor'")).scalar()
    kit.set_tag_cadence(database, mentor, rules.MONTH)
    ensure_insights_current(database)
    with database.transaction() as session:
        session.execute(text("UPDATE contact_scores SET verdict = 'nurture'"))
        session.execute(text("DELETE FROM contact_scores WHERE contact_id = :id"), {"id": new})

    line, birthday = showing(pane, database, ada)
    due = format_date(rules.add_months(TODAY, 3))
    assert line == f"Quarterly (their own)\nLast touch {format_date(TODAY)} · next due {due}"
    turns = Birthday(3, 12, 1986).age_on(Birthday(3, 12).next_on_or_after(TODAY))
    assert birthday == f"12 March (turns {turns})"
    line, birthday = showing(pane, database, bob)
    assert line.startswith("Monthly (tag mentor)\n") and birthday == "29 February"
    line, birthday = showing(pane, database, cy)
    assert line.startswith("Quarterly (verdict Nurture)\n") and birthday == "—"
    assert showing(pane, database, new)[0].startswith("Never (no verdict yet)\n")
    assert showing(pane, database, new)[0].endswith(" · never due")

    log_interaction(database, InteractionInput(ada, TODAY - dt.timedelta(days=100)))
    kit.set_contact_cadence(database, [ada], rules.MONTH)
    late = (TODAY - rules.add_months(TODAY - dt.timedelta(days=100), 1)).days
    assert showing(pane, database, ada)[0].endswith(f" · overdue by {late} days")
    kit.snooze_contacts(database, [ada], TODAY + dt.timedelta(days=7))
    until = format_date(TODAY + dt.timedelta(days=7))
    assert showing(pane, database, ada)[0].endswith(f" · snoozed until {until}")
    assert pane.fields["keep_in_touch"].textFormat() == Qt.TextFormat.PlainText


def choose_from_button(qtbot, pane, *path: str) -> None:  # type: ignore[no-untyped-def]
    """Open the keep-in-touch button's menu from the keyboard and trigger ``path``."""

    def pick(menu: QMenu) -> None:
        for title in path[:-1]:
            menu = next(a.menu() for a in menu.actions() if a.text() == title)
        next(a for a in menu.actions() if a.text() == path[-1]).trigger()
        pane.touch_row.button.menu().close()

    picked = when_menu_pops_up(pick, QMenu)
    pane.touch_row.button.setFocus()
    qtbot.keyClick(pane.touch_row.button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(picked))


def test_the_button_changes_the_cadence_and_snoozes_with_undo(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    pane, stack = pane_over(qtbot, database)
    ada = add(database, "Ada")
    showing(pane, database, ada)
    assert pane.touch_row.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    choose_from_button(qtbot, pane, "&Cadence", "&Yearly")
    assert showing(pane, database, ada)[0].startswith("Yearly (their own)")
    assert stack.undoText() == "Change Cadence of Ada"

    choose_from_button(qtbot, pane, "Snooze a &Week")
    until = format_date(TODAY + dt.timedelta(days=7))
    assert showing(pane, database, ada)[0].endswith(f"snoozed until {until}")
    choose_from_button(qtbot, pane, "&End Snooze")
    assert "snoozed" not in showing(pane, database, ada)[0]
    stack.undo()
    assert showing(pane, database, ada)[0].endswith(f"snoozed until {until}")
    stack.undo()
    stack.undo()
    assert showing(pane, database, ada)[0].startswith("Never (no verdict yet)")


def test_the_tables_menu_changes_every_selected_contact_at_once(
    qtbot, small_window, database, network
) -> None:
    page = ready(qtbot, small_window)
    select(page, "Ada Lovelace")
    for name in ("Bob Builder", "Chen Wei"):
        row = [page.model.index(r, 0).data() for r in range(page.model.rowCount())].index(name)
        where = page.table.visualRect(page.model.index(row, 0)).center()
        qtbot.mouseClick(
            page.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            where,
        )
    chosen = {network["Ada"], network["Bob"], network["Chen"]}
    assert set(page.selected_contacts()) == chosen

    def pick(menu: QMenu) -> None:
        touch = next(a.menu() for a in menu.actions() if a.text() == "&Keep in Touch")
        cadences = next(a.menu() for a in touch.actions() if a.text() == "&Cadence")
        touch.aboutToShow.emit()
        assert not any(a.isChecked() for a in cadences.actions())  # three: none checked
        next(a for a in cadences.actions() if a.text() == "Every 2 &Weeks").trigger()
        menu.close()

    picked = when_menu_pops_up(pick, QMenu)
    where = page.table.visualRect(page.table.currentIndex()).center()
    page.table.customContextMenuRequested.emit(QPoint(where))
    qtbot.waitUntil(lambda: bool(picked))
    reader = DatabaseReader(database)
    owns = {i: read_contact_detail(reader, i).contact.touch_cadence for i in chosen}
    assert owns == dict.fromkeys(chosen, rules.TWO_WEEKS)
    assert small_window.undo_stack.undoText() == "Change Cadence of 3 contacts"
    assert page.selected_contacts() and set(page.selected_contacts()) == chosen
    small_window.undo_stack.undo()
    owns = {i: read_contact_detail(reader, i).contact.touch_cadence for i in chosen}
    assert owns == dict.fromkeys(chosen)
