"""packaging/icu_data.py: Qt's ICU data library rebuilt without what Qt never reads.

Qt's answers (collation, case mapping, codecs, time-zone names) are compared with the
library the wheel ships and with the rebuilt one loaded in its place (LD_PRELOAD: the
same soname, so Qt's libraries take it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.scripts import ROOT, load

icu_data = load("icu_data.py")
BERLIN = "zone Europe/Berlin de_DE StandardTime LongName"  # Qt asks ICU for zone names

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's own ICU: Linux"),
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("as", "ld", "readelf")), reason="needs binutils"
    ),
]


@pytest.fixture(scope="module")
def wheel_library() -> Path:
    from PySide6 import QtCore

    found = sorted((Path(QtCore.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    assert found, "PySide6 carries no ICU data library"
    return found[0]


def qt_answers(preload: Path | None = None) -> dict[str, object]:
    env = {key: value for key, value in os.environ.items() if key != "LD_PRELOAD"}
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    probe = [sys.executable, str(ROOT / "tests" / "packaging" / "icu_probe.py")]
    result = subprocess.run(probe, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_qt_answers_as_before_from_the_trimmed_data(wheel_library: Path, tmp_path: Path) -> None:
    trimmed = icu_data.rebuild(wheel_library, tmp_path / wheel_library.name)
    assert trimmed.stat().st_size < wheel_library.stat().st_size - 14e6
    before = qt_answers()
    # Not trivially equal: real names, sorting and casing came out of ICU.
    assert before["upper tr_TR"] == "İSTANBUL ILIK"
    assert before[BERLIN] == "Mitteleuropäische Normalzeit"
    assert before["sorted sv_SE"].index("zoo") < before["sorted sv_SE"].index("Ångström")
    assert qt_answers(preload=trimmed) == before


def test_the_comparison_sees_missing_data(wheel_library: Path, tmp_path: Path) -> None:
    """Without collation and zone names Qt answers differently: the preloaded data is used."""
    trees = (*icu_data.DROPPED_TREES, "coll", "zone")
    crippled = icu_data.rebuild(wheel_library, tmp_path / wheel_library.name, trees)
    answers, before = qt_answers(preload=crippled), qt_answers()
    assert answers[BERLIN] != before[BERLIN]
    assert answers["numeric de_DE"] != before["numeric de_DE"]


def test_a_package_reads_back_with_its_items_aligned() -> None:
    header = b"\x20\x00\xda\x27" + bytes(4) + b"\x00\x00\x02\x00CmnD" + bytes(16)
    kept = [("icudt73l/a.res", b"x" * 5), ("icudt73l/coll/b.res", b"y" * 40), ("icudt73l/c", b"z")]
    package = icu_data.package(header, kept)
    read_header, items = icu_data.items(package)
    assert read_header == header
    assert [(name, data.rstrip(b"\0")) for name, data in items] == kept
    table = package[len(header) :]
    for index in range(len(kept)):
        offset = int.from_bytes(table[8 + 8 * index : 12 + 8 * index], "little")
        assert (len(header) + offset) % 16 == 0
    assert [name for name, _ in icu_data.items(icu_data.without_trees(package, ["coll"]))[1]] == [
        "icudt73l/a.res",
        "icudt73l/c",
    ]


def test_anything_else_is_refused() -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.items(b"\x7fELF" + bytes(60))
