"""Movie tickets: the film, the premiere, how many, the seats."""

from __future__ import annotations

import re
from collections.abc import Callable

from bangwo.domain.frame import SeatWish
from bangwo.understand.domains.common import first_match
from bangwo.understand.lexicon import NameMention
from bangwo.understand.numbers import EN_NUMBER, EN_NUMBER_WORDS
from bangwo.understand.rules import CHANGED_MIND, EN_ORDER_VERBS, TURNED_DOWN_BEFORE
from bangwo.understand.text import ITEM_MARK, MARKS, SLOT_MARK, MaskedText, compiled, letter_led
from bangwo.understand.times import TimeSlots

# (English ends at the next letter that is not English: 惊蛰无声premiere的票.)
PREMIERE = compiled(r"首映|首场|点映|首映礼|" + letter_led("premieres?|opening night", then=r"(?![a-z0-9])"))
# The end of an English word, also where Chinese follows it ("middle的位置": no \b there).
_WORD_END = "(?![a-z0-9])"
# Longest first inside each alternative: 最后一排 before 后排, 第一排 before 前排.
_ROWS: tuple[tuple[str, str], ...] = (
    (r"最后一排|最后排|最后面|最后头|倒数第一排|" + letter_led("last row|very back", then=_WORD_END), "last"),
    (r"第一排|最前排|最前面|(?<![\da-z])1st row|" + letter_led("first row|very front", then=_WORD_END), "first"),
    (
        r"后排|靠后|后面|后几排|倒数第[二三四五2-5]排|"
        + letter_led("back rows?|rear|in the back|at the back|back|second to last row|second last row", then=_WORD_END),
        "back",
    ),
    (r"前排|靠前|前面|前几排|" + letter_led("front rows?|in the front|front", then=_WORD_END), "front"),
    (r"中间|中排|正中|居中|中央|" + letter_led("middle(?: rows?)?|cent(?:er|re)(?: rows?)?", then=_WORD_END), "middle"),
)
# Any row word, as one alternation in the same order: the first row whose words match where it starts is
# the row said. (No group per row: groups in front of the words would make re try every position.)
ANY_ROW = compiled("|".join(pattern for pattern, _ in _ROWS))
_ROW_WORDS = tuple((compiled(pattern), row) for pattern, row in _ROWS)
_ADJACENT = compiled(
    r"连座|连坐|联座|连号|坐一起|坐在一起|一起坐|坐一块|连着坐|连着的|挨着|相邻|连在一起|在一起|并排|坐一排|坐同一排|要连着|"
    + letter_led("together|next to each other|adjacent|side by side", then=r"\b")
)
# What makes a sentence naming a film a ticket request rather than talk about the film.
TICKET_WORDS = compiled(
    # A party counted (两个大人一个小孩, 三位) is the tickets' count.
    # (还有位子吗, 有空位吗: its seats asked after, as 还有座吗)
    r"票|张|场|座|排|看|买|订|首映|电影|影院|来|要|几点|上映|放映|排片|大人|成人|小孩|儿童|有没有|退|有(?=\ue006)|放不放|在放|imax|杜比|巨幕|"
    r"位子|空位|余位|有位|"
    r"[一两三四五六七八九十俩仨\d]个?人|[一两三四五六七八九十\d]位|[一两三四五六七八九十\d]大[一两三四五六七八九十\d]小|"
    + letter_led(
        "tickets?|tix|seats?|rows?|showings?|screenings?|show ?times?|watch|see|catch|book|booking|booked|buy|get"
        "|premiere|cinemas?|theat(?:er|re)s?|timings?|running in|movie|film|playing|what time|times? (?:for|of)"
        "|schedules?|shows? of|"
        "adults?|child|children|kids?|people|persons|ppl|colleagues|friends|me (?:plus|and|n|&)",
        then=r"\b",
    )
    + r"|\ue006[ \ue006]*[x×*]\s?\d"  # "Here Comes Nian x3": the title counted
    + rf"|(?:\d+|{EN_NUMBER}) for (?:the )?\ue006"  # "two for Reunion Dinner"
)
# Questions about what a film is like, not for tickets: 适合小孩看吗, "is it suitable for kids?".
FILM_QUESTION = compiled(
    r"适合|值得|吓人|恐怖吗|多长|"
    + letter_led("suitable|appropriate|worth (?:it|watching|seeing)|scary|too long|how long is", then=r"\b")
)
# Unknown titles from the sentence's shape: "tickets for Dune", "看流浪地球3".
# The title ends at punctuation, a slot already read, or a word that starts the next part.
_TITLE_END = (
    # (a dish the catalogue knows may be a word of a title: "Silver Lanterns")
    r"(?=\s*(?:$|[,.!?]|[\ue001-\ue007]|\b(?:on|at|in|tonight|tomorrow|today|this|next|with|and|please|around"
    r"|sold out|still)\b"
    # who the tickets are for: "Lilo & Stitch for 5 people", "… for me and my wife"
    r"|\bfor\s+(?:[\ue000-\ue007\d]|(?:me|us|my|our|him|her|them|the kids)\b)))"
)
# A title as said in English (the rules read lowered text; the case comes back at the end).
_EN_SAID = r"([a-z0-9][a-z0-9' :&\ue000-]*?)"
_EN_TITLE = compiled(
    r"(?:\b(?:tickets?|tix|seats?)(?:\s+(?:left|available|order|booking))?\s+|\ue007+\s*)(?:for|to)\s+"
    # (who the tickets are for is no film: "2 tickets for my kids")
    r"(?!(?:my|our|me|us|him|her|them|his|their|your|the (?:kids|family|whole family))\b)"
    # (the kind of showing said: "tickets for the IMAX showing of Avatar")
    rf"(?:the\s+(?:(?:imax|3d|dolby|4dx|late|midnight|early)\s+)?(?:premiere|showing|screening|首映)\s+of\s+)?"
    rf"{_EN_SAID}{_TITLE_END}"
    rf"|\b(?:watch|see|catch)\s+(?:the\s+(?:new\s+)?)?{_EN_SAID}(?:\s+(?:movie|film)\b|{_TITLE_END})"
    rf"|\b(?:premiere|opening night)\s+(?:of|for)\s+{_EN_SAID}{_TITLE_END}"
    # Asked whether it is on: "is Wonka playing in Berkeley", "what time is Paddington in Peru showing".
    rf"|\bis\s+{_EN_SAID}\s+(?:still\s+)?(?:playing|showing|screening)\b(?!\s+of\b)"
    # "which theaters are showing Northern Lights Express tomorrow"
    rf"|\b(?:theaters?|theatres?|cinemas?)\s+(?:in\s+[a-z]+(?:\s+[a-z]+)?\s+)?(?:(?:are|is)\s+)?"
    rf"(?:showing|playing|screening)\s+{_EN_SAID}{_TITLE_END}"
    # Right after the count it starts with (or the row, then the count): "2 tix Kung Fu Panda 5 this Sat",
    # "1st row 2 tix The Wild Robot", "one ticket, Mufasa, 2:15pm today".
    rf"|^(?:\ue007+,?\s+)+(?!(?:for|to|on|at|in|this|next|tonight|tomorrow|ppl|people|pax|persons?)\b)"
    rf"{_EN_SAID}{_TITLE_END}"
    # One's own tickets named by their film: "have my dune tickets been issued", "cancel the street fighter tickets".
    r"|\b(?:my|our|the)\s+(?!(?:movie|film|cinema|premiere|status|booking|order|imax|3d|cheapest|cheap|best|same"
    r"|other|new|old|last|next|extra|kids?|children|adults?|students?|vip|plane|flight|train|bus|concert|show)\b)"
    rf"{_EN_SAID}\s+(?:movie\s+|film\s+)?(?:tickets?|tix)\b"
    # Whether its showings are left: "any avengers doomsday showings left tonight?"
    rf"|\bany\s+{_EN_SAID}\s+(?:showings?|screenings?|tickets?|seats?)\s+(?:left|available)\b"
    # Booked by its name for a party: "book The Devil Wears Prada 2 for 6 of us", "book me Project Hail Mary, 1 adult".
    # Wanted by name, then its tickets: "kids want Kung Fu Panda 5, 3 tix sat morning".
    rf"|\bwants?\s+(?:to\s+)?(?:see\s+|watch\s+)?(?!(?:see\s+|watch\s+)?(?:an?\s+|the\s+)?(?:movie|film)\b)"
    rf"{_EN_SAID}(?=,\s*\ue007)"
    # (the party may be read already: \ue007)
    rf"|^book\s+(?:me\s+)?{_EN_SAID}(?=\s+for\s+\ue007|,\s*\ue007"
    rf"|,?\s+(?:for\s+\d{{1,2}}\s+of\s+us|(?:\d|one|two|three|four)\s+adults?)\b)"
    # Its showings looked up: "showtimes for Inside Out 3 tomorrow".
    rf"|\b(?:showtimes?|showings?|screenings?)\s+(?:for|of)\s+{_EN_SAID}{_TITLE_END}"
    # …typed short, or named as the film it is: "look up showtimes Toy Story 5 sat", "the kids' movie Little Bear Run",
    # "a film called …" (not "the movie tickets")
    rf"|\bshowtimes\s+{_EN_SAID}{_TITLE_END}"
    rf"|(?:\bkids'?\s+(?:movie|film)|\b(?:movie|film)\s+called)\s+{_EN_SAID}{_TITLE_END}"
    # Looked up by its showings: "search for Dune Part Three showings".
    rf"|\b(?:search for|look up|looking for|find|check)\s+{_EN_SAID}\s+(?:showings?|screenings?|showtimes?)\b"
)
# The title first, then its tickets: "Oppenheimer IMAX tickets x2" (read only when no other shape names the film:
# "are there any tickets left for …" asks, it names nothing before its tickets).
_EN_TITLE_BEFORE_TICKETS = compiled(
    r"^(?:(?:please|pls)\s+)?(?:(?:book|get|buy|find)\s+)?"
    r"(?!(?:book|get|buy|find|order|reserve|cancel|refund|rid|check|movie|film|premiere|tix|tickets?|seats?"
    r"|i|i'd|i'm|we|me|us|my|our|the|a|an|and|also|then|plus"
    r"|has|have|had|did|was|were|will|should|hey|hi|hello|ok|okay|so|um|uh"
    r"|please|pls|are|is|how|what|what's|when|where|which|can|could|would|will|do|does|any|there)\b)"
    rf"{_EN_SAID}(?<!\bfor)\s+(?:imax\s+|3d\s+)?(?:tickets?\b|tix\b|\ue007)"
)
# The title said first, its showing or tickets after it: "street fighter tonight, 2 tix, back row", "dune part three
# premiere, 2 tickets", "sunrise on the reaping, fri 7:45pm" (the time or the tickets already read stand as marks).
# Only a name: none of its words asks, points or names the showing ("show me what's playing tonight", "please refund
# my tickets for tonight", "Late film tonight", "Mother's Day tomorrow, 2 tickets").
_EN_TITLE_FIRST = compiled(
    r"^(?:(?:hey|hi)[\s,]+)?(?!(?:a|an|and)\b)([a-z0-9][a-z0-9' :&\ue000-]*?)"
    r"(?:\s+(?:premiere|imax|3d|4dx|dolby))?(?:\s+for)?[\s,]*[\ue001\ue007]"  # ("pegasus 3 for 3 ppl")
)
_NO_WORD_OF_A_TITLE_FIRST = frozenset({
    "book", "get", "buy", "find", "order", "reserve", "cancel", "refund", "check", "search", "look", "show", "see",
    "watch", "want", "need", "movie", "movies", "film", "films", "cinema", "cinemas", "theater", "theatre", "imax",
    "premiere", "tix", "ticket", "tickets", "seat", "seats", "matinee", "showing", "showings", "playing",
    "screening", "schedule", "i", "i'd", "i'm", "we", "me", "us", "my", "our", "you", "your", "he", "she", "they",
    "his", "her", "their", "it", "what", "what's", "whats", "when", "where", "which", "who", "how", "can", "could",
    "would", "will", "should", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "any",
    "anything", "something", "there", "please", "pls", "plz", "ok", "okay", "so", "um", "uh", "also", "then",
    "plus", "assistant", "day", "eve", "halloween", "christmas", "valentine's", "hi", "hey", "hello"
})
_ENDS_A_PHRASE = frozenset({"for", "on", "at", "in", "of", "to", "with", "near", "from", "by"})


