"""Places as said: where a flight goes from and to, which city a hotel is in, what it is near.

Catalogue cities and landmarks arrive masked (PLACE_MARK) from the lexicon; a place the
catalogue lacks (许昌, "Luoyang", 西湖文化广场) is read from the sentence's shape instead:
the words between 从…飞, after 去/到/回/飞往 or "to"/"from", before 附近/边 or after "near".
The rules run after times, counts and budget are masked, so what is left around these
words is mostly the place itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bangwo.understand.lexicon import NameMention
from bangwo.understand.rules import CHANGED_MIND, NEAR_IT_ZH
from bangwo.understand.text import PLACE_MARK, SLOT_MARK, MaskedText, compiled

_MARK_RUN = f"{PLACE_MARK}++"  # a place the catalogue knows is read whole or not at all
# Characters that never belong to a place name read from context (verbs, particles, ticket words).
# 把/将/也/都/就 are grammar (帮我把回民街附近的酒店也订上), never part of a place said.
_NOT_IN_ZH_PLACE = (
    "的飞到去从回往至出发票航班订买帮我要在住找间个和跟再给请问想看查下了吗呢吧是把将也都就取消退有没谢你带妈爸孩"
    "几着"  # (几点起飞, 起飞来着: when it leaves asked, no place)
)
# One character of an unknown Chinese place: a letter of no Latin script, no digit, no mark, no context word
# (机 of 机场 is, 机 of 机票 is not: 虹桥机场, 广州白云机场; 张 of 张家界 is, 张 of 两张 is not).
_ZH_CHAR = rf"(?:[^\W\d_a-z{_NOT_IN_ZH_PLACE}](?<!机(?=票))(?<![一两二三四五六七八九十几俩仨\d]张))"
# An unknown English place: one to three words, ended by a preposition, a time, a mark or the end.
_EN_STOP = (
    r"on|at|for|in|by|and|with|under|below|less|leaving|departing|next|this|via|around|from|to|economy|business|"
    r"first|class|please|tomorrow|today|tonight|the|a|an|near|then|also|plus|or|returning|return|one|round|trip|"
    r"flight|flights|ticket|tickets|hotel|hotels|room|rooms|seat|seats|before|after|nonstop|direct|cheap|cheapest|"
    r"home|back|there|here|"
    # Verbs and time words are no place: "three colleagues and I are going to Xi'an", "in that day".
    r"are|am|is|was|were|will|going|want|need|that|same|day|morning|afternoon|evening|night|within|walking|"
    r"booked|confirmed|reserved|cancell?ed|"  # "is my hotel in Denver booked"
    r"booking|bookings|reservation|reservations"  # "the status of my flight booking to Dubai"
)
# (or a word in Latin letters, between Chinese words: 从 Guangzhou 到 Chongqing, flight 去 Tokyo; no word of a
# sentence around it: "my flight booking to Harbin going — issued yet?")
_LATIN_PLACE = rf"(?<![a-z-])(?!(?:{_EN_STOP}|book|fly|flying|two)\b)[a-z][a-z']{{2,}}(?![a-z-])"
_ORDINAL = compiled(r"\d+(?:st|nd|rd|th)")  # the first word of "6th street"
# People taken along (带家人去大连), the 家 that counts a hotel (订家武汉光谷的酒店, 找一家南宁的酒店) and the
# ticket pointed at (我那张去厦门的机票, 那趟去丽江的) are no place.
_PEOPLE = "(?!家|全家|朋友|同事|老婆|老公|孩子|父母|爸妈|老人|客户|[一这那]家|[这那][张班趟])"
# Nor are the words that link one request to the next (…周五走然后酒店也订一下, 另外酒店订两晚), nor a festival,
# now or some days said before where one goes (清明回老家, 现在去, 那几天王府井附近).
_LINKING = (
    "(?<!几)(?!然后|另外|顺便|同时|接着|随后|之后|最后|以及|并且|而且|还有|外加|清明|端午|中秋|国庆|元旦|春节|除夕|现在)"
)
_ZH_PLACE = f"(?:{_MARK_RUN}|{_PEOPLE}{_LINKING}{_ZH_CHAR}{{2,5}}?|{_LATIN_PLACE})"
# One to four English words of a place inside Chinese (Marina Bay, King's Cross, Times Square).
_LATIN_PLACE_WORDS = r"[a-z][a-z'.-]*(?:\s[a-z][a-z'.-]*){0,3}"
_ZH_PLACE_END = (
    r"(?=的|机票|航班|飞机|往返|单程|出发|起飞|[,，。!！?？\s]|$|[\ue000-\ue007]|飞|到|去|玩|旅游|过年|探亲|出差|看|有)"
)

# Where a place goes to: a known one is whole whatever follows it (北京还有票吗), an unknown one ends at
# one of the words that may follow a place.
_ZH_PLACE_TO = f"(?:{_MARK_RUN}|{_ZH_CHAR}{{2,5}}?{_ZH_PLACE_END}|{_LATIN_PLACE})"

# 深圳回西安: from 深圳 back to 西安; 北京往返大理: the way there of a round trip.
_ZH_FROM_TO = compiled(
    rf"(?:从|由)?({_ZH_PLACE})\s*(?:先|再|又|直接)?(?:飞往|飞到|直飞|往返|飞|到|至|去|返回|返|回|=>|->|-|—|→|~|⇌)\s*({_ZH_PLACE_TO})"
)
# 回老家长沙: home is where the place said after it is (回老家 alone still goes 老家).
_ZH_TO = compiled(rf"(?:飞往|飞到|前往|回到|返回|去往|去|到|飞|回)\s*(?:老家)?\s*({_ZH_PLACE_TO})")
_ZH_FROM = compiled(
    rf"(?:从|由)\s*({_ZH_PLACE})(?=出发|起飞|走|飞|到|去|返|回|的|[\ue000-\ue007]|[,，。\s]|$)|({_ZH_PLACE})(?:出发|起飞)"
    # …去三亚的机票，上海飞; …去厦门的机票 郑州飞; 周日出发 西安走: a place and 飞 or 走 said on their own, where
    # the flight leaves from.
    rf"|(?:^|[,，\s])\s*({_ZH_PLACE})[飞走](?=[,，。!！\s]|$)"
    rf"|我(?:现在|人)?在\s*({_ZH_PLACE})(?=[,，。\s]|$|[\ue000-\ue007])"
)

_ZH_SETTING_OFF = compiled(rf"(?:从|由)\s*({_ZH_PLACE})\s*(?:出发|起飞)")
# (a city the catalogue knows needs no 从: 元旦三天假去厦门，北京出发; said with 从 it wins, 北京出发不对从西安出发)
_ZH_SETTING_OFF_BARE = compiled(rf"({PLACE_MARK}+)\s*出发")

# A word of a place: xi'an, st.louis; a full stop after it ends the sentence, not the word.
_EN_PLACE_WORD = r"(?:[a-z][a-z'-]*(?:\.[a-z][a-z'-]*)*|\d+(?:st|nd|rd|th)(?=\s+[a-z]))"  # ("6th street")
_EN_UNKNOWN = rf"(?!(?:{_EN_STOP})\b){_EN_PLACE_WORD}(?:\s+(?!(?:{_EN_STOP})\b){_EN_PLACE_WORD}){{0,2}}"
_EN_PLACE = f"(?:{_MARK_RUN}|{_EN_UNKNOWN})"
_EN_END = r"(?![a-z'-]|\.[a-z])"
_EN_SETTING_OFF = compiled(rf"\bleaving from\s+(?:the\s+)?({_EN_PLACE}){_EN_END}")
_EN_FROM_TO = compiled(
    rf"\bfrom\s+(?:the\s+)?({_EN_PLACE}){_EN_END}\s*(?:to|-|→)\s+(?:the\s+)?({_EN_PLACE}){_EN_END}"
)
# "what flights leave atlanta for boston": the airline way.
_EN_LEAVE_FOR = compiled(
    rf"\bleav(?:e|es|ing)\s+({_EN_PLACE}){_EN_END}\s+for\s+(?:the\s+)?({_EN_PLACE}){_EN_END}"
)
# "Shenzhen to Shanghai" without "from": the first place must be one the catalogue knows, or come right
# after the flight words ("flights Qingdao to Chengdu").
_EN_KNOWN_TO = compiled(
    # "Chengdu–Beijing", "Shanghai go Xi'an"
    rf"({_MARK_RUN})\s*(?:back\s+)?(?:to\s+|go\s+|fly\s+|->|-|–|→)\s*(?:the\s+)?({_EN_PLACE}){_EN_END}"
)
# "flight price Beijing Chengdu Saturday": two known places one after the other, in English, are a route.
_EN_KNOWN_THEN_KNOWN = compiled(rf"(?<![\u4e00-\u9fff])({_MARK_RUN})\s+({_MARK_RUN})(?![\u4e00-\u9fff])")
_EN_FLIGHTS_TO = compiled(
    rf"(?:\b(?:flights?|tickets?|look up|search|check)(?:\s+(?:booking|reservation))?|\ue007)\s+({_EN_UNKNOWN})"
    rf"\s*(?:to|-|→)\s+(?:the\s+)?"
    rf"({_EN_PLACE}){_EN_END}"
)
# "the Urumqi flight", "our Qingdao flight": the flight named by where it goes.
_EN_NAMED_FLIGHT = compiled(
    rf"\b(?:the|my|our)\s+({_MARK_RUN}|(?!(?:{_EN_STOP}|status|next|last|connecting|early|late|booked|outbound"
    rf"|overnight|long|short|domestic|international)\b){_EN_PLACE_WORD})\s+flight\b"
)
_EN_TO = compiled(rf"\b(?:to|into|for|towards)\s+(?:the\s+)?({_EN_PLACE}){_EN_END}")
# "I'm in Kunming", 我在昆明: where the person is now is where the flight leaves from.
_EN_FROM = compiled(
    rf"\b(?:from|leaving(?:\s+from)?|departing(?:\s+from)?|out of|i'm in|i am in|i'm currently in|i am currently in"
    rf"|currently in)\s+(?:the\s+)?({_EN_PLACE}){_EN_END}"
)
# Words after "to"/"for" that are no place: "want to book", "tickets for two".
_EN_NOT_A_PLACE = frozenset(
    [
        "be",  # "need to be in Shenzhen by Tuesday"
        "book",
        "buy",
        "cancel",  # "I need to cancel my flight to Chongqing"
        "change",
        "check",
        "get",
        "go",
        "fly",
        "order",
        "have",
        "see",
        "watch",
        "travel",
        "visit",
        "stay",
        "reserve",
        "find",
        "me",
        "us",
        "my",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "adults",
        "people",
        "passengers",
        "kids",
        "children",
    ]
)

# (The shortest place before the word: 广州塔旁边 is near 广州塔, not 广州塔旁.)
_ZH_NEAR_AFTER = compiled(
    # (not from the days before it: 那几天王府井附近)
    rf"((?<!几)(?:{PLACE_MARK}|{_ZH_CHAR}){{2,12}}?)(?:附近|旁边|周边|边上|周围|一带|那边|这边|边)"
    # a place named in English before 附近: 新加坡 Marina Bay 附近, 伦敦 King's Cross 附近
    rf"|(?<![a-z'])({_LATIN_PLACE_WORDS})\s*(?:附近|旁边|周边|一带|那边)"
)
# Inside a place or on it: 丽江古城里的客栈, 鼓浪屿上的酒店.
_ZH_IN_A_PLACE = compiled(
    rf"((?:{PLACE_MARK}|{_ZH_CHAR}){{2,12}}?)(?:里面?|内|上)(?=的?(?:酒店|宾馆|民宿|客栈|旅馆))"
)
# A part of a city the catalogue knows, said right after it: 深圳南山区的酒店, 在深圳福田.
_ZH_AREA_OF_A_CITY = compiled(
    # (or set apart by a space, the app-search way: 长沙 五一广场 酒店, 武汉 光谷 住两晚)
    rf"(?<={PLACE_MARK})(?:\s(?!出差|旅游|玩|过年|开会|附近))?({_ZH_CHAR}{{2,5}}?)"
    # (or the stay pointed at by it: 重庆洪崖洞那家酒店)
    r"(?=[上里]?(?:的?(?:那家|这家)?(?:酒店|宾馆|民宿|客栈|旅馆)|[找订住]|有(?:没有|什么|哪些)|[,，。!！\s]|$))"
)
_ZH_NEAR_BEFORE = compiled(
    rf"(?:靠近|挨着|离|紧邻)\s*((?:{PLACE_MARK}|{_ZH_CHAR}){{2,12}}?|{_LATIN_PLACE_WORDS})"
    r"(?=\s*(?:近|附近|不远|比较近|[,，。\s]|的|$))"
)
# What names a place in a city by the city's name: "Guangzhou South Station", "Shanghai Tower".
_LANDMARK_HEADS = (
    "station|railway station|tower|airport|park|square|bay|lake|road|street|temple|mall|plaza|museum|university"
    "|stadium|center|centre|bridge|river|beach|pier|harbou?r|zoo|palace|convention center|expo center"
)
_LANDMARK_HEAD_AT_END = compiled(rf"\b(?:{_LANDMARK_HEADS})$")
_EN_NEAR = compiled(
    rf"\b(?:near|by|close to|next to|around|beside|walking distance (?:to|from|of)|not far from)\s+(?:the\s+)?"
    rf"({_MARK_RUN}(?:\s+{_EN_PLACE_WORD})??\s+(?:{_LANDMARK_HEADS}){_EN_END}"
    rf"|{_EN_PLACE}(?:\s+\d+\b)?){_EN_END}"  # (a number may end its name: "Taipei 101")
    # a part of town named as one: "in the French Quarter", "in the Gaslamp District"
    rf"|\bin\s+the\s+((?:{_EN_PLACE_WORD}\s+){{1,2}}(?:quarter|district|neighbou?rhood))\b"
    # a stay on a street or a strip: "a hotel on the Strip"
    rf"|\b(?:hotels?|rooms?|motels?)\s+on\s+(the\s+{_EN_PLACE}){_EN_END}"
    # a place named in Chinese inside English: "near 栈桥", "2 rooms at 鼓浪屿"
    r"|\b(?:near|close to|next to|beside|at)\s*([\u4e00-\u9fff]{2,8})(?=[\s,.!?，。]|$)"
)
_ZH_IN_CITY = compiled(
    # 去大理玩, 到厦门出差: the purpose of a trip follows the city it goes to.
    rf"(?:在|去|到)\s*(?!附近|这里|那里|这边|那边)({_ZH_PLACE})"
    # (…，在沈阳，…; 后天到郑州，住两晚: said on its own)
    r"(?=订|找|住|的|市|[\ue000-\ue007]|酒店|宾馆|民宿|玩|旅游|旅行|度假|出差|过年|探亲|看|[,，。!！\s]|$)"
    rf"|({_ZH_PLACE})(?:市)?(?:的|那家|这家)?(?:酒店|宾馆|民宿)"
    rf"|^({_ZH_PLACE})(?=有(?:哪些|没有|什么))"  # 银川有哪些不超过300块的酒店
)
# A place said on its own between commas in a hotel request is where it is: 订两间房，苏州，周五入住.
# Words of how the room should be (安静, 干净, 便宜, 近) are no place.
_ZH_LONE_PLACE = compiled(
    rf"(?:^|[,，、])\s*((?:(?![静净宜贵近远好新旧店房宿]){_ZH_CHAR}){{2,4}}|{_MARK_RUN})\s*(?=[,，、。]|$)"
    # (typed with spaces between Chinese words: 订酒店 济南 明天 一晚)
    rf"|(?<=[\u4e00-\u9fff]\s)((?:(?![静净宜贵近远好新旧店房宿]){_ZH_CHAR}){{2,4}})(?=\s|$)"
)
# What a stay should be like, or a word for "there", said before 的酒店 where a city may stand (找个性价比高的酒店,
# 安静点的, 带早餐的, 附近有什么酒店, 当地的酒店): no city. Only the city-shaped rules read it; a city the
# catalogue knows is never tested.
_DESCRIBES_A_STAY = compiled(
    r"什么|哪|啥|性价比|安静|干净|便宜|实惠|早餐|停车|[海江湖山]景|景观|舒服|舒适|豪华|[三四五]星|星级|高档|亲子|网红"
    r"|评分|好评|[离近带能有]|可以|大床|双床|房|点$|[高低好贵]$|当地|本地|那边|那里|[一这那]家|[一这那]间"
    r"|[海江湖河]边|海滨|市中心|市区|郊区"  # (两间海边的酒店: by the sea, no city)
    r"|酒店|宾馆|民宿|客栈|旅馆"  # (三亚 酒店 海景, 新加坡酒店: the stay itself)
    r"|风格|快捷|连锁|经济型|精品|主题"  # (民宿风格的酒店, 快捷酒店: a kind of hotel)
)
_EN_IN_CITY = compiled(
    rf"\b(?:in|at|going to|heading to|travell?ing to|visiting|(?:city |town )?cent(?:re|er) of"
    r"|(?:the )?(?:north|south|east|west)(?: part)? of)\s+"
    rf"({_EN_PLACE}){_EN_END}"
)


# The rules in the order they are tried, each with the words every one of its matches holds: a cheap
# test that skips the search (most of these regexes make re try every position).
# Two airports by their three-letter codes, one to the other: "BLR-DEL", "LOS-ABV" (no English word of three
# letters either side, nor a day or a month: one-way, non-stop, low-fat, pre-pay, fri-sun).
_NO_AIRPORT_CODE = (
    "one|two|way|non|pre|low|fat|pay|the|and|for|all|any|out|off|new|old|top|day|eco|red|hot"
    "|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"  # ("hotel in Chengdu thu-sat")
)
AIRPORT_CODES = compiled(
    rf"(?<![a-z'-])(?!(?:{_NO_AIRPORT_CODE})-)([a-z]{{3}})\s?-\s?(?!(?:{_NO_AIRPORT_CODE})(?![a-z]))([a-z]{{3}})(?![a-z'-])"
)

_ROUTE_RULES = (
    (_EN_FROM_TO, ("from",)),
    (_EN_LEAVE_FOR, ("leav",)),
    (_EN_KNOWN_TO, (PLACE_MARK,)),
    (_EN_KNOWN_THEN_KNOWN, (PLACE_MARK + " " + PLACE_MARK,)),
    (_EN_FLIGHTS_TO, ("flight", "ticket", "\ue007", "look up", "search", "check")),  # (tickets may be a count)
    (_ZH_FROM_TO, ("飞", "到", "至", "去", "回", "返", "-", "—", "→", "~", "⇌", "=>")),
)
# Words that may come before the place a hotel is near and are no part of it.
_BEFORE_A_NEAR_PLACE = compiled(r"(?:然后|还有|另外|顺便|同时|并且|再|[一这那]家|[一这那]间)+")
_NEAR_RULES = (
    (_ZH_NEAR_AFTER, ("附近", "边", "周围", "一带")),
    (_ZH_IN_A_PLACE, ("里", "内", "上")),
    (_ZH_NEAR_BEFORE, ("靠近", "挨着", "离", "紧邻")),
    (
        _EN_NEAR,
        (
            *("near", "by", "close to", "next to", "around", "beside", "walking distance", "not far from"),
            *("in the", " on the", "at "),
        ),
    ),
)
# Words a flight's way is said with that are no place: 爸妈从成都飞过来 (here), 寒假去哈尔滨 (when).
_ZH_NOT_A_PLACE = frozenset(
    ("过来", "回来", "过去", "回去", "这边", "那边", "这里", "那里", "寒假", "暑假", "假期", "放假")
) | {"一起", "一块", "一块儿", "那天", "当天", "过年"}  # (我们仨一起去三亚: with whom; 除夕那天回老家: when)
# (the words of a correction or a join: 哦不，住两晚就行, 然后那边订个酒店; the app a stay was booked on: 我在携程订的)
_ZH_NOT_A_PLACE |= {"哦不", "不对", "不是", "然后", "再", "携程", "飞猪", "去哪儿", "同程", "美团", "艺龙", "途牛"}
# (why one goes: 带孙子去避暑, 去度假)
_ZH_NOT_A_PLACE |= {"避暑", "避寒", "度假", "旅游", "旅行", "出差", "散心", "探亲", "看病", "开会", "玩"}
# How the name of a part of a town ends, said where a city may stand: an island, a bay, a cape, a street, a road,
# a district, a station (not a city's own ending: 厦门, 海口, 黄山 are cities).
PART_OF_TOWN_ENDS_ZH = "屿|湾|咀|街|路|路口|街口|站|新区|新城|商圈|广场|古城|古镇|码头|景区|大学"
_A_PART_OF_TOWN_ZH = compiled(rf"^[\u4e00-\u9fff]{{1,6}}(?:{PART_OF_TOWN_ENDS_ZH})$")
# Where one stays, said after 住: 到了住三亚湾，三晚; 南京住新街口，住两晚.
_ZH_STAYING_IN = compiled(rf"住在?({_ZH_PLACE})(?=[,，。!！\s]|$|[一两三四五六七八九十\d]+晚)")
_CITY_RULES = (
    (_ZH_IN_CITY, ("在", "去", "到", "酒店", "宾馆", "民宿")),
    (_EN_IN_CITY, ("in", "at", "to", "visiting", "of")),
    (_ZH_LONE_PLACE, ()),  # no word to test for
)


def _may_match(holds: tuple[str, ...], text: str) -> bool:
    return not holds or any(word in text for word in holds)


class Places:
    """The place names of one clause: each mark run read back as said, and where it came from."""

    def __init__(self, masked: MaskedText, names: list[NameMention], told_until: int = 0) -> None:
        self.masked = masked
        self.by_start = {n.start: n for n in names if n.entry.kinds & {"city", "landmark"}}
        self.told_until = told_until

    def said(self, start: int, end: int) -> str | None:
        """The place [start, end) as the person said it; None when it is no place."""
        value = self.masked.original[start:end].strip()
        if not value:
            return None
        if PLACE_MARK in self.masked.current[start:end]:
            return value
        if start < self.told_until:
            return None  # 被亲戚催婚催到崩溃。帮我订…: a place the catalogue lacks, told in the story, is not asked for
        if value.isascii():
            words = value.split()
            first = words[0].replace("'", "").replace("-", "")
            if words[0] in _EN_NOT_A_PLACE or not (first.isalpha() or _ORDINAL.fullmatch(first)):
                return None
            return value
        return None if value in _ZH_NOT_A_PLACE else value

    def kind(self, start: int) -> str | None:
        name = self.by_start.get(start)
        if name is None:
            return None
        return "city" if "city" in name.entry.kinds else "landmark"


def _first(regex: re.Pattern[str], places: Places, groups: int = 1) -> tuple[str | None, ...] | None:
    return next((found for found, _ in _every_said(regex, places, groups)), None)


def _every_said(
    regex: re.Pattern[str], places: Places, groups: int
) -> Iterator[tuple[tuple[str | None, ...], re.Match[str]]]:
    """Each match of `regex` whose places are all places said, with its match."""
    for m in regex.finditer(places.masked.current):
        found = tuple(places.said(*m.span(g)) if m.group(g) else None for g in range(1, groups + 1))
        if any(found) and all(f is not None for f, g in zip(found, range(1, groups + 1), strict=True) if m.group(g)):
            yield found, m


# How surely a Chinese route is the flight asked for: flown (杭州飞兰州), then said from where (从上海去成都), then any
# (带老伴去成都看看, 跟老年团去旅游, 从杭州回来过年: who goes where, told before the request).
def _route_zh(places: Places) -> tuple[str | None, ...] | None:
    """The Chinese route said most surely as a flight; the first of those."""
    best: tuple[str | None, ...] | None = None
    best_rank = -1
    for found, m in _every_said(_ZH_FROM_TO, places, 2):
        said = places.masked.current[m.start() : m.start(2)]
        rank = 2 if "飞" in said else 1 if said.startswith(("从", "由")) else 0
        if rank > best_rank:
            best, best_rank = found, rank
    return best


# China's big airports by the name beside their city's: "Beijing Daxing", 上海虹桥, 浦东机场.
_AIRPORT_NAMES_ZH = (
    "首都|大兴|浦东|虹桥|白云|宝安|双流|天府|江北|咸阳|萧山|禄口|高崎|长水|天河|美兰|凤凰|桃仙|遥墙|新郑|长乐"
)
_AIRPORT_NAMES_EN = (
    "capital|daxing|pudong|hongqiao|baiyun|bao'?an|shuangliu|tianfu|jiangbei|xianyang|xiaoshan|lukou|gaoqi|changshui"
    "|tianhe|meilan|phoenix|taoxian|yaoqiang|xinzheng|changle"
)
_AIRPORT_AFTER = compiled(
    rf"\s?(?:{_AIRPORT_NAMES_EN})(?:\s+(?:international\s+)?airport)?\b|(?:{_AIRPORT_NAMES_ZH})(?:国际)?(?:机场)?",
    re.IGNORECASE,
)


def _with_its_airport(said: str | None, text: str, names: list[NameMention]) -> str | None:
    """A city said with its airport, as said: "Beijing Daxing", 上海虹桥 (not only "Beijing", 虹桥)."""
    if not said or (at := text.find(said)) < 0:
        return said
    if (airport := _AIRPORT_AFTER.match(text, at + len(said))) is not None and airport.group(0).strip():
        return text[at : airport.end()]
    if _AIRPORT_AFTER.fullmatch(said) and (
        city := next((n for n in names if n.end == at and "city" in n.entry.kinds), None)
    ):
        return text[city.start : at + len(said)]
    return said


def route(masked: MaskedText, names: list[NameMention], told_until: int = 0) -> tuple[str | None, str | None]:
    """(origin, destination) of a flight as said (`told_until`: where the request starts after backstory)."""
    origin, destination = _route_of_places(masked, names, told_until)
    return (
        _with_its_airport(origin, masked.original, names),
        _with_its_airport(destination, masked.original, names),
    )


def _route_of_places(
    masked: MaskedText, names: list[NameMention], told_until: int
) -> tuple[str | None, str | None]:
    places = Places(masked, names, told_until)
    origin = destination = None
    for regex, holds in _ROUTE_RULES:
        if not _may_match(holds, masked.current):
            continue
        found = _route_zh(places) if regex is _ZH_FROM_TO else _first(regex, places, 2)
        if found is not None:
            origin, destination = found
            break
    if destination is None and "-" in masked.current and (codes := AIRPORT_CODES.search(masked.current)) is not None:
        origin, destination = codes.groups()  # "BLR-DEL 6am Mon": the airports by their codes
    if destination is None and (found := _first(_EN_TO, places) or _first(_ZH_TO, places)):
        destination = found[0]
    if destination is None and "flight" in masked.current and (found := _first(_EN_NAMED_FLIGHT, places)):
        destination = found[0]
    if "出发" in masked.current or "起飞" in masked.current or "leaving" in masked.current:
        # 从广州出发, "leaving from Shenzhen" say where the flight leaves from, whatever came before them.
        said = (
            _first(_ZH_SETTING_OFF, places) or _first(_EN_SETTING_OFF, places) or _first(_ZH_SETTING_OFF_BARE, places)
        )
        if said is not None and said[0] != destination:
            origin = said[0]
    if origin is None:
        for regex in (_EN_FROM, _ZH_FROM):
            m = next((m for m in regex.finditer(masked.current) if places.said(*m.span(m.lastindex or 1))), None)
            if m is not None:
                candidate = places.said(*m.span(m.lastindex or 1))
                if candidate != destination:
                    origin = candidate
                    break
    if destination is None:
        # A lone city after the flight words: "三亚的机票", "flights Sanya".
        cities = [n for n in names if "city" in n.entry.kinds and masked.original[n.start : n.end] != origin]
        if cities:
            destination = masked.original[cities[-1].start : cities[-1].end]
    return origin, destination


def hotel_place(masked: MaskedText, names: list[NameMention], told_until: int = 0) -> tuple[str | None, str | None]:
    """(city, near) of a hotel as said; the near-place is masked so that it is not read as the city."""
    places = Places(masked, names, told_until)
    near, near_at = None, -1
    for name in names:
        # 在万达附近订一间酒店: a shop of another kind, named as where the hotel is
        if name.entry.merchant_domains - {"hotel"} and (m := NEAR_IT_ZH.match(masked.current, name.end)) is not None:
            near, near_at = masked.original[name.start : name.end], name.start
            masked.mask(name.start, m.end(), SLOT_MARK)
            break
    # Context first: 西湖文化广场附近 is one place even though 西湖 alone is a landmark.
    for regex, holds in _NEAR_RULES if near is None else ():
        if not _may_match(holds, masked.current) or (m := regex.search(masked.current)) is None:
            continue
        start, end = m.span(m.lastindex or 1)
        if (lead := _BEFORE_A_NEAR_PLACE.match(masked.current, start, end)) is not None and lead.end() < end - 1:
            start = lead.end()  # 然后外滩附近, 一家南京路步行街附近: the link or the count is no part of the place
        # 北京王府井附近: the city said first is the city, the rest is what the hotel is near.
        city_first = next((n for n in names if n.start == start and "city" in n.entry.kinds and n.end < end - 1), None)
        rest = masked.original[city_first.end : end].strip() if city_first is not None else ""
        # ("Taipei 101", "Guangzhou South Station": the city's name is part of the place's)
        if city_first is not None and not rest.isdigit() and not _LANDMARK_HEAD_AT_END.search(rest):
            start = city_first.end
        if said := places.said(start, end):
            near, near_at = said, start
            masked.mask(start, m.end(), SLOT_MARK)
            break
    if near is None and PLACE_MARK in masked.current:
        for m in _ZH_AREA_OF_A_CITY.finditer(masked.current):
            before = places.by_start.get(_start_of_the_mark_run(masked.current, m.start()))
            city_before = before is not None and before.end == m.start() and "city" in before.entry.kinds
            if city_before and (said := places.said(*m.span(1))) and not _DESCRIBES_A_STAY.search(said):
                near, near_at = said, m.start(1)
                masked.mask(m.start(1), m.end(1), SLOT_MARK)
                break
    if near is None and ("在" in masked.current or "的" in masked.current or "住" in masked.current):
        # 在鼓浪屿订两间海景房, 订个尖沙咀的酒店, 南京住新街口: a place the catalogue lacks, where a city may stand,
        # shaped as a part of a town
        for m in (*_ZH_IN_CITY.finditer(masked.current), *_ZH_STAYING_IN.finditer(masked.current)):
            start, end = m.span(m.lastindex or 1)
            said = places.said(start, end) or ""
            if PLACE_MARK not in masked.current[start:end] and _A_PART_OF_TOWN_ZH.search(said):
                near, near_at = said, start
                masked.mask(start, end, SLOT_MARK)
                break
    city = None
    for name in names:
        if PLACE_MARK not in masked.current[name.start : name.end]:
            continue  # read as part of the near-place already
        said = masked.original[name.start : name.end]
        if "landmark" in name.entry.kinds and (
            near is None or (name.start > near_at and CHANGED_MIND.search(masked.current, near_at, name.start))
        ):
            near, near_at = said, name.start  # (本来想订冰雪大世界附近，算了，就中央大街: the one said after)
        elif "city" in name.entry.kinds and city is None:
            city = said
    if city is None:
        for regex, holds in _CITY_RULES:
            for m in regex.finditer(masked.current) if _may_match(holds, masked.current) else ():
                said = places.said(*m.span(m.lastindex or 1))
                if not said or (PLACE_MARK not in m.group(m.lastindex or 1) and _DESCRIBES_A_STAY.search(said)):
                    continue
                said_at = m.start(m.lastindex or 1)
                if not (near and (near_at <= said_at < near_at + len(near) or near in said)):
                    city = said  # (a part of the near-place is no city: "in Taipei near Taipei 101" still is)
                    break
            if city is not None:
                break
    if city is None and near is not None and len(near) > 3 and near.endswith(_OLD_TOWN):
        city = near[:-2]  # 大理古城里的民宿: the old town is its city's
    elif city is not None and near in _OLD_TOWN:
        near = city + near  # 丽江古城里的客栈: the old town of that city, by its name
    return city, near


_OLD_TOWN = ("古城", "古镇")


def _start_of_the_mark_run(text: str, end: int) -> int:
    start = end
    while start > 0 and text[start - 1] == PLACE_MARK:
        start -= 1
    return start


def searched_near(masked: MaskedText, names: list[NameMention], told_until: int = 0) -> str | None:
    """What a look-up for shops or showings is near, said as near (新街口附近的电影院, "any Haidilao near the Bund?"),
    not where it is at ("a 杨枝甘露 at 许留山") nor how it is sold ("by the case"); the text is left unmasked."""
    near = hotel_place(masked.slice(0, len(masked.current)), names, told_until)[1]
    if near is None or near in _NOT_SEARCHED_NEAR:
        return None
    text = masked.original
    at = text.find(near)
    if at < 0 or not (NEAR_IT_ZH.match(text, at + len(near)) or _EN_NEAR_WORD_BEFORE.search(text, 0, at)):
        return None
    return near


_EN_NEAR_WORD_BEFORE = compiled(r"\b(?:near|around|close to|next to|not far from)\s+(?:the\s+)?$")
_NOT_SEARCHED_NEAR = frozenset(("our", "my", "your", "me", "here", "us"))
