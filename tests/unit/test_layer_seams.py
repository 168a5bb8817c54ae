"""What import-linter cannot see: the window running SQL through store objects it was
handed, and a lower layer reaching the window by a module path written in a string."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop_app"
UI = PACKAGE / "ui"

# Opening a session, a transaction or a connection, or running a statement.
DATABASE_METHODS = {"session", "transaction", "execute", "executemany", "exec_driver_sql"}
SQL = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP|ALTER)\s")
UI_MODULE_PATH = re.compile(r"desktop_app\.ui(\.\w+)*(:\w+)?")


def modules(folder: Path) -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(folder.rglob("*.py")):
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(), str(path))


def database_work(tree: ast.AST) -> Iterator[str]:
    """Each place in ``tree`` that talks to the database itself, as line: code."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = node.func
            if isinstance(called, ast.Attribute) and called.attr in DATABASE_METHODS:
                yield f"{node.lineno}: .{called.attr}(…)"
            elif isinstance(called, ast.Name) and called.id == "text":
                yield f"{node.lineno}: text(…)"
        elif isinstance(node, ast.Attribute) and node.attr == "engine":
            yield f"{node.lineno}: .engine"
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)
        ):
            yield f"{node.lineno}: SQL {node.value.split()[0]}"


def test_the_window_leaves_sql_and_transactions_to_the_store() -> None:
    found = {name: list(database_work(tree)) for name, tree in modules(UI)}
    assert not {name: places for name, places in found.items() if places}


def test_the_rule_sees_each_way_of_reaching_the_database() -> None:
    code = """
with database.transaction() as session:
    session.execute(text("UPDATE contacts SET status = 'archived'"))
reader.value("SELECT full_name FROM contacts WHERE id = :id", {"id": 1})
with database.engine.connect() as connection:
    pass
label.setText("Select a contact")  # words, not SQL
"""
    assert set(database_work(ast.parse(code))) == {
        "2: .transaction(…)",
        "3: .execute(…)",
        "3: text(…)",
        "3: SQL UPDATE",
        "4: SQL SELECT",
        "5: .engine",
    }


def test_nothing_below_the_window_names_a_window_module_in_a_string() -> None:
    """A module path in a string is an import that the layer contracts never see."""
    found = [
        f"{name}:{node.lineno} {node.value}"
        for name, tree in modules(PACKAGE)
        if not name.startswith("desktop_app/ui/")
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and UI_MODULE_PATH.fullmatch(node.value)
    ]
    assert not found
