"""Hotels: how many nights.

Nights are said as 两晚 / 两个晚上 / "two nights", or as a span of days (从初一住到初四:
3 nights, the days between). 住三天 / "stay 3 days" counts as three nights: hotel prices
and stays are counted per day (一天300 is a night's rate) and people say 住三天 for three
nights; when both are said (三天两晚) the nights win.
"""

from __future__ import annotations

import re

from bangwo.understand.numbers import EN_NUMBER, ZH_NUMBER, parse_number
from bangwo.understand.text import BUDGET_MARK, SLOT_MARK, MaskedText, compiled

_N = f"(?>{ZH_NUMBER})"
_NIGHTS = compiled(
    # Not the day of a date: 周五晚上, 初一晚上, 大年三十晚上 are evenings, not nights counted (两 is in no date:
    # 周日两晚 counts two).
    rf"(?:(?<![周期拜初年号日月了\d零一二两三四五六七八九十])({_N}|俩|仨)|(两))\s*个?(?>晚上|晚|夜)(?![饭餐安点])"
    # (a weekday's one night is: 周六一晚)
    r"|(?<=[周期拜][一二三四五六日天])(一)\s*(?>晚|夜)(?![饭餐安点上])"
    rf"|\b({EN_NUMBER})\s+(?:nights?|nites?|nts)\b"
)
# A stay counted in weeks: 住一个星期, 住两周, "for a week".
_WEEKS = compiled(rf"({_N}|俩|仨)\s*(?:个星期|个礼拜|星期|周)(?![一二三四五六日天末])|\b({EN_NUMBER})\s+weeks?\b")
_DAYS = compiled(rf"住\s*({_N}|俩|仨)\s*(?:天|日)|\b(?:stay(?:ing)?|for)\s+({EN_NUMBER})\s+days?\b")
# The night of a day said is one, when no count is said: 初一那晚, 情人节那晚 (情人节那晚…上海 一晚 counts by 一晚).
_THAT_NIGHT = compiled(r"(?<=[一二三四五六七八九十日天夕号末宵节])(那)(?>晚|夜)(?![饭餐安点上])")
# Typed short: "2n", "3n from Fri".
_NIGHTS_TYPED = compiled(r"\b(\d{1,2})n\b")
_NIGHT_WORDS = ("晚", "夜", "night", "nite", "nts")
_DAY_WORDS = ("住", "day")
_WEEK_WORDS = ("住", "stay", "for", "week")
MAX_NIGHTS = 365


def nights_said(masked: MaskedText) -> int | None:
    """Nights (or days, see the module note), masked; None when not said."""
    for regex, needs, nights_each in (
        (_NIGHTS, _NIGHT_WORDS, 1),
        (_NIGHTS_TYPED, ("n",), 1),
        (_DAYS, _DAY_WORDS, 1),
        (_WEEKS, _WEEK_WORDS, 7),
        (_THAT_NIGHT, ("那",), 1),
    ):
        if not any(word in masked.current for word in needs):
            continue  # cheap: every match holds one of these (a stay in weeks is said with 住, "stay" or "for")
        m = regex.search(masked.current)
        while m is not None and regex is _NIGHTS and _one_nights_price(masked, m):
            m = regex.search(masked.current, m.end())
        if m is None:
            continue
        said = next(said for said in m.groups() if said)
        value = 1 if said == "那" else parse_number(said)
        if value is None or value <= 0:
            continue
        masked.mask(m.start(), m.end(), SLOT_MARK)
        return min(int(value * nights_each), MAX_NIGHTS)
    return None


def _one_nights_price(masked: MaskedText, nights: re.Match[str]) -> bool:
    """一晚上四百块以内: a night's price, the budget glued after it (read and marked before); 明天一晚 三百以内 is
    one night, and a budget."""
    end = nights.end()
    return (
        nights.group(1) == "一"
        and masked.current.startswith(BUDGET_MARK, end)
        and not masked.original[end].isspace()
    )
