"""Self-repair: a person corrects what they just said, and the correction wins.

"来三杯珍珠奶茶，不对，四杯", "three coconut lattes, sorry, make that two", "三张星河旅人，不对，是惊蛰无声",
"a grande, actually no, a large", "two bottles of soy sauce, no, vinegar". The text is repaired before
the rules read it: what follows the marker replaces the last thing of the same kind said before it
(a count, a time, an option of the same group, a catalogue name of the same kind), or, said again from
its first word on (北京到三亚，不对，北京到海口), the end of what came before; the marker and the correction are
dropped. A correction of nothing recognisable leaves the text as it was.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from itertools import pairwise

from bangwo.understand.backstory import asks
from bangwo.understand.domains.common import CANCEL
from bangwo.understand.domains.movie import ANY_ROW
from bangwo.understand.lexicon import Lexicon
from bangwo.understand.numbers import EN_NUMBER, ZH_NUMBER
from bangwo.understand.options import find_options
from bangwo.understand.rules import EN_MEASURES, EN_ORDER_VERBS, ZH_MEASURES, ZH_ORDER_VERBS
from bangwo.understand.text import TIME_MARK, MaskedText, compiled, read_as_the_rules_do
from bangwo.understand.times import find_times

# Measure words, and what a booking counts: nights, days, rooms, tickets, people.
_ZH_MEASURE = "|".join(sorted({*ZH_MEASURES, "晚", "夜", "天", "间", "张", "位", "个人", "人"}, key=len, reverse=True))
MAX_REPAIRS = 3
# The marker always follows a pause (a comma, a full stop, dots): "I actually want…" and 不对称 are no
# corrections. Who asked for the change may be said before it: 不对，老板说改成后天.
_PAUSE = r"(?:[,，。.—–]|…+|\.{2,}|\s-\s)"  # (a dash too: "2 kg of apples — sorry, make that 3 jin")
_MARKER = compiled(
    # (The pause read once, then what may follow it: one alternation would read it again for each.)
    rf"{_PAUSE}\s*(?:"
    # (said twice over: 不对不对)
    # (不是 alone between commas, or 不是周四，是周五: what follows 是 is said instead)
    r"(?:[嗯哦啊呃额]\s*)?(?:不对\s*[,，]?\s*)?(?:不对|不不|哦不|啊不|错了|说错了|算了|其实|(?=就是)就|不(?=\s*[,，])|不要(?=\s*[,，])"
    r"|不是(?=\s*[,，])|不是[^,，。]{1,8}[,，]\s*(?=是)"
    # (不是周五，周四: a day said wrong, then the right one)
    r"|不是(?=[周下这今明后大初除星礼\d一二两三四五六七八九十])[^,，。]{1,8}[,，]"
    r"|哦(?=\s*[一二两三四五六七八九十\d])"
    # (a reason said before the change: 哦明天周六不上班，改成周一早上八点; 嗯……后天有个会，改成大后天早上)
    r"|(?<=[,，。])\s*[哦嗯啊呃]\s*(?:…+|\.{2,})?\s*[^,，。.!！?？]{1,14}[,，]\s*(?:那就?|就|还是)?\s*(?=改成|改到|换成|改为|是))"
    r"\s*[,，]?\s*"
    r"(?:(?:[\u4e00-\u9fff]{1,3}说\s*)?(?:改成|换成|改)|还是|是|要|就(?=[今明周初]|后天|大后天|下周|这周|星期))?\s*"
    # "no" and "wait" alone only between commas: "a latte, no ice" is an option, "not too sweet" no correction.
    # (a sound before it: "oh actually make it 9", "hmm, make that middle row")
    r"|(?:(?:oh|ah|hmm+|uh|um|eh)\b,?\s*)?"
    r"(?:(?:(?:no wait|wait no|no sorry|sorry no|actually no(?=\s*[,.!]|$)|actually|sorry|i mean|i meant)\b\s*,?"
    # (no before a number said alone: "buy 3 watermelons, no 2, they're heavy")
    r"|(?:no|wait)\s*,|no\s+(?=make\b)|no\s+(?=\d+\s*(?:[,.;!]|$)))"
    r"(?:\s*i meant?\b,?)?"
    r"\s*(?:make (?:that|it)\s+|change (?:that|it) to\s+)?"
    r"|make (?:that|it)\s+|change (?:that|it) to\s+)"
    # 改成 after a pause corrects too, also after the reason for it: 算了，上午要开会走不开，改成下午的吧.
    # (哦时间改到12点半, 对了，时间改成后天上午: the time said before)
    r"|(?:[哦啊嗯]\s*)?(?:对了\s*[,，]?\s*)?(?:那就?|就|还是)?\s*(?:时间|日期)?\s*(?:改成|改为|改到)\s*"
    # 还是…吧 after a pause settles on something else: 三分糖……还是半糖吧 (还是 alone asks: 热的，还是冰的？).
    r"|还是(?=[^,，。!！?？]{1,8}吧)"
    # 改成九点那场，还是三张: the count said again, as it was
    r"|还是(?=[一二两三四五六七八九十\d])"
    r")"
)
_CANCELLED_BEFORE = compiled(r"取消|退掉|退了|不要了")
# How a correction may end that says nothing more: "two colas is enough", 两杯够了.
_ENOUGH = compiled(r"\s*(?:(?:is|are|will be)\s+)?(?:enough|plenty|fine)$|\s+will do$|(?:就)?够了?$|就行$|就好$")
_FRAGMENT_END = compiled(r"[,，。!！?？;；—–]|\s-\s|\.(?!\d)|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])|$")
# What a booking counts, in English too: "no wait, 5 nights".
_EN_MEASURE = rf"{EN_MEASURES}|nights?|nites?|rooms?|tickets?|seats?|people|persons?|pax"
# A count said again, with the verb it was said with: 不对，住三晚 / 要五杯.
_COUNT_SAID = compiled(
    rf"(?:住|要|订|买|来|点)?(?P<num>(?>{ZH_NUMBER}))\s*(?:{_ZH_MEASURE})?(?:吧)?"
    rf"|(?:only |just )?(?P<en>{EN_NUMBER})(?:\s+(?P<en_measure>{_EN_MEASURE}))?"  # ("actually only 2")
)
_MEASURE_AFTER = compiled(rf"\s*(?:{_EN_MEASURE})\b")
# A count said again with the thing it counts: "no wait make it 3 colas", "actually 2 toothpastes".
_COUNT_OF_A_THING = compiled(
    # (a thing of up to three words: "a hotel near Ice and Snow World" is a request said again, not a count)
    rf"(?P<en>{EN_NUMBER})\s+(?:(?:{EN_MEASURES})\s+of\s+)?(?P<thing>[a-z][a-z'-]*(?: [a-z][a-z'-]*){{0,2}})"
)
_COUNTED_LAST = compiled(
    rf"(?:{EN_NUMBER})\s+(?:(?:{EN_MEASURES})\s+of\s+)?(?P<noun>[a-z][a-z'-]*(?: [a-z][a-z'-]*){{0,2}})\s*$"
    # 叫份热汤面…算了还是黄焖鸡吧: counted by its measure word (the pause after it is left out)
    rf"|(?:{ZH_NUMBER})?[份杯碗个盒](?P<zh_noun>[\u4e00-\u9fff]{{2,6}}?)\s*$"
)
_COUNT_BEFORE = compiled(
    # (not a clock's hour or minutes: "Friday at 9:30pm. Make that three" counts again the two said before; nor
    # the 一天 of 同一天, 第一天, 前一天)
    rf"(?<![同当前第后每这那])(?P<num>(?>{ZH_NUMBER}))\s*(?:{_ZH_MEASURE})"
    rf"|(?<![a-z0-9:])(?P<en>{EN_NUMBER})(?![a-z0-9:]|\s?(?:am|pm|o'clock)\b|\s+of\s+(?:us|them|you)\b)"
)
# A short name on its own: one to three words, or two to six Chinese characters.
_A_NAME_THE_CATALOGUE_LACKS = compiled(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}|[\u4e00-\u9fff]{2,6}")
# What makes words said again no name: another amount (八十，呃，不，一百块以内), someone coming (不对，我爸也去),
# a place in a row ("no, make it the middle").
_NO_NAME = compiled(r"以内|以下|[块元也去来]|\b(?:middle|front|back|last|first|row)\b")
# A kind of trip said again ("oh wait, make it a round trip, coming back on the 18th"): the way back is asked for
# after it, nothing said before is replaced.
_KIND_OF_TRIP = compiled(r"\b(?:round ?trip|return (?:trip|flight|ticket)|one ?way)\b|往返|单程")
# What may stand around a row said again: 要后面的, "the middle", "middle row" (not 第一排太近了: a reason).
_AROUND_A_ROW = compiled(r"(?:[\s的吧要]|rows?|seats?|one)*")
# Words before the thing corrected to: "no, a large", "no wait, near the Bell Tower", 不对，是惊蛰无声.
# Before an option, what makes it part of a reason rather than a wish said again ("it's hot today", 今天太热了).
_A_REASON_BEFORE = compiled(r"\b(?:it's|it is|is|are|was|were|i'm|i am|because|since)\b|太|有点|因为")
_LEAD_WORDS = compiled(r"(?:(?:a|an|the|near|in|at|to|for|just)\s+)+")
# Where times are said does not depend on when they are said: any moment reads the same spans.
_ANY_MOMENT = datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=8)))
_TIME_RUN = compiled(f"{TIME_MARK}+(?:\\s+{TIME_MARK}+)*")
# What may stand around a time said as a correction: 下周六吧, 是后天的, 周四入住, 8点那场, 初一那晚, "the 9:10pm one",
# "Sunday works better".
_AROUND_A_TIME = compiled(
    r"(?:[\s的吧啦呀]|那场|那班|那趟|那晚|那天|入住|出发|就走|走|住|the|one|flight|showing|show"
    r"|(?:works|would be|is|'s) (?:better|fine|good)|works)*"
)
# A clock time within a time said: 八点, 8:30, 8pm (in 周五晚上八点, 明天下午3:30).
_CLOCK = compiled(r"(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*(?:点|:|时)|\d{1,2}\s*(?:am|pm)\b")
_PART_OF_THE_DAY = compiled(
    r"(?:早上|上午|中午|下午|傍晚|晚上|夜里|凌晨"
    r"|morning|noon|afternoon|evening|night|in the (?:morning|afternoon|evening))"
)
# (A flight's verb alone: 深圳飞北京，不对，飞天津 says the end of the route again; 从 its start: 从成都出发。不对，
# 从重庆出发.)
_FIRST_WORD = compiled(r"[a-z][a-z'-]*|[飞到去回从](?=[\u4e00-\u9fff])|[\u4e00-\u9fff]{2}")


def _times_said(text: str) -> MaskedText:
    masked = MaskedText(text)
    find_times(masked, _ANY_MOMENT)
    return masked


# A clock time said in English: 10pm, 9:30, 7:10pm (its hour, and what follows it).
_CLOCK_SAID = compiled(r"(?<![\d:])\d{1,2}(?::[0-5]\d)?\s*(?P<half>am|pm)\b|(?<![\d:])\d{1,2}:[0-5]\d(?!\d)")


def _an_hour_said_bare(before: str, said: str) -> tuple[int, int, str] | None:
    """"2 tix for Run Little Bear, Sat 10am. Make it 11", "for 10pm tonight. Oh actually make it 9": a bare number
    said again after a clock time, with no count said after that time, is the hour (in the same half of the day)."""
    if not said.isdigit() or not 0 < int(said) <= 12 or not before.isascii():
        return None
    clocks = list(_CLOCK_SAID.finditer(before))
    if not clocks:
        return None
    counts = [m for m in _COUNT_BEFORE.finditer(before) if m.start() >= clocks[-1].end()]
    if counts:
        return None  # "at 3pm, two lattes. make it 4": the lattes
    hour = f"{said}{clocks[-1].group('half')}" if clocks[-1].group("half") else f"{said}:00"
    return _time_replaced(before, hour, hour)


def _time_replaced(before: str, said: str, said_cased: str) -> tuple[int, int, str] | None:
    """下周五，不对，下周六 / "tomorrow evening, actually make it Thursday evening": the last time said is replaced;
    only its clock when only a clock is said again (周五晚上八点，不对，九点那场: still Friday evening)."""
    read = _times_said(said).current
    if TIME_MARK not in read or _AROUND_A_TIME.fullmatch(read.replace(TIME_MARK, "")) is None:
        return None  # the correction is not a time, or more than one
    runs = list(_TIME_RUN.finditer(_times_said(before).current))
    if not runs:
        return None
    said_run = _TIME_RUN.search(read)
    assert said_run is not None
    run, time_said = runs[-1], said[said_run.start() : said_run.end()]
    if _PART_OF_THE_DAY.fullmatch(time_said.strip()):
        # 明天晚上的机票，不对，上午的: the part of the day is said again, the day stays (明天 → 明天上午)
        part_before = _PART_OF_THE_DAY.search(before, run.start(), run.end()) or _CLOCK.search(
            before, run.start(), run.end()
        )
        if part_before is None:
            return run.end(), run.end(), (" " if said_cased.isascii() else "") + said_cased
        return part_before.start(), run.end(), said_cased
    if _CLOCK.search(time_said) is None and _PART_OF_THE_DAY.search(time_said) is None:
        # 周五晚上八点，不对，周六: another day, at the time said before
        hour = _PART_OF_THE_DAY.search(before, run.start(), run.end()) or _CLOCK.search(before, run.start(), run.end())
        if hour is not None and hour.start() > run.start():
            return run.start(), run.start() + len(before[run.start() : hour.start()].rstrip()), said_cased
    return _start_of_what_a_time_replaces(before, run, time_said), run.end(), said_cased


def _start_of_what_a_time_replaces(before: str, run: re.Match[str], time_said: str) -> int:
    """Where the time said before (`run`, in `before`) starts, or its clock, when only a clock is said again."""
    clock_said = _CLOCK.search(time_said)
    clock_before = _CLOCK.search(before, run.start(), run.end())
    if clock_said is not None and clock_said.start() == 0 and clock_before is not None:
        return clock_before.start()
    return run.start()


def _count_of_a_thing(before: str, said: str) -> tuple[int, int, str] | None:
    """"order 2 colas, no wait make it 3 colas", "a bottle of cooking oil, no wait, 2 bottles of oil": the count
    said last before that thing (its last word, singular or plural) is replaced."""
    said_count = _COUNT_OF_A_THING.fullmatch(said)
    if said_count is None:
        return None
    word = said_count.group("thing").split()[-1]
    forms = "|".join(re.escape(form) for form in {word, word.removesuffix("s"), word.removesuffix("es")})
    thing = re.search(rf"\b(?:{forms})(?:e?s)?\b(?!.*\b(?:{forms}))", before)
    if thing is None:
        return None
    element_start = max((p.end() for p in _PART_END.finditer(before, 0, thing.start())), default=0)
    counts = [m for m in _COUNT_BEFORE.finditer(before, element_start, thing.start()) if m.group("en")]
    if not counts:  # "a watermelon, and eggs, make that two boxes of eggs": the eggs had no count of their own
        at = thing.start()
        return at, at, said_count.group("en") + " "
    return counts[-1].start("en"), counts[-1].end("en"), said_count.group("en")


def _phrase_said_again(before: str, said: str, said_cased: str) -> tuple[int, int, str] | None:
    """北京到三亚，不对，是北京到海口: said again from its first word on, the end of what came before is replaced."""
    first = _FIRST_WORD.match(said)
    if first is None or first.end() == len(said):
        return None
    fragment_start = max(before.rfind(ch) for ch in ",，。.!！?？;；") + 1
    if first.group(0) in _ARTICLES:
        # "a cappuccino... no, a latte", "two tickets for …, no wait, I mean a hotel near …": what was asked for,
        # from its article or count on
        asked = list(_ARTICLE_OR_COUNT.finditer(before, fragment_start))
        return (asked[-1].start(), len(before), said_cased) if asked else None
    if _A_ROUTE.fullmatch(said) and (routes := list(_A_ROUTE.finditer(before, fragment_start))):
        # "Chengdu to Kunming Thursday morning. Sorry, I meant Kunming to Chengdu": the route, not the day after it
        return routes[-1].start(), routes[-1].end(), said_cased
    going = _GOING_TO_INSTEAD.fullmatch(said)
    if going is not None and (ends := list(_GOING_TO_BEFORE.finditer(before, fragment_start))):
        return ends[-1].start(), ends[-1].end(), said_cased[going.start("to") :]  # (where it goes, said again)
    word = re.escape(first.group(0))
    # (an English word whole: the "a" of "a latte" is not the a inside "cappuccino")
    said_before = list(re.finditer(rf"(?<![a-z]){word}(?![a-z])" if word.isascii() else word, before[fragment_start:]))
    return (fragment_start + said_before[-1].start(), len(before), said_cased) if said_before else None


_ARTICLES = frozenset({"a", "an", "some"})
_A_ROUTE = compiled(
    r"(?<![a-z])(?!(?:it's|it|that's|that|we|i|i'm|we're)\b)[a-z][a-z']+ to [a-z][a-z']+(?![a-z])"
    r"|[\u4e00-\u9fff]{2,3}[到飞][\u4e00-\u9fff]{2,3}"
)
# "actually it's to Haikou, not Sanya": where it goes, said again.
_GOING_TO_INSTEAD = compiled(r"(?:it's |it is |fly |flying )?(?P<to>to [a-z][a-z']+)")
_GOING_TO_BEFORE = compiled(r"(?<![a-z])to [a-z][a-z']+(?![a-z])")
_ARTICLE_OR_COUNT = compiled(rf"(?<![a-z0-9'])(?:a|an|some|{EN_NUMBER})(?=\s+[a-z])")


# Hesitations: 嗯, 呃, 那个 between pauses, "um", "uh" anywhere. They carry nothing, except a repair: the
# same kind of thing said on both sides of one (两张 呃 三张, 三点 呃 三点半, 明天 呃 后天) is said again.
_HESITATION = compiled(
    r"(?:^|(?<=[,，。]))\s*(?:[嗯呃额唔]+|那个|就是)(?:\s*[,，]|\s|$)\s*|\b(?:u+h+|u+m+|er+m*|hmm+)\b,?\s*"
)
# What every hesitation holds, searched for first (re skips ahead to a plain character in C; _HESITATION's
# lookbehinds make it try every position).
_HESITATION_HINT = compiled(r"嗯|呃|额|唔|那个|就是|u[hm]|hm|er\b")
# A comma before an "um" that falls inside a phrase, after a word that cannot end one ("out of, um, San Diego",
# "to see, um, The Tin Crown"): the comma is the pause's, not a break between requests or dishes.
_MID_PHRASE_PAUSE = compiled(
    r"\b(?:of|to|from|for|in|at|on|near|into|see|catch|watch|the|a|an|with|called|is|are|get|order|book|under|over"
    r"|below|about|around|like)(\s*,\s*)$"
)
# An "uh" before a correction is the pause the correction follows: "a malatang uh actually make it two".
_CORRECTION_AHEAD = compiled(r"(?:actually|sorry|no wait|wait no|i mean|(?:no )?make (?:that|it))\b")
# "two no three tickets", "book two uh no three": a number said, then another after "no".
_NUMBER_NO_NUMBER = compiled(rf"(?<![a-z0-9])(?P<said>{EN_NUMBER}),? no,? (?={EN_NUMBER}(?![a-z0-9]))")
_COUNT_AT_START = compiled(rf"(?P<num>(?>{ZH_NUMBER}))\s*(?P<measure>{_ZH_MEASURE})")


# Speech transcribed without punctuation (六瓶呃不十二瓶, 两张不对四张, 去冰不要要常温的, 订两张两张啊): the pauses a
# writer would have typed are put back where a hesitation or a correction is heard, so the rules above read it.
_SPOKEN_PAUSE = compiled(
    r"(?<=[\u4e00-\u9fff\d])(?<![哦啊])"
    r"(?:[呃嗯]+(?:不(?=[一二两三四五六七八九十\d]))?|(?=(?:哦|啊)?不对(?![称劲]))|不要(?=要))"
)
# A count, or a verb and where, said twice in a row: 两张两张啊, 飞北京飞北京的, 两个 两个牛油果, 一张 就一张.
_TWICE_MEASURES, _TWICE_VERBS = "张杯份个瓶箱斤袋盒包间晚位", "飞去到订买要点来"
_SAID_TWICE = compiled(
    rf"((?:{ZH_NUMBER})[{_TWICE_MEASURES}]|[{_TWICE_VERBS}][\u4e00-\u9fff]{{1,3}}?)[吧啊呀]?\s?就?\1[啊呀啦]?"
)
_SPOKEN_HINT = compiled(r"呃|嗯|不对|不要要")  # in every _SPOKEN_PAUSE
# A measure word or a verb said again a few characters on: in every _SAID_TWICE (searched first: it starts with a set).
_SAID_TWICE_HINT = compiled(rf"([{_TWICE_MEASURES}{_TWICE_VERBS}])[^，,。]{{0,6}}?\1")
# In a transcript, a space before or after a marker of speech is a pause: 大杯 哦不对 中杯吧, 灵隐寺附近 呃 不是 西溪….
_SPOKEN_MARKER = compiled(r"[呃嗯哦啊]|不对|不是|算了|[\s,，]不 ")
_SPACE_AT_A_MARKER = compiled(
    # (a correction may run on to what it says instead: 两杯 啊不对三杯吧, 三张 不对是五张)
    r"(?<=[\u4e00-\u9fff\d]) +(?=[呃嗯哦啊]?不对|不是|算了|[呃嗯哦啊][^\s,，]{0,3}(?:\s|$))"
    # (不 alone between pauses is one: 送三杯咖啡 不 四杯)
    r"|(?<=[呃嗯对是了]|(?<=[\s,，])不) +(?=[\u4e00-\u9fff\d])"
)


def _with_spoken_pauses(lowered: str, cased: str) -> tuple[str, str]:
    if lowered.isascii():
        return lowered, cased
    if _SAID_TWICE_HINT.search(lowered):
        for m in reversed(list(_SAID_TWICE.finditer(lowered))):
            lowered, cased = _spliced(lowered, cased, m.start(), m.end(), m.group(1))
    if " " in lowered and _SPOKEN_MARKER.search(lowered):
        for m in reversed(list(_SPACE_AT_A_MARKER.finditer(lowered))):
            lowered, cased = _spliced(lowered, cased, m.start(), m.end(), "，")
    if _SPOKEN_HINT.search(lowered):
        for m in reversed(list(_SPOKEN_PAUSE.finditer(lowered))):
            said = m.group(0)
            pause = "，" + (said.removesuffix("不") + "，不，" if said.endswith("不") else f"{said}，" if said else "")
            lowered, cased = _spliced(lowered, cased, m.start(), m.end(), pause)
    return lowered, cased


def _without_hesitations(lowered: str, cased: str) -> tuple[str, str]:
    if not _HESITATION_HINT.search(lowered):
        return lowered, cased
    for _ in range(MAX_REPAIRS * 2):
        hesitation = _HESITATION.search(lowered)
        if hesitation is None:
            break
        start = _said_again_after(lowered[: hesitation.start()], lowered[hesitation.end() :])
        pause = ", " if _CORRECTION_AHEAD.match(lowered, hesitation.end()) else ""
        if start is None:
            start = hesitation.start()
            if not pause and (mid := _MID_PHRASE_PAUSE.search(lowered, 0, start)) is not None:
                start, pause = mid.start(1), " "  # "fly out of, um, San Diego": the comma went with the pause
        lowered, cased = _spliced(lowered, cased, start, hesitation.end(), pause)
    if " no" in lowered:
        for repair in reversed(list(_NUMBER_NO_NUMBER.finditer(lowered))):
            lowered, cased = _spliced(lowered, cased, repair.start(), repair.end())
    return lowered, cased


def _said_again_after(before: str, after: str) -> int | None:
    """Where the count or time that ends `before` starts, if `after` starts with one of the same kind (it is
    said again); else None."""
    end = len(before.rstrip(" ,，"))
    again = _COUNT_AT_START.match(after)
    if again is not None:
        counts = [m for m in _COUNT_BEFORE.finditer(before, 0, end) if m.group("num") and m.end() == end]
        if counts and before[counts[-1].end("num") : end].strip() == again["measure"]:
            return counts[-1].start()
    runs = list(_TIME_RUN.finditer(_times_said(before[:end]).current))
    if runs and runs[-1].end() == end:
        said = _TIME_RUN.match(_times_said(after).current)
        time_before, time_said = before[runs[-1].start() : end], after[: said.end()] if said else ""
        if said is not None and _kind_of_time(time_before) == _kind_of_time(time_said):
            return _start_of_what_a_time_replaces(before, runs[-1], time_said)
    return None


def _kind_of_time(time_said: str) -> str:
    """A clock time, a part of the day alone (下午, "evening"), or a day: only a time of the same kind repairs one."""
    if _CLOCK.search(time_said):
        return "clock"
    return "part of the day" if _PART_OF_THE_DAY.fullmatch(time_said.strip()) else "day"


# What to take instead if something is not there: 没有的话换黑糖珍珠奶茶, 要是美式卖完了就换拿铁,
# 西瓜太贵的话就换三斤橙子, "if they're out of oat milk just do regular lattes", "or regular milk if there's
# no oat". Only what is asked for is ordered; the fallback is for the person who fulfils it, and is dropped
# up to the end of its clause.
_FALLBACK = compiled(
    # (said as a condition: 如果/要是/万一 before it, 的话 or 就 after it; 猫粮没有了，买两袋 orders the 猫粮)
    r"[,，;；]?\s*(?:(?:如果|要是|万一)[^，,。；;！!？?]{0,12}?(?:没有|卖完|售罄|缺货|没货|太贵)了?(?:的话)?"
    r"|[^，,。；;！!？?]{0,12}?(?:没有|卖完|售罄|缺货|没货|太贵)了?(?:的话|(?=就))"
    # (没订上的话就换成西单附近的: a booking that did not go through, said again)
    r"|没(?:订上|订到|买到|抢到|出票)(?:的话)?)"
    r"\s*[,，]?\s*(?:就|那就|那)?(?:换成?|拿|要|买|来|点)[^，,。；;！!？?]*"
    r"|[,;]?\s*(?:-\s*)?(?:and\s+)?if\s+(?:they(?:'re| are)|it's|it is|there's|there is|[a-z' ]{1,30}?\s(?:is|are))\s+"
    r"(?:no\b|out\b|sold out|unavailable|not available|too expensive)[^.;]*"
    r"|,?\s*or\s+[a-z ]{1,30}?\s+if\s+(?:there's|there is|they have|they've got)\s+no\b[^,.;]*"
    # A cancel only if something has not happened is no cancel yet: 要是还没出餐就直接取消吧, "If not, cancel it".
    r"|[,，。]?\s*(?:要是|如果|万一)[^，,。；;！!？?]{0,16}?(?:就|那就)?(?:直接)?(?:取消|退)[^，,。；;！!？?]*"
    r"|[,.;]?\s*if\s+(?:not|it's not|it isn't|it hasn't|they haven't|it doesn't)\b[^.;]*?\bcancel\b[^.;]*"
)
# (in every fallback)
_FALLBACK_WORDS = compiled("没有|卖完|售罄|缺货|没货|太贵|if |要是|如果|万一|没订上|没订到|没买到|没抢到|没出票")


def _spliced(lowered: str, cased: str, start: int, end: int, new: str = "") -> tuple[str, str]:
    """Both copies of the command with [start, end) replaced by `new` (the copies share their indices)."""
    return lowered[:start] + new + lowered[end:], cased[:start] + new + cased[end:]


def _without_fallbacks(lowered: str, cased: str) -> tuple[str, str]:
    if not _FALLBACK_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_FALLBACK.finditer(lowered))):
        if m.start() == 0:
            continue  # the whole command: 没有的话就算了 asks nothing else
        lowered, cased = _spliced(lowered, cased, m.start(), m.end())
    return lowered, cased


# A request taken back right after it was said: "book me a hotel for tonight — never mind, I'll go home",
# 看完顺便订个火锅外卖送回家？算了，外卖不要了, "one braised chicken rice. No, scrap that, two malatang instead".
# The sentence it takes back (the one it ends, or the one before it when it starts its own) goes with it; what
# follows it (a reason, or what is wanted instead) stays.
# A joke owned up to takes it back the same way: "Get me two tickets for Here Comes Nian. Lol just kidding, …",
# 我要辞职去大理开民宿！开玩笑的。 So does 算了 said after it with a reason: 买两张周五晚上的年兽来了，哦等等算了，
# 孩子周五有课。
_RETRACTION = compiled(
    r"(?:\s*[,，—–]|\s-)?\s*(?:(?:no|oh|ah|actually|wait|hmm|lol|haha),?\s*)?(?:never ?mind|forget (?:it|that|about it)"
    r"|scratch that|scrap that|scrap it|just kidding|just joking|kidding|jk)\b[,，]?"
    r"|[,，]?\s*算了(?:算了)?\s*[,，]?\s*[^,，。！？!?]{0,6}?(?:不要了|不用了|不订了|不买了|不点了|不看了|不去了)[。！!]?"
    r"|(?<=[,，…])\s*(?:哦|啊|哎)?(?:等等|等一下)?[,，]?\s*(?P<alone>算了)\s*[,，]"
    r"|[,，]?\s*(?:哈哈+\s*)?(?:开玩笑的|开个玩笑|逗你的|逗你玩的)[。！!,，]?"
)
# (one search for all of them: re skips to their first letters in C)
_RETRACTION_WORDS = compiled(
    "never|forget|scratch|算了|skip|scrap|drop|remove|leave out|kidding|joking|jk|不要了|不用了|不订了|不买了|不点了"
    "|不用订了|不用看了|不用查了|不用买了|不用点了"
    "|开玩笑|开个玩笑|逗你|别买|别订|别点|actually no|actually, no|hmm, no|hmm no|wait, no"
)
_PAUSES = compiled(r"[\s,，]*")
# What comes before a retraction in its sentence and says nothing: "Wait, never mind", 哦等等算了.
_SAYS_NOTHING = compiled(r"(?:[\s,，!！]|wait|hmm+|ah+|oh+|lol|haha+|eh|no|哦|啊|哎|唉|等等|等一下|哈哈+)*")
# One thing said before, taken back by name: "Actually, never mind the hotel", "forget the gyoza", "skip the
# toothpaste", "scrap the lemon tea and make it a cola", 算了酒店不用了, 卫生纸家里还有，不要了. The part of the
# list or the request that names it goes, with the words that take it back (not a reason said after them).
_NAMED_RETRACTION = compiled(
    r"(?:\s*[,，—–]|\s-)?\s*(?:actually,?\s*|oh,?\s*)?"
    r"(?P<verb>never ?mind|forget|skip|scrap|scratch|drop|remove|leave out|just kidding about|kidding about"
    r"|(?<=actually )no|(?<=actually, )no|(?<=hmm, )no|(?<=hmm )no|(?<=wait, )no)"
    r" (?:the )?(?P<what>(?!(?:that|it|this|ice|sugar|more)\b)[a-z][a-z' ]{1,30}?)"
    r"(?=\s*(?:[,.;!?—–]|$)|\s(?:and|just)\b)"
    # (啤酒算了，明天还要开车; 电影别买了; 机票先不订了; 机票是开玩笑的; 酒店不用看了)
    r"|[,，—–…；;]*\s*(?:哦|啊|哎|哈哈+)?(?:算了)?[,，]?\s*"
    r"(?P<zh>(?![那这我你他她要还就都也等一二两三四五六七八九十\d])[\u4e00-\u9fff]{1,6}?)(?:那个|那张|那份|的)?(?:也|就|先|还是)?"
    r"(?:(?:[^，,。！!？?]{0,8}[，,]\s*)?(?:不要了|不用了|不订了|不买了|不点了|别买了|别订了|别点了|先别买了|是开玩笑的"
    r"|不用订了|不用看了|不用查了|不用买了|不用点了)"
    # (not 算了改三点那场, a change)
    r"|算了(?!算)(?:\s*[,，]?\s*(?:不要了|不用了|不订了|不买了|不点了))?(?!\s*[改换]))"
)
_REASON_AFTER = compiled(
    r"\s*[,，—–]?\s*(?:i'll|i will|i'm|i am|i have|i've|i still|i already|we'll|we will|we have|we've|we're|my |our "
    r"|since|because|as )[^,.;!?]*"
)
# Where one part of what was said before ends: a pause, a list's comma, "and".
_PART_END = compiled(r"[,，。.;；、!！?？…—–]|\s(?:and|plus)\s|和")
_SENTENCE_ENDS = ".!?;。！？；"


def _without_retractions(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    if not _RETRACTION_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_NAMED_RETRACTION.finditer(lowered))):
        what = (m.group("what") or m.group("zh")).strip()
        at = lowered.rfind(what, 0, m.start())
        request = _part_named(lowered[: m.start()], what, lexicon) if _names_a_request(what) else None
        if request is not None:  # "scratch the hotel": the whole request for it, whatever it said
            part_start, part_end = request
        elif at >= 0:
            part_start = max((p.end() for p in _PART_END.finditer(lowered, 0, at)), default=0)
            # (点两杯美式一杯拿铁，算了拿铁不要了: not the thing named before it with no pause between)
            before = lowered[part_start:at]
            named = lexicon.find(MaskedText(before))
            part_start += max((n.end for n in named if n.said != what and before[n.end :].strip()), default=0)
            part_end = next((p.start() for p in _PART_END.finditer(lowered, at + len(what))), m.start())
        elif m.group("verb") in ("skip", "forget", "never mind", "nevermind"):
            part_start = part_end = m.start()  # "skip the toothpaste": not asked for, whatever it was
        else:
            continue  # scrapping what was not said now cancels what was ordered before ("scrap the lunch order")
        end = m.end()
        if (reason := _REASON_AFTER.match(lowered, end)) is not None:
            end = reason.end()  # "scratch the hotel, I'll stay with friends": the reason asks for nothing
        else:
            end = _with_the_reason_after(lowered, end, lexicon)  # 啤酒算了，明天还要开车。
        if (lowered[:part_start] + lowered[part_end : m.start()] + lowered[end:]).strip(" ,，。.!！?？"):
            lowered, cased = _spliced(*_spliced(lowered, cased, m.start(), end), part_start, part_end)
    for m in reversed(list(_RETRACTION.finditer(lowered))):
        instead = lowered[m.end() : _FRAGMENT_END.search(lowered, m.end()).start()].strip()  # type: ignore[union-attr]
        if instead and _a_count_or_a_time(instead):
            # "two tickets … at 2pm. scratch that, 4:30pm": what was said is corrected, not taken back
            lowered, cased = _spliced(lowered, cased, m.start(), m.end(), ", actually ")
            continue
        start = _sentence_start(lowered, m.start())
        if (joined := _JOINS_A_REQUEST.search(lowered[start : m.start()])) is not None:
            start += joined.start()  # 帮我点一杯奶茶，再订一张机票，开玩笑的: the request after 再
        if _SAYS_NOTHING.fullmatch(lowered, start, m.start()):  # said as a sentence of its own: the one before it
            start = _sentence_start(lowered, len(lowered[:start].rstrip(" …" + _SENTENCE_ENDS)))
        if start == 0 and not lowered[m.end() :].strip():
            continue  # the whole command: 那杯奶茶算了，不要了 cancels it
        end = _with_the_reason_after(lowered, m.end(), lexicon)
        if m.group("alone") and not (end > m.end() and (end == len(lowered) or lowered[end - 1] in _SENTENCE_ENDS)):
            continue  # 算了, then what is wanted instead (算了，晚上看完太晚了，改成下午三点): a correction, read below
        lowered, cased = _spliced(lowered, cased, start, end)
    return lowered, cased


# What starts another request inside a sentence (the last one before a retraction is where it starts).
_JOINS_A_REQUEST = compiled(r"(?:再|然后|另外|还有|顺便)(?!.*(?:再|然后|另外|还有|顺便))")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds `at` starts (after the last full stop, question or exclamation before it)."""
    return max(text.rfind(ch, 0, at) for ch in _SENTENCE_ENDS) + 1


