"""Chinese names said in pinyin: the catalogue's names spelt the way people type them, and dishes named in it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bangwo.providers.demo.world import demo_catalogue
from bangwo.understand import Lexicon, Parser
from bangwo.understand.pinyin import _SYLLABLES, SYLLABLE_BREAK, is_pinyin, says_a_dish, spellings

NOW = datetime.fromisoformat("2026-02-10T10:00:00+08:00")


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(Lexicon.from_catalogues([demo_catalogue()]))


def _said(spelling: str) -> str:
    return spelling.replace(SYLLABLE_BREAK, " ")


def test_a_name_is_spelt_by_each_characters_reading() -> None:
    assert _said(spellings("杨枝甘露")[0]) == "yang zhi gan lu"
    assert "chang sha" in [_said(s) for s in spellings("长沙")]  # 长 read its second way too
    assert [_said(s) for s in spellings("绿茶")] == ["lu cha", "lv cha"]  # ü typed as u or v


@pytest.mark.parametrize("name", ["茶", "哪吒2", "Heytea", ""])
def test_no_spelling_for_one_character_or_a_name_with_more_than_chinese_in_it(name: str) -> None:
    assert spellings(name) == []


@given(st.lists(st.sampled_from(sorted(_SYLLABLES)), min_size=1, max_size=5))
def test_any_run_of_syllables_is_pinyin(syllables: list[str]) -> None:
    assert is_pinyin("".join(syllables))


@pytest.mark.parametrize("word", ["order", "please", "and", "less", "burger", "x2", ""])
def test_english_words_are_not_pinyin(word: str) -> None:
    assert not is_pinyin(word)


@pytest.mark.parametrize(
    ("text", "dish"),
    [
        ("3 dandan mian", True),  # an ending said after a word of pinyin
        ("2 jidan chaofan", True),  # a word ending as dishes do
        ("reganmian", True),
        ("buy a fan", False),  # fan alone is no rice
        ("a mustang", False),  # no word of pinyin ends so
        ("tang", False),
    ],
)
def test_a_dish_named_in_pinyin(text: str, dish: bool) -> None:
    assert says_a_dish(text) is dish


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the catalogue's dishes and goods spelt in pinyin, spaced as people space them
        ("a large yangzhi ganlu less sugar", [("food", {"items": ["yangzhi ganlu"]})]),
        ("yang zhi gan lu 2 cups no sugar", [("food", {"items": ["yang zhi gan lu"]})]),
        ("buy 2 jin of pingguo", [("grocery", {"items": ["pingguo"]})]),  # apples are the shop's
        ("cancel the pingguo order", [("grocery", {"action": "cancel"})]),
        ("2 jianbing, and also buy 2 jin of pingguo", [("food", {}), ("grocery", {"items": ["pingguo"]})]),
        # a product spelt in pinyin, then more pinyin: the first words of a dish the catalogue lacks
        # (held before, and kept: 茶叶 spelt in pinyin is no product of its own here)
        ("4 rou baozi and 2 cha ye dan for breakfast", [("food", {"items": ["rou baozi", "cha ye dan"]})]),
        ("2 jidan chaofan, 1 xihongshi jidan tang", [("food", {"items": ["jidan chaofan", "xihongshi jidan tang"]})]),
        ("3 dandan mian to the office at noon", [("food", {"items": ["dandan mian"], "time": "12:00"})]),
        ("niurou mian x2", [("food", {"items": ["niurou mian"]})]),
        # (held before) an English word that pinyin spells too stays English
        ("a mocha please", [("food", {"items": ["mocha"]})]),
    ],
)
def test_names_said_in_pinyin(parser: Parser, text: str, expected: list[tuple[str, dict[str, Any]]]) -> None:
    frames = parser.parse(text, NOW).to_json_dict()["frames"]
    assert [f["domain"] for f in frames] == [domain for domain, _ in expected]
    for frame, (_, slots) in zip(frames, expected, strict=True):
        got = {k: [i["name"] for i in frame.get("items", [])] if k == "items" else frame.get(k) for k in slots}
        assert got == slots
