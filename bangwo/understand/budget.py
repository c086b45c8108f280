"""Spending limits: 20块以内, 不超过30元, 1500以内, "under 15 yuan", "less than 20 rmb" -> yuan."""

from __future__ import annotations

import re

from bangwo.understand.numbers import EN_NUMBER, ZH_NUMBER, parse_number
from bangwo.understand.text import BUDGET_MARK, MaskedText, compiled

_N = f"(?>{ZH_NUMBER})"
# An amount in thousands typed the English way inside Chinese: 每晚1k, 1.5k以内.
_AMOUNT = rf"(?:\d+(?:\.\d+)?k|{_N})"
_ZH_UNIT = r"(?:块钱|块|元|rmb|¥|人民币)"
_ZH_LIMIT_AFTER = r"(?:以内|以下|之内|之下|内|封顶)"
# A price per night, ticket or person: 800一晚以内, 每张不超过100 (the limit is on that price).
_ZH_PER = r"(?:[一每]\s*(?:晚|天|间|张|人|位|夜)|/\s*(?:晚|天|间|张|人|位))"
_ZH_LIMIT_BEFORE = (
    r"(?:不超过|不要超过|别超过|不能超过|不高于|不到|低于|少于|最多|最高|顶多|预算|控制在|价格在|价位|上限|别超|不超)"
)
# 预算提到800, 预算放到25: the limit moved to a new amount.
_RAISED_TO = r"提到|放到|改到|加到|调到|提高到|改成|改为"
# Units that turn a number into something other than money: 3天以内, 两公里以内.
_NOT_MONEY_AFTER = r"(?![天日晚年月周个分秒小时公里米斤人张间杯份号点倍])"

_ZH_BUDGET = compiled(
    # 价格在400到600元之间 / 300-500块之间: a range's upper end.
    rf"(?:价格|价位|预算)(?:在|是)?\s*{_N}\s*(?:{_ZH_UNIT})?\s*(?:到|至|-|~)\s*({_N})\s*(?:{_ZH_UNIT})?(?:之间)?"
    rf"|{_N}\s*(?:{_ZH_UNIT})?\s*(?:到|至|-|~)\s*({_N})\s*{_ZH_UNIT}\s*之间|"
    # 不超过30元 / 预算50 / 最多二十块
    # 预算一晚600: the limit on each night, said before the amount.
    # 预算六百一晚: the amount before 一晚 (a number alone would read 六百一, 610).
    rf"{_ZH_LIMIT_BEFORE}\s*(?:是|为|在|{_RAISED_TO})?\s*¥?\s*([\d零〇一两二三四五六七八九十百千万]+?)\s*(?:{_ZH_UNIT})?\s*[一每]\s*(?:晚|天|间|夜)|"
    # 一晚别超过四百: the price each night, said before the limit (not 住一晚).
    rf"(?:(?<![住订待])[一每]\s*(?:晚|天|间|张|人|位|夜)\s*)?"
    rf"{_ZH_LIMIT_BEFORE}\s*(?:是|为|在|{_RAISED_TO})?\s*(?:{_ZH_PER})?\s*¥?\s*({_AMOUNT})\s*{_NOT_MONEY_AFTER}(?:{_ZH_UNIT})?\s*"
    rf"(?:{_ZH_LIMIT_AFTER}|{_ZH_PER})?"
    # ¥20以内 / 20块以内 / 1500以内 (a bare number needs the limit word right after it); 2000以内一晚: a night's
    # (300内, typed short: not 内容, 内部)
    # (一晚500以内: the price of a night, said before it; not 住一晚, a stay)
    rf"|(?:(?<![住订待])[一每](?:晚|天|间|张|人|位|夜)(?=[¥\d零一二两三四五六七八九十百千]))?"
    rf"¥?\s*({_AMOUNT})\s*(?:{_ZH_UNIT}\s*(?:{_ZH_LIMIT_AFTER}|左右以内)|(?:以内|以下|之内|封顶|内(?![容部地存衣科])))(?:{_ZH_PER})?"
    # 800一晚以内 / 500块每晚以下
    rf"|¥?\s*({_N})\s*(?:{_ZH_UNIT})?\s*{_ZH_PER}\s*(?:以内|以下|之内)"
)
_EN_UNIT = r"(?:yuan|rmb|cny|kuai|bucks|元|块)"
# A currency written before the amount, the budget's own ("below RM 300", "within Rs 4000", "SGD 300", "$150").
_CURRENCY_BEFORE = r"(?:¥|rmb|cny|rm|rs\.?|inr|₹|sgd|s\$|usd|us\$|\$|hkd|hk\$|myr|php|₱|eur|€|gbp|£|ngn|₦)\s*"
_EN_BUDGET = compiled(
    rf"(?:\b(?:under|below|less than|no more than|not more than|(?:not|n't|never) spend more than"
    rf"|(?:must|should|does|do)(?: not|n't) exceed|not exceeding|not to exceed"
    rf"|nothing over|not over|nothing above|not above"
    rf"|at most|max(?:imum)?|within|cap(?: it)?(?: at)?|ceiling(?: is| of)?"
    rf"|up to|cheaper than|"
    rf"budget(?:\s+(?:of|is)|'s|’s)?)|<=?|≤)\s*(?:{_CURRENCY_BEFORE})?({EN_NUMBER}(?:k\b)?)\s*({_EN_UNIT})?"
    rf"(?:\s*(?:a|per|each|/)\s*(?:night|day|person|ticket|room|seat)\b)?"
    rf"(?!\s*(?:minutes?|mins?|hours?|hrs?|km|kilomet|met|people|persons?|days?|nights?|%|stars?))"
    # "30 yuan or less", "40 max" (a bare number needs the limit word right after it).
    rf"|(?:¥\s*)?(\d+(?:\.\d+)?k?)\s*(?:{_EN_UNIT}\s*(?:or less|max(?:imum)?|at most|tops)|(?:max|tops|at most)\b"
    # "600 a night max": the limit on each night, said after it.
    r"|(?:a|per|each)\s+(?:night|day|person|ticket|room|seat)\s+(?:max(?:imum)?|tops|at most)\b)"
)