def _with_the_reason_after(text: str, end: int, lexicon: Lexicon) -> int:
    """`end`, or past the fragment after it when that gives a reason and asks for nothing: "…never mind, the
    flights are way too expensive.", 算了，孩子周五有课。 (not "just kidding, make it a bottle of red wine",
    可乐不要了，薯条改成三份, "drop the cola and make it a classic beef burger")."""
    after = _PAUSES.match(text, end).end()  # type: ignore[union-attr]
    reason = _FRAGMENT_END.search(text, after)
    if reason is None or reason.start() == after:
        return end
    fragment = text[after : reason.start()]
    if (
        asks(fragment, 0, len(fragment))  # (not 要 alone: 明天要开会 gives a reason)
        or any(words.search(fragment) for words in _REQUEST_WORDS.values())
        or any(n.entry.kinds & {"item", "merchant", "title"} for n in lexicon.find(MaskedText(fragment)))
        or _CHANGES.search(fragment)
        or find_options(MaskedText(fragment))  # 算了，都要半糖吧
        or _COUNT_AT_START.search(fragment)  # 苹果算了不要了，再加一箱梨
    ):
        return end
    return reason.end()


# Words that change what was asked (a fragment with one is no reason).
_CHANGES = compiled(r"改|换|还是|instead|make (?:it|that)|\b(?:add|swap|change)\b")


