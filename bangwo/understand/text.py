"""Cleaning a command before the rules see it, and the masked working copy the rules share.

Every rule stage claims the spans it understood and masks them, so later stages cannot
read the same characters twice ("三点" is a clock time, so it is no quantity; "黑糖珍珠奶茶"
is a dish, so its 糖 is no sugar option). Masking keeps every index stable.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

from bangwo.domain.frame import Lang

# Commands are short; reading more of a 100k-character paste only costs time.
MAX_CHARS = 500

# Private-use characters mark claimed spans. Cleaning removes private-use characters from
# the input, so a marker can never come from the person.
ITEM_MARK = "\ue000"
TIME_MARK = "\ue001"
BUDGET_MARK = "\ue002"
OPTION_MARK = "\ue003"
QUANTITY_MARK = "\ue004"
PLACE_MARK = "\ue005"  # a city or landmark the catalogue knows
TITLE_MARK = "\ue006"  # a film title, from the catalogue or said in 《》
SLOT_MARK = "\ue007"  # a travel slot already read (seat wish, cabin, count)
MARKS = ITEM_MARK + TIME_MARK + BUDGET_MARK + OPTION_MARK + QUANTITY_MARK + PLACE_MARK + TITLE_MARK + SLOT_MARK

# Control, format, private-use, surrogate and unassigned characters become spaces: they carry
# no meaning here, and a lone surrogate would break the JSON writer downstream. So do emoji and other
# pictures (So, and Sk's skin tones): "美式 x2 ☕", "加辣🌶" end where the picture stands (arrows are Sm and stay).
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "So", "Sk"})
# The variation selectors that ask for an emoji's picture (✈️ is ✈ and U+FE0F) go with the emoji.
_VARIATION_SELECTORS = range(0xFE00, 0xFE10)


def _dropped(ch: str) -> bool:
    return unicodedata.category(ch) in _DROPPED_CATEGORIES or ord(ch) in _VARIATION_SELECTORS


# Traditional characters (幫我點兩杯) read as simplified ones: the rules, the lexicon and the catalogue are
# simplified, and a person in Hong Kong or Taipei asks for the same things. OpenCC's own tables, shipped
# in its wheel; a simplified command passes through unchanged (checked over every labelled command).
_TO_SIMPLIFIED = opencc.OpenCC("t2s")
# Financial numerals (贰份, 住叁晚) read as everyday ones where they count something: 陆家嘴 and 收拾 stay.
_FINANCIAL_NUMERALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# (One numeral, then more: a pattern that starts with a set lets re skip ahead in C; one that starts with a
# repeat makes it try every position.)
_FINANCIAL_COUNT = re.compile(
    r"[壹贰叁肆伍陆柒捌玖拾佰仟][壹贰叁肆伍陆柒捌玖拾佰仟]*(?=[份杯个盒箱瓶袋斤提张间晚位人碗块元点号天包支罐串只双])"
)
# Markup tags carry no request ("<b>奶茶</b>" asks for 奶茶); their text stays.
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
# Only ASCII is lowered: str.lower() can change the length of other letters (İ -> i̇).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Spelt to start with a character class: re then skips in C to the next letter instead of trying each position.
_LATIN_WORD = re.compile(r"[a-z][a-z]+")


def _closing(pattern: str, at: int) -> int:
    """Just after the end of the set (`[`) or group (`(`) that opens at `at`; -1 when it is not closed."""
    depth, i = 0, at
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0  # (a ] first in a set is one of its characters)
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            if depth == 0:
                return i if i <= len(pattern) else -1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _top_level_alternatives(pattern: str) -> list[str]:
    """`a|b(?:c|d)|[|]e` -> ["a", "b(?:c|d)", "[|]e"]: split at the bars outside groups and classes."""
    alternatives, start, i = [], 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "[(":
            end = _closing(pattern, i)
            if end < 0:
                raise ValueError(f"unbalanced {ch} in {pattern!r}")
            i = end
            continue
        if ch == "|":
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    return alternatives


def letter_led(words: str, then: str = "", not_after: str = r"\w") -> str:
    """`(?<!not_after)(?:words)then` spelt as the alternatives `w(?<!not_after.)ords then|…`, to be joined
    into an alternation at its own level (a group around them would hide their first letters again).

    re skips in C to the next character that can start a match only when every alternative of a
    pattern starts with a plain character; a `\\b` or a lookbehind in front makes it try the whole
    alternation at every position (several times slower). So the one-character lookbehind is moved
    behind each word's first letter, where it looks back two characters: the same matches, same spans.
    With `\\w` it is the `\\b` before a word (a word's first letter is a word character)."""
    spelt = []
    for word in _top_level_alternatives(words):
        if not (word[:1].isalnum() and word[1:2] not in ("?", "*", "+", "{")):
            raise ValueError(f"{word!r} does not start with a plain letter")
        spelt.append(f"{word[0]}(?<!{not_after}.){word[1:]}{then}")
    return "|".join(spelt)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the alternatives that start alike sharing their start:
    取消|退掉|退款 is compiled as 取消|退(?:掉|款), and o(?<!\\w.)rder|o(?<!\\w.)nline as o(?<!\\w.)(?:rder|nline).

    At each place where an alternative may start, re tries them one after another: a rule of a few hundred
    words costs a few hundred tries at each such character, and a shared start costs one. The matches and
    their groups are the same: alternatives that start with different characters never match at the same
    place, so their order between them is free; the others keep their order (only neighbours that start
    with the same set or lookaround share it)."""
    if flags & (re.IGNORECASE | re.VERBOSE) or "(?i" in pattern or "(?x" in pattern:
        return re.compile(pattern, flags)  # (a letter matching its other case; spaces that are no characters)
    return re.compile("|".join(_shared_starts(_top_level_alternatives(pattern))), flags)


def _shared_starts(alternatives: list[str]) -> list[str]:
    shared: list[str] = []
    run: dict[str, tuple[str, list[str]]] = {}  # the rests of a run of alternatives, by how they start
    run_of_characters = False

    def end_run() -> None:
        for start, rests in run.values():
            shared.append(start + rests[0] if len(rests) == 1 else f"{start}(?:{'|'.join(_shared_starts(rests))})")
        run.clear()

    for alternative in alternatives:
        start, character = _first_step(alternative)
        if start is None:
            end_run()
            shared.append(alternative)
            continue
        # Characters join a run of characters in any order; a set or lookaround joins only its like just before.
        key = character if character is not None else start
        if character is not None:
            joins = run_of_characters or not run
        else:
            joins = not run or (not run_of_characters and key in run)
        if not joins:
            end_run()
        run_of_characters = character is not None
        run.setdefault(key, (start, []))[1].append(alternative[len(start) :])
    end_run()
    return shared


_ESCAPED_CHARACTERS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ONE_STEP_ESCAPES = frozenset("bBdDsSwWAZ")  # (one character or one place, matched one way only)
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _first_step(alternative: str) -> tuple[str | None, str | None]:
    """How an alternative starts, when that matches in one way only and is not repeated: a character (and
    which), a set, a \\d or \\b, a lookaround; (None, None) for anything else (a group, a repeat)."""
    first, after = alternative[:1], alternative[1:2]
    character: str | None = None
    if not first:
        return None, None
    if first not in "\\.^$*+?{}[]()|":
        start, character = first, first
    elif first == "\\" and after in ("u", "x"):
        start = alternative[: 6 if after == "u" else 4]
        character = chr(int(start[2:], 16))
    elif first == "\\" and after in _ESCAPED_CHARACTERS:
        start, character = alternative[:2], _ESCAPED_CHARACTERS[after]
    elif first == "\\" and after and not after.isalnum():
        start, character = alternative[:2], after
    elif first == "\\" and after in _ONE_STEP_ESCAPES:
        start = alternative[:2]
    elif first == "[" or alternative.startswith(_LOOKAROUNDS):
        end = _closing(alternative, 0)
        if end < 0:
            return None, None
        start = alternative[:end]
    else:
        return None, None
    if alternative[len(start) : len(start) + 1] in ("?", "*", "+", "{") and len(alternative) > len(start):
        return None, None
    return start, character


def _dropped_bmp_or_astral() -> re.Pattern[str]:
    """One character class: the dropped characters of the Basic Multilingual Plane, and every
    character beyond it (too many to tabulate at start-up; those commands take the slow path)."""
    spans: list[tuple[int, int]] = []  # [first, last] code points, merged when adjacent
    for code in range(0x10000):
        if _dropped(chr(code)):
            if spans and spans[-1][1] == code - 1:
                spans[-1] = (spans[-1][0], code)
            else:
                spans.append((code, code))
    spans.append((0x10000, 0x10FFFF))
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans) + "]")


_DROPPED_OR_ASTRAL = _dropped_bmp_or_astral()


def to_simplified(text: str) -> str:
    """幫我點兩杯楊枝甘露 -> 帮我点两杯杨枝甘露; simplified Chinese and other scripts are left as they are."""
    if text.isascii():
        return text  # (OpenCC maps no ASCII character; an English command skips its call)
    return _TO_SIMPLIFIED.convert(text)


def clean(raw: str) -> str:
    """NFKC (full-width digits and commas to ASCII), simplified characters, no control characters or markup,
    single spaces.

    Letter case is kept, for the names the person said; the rules read `lower_ascii(clean(text))`."""
    return simplified(tidied(raw))


def tidied(raw: str) -> str:
    """The command as written, tidied: NFKC, no control characters or markup, single spaces; the script kept."""
    text = raw[:MAX_CHARS]
    text = unicodedata.normalize("NFKC", text)[:MAX_CHARS]
    # Fast path: the class holds exactly the dropped characters of the BMP, so for a command with
    # no character beyond U+FFFF (almost all of them) one C-level substitution does it.
    first = _DROPPED_OR_ASTRAL.search(text)
    if first is not None:
        if max(text[first.start() :]) < "\U00010000":
            text = _DROPPED_OR_ASTRAL.sub(" ", text)
        else:
            text = "".join(" " if _dropped(ch) else ch for ch in text)
    return " ".join(_TAG.sub(" ", text).split())  # str.split() and re's \s agree on what is a space


def simplified(tidy: str) -> str:
    """A `tidied` command as the rules read it: simplified characters, financial numerals as everyday ones."""
    text = to_simplified(tidy)
    return _FINANCIAL_COUNT.sub(lambda m: m.group(0).translate(_FINANCIAL_NUMERALS), text)


def read_as_the_rules_do(written: str) -> str:
    """A piece of the command as written (names in their own script and case), as the rules read it."""
    return lower_ascii(simplified(written))


def lower_ascii(text: str) -> str:
    """ASCII letters lowered, every index kept (what the rules and the lexicon match against)."""
    return text.translate(_ASCII_LOWER)


def as_said(name: str, lowered: str, cased: str) -> str:
    """A name the rules read from the lowered text, in the letter case the person wrote it."""
    at = lowered.find(name)
    return cased[at : at + len(name)] if at >= 0 else name


def detect_lang(text: str) -> Lang:
    """'zh' when Chinese characters carry the sentence, else 'en'."""
    han = len(_HAN.findall(text))
    if han == 0:
        return "en" if _LATIN_WORD.search(text) else "zh"
    return "zh" if han >= len(_LATIN_WORD.findall(text)) else "en"


class MaskedText:
    """The cleaned command with the spans already understood replaced by marker characters."""

    def __init__(self, text: str, current: str | None = None) -> None:
        self.original = text
        self.current = text if current is None else current

    def slice(self, start: int, end: int) -> MaskedText:
        """One clause of the command, with what is masked so far; its indices start at 0."""
        return MaskedText(self.original[start:end], self.current[start:end])

    def mask(self, start: int, end: int, marker: str) -> None:
        # Slicing and joining three strings is done in C; commands are short (MAX_CHARS).
        if end <= start:
            return  # an empty span masks nothing
        current = self.current
        self.current = current[:start] + marker * (end - start) + current[end:]