# Cheap pre-checks (neither regex starts with a plain character, so re tries every position):
# every Chinese limit holds one of these characters (超 of 不超过, 内 of 以内, 顶 of 封顶 or
# 顶多, ...), and every English one holds one of these words ("less" of "less than" and "or less", ...).
_ZH_BUDGET_CHARS = frozenset("超高到低少最顶预控价内下之限")
_EN_LIMIT_WORDS = ("under", "below", "less", "more than", "most", "max", "within", "up to", "cheaper", "budget", "tops")
_EN_LIMIT_WORDS += ("over", "above", "<", "≤", "cap", "ceiling")  # "nothing over 40 kuai", "<200 kuai", "≤500"
_EN_LIMIT_WORDS += ("exceed",)  # "must not exceed 50 yuan"


def find_budget(masked: MaskedText) -> float | None:
    """The most the person will pay, in yuan, as said last; None when no limit was said."""
    budget: float | None = None
    text = masked.current
    regexes = []
    if not _ZH_BUDGET_CHARS.isdisjoint(text):
        regexes.append(_ZH_BUDGET)
    if any(word in text for word in _EN_LIMIT_WORDS):
        regexes.append(_EN_BUDGET)
    said_at = -1
    for regex in regexes:
        for m in regex.finditer(masked.current):
            said = next((g for g in m.groups() if g and not re.fullmatch(_EN_UNIT, g)), None)
            thousands = said is not None and said.endswith("k")  # "under 5k"
            value = parse_number(said[:-1] if thousands else said) if said else None
            if value is not None and thousands:
                value *= 1000
            if value is None or value <= 0:
                continue
            if regex is _EN_BUDGET and not m.group(2) and m.group(3) is None and isinstance(value, int) and value < 2:
                continue  # "under a minute", "within one": a bare article is no amount of money
            if m.start() > said_at:  # the amount said last: 预算500，嗯……还是800以内吧; "under 1200. Hmm, under 1500"
                budget, said_at = float(value), m.start()
            masked.mask(m.start(), m.end(), BUDGET_MARK)
    return budget