# A thing said before, counted again by name after a pause: 羊肉改成两斤吧, 牛奶改成四盒, 牙膏两支就够, 哦可颂一个就行.
# The count said with it before takes the new one, and the words that said it go.
_RECOUNTED = compiled(
    rf"(?:[,，；;。…—]|\.{{2,}})+\s*(?:[哦啊嗯]\s*)?(?P<what>[\u4e00-\u9fff]{{1,5}}?)\s*"
    r"(?P<verb>也?(?:改成|改为|换成|改|也要|要|拿)|就|来)?"
    rf"(?P<num>(?>{ZH_NUMBER}))\s*(?P<measure>{_ZH_MEASURE})(?:吧|(?P<enough>就够了?|就行|就好|够了|就可以))?\s*"
    r"(?=[,，。；;！!]|$)"
)
_COUNT_LINK = compiled(r"\s*(?:来|要)?\s*")
_NAME_BEFORE = compiled(r"的?[\u4e00-\u9fff]{0,4}")
_NOUN_NEXT = compiled(r"[\u4e00-\u9fff](?<![吧的了啊呀])")
_RECOUNT_WORDS = compiled(r"改|换成|就够|就行|就好|够了|就可以|拿|要\s*[一二两三四五六七八九十百\d]")


# One thing said before, swapped for another by name: 橙子换成雪梨, 拿铁改成美式 (the new one keeps the old one's
# count).
_SWAPPED = compiled(
    r"[,，；;。]\s*(?:[哦啊嗯]\s*)?(?P<what>[\u4e00-\u9fff]{1,6}?)(?:换成|改成)(?P<new>[\u4e00-\u9fff]{2,6}?)(?:吧)?"
    r"(?=[,，。；;！!]|$)"
)


