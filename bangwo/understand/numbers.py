"""Numbers as people say them: 两千五, 十五, 俩, 仨, 一打, 20, "two", "a dozen"."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# Words that are a whole number by themselves and never combine with units.
_STANDALONE_ZH = {"俩": 2, "仨": 3, "一打": 12, "半打": 6, "几": 2}

# A Chinese or Arabic number span. 几 ("a few") counts as a number so that 几杯 is a quantity.
ZH_NUMBER = r"(?:\d+(?:\.\d+)?|一打|半打|[零〇一二两三四五六七八九十百千万]+|俩|仨|几)"

EN_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half a dozen": 6,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a pair of": 2,
}
# "some" and "a few" count without a number: the item keeps the default quantity.
EN_NUMBER = (
    r"(?:\d+(?:\.\d+)?|half a dozen|a dozen|a couple of|a couple|couple of|a pair of|some|a few|several|"
    + "|".join(sorted((w for w in EN_NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + ")"
)


def parse_zh_number(span: str) -> int | float | None:
    """A Chinese numeral span (or digits) as a number; None when it is not one.

    Handles the spoken shorthand where the last digit takes the next lower unit:
    两千五 = 2500, 一百五 = 150, 三万二 = 32000.
    """
    span = span.strip()
    if not span:
        return None
    if span in _STANDALONE_ZH:
        return _STANDALONE_ZH[span]
    if re.fullmatch(r"\d+", span):
        return int(span)
    if re.fullmatch(r"\d+\.\d+", span):
        return float(span)
    if span.startswith("十"):
        span = "一" + span  # 十五 = 一十五
    total = 0  # finished 万 groups
    section = 0  # within the current 万 group
    digit: int | None = None
    last_unit = 1
    for ch in span:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                return None  # 三四 is a range or a typo, not a number
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            section += digit or 0
            total += (section or 1) * 10_000
            section, digit, last_unit = 0, None, 10_000
        else:
            return None
    if digit is not None:
        # 两千五: a trailing digit right after a unit means that unit / 10 (not after 零: 一百零五 = 105).
        trailing_shorthand = last_unit >= 100 and not span.endswith(("零" + span[-1], "〇" + span[-1]))
        section += digit * (last_unit // 10 if trailing_shorthand else 1)
    return total + section


def parse_en_number(span: str) -> int | float | None:
    span = span.strip()
    if span in EN_NUMBER_WORDS:
        return EN_NUMBER_WORDS[span]
    if re.fullmatch(r"\d+", span):
        return int(span)
    if re.fullmatch(r"\d+\.\d+", span):
        return float(span)
    return None


def parse_number(span: str) -> int | float | None:
    """Any number span the rules extracted, Chinese, English or digits."""
    value = parse_zh_number(span)
    return value if value is not None else parse_en_number(span)

