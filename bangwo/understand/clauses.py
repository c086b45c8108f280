"""Splitting one command into its requests, and telling each request's domain.

"帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚" is two requests: a flight, then a
hotel. The command is cut at punctuation and conjunctions (再, 然后, and, then…) into
segments; each segment is given the domains its words point to (catalogue names and
domain words such as 机票, 酒店, 电影, 超市); a segment that points nowhere ("两晚",
"around 8 pm") belongs to the request before it (or, at the start, the one after it);
neighbouring segments of the same domain are one request again ("来一杯冰美式和两个可颂"
stays one food order with two items).

Food or grocery, for a name both sell (可乐, 啤酒), is decided in this order:
1. the segment's own words: supermarket words (超市, 盒马, 年货, 买菜) or grocery measure
   words (箱, 提, 斤, 公斤, kg, "case of") say grocery; cup and plate measure words (杯, 份,
   碗, cup, glass) and food words (外卖, 点, 叫, 喝, deliver) say food;
2. the other items of the same command: the nearest segment already known to be food or
   grocery (买点年货：一盒坚果礼盒，两箱可乐 is all grocery; "a pizza and two cokes" all food);
3. otherwise food: a single drink or beer is most often wanted now, from a restaurant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bangwo.understand.domains.common import CANCEL, STATUS_ONLY, action_of
from bangwo.understand.domains.movie import FILM_KINDS_EN, FILM_KINDS_ZH
from bangwo.understand.domains.places import AIRPORT_CODES, PART_OF_TOWN_ENDS_ZH
from bangwo.understand.lexicon import NameMention
from bangwo.understand.pinyin import says_a_dish as pinyin_says_a_dish
from bangwo.understand.rules import (
    COOKED_BEFORE_ZH,
    DISH_HEADS_EN,
    FOOD,
    FOOD_MEASURE_HINT,
    GROCERY_CONTEXT,
    GROCERY_CONTEXT_EN,
    GROCERY_CONTEXT_ZH,
    GROCERY_MEASURE_HINT,
    MILKS_EN,
    MILKS_ZH,
    NEAR_IT_ZH,
    PACKETS_EN,
    PACKETS_ZH,
    REQUEST_MARKERS,
    name_letter,
    served_as_a_dish_en,
)
from bangwo.understand.text import ITEM_MARK, compiled, letter_led

_PUNCTUATION = frozenset(",，。.!！?？;；:：~～、\n")
_A_MARK = compiled(f"[{re.escape(''.join(sorted(_PUNCTUATION)))}]")
# Where one request may end and the next begin. The conjunction starts the next segment. Every
# alternative starts with a plain character (see text.letter_led).
_NOT_BETWEEN_DIGITS = {".": r"\.(?!\d)", ":": r":(?<!\d:)(?!\d)"}
_SPLITTERS = compiled(
    # A dot or a colon between digits is no pause: 2.5 kg, 19.30, 15.04, "at 2:30pm".
    "|".join(_NOT_BETWEEN_DIGITS.get(ch, re.escape(ch)) for ch in sorted(_PUNCTUATION))
    + r"|和|跟|与|以及|还有|还要|再|重新|改订|另外|然后|顺便|同时|并且|外加|加上|"
    + letter_led("and|plus|also|then|as well as|along with", then=r"\b")
    # The way back, said straight after the way there: "leaving Thursday coming back Sunday".
    + "|" + letter_led("coming back|come back|returning", then=r"\b")
    + "|&|\\+"
)


@dataclass(frozen=True)
class _Words:
    """Some of one domain's words: a regex, and what a segment must hold for it to be searched at all.

    `holds`: a string every match contains (a cheap `in` test before the search), or "". `gate`: the
    segment's script ("zh": every match holds a non-ASCII character; "en": an ASCII letter or digit)
    for regexes with `holds`; for the others "zh-words" / "en-words": one search of all of them at
    once (_ANY_ZH_WORD, _ANY_EN_WORD) found something, as it does in only about a third of segments."""

    regex: re.Pattern[str]
    gate: str
    holds: str = ""


def _zh(pattern: str, holds: str = "") -> _Words:
    return _Words(compiled(pattern), "zh" if holds else "zh-words", holds)


def _en(pattern: str, holds: str = "") -> _Words:
    return _Words(compiled(pattern), "en" if holds else "en-words", holds)


# The day after (or before) the one said before, said alone between two requests: "…, and the day after, get…",
# 然后第二天，, "and, the day before, 2 for…".
_THE_DAY_AFTER_OR_BEFORE = compiled(
    r"[\s,，]*(?:(?:and|then|and then)\s+|然后|再)?"
    r"(?:第二天|次日|隔天|前一天|the next day|the day after|the following day|the day before)"
    r"[\s,，]*"
)
# (its digits first, the airline's code checked behind them: re skips in C to where digits are; a regex led by
# letters or lookbehinds would be tried at every position of every segment)
_AIRLINE_CODE = r"(?<![a-z0-9])(?<!id )(?<!id: )(?<!#)(?:[a-z]{2}|\d[a-z])(?<!rm)(?<!no)(?<!pm)(?<!am)(?<!id)"
_FLIGHT_NUMBER = compiled(
    rf"[0-9]{{3,4}}(?![a-z0-9])(?:(?<=(?:{_AIRLINE_CODE})[0-9]{{3}})|(?<=(?:{_AIRLINE_CODE})[0-9]{{4}}))"
)
# A place said by its name: one the catalogue knows (marked), two to four Chinese characters, or a word.
_PLACE_SHAPED = "(?:\ue005+|[\u4e00-\u9fff]{2,4}|[a-z][a-z']{2,})"
_ARROWED_ROUTE = compiled(f"{_PLACE_SHAPED}\\s*(?:→|->|=>)\\s*{_PLACE_SHAPED}")
# A film wanted by name, then its showing or its party: 想看鲸落之海 上午的场 两个大人一个小孩, 大年初三 看飞驰人生3
# 仨人; or by who goes to see it: 我和我爸妈三个人看唐探4，今天下午三点那场, 一家四口看飞驰人生3，明天下午 (包场看
# books a whole screen).
_A_FILM_SEEN_ZH = (
    r"(?:想|去|人|们|口|包场|(?<=[一二三四五六七八九十日天夕号末宵节晚午]) )\s?看(?!看)[^\s，,。]{2,10}[\s，,]"
    r".*?(?:场|张|大人|小孩|[一两三四五六七八九十\d]个?人|[俩仨]人|坐|[早上中下]午|晚上)"
)
_A_FILM_SEEN = compiled(_A_FILM_SEEN_ZH)  # (over the whole command, where no segment points anywhere)
# Grown-ups and children counted, as a cinema counts them: 2大1小, "2 adults 1 child", "two adults and a kid".
# (searched only where nothing else points anywhere)
_A_PARTY_AT_A_SHOWING = compiled(
    r"[1-9一两二三四五]\s*大\s*[1-9一两二三四五]\s*小"
    r"|\b(?:\d|one|two|three|four|five) adults?,? (?:and )?(?:\d|one|two|three|a) (?:kids?|child(?:ren)?)\b"
)
# A sequel said first, then when it is seen or by how many: "moon man 2 tonight, 2 ppl", "toy story 5 for 4 ppl
# sunday morning" (searched only where nothing else points anywhere; not "table for 4 tonight": no word of a title
# stands right before the number).
_A_SEQUEL_FIRST = compiled(
    r"^(?:[a-z][a-z'&:-]*\s+){1,5}"
    r"(?<!\bfor )(?<!\bat )(?<!\bx )(?<!\bof )(?<!\bto )(?<!\bme )(?<!\bus )(?<!\bget )(?<!\border )(?<!\bbook )"
    r"\d{1,2},?\s+(?=for\s+\d+\s+(?:ppl|people|pax|persons)\b|tonight|tonite|2nite|tmrw|tmr|tomorrow|today"
    r"|this\s|next\s|on\s|at\s+\d|\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)"
)
# A film named first on its own, then its showing's day and how many go: "Moana tmrw evening 2 ppl", "Supergirl
# tmrw 9pm, just 1", "oppenheimer fri 7pm x3" (searched only where nothing else points anywhere; a party at a day
# after a meal or an outing is a table: "table for 4 tonight", "hotpot tonight 4 ppl", "KTV sat 6 ppl").
_A_TABLE_OR_AN_OUTING = (
    r"table|dinner|lunch|breakfast|brunch|hot\s?pot|bbq|barbecue|dim sum|buffet|karaoke|ktv|drinks|spa|massage"
)
_A_FILM_THEN_ITS_SHOWING = compiled(
    rf"^(?!(?:{_A_TABLE_OR_AN_OUTING}|a|the|my|our|me|we|i|get|order|book)\b)(?:[a-z][a-z'&:.-]*\s+){{1,6}}"
    r"(?:\d{1,2}\s+)?(?:tonight|tonite|2nite|tmrw|tmr|tomorrow|today|(?:this|next)\s+[a-z]+|mon|tue|wed|thu|fri|sat"
    r"|sun)\b[^,.;!?]*?(?:[,.]\s*)?(?:\d{1,2}\s*(?:ppl|people|pax|persons|tix|tickets|seats)\b|x\s?\d\b"
    r"|just\s+(?:1|one|me)\b)"
)


# …or booked by its name for a party, at a showing: "book The Devil Wears Prada 2 for 6 of us, together, sun 4pm",
# "book me Project Hail Mary, 1 adult, half 7 tonite".
_A_FILM_BOOKED_FOR_A_PARTY = compiled(
    rf"^book\s+(?:me\s+|us\s+)?(?!(?:a|an|the)\s+(?:table|room|hotel|flight|seat)\b|(?:{_A_TABLE_OR_AN_OUTING})\b)"
    r"(?:[a-z][a-z'&:.-]*,?\s+){1,6}"
    r"(?:\d{1,2},?\s+)?(?:for\s+\d{1,2}\s+of\s+us|(?:\d|one|two|three|four)\s+adults?)\b"
    r".*\b(?:tonight|tonite|tmrw|tomorrow|today|mon|tue|wed|thu|fri|sat|sun|\d{1,2}(?::\d\d)?\s*(?:am|pm))"
)


def _a_film_then_its_showing(text: str) -> bool:
    """_A_FILM_THEN_ITS_SHOWING or _A_FILM_BOOKED_FOR_A_PARTY, its name no dish: "sushi tonight 2 ppl" is a
    table."""
    m = _A_FILM_THEN_ITS_SHOWING.search(text) or _A_FILM_BOOKED_FOR_A_PARTY.search(text)
    return m is not None and not _A_DISH_WORD_EN.search(text, 0, m.end()) and not DISH_HEADS_EN.intersection(
        text[: m.end()].split()
    )


# Words that make a segment one domain's request by themselves. Only where the first one starts
# matters (see `_first_words`), so a domain's words may be split over several regexes: each one is
# spelt to start with a plain character, for re to skip in C to where a word can start.
_DOMAIN_WORDS: dict[str, tuple[_Words, ...]] = {
    "flight": (
        # 飞 after a number or a measure word is no flight (一飞冲天, 三罐飞鹤奶粉), after a weekday or festival day it
        # is (周三飞, 初八飞, 五一飞, 腊月二十八飞).
        _zh(
            r"机票|航班|飞机|班机|飞(?:(?<![一两三四五六七八九十\d罐瓶盒袋箱包桶听提杯份]飞)|(?<=[周期拜初][一二三四五六七八九日天十]飞)"
            r"|(?<=[五六]一飞)|(?<=月[十廿][一二三四五六七八九]飞)|(?<=月二十[一二三四五六七八九]飞))(?![快速驰])"
            r"|起飞|直飞|经济舱|商务舱|头等舱|公务舱|登机|单程票|往返(?!接送)"
            # an airline by its short name: 东航那张后天去西安的, 国航 北京到重庆今晚还有票吗
            r"|国航|东航|南航|海航|川航|厦航|深航|山航|春秋航空|吉祥航空"
            # the first or last one out said alone: 明早最早一班到上海的, 今晚最晚一班 深圳回武汉的 (not 最早一班高铁)
            r"|最早一班(?![^，,。\s]{0,4}[车铁船])|最晚一班(?![^，,。\s]{0,4}[车铁船])"
            # 凌晨一点那班去曼谷的: the flight pointed at (not 那班车, 那班地铁; each spelt out, see text.letter_led)
            r"|那班(?=[^，,。\s车地公高动火船]{0,6}?去)|这班(?=[^，,。\s车地公高动火船]{0,6}?去)"
        ),
        _en(
            letter_led(
                "flights?|fly|flying|plane|airplane|airline|airfare|air tickets?|boarding|business class|economy class"
                "|economy"
                "|first class|one-way|one way|round-trip|round trip|return ticket|business seats?|window seats?"
                "|aisle seats?",
                not_after="[a-z]",
                then="(?![a-z])",
            )
        ),
        # A trip from one town to another, known or not: "travel from Phoenix to Nashville", "go from detroit to
        # orlando", "the cheapest fare from dallas to houston" (not across town: "go from the hotel to the beach").
        _en(
            letter_led(
                "travel|travelling|traveling|go|going|head|heading|leave|leaving|depart|departing|fares?|tickets?",
                then=r"\s+from\s+(?!(?:the|my|our|here|there|home|work|this|that)\b)(?:[a-z]+(?:\s+[a-z]+)?|\ue005+)"
                r"\s+to\s+(?!(?:the|my|our|here|there|home|work|this|that)\b)[a-z\ue005]"
                r"(?!.*\bby (?:metro|subway|bus|train|coach|ferry|taxi|car)\b)",  # (across town by metro)
            )
        ),
        # A booking to a town the catalogue knows: "what's the status of my booking to Dubai?" (not "a table")
        _en(letter_led("booking|reservation", then=r"\s+to\s+\ue005")),
        # Two airports by their codes: "BLR-DEL 6am Mon, 2 pax" (not "one-way", "low-fat").
        _Words(AIRPORT_CODES, "en", holds="-"),
        # A flight by its number: CA1234 延误没, "is MU5101 on time" (not a train's G1234, a room's rm1205 or
        # "Booking ID MV2231").
        _Words(_FLIGHT_NUMBER, "en"),
        # Two places the catalogue knows, one to the other: "Hangzhou-Kunming Wed", "Kunming back to Beijing",
        # 广州到成都 12月3号, 香港去台北, 北京返广州 (not a way asked across town: 外滩到陆家嘴怎么走).
        _Words(
            compiled("\ue005\ue005*\\s*(?:back\\s+)?(?:->|-|–|→|to\\s|到|至|去|返|回)\\s*\ue005++(?!\\s*(?:怎么|咋|多远|多久|要多|远吗|有多))"),
            "zh",
            holds="\ue005",
        ),
        # An arrow between two places, known or not: 重庆→厦门, "Qingdao -> Shanghai" (in either script).
        _Words(_ARROWED_ROUTE, "zh", holds="→"),
        _Words(_ARROWED_ROUTE, "zh", holds=">"),
        _Words(_ARROWED_ROUTE, "en", holds=">"),
    ),
    "hotel": (
        _zh(
            r"酒店|宾馆|旅馆|民宿|住宿|客栈|旅店|入住|退房|订房|开房|房间|客房|大床房|双床房|标间|标准间|套房|海景房|家庭房|单人间|双人间|"
            # A place to sleep said plainly: 住的地方, 住处, 过夜, 那间房.
            r"住的地方|住处|落脚的地方|过夜|间房|有没有房|还有房|有房吗|订到房|有空房|空房|青旅|青年旅舍|招待所|旅社|"
            # The room booked, pointed at: 明天的房 退掉, 那间厦门的房 (not 我的房子, 房租, 房东).
            r"的房(?![子租东贷产车屋顶])|"
            r"住[一两三四五六七八九十几俩仨\d]|住到|住在?[^，,。]{0,12}?(?:附近|边|旁)|住(?<=附近住)|住(?<=边上住)"
            # (or in a part of town: 到了住三亚湾, 南京住新街口)
            rf"|住(?=在?(?:[\u4e00-\u9fff]{{1,6}}(?:{PART_OF_TOWN_ENDS_ZH})|\ue005+)(?:[,，。;；\s]|$))"
        ),
        # Rooms and nights counted: 两间, 3晚 (not 周五晚: a day's evening).
        _zh(r"[一两三四五六七八九十几\d]\s*间", holds="间"),
        _zh(
            # (nor 喝了一晚上水: all night, told)
            # (nor 流浪地球3晚上八点: a sequel's number, then the evening's clock)
            r"[一两三四五六七八九十几俩仨\d](?<![周期拜初年号日月了\d零一二两三四五六七八九十].)\s*个?晚(?![饭餐安点])"
            r"(?!上\s*[一两二三四五六七八九十\d]+\s*点)"
            # (but a weekday's one night is: 厦门鼓浪屿 周六一晚)
            r"|(?<=[周期拜][一二三四五六日天])[一两]\s*晚(?![饭餐安点上])",
            holds="晚",
        ),
        _en(
            letter_led(
                # "to room 1206" is where a coffee goes, no room booked.
                # (A guest "staying over" or "staying with us" books no room.)
                # ("the meeting room" is where a coffee goes.)
                r"hotels?|room(?<!meeting room)(?<!conference room)(?<!living room)(?<!dining room)s?(?!\s*#?\d)"
                r"|stay(?!ing (?:over|with))|staying(?! (?:over|with))|inn|hostel|b&b|airbnb|guesthouses?|motels?"
                r"|ryokans?"
                r"|check[- ]in|place to sleep|places? to stay|somewhere to (?:sleep|stay|crash)|put (?:me|us) up"
                # "find me a place in Xiamen from…", "need a bed near Hongqiao station", "in on Friday, out on Monday"
                r"|find (?:me|us) a place|book (?:me|us) a place|a bed (?:near|in|by|for)|need a bed"
                r"|out on (?:mon|tues|wednes|thurs|fri|satur|sun)day"
                r"|accommodations?|lodging",
                not_after="[a-z]",
                then="(?![a-z])",
            )
        ),
        _en(
            r"(?<![a-z])(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+nights?(?![a-z])",
            holds="night",
        ),
    ),
    "movie": (
        # (a film of a kind: 动画片, 喜剧片 — not 照片, 药片 or 名片)
        # (each spelt out: an alternative that starts with a group makes re try every position, see text.letter_led)
        _zh(_A_FILM_SEEN_ZH + "|包场看", holds="看"),
        _zh(
            # (not where something else is: 影院楼下的麦当劳)
            "电影(?!院(?:楼下|旁边|附近|对面|门口))|影院(?!楼下|旁边|附近|对面|门口)|影城(?!楼下|旁边|附近|对面|门口)|影厅"
            "|电影票|影票|观影|场次|首映|点映|首场|上映|新片|大片|重映|几点有场|最晚一场|最早一场|几号厅|哪个厅|"
            + "|".join(f"{kind}片" for kind in FILM_KINDS_ZH.split("|"))
        ),
        # "What's playing", "is X playing": what a cinema shows.
        _en(
            "imax|"
            + letter_led(
                # ("movie night" is an evening at home, no film booked.)
                # (nor is a cinema one stays near: "a hotel near the cinema")
                "movies?(?! night)|films?|cinemas?(?<!near the cinema)(?<!near the cinemas)|cineplex|multiplex"
                "|theaters?|theatres?|premiere|showings?(?! up)"  # ("people keep showing up": arriving)
                "|screenings?|show ?times?|show timings?|playing"
                # a film wanted by its kind: "watch a comedy at the AMC tonight"
                f"|watch (?:a|an|some) (?:{FILM_KINDS_EN})|see (?:a|an|some) (?:{FILM_KINDS_EN})",
                not_after="[a-z]",
                then="(?![a-z])",
            )
        ),
    ),
    "grocery": (_zh(GROCERY_CONTEXT_ZH), _en(GROCERY_CONTEXT_EN)),
    # A restaurant, or a place named by a dish ("the fried chicken place"), cooks what it sells.
    "food": (
        _zh(r"外卖|点餐|订餐|饿了|餐厅|饭店|饭馆|馆子|餐馆|食堂"),
        _en(
            letter_led(
                "takeout|takeaway|food delivery|restaurants?|diner|cafe|bistro|my (?:food|meal|lunch|dinner|breakfast)"
                "|from (?:the|that|a) [a-z ]{1,24}?(?:place|joint|stall|truck|kitchen)"
                "|at (?:the|that|a) [a-z ]{1,24}?(?:place|joint|stall|truck|kitchen)",
                then=r"\b",
            )
        ),
    ),
}
# Seat words say movie unless the segment is already a flight's ("two business class seats").
_SEAT_WORDS = (
    _zh(r"连座|连坐|坐一起|坐在一起|坐一块|前排|后排|中排|中间排|中间几排|第[一二三四五六七八九十\d]+排|倒数第[一二三四五\d]排"
        r"|最后一排|最后排|中间的?位置|挨着的座位"
        r"|坐在?(?:中间|前面|后面|最后)"),
    _en(letter_led("seats?|rows?|sit together|sitting together|seated together", then=r"\b")),
)
_SEAT_PARTS = tuple(("movie", part) for part in _SEAT_WORDS)
_ASCII_LETTER_OR_DIGIT = compiled(r"[a-z0-9]")


def _any_word(gate: str) -> re.Pattern[str]:
    """All the words behind one gate as one alternation (each part is one already)."""
    words = (part for parts in (*_DOMAIN_WORDS.values(), _SEAT_WORDS) for part in parts if part.gate == gate)
    return compiled("|".join(part.regex.pattern for part in words))


_ANY_ZH_WORD = _any_word("zh-words")
_ANY_EN_WORD = _any_word("en-words")


def _open_gates(text: str) -> set[str]:
    """Which of the `_Words` gates a segment passes."""
    gates = set()
    if not text.isascii():
        gates.add("zh")
        if _ANY_ZH_WORD.search(text) is not None:
            gates.add("zh-words")
    if _ASCII_LETTER_OR_DIGIT.search(text) is not None:
        gates.add("en")
        if _ANY_EN_WORD.search(text) is not None:
            gates.add("en-words")
    return gates


# Every domain's words in one flat tuple, domain by domain in the order above: one loop reads a segment.
_WORD_PARTS = tuple((domain, part) for domain, parts in _DOMAIN_WORDS.items() for part in parts)


def _first_words(parts: tuple[tuple[str, _Words], ...], text: str, gates: set[str]) -> dict[str, int]:
    """Where each domain's first word starts in `text`, whose `_open_gates` are `gates` (the earliest of
    its regexes' first matches); domains in the order of `parts`."""
    firsts: dict[str, int] = {}
    for domain, part in parts:
        if part.gate in gates and part.holds in text and (m := part.regex.search(text)) is not None:
            start = m.start()
            if firsts.get(domain, start) >= start:
                firsts[domain] = start
    return firsts


