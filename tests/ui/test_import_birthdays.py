"""The import preview says when an address book brings a birthday: a known contact's is
added by the merge ("adds the birthday 29 February"), a new contact is created with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.ui.importing.describe import birthday_text
from tests.ui.conftest import make_window
from tests.ui.importing import finish_preview, open_preview, query, row_named

BOOK = """BEGIN:VCARD
VERSION:3.0
N:Lee;Ann;;;
FN:Ann Lee
EMAIL;TYPE=WORK:ann@acme.example
BDAY:--0229
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Novak;Dan;;;
FN:Dan Novak
BDAY:19900504
END:VCARD
"""


@pytest.fixture
def british():  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def test_a_birthday_reads_in_the_locales_order(british) -> None:
    assert birthday_text(Birthday(2, 29)) == "29 February"
    assert birthday_text(Birthday(5, 4, 1990)) == "4 May 1990"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert birthday_text(Birthday(2, 29)) == "February 29"
    assert birthday_text(Birthday(5, 4, 1990)) == "May 4, 1990"


def test_the_preview_says_which_birthdays_an_address_book_adds(
    qtbot, british, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.records import ContactInput, LabelledValue

    db_path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(str(db_path))
    create_contact(
        db,
        ContactInput(
            first_name="Ann",
            last_name="Lee",
            company="Acme",
            emails=(LabelledValue("ann@acme.example", "work"),),
        ),
    )
    db.close()
    window = make_window(qtbot, db_path)
    book = tmp_path / "Contacts.vcf"
    book.write_text(BOOK, encoding="utf-8")
    dialog = open_preview(qtbot, window, book)

    ann = row_named(dialog, "Ann Lee")
    assert dialog.model.item(ann).action == "merge"
    changes = dialog.model.index(ann, dialog.model.columnCount() - 1).data()
    assert changes == "birthday 29 February"
    dialog.select_row(ann)
    listed = [
        dialog.decision.changes.item(i).text() for i in range(dialog.decision.changes.count())
    ]
    assert listed == ["Adds the birthday 29 February"]

    dialog.select_row(row_named(dialog, "Dan Novak"))
    assert dialog.decision.explanation.text() == (
        "A new contact is created from this row, with the birthday 4 May 1990."
    )
    assert finish_preview(qtbot, window) == "imported"
    birthdays = "SELECT full_name, birth_month, birth_day, birth_year FROM contacts ORDER BY id"
    assert query(db_path, birthdays) == [("Ann Lee", 2, 29, None), ("Dan Novak", 5, 4, 1990)]
    window.close()