# The same in English: "No, swap the pizza for a spicy chicken burger", "Change the cappuccino to a large americano",
# "replace the tangyuan with rice cake" (not "change the beers to three": a count, see _AIMED).
_SWAPPED_EN = compiled(
    r"(?:[,.;!?—–]|\band\b)\s*(?:(?:no|oh|actually|sorry|wait),?\s*)*(?:swap|change|replace|switch)\s+the\s+"
    r"(?P<what>[a-z][a-z' ]{1,30}?)\s+(?:for|to|with|into)\s+(?:a |an |some |the )?"
    rf"(?!(?:{EN_NUMBER})\b)(?P<new>[a-z][a-z' ]{{1,40}}?)(?=\s*(?:[,.;!?]|$|\band\b))"
)


_SWAP_WORDS = compiled(r"(?:swap|change|replace|switch) the\b")


def _things_swapped_by_name_en(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    if not _SWAP_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_SWAPPED_EN.finditer(lowered))):
        said = _last_said(lowered, m.group("what"), 0, m.start())
        if said is None:
            continue  # nothing said by that name: a change to an order made before
        # (the whole name the catalogue knows it by: "pepperoni pizza" for "the pizza")
        start, end = next(
            ((n.start, n.end) for n in lexicon.find(MaskedText(lowered[: m.start()])) if n.start <= said[0] < n.end),
            said,
        )
        new = cased[m.start("new") : m.end("new")]
        lowered, cased = _spliced(lowered, cased, m.start(), m.end())
        lowered, cased = lowered[:start] + read_as_the_rules_do(new) + lowered[end:], cased[:start] + new + cased[end:]
    return lowered, cased