_BOOKING_DOMAINS = frozenset({"movie", "flight", "hotel"})
# A request for a service no provider sells: a ride, a train, an alarm, a call, a concert's or a sight's tickets.
# Its segment asks for nothing here (叫个车去首都机场, 北京到上海的高铁票, "book a taxi to pick me up at my hotel").
ELSEWHERE = ("elsewhere",)
# A request of the assistant's own beside the services' (…，顺便帮我写首诗; "then tell me a joke"): a chat frame
# in its place. Asked at the start of its segment, after the words that join it on.
CHAT_REQUEST = ("chat",)
# The words that join one request to the one before it (and the pause before them).
_JOINING_WORDS = "和|还有|还要|再|另外|然后|顺便|同时|最后|and|plus|also|then|oh|after that|and then|now"
_PAUSE = r"[\s,，。.;；:：!！?？/&+]*"
_ASKED_TO_TALK = compiled(
    rf"{_PAUSE}(?:(?:{_JOINING_WORDS}|先)[\s,，]*)*"
    r"(?:(?:请|麻烦|帮我|给我|帮忙|替我|你|能不能|可以|can you|could you|please|pls)\s*)*"
    # (something written, not a note on the order, 写上不要香菜, nor what tired one out, 写作业写饿了)
    r"(?:写(?=[一个首段篇封几份句张])(?!个?备注|个?地址)|讲个|讲一个|讲讲|讲一下|翻译|解释|总结|作一?首|背一?首|起个名"
    r"|想一?个[^，。,.]{0,8}名字|编一?个|告诉我[^，。,.]{0,10}天气|查一?下?[^，。,.]{0,10}天气"
    r"|write\b|tell (?:me|us) (?:a|an|about|how|what|why|the|some)\b|translate\b|explain\b|summari[sz]e\b|compose\b)"
)
# A word every _ASKED_TO_TALK match holds.
_TALK_WORD = compiled(
    "写|讲|翻译|解释|总结|作一?首|背一?首|起个名|名字|编一?个|天气|"
    + letter_led("write|tell|translate|explain|summari[sz]e|compose", then=r"\b")
)
_A_TEXT_WRITTEN = compiled(r"写|翻译|作一?首|编一?个|" + letter_led("write|translate|compose|summari[sz]e"))
# What starts a new ask after the talk asked for; without one, the words after it are what to write or translate
# (帮我写一段话，邀请朋友周六一起去看惊蛰无声; 帮我翻译一下：我想退房).
_ASKS_AGAIN = compiled(
    rf"{_PAUSE}(?:{_JOINING_WORDS}|帮|给我|请|麻烦|can you|could you|please|order|book|buy|get)"
)
_A_QUESTION = compiled(r"[?？吗没呢]")
# (然后点一份麻辣烫: the 点 after 后 that REQUEST_MARKERS leaves for a clock's)
_ORDERED_AFTER_A_JOINER = compiled(r"(?:然后|再|顺便|另外|还有|最后)(?:帮我|给我)?(?:点|订|买|来|要|叫)")
# The rest no longer asks for anything: 给我讲个笑话吧，算了…; 不订了，机票太贵了，你帮我写一段拜年短信.
_NO_LONGER_WANTED = compiled(r"不(?:订|买|点|要|看)了|算了|" + letter_led("never mind|forget it", then=r"\b"))


