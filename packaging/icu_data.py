"""Qt's ICU data on Linux, less the parts Qt never reads (used by netwise.spec).

PySide6's Qt for Linux brings ICU and all of its data: 32 MB in ``libicudata.so.73``, the
largest file of the bundle. QtCore is the only library that calls ICU, and only for
collation (``ucol_*``), case mapping, text codecs (``ucnv_*``) and time zones with their
names (``ucal_*``): Qt names languages, territories and currencies from its own tables.
ICU's names of languages, regions, currencies and units in some 800 languages, its
transliterators and its spelled-out numbers (``DROPPED_TREES``, 19 MB) are never read, so
the library is rebuilt without them: the same data package (ICU's common data format, read
and written here) less those items, assembled into a library of the same name by the
binutils that strip the bundle. Windows and macOS use the system's ICU: nothing to do.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# (destination name, source path, type code): PyInstaller's table-of-contents entries.
Entry = tuple[str, str, str]

DROPPED_TREES = ("lang", "region", "curr", "unit", "translit", "rbnf", "brkitr")
LIBRARY = re.compile(r"libicudata\.so\.(\d+)$")
ALIGNMENT = 16  # ICU reads every item (and the package itself) at a 16-byte boundary


class IcuDataError(Exception):
    """The library holds no ICU data package this module can read."""


def items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, data) items of an ICU common data package ("CmnD").

    The header (its size first, magic 0xda27, a little-endian "CmnD") is followed by the
    table of contents: a count, then (name offset, data offset) pairs measured from the
    table's start, sorted by name; an item runs to the next item's offset.
    """
    if len(package) < 24 or package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    if package[8] != 0:
        raise IcuDataError("a big-endian ICU data package")
    (header_size,) = struct.unpack_from("<H", package, 0)
    table = package[header_size:]
    (count,) = struct.unpack_from("<I", table, 0)
    offsets = [struct.unpack_from("<II", table, 4 + 8 * index) for index in range(count)]
    ends = [data for _, data in offsets[1:]] + [len(table)]
    found = []
    for (name_offset, data_offset), end in zip(offsets, ends, strict=True):
        name = table[name_offset : table.index(b"\0", name_offset)].decode("ascii")
        found.append((name, table[data_offset:end]))
    return package[:header_size], found


def package(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package of ``kept`` items (in their sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    name_offset = 4 + 8 * len(kept)
    table_size = name_offset + len(names)
    data_offset = table_size + -(len(header) + table_size) % ALIGNMENT
    entries, body = [], []
    for name, data in kept:
        entries.append(struct.pack("<II", name_offset, data_offset))
        body.append(data + b"\0" * (-len(data) % ALIGNMENT))
        name_offset += len(name) + 1
        data_offset += len(body[-1])
    table = struct.pack("<I", len(kept)) + b"".join(entries) + names
    padding = b"\0" * (-(len(header) + table_size) % ALIGNMENT)
    return b"".join([header, table, padding, *body])


def without_trees(package_bytes: bytes, trees: Iterable[str]) -> bytes:
    """The package less every item of the named trees (``icudt73l/curr/...``)."""
    header, found = items(package_bytes)
    dropped = tuple(f"/{tree}/" for tree in trees)
    return package(header, [(name, data) for name, data in found if not _in(name, dropped)])


def _in(name: str, trees: tuple[str, ...]) -> bool:
    return any(tree in name for tree in trees)


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the data package a libicudata exports."""
    symbols = _run(["readelf", "--dyn-syms", "-W", str(library)]).stdout
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)$", symbols, re.MULTILINE)  # fmt: skip
    if match is None:
        raise IcuDataError(f"{library} exports no icudt*_dat")
    address, size = int(match.group(1), 16), int(match.group(2), 0)
    # The file offset of that address, from the loadable segment that holds it.
    segments = _run(["readelf", "--segments", "-W", str(library)]).stdout
    for line in segments.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, virtual, file_size = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if virtual <= address < virtual + file_size:
                return match.group(3), offset + address - virtual, size
    raise IcuDataError(f"{library}: no segment holds {match.group(3)}")


def rebuild(library: Path, target: Path, trees: Iterable[str] = DROPPED_TREES) -> Path:
    """Write ``target``, a library like ``library`` whose data lacks ``trees``."""
    symbol, offset, size = data_symbol(library)
    with library.open("rb") as file:
        file.seek(offset)
        data = without_trees(file.read(size), trees)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.parent
    (work / f"{symbol}.dat").write_bytes(data)
    (work / f"{symbol}.s").write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, STT_OBJECT\n"
        f'\t.balign {ALIGNMENT}\n{symbol}:\n\t.incbin "{symbol}.dat"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",%progbits\n'
    )
    _run(["as", "-o", f"{symbol}.o", f"{symbol}.s"], cwd=work)
    _run(["ld", "-shared", "-soname", library.name, "-o", str(target), f"{symbol}.o"], cwd=work)
    return target


def with_trimmed_data(binaries: list[Entry], work: Path) -> list[Entry]:
    """The bundle's binaries, its libicudata (if any, on Linux) rebuilt into ``work``."""
    if not sys.platform.startswith("linux"):
        return binaries
    trimmed = []
    for dest, source, kind in binaries:
        if LIBRARY.search(dest):
            source = str(rebuild(Path(source), work / Path(dest).name))
        trimmed.append((dest, source, kind))
    return trimmed