def _things_swapped_by_name(lowered: str, cased: str) -> tuple[str, str]:
    if "换成" not in lowered and "改成" not in lowered:
        return lowered, cased
    for m in reversed(list(_SWAPPED.finditer(lowered))):
        at, new = lowered.rfind(m.group("what"), 0, m.start()), m.group("new")
        if at < 0 or _COUNT_AT_START.match(new) or new.endswith("的") or find_options(MaskedText(new)):
            continue  # nothing said by that name, a count said again (牛奶改成四盒) or how it is made (改成热的)
        if m.group("what") in _AIMED_AT:
            continue  # 哦酒店改成钟楼附近: a request changed, see _corrections_aimed_at_one_request
        lowered, cased = _spliced(*_spliced(lowered, cased, m.start(), m.end()), at, at + len(m.group("what")), new)
    return lowered, cased


# One thing turned down for another said after it: 不要夏威夷的，要榴莲披萨; 不是春山暖，是雪国列车2; "not the
# pepperoni, the margherita"; "not the jasmine one, the brown rice".
_RATHER = compiled(
    # (the new one said with its verb: 不要糖，常温 turns down sugar, 不要了，申请退款 the order)
    r"[,，;；—–]\s*(?:(?:不要|不是)(?P<not>[^,，。！!？?\s了]{1,10}?)的?\s*[,，]\s*(?:而?是|要|换成)"
    # (not how much of it: "not too spicy, and a Coke")
    r"|not (?:the |a |an )?(?!too |so |very )(?P<not_en>[a-z][a-z' -]{0,25}?)(?: ones?)?\s*[,，;—–]\s*"
    r"(?!and |also |plus |with )(?:but |i want |just )?)"
    r"(?P<new>[^,，。.;；!！?？]{1,30})"
)
_RATHER_WORDS = compiled("不要|不是|not ")  # (one in every _RATHER)


def _rather(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    """What is turned down goes, and what is said instead of it replaces the last thing of its kind said before
    (the pizza of 帮我点个披萨，不要夏威夷的，要榴莲披萨); said instead of nothing, it stays where it is. A thing turned
    down that the catalogue knows as another ("a burger, no fries, a coke") or a way of making it that the new one
    does not change (不要冰，要半糖) is no change: both are read as said."""
    if not _RATHER_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_RATHER.finditer(lowered))):
        turned_down, said = m.group("not") or m.group("not_en"), m.group("new").strip()
        options_said = find_options(MaskedText(said))
        turned_down_options = find_options(MaskedText(turned_down))
        if turned_down_options and {o.group for o in turned_down_options} != {o.group for o in options_said}:
            continue
        if not turned_down_options and any(n.entry.is_item for n in lexicon.find(MaskedText(turned_down))):
            continue
        start_new = m.start("new") + len(m.group("new")) - len(m.group("new").lstrip())
        # (how it is made, said instead, replaces only how it was said to be made: 不是冰的，要热的)
        replacement = None if options_said else _replacement(
            lowered[: m.start()], said, cased[start_new : start_new + len(said)], lexicon
        )
        if replacement is None:
            lowered, cased = _spliced(lowered, cased, m.start() + 1, start_new, " " if said.isascii() else "")
            continue
        start, end, new = replacement
        lowered, cased = _spliced(lowered, cased, m.start(), start_new + len(said))
        lowered, cased = lowered[:start] + read_as_the_rules_do(new) + lowered[end:], cased[:start] + new + cased[end:]
    return lowered, cased


# One cup made another way, named by how it was made or by its name: 一杯少糖一杯半糖，半糖那杯还是改成无糖吧;
# 一杯少冰一杯去冰，少冰那杯改成常温; 一杯热拿铁一杯冰美式，拿铁也改成冰的吧. What it was made with (of the same kind)
# takes the new option; a dish said with none of that kind gets it.
_MADE_ANOTHER_WAY = compiled(
    r"[,，；;。….]\s*(?:[哦啊嗯]\s*(?:…+|\.{2,})?\s*)?(?:(?P<which>[\u4e00-\u9fff]{1,4}?)的?那(?:杯|份|碗|个)|(?P<dish>[\u4e00-\u9fff]{2,6}?))"
    r"\s*(?:还是|也|就)?\s*(?:改成|换成|改为|改|换|要)\s*(?P<new>[\u4e00-\u9fff]{1,4}?的?)(?:吧|了|啊)?(?=[,，。；;！!…\s]|$)"
    # "make the iced one hot as well", "so make the latte iced"
    r"|(?:[,.;…]\s*)?(?:(?:actually|oh|hmm|wait|so|and)\b,?\s*)*(?<![a-z])(?:make|have|get) the "
    r"(?:(?P<which_en>[a-z][a-z -]{1,20}?) one|(?P<dish_en>[a-z][a-z ]{1,30}?)) "
    r"(?P<new_en>[a-z][a-z -]{1,15}?)(?: (?:as well|too|instead))?(?=\s*[,.;!?]|$)"
)


_MADE_ANOTHER_WAY_WORDS = compiled("改|换|要|make the|have the|get the")  # (one of them in every _MADE_ANOTHER_WAY)