def _title_said_first(masked: MaskedText) -> str | None:
    if (m := _EN_TITLE_FIRST.match(masked.current)) is None:
        return None
    words = m.group(1).split()
    if not words or words[-1] in _ENDS_A_PHRASE or not _NO_WORD_OF_A_TITLE_FIRST.isdisjoint(words):
        return None
    return masked.original[m.start(1) : m.end(1)]


_ZH_TITLE = compiled(
    # An English title after 看, up to a pause: 我想看Inside Out 2，帮我买两张 (the clean-up put a space between the
    # scripts).
    r"看\s*([a-z][a-z0-9' :&-]{0,40}?)\s*(?=[,，。!！?？]|的|$)"
    # (a · inside it: 熊出没·年年有熊)
    r"|看\s*((?:(?!什么时候|啥时候)[^\W_的了吧吗呢]|(?<=\w)·(?=\w)){2,10}?)"
    r"(?=的票|的电影|的首映|的首场|的重映|[,，。!！?？\s]|$|[\ue000-\ue007])"
    r"|([^\W_的买订]{2,10}?)的(?:电影)?票"  # (上周买的电影票 names no film)
    # Its showings asked after: 长安夜雨有哪些场次, 海上钢琴师的重映场次, 星辰大海在哪些影院上映, 午夜凶铃还有票吗.
    # (a 的 inside the name, not after a showing's words: 十八岁的夏天, not 最晚一场的阿凡达3)
    r"|(?:^|(?<=[\s,，。\ue001问下查有看]))"
    r"((?!的|那个)(?:[^\W_a-z的看买订带要想去来票有请查]|(?<![场映天点])的(?![票电场位座])){2,10}?)(?<!的)"
    r"(?=\ue001*(?:还)?有(?:哪些|几点的|没有)?场次|的?(?:重映)?(?:场次|排片)|的(?:连座|\ue007)|在哪些?(?:影院|电影院)|还有票|有票吗"
    r"|还在上映|(?:什么|啥)时候(?:上映|首映)|上映了[吗没]"  # 哪吒2还在上映吗, 阿凡达4什么时候上映
    r"|\ue001+(?:以后|之后|以前|之前|左右)?的?场次"  # 流浪地球3晚上八点以后的场次
    r"|\ue001*(?:几点有场|最晚一场|最早一场))"
    # Typed between spaces after what is asked: 我要看首映 孤城守夜人 3张, 订票 射雕英雄传侠之大者 下周六.
    r"|(?<=首映|订票|买票)\s+([^\W_a-z的看买订带要想去来票]{2,12}?)(?=\s|$)"
    # A title said first (or after its day), then its premiere: 流浪地球3 首映 两张, 下周三流浪地球3首映 (雪山来信首映).
    r"|(?:^|(?<=[\s,，。\ue001]))(?!来)([^\W_的看买订带要想去帮抢]{2,10}?)\s*(?:的)?(?:首映|首场|点映|重映了)"
    # Said after the showing: 三点那场流浪地球3, 八点那场疯狂动物城2还能买到第一排吗.
    r"|(?<=场)\s*([^\W_a-z的看买订带要想去来票]{2,10}?)(?=[\s,，。!！?？]|$|[\ue000-\ue007]|还能|还有|帮我|给我)"
    # Right after its count of tickets: 买四张满江红 第一排, 两张Inside Out 2的票 (a 的 inside: 一张长安的荔枝).
    r"|(?<=[张\ue007])\s*((?!的)(?:[^\W_a-z的看买订带要想去来票]|的(?![票电场位座])){2,10}?)(?<!的)的?"
    r"(?=[\s,，。!！?？]|$|[\ue000-\ue007])"
    # After a filler or a question whether it is on: 那个山海之间一张后排, 那个小猪佩奇大电影第一排,
    # 明晚有没有飞驰人生3.
    r"|(?:那个|有没有)\s*((?!的)(?:[^\W_a-z的看买订带要想去来票]|的(?![票电场位座])){2,10}?)(?<!的)的?"
    r"(?=[\s,，。!！?？]|$|[\ue000-\ue007]|第|最|中间|什么时候|有没有|还有|[一两三四五六七八九十\d]张)"
    # (past who bought them: "the 2 tickets I bought for Stormbreak", not "… I bought for Friday")
    r"|(?<=[张\ue007])\s*(?:(?:i|we)\s+(?:just\s+)?(?:bought|booked|got|ordered)\s+(?:for\s+)?)?"
    r"(?!(?:in|the|for|at|on|to|with|and|a|an|of|next|tonight|today|tomorrow|i|we|you|that|ppl|people|pax|persons?"
    r"|been|is|are|was|were|has|have|got|pls|please|any|each)\b)"  # (what is said of them: "… tickets been issued")
    r"([a-z][a-z0-9' :-]{1,40}?)\s*(?:\b(?:on|at|for|this|next)\s*)?(?=的票|的电影|[,，。!！?？]|$|[\ue000-\ue007])"
    # Named, then pointed at: 好东西这部片子多少钱一张, 热辣滚烫那部电影.
    r"|(?:^|(?<=[\s,，。]))([^\W_a-z的看买订带要想去来票帮抢]{2,10}?)(?=[这那]部)"
    # Right after the showing's time or the showing: 买张今晚九点半的哪吒, 3月8号下午两点的无声的证言 (a 的 inside
    # the title, not before 票), 深夜场的午夜凶铃还有票吗, 明天中午十二点的大鱼海棠2帮我订一张.
    # (or the premiere's, or that day's: 下周六首映的阿凡达4, 大年初一那天的封神第二部)
    r"|(?<=[\ue001\ue007场映天]的)((?:[^\W_a-z的看买订带要想去来票]|的(?![票电场])){2,10}?)"
    r"(?=[\s,，。!！?？]|$|[\ue000-\ue007]|帮我|给我|还有|有没有|[买订来要抢]\S?[一两三四五六七八九十几\d\ue007])"
    # …and an English one: 两张这周六晚上的Zootopia 2, 帮我订5张下周六的Spider-Man, 买张今晚的Oppenheimer重映, 买一张
    # IMAX的Interstellar重映 (not the screen).
    r"|(?<=[\ue001\ue007场映天x]的)\s*(?!(?:imax|3d|4dx|dolby|movies?|films?|tickets?|tix|show)(?![a-z]))"
    r"([a-z][a-z0-9' :&-]{0,40}?)\s*"
    r"(?=[,，。!！?？]|$|[\ue000-\ue007]|的|重映|首映|帮我|给我|[买订来要抢]\S?[一两三四五六七八九十几\d\ue007])"
    # A sequel said as a part of its own: 退票！哪吒3，后天的; 明晚CGV的IMAX厅，沙丘3，一张; 误杀3 晚上七点半 两张.
    r"|(?:^|(?<=[\s,，。!！:：]))(?![查看买订帮要来]|(?:周|星期|礼拜)\d)([\u4e00-\u9fff]{1,8}\d{1,2})"
    r"(?=[\s,，。!！?？\ue001\ue007]|$)"
    # Between the showing's time and its count of tickets: 今晚七点半碟中谍8三张连座 (周日下午还有连座吗: no title).
    r"|(?<=\ue001)(?![还有])([^\W_a-z的看买订带要想去来票帮抢]{2,10}?)(?=\ue007)"
    # An English title in a Chinese sentence before its showings or tickets: 查下今晚有冇Dune嘅场次 (not the screen).
    r"|(?<=[有\s])(?!(?:imax|3d|4dx|dolby)(?![a-z]))([a-z][a-z0-9' :&-]{0,40}?)\s*(?=的?场次|的票)"
)
# Kinds of film: a film wanted by its kind names none (我想看个喜剧片, "watch a comedy tonight").
FILM_KINDS_ZH = "动画|喜剧|恐怖|科幻|爱情|动作|悬疑|战争|纪录|文艺|警匪|灾难"
FILM_KINDS_EN = "comedy|thriller|horror|drama|documentary|cartoon|rom-com|romcom"
_NOT_A_TITLE = compiled(
    r"^(?:[个场部]?电影|一下|查下|查一下|看|票|首映|首场|点映|重映|就行|就好|都行|也行|可以|那个|这个|场次|附近影院|附近的影院|随便啥座"
    r"|有没有|有吗|还有|几点|几点的|多少钱"
    # (what is asked of the showings, and the showing pointed at: 排片, 有什么场次, 哪些场次, 那场, 同一场, 那天)
    r"|排片|什么|哪些|啥|那场|这场|同一场|那天|看那天"
    # (who goes along: 跟闺蜜, 带娃去)
    r"|(?:跟|和|带|陪)我?的?(?:闺蜜|朋友|孩子|娃|老婆|老公|爸妈|爸爸|妈妈|同事|家人|女朋友|男朋友|对象|宝宝|儿子|女儿)(?:去|一起|看)?"
    rf"|[个场部]?(?:{FILM_KINDS_ZH}|大)片"
    r"|a movie|movie|the movie|film|a film|it|something|one|please|pls|plz|for|to|from|at|on|in|the|me|us|them"
    r"|a|an|my|our|what|what's|whats|hi|hey|hello"
    rf"|(?:a|an|some) (?:{FILM_KINDS_EN})"
    r"|and|or|then|also|instead)$"
)
# The asking said before a title read from 的票 is no part of it: 帮我退掉雾中行者的票, 请你退我的电影票.
_ASKED_BEFORE_A_TITLE = compiled(r"^.*(?:退掉|退了|取消|退|请你|帮我)我?")


