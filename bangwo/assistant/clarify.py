"""Clarification: ask for one missing slot at a time, in the person's language, and read the answer.

An answer is read by the same parser as any command. A bare answer ("上海", "two nights",
"杨枝甘露") is read inside a sentence of the domain it answers ("订去上海的机票"), so the
parser's rules for that slot apply and nothing is special-cased here.
"""

from __future__ import annotations

from datetime import datetime

from bangwo.domain.frame import IntentFrame, Lang
from bangwo.understand import Parser
from bangwo.understand.text import detect_lang

# (domain, slot) -> the question, in Chinese and English.
QUESTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("food", "items"): ("想吃点什么？告诉我菜名或饮品，比如「两杯少糖杨枝甘露」。",
                        "What would you like? Name a dish or drink, e.g. 'two mango pomelo sago, less sugar'."),
    ("grocery", "items"): ("想买些什么？比如「一盒鸡蛋、两瓶牛奶」。",
                           "What should I buy? For example 'a box of eggs and two bottles of milk'."),
    ("movie", "title"): ("想看哪部电影？", "Which film would you like to see?"),
    ("flight", "destination"): ("要飞去哪里？", "Where are you flying to?"),
    ("flight", "origin"): ("从哪个城市出发？", "Which city are you flying from?"),
    ("flight", "date"): ("哪天出发？", "Which day do you want to fly?"),
    ("hotel", "city"): ("想住在哪个城市，或者哪里附近？", "Which city, or near which place?"),
    ("hotel", "date"): ("哪天入住？", "Which day do you check in?"),
    ("hotel", "nights"): ("住几晚？", "How many nights?"),
}

# (domain, slot) -> a sentence of that domain that a bare answer is read inside.
ANSWER_FRAMES: dict[tuple[str, str], tuple[str, str]] = {
    ("food", "items"): ("我要{}", "I want {}"),
    ("grocery", "items"): ("从超市买{}", "buy {} from the supermarket"),
    ("movie", "title"): ("买{}的电影票", "buy tickets for {}"),
    ("flight", "destination"): ("订去{}的机票", "book a flight to {}"),
    ("flight", "origin"): ("订从{}出发的机票", "book a flight from {}"),
    ("flight", "date"): ("订{}的机票", "book a flight {}"),
    ("hotel", "city"): ("订{}的酒店", "book a hotel in {}"),
    ("hotel", "date"): ("{}入住酒店", "book a hotel {}"),
    ("hotel", "nights"): ("订酒店住{}", "book a hotel for {}"),
}
# A bare number answers "how many nights?": give it its unit before reading it.
_NIGHT_UNITS = ("晚", " nights")


def question(frame: IntentFrame, lang: Lang) -> tuple[str, str] | None:
    """The first slot still missing and how to ask for it, or None when the frame is complete."""
    for slot in frame.missing:
        zh, en = QUESTIONS.get((frame.domain, slot), (f"还需要知道：{slot}", f"I also need the {slot}."))
        return slot, zh if lang == "zh" else en
    return None


def _is_set(frame: IntentFrame, slot: str) -> bool:
    if slot == "city" and frame.near:
        return True
    value = getattr(frame, slot, None)
    return value not in (None, [], "")


def fill(parser: Parser, frame: IntentFrame, slot: str, answer: str, now: datetime) -> IntentFrame | None:
    """The frame completed from the person's answer, or None when the answer does not say it."""
    lang = detect_lang(answer)
    candidates = [answer]
    template = ANSWER_FRAMES.get((frame.domain, slot))
    if template is not None:
        said = answer.strip()
        if slot == "nights" and said.isdigit():
            said += _NIGHT_UNITS[lang == "en"]
        candidates.append((template[0] if lang == "zh" else template[1]).format(said))
    for text in candidates:
        read = next((f for f in parser.parse(text, now).frames if f.domain == frame.domain), None)
        if read is not None and _is_set(read, slot):
            return merge(frame, read)
    return None


def merge(frame: IntentFrame, answer: IntentFrame) -> IntentFrame:
    """What the answer said fills what the frame lacked; what the frame already knew stays."""
    learned = {
        name: getattr(answer, name)
        for name in IntentFrame.model_fields
        if name not in ("domain", "action", "missing")
        and getattr(answer, name) not in (None, [], "")
        and getattr(frame, name) in (None, [], "")
    }
    merged = frame.model_copy(update=learned)
    return merged.model_copy(update={"missing": [slot for slot in frame.missing if not _is_set(merged, slot)]})


_COUNTED = {"movie": ("张票", "tickets"), "flight": ("位乘客", "passengers"), "hotel": ("间房", "rooms")}


def describe(frame: IntentFrame, lang: Lang) -> str:
    """A short restatement of a complete request, to show it was understood."""
    zh = lang == "zh"
    parts: list[str] = []
    if frame.items:
        parts.append("、".join(f"{i.name}×{i.quantity}" for i in frame.items) if zh
                     else ", ".join(f"{i.quantity} × {i.name}" for i in frame.items))
    if frame.title:
        parts.append(f"《{frame.title}》" if zh else frame.title)
    if frame.origin or frame.destination:
        parts.append(f"{frame.origin or '?'}→{frame.destination or '?'}")
    if frame.city or frame.near:
        near = f"{frame.near}附近" if zh and frame.near else f"near {frame.near}" if frame.near else ""
        parts.append(" ".join(filter(None, [frame.city, near])))
    when = " ".join(filter(None, [frame.date, frame.time]))
    if when:
        parts.append(when)
    if frame.nights:
        parts.append(f"{frame.nights}晚" if zh else f"{frame.nights} nights")
    if frame.count and frame.domain in _COUNTED:
        zh_unit, en_unit = _COUNTED[frame.domain]
        parts.append(f"{frame.count}{zh_unit}" if zh else f"{frame.count} {en_unit}")
    return ("，" if zh else ", ").join(parts)