def _made_another_way(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    if not _MADE_ANOTHER_WAY_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_MADE_ANOTHER_WAY.finditer(lowered))):
        new_group = "new" if m.group("new") else "new_en"
        said, which_said = m.group(new_group), m.group("which") or m.group("which_en")
        new = find_options(MaskedText(said))
        if len(new) != 1 or new[0].start or said[new[0].end :] not in ("", "的"):
            continue  # 热的那杯换成拿铁: another dish, not another way
        before = lowered[: m.start()]
        new_said = cased[m.start(new_group) : m.end(new_group)]
        dishes = [n for n in lexicon.find(MaskedText(before)) if n.entry.is_item]  # (read once for both ways)
        if which_said is not None:
            which = find_options(MaskedText(which_said))
            if len(which) != 1 or which[0].group != new[0].group:
                continue
            said_before = [o for o in find_options(MaskedText(before)) if o.value == which[0].value]
            # (the one said with a dish: "a hot latte", not "it's hot today")
            starts = {n.start for n in dishes}
            with_a_dish = [o for o in said_before if {o.end, o.end + 1} & starts] or said_before
            if not with_a_dish:
                continue
            start, end = with_a_dish[-1].start, with_a_dish[-1].end
        else:
            dish = m.group("dish") or m.group("dish_en")
            named = [n for n in dishes if n.said == dish]
            if not named:
                continue
            # (from the pause before it to the next dish: 再来一杯柠檬茶，冰的……柠檬茶改成热的)
            part_start = max((p.end() for p in _PART_END.finditer(before, 0, named[-1].start)), default=0)
            # (and to the next count: 一杯热拿铁一杯冰美式, the 冰 is the americano's)
            later = [n.start for n in dishes if n.start > named[-1].end]
            counted = (_ARTICLE_OR_COUNT if dish.isascii() else _COUNT_AT_START).search(before, named[-1].end)
            part_end = min([*later, counted.start() if counted else len(before)])
            same_kind = [
                o for o in find_options(MaskedText(before[part_start:part_end])) if o.group == new[0].group
            ]
            if same_kind:
                start, end = part_start + same_kind[-1].start, part_start + same_kind[-1].end
            else:
                start = end = named[-1].start
                new_said += " " if dish.isascii() else ""  # "latte" -> "iced latte"
        lowered, cased = _spliced(*_spliced(lowered, cased, m.start(), m.end()), start, end, new_said)
    return lowered, cased


# 苹果换成车厘子，两斤就够: a count said to be enough, with no name, counts again the last thing counted that way.
_COUNT_ENOUGH = compiled(
    # (not after a marker: 不对，两杯就行 is the markers' to read)
    rf"(?<![对不哦是])[,，]\s*(?P<num>(?>{ZH_NUMBER}))\s*(?P<measure>{_ZH_MEASURE})(?:就够了?|就行|就好|就可以)(?=[,，。！!]|$)"
)


_ENOUGH_WORDS = compiled("就够|就行|就好|就可以")  # in every _COUNT_ENOUGH


def _a_count_said_to_be_enough(lowered: str, cased: str) -> tuple[str, str]:
    if _ENOUGH_WORDS.search(lowered) is None:
        return lowered, cased
    for m in reversed(list(_COUNT_ENOUGH.finditer(lowered))):
        counted = compiled(rf"(?P<num>(?>{ZH_NUMBER}))\s*{re.escape(m.group('measure'))}")
        said = list(counted.finditer(lowered, 0, m.start()))
        if said:  # (一晚就够 with no night counted before says how many nights: it stays)
            lowered, cased = _spliced(lowered, cased, m.start(), m.end())
            lowered, cased = _spliced(lowered, cased, *said[-1].span("num"), m.group("num"))
    return lowered, cased


def _counts_said_again_by_name(lowered: str, cased: str) -> tuple[str, str]:
    if not _RECOUNT_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_RECOUNTED.finditer(lowered))):
        if m.group("verb") in (None, "就", "来") and m.group("enough") is None:
            continue  # 苹果两斤: more said, nothing counted again (猫粮也要一袋: cat food not said before, below)
        what, before = m.group("what"), lowered[: m.start()]
        at = before.rfind(what)
        if at < 0:
            continue
        counted = compiled(rf"(?P<num>(?>{ZH_NUMBER}))\s*{re.escape(m.group('measure'))}")
        link = _COUNT_LINK.match(before, at + len(what))
        said = counted.match(before, link.end()) if link is not None else None  # 牙膏三支: counted after it
        if said is not None and _NOUN_NEXT.match(before, said.end()):
            said = None  # 两袋汤圆一袋年糕: the count after it is the next thing's
        if said is None:  # 三斤羊肉, 四瓶青岛啤酒: counted before it (or before the name that ends with it)
            earlier = counted.finditer(before, max(0, at - 10), at)
            said = next((c for c in earlier if _NAME_BEFORE.fullmatch(before, c.end(), at)), None)
        if said is not None:
            start, end, new = *said.span("num"), m.group("num")
        else:  # 还有西瓜，西瓜一个就够: said with no count before, counted now
            start = end = at
            new = m.group("num") + m.group("measure")
        lowered, cased = _spliced(*_spliced(lowered, cased, m.start(), m.end()), start, end, new)
    return lowered, cased


# A correction aimed at one of several requests by naming it: 订明天的机票和外滩的酒店两晚，哦不对，机票改成后天的;
# "…, actually make the hotel three nights"; "change the flight to Thursday". What it says replaces the last thing
# of its kind in that request's part of the message, not in the last request's.
_SAID_WITH_IT = compiled(r"(?:的|那场|那班)?吧?$")
# Which of two like requests a change is aimed at (the way back, the second showing): its domain (None: any), and
# whether it is the first of them said.
_ONE_OF_TWO: dict[str, tuple[str | None, bool]] = {
    **dict.fromkeys(("回程", "返程", "回来那班", "回来那张", "回来的", "return flight", "return"), ("flight", False)),
    **dict.fromkeys(("way back", "第二段", "second flight", "second leg"), ("flight", False)),
    **dict.fromkeys(("去程", "第一段", "outbound flight", "outbound", "first flight", "first leg"), ("flight", True)),
    **dict.fromkeys(("第一场", "first showing", "first show", "first movie", "first film"), ("movie", True)),
    **dict.fromkeys(("第二场", "second showing", "second show", "second movie", "second film"), ("movie", False)),
    "first hotel": ("hotel", True),
    "second hotel": ("hotel", False),
    **dict.fromkeys(("第一个", "first one"), (None, True)),
    **dict.fromkeys(("第二个", "second one"), (None, False)),
}
_WHICH_ZH = "|".join(name for name in _ONE_OF_TWO if not name.isascii())
_WHICH_EN = "|".join(sorted((name for name in _ONE_OF_TWO if name.isascii()), key=len, reverse=True))
_AIMED = compiled(
    rf"(?:{_PAUSE}|[;；])\s*(?:[哦啊嗯]\s*)?(?:(?:不对|对了)\s*[,，]?\s*)?(?:(?:actually|sorry|oh|and|no|but|hmm)\s*,?\s*)*(?:"
    rf"(?:把\s*)?(?P<zh>机票|航班|酒店|房间|电影票|电影|{_WHICH_ZH})的?(?:时间|日期)?\s*(?:也)?\s*"
    r"(?:改成|改为|换成|改到|换到|要|订)\s*"
    r"(?P<zh_said>[^,，。！!？?；;]+)"
    rf"|(?:(?:make|change|move|switch)\s+the\s+(?P<en>flights?|hotel|rooms?|tickets?|movie|film|showing|{_WHICH_EN})\s+"
    r"(?:up\s+|back\s+)?(?:to\s+|for\s+|into\s+)?"
    # "sorry, the flight is Saturday", "the hotel should be three nights"
    rf"|the\s+(?P<en_is>flights?|hotel|rooms?|tickets?|movie|film|showing|{_WHICH_EN})\s+"
    r"(?:is|are|should be|will be)\s+"
    r"(?:on\s+|for\s+)?)"
    r"(?P<en_said>[^,.;!?—–]+)"
    # one thing of a list counted again by name: "3 bowls of rice... no, make the rice 4"
    rf"|(?:make|change)\s+the\s+(?P<thing>[a-z][a-z ]{{1,30}}?)\s+(?:to\s+)?"
    rf"(?P<count_said>(?!an?\b)(?:{EN_NUMBER})(?:\s+(?:{_EN_MEASURE}))?)\b)"
)
# (what every _AIMED holds: a request's word and a verb of change, or an English one; each alternative starts
# with its own character)
_AIMED_WORDS = compiled(
    "|".join(rf"{word}的?(?:时间|日期)?\s*(?:改|换|要|订)" for word in ("机票", "航班", "酒店", "房间", "电影票?"))
    + r"|回程|返程|去程|回来那|回来的|第一|第二"
    + r"|make the|change the|move the|switch the|the (?:flight|hotel|room|ticket|movie|film|show|return|outbound|first"
    r"|second|way back)"
)
# The words that tell each request's part of a message; a film's title tells the film's too.
_REQUEST_WORDS = {
    "flight": compiled(r"机票|航班|飞|flights?|fly|plane"),
    "hotel": compiled(r"酒店|宾馆|住|hotels?|rooms?|stay"),
    "movie": compiled(r"电影|(?<!机)票|张|tickets?|movie|film|showing|seats?"),
}
_AIMED_AT = {"机票": "flight", "航班": "flight", "酒店": "hotel", "房间": "hotel", "电影票": "movie", "电影": "movie"}
# What tells a flight's part of a message with no flight word in it: the way back (下周二三亚回杭州, 4月6号回来).
_WAY_BACK = compiled(r"回来|回程|返程|返回|[\u4e00-\u9fff]回[\u4e00-\u9fff]|\bback\b|\breturn")
# Where one request's part of a message ends.
_REQUEST_END = compiled(r"[,，。;；!！?？]|\s(?:and|then|plus)\s|和|然后|再")