def _talk_beside_requests(
    text: str, segments: list[tuple[int, int, tuple[str, ...] | None]]
) -> list[tuple[int, int, tuple[str, ...] | None]]:
    """The talk asked for, with what it is about, when the rest of the command asks for services too; otherwise
    the command is read whole, as before there was talk in it."""
    for i in range(1, len(segments)):
        start, end, _ = segments[i]
        if segments[i - 1][2] == CHAT_REQUEST and not _ASKS_AGAIN.match(text, start):
            segments[i] = (start, end, CHAT_REQUEST)
    rest = " ".join(text[start:end] for start, end, domains in segments if domains != CHAT_REQUEST)
    asks = (
        REQUEST_MARKERS.search(rest)
        or _ORDERED_AFTER_A_JOINER.search(rest)
        # (asked, not told: 我的外卖到哪了？ asks after it, "lol my flight got delayed" tells)
        or (_A_QUESTION.search(rest) and _CANCELS_OR_ASKS.search(rest))
    )
    if asks and not _NO_LONGER_WANTED.search(text):
        return segments
    return [(start, end, None if domains == CHAT_REQUEST else domains) for start, end, domains in segments]


# What happened to a booking, told as the reason for the request beside it: "cancel my movie tickets, my flight got
# delayed", "…the tickets I booked for tomorrow? My flight's been moved", 帮我退了电影票，航班改了.
_TOLD_WHAT_HAPPENED = compiled(
    letter_led(
        "my|our",
        then=r"\s+(?:[a-z]+\s+){0,2}?(?:flight|train|hotel|trip|meeting)(?:'s|\s+has|\s+got|\s+was|\s+is)?\s+"
        r"(?:been\s+|just\s+)?(?:delayed|moved|cancell?ed|changed|rescheduled|postponed|pushed back)\b",
    )
    + r"|(?:航班|飞机|会议|行程)(?:又)?(?:延误|晚点|改签|取消|改期|推迟|提前)了(?![吗没么])"
    # why a room is wanted: "check in today, early flight tmr", "my flight leaves at 7am", "I'm flying out early",
    # 明天一早的飞机; or why it is cancelled: "flight delayed 😩"
    + "|"
    + letter_led("early (?:morning )?flight", then=r"(?:\s+(?:tmr|tmrw|tomorrow)(?:\s+morning)?)?\b")
    + "|"
    + letter_led(
        "my flight (?:leaves|departs|takes off|is at)|i'm flying out|we're flying out|i am flying out|we are flying out"
        "|flight (?:got |was |is )?delayed",
        then=r"\b[^,.;!?]*",
    )
    + r"|(?:明天|明早)一早的(?:飞机|航班)"
)


_NOTHING_BUT_JOINERS = compiled(r"[\s,，.。!！?？;；]*(?:(?:and|because|since|as|coz|因为)\s*)?")


def _told_beside_requests(
    text: str, segments: list[tuple[int, int, tuple[str, ...] | None]]
) -> list[tuple[int, int, tuple[str, ...] | None]]:
    """A segment that only tells what happened to a booking asks for nothing when another segment asks for
    something (alone, "my flight got delayed?" may ask after it)."""
    told = [
        i
        for i, (start, end, domains) in enumerate(segments)
        if domains
        and (m := _TOLD_WHAT_HAPPENED.search(text, start, end)) is not None
        and not _A_QUESTION.search(text, m.end(), end)
        # (the segment says only that: 行程取消了 把明天的机票退了 asks as well)
        and _NOTHING_BUT_JOINERS.fullmatch(text, start, m.start()) is not None
        and _NOTHING_BUT_JOINERS.fullmatch(text, m.end(), end) is not None
    ]
    if not told or not any(domains for i, (_, _, domains) in enumerate(segments) if i not in told):
        return segments
    return [(start, end, None if i in told else domains) for i, (start, end, domains) in enumerate(segments)]


