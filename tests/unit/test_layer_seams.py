"""What import-linter cannot see: the window running SQL through store objects it was
handed."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop_app" / "ui"

# Opening a session, a transaction or a connection, or running a statement.
DATABASE_METHODS = {"session", "transaction", "execute", "executemany", "exec_driver_sql"}
SQL = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|CREATE|DROP|ALTER)\s")


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