# A film named in capitals after watch/see/catch or its tickets, premiere or showtimes ("I want to see Frozen III
# tonight", "3 tickets for Midnight in Marseille") is marked as one said in 《》: the capitals set it off as the
# book-title marks do in Chinese, and keep its words from being read as a time, a place or a train. (The verb in
# lower case, or first in the sentence: "an Apple Watch Series 9" names no film.)
_CAPITALISED_TITLE = compiled(
    # (not "tickets to": places follow it as often as films, "a one-way ticket to Xiamen")
    r"(?:(?<![^\s])(?:watch|see|catch)|^(?:Watch|See|Catch)"
    r"|\b(?:tickets?|tix|seats?)(?: purchase| order| together| left)? for|\b(?:tickets?|tix):"
    # (counted, the film right after: "Help me buy 1 ticket The Last Kopitiam, Saturday 2pm")
    r"|\b(?:\d|one|two|three|four|five|six) (?:tickets?|tix)"
    # (a party booked in for it: "book 2 for Rain City at 14:45", "get us three for …")
    r"|\b(?:book|get|grab) (?:me |us )?(?:\d|one|two|three|four|five|six) for"
    # after the showing's time: "the 4:50pm Lost in the Stars 2", "tonight's 10pm Alien: Earth"
    r"|\b\d{1,2}(?::\d{2})?\s?[ap]m"
    r"|\bpremiere of"
    r"|\b(?:take|taking) (?:the kids|the family|my \w+(?: and (?:her|his|my|our) \w+)?|me|us|them|him|her) to"
    # (a party got into it: "get a family of four into Toy Story 5", "get us into Dune")
    r"|\bget (?:me|us|them|a family of \w+|the \w+ of us|all \w+ of us) into"
    r"|\b(?:showtimes?|showings?|screenings?|schedule|times) (?:for|of)|\bshows? of"
    r"|\b(?:[Ww]hat time|[Ww]hen)(?: is|'s|’s)"
    # (a booking asked after: "my booking for Echoes of Mars", "which seats did I get for Paper Moons")
    r"|\b(?:booking|reservation|did [Ii] get|[Ii] got) for"
    r"|\b(?:are|is) (?:showing|playing|screening))"
    r"\s+(?:the\s+(?:new\s+)?)?"
    # (a number goes on a title only as a word of its own: "Inside Out 2", not "on the 20th" or "at 7:45")
    r"([A-Z][\w'’:&!-]*(?:\s+(?:(?:of|in|the|and|a|an|to|&|-|–)\s+)*[A-Z][\w'’:&!-]*|\s+\d+(?![\w:]))*)"
)
_CAPITALS_RUN = r"([A-Z][\w'’:&!-]*(?:\s+(?:(?:of|in|the|and|a|an|to|&|-|–)\s+)*[A-Z][\w'’:&!-]*|\s+\d+(?![\w:]))*)"
# …or said before its showing or its screen ("any Ne Zha 2 showings", "the 10:40pm Superman screening", "Dune 3
# IMAX"), or as a part of the request of its own between commas ("last row, two seats, Inside Out 3, Sunday").
# (or its tickets, pointed at or counted: "cancel the 2 Zootopia tickets", "refund The Odyssey tickets")
_CAPITALISED_BEFORE_ITS_SHOWING = compiled(
    rf"(?<![\w'’])(?!(?:Is|Are)\s){_CAPITALS_RUN}\s+(?:in\s+)?(?:showings?|screenings?|shows?|premiere|IMAX|3D|Dolby"
    r"|(?:movie\s+)?(?:tickets?|tix|seats)|still in (?:cinemas|theaters|theatres))\b(?!\s+of\b)"
    # (a part of its own is a film of two words or a sequel's number: "Girls, I'm booking…" greets; the last part
    # too, and one after a colon: "book cinema tix, 2 of us, Zootopia 2", "a film for sat: Toy Story 5")
    rf"|(?:^|(?<=[,:])\s*)(?=[^\s,]+\s+[^\s,]|[^\s,]*\d){_CAPITALS_RUN}\s*(?=,|$)"
)
# What comes right before a film said before its showing or tickets (checked apart: as lookbehinds in the regex
# above they made re test each of them at every position of every command).
_BEFORE_ITS_SHOWING = compiled(
    r"(?:\b(?:any|the|for|of|my|our|those|these|refund|cancel|have|has|is|Is|are|much|get|buy|book|grab|"
    + "|".join(word for word in EN_NUMBER_WORDS if word.isalpha())
    + r")|[ap]m|\d) $"
)


