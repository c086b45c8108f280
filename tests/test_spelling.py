"""Words typed in a hurry, read as the words they miss, and everyday words left as they are."""

from __future__ import annotations

import pytest

from bangwo.understand.spelling import Speller

SPELLER = Speller(["cappuccino", "chicken", "nuggets", "bubble", "bottled", "water", "palace", "dinner", "couplets"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("cancel the hotle reservation", "cancel the hotel reservation"),  # two letters swapped
        ("flihgt to chengdu", "flight to chengdu"),
        ("a cappucino please", "a cappuccino please"),  # a letter left out inside the word
        ("chiken nuggets", "chicken nuggets"),
        ("a bubbel tea", "a bubble tea"),
        ("tommorrow morning", "tomorrow morning"),  # one letter too many
    ],
)
def test_a_mistyped_word_is_read_as_the_word_it_misses(typed: str, meant: str) -> None:
    assert SPELLER.corrected(typed, typed) == (meant, meant)


@pytest.mark.parametrize(
    "text",
    [
        "a slight delay",  # a wrong letter: slight is a word of its own
        "I have no money",
        "from morning light coffee",  # one letter more at the start: light is no flight
        "two bottle of water",  # one letter more at the end: bottle is no bottled
        "ramen places nearby",
        "the diner",  # a letter left out is read only in words of six letters or more
        "we're 4 couples",  # a word of its own, a letter from "couplets"
    ],
)
def test_everyday_words_are_left_as_they_are(text: str) -> None:
    assert SPELLER.corrected(text, text) == (text, text)


def test_the_cased_copy_changes_in_the_same_places() -> None:
    assert SPELLER.corrected("a cappucino for anna", "a Cappucino for Anna") == (
        "a cappuccino for anna", "a cappuccino for Anna"
    )