_ANOTHER_SERVICE = compiled(
    r"打车|打个车|叫车|叫个车|叫辆车|叫一辆|滴滴|出租车|网约车|专车|顺风车|代驾|火车(?!站)|高铁(?!站)|动车(?!站)|列车|车票|"
    r"怎么走|咋走|怎么去|咋去|导航|"  # the way across town asked (从人民广场到外滩咋走)
    r"闹钟|叫我起床|喊我起床|叫醒我|打(?:个|一个|一通)?电话|打给|演唱会|音乐会|话剧|球赛|门票|音乐|放歌|听歌|歌曲|"
    r"按摩|足疗|理发|美甲|"  # (appointments no provider here makes)
    + letter_led(
        "taxi|cab|uber(?! eats)|lyft|didi|alarm|wake me up|concerts?|train (?:tickets?|tix|times?|schedules?|from|to)"
        "|trains from"
        "|ferry (?:tickets?|from|to)|ferries from"
        "|bus (?:tickets?|from|to)|call (?:my|mom|dad|him|her)|museum tickets?|game tickets?"
        "|massage|haircut|manicure|doctor's appointment|doctor appointment|dentist appointment|dental appointment"
        "|tickets? (?:for|to) (?:the |a |an )?(?:[a-z]+ ){1,2}game",
        then=r"\b",
    )
)
# Asking for it, or about it, not telling of it (闺女坐高铁到杭州东站, 赶明早的高铁: how someone travels, told).
_ASKED_FOR = compiled(
    r"订|买|查|帮|给我|要|想|叫|打|设|定|来|放|播|多少钱|几点|吗|怎么|咋|导航|[?？]|"  # (门票多少钱: its price asked)
    + letter_led(
        "book|buy|get|find|need|want|like|search|check|look|reserve|order|call|set|wake|rent|how much|is there"
        "|are there|what time|when|on time",
        then=r"\b",
    )
)
# What names one of the services sold outright (a hotel that a ride starts from or goes to names none: 叫个车去酒店,
# "a taxi to pick me up at the Lensfield Hotel"; a stay asked for besides is a request of its own, "and"/，apart).
_OWN_SERVICE = compiled(
    r"机票|航班|飞机|酒店(?<![去到回在]酒店)|宾馆|民宿|客栈|旅馆|房间|订(?:个|间|一间)?房|入住|住宿|电影|影院|外卖|"
    + letter_led("flights?|fly|movies?|films?|cinema|takeout|delivery", then=r"\b")
)
# A booking said to be kept as it is, beside one changed: 酒店先留着, 机票不用动.
# (not 不动 alone: 走不动了)
_KEPT_AS_IT_IS = compiled(r"留着|不用动|别动|先不动|保留|照旧|不用取消|不取消|不用退")
_ONCE_MEANT = compiled(r"[\s,，。]*(?:我)?(?:本来|原本|原来|本)(?:想|打算|准备|要)")
_OWN_MEAL = ("meal",)  # a segment that is a food-or-grocery request of its own (see split_clauses)
# Bought and counted: 买两盒月饼, 买个月饼礼盒, 买点水果 (see split_clauses).
_BOUGHT_COUNTED = compiled(r"买(?:[一两二三四五六七八九十几\d]+\s*[盒箱袋瓶包斤提桶罐份只]|个|点|些)")
# Words that only tell a ticket's domain when nothing stronger was said.
# (发票 is an invoice, 投票 a vote, 股票 and 彩票 no ticket to a show; 张 counts tickets after a number or a verb, 两张,
# 买张, not as a name: 张记冒菜, 张亮麻辣烫)
_TICKET = compiled(
    r"票(?<!发票)(?<!投票)(?<!股票)(?<!彩票)|张(?<=[一两二三四五六七八九十几俩仨\d买来订要抢拿整]张)|"
    + letter_led("tickets?|tix", then=r"\b")
)
# Tickets for something said by its name, not for the people who go ("2 tickets for my kids") nor to a place the
# catalogue knows (a flight's).
_TICKETS_FOR_A_SHOW = compiled(
    letter_led(
        "tickets?|tix",
        then=r"\s+(?:for|to)\s+(?!(?:my|our|me|us|him|her|them|his|their|your|the (?:kids|family|whole family))\b)"
        r"(?:the\s+)?[a-z0-9\ue000]",  # (a word of the title may be a dish the catalogue knows: "Lantern Street")
    )
    # ("2 tix Dune tn": tix, a show's word, before the title itself)
    + "|"
    + letter_led("tix", then=r"\s+(?!(?:for|to|and|please|pls|plz|each|at|on|in|tonight|tomorrow)\b)[a-z]")
)
# Tickets counted by the sheet for a day or a time (买两张今晚的长安夜雨, 订两张周六下午的…) or bought after the showing
# is named (…的熊出没帮我买三张): a showing's, where nothing else says what they are for.
_TICKETS_FOR_A_SHOWING_ZH = compiled(
    r"[一两三四五六七八九十几俩仨\d]\s*张\s*(?:今|明|后天|大后天|周|下周|这周|星期|礼拜|上午|下午|中午|晚上|\d|[一二三四五六七八九十]+[月号点])"
    r"|(?:买|订)[一两三四五六七八九十几俩仨\d]张(?=[\s,，。]|$)|[一两三四五六七八九十几俩仨\d]\s*张(?:[^\s,，。]{1,12}?的)?票"
    r"|k(?<=book)\s*[一两三四五六七八九十几俩仨\d]\s*张"  # (book两张Dune tonight)
)
# Ways to travel that no provider sells: their tickets are no film's and no flight's (高铁还有票吗).
_OTHER_TRANSPORT = compiled(
    r"高铁|火车|动车|大巴|汽车票|船票|地铁|"
    # In English only as the way to go, not as a word of a film's title ("a ticket for Moonlight Ferry"):
    # "train tickets", "a bus ticket", "by train", "take the ferry".
    + letter_led(
        r"trains?\s+(?:tickets?|tix|rides?)|bus(?:es)?\s+(?:tickets?|rides?)|coach\s+(?:tickets?|rides?)"
        r"|ferry\s+(?:tickets?|rides?)|subway\s+(?:tickets?|rides?)|by (?:train|bus|coach|ferry|subway)"
        r"|take (?:a |the )?(?:train|bus|coach|ferry|subway)|taking (?:a |the )?(?:train|bus|coach|ferry|subway)",
        then=r"\b",
    )
)
_DELIVERED_TO = compiled(
    # 送一箱椰子水到房间, 到酒店了: where a meal is brought, or where one is, books nothing.
    r"送到|送去|送至|到房间|到(?:了)?(?:酒店|宾馆)了|到了(?:酒店|宾馆)|回(?:到)?(?:酒店|宾馆)(?!住)|"
    # …and two lemon teas to pick up at the cinema, a pizza for after the movie: when and where, no film booked;
    # "up to room 1208", "to the hotel lobby", "to my hotel room".
    + letter_led(
        "deliver(?:ed)? to|pick(?:ed)? up at|to pick up|for after the|after the movie|up to room|to room"
        "|to (?:my|our|the) (?:[a-z]+ )?(?:hotel|room|lobby)"
        # where one is staying, or what its hotel says: "near my hotel in Xiamen", "I'm staying at a hotel near the
        # Bund", "for the room", "the hotel said they won't accept deliveries"
        "|near (?:my|our|the) hotel|at (?:my|our) hotel|in (?:my|our) hotel"
        "|i'm (?:staying )?(?:at|in) (?:a|the|my|our) hotel|we're (?:staying )?(?:at|in) (?:a|the|our) hotel"
        "|for the room|in the lobby|the hotel (?:said|says|told|won't)",
        then=r"\b",
    )
)
# A meal sent with the place it goes to after it: 送两份鸡块到电影院, 再点两杯奶茶到影院, 皇堡送影院,
# "deliver 2 orders of dumplings to the cinema", "order some dumplings to the theater", "a pizza from Pizza Hut
# to the cinema" (cut at the place).
# (Each alternative starts with its own character, so that re skips ahead in C: see text.letter_led; the place
# is group `lastindex`, or the match itself.)
_BROUGHT_TO = compiled(
    "|".join(rf"{verb}[^，。,.;；]{{1,12}}?(到(?:酒店|宾馆|电影院|影院|影城))" for verb in "送点")
    + r"|到(?:酒店|宾馆|电影院|影院|影城)(?=[，,。；;\s]|$)|送(?:去|至)?(?:电影院|影院|影城)|"
    + "|".join(
        rf"{verb}\b[^,.;]{{0,60}}?( to (?:the|my|our) (?:cinema|theater|theatre|hotel)\b)"
        for verb in ("deliver", "send", "bring", "sent", "delivered", "brought", "order", "from")
    )
)
# Another event said as when a meal comes: 看完电影帮我点…, 电影开场前送到, 赶早班机, "before the flight tomorrow".
_ANOTHER_EVENT = compiled(
    r"看完电影|看电影前|电影开场前|开场前|赶早班机|赶飞机|下飞机|看电影(?:的时候)?[喝吃]|"
    + letter_led("before the (?:flight|movie|film|show)|after the (?:flight|film|show)", then=r"\b")
)
# A meal ordered in Chinese: 点 a number of something or a takeaway (not 买点, 九点一刻), 来/要/送 a portion
# or a cup, or 叫 one (帮我叫一个排骨便当; not 叫一个车).
_A_MEAL_ORDERED = compiled(
    r"点(?<![买整补订备寄带囤选零〇一二两三四五六七八九十\d]点)(?=[一两二三四五六七八九十俩仨几\d个份杯碗串]|外卖)"
    r"|[来要送][一两二三四五六七八九十俩仨\d]*[份杯碗]|叫[一两二三四五六七八九十俩仨\d]*[个份杯碗](?![车人])"
)
_ORDER_VERB = compiled(r"来|要|" + letter_led("get|want|order|add|like", then=r"\b"))
_A_DISH_WORD_EN = compiled(letter_led("|".join(sorted(FOOD.noun_words_en)), then=r"(?:e?s)?\b"))
# Going to a place the catalogue knows, or from one to any (成都到拉萨).
_GOING_TO = r"(?:去|到|飞|回|" + letter_led(r"to\b") + r")\s*\ue005|\ue005\s*(?:到|飞|去)"
_GOING_TO_A_PLACE = compiled(_GOING_TO)
# Towards a place: going to it, from one, or from a known one to one the catalogue lacks ("2 tickets Shanghai to
# Tokyo").
_TOWARDS_A_PLACE = compiled(_GOING_TO + "|" + letter_led(r"from\b") + r"\s*\ue005|\ue005\s+to\s+[a-z]")
# A trip said by where it starts and where it goes (回西安，从深圳走) is a flight: the only way to travel sold.
# (or by where one sets off: 7月12号杭州出发)
_FROM_A_PLACE = compiled(r"(?:从|由|" + letter_led(r"from\b") + r")\s*\ue005|\ue005(?:出发|动身|启程)")


# A dish by its own word, outside the catalogue's names ("two youtiao", "a green curry"), or cooked.
_A_DISH_BY_ITS_WORD = (
    letter_led(
        "|".join(sorted(FOOD.noun_words_en - {"rice", "bread", "beef", "pork", "chicken", "fish", "duck", "shrimp",
                                                "tea", "coffee", "juice", "cake", "cocoa", "matcha"})),
        then=r"\b(?!['’][a-z])",  # (not a place's syllable: Bao'an)
    )
    + "|"
    + letter_led("fried|grilled|roast|braised|steamed|stir-fried|baked", then=r"\s")
)
# (the head of what is said: "curry cubes" are a product, "two youtiao and a soy milk" a meal)
_DISH_WORD = compiled(
    f"(?:{_A_DISH_BY_ITS_WORD})(?!\\s+(?!(?:and|or|with|for|from|to|at|on|in|before|after|please|pls)\\b)[a-z])"
)
# A meal, said by how it is served or by a dish's word: the rice of "a green curry with rice, 2 spring rolls" or of
# 红烧肉 米饭两碗 is served with it, not a bag from the shop. (not 份 or cups: 苹果、香蕉各一份 and "yogurt six cups"
# are the shop's)
_SERVED_AS_A_MEAL = compiled(
    "碗|外卖|" + letter_led("bowls?|plates?|portions?|servings?", then=r"\b") + "|" + _A_DISH_BY_ITS_WORD
)
_BOUGHT_BY_WEIGHT = compiled(r"买[一两三四五六七八九十几\d]+(?:斤|公斤|千克|箱|袋|提)")
ORDERS_AGAIN = compiled(
    r"再(?:帮|给)?(?:我|[^，。,.？?]{1,4}?)?(?:点|订|买|来|叫|加|送|下单|下个单)|帮我送|重新(?:帮我|给我)?(?:点|订|买|下)|改成|换成|改(?:买|订|点)|下一单|"
    r"另外(?:再)?(?:帮我|给我)?(?:点|订|买|来|叫)|然后(?:再)?(?:帮我|给我)?(?:订|买|点)|顺便(?:再)?(?:帮我|给我)?(?:点|订|买|来|叫)|"
    + letter_led(
        "then (?:order|book|get)|and (?:order|book|get)|also (?:order|book|get|add|grab|buy|look up)|instead"
        "|and find me a new|find me a new|book me a new|book a new|and find me another|find me another"
        "|book (?:me )?(?:one|two|three|four|an?|[1-9]) more|get (?:me )?(?:one|two|three|four|[1-9]) more"
        "|order another"
        "|put in a new|place a new|a new order|a separate order|another order",
        then=r"\b",
    )
)


