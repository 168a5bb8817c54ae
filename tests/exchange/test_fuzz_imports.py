"""Fuzzing the importers with mutated real-shaped files, through ``netwise import``.

Each importer (LinkedIn CSV, Google CSV, NetWise JSON) gets its sample files mutated:
bytes flipped, inserted, deleted, duplicated, lines swapped, hostile values (control
characters, stray bytes, huge numbers, overlong texts, dates far away) put in fields;
for JSON, values of the document replaced by values of another type or shape too.
Every input must end in the importer's own outcome: imported (exit 0), or refused with
a message (exit 1) and the database byte for byte as it was. Anything else (a traceback)
fails the test with the inputs that caused it. Seeded: the same inputs every run.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import random
import shutil
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from desktop_app.commands.insights import run_review, run_stats
from desktop_app.commands.transfer import run_import
from desktop_app.store.database import open_database

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"
SEEDS = {
    "linkedin": ["linkedin-2024.csv", "linkedin-2019.csv"],
    "google": ["google-contacts.csv", "google-contacts-legacy.csv"],
    "json": ["netwise-demo.json"],
}
INPUTS_PER_FORMAT = {"linkedin": 300, "google": 300, "json": 300}
HOSTILE_TEXTS = [
    "\x1b]0;pwned\x07",
    "\x00",
    "\ud800",
    "x" * 20_000,
    "\u202e\u0644\u0627",
    '"',
    '",,"',
    "\r\n",
    "9999-12-31",
    "1 Jan 9999",
    "31/02/2021",
    '=HYPERLINK("http://x")',
]
HOSTILE_BYTES = [b"\xff", b"\xc3", b"\x00", b"\x1b", b'"', b",", b"\n", b"\r", b"\xef\xbb\xbf"]
HOSTILE_VALUES: list[Any] = [
    2**63,
    -(2**63) - 1,
    10**30,
    1e308,
    float("inf"),
    float("nan"),
    -1,
    0,
    True,
    None,
    "",
    "x" * 20_000,
    "\ud800",
    "\x1b[2J",
    "9999-12-31",
    "0001-01-01T00:00:00",
    [],
    [1, None, {}],
    {},
    {"name": 5, "target": "x"},
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits of the raw bytes."""
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1)
        kind = rng.randrange(7)
        if kind == 0 and data:  # flip a byte
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif kind == 1:  # insert a hostile byte
            data = data[:at] + rng.choice(HOSTILE_BYTES) + data[at:]
        elif kind == 2:  # delete a stretch
            data = data[:at] + data[at + rng.randint(1, 40) :]
        elif kind == 3:  # duplicate a stretch
            data = data[:at] + data[at : at + rng.randint(1, 200)] * rng.randint(2, 5) + data[at:]
        elif kind == 4:  # cut the file short
            data = data[:at]
        elif kind == 5:  # put a hostile text at a line start or after a comma
            text = rng.choice(HOSTILE_TEXTS).encode("utf-8", "surrogatepass")
            spots = [i + 1 for i, b in enumerate(data) if b in b",\n"] or [0]
            at = rng.choice(spots)
            data = data[:at] + text + data[at:]
        else:  # swap two lines
            lines = data.split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
    return data


def _mutate_json(document: dict[str, Any], rng: random.Random) -> bytes:
    """A value somewhere in the document replaced (or removed), then written as JSON."""
    document = copy.deepcopy(document)
    for _ in range(rng.randint(1, 2)):
        parent: Any = document
        key: Any = rng.choice(list(document))
        # Walk down a few levels to a random value.
        for _depth in range(rng.randint(0, 4)):
            child = parent[key]
            if isinstance(child, dict) and child:
                parent, key = child, rng.choice(list(child))
            elif isinstance(child, list) and child:
                parent, key = child, rng.randrange(len(child))
            else:
                break
        if isinstance(parent, dict) and rng.random() < 0.15:
            del parent[key]
        else:
            parent[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


def _inputs(fmt: str) -> list[bytes]:
    rng = random.Random(f"netwise-fuzz-{fmt}")
    seeds = [(DATA / name).read_bytes() for name in SEEDS[fmt]]
    inputs = []
    for _ in range(INPUTS_PER_FORMAT[fmt]):
        seed = rng.choice(seeds)
        if fmt == "json" and rng.random() < 0.7:
            inputs.append(_mutate_json(json.loads(seed), rng))
        else:
            inputs.append(_mutate_bytes(seed, rng))
    return inputs


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "empty.sqlite3"
    open_database(str(path)).close()
    return path


@pytest.mark.parametrize("fmt", ["linkedin", "google", "json"])
def test_mutated_files_are_imported_or_refused_cleanly(
    tmp_path: Path, empty_database: Path, fmt: str
) -> None:
    figures: Counter[str] = Counter()
    crashes: list[str] = []
    db = tmp_path / "fuzz.sqlite3"
    for number, data in enumerate(_inputs(fmt)):
        path = tmp_path / f"input-{number}.{'json' if fmt == 'json' else 'csv'}"
        path.write_bytes(data)
        # JSON restores into an empty database; contacts merge into what earlier inputs left.
        if fmt == "json" or not db.exists():
            shutil.copyfile(empty_database, db)
        before = _sha(db)
        args = argparse.Namespace(
            format=fmt, file=str(path), db=str(db), demo=False, dry_run=False, encoding=None
        )
        out, err = io.StringIO(), io.StringIO()
        try:
            code = run_import(args, out=out, err=err)
            if code == 0 and fmt == "json":
                # What was accepted must not break the commands that read it later.
                later = argparse.Namespace(db=str(db), demo=False, today=None, json=False)
                run_review(argparse.Namespace(**vars(later), all=True), out=io.StringIO())
                run_stats(later, out=io.StringIO())
        except Exception:  # every escape is what this test looks for
            figures["tracebacks"] += 1
            crashes.append(f"input {number}: {traceback.format_exc(limit=-3)}")
            continue
        figures["inputs"] += 1
        if code == 0:
            figures["accepted"] += 1
        else:
            figures["refused"] += 1
            message = err.getvalue()
            assert message.startswith("netwise: “") and message.count("\n") == 1, message
            assert _sha(db) == before, f"input {number} was refused but changed the database"
    print(f"\n{fmt}: {dict(figures)}")
    assert not crashes, "\n".join(crashes[:5])
    assert figures["accepted"] and figures["refused"]  # the mutations reach both outcomes
