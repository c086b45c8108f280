"""Matching what a person called a dish against the catalogue's names, in either language."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from bangwo.domain.catalogue import MenuItem
from bangwo.understand.text import to_simplified

EXACT = 100.0
# Below this a fuzzy match is a different dish, not a typo ("羊枝甘露" is 杨枝甘露 at 75; "柠檬水" is not "柠檬茶": 67).
MIN_FUZZY_SCORE = 75.0
_SPACE_PUNCT = re.compile(r"[\s\-_'’.,，。·《》()（）]+")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """How a name compares: case, spacing, plurals and articles ignored, 拿鐵 the same as 拿铁."""
    words = [_singular(w) for w in to_simplified(name.lower()).split()]
    return _SPACE_PUNCT.sub("", " ".join(w for w in words if w not in ("a", "an", "the")))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def match_score(said: str, names: tuple[str, ...]) -> float:
    """How well `said` names something called `names` (a dish, a film): 100 for an exact name or
    alias; 85-95 when the said name stands whole inside one ("珍珠奶茶" in "黑糖珍珠奶茶");
    otherwise the best fuzzy ratio (scaled by 0.9), or 0 below MIN_FUZZY_SCORE."""
    target = normalise_name(said)
    if not target:
        return 0.0
    best = 0.0
    for name in names:
        candidate = normalise_name(name)
        if candidate == target:
            return EXACT
        if len(target) >= 2 and target in candidate:
            # The more of the catalogue name the person said, the closer the match.
            best = max(best, 85.0 + 10.0 * len(target) / len(candidate))
        else:
            ratio = fuzz.ratio(target, candidate)
            if ratio >= MIN_FUZZY_SCORE:
                best = max(best, ratio * 0.9)
    return best


def best_item(said: str, menu: tuple[MenuItem, ...]) -> tuple[MenuItem, float] | None:
    scored = [(item, match_score(said, item.names())) for item in menu]
    scored = [(item, score) for item, score in scored if score > 0]
    if not scored:
        return None
    # Ties go to the first item on the menu: a shop lists its signature dish first.
    return max(scored, key=lambda pair: pair[1])