# What is said to stay as it was asks for nothing: 去程改成周五，回程不变; 其他不变; "keep the outbound, but …",
# "everything else the same".
_UNCHANGED = compiled(
    r"[,，;；]\s*(?:回程|返程|去程|其他|其它|别的|其余|酒店|机票|时间|人数|晚数|住的晚数)?(?:都|也)?(?:不变|照旧|照常|还是一样|一样)"
    r"(?=[,，。;；!！]|$)"
    r"|(?<![a-z])(?:keep|leave) the (?:outbound|return|flight|hotel|rest|room|tickets?)(?: (?:one|flight))?"
    r"(?: as (?:it )?is| the same)?(?:\s*,?\s*(?=but\b))?"
    r"|[,.;]\s*(?:everything else|the rest) (?:stays |is |remains )?(?:the )?same(?=[,.;!]|$)"
)
_UNCHANGED_WORDS = compiled("不变|照旧|照常|一样|keep|leave|same")  # (in every _UNCHANGED)


def _without_what_stays(lowered: str, cased: str) -> tuple[str, str]:
    if not _UNCHANGED_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_UNCHANGED.finditer(lowered))):
        if m.start() > 0:  # (not the whole command)
            lowered, cased = _spliced(lowered, cased, m.start(), m.end())
    return lowered, cased


