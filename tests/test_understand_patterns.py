"""How the rules' patterns are compiled: alternatives that start alike share their start, and match the same."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bangwo.understand.text import compiled

# Steps an alternative is made of: a few characters (written plainly and escaped), sets, lookarounds, a word
# boundary, a group that captures, each perhaps repeated; few, so that alternatives often start alike.
_STEPS = ["a", "a", "b", r"\x61", "退", r"\u9000", "[ab]", "[^a]", r"\b", "(?<!a.)", "(?=b)", "(a|ab)", "."]
_REPEATS = ["", "", "", "", "", "?", "*", "+", "{2}", "??"]
_alternative = st.lists(st.tuples(st.sampled_from(_STEPS), st.sampled_from(_REPEATS)), min_size=1, max_size=3).map(
    lambda steps: "".join(step + repeat for step, repeat in steps)
)
_pattern = st.lists(_alternative, min_size=2, max_size=8).map("|".join)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=2000)  # (a reordering shows only in some patterns, and on some texts)
@given(pattern=_pattern, text=st.text(alphabet="ab退 ", max_size=8))
def test_shared_starts_match_what_the_pattern_matches(pattern: str, text: str) -> None:
    try:
        written = re.compile(pattern)
    except re.error:
        return  # (a repeat of a lookaround, of nothing: not a pattern, and then not one after either)
    assert _matches(compiled(pattern), text) == _matches(written, text)


@pytest.mark.parametrize(
    ("written", "shared"),
    [
        ("取消|退掉|退款", "取消|退(?:掉|款)"),  # (re tries 取 and 退 once each, not once a word)
        (r"o(?<!\w.)rder|o(?<!\w.)nline|eat", r"o(?:(?<!\w.)(?:rder|nline))|eat"),  # (as letter_led writes them)
        ("ab|a|c|abc", "a(?:b||bc)|c"),  # (each keeps its place among those of its character: ab before a)
        ("退掉|[退到]了|退款", "退掉|[退到]了|退款"),  # (a set between: 退了 might match where 退款 does)
        (r"\u9000掉|退款", r"\u9000(?:掉|款)"),  # (one character, however it is written)
        ("a?b|ab", "a?b|ab"),  # (a repeated start is no shared start)
    ],
)
def test_alternatives_that_start_alike_share_their_start(written: str, shared: str) -> None:
    assert compiled(written).pattern == shared


def test_a_pattern_that_ignores_case_is_compiled_as_written() -> None:
    # (a and A would then start alike, and their order would matter)
    assert compiled("ab|Ac|ad", re.IGNORECASE).pattern == "ab|Ac|ad"


def test_an_unbalanced_pattern_is_an_error() -> None:
    with pytest.raises((ValueError, re.error)):
        compiled("(ab|ac")
