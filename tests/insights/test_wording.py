"""Words and seconds as a listener hears them."""

from __future__ import annotations

import pytest

from desktop_app.insights.findings import Level
from desktop_app.insights.wording import (
    assess_speaking_time,
    count_words,
    find_phrases,
    mentions,
    quote_list,
    speaking_seconds,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("well-known", 1),
        ("a well-known, state-of-the-art tool.", 4),
        ("—", 0),
        ("word — word", 2),
        ("fast—really fast", 3),
        ("well -- known", 2),
        ("- * / …", 0),
        ("I'm sure it’s fine", 4),
        ("2025", 1),
        ("6 years, 1,000 users and 3.5 million euros", 8),
        ("$5k and 40%", 3),
        ("Node.js, R&D and and/or", 4),
        ("Hello,world", 2),
        ("Ünïcödé wörds count", 3),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


def test_speaking_time_is_130_words_a_minute() -> None:
    assert speaking_seconds(130) == pytest.approx(60.0)
    assert speaking_seconds(65) == pytest.approx(30.0)
    assert speaking_seconds(0) == 0.0
    assert speaking_seconds(100, words_per_minute=100) == pytest.approx(60.0)


@pytest.mark.parametrize(
    ("word_count", "code", "level"),
    [
        (0, "pitch.empty", Level.PROBLEM),
        (1, "pitch.too_short", Level.WARNING),
        (42, "pitch.too_short", Level.WARNING),  # 19.4 s shows as 19 s
        (43, "pitch.length_ok", Level.OK),  # 19.8 s shows as 20 s
        (65, "pitch.length_ok", Level.OK),
        (87, "pitch.length_ok", Level.OK),  # 40.2 s shows as 40 s
        (88, "pitch.too_long", Level.WARNING),  # 40.6 s shows as 41 s
        (195, "pitch.too_long", Level.WARNING),  # 90 s
        (197, "pitch.far_too_long", Level.PROBLEM),  # 91 s
    ],
)
def test_speaking_time_against_the_aim(word_count: int, code: str, level: Level) -> None:
    finding = assess_speaking_time(word_count)
    assert (finding.code, finding.level) == (code, level)
    if word_count:
        assert f"({word_count} word{'s' * (word_count != 1)})" in finding.message


def test_speaking_time_message_says_seconds_and_the_aim() -> None:
    assert assess_speaking_time(30).message.startswith("About 14 s (30 words): shorter than")
    assert "20–40 s aim" in assess_speaking_time(30).message


def test_phrases_match_whole_words_in_text_order() -> None:
    text = "Basically, I leverage synergies. Justice matters; I just do."
    assert find_phrases(text, ["synergies", "leverage", "just", "basically"]) == [
        "basically",
        "leverage",
        "synergies",
        "just",
    ]
    assert find_phrases("Justice", ["just"]) == []
    assert find_phrases("non-leverage", ["leverage"]) == []
    assert find_phrases("a Deep  Dive", ["deep dive"]) == []  # two spaces: not the phrase
    assert find_phrases("a Deep Dive", ["deep dive"]) == ["deep dive"]


def test_mentions_a_name_whatever_its_spacing_or_case() -> None:
    assert mentions("I want to be head of product.", "Head  of Product")
    assert not mentions("I want to be head of products.", "Head of Product")
    assert not mentions("anything", "  ")


def test_quote_list() -> None:
    assert quote_list([]) == ""
    assert quote_list(["a"]) == "“a”"
    assert quote_list(["a", "b", "c"]) == "“a”, “b” and “c”"
    assert quote_list(list("abcdef"), limit=4) == "“a”, “b”, “c”, “d” and 2 more"