def _said_before_its_showing(cased: str, run: re.Match[str]) -> bool:
    if run.group(2):
        return True  # (a part of its own)
    start = run.start(1)
    return start == 0 or _BEFORE_ITS_SHOWING.search(cased, max(0, start - 12), start) is not None


# The first words of a part of the request that are no film's: a greeting, the asking, a holiday, a month.
_NO_FILM_STARTS = frozenset({
    "Hello", "Hi", "Hey", "Dear", "Thanks", "Thank", "Please", "Yes", "No", "Ok", "OK", "Okay", "Sorry", "Order",
    "Book", "Get", "Buy", "Find", "Cancel", "Check", "What", "What's", "Which", "Where", "When", "How", "Is", "Are",
    "Can", "Could", "Would", "Christmas", "New", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "January", "February", "March", "April", "June", "July", "August", "September",
    "October", "November", "December", "Any", "IMAX", "Dolby", "3D", "Valentine", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tonight", "Tomorrow",
    # (kinds of ticket: "2 Business Class tickets", "two Adult tickets")
    "Business", "Economy", "First", "Premium", "Adult", "Adults", "Child", "Kids", "Student", "Senior", "VIP", "Movie",
    "Cinema", "Plane", "Flight", "Train", "Concert", "Return", "One-way", "Need", "Want", "Refund", "Reserve", "Grab",
    "Hold", "Save", "Premiere",
    *(word.capitalize() for word in EN_NUMBER_WORDS if word.isalpha()),  # ("Two tickets for …": the count)
})
# The screen said after the film is no part of its title: "Barbie IMAX tickets".
_SCREENS_AFTER = compiled(r"(?:\s+(?:IMAX|3D|Dolby|4DX))+$")
# An airline's tickets are a flight's: "my Hainan Airlines ticket".
_AN_AIRLINE = compiled(r"\b(?:Airlines|Airways|Air)$")
# Capitalised words that are no film's first: people and screens (and a day said after the film: "see Dune Friday").
_FILM_CUE = compiled(
    "see|watch|catch|ticket|tix|seat|premiere|show|screening|schedule|times|timings|what time|when is|playing|theat"
    "|cinema|movie|film|into|imax|dolby|did i get for|i got for"
    # (a booking of a film: not of a hotel, a flight or a table, "the hotel booking for the Korean delegation")
    "|booking for(?<!hotel booking for)(?<!flight booking for)(?<!room booking for)(?<!table booking for)"
    "|reservation for(?<!hotel reservation for)(?<!flight reservation for)(?<!room reservation for)"
    "(?<!table reservation for)"
)
_NOT_A_FILM = frozenset({
    "I", "I'm", "I'd", "You", "Mom", "Mum", "Dad", "Grandma", "Grandpa", "Granny", "Doctor", "Dr", "Mr", "Mrs", "Ms",
    "Miss", "Santa", "Netflix", "YouTube", "TV", "NBA",
})
_SCREEN_FORMATS = frozenset({"IMAX", "3D", "Dolby", "4DX"})
# A day said right after the film is no part of its title: "see Dune Friday", "Gladiator II on Friday evening".
_DAYS_AFTER = compiled(
    r"(?:(?:^|\s+)(?:(?:on|this|next|at|by)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight"
    r"|Tomorrow|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun))+$"
)