# A route said: two known places, one to the other ("Beijing to Kunming", "昆明回北京").
_ROUTE = compiled(
    # (直接飞回, 再飞: how the leg is flown may be said between)
    "\ue005\ue005*\\s*(?:back\\s+|on\\s+)?(?:直接|直|再|先|又)?(?:-|–|→|to\\s|飞回|飞往|飞到|回到|到|飞|回|去)\\s*\ue005"
)


# The way back said on its own after a flight: 12月6号回来, 周日晚上回深圳, "coming back Wednesday evening" (not
# from a place of its own: 大年初六从成都飞回北京 is the one flight).
_RETURN_LEG = compiled(
    r"[^，,。;；\ue005]{0,12}?(?:回来|返回|飞回|回(?=\ue005)|[回返](?<!往返)(?=\s|[，,。;；]|$))|回程|返程"
    + "|"
    + letter_led(
        "coming back|come back|flying back|fly back|returning|back on|the return|book me back|get me back|back to",
        then=r"\b",
    )
    # "back Sunday", "back next Wednesday", "rt back 2/24", "return on the 6th", "a return on Wednesday evening": back,
    # then the day
    + "|"
    + letter_led(
        "back|return|a return",
        then=r"\s+(?=(?:next\s+|this\s+|on\s+)?(?:the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|\d|jan|feb|mar|apr|may"
        r"|jun|jul|aug|sep|oct|nov|dec))",
    )
)
# …or said after a day: "Then on the 21st fly us back to Guangzhou".
# (or home, or back with its day said before it: "home on the 23rd", "June 6 back", "and one back tomorrow evening")
_RETURN_LEG_LATER = compiled(
    r"[a-z0-9' ]{0,24}?\b(?:fly (?:me |us )?back|flying back|coming back|come back|returning|back to"
    r"|(?:fly|flying|come|coming|head|heading) home(?! for\b)|home (?=on\b|the\b)"
    r"|back(?=\s*(?:[,.;!]|$)|\s+(?:on|the|this|next|tomorrow|mon|tue|wed|thu|fri|sat|sun)\b))"
)
# A return leg may follow "and" or "then" instead of a pause: "leaving on the 23rd and returning on the 27th".
_LINKED = compiled(r"(?:and|then|然后)\s*")
_FLIGHT_SAID = compiled(
    r"机票|航班|飞|经济舱|商务舱|头等舱|" + letter_led("flights?|fly|flying|round trip|round-trip", then=r"\b")
)


# On from where the last flight landed: 下周二北京飞乌鲁木齐，周三转去喀什; "…, then on to Dali on the 23rd".
_ON_TO_ANOTHER_PLACE = compiled(
    r"(?:转去|转飞|转机去|再飞|再去|接着飞|接着去)\s*\ue005|" + letter_led(r"on\s+to|onward\s+to", then=r"\b\s*\ue005")
)


# Landing in a place, said right before it (飞贵阳, 到广州, "to Beijing"); leaving it, said right after it
# (从贵阳飞回杭州, 从青岛回郑州, "from Kunming to Dali").
_LANDS = compiled(r"(?:飞|到|去|回|往|抵达|\bto)\s*$")
_LEAVES = compiled(r"\s*(?:直接|再|又|先)?(?:飞|回|到|去|出发|->|→|-)|\s+(?:to|back)\b")


def _another_trip(before: str, segment: str) -> bool:
    """Beijing to Kunming on Saturday, and Kunming back to Beijing on Tuesday: two flights; and a flight there,
    then the way back said after a pause (…的往返机票，12月6号回来), or the way on (…，周三转去喀什)."""
    route_before = _ROUTE.search(before) is not None or _ON_TO_ANOTHER_PLACE.search(before) is not None
    if route_before and (_ROUTE.search(segment) is not None or _ON_TO_ANOTHER_PLACE.search(segment) is not None):
        return True
    if not route_before and _FLIGHT_SAID.search(before) is None and _GOING_TO_A_PLACE.search(before) is None:
        return False  # 我现在在三亚，帮我订明天回杭州的机票: no flight there before it (周六去青岛，周日回来: one)
    said = segment.lstrip("".join(_PUNCTUATION) + " ")
    linked = _LINKED.match(said)
    said = said[linked.end() :] if linked else said
    paused = said != segment or _RETURN_LEG.match(segment) is not None  # a pause, a link, or cut at the way back
    return "\ue005" in before and paused and (
        _RETURN_LEG.match(said) is not None or _RETURN_LEG_LATER.match(said) is not None
    )


# A cancel or a question after an order, in one search.
# (or looks up what is on: 帮我看看这周六有什么电影，然后订一张星河旅人)
_CANCELS_OR_ASKS = compiled(
    f"{CANCEL.pattern}|{FOOD.status.pattern}|{STATUS_ONLY.pattern}|有什么电影|有哪些电影|"
    + letter_led("what's showing|whats showing|what's on", then=r"\b")
)


# A clock time or a part of a day said (the time a delivery comes).
_A_TIME = compiled(
    r"\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\d{1,2}:\d{2}|[零一二两三四五六七八九十\d]{1,3}点|中午|下午|晚上|早上|上午"
    + "|"
    + letter_led("at \\d{1,2}|at noon|noon|tonight|tomorrow morning|in the morning|in the evening", then=r"\b")
)
_THEN = compiled(r"[\s,，;；。.:：]*(?:(?:and then|then|later)\b|然后|之后)")
# 中午送饺子；下午三点再送两杯奶茶: a time, then 再 and a delivery verb, opens a delivery of its own.
_TIMED_AGAIN = compiled(r"^[\s,，;；。]*[^,，;；。再]{0,10}再(?:送|来|点|帮我|给我)")


def _then_at_its_own_time(segment: str) -> bool:
    """"then at noon", "Then tomorrow morning at 8": a later time said with nothing else, before what comes then."""
    return _THEN.match(segment) is not None and _A_TIME.search(segment) is not None


def _another_delivery(before: str, segment: str) -> bool:
    """A delivery at a time of its own after one with its own time: 中午十二点半送饺子…；下午三点再送两杯奶茶."""
    opening = _TIMED_AGAIN.match(segment)
    return opening is not None and _A_TIME.search(opening.group(0)) is not None and _A_TIME.search(before) is not None


def _another_request(before: str, segment: str) -> bool:
    """Whether `segment` asks anew after `before` of the same domain: a cancel or a question, then an order
    (取消我的外卖，再帮我点一份黄焖鸡米饭; 我的奶茶到哪了，再帮我加一杯柠檬茶), or a new order, then one cancelled or
    asked after (点两份麻辣烫，再取消上午那单咖啡; "get me a malatang, and cancel the pizza I ordered earlier")."""
    # (The segment is read first: it is short, and `before`, searched for a cancel or a question, grows.)
    # "Where's my braised chicken rice? And at 7 this evening, a bowl of malatang": after the question, a dish
    asked_first = (
        ("?" in before or "？" in before or _AFTER_A_QUESTION.match(segment) is not None)
        and ITEM_MARK in segment
        and _WHICH_ORDER.search(segment) is None  # "? The one with the salmon.": which order was asked after
    )
    ordered_after = asked_first or ORDERS_AGAIN.search(segment) is not None
    ordered_before = _CANCELS_OR_ASKS.search(segment) is not None and _NEW_ORDER.search(before) is not None
    if ordered_after == ordered_before:
        return ordered_after  # (either way, whatever `before` asks)
    asked_before = _CANCELS_OR_ASKS.search(before) is not None
    return ordered_after if asked_before else ordered_before


def _another_action(before: str, segment: str) -> bool:
    """帮我查查这周六有哪些电影，哦对了，顺便把明天的团圆饭退了; "Look up what's on tonight. Oh, and cancel my tickets":
    a cancel after a look-up, or a look-up after a cancel, is a request of its own (帮我看看 after a question about
    a booking asks the same question)."""
    cancel_before, cancel_here = CANCEL.search(before) is not None, CANCEL.search(segment) is not None
    return cancel_before != cancel_here and action_of(segment if cancel_before else before) == "search"


# A request joined on to the one before by a word: "And …", "also …", 再…, 另外…, 然后….
# (fewer than _JOINING_WORDS: 还有连座吗 asks whether some are left, 和 joins dishes)
_JOINED_ON = compiled(rf"{_PAUSE}(?:(?:and|also|plus|then)\b|再|另外|然后|顺便)")


def _a_look_up_beside_an_order(before: str, segment: str) -> bool:
    """"What movies are on tonight? And book me 2 for Silent Awakening tomorrow"; 今晚九点半的年兽来了两张，再帮我查查
    明天白天还有哪些场次: a look-up and an order joined by a word are two requests (还有票吗？有的话来两张 is one: the
    order hangs on what the look-up finds)."""
    if _JOINED_ON.match(segment) is None:
        return False
    asked_before, asked_here = action_of(before), action_of(segment)
    ordering = before if asked_before == "order" else segment
    return {asked_before, asked_here} == {"search", "order"} and REQUEST_MARKERS.search(ordering) is not None


# The shop an order is placed at: 在麦当劳点…, 在喜茶买…, 再从绝味点…, "… from Kroger".
# (not where it is ordered through, nor from when or where: 在外卖上点, "from there", "three days from now")
_SHOP_SAID = compiled(
    # (去: 再去绝味买点鸭锁骨; a name may hold a space the clean-up put between scripts: 85度 c)
    r"[在从去](?<![^再又]去)\s*(?!外卖|网上|手机|app|超市|便利店|菜市场|市场|楼下|附近)((?:[^\s\ue000-\ue007在从去的,，。!！?？、]|\s(?=[a-z\d])){2,8}?)\s*"
    r"(?:点|买|订|叫|带)"
    + "|"
    + letter_led(
        "from",
        then=r"\s+(?!(?:there|here|now|home|work|the app)\b)([a-z][a-z'&.-]*(?:\s+[a-z][a-z'&.-]*)?)\s*(?:[,.!?]|$)",
    )
)


