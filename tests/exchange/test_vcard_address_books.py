"""vCard exports as phones, Gmail, Outlook, Apple, Thunderbird, Evolution, BlackBerry and
Lotus Notes write them: every card imports; odd and hostile cards never end the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.exchange.records import Labelled
from desktop_app.exchange.vcard_in import parse_vcard, parse_vcard_bytes

BOOKS = Path(__file__).resolve().parents[1] / "data" / "exchange" / "address-books"

EVERY_NAME = {
    "android-2.1.vcf": ["Ayşe Öztürk", "Mehmet Usta"],
    "apple-contacts-3.0.vcf": ["Chidi Okafor", "Nordlicht Ventures"],
    "blackberry-2.1.vcf": ["Kwame Mensah"],
    "evolution-3.0.vcf": ["Lucas Fernandes"],
    "gmail-3.0.vcf": ["Priya Raman"],
    "iphone-photo.vcf": ["Camille Moreau", "Erik Lindqvist"],
    "lotus-notes.vcf": ["Klaus Schneider", "Greta Hoffmann"],
    "outlook-photo-2.1.vcf": ["Niamh O'Sullivan"],
    "thunderbird-4.0.vcf": ["Tomasz Kowalski"],
    "thunderbird-old.vcf": ["Mette Larsen"],
}


def test_every_sample_is_listed() -> None:
    assert sorted(p.name for p in BOOKS.glob("*.vcf")) == sorted(EVERY_NAME)


# Apple's group and Evolution's list: their e-mail addresses are the members'.
GROUP_CARDS = {"apple-contacts-3.0.vcf": [46], "evolution-3.0.vcf": [30]}


@pytest.mark.parametrize("name", sorted(EVERY_NAME))
def test_every_card_of_a_real_export_imports(name: str) -> None:
    parsed = parse_vcard(BOOKS / name)
    assert [r.name() for r in parsed.records] == EVERY_NAME[name]
    assert [p.line for p in parsed.problems] == GROUP_CARDS.get(name, [])
    for problem in parsed.problems:
        assert problem.message == "this card is a group or list, not a person; it was skipped."


def test_iphone_photo_with_unindented_base64_lines_is_left_out() -> None:
    camille, erik = parse_vcard(BOOKS / "iphone-photo.vcf").records
    assert camille.location == "Lyon, France"
    assert camille.emails == [Labelled("camille@atelier-moreau.example", "work")]
    # The property after a 2.1 base64 block (ended by a blank line) is still read.
    assert erik.notes == "Sailing club, Gothenburg"
    assert erik.phones == [Labelled("+46 70 555 01 04", "mobile")]


def test_lotus_notes_profile_lines_and_odd_begin_lines() -> None:
    klaus, greta = parse_vcard(BOOKS / "lotus-notes.vcf").records
    assert (klaus.company, klaus.location) == ("Rheinmetall Beratung", "Düsseldorf, Deutschland")
    assert greta.emails == [Labelled("greta.hoffmann@example.de", "")]


def test_quoted_printable_soft_breaks_and_grouped_labels() -> None:
    (ayse, _) = parse_vcard(BOOKS / "android-2.1.vcf").records
    assert ayse.notes == "Met at the Istanbul trade fair.\nFollow up on the samples – in spring."
    (niamh,) = parse_vcard(BOOKS / "outlook-photo-2.1.vcf").records
    assert niamh.notes.endswith("a pilot with our team\nSend the deck before Friday.")
    assert niamh.linkedin_url == "https://www.linkedin.com/in/niamh-osullivan"
    (chidi, _) = parse_vcard(BOOKS / "apple-contacts-3.0.vcf").records
    assert chidi.phones[1] == Labelled("+234 1 555 0105", "lagos office")
    assert chidi.linkedin_url == "https://www.linkedin.com/in/chidi-okafor"
    (priya,) = parse_vcard(BOOKS / "gmail-3.0.vcf").records
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raman"
    assert priya.emails[1] == Labelled("priya@lotusrobotics.example", "lotus")
    (kwame,) = parse_vcard(BOOKS / "blackberry-2.1.vcf").records
    assert kwame.phones[-1] == Labelled("2A3B4C5D", "pin")


def card(name: str, *inner: str) -> str:
    return "\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", *inner, "END:VCARD"]) + "\n"


def test_an_agent_card_inside_a_card_is_left_out_with_its_line() -> None:
    text = card("Outer One", "AGENT:", card("Agent One").strip(), "TEL:+1 555 0100") + card("Next")
    parsed = parse_vcard_bytes(text.encode(), "nested.vcf")
    assert [r.name() for r in parsed.records] == ["Outer One", "Next"]
    assert parsed.records[0].phones == [Labelled("+1 555 0100", "")]
    assert [str(p) for p in parsed.problems] == [
        "line 5: a card written inside this card (an AGENT) was left out."
    ]


def test_an_inline_agent_of_vcard_30_is_left_out_with_its_folded_lines() -> None:
    # RFC 2426's own example: the agent's card escaped into one folded value.
    agent = "AGENT:BEGIN:VCARD\\nFN:Susan Thomas\\nTEL:+1-919-555-\n 1234\\nEND:VCARD\\n"
    parsed = parse_vcard_bytes(card("Ravi Kumar", "TITLE:Director", agent).encode(), "a.vcf")
    (ravi,) = parsed.records
    assert (ravi.title, ravi.phones) == ("Director", [])


def test_a_card_without_its_end_line_ends_where_the_next_begins() -> None:
    # Also what a bare card inside a card amounts to: the outer card lacks its end there.
    text = card("Outer One", card("Inner One").strip()) + card("Next One")
    parsed = parse_vcard_bytes(text.encode(), "nested.vcf")
    assert [r.name() for r in parsed.records] == ["Outer One", "Inner One", "Next One"]
    assert [str(p) for p in parsed.problems] == [
        "line 1: this card has no END:VCARD line; it was read up to the next card."
    ]
    unended = card("First").removesuffix("END:VCARD\n") + card("Second") + card("Third")
    unended += "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n"
    parsed = parse_vcard_bytes(unended.encode(), "cut.vcf")
    assert [r.name() for r in parsed.records] == ["First", "Second", "Third"]
    assert [str(p) for p in parsed.problems] == [
        "line 1: this card has no END:VCARD line; it was read up to the next card.",
        "line 12: this card never ends (no END:VCARD); it was skipped.",
    ]


def test_a_thousand_agents_inside_each_other_cost_nothing() -> None:
    inner = "BEGIN:VCARD\nVERSION:2.1\nFN:Agent\nAGENT:\n" * 1000 + "END:VCARD\n" * 1000
    text = "BEGIN:VCARD\nVERSION:2.1\nN:Deep;Dora\nAGENT:\n" + inner + "END:VCARD\n"
    parsed = parse_vcard_bytes(text.encode(), "agents.vcf")
    assert [r.name() for r in parsed.records] == ["Dora Deep"]
    assert [p.line for p in parsed.problems] == [5]
    bare = "BEGIN:VCARD\nVERSION:3.0\nFN:Nested\n" * 1000 + "END:VCARD\n" * 1000
    assert len(parse_vcard_bytes(bare.encode(), "bare.vcf").records) == 1000


def test_a_card_vobject_stops_on_is_skipped_alone_with_its_line() -> None:
    # vobject ends with a TypeError on a charset written inside the encoding parameter.
    bad = "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE,CHARSET=x:=41\nEND:VCARD\n"
    parsed = parse_vcard_bytes((card("Good One") + bad).encode(), "mixed.vcf")
    assert [r.name() for r in parsed.records] == ["Good One"]
    assert [str(p) for p in parsed.problems] == [
        "line 5: this card cannot be read; it was skipped."
    ]


def test_a_huge_field_netwise_does_not_keep_is_passed_by() -> None:
    # Outlook's card design, or another program's picture without an ENCODING parameter.
    design = "X-MS-OL-DESIGN;CHARSET=utf-8:<card>" + "<fld/>" * 40_000 + "</card>"
    parsed = parse_vcard_bytes(card("Big Design", design).encode(), "outlook.vcf")
    assert [r.name() for r in parsed.records] == ["Big Design"]
