"""vCard 2.1, 3.0 and 4.0 as address books write them, and vCard 4.0 out."""

from __future__ import annotations

import io
from pathlib import Path

import vobject

from desktop_app.exchange.records import ContactRecord, Labelled
from desktop_app.exchange.vcard_in import parse_vcard, parse_vcard_bytes
from desktop_app.exchange.vcard_out import write_vcards


def test_iphone_groups_labels_photo_and_escapes(data: Path) -> None:
    (johnny,) = parse_vcard(data / "iphone.vcf").records
    assert (johnny.first_name, johnny.middle_name, johnny.last_name) == (
        "Johnny",
        "Q.",
        "Appleseed",
    )
    assert johnny.title == "Engineer, Senior"
    assert johnny.company == "Apple Inc."
    assert johnny.emails == [
        Labelled("johnny@example.com", "other"),
        Labelled("jq@apple.example", "work"),
    ]
    assert johnny.phones[0] == Labelled("+1 (555) 123-4567", "mobile")
    assert johnny.linkedin_url == "https://www.linkedin.com/in/johnny-appleseed"
    assert johnny.notes == "Met at WWDC\nTalked about Swift; wants an intro to the ML team"
    assert johnny.location == "Cupertino, United States"


def test_gmail_several_cards_folded_note_and_categories(data: Path) -> None:
    katherine, dorothy = parse_vcard(data / "gmail.vcf").records
    assert katherine.notes.endswith("long enough that Gmail folds it over two lines.")
    assert katherine.tags == ["myContacts", "Mentors"]
    assert [e.label for e in katherine.emails] == ["home", "work"]
    assert dorothy.name() == "Dorothy Vaughan"
    assert dorothy.line == 15


def test_outlook_21_quoted_printable_and_windows_charsets(data: Path) -> None:
    parsed = parse_vcard(data / "outlook-2.1.vcf")
    juergen, taro = parsed.records
    assert juergen.name() == "Jürgen Müller"
    assert juergen.company == "Bäckerei Müller GmbH"
    # Quoted-printable with a soft line break, in Windows-1252 (the dash is 0x96).
    assert juergen.notes == (
        "Kennengelernt auf der Messe in Köln.\n"
        "Möchte über Kooperation sprechen \u2013 nächste Woche."
    )
    assert juergen.location == "Köln, Deutschland"
    assert juergen.phones == [
        Labelled("+49 221 123456", "work"),
        Labelled("+49 170 1234567", "mobile"),
    ]
    # A card in UTF-8 quoted-printable and Shift_JIS in the same file.
    assert (taro.first_name, taro.last_name, taro.company) == ("太郎", "山田", "株式会社")
    assert "Windows-1252" in parsed.encoding


def test_thunderbird_40_and_evolution_30(data: Path) -> None:
    (ingrid,) = parse_vcard(data / "thunderbird.vcf").records
    assert ingrid.company == "Bricks, Blocks & Co."
    assert ingrid.phones == [
        Labelled("+45 20 12 34 56", "mobile"),
        Labelled("+45-33-12-34-56", "work"),
    ]
    assert ingrid.linkedin_url == "https://dk.linkedin.com/in/ingrid-norgaard"
    (sipho,) = parse_vcard(data / "evolution.vcf").records
    assert sipho.notes == "Installs micro-grids in rural areas, keen to share lessons learned."
    assert sipho.tags == ["Business", "Energy"]


def test_a_broken_card_is_skipped_with_its_line_and_the_rest_read() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bad One\nthis is not a property\nEND:VCARD\n"
    )
    parsed = parse_vcard_bytes(text.encode(), "cards.vcf")
    assert [r.name() for r in parsed.records] == ["Good One"]
    assert parsed.problems[0].line == 8


def full_record() -> ContactRecord:
    return ContactRecord(
        first_name="Zoë",
        middle_name="Q",
        last_name="O'Brien; Jr",
        full_name="Zoë Q O'Brien; Jr",
        title="CTO, Founder",
        company="Widgets, Inc.; Labs",
        industry="Software",
        location="Paris, France",
        linkedin_url="https://www.linkedin.com/in/zoe",
        emails=[Labelled("zoe@widgets.example", "work"), Labelled("z@home.example", "home")],
        phones=[Labelled("+33 6 12 34 56 78", "mobile")],
        tags=["a,b", "mentor"],
        notes="Line one\nLine two; with \\ backslash, comma and 🚀 " + "x" * 120,
        how_met="Conference, 2020",
        shared_interests="climbing",
        can_help_with="intro to VCs",
        i_can_offer="design review",
        seniority="senior",
        circle="new",
        status="dormant",
    )


def test_vcard_40_out_and_back_loses_nothing() -> None:
    out = io.StringIO()
    assert write_vcards([full_record(), ContactRecord(first_name="李小龙")], out) == 2
    text = out.getvalue()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    # Another reader accepts it.
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["Zoë Q O'Brien; Jr", "李小龙"]
    back = parse_vcard_bytes(text.encode(), "out.vcf").records
    original = full_record()
    original.line = back[0].line = 0
    assert back[0] == original
    assert back[1].name() == "李小龙"
