"""The window on a PostgreSQL database: the password never shown, logged or stored."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.postgres_server import PASSWORD, PASSWORD_USER
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import fill_network, ready, shown
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import when_dialog_opens
from tests.ui.importing import URL, finish_preview, linkedin_file, open_preview
from tests.unit.processes import run_netwise

SAVE = QDialogButtonBox.StandardButton.Save


def test_the_window_on_a_server_keeps_the_password_to_itself(
    qtbot, postgres_server, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    url = postgres_server.url(name, user=PASSWORD_USER, password=PASSWORD)
    window = make_window(qtbot, url)  # type: ignore[arg-type]
    try:
        assert PASSWORD not in window.windowTitle()
        assert f"{PASSWORD_USER}:***@" in window.windowTitle()
        assert PASSWORD not in window.statusBar().currentMessage()
        window.grab().save("/tmp/pg18-window-server.png")
    finally:
        window.close()
    postgres_server.drop_database(name)
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert PASSWORD not in path.read_text(errors="replace"), path


def export_pdf_of_everyone(qtbot, window, monkeypatch, target: Path) -> str:  # type: ignore[no-untyped-def]
    """File → Export PDF… with every contact selected: the PDF's text."""
    page = ready(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), a[-1]))
    )

    def export(dialog: QDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(export, QDialog)
    window.actions["export_pdf"].trigger()
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0)
    return subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_day_of_work_on_a_server_database(  # type: ignore[no-untyped-def]
    qtbot, postgres_url: str, tmp_path: Path, monkeypatch
) -> None:
    """Open, add, search, import, review and print, all on PostgreSQL."""
    fill_network(postgres_url)  # type: ignore[arg-type]
    window = make_window(qtbot, postgres_url)  # type: ignore[arg-type]
    try:
        page = ready(qtbot, window)
        qtbot.waitUntil(lambda: "Ada Lovelace" in shown(page))

        def add(dialog: ContactDialog) -> None:
            dialog.first_name.setText("Émilie")
            dialog.last_name.setText("du Châtelet")
            dialog.tags.setText("physics")
            dialog.buttons.button(SAVE).click()

        when_dialog_opens(add, ContactDialog)
        page.new_contact()
        qtbot.waitUntil(lambda: "Émilie du Châtelet" in shown(page))

        with qtbot.waitSignal(page.filter_bar.filter_changed, timeout=2_000):
            qtbot.keyClicks(page.filter_bar.search, "emilie chat")
        qtbot.waitUntil(lambda: shown(page) == ["Émilie du Châtelet"])
        qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: "Ada Lovelace" in shown(page))

        source = linkedin_file(
            tmp_path / "Connections.csv",
            [
                f"Grace,Hopper,{URL}grace-hopper,grace@navy.example,US Navy,Admiral,1 Mar 2020",
            ],
        )
        open_preview(qtbot, window, source, "linkedin")
        assert finish_preview(qtbot, window) == "imported"
        page = ready(qtbot, window)
        qtbot.waitUntil(lambda: "Grace Hopper" in shown(page))

        window.show_page("dashboard")
        dashboard = wait_settled(qtbot, window)
        assert dashboard.view is not None
        window.grab().save("/tmp/pg18-window-server-dashboard.png")

        window.show_page("contacts")
        printed = export_pdf_of_everyone(qtbot, window, monkeypatch, tmp_path / "window.pdf")
        assert "Émilie du Châtelet" in printed and "Grace Hopper" in printed

        pdf = tmp_path / "contacts.pdf"
        result = run_netwise("--db", postgres_url, "print", "contacts", "--all", "--pdf", str(pdf))
        assert result.returncode == 0, result.stderr
        assert pdf.stat().st_size > 0
    finally:
        window.close()
