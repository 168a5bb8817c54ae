"""The duplicate rules: e-mail or profile address = same person; similar name at the same
company = a suggestion with its score; against the database and within the file."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.exchange.matching import Existing, find_duplicates
from desktop_app.exchange.merging import contact_changes
from desktop_app.exchange.normalise import (
    company_key,
    email_key,
    name_key,
    parsed_profile_key,
    plain_words,
    profile_key,
)
from desktop_app.exchange.plan import CREATE, MERGE, build_plan
from desktop_app.exchange.records import ContactRecord, Labelled, ParsedFile


def record(name: str, company: str = "", email: str = "", url: str = "") -> ContactRecord:
    first, _, last = name.partition(" ")
    return ContactRecord(
        first_name=first,
        last_name=last,
        full_name=name,
        company=company,
        linkedin_url=url,
        emails=[Labelled(email)] if email else [],
    )


def test_keys() -> None:
    assert email_key("  Ann.Lee@Example.COM ") == email_key("mailto:ann.lee@example.com")
    assert email_key("not an address") == ""
    assert (
        profile_key("https://de.linkedin.com/in/J%C3%BCrgen-M/?trk=x") == "linkedin.com/in/jürgen-m"
    )
    assert profile_key("linkedin.com/in/jürgen-m") == profile_key(
        "http://www.LinkedIn.com/in/Jürgen-M/"
    )
    assert profile_key("https://www.linkedin.com/in/ann") != profile_key(
        "https://www.linkedin.com/in/anna"
    )
    assert company_key("ACME, Inc.") == company_key("Acme") == "acme"
    assert company_key("The Boring Company") == "boring"
    assert company_key("The Company") == "the company"  # nothing but legal words: kept
    assert name_key("O'Brien, Zoë") == name_key("zoe o brien")


@given(
    st.sampled_from(["https://www.linkedin.com/", " HTTPS://WWW.LinkedIn.com/", "https://x.io/"]),
    st.text(alphabet=st.sampled_from("aZü-_/?#%@:. 2C3B\n"), max_size=30),
)
def test_the_usual_profile_address_is_read_as_the_expression_reads_it(
    prefix: str, rest: str
) -> None:
    url = prefix + rest
    assert profile_key(url) == parsed_profile_key(url.strip().casefold())


@given(st.text(max_size=30))
def test_plain_words_read_as_they_did_before_the_ascii_shortcut(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert plain_words(text) == plain_words.__wrapped__(stripped)


def test_exact_matches_against_the_database() -> None:
    existing = [
        Existing(
            1, "Ann Lee", "Acme", "https://www.linkedin.com/in/ann-lee", ("ann@acme.example",)
        ),
        Existing(2, "Bob Ray", "Beta", "", ("BOB@beta.example",)),
    ]
    records = [
        record("Ann L.", "Other", url="linkedin.com/in/Ann-Lee/"),
        record("Robert Ray", "", email="bob@Beta.example"),
        record("Cy Doe", "Gamma", email="cy@gamma.example"),
    ]
    report = find_duplicates(records, existing)
    assert report.exact[0].contact_id == 1 and report.exact[0].reason == "same profile address"
    assert report.exact[1].contact_id == 2 and "same e-mail" in report.exact[1].reason
    assert 2 not in report.exact and 2 not in report.suggestions


def test_similar_name_at_the_same_company_is_only_a_suggestion() -> None:
    existing = [Existing(1, "John Smith", "Acme Inc."), Existing(2, "John Smith", "Beta")]
    records = [record("Jon Smith", "ACME"), record("Jane Smith", "Acme"), record("Jon Smith", "")]
    report = find_duplicates(records, existing)
    assert report.exact == {}
    (suggestion,) = report.suggestions[0]
    assert suggestion.contact_id == 1 and not suggestion.exact
    assert 90 < suggestion.score < 100
    assert 1 not in report.suggestions  # "Jane" is another person
    assert 2 not in report.suggestions  # no company: never guessed
    plan = build_plan(ParsedFile("x.csv", "linkedin", "UTF-8", records), report)
    assert [item.action for item in plan.items] == [CREATE, CREATE, CREATE]
    assert plan.suggested() == [plan.items[0]]


def test_duplicates_within_the_file() -> None:
    records = [
        record("Ann Lee", "Acme", email="ann@acme.example"),
        record("Ann Lee", "Acme", email="ANN@acme.example"),
        record("Anne Lee", "Acme"),
    ]
    report = find_duplicates(records, [])
    assert report.exact[1].other_index == 0 and report.exact[1].contact_id is None
    assert report.suggestions[2][0].other_index in (0, 1)
    plan = build_plan(ParsedFile("x.csv", "google", "UTF-8", records), report)
    assert [i.action for i in plan.items] == [CREATE, MERGE, CREATE]
    assert plan.items[1].into_index == 0


def test_database_matches_come_before_the_file() -> None:
    existing = [Existing(5, "Ann Lee", "Acme", "", ("ann@acme.example",))]
    records = [
        record("Ann Lee", email="ann@acme.example"),
        record("A Lee", email="ann@acme.example"),
    ]
    report = find_duplicates(records, existing)
    assert report.exact[0].contact_id == 5 and report.exact[1].contact_id == 5


def test_merge_fills_gaps_and_linkedin_replaces_the_job() -> None:
    current = ContactRecord(
        first_name="Ann",
        last_name="Lee",
        title="Engineer",
        company="Acme",
        notes="Met at PyCon",
        emails=[Labelled("ann@acme.example")],
        tags=["Mentor"],
    )
    incoming = ContactRecord(
        first_name="Annie",
        last_name="Lee",
        title="CTO",
        company="Beta",
        location="Berlin",
        notes="Met at PyCon",
        emails=[Labelled("ANN@acme.example"), Labelled("ann@beta.example")],
        tags=["mentor", "Berlin"],
    )
    filled = contact_changes(current, incoming)
    assert {c.field: c.new for c in filled.fields} == {"location": "Berlin"}
    assert [e.value for e in filled.new_emails] == ["ann@beta.example"]
    assert filled.new_tags == ["Berlin"] and not filled.job_change
    replaced = contact_changes(current, incoming, replaced=frozenset({"title", "company"}))
    assert {c.field: (c.old, c.new) for c in replaced.fields if c.field != "location"} == {
        "title": ("Engineer", "CTO"),
        "company": ("Acme", "Beta"),
    }
    assert replaced.job_change


def test_detect_format_of_a_dropped_file(data) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.exchange.formats import detect_format

    assert detect_format(data / "linkedin-2024.csv") == "linkedin"
    assert detect_format(data / "linkedin-2019.csv") == "linkedin"
    assert detect_format(data / "google-contacts.csv") == "google"
    assert detect_format(data / "google-contacts-legacy.csv") == "google"
    assert detect_format(data / "outlook-2.1.vcf") == "vcard"
    assert detect_format(data / "nowhere.csv") is None
