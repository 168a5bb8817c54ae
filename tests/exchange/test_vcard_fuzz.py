"""The vCard importer under mutated real exports: it imports or refuses, never a traceback.

Each input is a real-shaped address-book export with a few random edits (bytes flipped,
cut, repeated, or vCard syntax dropped in). Every input is read; every refused one and a
share of the accepted ones go through ``netwise import vcard`` on a real SQLite file,
which must answer exit 1 with one line naming the file and leave the database
byte-for-byte as it was, or import. Seeded, so a failure is found again.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections import Counter
from pathlib import Path

from desktop_app.cli import parse_args
from desktop_app.commands.transfer import run_import
from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.vcard_in import parse_vcard_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"
INPUTS = 8000
THROUGH_THE_COMMAND_EVERY = 40  # accepted inputs: each import writes, at about 50 ms
NESTED = b"\n".join(
    [b"BEGIN:VCARD", b"VERSION:2.1", b"N:Deep;Dora", b"AGENT:", b"BEGIN:VCARD", b"FN:Agent", b""]
).replace(b"FN:Agent\n", b"FN:Agent\nEND:VCARD\nEND:VCARD\n")
SYNTAX = [
    b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"BEGIN:VCARD\nBEGIN:VCARD\n", b"END:vCard\n",
    b":", b";", b"=", b"\\", b",", b'"', b"\n", b"\r\n", b" ", b"\t", b"=\r\n", b"\x00",
    b"\xc3", b"\xff\xfe", b"item1.", b"TYPE=", b"CHARSET=", b";CHARSET=Shift_JIS",
    b";ENCODING=QUOTED-PRINTABLE", b";ENCODING=b", b";ENCODING=BASE64:", b"VERSION:2.1\n",
    b"VERSION:4.0\n", b"PROFILE:vCard\n", b"AGENT:\n", b"N:", b"ADR:", b"ORG:", b"BDAY:",
    b"CATEGORIES:", b"X-ABLabel:", b"PHOTO;VALUE=uri:", b"TEL;VALUE=uri:tel:", b"\nNOTE:",
    b"BEGIN:VCALENDAR\n", b"=C3=A9", b"=\n=", b"\\n",
]  # fmt: skip


def seeds() -> list[bytes]:
    files = sorted(DATA.glob("*.vcf")) + sorted((DATA / "address-books").glob("*.vcf"))
    return [path.read_bytes() for path in files] + [NESTED]


def mutated(rng: random.Random, pool: list[bytes]) -> bytes:
    data = bytearray(rng.choice(pool))
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(data))
        edit = rng.random()
        if edit < 0.35:
            data[at:at] = rng.choice(SYNTAX)
        elif edit < 0.55:
            del data[at : at + rng.randint(1, 24)]
        elif edit < 0.7 and data:
            data[at : at + 1] = bytes([rng.randrange(256)])
        elif edit < 0.85:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            data[at:at] = other[start : start + rng.randint(1, 240)]
        else:
            start = rng.randint(0, len(data))
            data[at:at] = data[start : start + rng.randint(1, 120)] * rng.randint(1, 3)
    return bytes(data)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def import_through_the_command(source: Path, db: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_import(parse_args(["--db", str(db), "import", "vcard", str(source)]), out, err)
    return code, err.getvalue()


def test_mutated_exports_import_or_are_refused_cleanly(tmp_path: Path) -> None:
    rng = random.Random(20261204)
    pool = seeds()
    source, db = tmp_path / "fuzz.vcf", tmp_path / "fuzz.sqlite3"
    figures: Counter[str] = Counter()
    for number in range(INPUTS):
        data = mutated(rng, pool)
        try:
            parse_vcard_bytes(data, str(source))
            refused = False
        except ImportFileError as exc:
            assert "\n" not in exc.message, data
            refused = True
        figures["refused" if refused else "accepted"] += 1
        if not refused and number % THROUGH_THE_COMMAND_EVERY:
            continue
        source.write_bytes(data)
        before = sha256(db)
        code, err = import_through_the_command(source, db)
        figures["through the command"] += 1
        if refused:
            assert code == 1, data
            assert err.startswith("netwise: “fuzz.vcf”") and err.count("\n") == 1, (err, data)
            assert sha256(db) == before, data
        else:
            assert code == 0, (err, data)
    print(f"\nvCard fuzzing: {INPUTS} inputs, {dict(figures)}, 0 tracebacks")
    assert figures["accepted"] > INPUTS // 4 and figures["refused"] > INPUTS // 10
