"""The import preview lists the rows NetWise leaves out, with their line and reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import make_window
from tests.ui.importing import HEADER, NOTES, open_preview, query


def test_rows_with_a_stray_byte_or_a_control_character_are_listed_and_left_out(
    qtbot, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        "Zoë,Müller,,,Bäckerei Süß,Chefin,12 Mar 2021",
        "Ann,Lee,,,Ac\udcffme,CEO,12 Mar 2021",  # one byte that is not UTF-8
        "\x1b]0;pwned\x07Eve,Ray,,,Beta,CTO,1 Jan 2020",
        "José,García,,,Peña,CTO,1 Jan 2020",
    ]
    text = NOTES + HEADER + "".join(f"{row}\n" for row in rows)
    path = tmp_path / "Connections.csv"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    window = make_window(qtbot, db_path)
    dialog = open_preview(qtbot, window, path)
    tabs = dialog.tabs
    problems = next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Problems"))
    assert tabs.tabText(problems) == "Problems (2)"
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(problems).center())
    assert tabs.currentIndex() == problems
    model = dialog.problems_model
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(2)]
    assert shown == [
        ("6", "bytes that are not UTF-8 (shown as “\ufffd”); the row was left out."),
        ("7", "the first name contains a control character; the row was left out."),
    ]
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    names = [r[0] for r in query(db_path, "SELECT full_name FROM contacts ORDER BY id")]
    assert names == ["Zoë Müller", "José García"]
    window.close()
