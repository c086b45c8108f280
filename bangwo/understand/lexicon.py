"""Names the parser recognises, built from the providers' live catalogues.

No name is listed by hand here: item names (both languages and the aliases; a
supermarket's products are grocery items), merchant names, city names and aliases,
landmarks and film titles all come from the registered catalogues, so a provider that
adds a dish, a cinema's film or a hotel's landmark makes it parseable on the next start.
Matching is one compiled regex built from a
trie of the names: leftmost, longest first, case-insensitive for English, and cheap
even with tens of thousands of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import get_args

from bangwo.domain.catalogue import Catalogue
from bangwo.domain.frame import Domain
from bangwo.understand.pinyin import SYLLABLE_BREAK, forget_readings, spellings
from bangwo.understand.text import ITEM_MARK, PLACE_MARK, TITLE_MARK, MaskedText, compiled, lower_ascii

_KNOWN_DOMAINS = frozenset(get_args(Domain))
# A merchant's branch suffix: 一点甜茶饮（杭州店） / Yidian Sweet Tea (Hangzhou).
_BRANCH_SUFFIX = compiled(r"\s*[(（][^()（）]*[)）]\s*$")
# The last words of an English shop name that say what it sells, which people leave out: "Morning Light" for
# Morning Light Coffee. Only while two words stay (Neighbour Mart stays whole: "neighbour" is a word of its own).
_SHOP_KIND_WORDS = frozenset({
    "coffee", "tea", "lab", "crayfish", "kitchen", "burgers", "burger", "market", "mart", "bakery", "noodles", "cafe",
    "café", "restaurant", "shop", "store",
})


_CAMEL_CASE = compiled(r"[a-z][A-Z]")


def _short_names(name: str) -> list[str]:
    """The name, and the shorter names it is called by."""
    names = [name]
    words = name.split()
    while len(words) > 2 and words[-1].lower() in _SHOP_KIND_WORDS:
        words = words[:-1]
        names.append(" ".join(words))
    if len(words) == 2 and words[-1].lower() in _SHOP_KIND_WORDS and _CAMEL_CASE.search(words[0]):
        names.append(words[0])  # "FreshBox" for FreshBox Market: a word made for the name, no word of its own
    return names


_HOTEL_KIND_ZH = compiled(r"(?:酒店|精选|快捷|连锁)$")  # (海棠度假 stays whole: 大鱼海棠 is a film)
_HOTEL_KIND_EN = frozenset({"hotel", "hotels", "select", "resort", "resorts", "express", "inn", "inns"})


def _hotel_chain_names(name_zh: str, name_en: str) -> tuple[str, ...]:
    """A hotel chain's names and the short ones it is asked for by: 悦途 for 悦途酒店, Yuetu for Yuetu Hotels."""
    words = name_en.split()
    short_en = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _HOTEL_KIND_EN else name_en
    short_zh = _HOTEL_KIND_ZH.sub("", name_zh)
    shorts = {short_en} | ({short_zh} if len(short_zh) >= 2 else set())
    return (name_zh, name_en, *sorted(shorts - {name_zh, name_en}))


def lexicon_key(name: str) -> str:
    """How a name is stored and looked up: the same normalisation the command gets."""
    return " ".join(lower_ascii(unicodedata.normalize("NFKC", name)).split())


@dataclass
class LexiconEntry:
    """Everything one normalised name stands for."""

    key: str
    kinds: set[str] = field(default_factory=set)  # "item", "merchant", "city", "landmark", "title"
    domains: set[str] = field(default_factory=set)  # the domains whose catalogues hold it as an item
    option_groups: set[str] = field(default_factory=set)  # size / sugar / ice, where any dish of that name has them
    merchant_domains: set[str] = field(default_factory=set)  # what the merchants of this name sell

    @property
    def is_item(self) -> bool:
        return "item" in self.kinds

    @property
    def mark(self) -> str:
        """The marker a mention of this name leaves: items and merchants, titles, or places."""
        if self.kinds & {"item", "merchant"}:
            return ITEM_MARK
        return TITLE_MARK if "title" in self.kinds else PLACE_MARK


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    said: str  # as the person said it, English plural dropped ("bubble teas" -> "bubble tea")
    entry: LexiconEntry