def _another_shop(before: str, segment: str, shops_before: set[str], shops_here: set[str]) -> bool:
    """帮我在麦当劳点一个麦辣鸡腿堡，再在喜茶点一杯满杯红柚; "… and 2 cartons of milk from Target, and a large coffee
    from Dunkin'": an order at another shop is one of its own (`shops_…`: the shops the catalogue names in each)."""
    if shops_here and shops_before:  # (ordering there: 你觉得Manner和Starbucks哪个好喝 compares two)
        return not shops_here & shops_before and (
            _NEW_ORDER.search(segment) is not None or _COUNTED.search(segment) is not None
        )
    here = _SHOP_SAID.search(segment)
    if here is None and not shops_here:
        return False
    said_before = {m.group(m.lastindex or 1) for m in _SHOP_SAID.finditer(before)}
    if here is None:
        return bool(said_before)  # 先在全家买个饭团，再去星巴克点杯热美式 (a name the catalogue knows is masked)
    # (or one the catalogue names before it: "a latte from Starbucks and two croissants from Wedome"; or, said
    # "then from" after something counted, any other: 来一份周黑鸭的鸭脖，再从正新鸡排点两份鸡排)
    then_from = _THEN_FROM.match(segment, 0, here.start() + 1) is not None and _COUNTED.search(before) is not None
    return bool(said_before or shops_before or then_from) and here.group(here.lastindex or 1) not in said_before


_THEN_FROM = compiled(r"[\s,，;；。]*(?:再|另外|然后|还要)\s*[在从去]$")


_AFTER_A_QUESTION = compiled(r"\s*[?？]")
# Something counted: 一杯, 两份, "a box of", "10 spicy wings".
_COUNTED = compiled(
    r"[一两二三四五六七八九十俩仨\d]\s*[杯份个碗盒瓶袋箱只串块斤桶]|\d+\s|"
    + letter_led("a|an|one|two|three|four|five|six", then=r"\s")
)
_WHICH_ORDER = compiled(r"那单|这单|那个订单|" + letter_led("the one|that one|the order", then=r"\b"))
# A new order, said with how much of it: 点两份, 送仨, "get me one bowl", "order 3 kilos".
_NEW_ORDER = compiled(
    # (not a clock's 点: 今晚十点以后还有什么电影)
    r"(?:点|订|买|来|加|送|要)\s*[一两二三四五六七八九十俩仨几\d]"
    # (not what a thing is called: 好像叫'金陵鸭血粉丝'的)
    r"|(?<![我你他她])(?:点(?<![零〇一二两三四五六七八九十半\d]点)|订|买|叫(?<![像名就]叫))(?!.?[的了过])"
    r"|帮我(?:点|订|买|叫)(?!.?[的了过])"  # (帮我订好: asked for, not 我订的)
    + "|" + letter_led("get|order|buy|send", then=r"(?: me| us)?\s+(?:a|an|one|two|three|four|five|six|some|\d+)\b")
)


@dataclass
class Clause:
    """A stretch of the command [start, end) and the domains it asks for, in the order said (none: unknown)."""

    start: int
    end: int
    domains: tuple[str, ...]


# What a shop sells drinks by, counted right before them: by the case, the crate, the can, the pack.
_BY_THE_CASE_BEFORE = compiled(
    # (its brand may come between: 一箱维他柠檬茶)
    r"(?:[一两二三四五六七八九十几\d]\s*[箱提罐][\u4e00-\u9fff]{0,3}|\b(?:cases?|crates?|cans?|six-packs?|packs?)\s+of)"
    r"\s*$"
)
# The milk a coffee is made with, said right before its product's name: "latte oat milk", "an oat milk latte".
_THE_MILK_OF_A_DRINK = compiled(rf"\b(?:{MILKS_EN})\s+$")


def _segment_domains(
    text: str, names: list[NameMention], after_a_flight: bool, asked_elsewhere: bool, at: int = 0
) -> tuple[str, ...] | None:
    """The domains one segment points to, in order of their first word; () for food-or-grocery, None for nothing.

    `after_a_flight`: an earlier segment asked for a flight, so seats said alone are its seats; `asked_elsewhere`:
    the command names a service no provider sells, and the phrase of this segment asks for something; `at`: where
    the segment starts in the command (where `names` are)."""
    if (
        asked_elsewhere
        and _ANOTHER_SERVICE.search(text) is not None
        and _OWN_SERVICE.search(text) is None
        # (a hotel named is where the ride goes: "a taxi to pick me up from the Hilton")
        and not any(
            n.entry.kinds & {"title", "item"} or ("merchant" in n.entry.kinds and n.entry.merchant_domains != {"hotel"})
            for n in names
        )
    ):
        return ELSEWHERE
    firsts: dict[str, int] = {}

    def saw(domain: str, position: int) -> None:
        firsts[domain] = min(position, firsts.get(domain, position))

    shared_item = False
    a_drink_named = any(n.entry.is_item and "food" in n.entry.domains for n in names)
    grocery_by_name_only = True  # grocery said only by its products, no shop or supermarket word
    food_by_word = False
    for name in names:
        if "title" in name.entry.kinds:
            saw("movie", name.start)
        if name.entry.is_item:
            if name.entry.domains == {"food"} and _BY_THE_CASE_BEFORE.search(text, 0, name.start - at) is not None:
                saw("grocery", name.start)  # "a case of Tsingtao", 两箱可乐: the shop's, by the case
            elif name.entry.domains == {"grocery"} and name.said.isascii() and (
                served_as_a_dish_en(text, name.start, name.said)
                or (_THE_MILK_OF_A_DRINK.search(text, 0, name.start - at) is not None and a_drink_named)
            ):
                # "chicken rice", "a cup of hot soy milk": the restaurant's; "a latte, oat milk": the latte's
                saw("food", name.start)
            elif name.entry.domains == {"grocery"} and COOKED_BEFORE_ZH.search(text, 0, name.start - at):
                saw("food", name.start)  # 拍黄瓜, 凉拌木耳, 红烧茄子: cooked, so the restaurant's
            elif len(name.entry.domains) == 1:
                saw(next(iter(name.entry.domains)), name.start)
            else:
                shared_item = True
        elif (
            "merchant" in name.entry.kinds
            and len(name.entry.merchant_domains) == 1
            and not NEAR_IT_ZH.match(text, name.end - at)  # 在万达附近订一间酒店: where, not what
        ):
            saw(next(iter(name.entry.merchant_domains)), name.start)
            grocery_by_name_only = grocery_by_name_only and "grocery" not in name.entry.merchant_domains
            food_by_word = food_by_word or "food" in name.entry.merchant_domains  # KFC 鸡翅: the restaurant's
    gates = _open_gates(text)
    for domain, start in _first_words(_WORD_PARTS, text, gates).items():
        saw(domain, start)
        grocery_by_name_only = grocery_by_name_only and domain != "grocery"
        food_by_word = food_by_word or domain == "food"
    if (
        firsts.keys() <= {"food"}
        and _A_TABLE_BOOKED.search(text) is not None
        and not any(n.entry.is_item for n in names)
    ):
        return ELSEWHERE  # 帮我在海底捞订个位子, "reserve a table for 4 at Din Tai Fung": a table, not a meal sent
    seats_of_a_flight = "flight" in firsts or (after_a_flight and not firsts)
    if not seats_of_a_flight and (start := _first_words(_SEAT_PARTS, text, gates).get("movie")) is not None:
        saw("movie", start)
    if firsts:
        if "food" in firsts and "grocery" in firsts and shared_item:
            del firsts["food"]  # 可乐 with 超市 words around it
        elif food_by_word and "grocery" in firsts and grocery_by_name_only:
            del firsts["grocery"]  # 鸡翅 from the fried-chicken place: cooked, so the restaurant's
        elif (
            firsts.keys() == {"grocery"}
            and grocery_by_name_only
            and _SERVED_AS_A_MEAL.search(text)
            and not GROCERY_MEASURE_HINT.search(text)
        ):
            return ("food",)  # the shop's products served as a meal, see _SERVED_AS_A_MEAL
        return tuple(sorted(firsts, key=firsts.__getitem__))
    if shared_item:
        # (bought in the shop's packets: "buy 12 cans of Coke", 买两瓶可乐)
        if GROCERY_MEASURE_HINT.search(text) or (_PACKETS.search(text) and _BOUGHT.search(text)):
            return ("grocery",)
        if FOOD_MEASURE_HINT.search(text) or FOOD.verbs.search(text):
            return ("food",)
        return ()
    if _BOUGHT_BY_WEIGHT.search(text) and not FOOD.verbs.search(text):
        return ("grocery",)  # 买三斤砂糖橘: bought by the jin, nothing the catalogue names, no meal verb
    if not names and _COUNTED_IN_PACKETS.search(text) and _BOUGHT.search(text) and not FOOD.verbs.search(text):
        return ("grocery",)  # "Buy 1 box of Ferrero Rocher and 2 bags of 利是糖": bought in the shop's packets
    if (
        not names
        and (_DISH_WORD.search(text) or pinyin_says_a_dish(text))
        and not (GROCERY_MEASURE_HINT.search(text) or _PACKETS.search(text))
    ):
        return ("food",)  # "two youtiao", "a jianbing", "2 jidan chaofan": a dish by its own word
    if _TICKET.search(text) and _TOWARDS_A_PLACE.search(text) and not _OTHER_TRANSPORT.search(text):
        return ("flight",)  # "two tickets to Shanghai …, plus a room": tickets to a place fly there
    if SHOP_QUESTION_HINT.search(text) and (_ASKS_ABOUT_A_SHOP_EN.search(text) or SHOP_ASKED_AFTER_ZH.search(text)):
        # "does pizza hut deliver to my area", "what's on the menu at sweetgreen": a shop asked after; a store's
        # shelves when its stock or sale is ("are strawberries on sale at publix").
        return ("grocery",) if _ON_A_STORES_SHELVES_EN.search(text) else ("food",)
    return None


# The shop a question is about (group 1): "does pizza hut deliver", "see if Wingstop is still open", "does Costco
# have …".
SHOP_ASKED_AFTER_EN = compiled(
    r"\b(?:does|do|can|if|is|are)\s+(?!(?:you|it|there|this|that|they|he|she|my|the|we|i)\b)"
    r"([a-z][a-z0-9'&.-]*(?:\s+[a-z][a-z0-9'&.-]*){0,2}?)\s+(?:(?:is|are)\s+)?"
    r"(?:still open|open|deliver|have|sell|carry)\b"
)
_ASKS_ABOUT_A_SHOP_EN = compiled(
    letter_led(r"menu (?:at|of|for) [a-z]|how much (?:is|are) [a-z ]{1,40} at [a-z]|on sale at [a-z]", then="")
    + "|"
    + SHOP_ASKED_AFTER_EN.pattern
)
# The shop a Chinese question is about (group 1): 查一下塔斯汀现在还送不送, 楼下的肯德基还营业吗.
SHOP_ASKED_AFTER_ZH = compiled(
    # (not when: 什么时候能送到)
    rf"(?<!么)(?!时候)({name_letter('查搜找看下一的')}{{2,6}}?)[\ue001\s]*(?:现在|今天|今晚)?还?在?"
    r"(?:送不送|营业|开门|开着|关门|送外卖|能送|有(?:什么|啥|哪些)(?:优惠|套餐|活动|新品|新款|特价))"
)
# What every question about a shop holds (SHOP_ASKED_AFTER_ZH, _ASKS_ABOUT_A_SHOP_EN), searched for first.
SHOP_QUESTION_HINT = compiled(
    "送不送|营业|开门|开着|关门|送外卖|能送|优惠|套餐|活动|新品|新款|特价|open|deliver|have|sell|carry|menu|how much"
    "|on sale"
)
_ON_A_STORES_SHELVES_EN = compiled(r"\b(?:in stock|on sale|aisle|per pound|a pound|sold out)\b")


