"""``--demo`` works for every command on a new data folder: the demo network is built first."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.unit.processes import run_netwise

BOOKS = Path(__file__).resolve().parents[1] / "data" / "exchange" / "address-books"


def in_new_folder(folder: Path, *args: str):  # type: ignore[no-untyped-def]
    env = dict(os.environ, NETWISE_DATA_DIR=str(folder))
    env.pop("NETWISE_DB", None)
    return run_netwise("--demo", *args, env=env)


def demo_contacts(folder: Path) -> int:
    with sqlite3.connect(folder / "netwise-demo.sqlite3") as connection:
        return connection.execute("SELECT count(*) FROM contacts").fetchone()[0]


def test_export_json_writes_the_demo_network(tmp_path: Path) -> None:
    folder, out = tmp_path / "new", tmp_path / "all.json"
    result = in_new_folder(folder, "export", "json", str(out))
    assert result.returncode == 0, result.stderr
    contacts = json.loads(out.read_text())["contacts"]
    assert len(contacts) == demo_contacts(folder) > 0
    assert f"({len(contacts):,} contacts)" in result.stdout
    for fmt, name in (("csv", "c.csv"), ("vcard", "c.vcf"), ("ics", "c.ics")):
        exported = in_new_folder(folder, "export", fmt, str(tmp_path / name))
        assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "c.vcf").read_text().count("BEGIN:VCARD") == len(contacts)
    assert (tmp_path / "c.ics").read_text().count("BEGIN:VEVENT") > 0


@pytest.mark.parametrize("command", ["import", "print"])
def test_import_and_print_work_on_the_demo_network(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "new"
    if command == "import":
        args = ("import", "vcard", str(BOOKS / "gmail-3.0.vcf"))
    else:
        args = ("print", "contacts", "--list", "--all", "--pdf", str(tmp_path / "list.pdf"))
    result = in_new_folder(folder, *args)
    assert result.returncode == 0, result.stderr
    if command == "import":
        assert "Imported: 1 created" in result.stdout
        assert demo_contacts(folder) > 1
    else:
        pages = int(result.stdout.split("Wrote ")[1].split()[0])  # "Wrote 3 pages to …"
        assert pages > 1  # the whole demo network, not an empty list