def _trie_regex(words: Iterable[str], ends: Mapping[str, str] | None = None, not_after: str = "") -> str:
    """A regex matching any of `words`, longest first at each branch, shared prefixes factored out.

    `ends` maps a word to a zero-width condition (a lookahead) that must hold right after it
    for it to match; when it fails, the shorter words it extends are tried, just as a plain
    alternation of the words, longest first and each with its own condition, would.
    `not_after` is a one-character class that must not come before a word; it is checked right
    after the word's first character (as in text.letter_led), so every branch starts with a plain one."""
    ends = ends or {}
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {"": ends.get(word, "")}  # the end of a word, holding its condition

    def render(node: dict[str, dict], after_first: str = "") -> str:
        ends_here = "" in node
        condition = node[""][""] if ends_here else ""
        branches = [_said(ch) + after_first + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return condition
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here and condition:
            return f"(?:{body}|{condition})"  # the longer word first; else end here when the condition holds
        if ends_here:
            # Greedy optional: the longer name is tried first, the shorter one is the fallback.
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return render(trie, f"(?<!{not_after}.)" if not_after else "")


def _said(ch: str) -> str:
    """A character of a name as the regex matches it; between two syllables of pinyin, a space or none."""
    return " ?" if ch == SYLLABLE_BREAK else re.escape(ch)


def _pinyin_spellings(entries: dict[str, LexiconEntry]) -> dict[str, LexiconEntry]:
    """The Chinese names spelt in pinyin (syllables apart, see pinyin.py), each standing for what the name does;
    not a spelling that is an English word of the catalogue's ("mocha" is no 抹茶) or another name already."""
    english_words = {word for key in entries if key.isascii() for word in key.split()}
    spelt: dict[str, LexiconEntry] = {}
    joined_seen: set[str] = set()
    for key, found in sorted(entries.items()):
        if key.isascii():
            continue
        for spelling in spellings(key):
            joined = spelling.replace(SYLLABLE_BREAK, "")
            if len(joined) >= 4 and joined not in english_words and joined not in entries and joined not in joined_seen:
                joined_seen.add(joined)
                spelt[spelling] = found
    forget_readings()
    return spelt


class Lexicon:
    """Item, merchant and city names with what each stands for; one regex finds them all."""

    def __init__(self, entries: dict[str, LexiconEntry], pinyin: dict[str, LexiconEntry] | None = None) -> None:
        self.entries = entries
        # what a name spelt in pinyin stands for, by its letters without spaces ("yangzhi ganlu": 杨枝甘露)
        self._by_pinyin = {spelling.replace(SYLLABLE_BREAK, ""): found for spelling, found in (pinyin or {}).items()}
        cjk = [k for k in entries if not k.isascii()]
        latin = [k for k in entries if k.isascii()] + list(pinyin or ())
        # Two regexes, not one alternation: the Chinese trie starts with plain characters, so re
        # skips in C to where a name can start; a lookbehind in the same alternation would
        # make it try every position. `find` merges them as the one alternation would.
        self._cjk = compiled(_trie_regex(cjk)) if cjk else None
        # (each of those names holds one of these: a command with none of them, in English, skips that search)
        self._cjk_characters = frozenset(ch for key in cjk for ch in key if not ch.isascii())
        # Whole words only, an English plural allowed and dropped from what the person "said".
        self._latin = (
            compiled(f"(?P<latin>{_trie_regex(latin, not_after='[a-z0-9]')})(?P<plural>e?s)?(?![a-z0-9])")
            if latin
            else None
        )

    @classmethod
    def from_catalogues(cls, catalogues: list[Catalogue]) -> Lexicon:
        entries: dict[str, LexiconEntry] = {}

        def entry(name: str) -> LexiconEntry | None:
            key = lexicon_key(name)
            if len(key) < 2 and key.isascii():
                return None  # a one-letter "name" would match articles and initials
            return entries.setdefault(key, LexiconEntry(key)) if key else None

        shorts: list[tuple[str, str]] = []  # (a merchant's short name, its domain), added once the goods are known

        def add(names: Iterable[str], kind: str) -> None:
            for name in names:
                if (found := entry(name)) is not None:
                    found.kinds.add(kind)

        def add_shop(name: str, domain: str) -> None:
            if (found := entry(name)) is not None:
                found.kinds.add("merchant")
                found.merchant_domains.add(domain)

        for catalogue in catalogues:
            for city in (*catalogue.cities, *catalogue.mapped_cities):
                add(city.names(), "city")
            for landmark in catalogue.landmarks:
                add(landmark.names(), "landmark")
            for film in catalogue.films:
                add(film.names(), "title")
            chains = [(brand.names(), brand.category) for brand in catalogue.known_brands] + [
                (_hotel_chain_names(brand.name_zh, brand.name_en), "hotel") for brand in catalogue.hotel_brands
            ]
            for names, domain in chains:
                for name in names:
                    add_shop(name, domain)
            for merchant in catalogue.merchants:
                domain = merchant.category if merchant.category in _KNOWN_DOMAINS else "food"
                for full_name in (merchant.name_zh, merchant.name_en):
                    # (the name without its branch, 一点甜茶饮 of 一点甜茶饮（杭州店）, is the shop's)
                    whole, *short_names = _short_names(_BRANCH_SUFFIX.sub("", full_name))
                    shorts.extend((name, domain) for name in short_names)
                    for name in {full_name, whole}:
                        add_shop(name, domain)
                for item in merchant.menu:
                    for name in item.names():
                        if (found := entry(name)) is None:
                            continue
                        found.kinds.add("item")
                        found.domains.add(domain)
                        found.option_groups.update(group.name for group in item.option_groups)
        # A shop's short name that ends as the goods do is no shop ("spring water" of Spring Water Tea Lab).
        goods_heads = {key.split()[-1] for key, found in entries.items() if "item" in found.kinds and key.isascii()}
        for name, domain in shorts:
            if lexicon_key(name).rpartition(" ")[2] not in goods_heads:
                add_shop(name, domain)
        return cls(entries, _pinyin_spellings(entries))

    def find(
        self, masked: MaskedText, drop: Callable[[str, NameMention, list[NameMention], set[int]], bool] | None = None
    ) -> list[NameMention]:
        """Every catalogue name in the command (reading order), masked for the later rules.

        `drop(text, mention, mentions, dropped_starts)` may leave a mention out (unmasked); it is
        asked right to left, so it knows which later names were left out: a name that is part of
        a longer word the catalogue lacks (牛肉 of 牛肉面, 猪肉 of 猪肉白菜馅) is no name of its own."""
        text = masked.current
        mentions: list[NameMention] = []
        # Leftmost first, a Chinese name before an English one at the same position, the next
        # search after the end of the name taken: what `cjk|latin` as one regex would find. A
        # match found before that starts at or after the new position is still the leftmost one.
        cjk = _next_match(self._cjk, text, 0) if not self._cjk_characters.isdisjoint(text) else None
        latin = _next_match(self._latin, text, 0)
        while cjk is not None or latin is not None:
            if cjk is not None and (latin is None or cjk.start() <= latin.start()):
                m, key = cjk, cjk.group(0)
            else:
                assert latin is not None
                m, key = latin, latin.group("latin")
            found = self.entries.get(key) or self._by_pinyin[key.replace(" ", "")]
            mentions.append(NameMention(m.start(), m.end(), key, found))
            if cjk is not None and cjk.start() < m.end():
                cjk = _next_match(self._cjk, text, m.end())
            if latin is not None and latin.start() < m.end():
                latin = _next_match(self._latin, text, m.end())
        if drop is not None and mentions:
            dropped: set[int] = set()
            for mention in reversed(mentions):
                if drop(text, mention, mentions, dropped):
                    dropped.add(mention.start)
            if dropped:
                mentions = [m for m in mentions if m.start not in dropped]
        for mention in mentions:
            masked.mask(mention.start, mention.end, mention.entry.mark)
        return mentions


def _next_match(regex: re.Pattern[str] | None, text: str, position: int) -> re.Match[str] | None:
    return regex.search(text, position) if regex is not None else None