# A restaurant's table booked: 订个位子, 订个包间, 订一桌, "reserve a table for 4".
_A_TABLE_BOOKED = compiled(
    r"包间|包厢|订(?:个|一个)?位子?(?![置于])|订座|订桌|订一桌|订个桌|桌位|"
    + letter_led("table for|a table at|reservation for", then=r"\b")
    + "|"
    + letter_led("reserve|book", then=r"[^,.]{0,6}?table\b")
)
# Words that open another request as a comma would: 另外明天早上8点再给我送一杯美式.
_JOINERS = ("另外", "然后", "还有")


def _a_showings_tickets(text: str, start: int, end: int, domains: tuple[str, ...] | None, flying: bool) -> bool:
    """Whether the segment [start, end) of `text` (read so far as `domains`) asks for a show's tickets: "… and 2
    tickets for Wicked at 7", 买两张今晚的长安夜雨 — beside another request too, but not beside a flight ("book a
    flight and 2 tickets to New York", …从深圳飞昆明，给我订一张 are its seats)."""
    if (
        domains in (None, ("grocery",), ("food",))  # (no shop sells tickets: "3 tickets for Silver Lanterns")
        and (m := _TICKETS_FOR_A_SHOW.search(text, start, end)) is not None
        and not (flying and " to " in m.group(0))
        and not _OTHER_TRANSPORT.search(text, start, end)
    ):
        return True
    return (
        domains is None
        and not flying
        and "张" in text[start:end]
        and _TICKETS_FOR_A_SHOWING_ZH.search(text, start, end) is not None
        and not _TOWARDS_A_PLACE.search(text)  # (周三晚上昆明回深圳，帮我订一张: a trip's seats)
    )


def _phrase_end(text: str, start: int) -> int:
    """Where the phrase from `start` ends: at the next mark, or after it when it asks ("火车票？")."""
    if (m := _A_MARK.search(text, start + 1)) is None:
        return len(text)
    return m.end() if m.group(0) in "?？" else m.start()


def _a_side_of_the_meal(
    text: str, names: list[NameMention], start: int, end: int, by_shop: bool = True, by_buying: bool = True
) -> bool:
    """Whether the segment [start, end) of `text`, said beside a meal, is grocery only by the products it names,
    and those served as a meal's are, by the plate or the cup or hot, or (`by_shop`, said after the meal) from a
    restaurant the command names ("…, 20 chicken wings and 10 Cokes from KFC"): no supermarket or its word in the
    command, no 买 or "buy" (点杯拿铁，顺便买两盒牛奶 is two errands; "2 lattes and a box of eggs" too; with `by_buying`
    off, only 买 and "buy" themselves: "get me a hot soy milk")."""
    segment = text[start:end]
    inside = [n for n in names if start <= n.start < end]
    shops = [n.entry.merchant_domains for n in names if "merchant" in n.entry.kinds]
    return (
        bool(inside)
        and all(n.entry.is_item for n in inside)
        and (
            _SERVED.search(segment) is not None
            or (by_shop and bool(shops) and all(d == {"food"} for d in shops))
            or _A_DRINKS_MILK.search(segment) is not None  # "a coconut latte, oat milk, less ice"
        )
        and (_BUYS if by_buying else _BOUGHT).search(segment) is None
        and not any("grocery" in domains for domains in shops)
        and "grocery" not in _first_words(_WORD_PARTS, text, _open_gates(text))
    )


def _packed_for_the_shelf(segment: str, names: list[NameMention], start: int, end: int) -> bool:
    """Whether the segment [start, end) names only products the catalogue lists, counted in a shop's packets (a
    bag, a case, a can), with no meal word: "five bags of chips" beside other groceries."""
    inside = [n for n in names if start <= n.start < end]
    return (
        bool(inside)
        and all(n.entry.is_item for n in inside)
        and _PACKETS.search(segment) is not None
        and FOOD.verbs.search(segment) is None
        and _SERVED.search(segment) is None
    )


_PACKETS = compiled(f"[{PACKETS_ZH}]|" + letter_led(PACKETS_EN, then=r"\b"))
_BOUGHT_IN_PACKETS = compiled(r"买\s*[一两二三四五六七八九十几\d]+\s*[袋包箱]")
_BOUGHT = compiled(r"买|" + letter_led("buy|purchase|pick up|stock up", then=r"\b"))
# Things counted in the shop's packets: "2 boxes of macarons", "a bag of rice", 两包薯片.
_COUNTED_IN_PACKETS = compiled(
    rf"[一两二三四五六七八九十几\d]\s*[{PACKETS_ZH}]"
    rf"|(?:\d+|\b(?:a|an|one|two|three|four|five|six|ten|twelve))\s+(?:{PACKETS_EN}|box(?:es)?)\s+of\b"
)
_SERVED = compiled(
    r"份|杯|碗|盘|碟|热的|热乎|"
    + letter_led("portions?|orders? of|servings?|plates?|cups?|glass(?:es)?|hot|warm", then=r"\b")
)
# The milk a coffee is made with, its product masked: "oat milk", 燕麦奶.
_A_DRINKS_MILK = compiled(rf"(?:{MILKS_EN})\s+\ue000|(?:{MILKS_ZH})\ue000")
# A milk said with how it is served (hot, warm, large…), options and product masked: "a hot soy milk", 一杯热豆奶.
_A_MILK_AS_SERVED = compiled(rf"\ue003+\s*(?:(?:{MILKS_EN})\s+)?\ue000|\ue003+\s*(?:{MILKS_ZH})?\ue000")
_BUYS = compiled(r"买|购|" + letter_led("buy|get|grab|pick up|purchase|order", then=r"\b"))


# Where a list of dishes goes on to the next one: ", and", 还有, 再, a pause.
_ON_TO_THE_NEXT = compiled(r",?\s+and\s+|[,，;；、]\s*(?:and\s+|还有|再|另外)?")


def _before_another_shop(text: str, names: list[NameMention]) -> list[int]:
    """Where the dishes of a second shop the catalogue knows begin: "a pizza from Domino's and 10 wings from
    Wingstop", 老乡鸡的红烧肉套餐一份，还有霸王茶姬的伯牙绝弦两杯 (the last pause before that shop's name, after the
    shop before it); none when one shop, or none, is named."""
    shops = [n for n in names if "merchant" in n.entry.kinds and n.entry.merchant_domains & {"food", "grocery"}]
    if len({n.entry.key for n in shops}) < 2:
        return []
    cuts = []
    for before, shop in pairwise(shops):
        if shop.entry.key != before.entry.key:
            pauses = [m.start() for m in _ON_TO_THE_NEXT.finditer(text, before.end, shop.start)]
            cuts += pauses[-1:]
    return cuts


# The way back said straight after the way there, in Chinese: 周五去周日回, 5月1号走5月5号回 (it starts after 去 or 走;
# looked for apart from _SPLITTERS, whose every alternative starts with a plain character).
_WAY_BACK_AFTER_THE_WAY_THERE = compiled(r"(?<=[号日天一二三四五六末午上晚][去走])(?=[^，,。;；\s]{1,10}?回)")


