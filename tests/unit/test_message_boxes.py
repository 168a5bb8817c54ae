"""Every message box is built in one module, so each one shows plain text and names its
default button; a box built anywhere else would skip both."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop_app" / "ui"
THE_MODULE = UI / "common" / "messages.py"
STATIC = {"about", "aboutQt", "critical", "information", "question", "warning"}


def _is_message_box(node: ast.expr) -> bool:
    """``QMessageBox`` or ``QtWidgets.QMessageBox``."""
    if isinstance(node, ast.Attribute):
        return node.attr == "QMessageBox"
    return isinstance(node, ast.Name) and node.id == "QMessageBox"


def message_boxes_built_in(source: str) -> list[int]:
    """The lines that construct a QMessageBox, call one of its static boxes, or rename it."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if _is_message_box(func) or (
                isinstance(func, ast.Attribute)
                and func.attr in STATIC
                and _is_message_box(func.value)
            ):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom | ast.Import) and any(
            a.name.endswith("QMessageBox") and a.asname for a in node.names
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_only_the_messages_module_builds_message_boxes() -> None:
    elsewhere = {
        f"{path.relative_to(UI)}:{line}"
        for path in UI.rglob("*.py")
        if path != THE_MODULE
        for line in message_boxes_built_in(path.read_text())
    }
    assert not elsewhere, f"message boxes built outside ui/common/messages.py: {sorted(elsewhere)}"


def test_the_check_sees_every_way_of_building_a_box() -> None:
    source = (
        "from PySide6 import QtWidgets\n"
        "from PySide6.QtWidgets import QMessageBox as Box\n"
        "QMessageBox(QMessageBox.Icon.Warning, 't', 'x')\n"
        "QtWidgets.QMessageBox()\n"
        "QMessageBox.question(None, 't', 'x')\n"
        "QtWidgets.QMessageBox.warning(None, 't', 'x')\n"
        "QMessageBox.StandardButton(1024)\n"
    )
    assert message_boxes_built_in(source) == [2, 3, 4, 5, 6]
    assert THE_MODULE.exists() and message_boxes_built_in(THE_MODULE.read_text())
