"""The pitch as a stranger hears it: assembled, checked, and cut into variants."""

from __future__ import annotations

from desktop_app.insights.findings import Level, first_problem, problems, worth_showing
from desktop_app.insights.goal_profile import PitchParts
from desktop_app.insights.pitch import assemble_pitch, check_pitch
from desktop_app.insights.pitch_variants import (
    HEADLINE_MAX,
    generate_variants,
    headline,
    thirty_second_pitch,
    who_phrase,
)
from desktop_app.insights.profile_checklist import assess_checklist
from desktop_app.insights.target_mentions import mentioned
from desktop_app.insights.wording import count_words, speaking_seconds

GOOD = PitchParts(
    who="I'm a product manager with six years in B2B software.",
    offer="I turn messy energy data into products that operators use every day.",
    look_for="I'm looking for a head of product role at an energy software company",
    why="Because software is how the grid will decarbonise fastest!",
    ask="Who is the one person I should talk to on your product team?",
)
ROLES = ["Head of Product"]
INDUSTRIES = ["Energy", "Software"]


def _codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [finding.code for finding in findings]


def test_assembled_in_speaking_order_with_sentence_ends() -> None:
    text = assemble_pitch(GOOD)
    assert text.startswith("I'm a product manager")
    assert "energy software company. Because" in text  # a full stop added
    assert "fastest! Who" in text  # an existing end kept
    assert assemble_pitch(PitchParts(who="  Hi  there ", ask="")) == "Hi there."
    assert assemble_pitch(PitchParts()) == ""


def test_a_good_pitch_passes_every_check_but_style() -> None:
    findings = check_pitch(GOOD, roles=ROLES, industries=INDUSTRIES)
    assert _codes(findings) == [
        "pitch.length_ok",
        "pitch.offer_ok",
        "looking_for.ok",
        "pitch.ask_ok",
    ]
    assert worth_showing(findings) == []


def test_missing_ask_and_missing_offer_are_warned() -> None:
    parts = PitchParts(who=GOOD.who, look_for=GOOD.look_for, why=GOOD.why)
    codes = _codes(check_pitch(parts, roles=ROLES, industries=INDUSTRIES))
    assert "pitch.no_ask" in codes
    assert "pitch.no_offer" in codes


def test_an_offer_said_elsewhere_counts() -> None:
    parts = PitchParts(who="I'm a data engineer and I can help your team ship faster.")
    assert "pitch.offer_ok" in _codes(check_pitch(parts))


def test_an_ask_that_is_no_request_is_a_hint() -> None:
    unclear = PitchParts(who=GOOD.who, ask="That is me in a nutshell.")
    (finding,) = [f for f in check_pitch(unclear) if f.code.startswith("pitch.ask")]
    assert (finding.code, finding.level) == ("pitch.ask_unclear", Level.HINT)
    polite = PitchParts(who=GOOD.who, ask="I would love an introduction to your CTO.")
    assert "pitch.ask_ok" in _codes(check_pitch(polite))


def test_the_target_never_named() -> None:
    parts = PitchParts(who="I build things.", look_for="A new challenge.", ask="Can we talk?")
    findings = check_pitch(parts, roles=["Data Engineer"], industries=["Fintech"])
    (named,) = [f for f in findings if f.code.startswith("looking_for")]
    assert named.code == "looking_for.vague"
    assert "the role (“Data Engineer”) or the company or industry (“Fintech”)" in named.message
    assert "looking_for.no_targets" in _codes(check_pitch(parts))  # no targets: none to name


def test_the_pitch_page_and_the_checklist_agree_on_what_i_look_for() -> None:
    roles, industries = ["Data Engineer"], ["Renewable energy"]
    parts = PitchParts(
        who="I'm a data engineer with five years in banking IT.",
        look_for="I'm looking for a data engineering role at a renewable energy company.",
    )
    for look_for, code in (
        (parts.look_for, "looking_for.ok"),
        ("I'm looking for a role in renewable energy.", "looking_for.vague"),
    ):
        asked = PitchParts(who=parts.who, look_for=look_for)
        (on_pitch,) = [
            f
            for f in check_pitch(asked, roles=roles, industries=industries)
            if f.code.startswith("looking_for")
        ]
        in_checklist = assess_checklist(
            headline="",
            summary="",
            looking_for=look_for,
            organisations=[],
            roles=roles,
            companies=[],
            industries=industries,
        )["looking_for"]
        assert on_pitch == in_checklist
        assert on_pitch.code == code


def test_a_target_is_named_by_its_significant_words() -> None:
    assert mentioned("the product head", ["Head of Product"]) == ["Head of Product"]
    assert mentioned("head of products", ["Head of Product"]) == []
    assert mentioned("Energy and B2B software", ["B2B Software", "Banking"]) == ["B2B Software"]
    assert mentioned("a climate-tech company", ["Climate tech"]) == ["Climate tech"]
    assert mentioned("tech for the climate", ["Climate-tech"]) == ["Climate-tech"]
    assert mentioned("climate policy", ["Climate tech"]) == []
    assert mentioned("a data engineering role", ["Data Engineer"]) == ["Data Engineer"]
    assert mentioned("a search engine", ["Search Engineer"]) == []


