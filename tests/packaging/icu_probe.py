"""What Qt asks ICU for, printed as JSON: run by test_icu_data.py over two ICU data libraries.

QtCore calls ICU for collation, case mapping, text codecs and time zones; each is asked
here in several languages, so that data a trimmed library lacks changes the output.
"""

from __future__ import annotations

import functools
import json

from PySide6.QtCore import (
    QCollator,
    QDateTime,
    QLocale,
    QStringConverter,
    QStringDecoder,
    QStringEncoder,
    QTimeZone,
)

WORDS = ["Zebra", "Äpfel", "apfel", "Öl", "ober", "Ångström", "zoo", "Łódź", "ça", "cz"]
WORDS += ["a10", "a2"]  # numeric collation
LOCALES = ("de_DE", "sv_SE", "pl_PL", "fr_FR", "en_US", "ja_JP", "tr_TR")
ZONES = (b"Europe/Berlin", b"America/New_York", b"Asia/Tokyo", b"Australia/Adelaide")
CODECS = ("Shift_JIS", "windows-1250", "GB18030", "Big5", "ISO-8859-7", "KOI8-R")


def answers() -> dict[str, object]:
    found: dict[str, object] = {}
    for name in LOCALES:
        collator = QCollator(QLocale(name))
        found[f"sorted {name}"] = sorted(WORDS, key=functools.cmp_to_key(collator.compare))
        collator.setNumericMode(True)
        found[f"numeric {name}"] = sorted(WORDS, key=functools.cmp_to_key(collator.compare))
    cases = (("tr_TR", "istanbul \u0131l\u0131k"), ("de_DE", "straße"), ("el_GR", "άλφα"))
    for name, text in cases:
        found[f"upper {name}"] = QLocale(name).toUpper(text)
        found[f"lower {name}"] = QLocale(name).toLower(text.upper())
    found["codecs"] = QStringConverter.availableCodecs()
    for codec in CODECS:
        found[f"codec {codec}"] = [QStringDecoder(codec).name(), QStringEncoder(codec).isValid()]
    kinds = list(QTimeZone.TimeType)
    styles = list(QTimeZone.NameType)
    for zone in ZONES:
        for name in ("de_DE", "en_US", "ja_JP"):
            for kind in kinds:
                for style in styles:
                    key = f"zone {zone.decode()} {name} {kind.name} {style.name}"
                    found[key] = QTimeZone(zone).displayName(kind, style, QLocale(name))
    moment = QDateTime.fromString("2026-07-01T12:00:00", "yyyy-MM-ddTHH:mm:ss")
    found["date de_DE"] = QLocale("de_DE").toString(moment, "dddd, d. MMMM yyyy HH:mm tttt")
    return found


if __name__ == "__main__":
    print(json.dumps(answers(), ensure_ascii=False, sort_keys=True, indent=0))
