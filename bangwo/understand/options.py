"""Drink and dish options: size, sugar and ice/temperature, in the contract's values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bangwo.understand.lexicon import _trie_regex
from bangwo.understand.rules import TURNED_DOWN_BEFORE
from bangwo.understand.text import ITEM_MARK, OPTION_MARK, MaskedText, compiled

# (phrase, group, value). Longer phrases win over the shorter ones they contain (少一点糖 over 少).
_ZH_PHRASES: tuple[tuple[str, str, str], ...] = (
    *((p, "size", "large") for p in ("超大杯", "特大杯", "大杯", "大份", "大碗", "大号", "大的", "大")),
    *((p, "size", "medium") for p in ("中杯", "中份", "中碗", "中号", "中")),
    *((p, "size", "small") for p in ("小杯", "小份", "小碗", "小号", "小的", "小")),
    *(
        (p, "sugar", "none")
        for p in (
            *("无糖", "不要糖", "不加糖", "不放糖", "别加糖", "别放糖", "去糖", "零糖", "免糖", "0糖"),
            *("没有糖", "没糖"),  # as a learner says 无糖
        )
    ),
    *(
        (p, "sugar", "less")
        for p in (
            *("少糖", "微糖", "少点糖", "少一点糖", "少放糖", "少放点糖", "少放一点糖", "糖少放", "不要太甜", "低糖"),
            *("别太甜", "不太甜", "不用太甜", "糖少一点", "糖少点"),
            *("少甜", "微甜"),  # as said in Guangdong: 走冰少甜
            *("一分糖", "三分糖", "七分糖", "3分糖", "7分糖"),
        )
    ),
    *((p, "sugar", "half") for p in ("半糖", "五分糖", "5分糖", "办糖")),  # (办糖: as a recogniser hears 半糖)
    *((p, "sugar", "normal") for p in ("全糖", "正常糖", "标准糖", "多糖", "十分糖", "加糖", "糖正常")),
    *(
        (p, "ice", "none")
        for p in ("去冰", "不加冰", "不要冰", "不放冰", "别加冰", "别放冰", "无冰", "走冰", "免冰", "没有冰", "没冰")
    ),
    *(
        (p, "ice", "less")
        for p in (
            *("少冰", "微冰", "少点冰", "少一点冰", "少放冰", "少放点冰", "少放一点冰", "冰少放"),
            *("冰少一点", "冰少点", "冰别放太多", "冰不要太多", "别放太多冰"),  # said the other way round
            "少兵",  # (as a recogniser hears 少冰)
        )
    ),
    *((p, "ice", "normal") for p in ("正常冰", "标准冰", "加冰", "多冰", "全冰", "冰的", "冰镇")),
    *((p, "ice", "room") for p in ("常温", "室温", "不冰的", "不冰")),
    *((p, "ice", "warm") for p in ("温热", "温的", "温")),
    *((p, "ice", "hot") for p in ("热的", "热饮", "加热", "烫的", "热乎的", "热乎乎的", "热乎", "热")),
    ("冰", "ice", "normal"),
)
# One-character options (冰 热 温) are common parts of other words (冰淇淋, 热狗, 温州), so they
# count only right before a dish the lexicon knows, or before 的 / punctuation / the end.
_SINGLE_CHAR_FOLLOWERS = rf"(?=[{ITEM_MARK}的,，。.!！?？、;；\s]|$)"

_EN_PHRASES: tuple[tuple[str, str, str], ...] = (
    *((p, "size", "large") for p in ("extra large", "extra-large", "large", "big", "venti")),
    *((p, "size", "medium") for p in ("medium", "regular size", "regular", "grande")),  # (Starbucks' middle size)
    *((p, "size", "small") for p in ("small", "tall")),  # (tall is Starbucks' small)
    ("l", "size", "large"), ("m", "size", "medium"), ("s", "size", "small"),
    *(
        (p, "sugar", "none")
        for p in (
            "no sugar", "sugar-free", "sugar free", "without sugar", "unsweetened", "zero sugar", "0% sugar", "0 sugar",
            "no added sugar",
        )
    ),
    *(
        (p, "sugar", "less")
        for p in (
            "less sugar",
            "light sugar",
            "little sugar",
            "low sugar",
            "less sweet",
            "not too sweet",
            "easy on the sugar",
            "a little sugar",
            "30% sugar",
            "70% sugar",
            "sugar less",  # (said the other way round, as in 少糖 word for word)
        )
    ),
    *(
        (p, "sugar", "half")
        for p in ("half sugar", "half-sugar", "half sweet", "half-sweet", "50% sugar", "sugar half")
    ),
    *(
        (p, "sugar", "normal")
        for p in (
            "full sugar",
            "normal sugar",
            "regular sugar",
            "standard sugar",
            "extra sugar",
            "100% sugar",
            "with sugar",
        )
    ),
    *((p, "ice", "none") for p in ("no ice", "without ice", "ice-free", "ice free", "hold the ice")),
    *(
        (p, "ice", "less")
        for p in (
            *("less ice", "light ice", "little ice", "easy ice", "a little ice", "easy on the ice", "ice less"),
            *("not too much ice", "light on the ice"),
        )
    ),
    *((p, "ice", "normal") for p in ("regular ice", "normal ice", "with ice", "extra ice", "iced", "on ice")),
    *((p, "ice", "room") for p in ("room temperature", "room temp", "room-temperature", "not cold")),
    *((p, "ice", "warm") for p in ("warm",)),
    *((p, "ice", "hot") for p in ("hot",)),
)
# A size said by its letter, after a dish and before what else is said of it or a count: "latte L oat x2",
# 拿铁 M x2 (not "5 m", "Mr. S").
_A_SIZE_LETTER = r"(?<=[a-z\ue000] {0})(?=\s*(?:$|[,;+]|[x×*]\s*\d|\d|\s(?:oat|less|no|half|hot|iced|warm|with|w/)))"
# 大, 中, 小 set apart after a dish (or right after it) and before a space, a count or the end.
_A_WORD_OF_ITS_OWN_ZH = r"(?<=[\s\ue000]{0})(?=$|[\s,，;；×xX*+]|\d)"
# "hot" in a dish name the catalogue lacks (hot dog, hot pot) is no temperature.
_NOT_AFTER_HOT = r"(?!\s*(?:dog|dogs|pot|pots|sauce|wings|chocolate|cross))"


@dataclass(frozen=True, slots=True)
class OptionMention:
    start: int
    end: int
    group: str
    value: str


def _build() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]]]:
    """One trie regex per language: at each position the longest phrase whose condition holds wins.

    The Chinese trie starts with a plain character at every branch, so re skips in C to the
    positions where a phrase can start instead of trying ~80 phrases at each character.
    No Chinese phrase can overlap an English one (the Chinese ones hold a Han character
    right after any digit, the English ones a digit, % or letter), so finding them apart
    and merging by position gives what one alternation of all the phrases would."""
    table = {phrase: (group, value) for phrase, group, value in (*_ZH_PHRASES, *_EN_PHRASES)}
    zh_ends = {phrase: _SINGLE_CHAR_FOLLOWERS for phrase, _, _ in _ZH_PHRASES if len(phrase) == 1}
    # 一份大薯条: only right before a dish known, or a word of its own after one (奶茶 大 少冰, 薯条大 ×2)
    zh_ends |= {size: f"(?:(?={ITEM_MARK})|{_A_WORD_OF_ITS_OWN_ZH.format(size)})" for size in "大中小"}
    zh = compiled(_trie_regex([phrase for phrase, _, _ in _ZH_PHRASES], zh_ends))
    # Whole words only: a boundary check on either side of the whole trie.
    en_ends = {"hot": _NOT_AFTER_HOT} | {letter: _A_SIZE_LETTER.format(letter) for letter in "lms"}
    en_words = _trie_regex([phrase for phrase, _, _ in _EN_PHRASES], en_ends, not_after="[a-z0-9]")
    en = compiled(rf"(?:{en_words})(?![a-z0-9])")
    return zh, en, table


_ZH_OPTION_RE, _EN_OPTION_RE, _OPTION_TABLE = _build()
# Right after 杯 a one-character temperature is the drink's, whatever follows: 一杯热豆浆, 来杯冰豆奶
# (a cup holds a drink; 碗 is left out: 一碗热干面 is a dish's name).
_CUP_TEMPERATURE = compiled(r"(?<=杯)[冰热温](?=[\u4e00-\u9fff])")
# Every English phrase has a letter: a command without one has no English option.
_LATIN_LETTER = compiled(r"[a-z]")




def find_options(masked: MaskedText) -> list[OptionMention]:
    """Every option phrase in reading order, masked so no other rule reads it; one turned down is masked only."""
    text = masked.current
    regexes = (_ZH_OPTION_RE, _EN_OPTION_RE) if _LATIN_LETTER.search(text) else (_ZH_OPTION_RE,)
    mentions = [
        OptionMention(m.start(), m.end(), *_OPTION_TABLE[m.group(0)]) for regex in regexes for m in regex.finditer(text)
    ]
    if "杯" in text:
        taken = {mention.start for mention in mentions}
        mentions += [
            OptionMention(m.start(), m.end(), *_OPTION_TABLE[m.group(0)])
            for m in _CUP_TEMPERATURE.finditer(text)
            if m.start() not in taken
        ]
    mentions.sort(key=lambda mention: mention.start)
    for mention in mentions:
        masked.mask(mention.start, mention.end, OPTION_MARK)
    kept = [m for m in mentions if not _turned_down(text, m.start)]
    if any(text.startswith(_NOT_TOO_SWEET, m.start) for m in kept):
        # 别太甜，半糖就行: "not too sweet" said first, then how sweet exactly; the exact one is the wish
        kept = [
            m for i, m in enumerate(kept)
            if not (text.startswith(_NOT_TOO_SWEET, m.start) and any(o.group == "sugar" for o in kept[i + 1 :]))
        ]
    return kept


_NOT_TOO_SWEET = ("不要太甜", "别太甜", "不太甜", "不用太甜", "not too sweet")


def _turned_down(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    return any(word in before for word in _TURNED_DOWN_WORDS) and TURNED_DOWN_BEFORE.search(before) is not None


# What every phrase that turns a wish down holds (a cheap test before the search).
_TURNED_DOWN_WORDS = ("别", "不", "除了", "避开", "no", "n't", "avoid", "but", "except", "rather")