# A holiday in capitals is no film: "seats for the Lantern Festival evening showing of …", ", Spring Festival Eve".
_A_HOLIDAY = compiled(
    r"(?:Chinese New Year|Lunar New Year|Spring Festival|Lantern Festival|Mid-Autumn|Dragon Boat|National Day"
    r"|New Year|Christmas|Valentine)"
)
# What the capitals name instead, said right after them: "tickets for the Coldplay concert", "the Lakers game".
_NO_FILM_AFTER = compiled(
    r"\s+(?:concerts?|games?|match|tour|festival|gig|exhibition|show|musical|play|ballet|opera"
    r"|flights?|hotels?|rooms?|stays?|trip|tables?|restaurant|order|delivery)\b"  # ("my booking for the Lagos flight")
)


# A film named as such: 电影叫长安的荔枝2, 片名是…, "the movie name is Ne Zha 2", "it's called Ne Zha 3" (up to the next
# pause; where tickets or a showing are asked for).
_FILM_NAMED = compiled(
    # (not its name asked: 那个电影叫啥来着)
    r"(?:(?:电影|片子|影片)(?:名字)?(?:叫做|叫|名叫)|片名(?:是|叫)?|电影名(?:是|叫)?)\s*(?!啥|什么|哪)"
    r"([^\s，,。!！?？;；《》]{2,15}?)"
    r"(?=[\s，,。!！?？;；]|$|今天|明天|后天|今晚|明晚|早上|上午|中午|下午|晚上|的(?:票|场|电影)|[一两三四五六七八九十\d]张)"
    r"|(?:(?:movie|film)(?:['’]s)?\s+(?:name|title)\s+is|(?:movie|film)\s+(?:is\s+)?(?:called|named)"
    r"|(?:it['’]s|it\s+is|its)\s+called)\s+([^,.;!?，。；！？]{2,40}?)\s*(?=[,.;!?，。；！？]|$)"
)


