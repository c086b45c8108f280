"""Words typed in a hurry: "hotle", "flihgt", "cappucino", "chiken", "bubbel" read as the words they miss.

Only two letters swapped, or one letter left out or one too many inside the word (a wrong letter is left
alone: "slight" is no "flight", "money" no "honey"; so is one more or less at either end: "light" is no
"flight", "bottle" no "bottled"; "diner" is left as it is: a letter left out is read in words of six letters or
more), only in words of five letters or more, and only towards the words the rules read and the longer English
words of the catalogue's dishes, products and films, when exactly one of them is that close.
"""

from __future__ import annotations

from collections.abc import Iterable

from bangwo.understand.speech import substituted
from bangwo.understand.text import compiled

# The words the rules decide by that people mistype (not "cancel": "cancer" is a word; not "order": "older").
_RULE_WORDS = (
    "hotel", "hotels", "flight", "flights", "ticket", "tickets", "tomorrow", "tonight", "reservation",
    "reservations", "booking", "bookings", "delivery", "premiere", "economy", "business", "breakfast", "morning",
    "afternoon", "evening", "saturday", "sunday", "monday", "tuesday", "thursday", "friday", "please",
)
# Everyday words a letter from a catalogue word, never a typo of it: "we're 4 couples" (not couplets).
_WORDS_OF_THEIR_OWN = frozenset({"couple", "couples"})
_SHORTEST_TYPO = 5
_SHORTEST_CATALOGUE_WORD = 6  # shorter food words sit one letter from everyday ones (water, waiter)
_WORD = compiled(r"[a-z]{5,}")


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typos(word: str) -> Iterable[str]:
    """The ways of mistyping `word` that are read back: two letters swapped, one inner letter left out, one
    letter too many inside it."""
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(1, len(word) - 1):
        yield word[:i] + word[i + 1 :]
    for i in range(1, len(word)):
        for letter in _LETTERS:
            yield word[:i] + letter + word[i:]


class Speller:
    def __init__(self, catalogue_words: Iterable[str]) -> None:
        long_words = {w for w in catalogue_words if w.isascii() and w.isalpha() and len(w) >= _SHORTEST_CATALOGUE_WORD}
        known = frozenset(_RULE_WORDS) | long_words
        # Every typo of every word, built once (about 30,000 strings), so reading a word is one look-up.
        meant: dict[str, set[str]] = {}
        for word in known:
            for typo in _typos(word):
                if len(typo) >= _SHORTEST_TYPO and typo not in known and typo not in _WORDS_OF_THEIR_OWN:
                    meant.setdefault(typo, set()).add(word)
        # (a letter left out only of a longer word: "diner" is a word of its own, "chiken" is not)
        self._meant = {
            typo: next(iter(words)) for typo, words in meant.items()
            if len(words) == 1 and (len(typo) > _SHORTEST_TYPO or len(typo) >= len(next(iter(words))))
        }

    def corrected(self, lowered: str, cased: str) -> tuple[str, str]:
        """Both copies of the command with each mistyped word written as the word it misses."""
        meant = {typed: word for typed in _WORD.findall(lowered) if (word := self._meant.get(typed))}
        if not meant:
            return lowered, cased  # (most commands: nothing to change)
        return substituted(_WORD, lambda m: meant.get(m.group(0), m.group(0)), lowered, cased)