def split_clauses(text: str, names: list[NameMention]) -> list[Clause]:
    """The command's requests in the order said; one clause with no domains when nothing points anywhere."""
    cuts = [0, *(m.start() for m in _SPLITTERS.finditer(text) if m.start() > 0), len(text)]
    if "回" in text:
        cuts += [m.start() for m in _WAY_BACK_AFTER_THE_WAY_THERE.finditer(text)]
    cuts += _before_another_shop(text, names)
    cuts = sorted(set(cuts))
    segments: list[tuple[int, int, tuple[str, ...] | None]] = []
    after_a_flight = False
    elsewhere_said = _ANOTHER_SERVICE.search(text) is not None
    talk_said = _TALK_WORD.search(text) is not None  # (searched once: most commands ask for no talk)
    for start, end in pairwise(cuts):
        inside = [n for n in names if start <= n.start < end]
        segment = text[start:end]
        if _ANOTHER_EVENT.search(segment) is not None:
            segment = _ANOTHER_EVENT.sub(lambda m: " " * len(m.group(0)), segment)
        if (m := _DELIVERED_TO.search(segment) or _BROUGHT_TO.search(segment)) is not None:
            # Where a meal is brought is no booking: 再来一份小笼包送到酒店, 送两份鸡块到电影院.
            cut = m.start(m.lastindex or 0)
            inside = [n for n in inside if n.start < start + cut]
            segment = segment[:cut]
        # Asked in the segment's phrase, up to the next mark: 动车票 | 还有吗 is one question.
        asked_elsewhere = elsewhere_said and _ASKED_FOR.search(text, start, _phrase_end(text, start)) is not None
        domains = _segment_domains(segment, inside, after_a_flight, asked_elsewhere, start)
        if domains and (_KEPT_AS_IT_IS.search(segment) is not None or _ONCE_MEANT.match(segment) is not None):
            # 取消明天的机票，酒店先留着; 本来想订去北京的机票，算了坐高铁: what is kept, or was once meant, is asked
            # nothing of
            domains = None
        if (
            talk_said
            and (talk := _ASKED_TO_TALK.match(segment)) is not None
            # (no service's name before the talk asked; after it, what it is about: 打油诗, 大理的天气, and what
            # is written whatever it names: 写一段邀请朋友看惊蛰无声的话; but "tell me the price of a latte" asks)
            and (domains is None or _A_TEXT_WRITTEN.search(talk.group(0)) is not None)
            and not any(n.entry.kinds & {"item", "title", "merchant"} for n in inside if n.start < start + talk.end())
        ):
            domains = CHAT_REQUEST
        after_a_flight = after_a_flight or bool(domains and "flight" in domains)
        segments.append((start, end, domains))
    if any(domains == CHAT_REQUEST for _, _, domains in segments):
        segments = _talk_beside_requests(text, segments)
    if len(segments) > 1 and _TOLD_WHAT_HAPPENED.search(text) is not None:
        segments = _told_beside_requests(text, segments)
    # A product said by its name alone after a meal is the restaurant's side: "…披萨，再来一份鸡翅", "fried dumplings
    # and a hot soy milk".
    # And a dish's name in a shop's packets after groceries, or where a store is named, is the store's: "two cases of
    # beer, five bags of chips", "6 cans of coke and a bag of oranges from Walmart".
    meal_before = shopping_before = False
    at_a_store = any(n.entry.merchant_domains == {"grocery"} for n in names if "merchant" in n.entry.kinds)
    # A milk said as it is served is a drink, got as a meal is: "a jianbing and a hot soy milk", "get me a hot soy milk
    # and two youtiao" (the segments where it is said, by their start).
    milk_served = {
        start
        for start, end, domains in segments
        if domains == ("grocery",) and _A_MILK_AS_SERVED.search(text, start, end)
    }
    for i, (start, end, domains) in enumerate(segments):
        served = start in milk_served
        if (meal_before or served) and domains == ("grocery",) and _a_side_of_the_meal(
            text, names, start, end, by_buying=not served
        ):
            segments[i] = (start, end, ("food",))
        elif (
            domains == ("food",)
            # (or bought in them: 买两袋水饺 are frozen, the shop's)
            and (shopping_before or at_a_store or _BOUGHT_IN_PACKETS.search(text, start, end) is not None)
            and _packed_for_the_shelf(text[start:end], names, start, end)
        ):
            segments[i] = (start, end, ("grocery",))
        if domains and domains[0] in ("food", "grocery"):
            meal_before, shopping_before = segments[i][2] == ("food",), segments[i][2] == ("grocery",)
    # …and said before the meal too: "Hot soy milk and 2 youtiao for breakfast".
    meal_after = False
    for i in reversed(range(len(segments))):
        start, end, domains = segments[i]
        if (
            domains == ("grocery",)
            and meal_after
            and _a_side_of_the_meal(text, names, start, end, by_shop=False, by_buying=start not in milk_served)
        ):
            segments[i] = (start, end, ("food",))
        if domains and domains[0] in ("food", "grocery"):
            meal_after = segments[i][2] == ("food",)
    # A food-or-grocery name takes the domain of the nearest segment that is food or grocery.
    decided = [i for i, (_, _, d) in enumerate(segments) if d and d[0] in ("food", "grocery") and len(d) == 1]
    resolved: list[tuple[str, ...] | None] = []
    for i, (_, _, domains) in enumerate(segments):
        if domains == ():
            nearest = min(decided, key=lambda j: (abs(j - i), j > i), default=None)
            domains = segments[nearest][2] if nearest is not None else ("food",)
        resolved.append(domains)
    if (
        not any(d and "flight" in d for d in resolved)
        and _FROM_A_PLACE.search(text)
        and _GOING_TO_A_PLACE.search(text)
        and not _OTHER_TRANSPORT.search(text)
    ):
        # 国庆去三亚，10月1号早上从上海出发，三个人，酒店订海棠湾的: a trip said by where it starts and where it goes
        # flies there, the stay beside it too.
        for i, (start, end, _) in enumerate(segments):
            if resolved[i] is None and (
                _FROM_A_PLACE.search(text, start, end) or _GOING_TO_A_PLACE.search(text, start, end)
            ):
                resolved[i] = ("flight",)
    flying = after_a_flight or any(domains and "flight" in domains for domains in resolved)
    for i, (start, end, _) in enumerate(segments):
        if _a_showings_tickets(text, start, end, resolved[i], flying):
            resolved[i] = ("movie",)
    # Segments that point nowhere join the request before them, or the first one after them.
    known = [d for d in resolved if d]
    if not known:
        # "两张票" / "two tickets to Sanya": a ticket says movie, or flight when it goes to a place.
        if _TICKET.search(text) and not _OTHER_TRANSPORT.search(text):
            return [Clause(0, len(text), ("flight",) if _TOWARDS_A_PLACE.search(text) else ("movie",))]
        if _FROM_A_PLACE.search(text) and _TOWARDS_A_PLACE.search(text) and not _OTHER_TRANSPORT.search(text):
            return [Clause(0, len(text), ("flight",))]
        if (
            _A_FILM_SEEN.search(text)
            or _A_PARTY_AT_A_SHOWING.search(text)
            or _A_SEQUEL_FIRST.search(text)
            or _a_film_then_its_showing(text)
        ) and not _OTHER_TRANSPORT.search(text):
            # 仨人看阿凡达3，后天晚上八点那场; "book 2 adults 1 child for Ne Zha 2, Saturday 10am": a film seen by a
            # party, its showing said after a pause (and no place to go to)
            return [Clause(0, len(text), ("movie",))]
        cut = next(
            (
                start
                for start, end, _ in segments[1:]
                if _another_request(text[:start], text[start:])
                or _another_shop(text[:start], text[start:end], set(), set())
            ),
            None,
        )
        if cut is not None:
            # 把那份炸鸡取消了，换成一份烤鸡; 帮我点份米粉，再把昨天买的菜退了; 来一份周黑鸭的鸭脖，再从正新鸡排点
            # 两份鸡排: two requests, neither named by the catalogue
            return [Clause(0, cut, ()), Clause(cut, len(text), ())]
        return [Clause(0, len(text), ())]
    booking = any(d[0] in _BOOKING_DOMAINS for d in known)
    shopping = any(d == ("grocery",) for d in known)
    if booking or shopping:
        # A segment with its own meal verb is a request of its own, not more of the booking next to
        # it: 点两份炸鸡，再买两张今晚的惊蛰无声; "book two tickets … and order some sushi"; nor more of the
        # shopping: 点一份炸鸡，顺便在超市买一箱啤酒 (a dish counted by the plate or cup is the restaurant's).
        for i, (start, end, _) in enumerate(segments):
            segment = text[start:end]
            if resolved[i] is not None or _TICKET.search(segment):
                continue
            # (a dish said by its own word is served too: "I'd like a medium mocha from Costa, and then 2 tickets…")
            served = FOOD_MEASURE_HINT.search(segment) is not None or _A_DISH_WORD_EN.search(segment) is not None
            meal_verb = FOOD.verbs.search(segment) is not None
            if (
                (booking and (meal_verb or (served and _ORDER_VERB.search(segment))))
                # 帮我买两盒月饼，再订一张明天去西安的机票: bought beside the booking (买个靠窗的: a kind of it)
                or (booking and _BOUGHT_COUNTED.search(segment) is not None and not segment.endswith(("的", "的吧")))
                or (meal_verb and served)
                # 中午来份酸菜鱼，另外超市帮我带一箱啤酒; 买一箱啤酒，再点20串烤串: a meal beside the shopping
                or (shopping and _A_MEAL_ORDERED.search(segment) is not None and not GROCERY_CONTEXT.search(segment))
            ):
                resolved[i] = _OWN_MEAL
    said_before_its_request: set[int] = set()
    for i in range(len(segments) - 1):
        # 超市买啤酒，晚上再订两张海上烟火: a time said between a comma and 再 belongs to the request after it;
        # so does the day after one said alone ("…, and the day after, get 2 tickets for…").
        if resolved[i] is None and resolved[i + 1] and (
            (
                text[segments[i + 1][0]] not in _PUNCTUATION
                and (i == 0 or text[segments[i][0]] in _PUNCTUATION or text.startswith(_JOINERS, segments[i][0]))
            )
            or _THE_DAY_AFTER_OR_BEFORE.fullmatch(text, segments[i][0], segments[i][1]) is not None
            or _then_at_its_own_time(text[segments[i][0] : segments[i][1]])
        ):
            resolved[i] = resolved[i + 1]
            said_before_its_request.add(i)
    known = [d for d in resolved if d]
    last = known[0]
    filled: list[tuple[str, ...]] = []
    for domains in resolved:
        last = domains or last
        filled.append(last)
    titles = [n for n in names if "title" in n.entry.kinds]

    places = [n for n in names if "city" in n.entry.kinds and "title" not in n.entry.kinds]

    def flies_on(clause_start: int, start: int, end: int) -> bool:
        """下周二飞贵阳，周四晚上从贵阳飞回杭州; …飞广州，明天晚上再从广州飞回来: a flight of its own, leaving from
        where the one before it lands."""
        before = [n for n in places if clause_start <= n.start < start]
        here = next((n for n in places if start <= n.start < end), None)
        return (
            bool(before)
            and here is not None
            and here.entry.key == before[-1].entry.key
            and _LANDS.search(text, max(clause_start, before[-1].start - 4), before[-1].start) is not None
            and _LEAVES.match(text, here.end, end) is not None
        )

    def starts_a_request(before: str, segment: str) -> bool:
        return (
            _another_request(before, segment)
            or _another_trip(before, segment)
            or _another_delivery(before, segment)
            or _another_action(before, segment)
            or _a_look_up_beside_an_order(before, segment)
        )

    def another_film(clause_start: int, start: int, end: int) -> bool:
        """周六下午看小熊快跑，周日上午看团圆饭: a film of its own, not more of the one before."""
        said_before = {n.said for n in titles if clause_start <= n.start < start}
        said_here = {n.said for n in titles if start <= n.start < end}
        said_earlier = {n.said for n in titles if n.start < start}  # (named again, it is more of that one)
        return bool(said_before and said_here and not said_here & said_earlier)

    shops = [n for n in names if "merchant" in n.entry.kinds]

    def shops_in(start: int, end: int) -> set[str]:
        return {n.entry.key for n in shops if start <= n.start < end}

    clauses: list[Clause] = []
    opened_by_its_time = False  # the last clause was opened by the time of the request that comes next
    for i, ((start, end, _), domains) in enumerate(zip(segments, filled, strict=True)):
        before = text[clauses[-1].start : start] if clauses else ""
        if opened_by_its_time:
            clauses[-1].end, opened_by_its_time = end, False
        elif (
            clauses
            and domains in (("food",), ("grocery",))
            and _another_shop(before, text[start:end], shops_in(clauses[-1].start, start), shops_in(start, end))
        ):
            # another shop's order: food or grocery as its own words say, not as the one before it
            clauses.append(Clause(start, end, ()))
        elif (
            clauses
            and clauses[-1].domains == domains
            and not starts_a_request(before, text[start:end])
            and not (titles and another_film(clauses[-1].start, start, end))
            and not (domains == ("flight",) and flies_on(clauses[-1].start, start, end))
        ):
            if i in said_before_its_request and (
                starts_a_request(before, text[segments[i + 1][0] : segments[i + 1][1]])
                or (domains == ("flight",) and flies_on(clauses[-1].start, *segments[i + 1][:2]))
                or (titles and another_film(clauses[-1].start, *segments[i + 1][:2]))  # …；前一天晚上再看一场年兽来了
                or _another_delivery(before, text[start : segments[i + 1][1]])
                or (_then_at_its_own_time(text[start:end]) and _A_TIME.search(before) is not None)
            ):
                # …北京飞上海的早班机，9月6号晚上再从上海飞回北京: the time opens the way back; "Dinner tonight at 7: …
                # Then tomorrow morning at 8, one hot americano": a second delivery
                clauses.append(Clause(start, end, domains))
                opened_by_its_time = True
            else:
                clauses[-1].end = end
        else:
            clauses.append(Clause(start, end, domains))
    for clause in clauses:
        if clause.domains == _OWN_MEAL:
            clause.domains = ()  # food or grocery, as their rules decide
    return clauses