def _titles_named(lowered: str, cased: str) -> tuple[str, str]:
    m = _FILM_NAMED.search(lowered)
    if m is None or not (_FILM_CUE.search(lowered) or _FILM_CUE_ZH.search(lowered)):
        return lowered, cased
    start, end = m.span(m.lastindex or 1)
    lowered = f"{lowered[:start]}《{lowered[start:end]}》{lowered[end:]}"
    return lowered, f"{cased[:start]}《{cased[start:end]}》{cased[end:]}"


def titles_marked(lowered: str, cased: str, names_in: Callable[[str], list[NameMention]]) -> tuple[str, str]:
    """Both copies of the command, with a film named in quotes or in capitals put in 《》 where its tickets, showings
    or watching are said (`names_in` finds the catalogue's names in a text)."""
    if "《" not in lowered and any(word in lowered for word in ("叫", "名", "called", "name")):
        lowered, cased = _titles_named(lowered, cased)
    if not _CORNER_MARKS.isdisjoint(lowered) and (_FILM_CUE_ZH.search(lowered) or _FILM_CUE.search(lowered)):
        # 幫我訂兩張「陽光女子合唱團」: Taiwan and Hong Kong quote a film in corner brackets
        lowered, cased = _IN_CORNER_MARKS.sub(r"《\1》", lowered), _IN_CORNER_MARKS.sub(r"《\1》", cased)
    if "《" in lowered or (
        # (Chinese may quote a film as English does: 订5张'熊猫计划2')
        _FILM_CUE.search(lowered) is None and (_QUOTE_MARKS.isdisjoint(lowered) or _FILM_CUE_ZH.search(lowered) is None)
    ):
        return lowered, cased
    if not _QUOTE_MARKS.isdisjoint(lowered):
        lowered, cased = _QUOTES_AS_TITLE_MARKS.sub(r"《\1》", lowered), _QUOTES_AS_TITLE_MARKS.sub(r"《\1》", cased)
        if "《" in lowered:
            return lowered, cased
    if lowered == cased:
        return lowered, cased  # (no capitals, most commands: nothing more to read)
    return _titles_marked_by_capitals(lowered, cased, names_in)


