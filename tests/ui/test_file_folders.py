"""Each kind of file dialog opens in the folder where the last file of its kind was chosen,
also after a restart (the folders are in the UI settings file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop_app.ui.common.ui_state import last_folder, open_ui_state


class SaveDialogs:
    """Answers the save dialogs with the next file given, noting the folder each opened in."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.opened_in: list[Path] = []
        self.answers: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))

    def _save(self, parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        self.opened_in.append(Path(suggested).parent)
        return (str(self.answers.pop(0)) if self.answers else ""), filters

    def _open(self, parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        self.opened_in.append(Path(folder))
        return "", filters


def export(qtbot, window, dialogs: SaveDialogs, format_name: str, target: Path | None) -> None:  # type: ignore[no-untyped-def]
    dialogs.answers = [target] if target else []
    window.actions["export"].trigger()
    flow = window.export_flow
    qtbot.waitExposed(flow.dialog)
    button = flow.dialog.buttons[format_name]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    ok = flow.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_exports_remember_a_folder_per_kind_of_file(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:
    spreadsheets, cards = tmp_path / "spreadsheets", tmp_path / "cards"
    spreadsheets.mkdir()
    cards.mkdir()
    dialogs = SaveDialogs(monkeypatch)
    export(qtbot, window, dialogs, "csv", spreadsheets / "people.csv")
    export(qtbot, window, dialogs, "vcard", cards / "people.vcf")
    export(qtbot, window, dialogs, "csv", None)
    export(qtbot, window, dialogs, "vcard", None)
    export(qtbot, window, dialogs, "json", None)
    home = Path.home()
    assert dialogs.opened_in == [home, home, spreadsheets, cards, home]
    window.ui_state.sync()
    assert last_folder(open_ui_state(), "export-csv") == spreadsheets  # after a restart too


def test_pdf_and_backup_dialogs_open_where_the_last_one_was_saved(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:
    papers, backups = tmp_path / "papers", tmp_path / "backups"
    papers.mkdir()
    backups.mkdir()
    dialogs = SaveDialogs(monkeypatch)
    window.show_page("goal")
    dialogs.answers = [papers / "goal.pdf"]
    window.actions["export_pdf"].trigger()
    assert (papers / "goal.pdf").exists()
    window.actions["export_pdf"].trigger()  # cancelled
    dialogs.answers = [backups / "copy.sqlite3"]
    window.actions["backup"].trigger()
    assert (backups / "copy.sqlite3").exists()
    window.actions["restore"].trigger()  # cancelled
    window.actions["backup"].trigger()  # cancelled
    home = Path.home()
    assert dialogs.opened_in == [home, papers, home, backups, backups]


def test_a_folder_that_is_gone_falls_back_to_home(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.ui_state.setValue("folders/pdf", str(tmp_path / "deleted"))
    assert last_folder(window.ui_state, "pdf") == Path.home()
