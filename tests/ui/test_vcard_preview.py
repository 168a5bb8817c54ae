"""A real address book with odd cards, imported through the window: the preview lists the
cards left out or mended by their line, and every readable card is imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.importing import open_preview, query

BOOKS = Path(__file__).resolve().parents[1] / "data" / "exchange" / "address-books"
AGENT_CARD = (
    "BEGIN:VCARD\nVERSION:2.1\nN:Adeyemi;Bola\nAGENT:\n"
    "BEGIN:VCARD\nVERSION:2.1\nFN:Assistant\nEND:VCARD\nEND:VCARD\n"
)


def test_the_preview_lists_left_out_cards_and_imports_the_rest(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "Contacts.vcf"
    book.write_bytes((BOOKS / "lotus-notes.vcf").read_bytes() + AGENT_CARD.encode())
    dialog = open_preview(qtbot, window, book)
    assert "3 people, 1 problem" in dialog.header.text()
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 2)  # Problems
    problems = dialog.problems_model
    shown = [
        problems.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        for row in range(problems.rowCount())
        for column in range(problems.columnCount())
    ]
    assert "a card written inside this card (an AGENT) was left out." in shown
    flow = window.import_flow
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        dialog.accept()
    names = {name for (name,) in query(db_path, "SELECT full_name FROM contacts")}
    assert {"Klaus Schneider", "Greta Hoffmann", "Bola Adeyemi"} <= names