_CORNER_MARKS = frozenset("「『")
_IN_CORNER_MARKS = compiled(r"[「『]\s*([^「『」』]{1,60}?)\s*[」』]")
_FILM_CUE_ZH = compiled(r"张|票|场|电影|影院|影城|首映|排|座|位子|位置|上映|放|演|看")
# A film quoted, as English writes the titles Chinese puts in 《》: "2 tickets for 'Raja Rani Returns'", "'Ola's
# Wedding' on Saturday" (an apostrophe inside a word, I'd or Ola's, opens or closes nothing).
_QUOTE_MARKS = frozenset("'\"‘“")
# (a Chinese word may stand right outside the quotes: 订5张'熊猫计划2'，这周日)
_QUOTES_AS_TITLE_MARKS = compiled(
    r"(?<![^\W\u4e00-\u9fff])['‘\"“]([^'‘’\"“”\s](?:[^'‘’\"“”]|(?<=\w)'(?=\w)){0,60}?)['’\"”](?![^\W\u4e00-\u9fff])"
)


def _first_word(run: re.Match[str]) -> str:
    words = (run.group(1) or run.group(2)).split()
    return words[0].rstrip(".").removesuffix("'s") if words else ""  # (Sunday's showing)


def _titles_marked_by_capitals(
    lowered: str, cased: str, names_in: Callable[[str], list[NameMention]]
) -> tuple[str, str]:
    """Both copies of the command, with a film named in capitals after watch/see or its tickets put in 《》."""
    # (a film read from where it stands, with no word before it that says so, starts with none of _NO_FILM_STARTS)
    matches = [
        *_CAPITALISED_TITLE.finditer(cased),
        *(
            m
            for m in _CAPITALISED_BEFORE_ITS_SHOWING.finditer(cased)
            if _first_word(m) not in _NO_FILM_STARTS and _said_before_its_showing(cased, m)
        ),
    ]
    names = names_in(lowered) if matches else []
    if not matches or any("title" in name.entry.kinds for name in names):
        return lowered, cased  # a film the catalogue knows is the one asked for ("…, no wait, Star Wanderer instead")
    # "see Shanghai": a place the catalogue knows (a dish's word may start a title: Lantern Street)
    places_at = {name.start for name in names if name.entry.kinds & {"city", "landmark", "merchant"}}
    spans: list[tuple[int, int]] = []  # every film marked so ("2 tickets for Ghost Orchard … and 2 for Night Ferry")
    for m in matches:
        group = 1 if m.group(1) else 2  # (the second regex says the run in either of its groups)
        said = _SCREENS_AFTER.sub("", _DAYS_AFTER.sub("", m.group(group)))
        start, end = m.start(group), m.start(group) + len(said)
        if any(start < e and s < end for s, e in spans):
            continue  # (read by both regexes)
        if not said or _NO_FILM_AFTER.match(cased, end) or _AN_AIRLINE.search(said) or _A_HOLIDAY.match(said):
            continue  # "tickets for Saturday", "… the Lakers game"
        if said in _SCREEN_FORMATS:
            continue  # "tickets for the IMAX showing of Avatar": the screen, the film after it
        # Where most other words are capitalised too ("I Want To See My Mom"), capitals mark nothing.
        others = [w for w in cased[:start].split()[1:] + cased[end:].split() if w not in _NOT_A_FILM]
        if said.split()[0].rstrip(".") in _NOT_A_FILM or 2 * sum(w[:1].isupper() for w in others) > len(others):
            continue
        if start not in places_at:
            spans.append((start, end))
    for start, end in sorted(spans, reverse=True):
        lowered = f"{lowered[:start]}《{lowered[start:end]}》{lowered[end:]}"
        cased = f"{cased[:start]}《{cased[start:end]}》{cased[end:]}"
    return lowered, cased


# A row turned down after it is no wish: 第一排的不要, 第一排太近了 (before it: rules.TURNED_DOWN_BEFORE).
# (太近, 太仰脖子了; not 太好了, 太棒了)
_REFUSED_AFTER = compiled(r"\s*的?\s*(?:不要|不行|不好|不想要|算了|别|太(?![好棒爽合适赞]))")


def seat_wish(masked: MaskedText) -> SeatWish | None:
    row = None
    text = masked.current
    rows = [
        m for m in ANY_ROW.finditer(text)
        if not (_REFUSED_AFTER.match(text, m.end()) or TURNED_DOWN_BEFORE.search(text, 0, m.start()))
    ]
    if rows:
        said = rows[0]
        # 中间偏后那种……算了就要后排: the row said after a change of mind
        if len(rows) > 1 and CHANGED_MIND.search(masked.current, rows[0].end(), rows[-1].start()):
            said = rows[-1]
        row = next(row for words, row in _ROW_WORDS if words.match(masked.current, said.start()))
        masked.mask(said.start(), said.end(), SLOT_MARK)
    adjacent = True if first_match(_ADJACENT, masked) is not None else None
    if row is None and adjacent is None:
        return None
    return SeatWish(row=row, adjacent=adjacent)  # type: ignore[arg-type]