def test_jargon_and_filler_are_named() -> None:
    parts = PitchParts(
        who="I'm basically a thought leader who leverages synergy.",
        offer="I really help.",
        ask="Can we talk?",
    )
    findings = {f.code: f for f in check_pitch(parts)}
    assert findings["pitch.jargon"].message.startswith(
        "Jargon a stranger may not follow: “thought leader”, “leverages” and “synergy”."
    )
    assert "“basically” and “really”" in findings["pitch.filler"].message
    assert findings["pitch.filler"].level is Level.HINT


def test_kind_of_is_filler_only_as_a_hedge() -> None:
    plain = PitchParts(who="I build the kind of data pipelines analysts trust.")
    assert "pitch.filler" not in _codes(check_pitch(plain))
    hedge = PitchParts(who="I kind of lead the data team. What sort of help do you need?")
    (filler,) = [f for f in check_pitch(hedge) if f.code == "pitch.filler"]
    assert "“kind of”" in filler.message
    assert "sort of" not in filler.message


def test_empty_pitch_blocks_and_far_too_long_blocks() -> None:
    assert first_problem(check_pitch(PitchParts())).code == "pitch.empty"  # type: ignore[union-attr]
    rambling = PitchParts(who=" ".join(["word"] * 200))
    assert _codes(problems(check_pitch(rambling))) == ["pitch.far_too_long"]
    short = PitchParts(who="I'm Ana.", look_for="A job.")
    assert "pitch.too_short" in _codes(check_pitch(short))
    assert "pitch.no_offer" in _codes(check_pitch(short))


def test_missing_who_and_look_for() -> None:
    codes = _codes(check_pitch(PitchParts(offer="I help teams ship.", ask="Can we talk?")))
    assert "pitch.no_who" in codes
    assert "looking_for.missing" in codes


def test_thirty_second_variant_fits_in_thirty_seconds() -> None:
    long = PitchParts(
        who=GOOD.who + " Before that I ran support for a utility for four long years.",
        offer=GOOD.offer + " I also mentor junior product people on discovery work.",
        look_for=GOOD.look_for,
        why=GOOD.why,
        ask=GOOD.ask,
    )
    assert speaking_seconds(count_words(assemble_pitch(long))) > 30
    short = thirty_second_pitch(long)
    assert speaking_seconds(count_words(short)) <= 30
    assert "Because software" not in short
    assert short.endswith(GOOD.ask)
    already_short = PitchParts(who="I'm Ana, a nurse.", ask="Can we talk?")
    assert thirty_second_pitch(already_short) == "I'm Ana, a nurse. Can we talk?"


def test_headline_names_the_target_and_fits_one_line() -> None:
    line = headline(GOOD, ROLES, INDUSTRIES)
    assert line == (
        "Product manager with six years in B2B software | Open to Head of Product roles in "
        "energy and software"
    )
    long = PitchParts(who="I am a " + "very " * 40 + "experienced engineer.")
    assert len(headline(long, ROLES, INDUSTRIES)) <= HEADLINE_MAX
    assert headline(long, ROLES, INDUSTRIES).endswith(
        "Open to Head of Product roles in energy and software"
    )
    assert headline(PitchParts(), [], []) == ""
    assert headline(PitchParts(), [], ["Energy"]) == "Working towards energy"


def test_who_phrase_drops_the_introduction() -> None:
    assert who_phrase("Hi, I'm an architect. I love trains.") == "Architect"
    assert who_phrase("My name is Ana and I am a nurse in Leeds.") == "Nurse in Leeds"
    assert who_phrase("Data engineer at Helix.") == "Data engineer at Helix"


def test_summary_opens_with_what_the_industry_gets() -> None:
    variants = generate_variants(GOOD, roles=ROLES, industries=INDUSTRIES)
    first, second = variants.summary.split("\n\n")
    assert first.startswith("What I bring to teams in energy and software: I turn messy")
    assert second.endswith("If you work in energy or software, I would be glad to compare notes.")
    assert variants.thirty_seconds == assemble_pitch(GOOD)
    assert "Head of Product" in variants.headline
    bare = generate_variants(PitchParts(who="I'm Ana."))
    assert bare.summary == "I'm Ana."


def test_industry_names_read_as_words_inside_a_sentence() -> None:
    parts = PitchParts(offer="I build data pipelines.", look_for="A data engineer role.")
    names = ["Renewable energy", "B2B software", "AI"]
    summary = generate_variants(parts, industries=names).summary
    assert summary.startswith("What I bring to teams in renewable energy, B2B software and AI:")
    assert "If you work in renewable energy, B2B software or AI," in summary
    line = headline(parts, ["Data Engineer"], ["Renewable energy", "Climate Tech"])
    assert line.endswith("Open to Data Engineer roles in renewable energy and Climate Tech")
