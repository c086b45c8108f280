"""What a speech recogniser, a region or a second language writes, read as the same command in Mandarin or
in plain English.

Transcripts have no commas: a pause between Chinese words comes out as a space (帮我订个酒店 西湖边上 明天住),
and numbers come out spelt ("under eight hundred yuan", "at seven thirty tonight"). Cantonese, Shanghainese,
Sichuanese and northern words have everyday Mandarin ones (走冰: 去冰, 下半天: 下午, 住两宿: 住两晚); English
said inside Chinese is a word of its own (订个business class). Both copies of the command (the one the rules
read and the one as written) change the same way, so their indices still agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bangwo.understand.text import compiled

_HAN = r"\u4e00-\u9fff"
# A space around a hesitation or a correction between Chinese words is a pause (三杯 呃 不对 四杯). Others
# stay spaces: 帮我买一张 山河故梦 reads on as one request.
_BREAKS = "嗯|呃|额|唔|那个|就是|不对|不不|算了|错了|不"
# 就是 after a space says which one was meant (我想喝奶茶 就是珍珠奶茶): a pause before it too; and before the way
# back said on its own (往返 周四去 周日回来).
_PAUSE_AS_SPACE = compiled(
    rf"(?<=[{_HAN}]) (?=(?:{_BREAKS})(?: [{_HAN}0-9]|$)|就是|[^ ，,]{{1,8}}?(?:回来|返回|[回返])(?: |$)"
    # 奶茶两杯 一杯热的一杯去冰 都少糖: a count after a count, and what is said of all of them, start anew.
    rf"|(?<=[杯份个瓶碗盒袋斤箱] )[一两二三四五六七八九十\d]+[杯份个瓶碗盒袋斤箱]|都|全部|全都)"
)
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# What hundreds are counted by: "eight hundred", "fifteen hundred".
_HUNDREDS_OF = {**_UNITS, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_HOURS = {**_UNITS, "ten": 10, "eleven": 11, "twelve": 12}
_MINUTES = {"o'clock": 0, "oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
            "forty five": 45, "forty-five": 45, "fifty": 50}
# "eight hundred", "two hundred and fifty", "a thousand": amounts said in words.
_HUNDREDS = compiled(
    rf"\b(?P<hundreds>{'|'.join(sorted(_HUNDREDS_OF, key=len, reverse=True))}|a) hundred(?: and)?"
    rf"(?: (?P<tens>{'|'.join(_TENS)}))?\b"
    r"|\b(?P<thousands>a|one|two|three|five) thousand\b"
)
_HOUR_WORDS = "|".join(sorted(_HOURS, key=len, reverse=True))
# "seven thirty", "four fifteen": an hour and its minutes, said as two numbers.
_CLOCK = compiled(
    rf"\b(?P<hour>{_HOUR_WORDS}) "
    rf"(?P<minutes>{'|'.join(sorted(_MINUTES, key=len, reverse=True))})\b(?! (?:tickets?|people|nights?|rooms?))"
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# "on the twentieth", "March third", "the twenty-first": a day of the month, said in words.
_DAY_OF_MONTH = compiled(
    rf"\b(?P<lead>the|{_MONTHS}) (?:(?P<twenty>twenty|thirty)[- ])?(?P<day>{_ORDINAL})\b"
    r"(?! (?:row|class|floor|time|one|ones|flight|showing|show)\b)"
)
# "around nine", "by ten": an hour said in words after the word that says it is a time, and before what
# may follow a time ("from Five Guys" is a shop).
_HOUR_AFTER = compiled(
    rf"\b(?P<lead>around|about|at|by|till|until|before|after|from) (?P<hour>{_HOUR_WORDS})"
    r"(?=\s*(?:$|[,.!?;]|(?:am|pm|o'?clock|ish|sharp|tonight|today|tomorrow|this|in|on|and|or|for|to|till|until"
    r"|please|pls|then|so|the)\b))"
)
# "18h", "19h30": a clock time as written in France, Germany or Russia; "8 o clock" without its apostrophe.
_HOURS_WITH_H = compiled(r"\b(?P<hour>[6-9]|1\d|2[0-3])h(?P<minutes>[0-5]\d)?\b")
_O_CLOCK = compiled(r"\bo clock\b")
# "8 p m", "ten a m": the meridiem spelt letter by letter, as a transcript writes it.
_SPELT_MERIDIEM = compiled(r"(?<=[\dk-z]) ([ap]) m\b")
# "ten to nine", "twenty past eight": minutes to or past an hour, said in words.
_MINUTES_AROUND = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25}
_MINUTES_AROUND_AN_HOUR = compiled(
    # (after the word that says it is a time: "from ten to five" is a span)
    r"(?:(?<=\bat )|(?<=\baround )|(?<=\babout )|(?<=\bby )|(?<=\blike ))"
    r"(?P<minutes>twenty-five|twenty five|twenty|ten|five) (?P<way>to|past|after) "
    rf"(?P<hour>{_HOUR_WORDS}|1[0-2]|[1-9])\b"
)


def _minutes_around_an_hour(said: re.Match[str]) -> str:
    hour = _HOURS.get(said["hour"]) or int(said["hour"])
    minutes = _MINUTES_AROUND[said["minutes"]]
    if said["way"] == "to":
        hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
    return f"{hour}:{minutes:02d}"


# "under 1,800 yuan": a thousands comma, written without.
_THOUSANDS_COMMA = compiled(r"(?<=\d),(?=\d{3}(?!\d))")
# Days typed with a digit ("2moro", "2nite"), then counts typed onto their word ("3cokes", "2tix"), not clock
# times, ordinals or sizes (2pm, 3rd, 10th, a 5kg bag).
_TEXTISMS = {"2moro": "tomorrow", "2morrow": "tomorrow", "2morow": "tomorrow", "2nite": "tonight", "2day": "today"}
_TEXTISM = compiled(r"\b(?:" + "|".join(_TEXTISMS) + r")\b")
# Words texted short: "wat flights r there", "can u get me pad thai x2 n a green curry" (a letter on its own, not
# one of "u.s." or "r&b").
_TEXTED_WORDS = {
    "wat": "what", "wot": "what", "r": "are", "u": "you", "ur": "your", "n": "and", "thru": "through",
    "flt": "flight", "flts": "flights", "rms": "rooms",  # the search box's shorthand (RM 300 is ringgit)
    "nt": "night", "nts": "nights", "wkend": "weekend",  # a phone's shorthand: "3 nts", "this wkend"
    "hows": "how's", "wheres": "where's", "whens": "when's",  # (typed without the apostrophe)
}
_TEXTED_WORD = compiled(r"(?<![\w'’.&-])(?:" + "|".join(_TEXTED_WORDS) + r")(?![\w'’.&-])")
# "1 lg pepperoni pizza": large, before the English it sizes (lg想喝可乐 is a husband, 老公)
_LARGE_TEXTED = compiled(r"(?<![\w'’.&-])lg(?= [a-z])")
# "hotel sanya 3n 2rm": nights and rooms glued to their count.
_STAY_UNITS = {"n": "nights", "rm": "rooms", "rms": "rooms"}
_GLUED_STAY = compiled(r"(?<![a-z0-9.:/,])(\d{1,2})(n|rms?)\b")
_GLUED_COUNT = compiled(
    r"(?<![a-z0-9.:/,])(\d{1,3})(?:(?!(?:am|pm|st|nd|rd|th|hrs?|mins?|pcs|kgs|lbs)\b)(?=[a-z]{3,})"
    r"|(?=(?:kgs?|lbs?|jin) of\b))"  # (a weight of something is its count: "2kg of apples"; "a 5kg bag" its size)
)
# "19.00", "20.30": a clock time written with a dot, where what follows the dot is no month (a day and a month,
# 15.04, are a date: times.py; so is a month and its day before a part of the day, 12.24晚上). No price: "12.50 yuan",
# "under 15.50".
_DOTTED_CLOCK = compiled(
    r"(?<![\d.:/¥$])(?<!under )(?<!below )(?<!budget )(?<!max )(?P<hour>[01]?\d|2[0-3])\.(?P<minutes>00|1[3-9]|[2-5]\d)"
    r"(?![\d.])(?!\s*(?:kg|g|l|ml|yuan|rmb|kuai|元|块|%|km|m|cm|斤|公斤|hours?|hrs?|stars?|each|per|a night|/))"
    r"(?!\s*(?:早上|上午|中午|下午|晚上|傍晚|凌晨|号|日))"
)


def _h_clock(said: re.Match[str]) -> str:
    return f"{said['hour']}:{said['minutes'] or '00'}"


def _day_of_month(said: re.Match[str]) -> str:
    day = _ORDINALS[said["day"]] + (20 if said["twenty"] == "twenty" else 30 if said["twenty"] else 0)
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day // 10 != 1 else 0, "th")
    return f"{said['lead']} {day}{suffix}"


def _hour(said: re.Match[str]) -> str:
    return f"{said['lead']} {_HOURS[said['hour']]}"


def _amount(said: re.Match[str]) -> str:
    if said["thousands"]:
        return str(1000 * _UNITS.get(said["thousands"], 1))
    return str(100 * _HUNDREDS_OF.get(said["hundreds"], 1) + _TENS.get(said["tens"] or "", 0))


def _clock(said: re.Match[str]) -> str:
    return f"{_HOURS[said['hour']]}:{_MINUTES[said['minutes']]:02d}"


# Singapore and Malaysia English, as plain English: "tapau"/"da bao" orders to take away, "X got Y or not?" asks
# whether X has Y, "reach already or not?" whether it has arrived; the particles at the end of a phrase say nothing
# ("how much ah?", "cancel my order lah").
_SINGLISH = {
    "tapau": "order", "ta pau": "order", "da bao": "order", "dabao": "order", "got sell": "any", "got": "any",
    "reach already or not": "arrived yet", "already or not": "yet",
    "can help me": "please help me", "can or not": "please", "can": "please",
}
_SINGLISH_SAID = compiled(
    r"\b(?:tapau|ta pau|da bao|dabao|reach already or not|already or not|can help me|can or not)\b"
    # ("got" asks only with "or not" after it, or first: "Got premiere tickets for Ah Boys?", "Toast Box got what")
    r"|\bgot(?: sell)?\b(?=.*\bor not\b)|^got\b|\bgot(?= what\b)"
    r"|(?<=[a-z]) can(?=\s*\?)"  # "half sugar less ice can?"
    r"|\s*,?\s*\b(?:lah|leh|lor|meh|hor|sia|ah)\b(?=\s*[?.!,]|$)"
)
_SINGLISH_HINT = compiled(
    r"tapau|ta pau|da bao|dabao|got|or not|can help|can ?\?|lah\b|leh\b|lor\b|meh\b|hor\b|sia\b| ah\b"
)


def _in_plain_words(said: re.Match[str]) -> str:
    word = said[0].strip(" ,")
    plain = _SINGLISH.get(word, "")
    return said[0][: len(said[0]) - len(said[0].lstrip())] + plain if plain else ""


# Each way of spelling out, how it is written in digits, and what every match holds: a search that starts with a
# plain character (re skips to it in C), which spares most commands the pattern's own search.
_SPELT_OUT: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str], re.Pattern[str]], ...] = (
    (_HUNDREDS, _amount, compiled("hundred|thousand")),
    (_MINUTES_AROUND_AN_HOUR, _minutes_around_an_hour, compiled("(?:five|ten|twenty) (?:to|past|after) ")),
    (_CLOCK, _clock, compiled("|".join(_MINUTES))),
    (_DAY_OF_MONTH, _day_of_month, compiled("|".join(_ORDINALS))),
    (_HOUR_AFTER, _hour, compiled("around|about|at|by|till|until|before|after|from")),
    (_HOURS_WITH_H, _h_clock, compiled(r"\dh")),
    (_DOTTED_CLOCK, _h_clock, compiled(r"\d\.\d")),
    (_O_CLOCK, lambda _said: "o'clock", compiled("o clock")),
    (_SPELT_MERIDIEM, lambda said: f" {said[1]}m", compiled(" [ap] m")),
    (_THOUSANDS_COMMA, lambda _said: "", compiled(r"\d,\d")),
    (_TEXTISM, lambda said: _TEXTISMS[said[0]], compiled("2mo|2ni|2da")),
    (_TEXTED_WORD, lambda said: _TEXTED_WORDS[said[0]], _TEXTED_WORD),
    (_LARGE_TEXTED, lambda _said: "large", compiled("lg ")),
    (_GLUED_COUNT, lambda said: said[1] + " ", compiled(r"\d[a-z]{3}|\d(?:kgs?|lbs?|jin) of")),
    (_GLUED_STAY, lambda said: f"{said[1]} {_STAY_UNITS[said[2]]}", compiled(r"\d(?:n|rms?)\b")),
    (_SINGLISH_SAID, _in_plain_words, _SINGLISH_HINT),
)
# A request wrapped in courtesy is the request ("please" keeps that it asks): "is there any way you could order
# me…", "I was wondering if you could get…", "any chance you can…", 有没有办法帮我买… (有没有办法让孩子少玩手机 asks
# for advice, not a service: only before a verb that asks for one).
_COURTESY = compiled(
    r"\b(?:is there (?:any|a) way|any chance|i was wondering|i'm wondering|i was hoping|i'm hoping"
    r"|would it be possible)"
    r"(?: (?:that|if|whether|for you))?(?: (?:you|u) (?:could|can|would|might)(?: be able to)?| to| of)?\b"
    r"|\bdo you think (?:you|u) (?:could|can)\b"
    r"|有没有(?:什么)?办法(?=帮|给我|订|买|点|预|抢|叫)|有办法(?=帮|给我|订|买|点|预|抢|叫)"
)
_COURTESY_HOLDS = compiled("way|chance|wonder|hoping|possible|think|办法")


def _courtesy(said: re.Match[str]) -> str:
    return "please" if said[0].isascii() else ""


# Days and parts of the day typed in pinyin inside a Chinese command (mingtian zaoshang 8点送一杯美式).
_PINYIN_TIMES = {
    "jintian": "今天", "mingtian": "明天", "houtian": "后天", "zuotian": "昨天", "jinwan": "今晚", "mingwan": "明晚",
    "zaoshang": "早上", "shangwu": "上午", "zhongwu": "中午", "xiawu": "下午", "wanshang": "晚上", "yexiao": "夜宵",
}
_PINYIN_TIME = compiled(r"\b(?:" + "|".join(_PINYIN_TIMES) + r")\b")


# Regional characters with one Mandarin reading each (Cantonese written forms; 嗰 comes out of the
# traditional-to-simplified table as 𠮶, 搵 as 揾; 咩 is what, 畀 gives, 仲 is still, 拣 picks, 嗌 calls for).
_CANTONESE_CHARACTERS = "嘅喺冇揾睇咗唔佢啲俾𠮶咩畀仲拣嗌"
_REGIONAL_CHARACTERS = str.maketrans(_CANTONESE_CHARACTERS, "的在没找看了不他些给那啥给还选叫")
_REGIONAL_CHARS = frozenset(_CANTONESE_CHARACTERS)
# Regional words and phrases, and their Mandarin.
_REGIONAL_WORDS = {
    "走冰": "去冰", "走甜": "无糖", "少甜": "少糖",
    "下半天": "下午", "上半天": "上午", "礼拜天": "周日", "礼拜日": "周日", "挨到起": "挨着", "来回机票": "往返机票",
    "出了票没": "出票了吗", "出票未": "出票了吗", "订好了伐": "订好了吗", "好了伐": "好了吗", "成功没有": "成功了吗",
    # Cantonese days and places (𠮶 is 嗰)
    "听日": "明天", "琴日": "昨天", "后日": "后天", "夜晚": "晚上", "晚黑": "晚上", "𠮶边": "那边", "𠮶度": "那里",
    "挨到坐": "挨着坐",
    # Hong Kong's Cantonese as written: now, this morning, the afternoon, tomorrow night, just now, what it costs,
    # is there, which shop, when, why, whether, where it has got to, sitting together, the last row, cheaper than
    "而家": "现在", "朝早": "早上", "今朝": "今早", "下昼": "下午", "晏昼": "中午", "听晚": "明晚", "琴晚": "昨晚",
    "头先": "刚才", "啱啱": "刚刚", "几钱": "多少钱", "几多钱": "多少钱", "有冇": "有没有", "边间": "哪家",
    "点样": "怎样", "边度": "哪里", "咩戏": "什么电影",
    "点解": "为何", "系咪": "是否", "去到边": "到哪了", "到边": "到哪",
    "坐埋一齐": "坐在一起", "埋一齐": "在一起", "最尾": "最后", "平过": "低于", "平啲": "便宜", "唔使": "不用",
    "唔该": "谢谢", "戏飞": "影票", "睇戏": "看电影", "同埋": "还有", "仲未": "还没", "播紧": "在放",
    # 飞 is a ticket after 嘅 or a question of whether there are any: 《九龍夜雨》嘅飛, 仲有冇飛
    "嘅飞": "的票", "有冇飞": "有没有票", "冇飞": "没票", "电影飞": "电影票",
    # Taiwan's words: 外送 for delivery, a 计程车 is a taxi, 台铁 the railway, 捷运 the metro, 那笔 an order
    "外送": "外卖", "计程车": "出租车", "台铁": "火车", "捷运": "地铁", "那笔": "那单", "这笔": "这单",
    "有在演": "在放",
    # Southwestern Mandarin and Hunanese: 嘞 for 的 (我嘞米粉), 哒 and 咯 for 了 (不要哒, 退咯), 冒得/没得 for
    # 没有, 起 for done (订起没得), 咋个 how, 么子/撒子/啥子 what, 莫要 don't want, 黑了 the evening, 连到坐 together
    "嘞": "的", "哒": "了", "咯": "了", "冒得": "没有", "没得": "没有", "起没得": "好了没有", "咋个": "怎么",
    "么子": "什么", "撒子": "什么", "啥子": "什么", "莫要": "不要", "今天黑了": "今天晚上",
    "明天黑了": "明天晚上", "连到坐": "挨着坐", "连起坐": "挨着坐",
    # the Northeast's: 俺 I, 明儿个 tomorrow; Cantonese: 今晚黑 tonight, 前一日 the day before, 去咗边 where it is
    "俺": "我", "明儿个": "明天", "今儿个": "今天", "后儿个": "后天", "今晚黑": "今晚", "前一日": "前一天",
    "后一日": "后一天", "去咗边": "到哪了", "揾下": "查下",
    # two days said as one: 明后两晚 (tomorrow and the day after), 今明两天
    "明后两": "明天起两", "今明两": "今天起两",
}
# 住两宿: nights (after a number only: 宿舍 stays). Every alternative starts with its own character (no class), the
# lookbehind after it, so that re skips ahead to where one can match: one [砖樽] made the search eight times slower.
_REGIONAL = compiled(
    "|".join(sorted(map(re.escape, _REGIONAL_WORDS), key=len, reverse=True))
    + r"|宿(?<=[一两三四五六七八九十\d]宿)"
    + r"|冒(?<=[哒了]冒)(?=\s*[？?。，,！!]|$)"  # 出票哒冒: done or not
    + r"|莫(?=[买点订送放加])"  # 莫买豆腐了: don't
    + r"|加多(?=[杯份碗个只瓶罐])"  # Cantonese 加多杯: one more
    # the North's and the Southwest's 整 for 来 (整俩票, 整杯热豆浆, 整点烧烤; not 一整箱, 整个下午, 八点整)
    + r"|整(?<![一完调修])(?=[一两俩仨三四五六七八九十几杯份碗张瓶箱串]|点(?!钟))"
    # 苹果香蕉一样来两斤: each (跟上次一样来一杯 is the same again)
    + r"|一(?<![跟和同像次天回的]一)样(?=来?[一两二三四五六七八九十\d])"
    + r"|哈(?<=[看查]哈)(?!尔)|一哈(?!尔)"  # Sichuanese 看哈, 查一哈: a look (看看哈尔滨, 五一哈尔滨 is Harbin)
    # Cantonese after a count: 同 joins (豬扒包同一杯奶茶), 行 is a row (第一行, 最尾一行), 蚊 is yuan (50蚊),
    # 砖 a block of tofu, 樽 a bottle; 未 ends a question (送到未？), 食 eats (想食寿司)
    + r"|同(?=[一两二三四五六七八九十\d])(?!一(?:天|日|晚|时|样|家|间|地|趟|班|批|个))"
    + r"|行(?<=[一\d]行)|蚊(?<=[\d十百千]蚊)|砖(?<=[一两二三四五六七八九十\d]砖)|樽(?<=[一两二三四五六七八九十\d]樽)"
    + r"|冻(?=[柠奶鸳咖可红绿阿])"  # a cold drink: 冻柠茶, 冻鸳鸯, 冻咖啡
    # 飞 for tickets, counted and said last (两张飞; not 三张飞驰人生3 nor 两张飞机票)
    + r"|飞(?<=张飞)(?=[\s,，。!！?？的吗呀]|$)"
    # (未 ends a question whatever is asked: 出咗票未, 确认咗未, 改咗时间未)
    + r"|未(?=\s*[？?。，,！!呀啊喎]|$)|食(?<=[想要去]食)(?![物堂品材])"
    # The typos everyone makes typing fast: 到那了 for 到哪了, 定 for 订 (我定的酒店, 帮我定两张), 在 for 再 before
    # the next request (在帮我点个全家桶)
    + r"|那(?<=到那)(?=里?了|儿了)|定(?<=[我帮给想要]定)(?=的|[一两三四五六七八九十\d个张间份杯晚]|机票|酒店|票|房)"
    + r"|在(?=帮我|给我来|来一|点一|订一|买一)"
)


# 饭店 is a hotel in Taiwan and in many a hotel's name, a restaurant in most of the mainland: a hotel where a room
# is counted before it or a stay said after it, in its clause or the next (订一间外滩附近的饭店, 饭店住两晚,
# 那霸的饭店，5月1号到5号; not 饭店吃饭，酒店住两晚).
_A_HOTEL_CALLED_FANDIAN = compiled(
    r"间[^，,。;；]{0,10}?饭店"
    r"|饭店(?=(?:(?!吃|餐|酒店|宾馆|民宿)[^。;；]){0,12}?(?:住|[一两二三四五六七八九十\d]晚|房|[号日](?:到|至)))"
)


def _fandian_as_a_hotel(lowered: str, cased: str) -> tuple[str, str]:
    for m in _A_HOTEL_CALLED_FANDIAN.finditer(lowered):
        at = m.end() - 2  # (both ways of saying it end on 饭店; the copies keep their length)
        lowered, cased = f"{lowered[:at]}酒店{lowered[m.end():]}", f"{cased[:at]}酒店{cased[m.end():]}"
    return lowered, cased


# The characters and short words read as Mandarin only where they stand (see _REGIONAL).
_REGIONAL_CHARACTER_AFTER = {
    "宿": "晚", "哈": "一下", "同": "和", "行": "排", "蚊": "块", "砖": "块", "樽": "瓶", "未": "没",
    "食": "吃", "冻": "冰", "那": "哪", "定": "订", "在": "再", "飞": "票", "冒": "没", "莫": "别", "加多": "再加",
    "一哈": "一下", "整": "来", "一样": "各",
}


def _in_mandarin(said: re.Match[str]) -> str:
    word = said[0]
    return _REGIONAL_WORDS.get(word) or _REGIONAL_CHARACTER_AFTER[word]


# English inside Chinese ends where the Chinese starts: 订个business class，economy就行 (a name a shop is said
# by keeps its 的: 点个KFC的全家桶).
_LATIN_LETTER = compiled("[a-z]")
_SCRIPTS_MEET = compiled(
    r"(?<=[a-z])(?=[\u4e00-\u9fff])(?!的)|(?<=[\u4e00-\u9fff])(?=[a-z])"
    r"|(?:(?<=tonight)|(?<=today)|(?<=tomorrow))(?=的)"  # (a day is no shop: 两张tonight的票)
)
# An English verb said beside Chinese, as its Chinese one: cancel掉那个order, check一下我明天的flight, 帮我book一个,
# look up一下 (after the scripts were set apart by a space).
_ENGLISH_VERBS_IN_CHINESE = {"cancel": "取消", "check": "查", "book": "订", "look up": "查", "refund": "退"}
# (with the spaces around it, so that no pause is read between Chinese words; not "check in", "check out")
_VERB_SAID_IN_ENGLISH = r"(?:cancel|check(?!\s*(?:in|out)\b)|book|look up|refund)(?![a-z'])"
_ENGLISH_VERB_IN_CHINESE = compiled(
    rf"(?<=[\u4e00-\u9fff]) {_VERB_SAID_IN_ENGLISH}(?: (?=[\u4e00-\u9fff]))?"
    rf"|(?<![a-z'])(?<![\u4e00-\u9fff] ){_VERB_SAID_IN_ENGLISH} (?=[\u4e00-\u9fff])"
)
# A space typed between a number and its Chinese measure or date word: 晚上 7 点, 5 月 30 号, 2 张.
_NUMBER_SPACED = compiled(r"(?<=\d) +(?=[点号月日时分斤杯份张个间晚位人块元])|(?<=[月到]) +(?=\d)")


# A hesitation said between a count and what it counts, or a verb and its count, is no word of either: 六瓶那个安慕希,
# 买一个那个瑞士卷, 给我买呃六瓶 (a count said again after 呃 corrects the one before: 两张 呃 三张, corrections.py).
_FILLER_HOLDS = compiled("那个|呃|嗯|额")
_FILLER_INSIDE_A_REQUEST = compiled(
    rf"(?<=[个杯份瓶碗盒袋斤箱包只张提桶串罐听])\s*那个\s*(?=[{_HAN}])"
    rf"|(?<=[买来要订])\s*(?:呃|嗯|额)+\s*(?=[一两二三四五六七八九十俩仨\d])"  # (not 三点 呃 三点半: a clock)
)


def as_typed(lowered: str, cased: str) -> tuple[str, str]:
    """The command as typed Mandarin or plain English, in both copies: pauses as commas, regional words and days
    typed in pinyin as Mandarin ones, a request wrapped in courtesy as "please", spelt amounts and clock times as
    digits."""
    if " / " in lowered:  # "two tickets, middle row / then a pizza": a slash set apart parts requests
        lowered, cased = lowered.replace(" / ", " ; "), cased.replace(" / ", " ; ")
    # (the words first: 有冇, 唔该 and 唔使 are read whole, before their characters one by one)
    if _REGIONAL.search(lowered):
        lowered, cased = substituted(_REGIONAL, _in_mandarin, lowered, cased, keep_written=True)
    if not _REGIONAL_CHARS.isdisjoint(lowered):
        lowered = lowered.translate(_REGIONAL_CHARACTERS)  # (the written copy keeps them: same places)
    if "饭店" in lowered:
        lowered, cased = _fandian_as_a_hotel(lowered, cased)
    if _COURTESY_HOLDS.search(lowered):
        lowered, cased = substituted(_COURTESY, _courtesy, lowered, cased)
    if lowered.isascii():
        return _in_plain_english(lowered, cased)
    if _LATIN_LETTER.search(lowered):
        lowered, cased = substituted(_PINYIN_TIME, lambda said: _PINYIN_TIMES[said[0]], lowered, cased)
        lowered, cased = substituted(_SCRIPTS_MEET, lambda _: " ", lowered, cased)
        lowered, cased = substituted(
            _ENGLISH_VERB_IN_CHINESE, lambda said: _ENGLISH_VERBS_IN_CHINESE[said[0].strip()], lowered, cased
        )
    if _FILLER_HOLDS.search(lowered):
        lowered, cased = substituted(_FILLER_INSIDE_A_REQUEST, lambda _: "", lowered, cased)
    if " " in lowered:
        lowered, cased = _NUMBER_SPACED.sub("", lowered), _NUMBER_SPACED.sub("", cased)
        lowered, cased = _PAUSE_AS_SPACE.sub("，", lowered), _PAUSE_AS_SPACE.sub("，", cased)
    return _in_plain_english(lowered, cased)


def _in_plain_english(lowered: str, cased: str) -> tuple[str, str]:
    for pattern, written, holds in _SPELT_OUT:
        if holds.search(lowered):
            lowered, cased = substituted(pattern, written, lowered, cased)
    return lowered, cased


def substituted(pattern: re.Pattern[str], written: Callable[[re.Match[str]], str], lowered: str, cased: str,
                keep_written: bool = False) -> tuple[str, str]:
    """Each match in the lowered copy replaced in both copies (at the same places); with `keep_written`, a word
    replaced by one of the same length changes the rules' copy only, so a name holding it stays as written (the
    凍 of 凍檸茶 reads as 冰)."""
    pieces_lowered, pieces_cased, at = [], [], 0
    for said in pattern.finditer(lowered):
        new = written(said)
        pieces_lowered += [lowered[at : said.start()], new]
        kept = keep_written and len(new) == len(said[0])
        pieces_cased += [cased[at : said.start()], cased[said.start() : said.end()] if kept else new]
        at = said.end()
    if not at:
        return lowered, cased
    return "".join([*pieces_lowered, lowered[at:]]), "".join([*pieces_cased, cased[at:]])