def _corrections_aimed_at_one_request(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    if not _AIMED_WORDS.search(lowered):
        return lowered, cased
    for m in reversed(list(_AIMED.finditer(lowered))):
        before = lowered[: m.start()]
        named = m.group("zh") or m.group("en") or m.group("en_is")
        part = _part_named(before, named, lexicon) if named else _part_naming(before, m.group("thing"))
        if part is None:
            continue  # that request or thing was not said in this message: a change to one made before
        part_start, part_end = part
        group = "zh_said" if m.group("zh") else "en_said" if named else "count_said"
        said = _ENOUGH.sub("", m.group(group).strip())
        if group == "zh_said":
            said = _SAID_WITH_IT.sub("", said)  # 换成明天上午的吧: 明天上午
        said_cased = cased[m.start(group) : m.start(group) + len(said)]
        if m.group("en_is") and not _a_count_or_a_time(said):
            continue  # "The hotel should be in Hangzhou": what it is like, said once
        new = _replacement(before[part_start:part_end], said, said_cased, lexicon)
        if new is not None:
            start, stop, text = part_start + new[0], part_start + new[1], new[2]
        elif _a_count_or_a_time(said):  # the request said none of its own (the hotel on the flight's day)
            start, stop, text = part_end, part_end, (" " if said_cased.isascii() else "") + said_cased
        else:
            continue
        lowered, cased = _spliced(lowered, cased, m.start(), m.end())
        lowered = lowered[:start] + read_as_the_rules_do(text) + lowered[stop:]
        cased = cased[:start] + text + cased[stop:]
    return lowered, cased


def _names_a_request(said: str) -> bool:
    return said in _AIMED_AT or said in _ONE_OF_TWO or any(words.fullmatch(said) for words in _REQUEST_WORDS.values())


def _part_named(before: str, named: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where the request named (机票, "the hotel", 回程, 第二场) was made in `before`."""
    if named in _ONE_OF_TWO:
        return _part_of_one_of_two(before, named, lexicon)
    return _part_of_the_request(before, named, lexicon)


def _part_of_one_of_two(before: str, named: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where the request named as one of two like ones (回程, 第二场, "the outbound") was made in `before`: the first
    or the last part of the message that asks for its domain (any domain for 第一个, "the second one")."""
    domain, first = _ONE_OF_TWO[named]
    edges = [0, *(e.end() for e in _REQUEST_END.finditer(before)), len(before) + 1]
    parts = []
    for start, end in pairwise(edges):
        part = before[start : end - 1] if end <= len(before) else before[start:]
        titles = domain == "movie" and any("title" in n.entry.kinds for n in lexicon.find(MaskedText(part)))
        if (domain is None and _asks_for_something(part, lexicon)) or (domain is not None and (
            _REQUEST_WORDS[domain].search(part) or titles or (domain == "flight" and _WAY_BACK.search(part))
        )):
            parts.append((start, start + len(part)))
    if len(parts) < 2:
        return None  # one request of the kind: "the return" of a flight said once is no part of this message
    return parts[0] if first else parts[-1]


def _part_of_the_request(before: str, named: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where the request named (机票, "the hotel") was made in `before`: the part of the message around its last
    word, on over what asks for nothing new (明天去昆明的机票，下午的；酒店…; not over 再点两杯奶茶)."""
    domain = _AIMED_AT.get(named) or next(d for d in _REQUEST_WORDS if _REQUEST_WORDS[d].fullmatch(named))
    said = [w.start() for w in _REQUEST_WORDS[domain].finditer(before)]
    if domain == "movie":
        said += [n.start for n in lexicon.find(MaskedText(before)) if "title" in n.entry.kinds]
    if not said:
        return None
    last = max(said)
    start = max((e.end() for e in _REQUEST_END.finditer(before, 0, last)), default=0)
    ends = [e.start() for e in _REQUEST_END.finditer(before, last)] + [len(before)]
    return start, next((at for at, then in pairwise(ends) if _asks_for_something(before[at:then], lexicon)), ends[-1])


_COUNT_APART = compiled(rf"[,，、]\s*(?:{EN_NUMBER})\s*(?:{_EN_MEASURE})?\s*")


def _last_said(text: str, thing: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where `thing` (its last word, singular or plural) was said last in text[start:end]."""
    word = thing.split()[-1]
    forms = "|".join(re.escape(form) for form in {word, word.removesuffix("s"), word.removesuffix("es")})
    said = list(compiled(rf"\b(?:{forms})(?:e?s)?\b").finditer(text, start, len(text) if end is None else end))
    return said[-1].span() if said else None


def _part_naming(before: str, thing: str) -> tuple[int, int] | None:
    """The part of a list in `before` that names `thing` last (singular or plural)."""
    said = _last_said(before, thing)
    if said is None:
        return None
    at = said[0]
    start = max((p.end() for p in _PART_END.finditer(before, 0, at)), default=0)
    # (on over a count said apart: "lamb, 1 kg")
    ends = [p.start() for p in _PART_END.finditer(before, at)] + [len(before)]
    end = next((end for end, then in pairwise(ends) if _COUNT_APART.fullmatch(before, end, then) is None), ends[-1])
    return start, end


def _asks_for_something(part: str, lexicon: Lexicon) -> bool:
    """A part of a message that names a request or a thing, or says an ordering verb."""
    return (
        any(words.search(part) for words in _REQUEST_WORDS.values())
        or ZH_ORDER_VERBS.search(part) is not None
        or EN_ORDER_VERBS.search(part) is not None
        or any(n.entry.kinds & {"item", "merchant", "title"} for n in lexicon.find(MaskedText(part)))
    )


def _a_count_or_a_time(said: str) -> bool:
    if _COUNT_SAID.fullmatch(said):
        return True
    read = _times_said(said).current
    return TIME_MARK in read and _AROUND_A_TIME.fullmatch(read.replace(TIME_MARK, "")) is not None


# A cancel taken back: "cancel my flight to Harbin? No wait, don't cancel it, just tell me whether it's been
# ticketed", 我想取消…不对不对，不是取消，是想看看出票了没有, "Cancel my tickets. Hmm, actually keep them". The cancel
# and the words that take it back go; what is asked instead stays.
# (every alternative starts with its own character, so that re skips ahead in C: see text.letter_led)
_NOT_CANCELLED = compiled(
    r"don't cancel(?: it| them| that)?|do not cancel(?: it| them| that)?|dont cancel(?: it| them| that)?"
    r"|keep (?:it|them)\b|不是取消[，,]?\s*(?:是)?|不取消了|先不取消|别取消了?"
)


def _cancels_taken_back(lowered: str, cased: str) -> tuple[str, str]:
    if not _NOT_CANCELLED.search(lowered):
        return lowered, cased
    for m in reversed(list(_NOT_CANCELLED.finditer(lowered))):
        cancelled = list(CANCEL.finditer(lowered, 0, m.start()))
        if cancelled:
            lowered, cased = _spliced(lowered, cased, m.start(), m.end())
            lowered, cased = _spliced(lowered, cased, *cancelled[-1].span())
    return lowered, cased


# A count said again before "actually": "Save me two for the premiere. Three, actually." (said first, read after).
_COUNT_THEN_ACTUALLY = compiled(rf"(?<=[.,;!?] )(?P<en>{EN_NUMBER}),? actually\b")


def repaired(lowered: str, cased: str, lexicon: Lexicon) -> tuple[str, str]:
    """Both copies of the command (the one the rules read, the one as written) with its corrections applied."""
    if "actually" in lowered and (late := _COUNT_THEN_ACTUALLY.search(lowered)) is not None:
        lowered, cased = _spliced(lowered, cased, late.start(), late.end(), "actually " + late.group("en"))
    lowered, cased = _without_hesitations(*_with_spoken_pauses(lowered, cased))
    lowered, cased = _cancels_taken_back(lowered, cased)
    lowered, cased = _without_retractions(*_without_fallbacks(lowered, cased), lexicon)
    lowered, cased = _things_swapped_by_name(*_counts_said_again_by_name(lowered, cased))
    lowered, cased = _made_another_way(lowered, cased, lexicon)
    lowered, cased = _things_swapped_by_name_en(lowered, cased, lexicon)
    lowered, cased = _rather(lowered, cased, lexicon)
    lowered, cased = _a_count_said_to_be_enough(lowered, cased)
    lowered, cased = _corrections_aimed_at_one_request(*_without_what_stays(lowered, cased), lexicon)
    if not any(pause in lowered for pause in ",，。.…—–-"):
        return lowered, cased  # every marker follows a pause
    searched_from = 0
    for _ in range(MAX_REPAIRS):
        marker = _MARKER.search(lowered, searched_from)
        if marker is None:
            break
        end = _FRAGMENT_END.search(lowered, marker.end()).start()  # type: ignore[union-attr]
        said = _ENOUGH.sub("", lowered[marker.end() : end].strip())
        said_instead = "改" in marker.group(0) or "还是" in marker.group(0)
        if said_instead and _CANCELLED_BEFORE.search(lowered, 0, marker.start()):
            break  # 把那杯奶茶取消了，改成一杯美式 / 换成…长安夜行，还是两张: a new order after the cancelled one
        if (after := _MARKER.match(lowered, end)) is not None and "改" in after.group(0):
            # 算了，家里还有，改成三斤香蕉吧: the reason between the marker and the correction goes with the marker
            lowered, cased = _spliced(lowered, cased, marker.start(), end)
            continue
        replacement = _replacement(lowered[: marker.start()], said, cased[marker.end() : end].strip(), lexicon)
        if replacement is None and (count := _COUNT_AT_START.match(lowered, marker.end(), end)) is not None:
            # 两张，不对四张中间的位置 (speech puts no comma after it): the count is said again, the rest goes on
            end = count.end()
            replacement = _replacement(lowered[: marker.start()], count.group(0), count.group(0), lexicon)
        if replacement is None and (after_a_reason := _count_after_a_reason(lowered, marker.start(), end, lexicon)):
            replacement, end = after_a_reason
        before = lowered[: marker.start()]
        replacements = [replacement] if replacement is not None else _each_change(before, said, lexicon)
        if not replacements:
            # "oh wait, my dad's coming too, make it three": what follows is no correction; the next marker may be
            searched_from = marker.end()
            continue
        while (
            (more := _AND_MORE.match(lowered, end)) is not None
            and _a_change_said_on(said_on := more.group("more").strip())
            and (also := _replacement(before, said_on, said_on, lexicon)) is not None
        ):
            if any(also[0] < stop and start < also[1] for start, stop, _ in replacements):
                break  # ("3 night, and 2 room": the rooms were not said before; the words stay to be read)
            replacements.append(also)  # "make that 2 tickets, and the 7pm one"
            end = more.end()
        lowered, cased = _spliced(lowered, cased, marker.start(), end)
        for start, stop, new in sorted(replacements, reverse=True):
            lowered = lowered[:start] + read_as_the_rules_do(new) + lowered[stop:]
            cased = cased[:start] + new + cased[stop:]
    return lowered, cased


# Several changes said in one correction ("make it 3 tickets and the 9pm show"), or one more after it (", and the
# 7pm one").
_SEVERAL_CHANGES = compiled(r"\s+and\s+|\s*[,，]\s*(?:and\s+)?|还有|而且")
_AND_MORE = compiled(r"\s*[,，]\s*(?:and|also|plus)\s+(?P<more>[^,，。.;；!！?？]+)")


def _a_change_said_on(said: str) -> bool:
    """A count, a time, a row or something said instead: what may be changed after another change ("make that 2
    tickets, and the 7pm one"); not another thing asked for ("no, 3 bags, and a bottle of soy sauce"), nor an option
    (read where it stands: "less sugar, and no ice please")."""
    return said.endswith("instead") or _a_count_or_a_time(said) or ANY_ROW.search(said) is not None


def _each_change(before: str, said: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The replacements of a correction that says several changes, each of another kind and place; none unless every
    part is one."""
    parts = [part.strip() for part in _SEVERAL_CHANGES.split(said) if part.strip()]
    if len(parts) < 2 or not all(_a_change_said_on(part) for part in parts[1:]):
        return []
    found = [_replacement(before, part, part, lexicon) for part in parts]
    if any(r is None for r in found):
        return []
    spans = sorted((r[0], r[1]) for r in found if r is not None)
    if any(a[1] > b[0] for a, b in pairwise(spans)):
        return []  # (two changes of one thing)
    return [r for r in found if r is not None]


def _count_after_a_reason(
    lowered: str, said_at: int, end: int, lexicon: Lexicon
) -> tuple[tuple[int, int, str], int] | None:
    """两张，哦不，我爸也去，要三张: a reason first (said_at…end), then the count said instead, of the same kind as one
    said before (两晚 counts no 两个人); the replacement, and where the correction ends (the reason goes too)."""
    if not lowered.startswith((",", "，"), end):
        return None
    after = _FRAGMENT_END.search(lowered, end + 1).start()  # type: ignore[union-attr]
    instead = _ENOUGH.sub("", lowered[end + 1 : after].strip())
    counted = _COUNT_AT_START.search(instead)
    before = lowered[:said_at]
    if not _COUNT_SAID.fullmatch(instead) or (
        counted is not None and re.search(rf"(?>{ZH_NUMBER})\s*{re.escape(counted.group('measure'))}", before) is None
    ):
        return None
    replacement = _replacement(before, instead, instead, lexicon)
    return (replacement, after) if replacement is not None else None


def _replacement(before: str, said: str, said_cased: str, lexicon: Lexicon) -> tuple[int, int, str] | None:
    """(start, end, text): the span of `before` the correction replaces, and what replaces it."""
    if not said or _KIND_OF_TRIP.search(said):
        return None
    count = _COUNT_SAID.fullmatch(said)
    if count is not None and (hour := _an_hour_said_bare(before, said)) is not None:
        return hour
    if count is not None:
        group = "num" if count.group("num") else "en"
        new = count.group(group)
        # Digits replace a count said either way: "2.5 kg of rice. actually 3", 两杯，不对，3杯.
        groups = ("num", "en") if new.isdigit() else (group,)
        earlier = [(m, g) for m in _COUNT_BEFORE.finditer(before) for g in groups if m.group(g)]
        if count.group("en_measure") is not None:
            # "under 700. Actually 2 rooms": a count said with what it counts corrects a count of something (10 bags,
            # 3 nights), not a bare amount
            measures = [(m, g, _MEASURE_AFTER.match(before, m.end(g))) for m, g in earlier]
            earlier = [(m, g) for m, g, after in measures if after]
            # ("two rooms … under 1000 a night. Actually just one room": the rooms, not the night)
            measure = count.group("en_measure").removesuffix("s")
            same = [(m, g) for m, g, after in measures if after and after.group(0).strip().startswith(measure)]
            earlier = same or earlier
        if earlier:
            last, said_as = earlier[-1]
            return last.start(said_as), last.end(said_as), new
        return None
    if (recounted := _count_of_a_thing(before, said)) is not None:
        return recounted
    if (timed := _time_replaced(before, said, said_cased)) is not None:
        return timed
    lead = _LEAD_WORDS.match(said)
    name, name_cased = (said[lead.end() :], said_cased[lead.end() :]) if lead else (said, said_cased)
    row = ANY_ROW.search(name)
    if row is not None and _AROUND_A_ROW.fullmatch(name[: row.start()] + " " + name[row.end() :]) and (
        rows_before := list(ANY_ROW.finditer(before))
    ):
        # "front row — no, middle", 第一排不要，要后面的: the row said last is replaced
        return rows_before[-1].start(), rows_before[-1].end(), name_cased[row.start() : row.end()]
    options = find_options(MaskedText(said))
    if options and not _A_REASON_BEFORE.search(said, 0, options[0].start):
        # (an option said again, not one in a reason: "actually, it's hot today")
        earlier_options = [o for o in find_options(MaskedText(before)) if o.group == options[0].group]
        option_said = said_cased[options[0].start : options[0].end]
        if earlier_options:
            last_option = earlier_options[-1]
            return last_option.start, last_option.end, option_said
        if not _LEAD_WORDS.sub("", said[: options[0].start]).strip() and not said[options[0].end :].strip():
            # "one cappuccino please, actually make that a large": the option added to what was asked, not a new thing
            return len(before), len(before), f" {option_said}"
    if (again := _phrase_said_again(before, said, said_cased)) is not None:
        return again
    mentions = lexicon.find(MaskedText(name))
    said_by_its_name = bool(mentions) and mentions[0].start == 0
    if said_by_its_name:
        kinds, new = mentions[0].entry.kinds, name_cased[: mentions[0].end]
    elif (
        _A_NAME_THE_CATALOGUE_LACKS.fullmatch(name)
        and not _NO_NAME.search(name)
        and TIME_MARK not in _times_said(name).current  # 算了今天有点冷: a reason, no dish
    ):
        kinds, new = {"item"}, name_cased  # "two bottles of coke, no, sprite": said instead of the last one
    else:
        return None
    earlier_names = [m for m in lexicon.find(MaskedText(before)) if m.entry.kinds & kinds]
    counted = _COUNTED_LAST.search(before) if said_by_its_name and "item" in kinds else None
    noun = "noun" if counted is not None and counted.group("noun") else "zh_noun"
    if counted is not None and all(n.end <= counted.start(noun) for n in earlier_names):
        # "the pizza order … get 3 bowls of spicy hot pot, sorry I mean malatang": a catalogue dish instead of the
        # one the catalogue lacks, said last with its count
        return counted.start(noun), counted.end(noun), new
    if not earlier_names:
        return None
    last_name = earlier_names[-1]
    return last_name.start, last_name.end, new