_MARKS_NOT_IN_A_TITLE = frozenset(MARKS) - {ITEM_MARK}


# A cinema named by its kind: 万达影城, 大地影院, 横店电影城, 百老汇戏院, 去UME影城 (a place the map knows may be its
# name: 上海影城), its name starting after a verb, a preposition or a mark.
_CINEMA_ZH = compiled(
    r"(?:^|(?<=[在到去的帮我买订了看找,，。:：\s]))((?:[a-z][a-z0-9&'-]{1,15}\s?|[^在到去的帮我买订了看找,，。:：\s]{1,6}?)"
    r"(?:影城|影院|电影城|电影院|影视城|影剧院|戏院))"
)
_NO_CINEMA_NAME = ("附近", "这", "那", "哪", "什么", "最近", "几")


def cinema_named(masked: MaskedText, names: list[NameMention]) -> str | None:
    """The cinema or chain a ticket is asked at, as said (masked): a chain the directory knows (CGV, AMC) or a
    name before 影城/影院 (万达影城); None for 电影院 alone or 附近的影院."""
    shop = next((n for n in names if "merchant" in n.entry.kinds and "movie" in n.entry.merchant_domains), None)
    if shop is not None:
        return shop.said
    text = masked.current
    if ("影" not in text and "戏院" not in text) or (m := _CINEMA_ZH.search(text)) is None:
        return None
    said = masked.original[m.start(1) : m.end(1)]
    if said in ("电影院", "电影城", "影城", "影院") or said.startswith(_NO_CINEMA_NAME):
        return None  # 电影院, 附近的影院, 哪些影院: the kind alone names no cinema
    masked.mask(m.start(1), m.end(1), SLOT_MARK)
    return said


def film_title(masked: MaskedText, names: list[NameMention]) -> str | None:
    """The film as said: a catalogue title, a title in 《》, or one read from 看… / "tickets for …"."""
    if titles := [name for name in names if "title" in name.entry.kinds]:
        # A title the catalogue knows before one only marked as said ("2 tickets for Avatar …, no wait, my husband
        # wants Star Wanderer instead": the film changed to is the catalogue's).
        return next((name.said for name in titles if name.entry.key), titles[0].said)
    return (
        _title_read(masked, _EN_TITLE, _EN_TITLE_BEFORE_TICKETS)
        or _title_said_first(masked)
        or _title_read(masked, _ZH_TITLE)
        or (_title_typed_as_a_keyword(masked) if " " in masked.current else None)
    )


def _title_read(masked: MaskedText, *regexes: re.Pattern[str]) -> str | None:
    """The first title one of `regexes` reads that is a name (not the asking, not a word like 电影)."""
    for regex in regexes:
        for m in regex.finditer(masked.current):
            group = m.lastindex or 1
            said = _ASKED_BEFORE_A_TITLE.sub("", masked.original[m.start(group) : m.end(group)].strip())
            if (
                said
                and not _NOT_A_TITLE.match(said.lower())  # (as the rules read it: "Hi", "My")
                and not EN_ORDER_VERBS.search(said.lower())  # "can I get 2 tickets to …": the asking, no title
                and not any(ch in _MARKS_NOT_IN_A_TITLE for ch in masked.current[m.start(group) : m.end(group)])
            ):
                return said
    return None


# Typed the app-search way, a word of its own between spaces: 小城夜话 今晚九点四十那场 来两张, 第二十条 三张,
# 帮我抢首映 长安的荔枝 一张就行. Not the words around it: the asking, the tickets, the cinema, the seats.
_KEYWORD = compiled(r"[^\s,，。!！?？、]+")
_HAN_CHAR = compiled(r"[\u4e00-\u9fff]")
_NO_TITLE_IN_A_KEYWORD = compiled(
    # (来 only as the asking: 来两张, not the 来 of 重启未来)
    r"电影|影院|影城|影厅|票|场|张|排|座|首映|点映|帮|订|买|抢|要|来(?=[一两三四五六七八九十俩仨\d张])|吗|不|没有|有没|呢|吧|啥|什么"
    r"|附近|几点|一下|就行|看看"
    r"|^(?:我|给|想|请|麻烦|嗯|那个|就是|然后|看|再|还|和|跟)"
)


def _title_typed_as_a_keyword(masked: MaskedText) -> str | None:
    for m in _KEYWORD.finditer(masked.current):
        word = m.group(0)
        if (
            2 <= len(word) <= 10
            and _HAN_CHAR.search(word)
            and _MARKS_NOT_IN_A_TITLE.isdisjoint(word)
            and not _NO_TITLE_IN_A_KEYWORD.search(word)
            and not _NOT_A_TITLE.match(word)
        ):
            return masked.original[m.start() : m.end()]
    return None


# Cinemas open their first showings around nine or ten: a seven or eight said with no am/pm or part of the day
# ("tmrw at half 7", 明天8点的惊蛰无声) is the evening's (nine stays the morning's: "at 9:15 tomorrow" for the kids).
_FIRST_SHOWINGS_HOUR = 9


def showing_time(times: TimeSlots) -> str | None:
    """The showing's clock time: the time read, its half of the day chosen as cinemas keep hours."""
    if times.time is None or not times.hour_guessed or int(times.time[:2]) >= _FIRST_SHOWINGS_HOUR:
        return times.time
    return f"{int(times.time[:2]) + 12:02d}{times.time[2:]}"
