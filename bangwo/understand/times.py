"""Dates, spans, clock times and parts of the day, resolved against `now` with a future bias.

A person asking for something names a moment still to come: "周五" said on a Saturday is
the coming Friday, "八点" said at 10:00 is 20:00 today, "早上八点" said at 10:00 is
tomorrow morning. Rules, not a library: the libraries tried get Chinese wrong or are slow
(see NOTES-nlu.md).

Rules chosen for the ambiguous cases (each one is tested in tests/test_understand_times.py):
- Weeks start on Monday. "下周五" / "next Friday" / "Friday next week" is the Friday of next
  week, whatever today is (on Tuesday 2026-02-10 that is 02-20, not 02-13): one rule for
  both languages, the one most people use. A bare "周五" / "Friday" is the coming one
  (today when today is Friday). "这周五" / "this Friday" is this week's, or, once it has
  passed, the coming one (a request cannot be for a past day).
- A clock hour with no am/pm and no part of the day ("三点", "at 7:30") is the next such
  moment today between 07:00 and 24:00; failing that, any later moment today; failing that,
  tomorrow, where 1–6 o'clock means the afternoon and 7–12 the morning. On another named
  day ("明天三点") the same daytime guess applies: 1–6 pm, 7–12 am.
- "晚上十二点" / "midnight" is the end of that day: 00:00 of the next one.
- Spring Festival days use that year's festival until a month after 元宵, then next year's
  (see calendar.SEASON_GRACE). Gregorian dates (2月14日, Feb 14, 14号) are strictly
  future: a passed one is next year's / next month's.
- A span "X到Y" / "from X to Y" gives date X and end_date Y; when Y would come before X
  (周五到周一, 28号到2号) Y moves to its next occurrence after X.
- "New Year's Eve" alone is left unread: Dec 31 or 除夕 depends on who says it.
"""

from __future__ import annotations

import contextlib
import re
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from bangwo.understand.backstory import asked_after_a_told_clause
from bangwo.understand.calendar import (
    EVE,
    LANTERN,
    LUNAR_NEW_YEAR,
    festival_day,
    lunar_festival_day,
    twelfth_month_day,
)
from bangwo.understand.numbers import EN_NUMBER_WORDS, ZH_NUMBER, parse_number
from bangwo.understand.rules import TURNED_DOWN_BEFORE
from bangwo.understand.text import TIME_MARK, MaskedText, compiled, letter_led

__all__ = ["LUNAR_NEW_YEAR", "SHANGHAI", "WINDOW_END_HOUR", "TimeSlots", "find_times"]

SHANGHAI = ZoneInfo("Asia/Shanghai")

# When each part of the day is over (hours after the day's midnight): past it, "晚上" means tomorrow's.
WINDOW_END_HOUR = {"morning": 12, "noon": 14, "afternoon": 18, "evening": 24, "night": 29}

_WEEKDAY_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6, "末": 5}
_WEEKDAY_ZH |= {str(n): n - 1 for n in range(1, 8)}  # typed with a digit: 周5, 星期6
_WEEKDAY_EN = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
    "wee": 5,  # weekend: its Saturday
}
_MONTH_EN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6}
_MONTH_EN |= {"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_LUNAR_DAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# The numbers a clock hour is said with in English ("at eight"): one to twelve, in words.
_EN_HOUR_WORDS = {
    word: value
    for word, value in EN_NUMBER_WORDS.items()
    if word.isalpha() and value <= 12 and word not in ("a", "an", "single", "dozen")
}

_N = ZH_NUMBER
# Words that fix the day and, for some (今晚, 明早), the part of the day too.
_RELATIVE_DAY_ZH: dict[str, tuple[int, str | None]] = {
    "大后天": (3, None),
    "后天": (2, None),
    "明天": (1, None),
    "明日": (1, None),
    "明儿": (1, None),
    "明早": (1, "morning"),
    "明晚": (1, "evening"),
    "今天": (0, None),
    "今日": (0, None),
    "今儿": (0, None),
    "今早": (0, "morning"),
    "今晚": (0, "evening"),
    "今夜": (0, "night"),
    "当天": (0, None),
}
# "tomorrow night" is an evening out, like "tonight" and 明晚; "night" alone is late.
_RELATIVE_DAY_EN: dict[str, tuple[int, str | None]] = {
    "the day after tomorrow": (2, None),
    "day after tomorrow": (2, None),
    "the day after tmrw": (2, None),
    "day after tmrw": (2, None),
    "day after tmr": (2, None),
    "after tomorrow": (2, None),  # as a second language says 后天: "book plane ticket after tomorrow night"
    "tomorrow night": (1, "evening"),
    "tomorrow": (1, None),
    "from next day": (1, None),  # (second-language English: "one week, from next day")
    "tmrw": (1, None),
    "tmr": (1, None),
    # As typed on a phone: spelt short, or misspelt.
    "2morrow": (1, None),
    "2moro": (1, None),
    "tomorow": (1, None),
    "tommorow": (1, None),
    "tommorrow": (1, None),
    "tonight": (0, "evening"),
    "tonite": (0, "evening"),
    "2nite": (0, "evening"),
    "2night": (0, "evening"),
    "tn": (0, "evening"),  # ("any flights Kunming to Dali tn")
    "today": (0, None),
    "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"),
}
_WINDOW_ZH = {
    "早上": "morning",
    "早晨": "morning",
    "清晨": "morning",
    "一早": "morning",
    "一大早": "morning",
    "上午": "morning",
    "早饭": "morning",
    "早餐": "morning",
    "中午": "noon",
    "午饭": "noon",
    "午餐": "noon",
    "晌午": "noon",
    "下午": "afternoon",
    "傍晚": "evening",
    "晚上": "evening",
    "晚饭": "evening",
    "晚餐": "evening",
    "晚间": "evening",
    "晚场": "evening",  # a film's evening showings
    "早场": "morning",
    "夜场": "night",
    "夜里": "night",
    "夜间": "night",
    "深夜": "night",
    "半夜": "night",
    "凌晨": "night",
    "夜宵": "night",
    "宵夜": "night",
    "红眼": "night",  # 红眼航班
    "早班": "morning",  # 早班机
    "晚班": "evening",
}
_WINDOW_EN = {
    "morning": "morning",
    "first thing": "morning",  # "first thing tomorrow"
    "breakfast": "morning",
    "noon": "noon",
    "midday": "noon",
    "mid-day": "noon",
    "lunchtime": "noon",
    "lunch": "noon",
    "afternoon": "afternoon",
    "arvo": "afternoon",
    "evening": "evening",
    "dinner": "evening",
    "supper": "evening",
    "midnight": "night",
    "late night": "night",
    "late-night": "night",
    "night": "night",
    "red eye": "night",
    "red-eye": "night",
    "redeye": "night",
}
# Late words narrow the evening of "tonight" or 今晚 said with them: "a late night flight tonight", 今晚的红眼.
_LATE_WORDS = frozenset({"late night", "late-night", "red eye", "red-eye", "redeye", "深夜", "红眼", "半夜", "凌晨"})
# Meal words (午饭, dinner) also name a part of the day but stay readable for the food rules,
# so they are matched without being masked.
_MEAL_WINDOW_WORDS = frozenset(
    {"早饭", "早餐", "午饭", "午餐", "晚饭", "晚餐", "夜宵", "宵夜", "breakfast", "lunch", "dinner", "supper"}
)


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# ---- cheap pre-checks: a rule group runs only when one of its characters occurs ----------
_FESTIVAL_ZH_CHARS = frozenset("除初宵节年正旦诞庆腊")
# (said without 节 too: 中秋前一天; 午 alone is too common)
_LUNAR_FESTIVALS_ZH = ("端午", "七夕", "中秋", "重阳", "清明")
_RELATIVE_ZH_CHARS = frozenset("今明后当")
_WEEKDAY_ZH_CHARS = frozenset("周星礼")
_DATE_ZH_CHARS = frozenset("月号日")
# Parts of a month or a year, and the holiday weeks, said with no day: 月底, 三月初, 下个月中旬, 年底, 黄金周 (the
# month's name before it, 三 or 下个, is read apart: a group first would make re try every position).
_VAGUE_DAYS_ZH = compiled(r"月(?:初|中旬|底|末)|年(?:初|底|末)|上旬|中旬|下旬|黄金周")
_WHICH_MONTH_BEFORE = compiled(r"(?:这个|下个|上个|本|[一二三四五六七八九十]{1,2}|\d{1,2})$")
_VAGUE_DAYS_ZH_CHARS = frozenset("初底末旬黄")
_WINDOW_ZH_CHARS = frozenset("早晨午晚夜凌宵红")
_CLOCK_ZH_CHARS = frozenset("点")
_DIGITS = frozenset("0123456789")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
# English words are checked as a set of tokens: one findall instead of a dozen full scans.
_EN_TOKEN_RE = compiled(r"[a-z][a-z]*")  # a class first: re skips in C to the next letter
# The Spring Festival's days in pinyin, as people living in China write them in English: chuxi, chu yi, yuanxiao.
_PINYIN_DAY_NUMBERS = ("yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu", "shi")
_FESTIVAL_PINYIN_WORDS = frozenset({"chu", "chuxi", "yuanxiao"} | {f"chu{n}" for n in _PINYIN_DAY_NUMBERS})
_FESTIVAL_EN_WORDS = _FESTIVAL_PINYIN_WORDS | {"chinese", "lunar", "spring", "lantern", "valentine", "valentines"} | {
    "cny",
    "dragon", "autumn", "moon", "qixi", "ninth", "qingming", "tomb",
    "christmas",
    "xmas",
    "new",
    "nye",
    "national",
    "may", "children", "childrens",
}
_RELATIVE_EN_WORDS = frozenset({"today", "tomorrow", "tmr", "tmrw", "tonight", "this", "day", "days", "weeks"}) | {
    "week",
    "morrow", "moro", "tomorow", "tommorow", "tommorrow", "tonite", "nite", "night", "tn"  # 2morrow, 2nite: the letters
}
_WEEKDAY_EN_WORDS = frozenset(
    {"monday", "tuesday", "tues", "wednesday", "weds", "thursday", "thurs", "friday", "saturday", "sunday"}
) | {"weekend", "mon", "tue", "wed", "thu", "thur", "fri", "sat", "sun"}
_MONTH_EN_WORDS = frozenset(
    {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july"}
) | {"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"}
_ORDINAL_EN_WORDS = frozenset({"st", "nd", "rd", "th"})
_DELTA_EN_WORDS = frozenset({"hour", "hours", "minute", "minutes", "min", "mins"})
_APPROX_WORDS = frozenset({"around", "about", "approximately", "approx", "roughly", "circa"})
_MERIDIEM_WORDS = frozenset({"am", "pm", "m", "clock", "oclock"})
_IN_THE_WORDS = frozenset({"morning", "afternoon", "evening", "night", "tonight"})
_CLOCK_EN_WORDS = _APPROX_WORDS | _MERIDIEM_WORDS | _IN_THE_WORDS | {"at", "by", "half", "quarter"}
_WINDOW_EN_WORDS = frozenset(_WINDOW_EN) | {"late", "am", "pm", "red", "first"}
# "Fri am", "tmr pm": after a day said, am and pm are the morning and the afternoon.
_DAY_HALF_EN_RE = compiled(r"(?<=\ue001)\s*(am|pm)(?![a-z])")

# ---- dates --------------------------------------------------------------------------------
_DAY_NUM = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
# 春节档 (the film season), 春节礼盒 (a product) and 元宵 the dumpling are no dates.
_FESTIVAL_ZH_RE = compiled(
    r"(?:(除夕夜?|大年三十|年三十|大年夜)|(春节|过年那天)(?![礼套款限特装档])|(?:大年|正月|(?<!月))初([一二三四五六七八九十])"
    r"|正月(十[一二三四五六七八九]|二十)|(元宵节|元宵)"
    r"|(情人节|元旦节?|国庆节?|圣诞节?|平安夜|跨年夜?|劳动节|五一劳动节|五一节|儿童节"
    r"|(?<!\d)520(?=那天|当天|那晚|当晚|节)"  # (the 20th of May, a day for lovers; not 520块)
    # (五一广场, 五一路, 五一大道: a place named for the day)
    r"|(?<![\d零〇一二两三四五六七八九十百千万第周期拜初])[五六]一"  # (六一: 儿童节)
    r"(?![\d零一二两三四五六七八九十百千万个张间晚位人杯份块元次天点斤岁号日]|广场|路|街|大道|公园|桥|站|商))"
    # The other lunar festivals (not 中秋月饼礼盒, a product: a 节 or nothing after them but a date word's place).
    r"|(端午|七夕|中秋|重阳|清明)节?(?![礼套款月粽上])"  # (清明上河图, the painting)
    # (元宵节第二天: the day after; 国庆节第一天, 国庆头一天: the day itself)
    r")(?:(前|后)([一二两三四五六七八九十]|\d)?天|的?(第二天|次日)|的?(?:第一天|头一天))?"
)
# The twelfth lunar month's days: 腊八 (not 腊八粥, the porridge), 腊月二十三, 腊月初十, 腊月廿八.
_TWELFTH_MONTH_ZH_RE = compiled(
    r"腊八节?(?![粥蒜醋])|腊月(?:初([一二三四五六七八九十])|(二十[一二三四五六七八九]?|十[一二三四五六七八九]?|三十)"
    r"|廿([一二三四五六七八九]))"
)
# Words after which a bare 元宵 is the dumpling being ordered, not the festival.
_DUMPLING_BEFORE = frozenset("一两二三四五六七八九十几0123456789个袋包盒碗份斤颗粒只些点种买要吃煮来")
# 十五 alone is a date only once the sentence already speaks of the festival (初十到十五).
_LUNAR_BARE_RE = compiled(
    r"(?<![\d零〇一二两三四五六七八九十百千万第])(十[一二三四五六七八九]|二十)"
    r"(?![\d零〇一二三四五六七八九十百千万点号日月块元个张间晚位人杯份斤岁次天分秒年米%.])"
)
# The Chinese New Year in English, as each holiday rule below names it.
_LUNAR_NEW_YEAR_EN = r"(?:chinese|lunar)\s+new\s+year|spring\s+festival"
_FESTIVAL_EN_RE = compiled(
    rf"\b(?:{_LUNAR_NEW_YEAR_EN}|cny)(?:['’]s)?(?:\s+(eve|day))?\b"
    r"|\b(lantern\s+festival)\b|\b(valentine)['’]?s?(?:\s+day)?\b"
    r"|\b(christmas\s+eve|xmas\s+eve|christmas|xmas|new\s+year['’]?s\s+day|new\s+year['’]?s\s+eve|nye"
    r"|may\s+day(?!-)|children['’]?s\s+day"  # (China's 1 May and 1 June)
    r"|(?:(?<=on )|(?<=for )|(?<=over )|(?<=during ))national\s+day)\b"  # (not "the National Day rush")
    r"|\b(dragon\s+boat|mid-?\s?autumn|moon\s+festival|qixi|double\s+ninth|qingming|tomb[-\s]sweeping)"
    r"(?:\s+(?:festival|day))?\b"
    rf"|\b(?:the\s+)?eve\s+of\s+(?:the\s+)?({_LUNAR_NEW_YEAR_EN})\b"
)
_FESTIVAL_PINYIN_RE = compiled(
    rf"\bchu\s?(?:(xi)|({'|'.join(_PINYIN_DAY_NUMBERS)}))\b|\byuan\s?xiao(?:\s?jie|\s+festival)?\b"
)
_LUNAR_FESTIVALS_EN = {
    "dragon": "端午", "mid": "中秋", "moon": "中秋", "qixi": "七夕", "double": "重阳",
    "qingming": "清明", "tomb": "清明",
}
# "the third day of Chinese New Year": 初三.
_ORDINAL_DAYS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NTH_FESTIVAL_DAY_EN_RE = compiled(
    rf"(?:the\s+)?({'|'.join(_ORDINAL_DAYS_EN)}|(?:[1-9]|10)(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+)?"
    rf"(?:{_LUNAR_NEW_YEAR_EN})(?:['’]s)?\b"
)
# Holidays on a fixed Gregorian day: (month, day), strictly future like any Gregorian date.
_GREGORIAN_HOLIDAYS = {
    "情人节": (2, 14), "元旦": (1, 1), "国庆": (10, 1), "圣诞": (12, 25), "平安夜": (12, 24), "跨年": (12, 31),
    "跨年夜": (12, 31),
    "劳动节": (5, 1), "五一": (5, 1), "儿童节": (6, 1), "六一": (6, 1), "520": (5, 20),
    "christmas eve": (12, 24), "xmas eve": (12, 24), "christmas": (12, 25), "xmas": (12, 25), "new year's day": (1, 1),
    "new year's eve": (12, 31), "nye": (12, 31), "national day": (10, 1), "may day": (5, 1), "children's day": (6, 1),
}


def _gregorian_holiday(said: str) -> tuple[int, int]:
    said = re.sub(r"\s+", " ", said).replace("’", "'").replace("years", "year's").replace("childrens", "children's")
    said = said.replace("五一劳动节", "劳动节")
    return _GREGORIAN_HOLIDAYS.get(said) or _GREGORIAN_HOLIDAYS[said.rstrip("节")]
_ISO_DATE_RE = compiled(r"(?<!\d)(20\d\d)(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)(?!\d)")
_SLASH_DATE_RE = compiled(r"(?<![\d/.:])(\d{1,2})/(\d{1,2})(?![\d/])")
# 15.03, 28.12.2026, "starting 1.10": day first, as in Europe and Russia. A two-digit month, or a word that
# says a date comes, and no unit after it: 2.5 kg, a 4.5 star hotel and 7.30 (a clock) are no dates.
_DOTTED_DATE_RE = compiled(
    r"(?<![\d.:])(\d{1,2})\.(\d{1,2})(?:\.(20\d\d))?(?!\d|\.\d)"
    r"(?!\s*(?:kg|g|l|ml|liters?|litres?|yuan|rmb|kuai|元|块|%|km|m|cm|斤|公斤|hours?|hrs?|h\b|am|pm|stars?|o'?clock))"
)
_HAN_RE = compiled(r"[\u4e00-\u9fff]")
# After a number with a dot in a Chinese command, what makes it no date: 4.5分, 8.5折, 2.5倍, 1.5米.
_NO_DATE_AFTER_ZH = compiled(r"\s*[分折星倍万千百亿米寸秒个]")
_DATE_SAID_BEFORE = compiled(r"(?:on|from|starting|till|until|to|back|for|date|check-?in|checkout|check-out)\s+$")
_RELATIVE_DAY_ZH_RE = compiled(_alternation(_RELATIVE_DAY_ZH))
_DAYS_LATER_ZH_RE = compiled(r"(\d{1,2}|[一二两三四五六七八九十]{1,2})(天|个?(?:星期|礼拜|周))(?:之?后|以后)")
_RELATIVE_DAY_EN_RE = compiled(
    rf"(?:{_alternation(_RELATIVE_DAY_EN)})\b|in\s+(\d{{1,2}}|a|one|two|three|four|five|six|seven)\s+days?\b"
    # "three days from now", "2 days later"
    r"|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+days?\s+(?:from (?:now|today)|later)\b"
)
# "a week from today", "two weeks from now", "in a week's time" (read only where "week" is said: its first
# word is too common a letter to scan for).
_WEEKS_LATER_EN_RE = compiled(
    r"\b(a|one|two|three)\s+weeks?\s+from\s+(?:today|now)\b|\bin\s+(a|one|two|three)\s+weeks?['’]?s?\s+time\b"
)
# "a week from Friday": the coming Friday's next (not "for a week from Monday", a stay that long from then).
_WEEKS_AFTER_A_WEEKDAY_EN_RE = compiled(
    r"(?<!for )\b(a|one|two)\s+weeks?\s+from\s+(?:this\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b"
)
# 看一下周五: 一下 is "a bit", the 下 belongs to no week.
# (not 小周一杯 or 老周一份: a colleague named, and a count)
_WEEKDAY_ZH_RE = compiled(
    r"(?:(?<!一)(下下个?|下个?|这个?|本|上个?))?(?:周(?<![小老]周)|星期|礼拜)([一二三四五六日天七末]|[1-7](?![\d.:]))"
)
# Monday…Sunday, the weekend, and the short forms of the weekdays typed alone ("Fri flight", "Wed 7am"); a
# bare "sat" or "sun" is too often something else, and counts only as said below or in a span
# (_WEEKDAY_ABBR_SPAN_RE).
_WEEKDAY_NAMES_EN = (
    r"(?P<day>mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rs|rsday|urday)|(?P<weekend>wee)kend"
    r"|(?P<short>mon|tue|wed|thu|fri)(?:s|r|rs)?\.?(?![a-z'])"
    # "this Sat", "on Sun", "a film for sat", "Sat morning", "Sun 3pm": said so, sat and sun are days.
    r"|(?:(?<=this )|(?<=next )|(?<=on )|(?<=starting )|(?<=from )|(?<=until )|(?<=for ))(?P<weekend_day>sat|sun)\.?"
    r"(?![a-z'])"
    # ("sat 2 nights": its nights may be read already, \ue007; not "all sat together", "we sat 2 rows back")
    r"|(?<!all )(?<!we )(?<!they )(?<!\bi )(?P<weekend_day_then>sat|sun)\.?"
    r"(?=\s+(?:morning|afternoon|arvo|evening|night|nite|am\b|pm\b|\d|\ue007|for\s+(?:\d|a\b|one\b|two\b|three\b|\ue007)))"
    # Typed last, after a pause or a word ("showtimes sat?", "2 rooms, 1 night, sat"): no verb ends a request so.
    r"|(?<=[ ,])(?<!the )(?<!we )(?<!\bi )(?<!you )(?<!they )(?<!\bhe )(?<!she )"
    # (or before what else is said: "sat, under 800")
    r"(?P<weekend_day_last>sat|sun)\.?(?=\s*(?:[?？!！.]*\s*$|[,，]))"
)
# ("Friday next week", "Friday of next week", "Tuesday of the week after next")
_WEEKDAY_EN_RE = compiled(
    rf"(?:{_WEEKDAY_NAMES_EN})(?![a-z])"
    r"(?:\s+(?:of\s+)?(?:(?P<week>next|this)\s+week|(?P<after_next>the\s+week\s+after\s+next))\b)?"
)
# A bare abbreviation (sat, mon) is a weekday only in a span of weekdays: "Sat to Mon", "fri-sun".
_DAY_SHORT_END = r"(?:s|r|rs)?\.?"  # tues, thur, thurs
_WEEKDAY_ABBR_SPAN_RE = compiled(
    rf"(mon|tue|wed|thu|fri|sat|sun){_DAY_SHORT_END}(\s*(?:-|–|to|until|till|through|thru)\s*)"
    rf"(mon|tue|wed|thu|fri|sat|sun){_DAY_SHORT_END}(?![a-z])"
)
# What may come before the weekday: "next friday", "this coming friday", "next week (on) friday".
_WEEKDAY_QUALIFIER_EN_RE = compiled(r"(?:\b(next|this|coming|this\s+coming)\s+)?(?:\b(next\s+)week(?:\s+on)?\s+)?\Z")
_AFTER_NEXT_EN_RE = compiled(r"\s+after\s+next\b")
# The last day of a month, or its last weekday: 这个月最后一天, 下个月最后一个周五, "the last day of this month", "the
# last Friday of next month".
_MONTHS_LAST_ZH_RE = compiled(r"(这个?月|本月|下个?月)(?:的)?最后一(?:天|个(?:周|星期|礼拜)([一二三四五六日天]))")
_MONTHS_LAST_EN_RE = compiled(
    r"\b(?:on\s+)?the\s+last\s+(day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+of\s+"
    r"(this|next|the)\s+month\b"
)
_MONTH_DAY_ZH_RE = compiled(
    # (下个月初三: the 3rd of next month, not the Spring Festival's 初三)
    rf"(?:(下个?月|这个?月|本月)(初)?|(?<![\d零〇一二两三四五六七八九十])(\d{{1,2}}|十[一二]?|[一二三四五六七八九])月)"
    rf"((?>{_DAY_NUM}))([日号])?"
)
_AFTER_BARE_MONTH_DAY = frozenset("个张间晚位人杯份块元次天点斤岁")
_DAY_ZH_RE = compiled(
    rf"(?<![\d零〇一二两三四五六七八九十月])(?:({_DAY_NUM})([号日]?)\s*(?:到|至|-|~)\s*)?((?>{_DAY_NUM}))([号日])"
    r"(?![子元本线楼门店桌厅座位房室间车机台口院床馆码游内以])"
)
_MONTH_NAMES_EN = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# feb 14 / february 14th / feb 13-15 / 14 feb / the 14th of february; "decaf 2" is no December.
_MONTH_DAY_EN_RE = compiled(
    rf"\b(?:{_MONTH_NAMES_EN}\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:\s*(?:-|–|to|until|till|through)\s*(\d{1,2})(?:st|nd|rd|th)?)?"
    # (day first, unless the month's day follows it: "Ne Zha 2 Dec 3 evening" is 3 December, "3rd June 2 person" 3 June)
    rf"|(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES_EN}"
    r"(?!\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*$|\s*[,.;!?]|\s+(?:evening|morning|afternoon|night|at|for)\b)))\b"
    r"(?![:.]\d|\s*(?:am|pm|a\.m|p\.m|o['’]?clock|:))"
)
# "from 11 to 14 April 2026", "1-3 October": a span of days of one month said day first.
_DAYS_OF_A_MONTH_EN_RE = compiled(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|until|till|through)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH_NAMES_EN}(?:,?\s+(20\d\d))?\b"
)
# 24/04/2026, 12/05/2026: a date with its year, day first or month first.
_SLASH_DATE_WITH_YEAR_RE = compiled(r"(?<![\d/.:])(\d{1,2})/(\d{1,2})/(20\d\d)(?!\d)")
_ORDINAL_EN_RE = compiled(
    r"\b(the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:floor|row|place|time|seat|century|anniversary|birthday|street))"
)
_SET_APART_AFTER = compiled(r"\s*(?:[,，.;!?]|$|(?:morning|afternoon|evening|night)\b)")
# "25th evening", "14th 7pm": a part of the day or a clock after it makes it a day
_PART_OF_THE_DAY_AFTER = compiled(
    rf"\s+(?:(?:morning|afternoon|arvo|evening|night|nite)\b|[{TIME_MARK}]|\d{{1,2}}(?::\d\d)?\s*[ap]m\b|\d{{1,2}}:\d\d)"
)
# "the 15th of next month", "3rd of next month", "next month on the 15th", "next month 15号"
_NEXT_MONTH_AFTER = compiled(r"\s*(?:of\s+)?next\s+month\b")
_NEXT_MONTH_BEFORE = compiled(r"\bnext\s+month[\s,]*(?:on\s+)?(?:the\s+)?$")
_ORDINAL_CONNECTOR_BEFORE = compiled(r"(?:\bto|\buntil|\btill|\bthrough|-|–)\s*$")
_ORDINAL_CONNECTOR_AFTER = compiled(rf"\s*(?:-|–|to|until|till|through)\s*(?:the\s+)?[\d{TIME_MARK}]")

# A span: the characters between two dates. 住/待 stay readable (the hotel rules want them);
# the connector itself is masked, so the flight rules do not read 从周五…到周一 as a route.
_SPAN_CONNECTOR_RE = compiled(
    rf"[{TIME_MARK}\s]*(?:[住待玩呆]|stay(?:ing)?)?\s*(到|至|~|-|–|—|to|until|till|through|thru)\s*"
)
_AND = compiled(r"\s*(?:and|&|和|跟|、|,|，)?\s*")
_SAID_BESIDE = compiled(r"[\s,，(（)）]*(?:the\s+)?")  # between two days that name one
_LONE_END_BEFORE = ("住到", "待到", "呆到", " until", " till")
# The day one leaves a hotel is the stay's last day: "check out Wednesday", "checking in Friday, out Sunday", 周三退房.
_CHECK_OUT_BEFORE = compiled(
    r"(?:" + letter_led("check(?:ing)?[- ]?out|leav(?:e|ing)|and out") + r"|,\s*out|退房|离店)\s*(?:on\s+)?$"
)
_CHECK_OUT_AFTER = compiled(r"\s*(?:退房|离店|走|check[- ]?out)")
# "leaving Thursday" leaves a stay only where one is said; on its own it is when a flight goes.
_LEAVING_BEFORE = compiled(r"leav(?:e|ing)\s*(?:on\s+)?$")
_STAY_SAID = compiled(r"hotel|room|stay|night|check|住|酒店|房|晚")

# ---- parts of the day and clock times -----------------------------------------------------
# 两个晚上 counts nights; 周一晚上 is masked as a weekday before windows are read.
_WINDOW_ZH_RE = compiled(_alternation(_WINDOW_ZH))
_WITH_A_MEAL = frozenset("带含包有送")  # 带早餐, 含早餐, 包早餐: a meal that comes with the room
_COUNT_BEFORE_WINDOW = frozenset("个一两二三四五六七八九十几0123456789")
_BARE_MEASURE_VERB = compiled("[订买要来整点叫找给]")
_CLOCK_AFTER = compiled(r"\s*[一两二三四五六七八九十\d]+\s*点")
_WINDOW_EN_RE = compiled(rf"(?:{_alternation(_WINDOW_EN)})\b")
# 下午好, 晚上好呀: a greeting (晚上好吃的 is still the evening).
_ZH_GREETING_AFTER = compiled(r"好(?![吃喝看玩用])")
# "one night", "per night", "last night": a count or the past, no part of a coming day.
_NIGHT_COUNTED_RE = compiled(r"(?:\d|\b(?:a|one|per|each|every|last|two|three|four|five|six|seven))\s*$")
# The English clock rules start with a literal or a character class, never with \b or an
# optional group: re then skips to candidate positions in C, ~10x faster than trying each
# position. Word boundaries and the optional "at"/"around" before a number are checked after.
_NOON_EXACT_EN_RE = compiled(r"(?:at|by)\s+(?:around\s+|about\s+)?(noon|midnight)\b")

_HOUR_EN = rf"\d{{1,2}}|{_alternation(_EN_HOUR_WORDS)}"
_MERIDIEM = r"a\.m\.|p\.m\.|a\.m|p\.m|am|pm|o['’]?clock"
_APPROX_EN = r"(?:around|about|approximately|approx\.?|roughly|circa|~)"
_EN_PREFIX_BEFORE_RE = compiled(rf"(?:\b(?:at|by)\s+)?(?:{_APPROX_EN}\s*)?\Z")


def _hour_first(tail: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One rule twice: from a digit hour (a character class: fast to find) and from a word hour."""
    return compiled(rf"(\d{{1,2}}){tail}"), compiled(rf"\b({_alternation(_EN_HOUR_WORDS)}){tail}")


_CLOCK_HALF_EN_RE = compiled(rf"(half|quarter)\s+(past|after|to)\s+({_HOUR_EN})\b(?:\s*({_MERIDIEM}))?(?![a-z])")
# British "half 7": half past seven.
_CLOCK_HALF_BRITISH_EN_RE = compiled(rf"half\s+({_HOUR_EN})\b(?:\s*({_MERIDIEM}))?(?![a-z]|\s*(?:past|after|to)\b)")
# "8ish", "10-ish tonight": about then.
_CLOCK_ISH_EN_RE = compiled(r"(\d{1,2})(?:[:.]([0-5]\d))?\s*-?ish\b")
_CLOCK_SUFFIX_EN = _hour_first(rf"(?:[:.]([0-5]\d))?\s*({_MERIDIEM})(?![a-z])")
_CLOCK_IN_THE_EN = _hour_first(
    r"(?:[:.]([0-5]\d))?\s+(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night)|(tonight))\b"
)
# What a number after "at"/"around" counts when it is no clock time.
_QUANTITY_EN = (
    r"yuan|rmb|kuai|元|块|%|people|persons?|pax|guests?|adults?|kids?|children|seats?|tickets?|nights?|rooms?"
    r"|days?|hours?|mins?|minutes?|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m\b|cups?|bottles?|boxes?"
    r"|bags?|pieces?|pcs|of\b|stars?|dollars?|bucks?|x\b|times|floor|items?"
)
_CLOCK_AT_EN_RE = compiled(
    rf"(?:at|by)\s+(?:{_APPROX_EN}\s*)?({_HOUR_EN})(?:[:.]([0-5]\d))?\b(?![:/\-]|\.\d)(?!\s*(?:{_QUANTITY_EN}))"
)
_CLOCK_APPROX_EN_RE = compiled(
    rf"{_APPROX_EN}\s*(\d{{1,2}})(?:[:.]([0-5]\d))?(?![\d:/\-]|\.\d)"
    r"(?=\s*(?:$|[,.!?;)\ue001]|(?:in|on|at|tonight|tomorrow|today|this|next|for|please|pls|and|then)\b))"
)
_CLOCK_COLON_RE = compiled(r"(\d{1,2})[:：]([0-5]\d)(?![\d:])(?:\s*(左右|前后))?")
_FOUR_DIGITS = compiled(r"\d{4}")
# 1930, "at 0745", "1930 hrs", 1930送到: a clock time written the military way, told from a year or an amount by
# "at"/"by" before it, hours after it or a delivery's 送/到 right after it.
_CLOCK_FOUR_DIGITS_RE = compiled(
    r"(?<![\d.:/¥$-])([01]\d|2[0-3])([0-5]\d)(?![\d.:/])"
    r"(?:\s*(?:hrs?|h)\b|(?=送|到)|(?<=at \d{4})|(?<=by \d{4}))"
)
# 三点 / 下午3点半 / 8点15分 / 十点一刻 / 八点左右. The hour is atomic so that 三十杯 cannot
# shrink to a minute 三 before 十杯. The regex starts with a character class (no lookbehind) so
# that re can skip ahead fast; _NO_HOUR_BEFORE keeps an hour from starting inside 一百二十点.
_CLOCK_ZH_RE = compiled(
    r"([\d零〇一二两三四五六七八九十几][\d零〇一二两三四五六七八九十]{0,2})(点钟|点)"
    r"(?:(半)|(一刻)|(三刻)|过?((?>\d{1,2}|[零〇一二三四五六七八九十]{1,3}))(分)?|(整)"
    # 九点差一刻, 九点差十分: minutes to the hour
    r"|差(一刻|(?>\d{1,2}|[零〇一二三四五六七八九十]{1,3})分钟?))?"
    r"(左右|前后|上下|多钟?)?"
)
# 差五分九点, 差一刻九点: minutes to the hour, said before it.
_MINUTES_TO_BEFORE = compiled(r"差\s*(一刻|(?>\d{1,2}|[零〇一二三四五六七八九十]{1,3})分钟?)\s*$")
_NO_HOUR_BEFORE = frozenset("0123456789零〇一二两三四五六七八九十百千万第.")
# After 三点 a count may follow (三点两杯: 15:00, two cups) ...
_MEASURE_AFTER_MINUTE = frozenset("杯份个碗瓶盒袋罐串只听张箱包位人间晚次")
# ... or a unit that makes it a decimal (三点五公里, 九点九元): then it is no time at all.
_DECIMAL_UNIT_AFTER = frozenset("公米里元块斤克倍折%度万亿千百寸尺吨升磅两秒")
# 三点水 is a radical, 三点建议 three points: the words that make 点 no o'clock.
_NOT_CLOCK_AFTER = ("水", "儿", "点", "建议", "要求", "意见", "原因", "理由", "内容", "注意")
# 一点 is "a little" (来一点, 甜一点, 少一点糖) unless a time context comes before it.
_ONE_OCLOCK_BEFORE = frozenset(TIME_MARK + " ,，。、!！?？;；:：在到约于至是等前后从")
_RELATIVE_DELTA_ZH_RE = compiled(rf"({_N}|半)(?:个)?(小时|分钟|钟头)(?:之?后|以后)")
_RELATIVE_DELTA_EN_RE = compiled(r"\bin\s+(\d+|an?|one|two|three|half an?)\s+(hours?|minutes?|mins?)\b")


@dataclass
class TimeSlots:
    """What the command said about when; absent parts stay None."""

    date: str | None = None
    time: str | None = None
    time_window: str | None = None
    # The last day of a span ("从周五住到下周一": the Monday); None unless a span was said.
    end_date: str | None = None
    day_implied: bool = False  # the date is today or tomorrow from a part of the day or an hour alone
    hour_guessed: bool = False  # the clock came with no am/pm and no part of the day: its half is a guess


@dataclass(slots=True)
class _DateMention:
    start: int
    end: int
    day: date
    # How to find the next occurrence when a span's end falls before its start:
    # "week" (周一), "month" (2号), "year" (2月14日), or None (明天, 2026-02-14: fixed).
    roll: str | None = None
    holiday: bool = False  # named by its holiday (国庆, 除夕, Christmas): maybe only the occasion
    season: bool = False  # the festival as a whole (春节): the occasion more surely than a day of it (除夕前一天)


@dataclass
class _Found:
    """Everything read so far; for a clock time and a window the first mention wins."""

    dates: list[_DateMention] = field(default_factory=list)
    window: str | None = None
    hour: int | None = None
    minute: int = 0
    meridiem: str | None = None  # "a" / "p" when said in English
    exact: datetime | None = None  # "半小时后": fully resolved
    lunar: bool = False  # a festival day was named: 十五 is 正月十五

    def set_clock(self, hour: int, minute: int = 0, meridiem: str | None = None) -> None:
        if self.hour is None:
            self.hour, self.minute, self.meridiem = hour, minute, meridiem


@lru_cache(maxsize=256)
def _int(span: str) -> int | None:
    """0–99 from digits or a short Chinese numeral (十五, 二十三, 两, 零五); None otherwise."""
    if span.isascii():
        return int(span) if span.isdigit() else _EN_HOUR_WORDS.get(span)
    if "十" in span:
        tens, _, ones = span.partition("十")
        ten = _ZH_DIGIT.get(tens) if tens else 1
        one = _ZH_DIGIT.get(ones) if ones else 0
        return None if ten is None or one is None or len(tens) > 1 or len(ones) > 1 else ten * 10 + one
    if len(span) == 2 and span[0] in "零〇":
        return _ZH_DIGIT.get(span[1])
    return _ZH_DIGIT.get(span) if len(span) == 1 else None


def _local_now(now: datetime) -> datetime:
    if now.tzinfo is None:
        return now.replace(tzinfo=SHANGHAI)
    return now


def _add_months(day: date, months: int, day_of_month: int) -> date | None:
    month_index = day.month - 1 + months
    try:
        return date(day.year + month_index // 12, month_index % 12 + 1, day_of_month)
    except ValueError:
        return None


def _coming_day_of_month(today: date, day_of_month: int) -> date | None:
    """14号: this month's, or the next month's that has such a day once it has passed."""
    for months in range(3):
        candidate = _add_months(today, months, day_of_month)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def _coming_month_day(today: date, month: int, day_of_month: int) -> date | None:
    for year in (today.year, today.year + 1, today.year + 4):  # + 4: 2月29日 in a leap year
        try:
            candidate = date(year, month, day_of_month)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _weekday(today: date, weekday: int, qualifier: str | None) -> date:
    monday = today - timedelta(days=today.weekday())
    if qualifier in ("下", "下个", "next"):
        return monday + timedelta(days=7 + weekday)
    if qualifier in ("下下", "下下个"):
        return monday + timedelta(days=14 + weekday)
    if qualifier in ("上", "上个"):
        return monday - timedelta(days=7 - weekday)
    # Bare, 这/本/this/coming: the coming one (this week's unless it has passed).
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _roll(day: date, roll: str | None) -> date | None:
    if roll == "week":
        return day + timedelta(days=7)
    if roll == "month":
        return _add_months(day, 1, day.day) or _add_months(day, 2, day.day)
    if roll == "year":
        return _coming_month_day(day + timedelta(days=1), day.month, day.day)
    return None


def _on_a_weekday(day: date, weekday: int) -> date | None:
    """The first of `day`'s day of the month, from its month on, that falls on `weekday` (within a year)."""
    candidate: date | None = day
    for _ in range(12):
        if candidate is None or candidate.weekday() == weekday:
            return candidate
        candidate = _roll(candidate, "month")
    return None


def _add_date(
    found: _Found,
    masked: MaskedText,
    start: int,
    end: int,
    day: date | None,
    roll: str | None,
    holiday: bool = False,
    season: bool = False,
) -> None:
    masked.mask(start, end, TIME_MARK)
    if day is not None:
        found.dates.append(_DateMention(start, end, day, roll, holiday, season))


# ---- the rule groups ----------------------------------------------------------------------


def _festival_zh(masked: MaskedText, today: date, found: _Found) -> None:
    if "腊" in masked.current:  # (first: 腊月初十 is no 正月初十)
        for m in _TWELFTH_MONTH_ZH_RE.finditer(masked.current):
            if m.group(1):
                day_of_month = _LUNAR_DAY[m.group(1)]
            elif m.group(2):
                day_of_month = _int(m.group(2)) or 0
            else:
                day_of_month = 20 + _LUNAR_DAY[m.group(3)] if m.group(3) else 8
            found.lunar = True
            _add_date(found, masked, m.start(), m.end(), twelfth_month_day(today, day_of_month), None, holiday=True)
    for m in _FESTIVAL_ZH_RE.finditer(masked.current):
        if m.group(5) == "元宵" and m.start() > 0 and masked.current[m.start() - 1] in _DUMPLING_BEFORE:
            continue  # 买一袋元宵: the dumplings
        if m.group(1):
            offset = EVE
            if m.group(1) == "除夕夜":
                found.window = found.window or "evening"
        elif m.group(3):
            offset = _LUNAR_DAY[m.group(3)] - 1
        elif m.group(4):
            offset = (_int(m.group(4)) or 1) - 1
        elif m.group(5):
            offset = LANTERN
        else:
            offset = 0
        if m.group(8):  # 元旦前一天, 初三后两天
            shift = (_int(m.group(9)) or 1) if m.group(9) else 1
            offset += -shift if m.group(8) == "前" else shift
        elif m.group(10):
            offset += 1
        if m.group(6) or m.group(7):  # 情人节, 元旦, 国庆… are Gregorian; 端午, 中秋… have a table of their own
            if m.group(6):
                day = _coming_month_day(today, *_gregorian_holiday(m.group(6)))
            else:
                day = lunar_festival_day(today, m.group(7))
            shifted = day + timedelta(days=offset) if day is not None else None
            _add_date(found, masked, m.start(), m.end(), shifted, "year" if m.group(6) else None, holiday=True)
            continue
        found.lunar = True
        season = bool(m.group(2)) and not (m.group(8) or m.group(10))  # 春节 as a whole (春节后两天 is a day)
        _add_date(found, masked, m.start(), m.end(), festival_day(today, offset), None, holiday=True, season=season)
    if found.lunar or "过年" in masked.original or "正月" in masked.original:
        for m in _LUNAR_BARE_RE.finditer(masked.current):
            offset = (_int(m.group(1)) or 1) - 1
            _add_date(found, masked, m.start(), m.end(), festival_day(today, offset), None, holiday=True)


def _vague_days_zh(masked: MaskedText) -> None:
    """Masks 月底, 三月初, 下个月中旬, 黄金周: when, but no day to name."""
    text = masked.current
    for m in _VAGUE_DAYS_ZH.finditer(text):
        month = _WHICH_MONTH_BEFORE.search(text, max(0, m.start() - 2), m.start()) if m.group(0)[0] == "月" else None
        masked.mask(month.start() if month else m.start(), m.end(), TIME_MARK)


# "the day before New Year's Eve", "two days after Christmas": a day counted from a holiday said in English.
_DAYS_AROUND_A_HOLIDAY_EN = compiled(
    r"\b(?:the\s+)?(day|(?:two|three|four|five|six|seven|[1-9])\s+days)\s+(before|after)\s+(?:the\s+)?$"
)
_DAYS_SAID_EN = {"day": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_LUNAR_NEW_YEAR_SAID_EN = compiled(rf"\b(?:{_LUNAR_NEW_YEAR_EN}|cny)\b")


def _festival_en(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _FESTIVAL_PINYIN_RE.finditer(masked.current):
        offset = EVE if m.group(1) else _PINYIN_DAY_NUMBERS.index(m.group(2)) if m.group(2) else LANTERN
        found.lunar = True
        _add_holiday_en(found, masked, m, festival_day(today, offset), None)
    for m in _NTH_FESTIVAL_DAY_EN_RE.finditer(masked.current):
        said = m.group(1)
        nth = _ORDINAL_DAYS_EN.index(said) + 1 if said in _ORDINAL_DAYS_EN else int(said.rstrip("stndrh"))
        found.lunar = True
        _add_holiday_en(found, masked, m, festival_day(today, nth - 1), None)
    for m in _FESTIVAL_EN_RE.finditer(masked.current):
        if m.group(3):
            _add_holiday_en(found, masked, m, _coming_month_day(today, 2, 14), "year")
            continue
        if m.group(4):
            month, day_of_month = _gregorian_holiday(m.group(4))
            day = _coming_month_day(today, month, day_of_month)
            eve = festival_day(today, EVE)
            if (month, day_of_month) == (12, 31) and day is not None and eve is not None and today <= eve < day:
                # "New Year's Eve" before 除夕 comes: that one or 31 December, left to ask; 除夕 where the Chinese
                # New Year is said before it ("going home for CNY - … the day before New Year's Eve")
                if not _LUNAR_NEW_YEAR_SAID_EN.search(masked.original, 0, m.start()):
                    continue
                day = eve
            _add_holiday_en(found, masked, m, day, "year")
            continue
        if m.group(5):
            festival = _LUNAR_FESTIVALS_EN[re.split(r"[\s-]", m.group(5))[0]]
            _add_holiday_en(found, masked, m, lunar_festival_day(today, festival), None)
            continue
        offset = LANTERN if m.group(2) else EVE if m.group(1) == "eve" or m.group(6) else 0
        found.lunar = True
        _add_holiday_en(found, masked, m, festival_day(today, offset), None)


def _add_holiday_en(found: _Found, masked: MaskedText, m: re.Match[str], day: date | None, roll: str | None) -> None:
    """A holiday said in English, or the day a number of days before or after it ("the day before …"): that day is
    asked for, no occasion."""
    around = _DAYS_AROUND_A_HOLIDAY_EN.search(masked.current, max(0, m.start() - 30), m.start())
    if around is None or day is None:
        _add_date(found, masked, m.start(), m.end(), day, roll, holiday=True)
        return
    said = around.group(1).split()[0]
    days = int(said) if said.isdigit() else _DAYS_SAID_EN[said]
    moved = day + timedelta(days=days if around.group(2) == "after" else -days)
    _add_date(found, masked, around.start(), m.end(), moved, roll)


def _numeric_dates(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _ISO_DATE_RE.finditer(masked.current):
        try:
            day = date(int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5)))
        except ValueError:
            continue
        _add_date(found, masked, m.start(), m.end(), day, None)
    if "/" in masked.current:
        for m in _SLASH_DATE_WITH_YEAR_RE.finditer(masked.current):
            if (day := _sooner_of_either_order(today, int(m.group(1)), int(m.group(2)), int(m.group(3)))) is not None:
                _add_date(found, masked, m.start(), m.end(), day, None)
        said = list(_SLASH_DATE_RE.finditer(masked.current))
        # 22/4 is said day first; so is every date said with it (12/8 to 15/8).
        day_first = any(12 < int(m.group(1)) <= 31 and int(m.group(2)) <= 12 for m in said)
        for m in said:
            month, day_of_month = int(m.group(1)), int(m.group(2))
            if day_first:
                month, day_of_month = day_of_month, month
            if month < day_of_month <= 4 or not (1 <= month <= 12 and 1 <= day_of_month <= 31):
                continue  # 1/2, 3/4: a fraction (1/2 sugar), not a date
            _add_date(found, masked, m.start(), m.end(), _coming_month_day(today, month, day_of_month), "year")
    if "." in masked.current:
        in_chinese = _HAN_RE.search(masked.current) is not None
        for m in _DOTTED_DATE_RE.finditer(masked.current):
            if in_chinese and not _NO_DATE_AFTER_ZH.match(masked.current, m.end()):
                # 5.1, 10.1, 12.25 in a Chinese command: month first, as the Chinese write them (五一, 国庆)
                day_of_month, month, said_as_a_date = int(m.group(2)), int(m.group(1)), True
            else:
                day_of_month, month = int(m.group(1)), int(m.group(2))
                said_as_a_date = len(m.group(2)) == 2 or _DATE_SAID_BEFORE.search(masked.current, 0, m.start())
            if not (said_as_a_date and 1 <= month <= 12 and 1 <= day_of_month <= 31):
                continue
            try:
                day = date(int(m.group(3)), month, day_of_month) if m.group(3) else None
            except ValueError:
                continue
            _add_date(found, masked, m.start(), m.end(), day or _coming_month_day(today, month, day_of_month),
                      None if day else "year")


def _sooner_of_either_order(today: date, first: int, second: int, year: int) -> date | None:
    """A slashed date with its year read day first or month first, whichever is a date: when both are, the one
    still to come soonest (12/05/2026 in early May is the 12th of May), else the later."""
    candidates = []
    for month, day_of_month in ((second, first), (first, second)):
        with contextlib.suppress(ValueError):
            candidates.append(date(year, month, day_of_month))
    coming = [day for day in candidates if day >= today]
    return min(coming) if coming else max(candidates, default=None)


def _relative_zh(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _RELATIVE_DAY_ZH_RE.finditer(masked.current):
        days, window = _RELATIVE_DAY_ZH[m.group(0)]
        found.window = found.window or window
        if m.group(0) == "当天" and found.dates:
            masked.mask(m.start(), m.end(), TIME_MARK)  # 元宵节当天: that day, said already
            continue
        _add_date(found, masked, m.start(), m.end(), today + timedelta(days=days), None)
    if "后" in masked.current:
        for m in _DAYS_LATER_ZH_RE.finditer(masked.current):
            days_later = _int(m.group(1))
            if days_later is not None:
                days_later *= 1 if m.group(2) == "天" else 7
                _add_date(found, masked, m.start(), m.end(), today + timedelta(days=days_later), None)


def _relative_en(masked: MaskedText, today: date, found: _Found) -> None:
    if "week" in masked.current:  # first: "a week from today" is no today
        for m in _WEEKS_LATER_EN_RE.finditer(masked.current):
            weeks = m.group(1) or m.group(2)
            _add_date(found, masked, m.start(), m.end(), today + timedelta(days=7 * (_int(weeks) or 1)), None)
        for m in _WEEKS_AFTER_A_WEEKDAY_EN_RE.finditer(masked.current):
            day = _weekday(today, _WEEKDAY_EN[m.group(2)], None) + timedelta(days=7 * (_int(m.group(1)) or 1))
            _add_date(found, masked, m.start(), m.end(), day, None)
    for m in _RELATIVE_DAY_EN_RE.finditer(masked.current):
        if not _starts_word(masked.current, m.start()):
            continue
        if said := m.group(1) or m.group(2):
            days, window = (1 if said == "a" else _int(said) or 1), None
        else:
            days, window = _RELATIVE_DAY_EN[m.group(0)]
        found.window = found.window or window
        _add_date(found, masked, m.start(), m.end(), today + timedelta(days=days), None)



def _weekdays_zh(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _WEEKDAY_ZH_RE.finditer(masked.current):
        day = _weekday(today, _WEEKDAY_ZH[m.group(2)], m.group(1))
        _add_date(found, masked, m.start(), m.end(), day, None if m.group(1) else "week")


def _weekdays_en(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _WEEKDAY_ABBR_SPAN_RE.finditer(masked.current):
        if _starts_word(masked.current, m.start()):
            for group, (start, end) in ((1, (m.start(), m.start(2))), (3, (m.start(3), m.end()))):
                _add_date(found, masked, start, end, _weekday(today, _WEEKDAY_EN[m.group(group)], None), "week")
    text = masked.current
    for m in _WEEKDAY_EN_RE.finditer(text):
        if not _starts_word(text, m.start()):
            continue
        before = _WEEKDAY_QUALIFIER_EN_RE.search(text, max(0, m.start() - 24), m.start())
        start = before.start() if before else m.start()
        qualifier = (before.group(1) if before else None) or m.group("week")
        if (before and before.group(2)) or qualifier == "next":  # next Friday = next week's (module doc)
            qualifier = "next"
        if m.group("after_next"):
            qualifier = "下下"
        named = (
            m.group("day") or m.group("weekend") or m.group("short") or m.group("weekend_day")
            or m.group("weekend_day_then") or m.group("weekend_day_last")
        )
        day = _weekday(today, _WEEKDAY_EN[named], qualifier)
        end = m.end()
        if (later := _AFTER_NEXT_EN_RE.match(text, end)) is not None:  # "the Wednesday after next"
            day, qualifier, end = _weekday(today, _WEEKDAY_EN[named], "next") + timedelta(days=7), "next", later.end()
        # "this weekend … Sunday afternoon": the weekend is only the time around the day asked for.
        roll = None if qualifier in ("next", "下下") else "week"
        _add_date(found, masked, start, end, day, roll, holiday=named == "wee")


def _month_days_zh(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _MONTH_DAY_ZH_RE.finditer(masked.current):
        day_of_month = _int(m.group(4))
        said_as_a_day = m.group(5) or m.group(2)  # 下个月5号, 下个月初五
        if day_of_month is None or not 1 <= day_of_month <= (10 if m.group(2) else 31):
            continue
        after = masked.current[m.end() : m.end() + 2]
        if not said_as_a_day and (m.group(1) or (after[:1] in _AFTER_BARE_MONTH_DAY and after != "晚上")):
            continue  # 三月五次, 下个月5: no date said (9月30晚上 is the evening of one)
        if m.group(1):  # 下个月5号, 这个月15号
            day = _add_months(today, 1 if m.group(1).startswith("下") else 0, day_of_month)
            roll = None
        else:
            month = _int(m.group(3)) or 0
            if not 1 <= month <= 12:
                continue
            day, roll = _coming_month_day(today, month, day_of_month), "year"
        _add_date(found, masked, m.start(), m.end(), day, roll)


def _months_last(masked: MaskedText, today: date, found: _Found) -> None:
    """这个月最后一天, "the last Friday of next month": counted back from the month's last day."""
    for regex in (_MONTHS_LAST_ZH_RE, _MONTHS_LAST_EN_RE):
        for m in regex.finditer(masked.current):
            months = 1 if m.group(1 if regex is _MONTHS_LAST_ZH_RE else 2).startswith(("下", "next")) else 0
            first_of_next = _add_months(today.replace(day=1), months + 1, 1)
            if first_of_next is None:
                continue
            last = first_of_next - timedelta(days=1)
            named = m.group(2) if regex is _MONTHS_LAST_ZH_RE else m.group(1)
            if named and named != "day":
                weekday = _WEEKDAY_ZH[named] if regex is _MONTHS_LAST_ZH_RE else _WEEKDAY_EN[named[:3]]
                last -= timedelta(days=(last.weekday() - weekday) % 7)
            _add_date(found, masked, m.start(), m.end(), last, None)


def _days_zh(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _DAY_ZH_RE.finditer(masked.current):
        day_of_month = _int(m.group(3))
        if day_of_month is None or not 1 <= day_of_month <= 31:
            continue
        if m.group(4) == "日" and not m.group(3).isascii() and day_of_month <= 10:
            continue  # 一日三餐, 三日游: a count of days
        if m.group(1):  # 13号到15号, 13到15号 (the first day borrows the 号)
            first = _int(m.group(1))
            if first is not None and 1 <= first <= 31:
                _add_date(found, masked, m.start(1), m.end(2), _coming_day_of_month(today, first), "month")
        if (next_month := _NEXT_MONTH_BEFORE.search(masked.current, 0, m.start(3))) is not None:
            _add_date(found, masked, next_month.start(), m.end(), _add_months(today, 1, day_of_month), None)
            continue
        _add_date(found, masked, m.start(3), m.end(), _coming_day_of_month(today, day_of_month), "month")


def _month_days_en(masked: MaskedText, today: date, found: _Found) -> None:
    for m in _DAYS_OF_A_MONTH_EN_RE.finditer(masked.current):
        month = _MONTH_EN[m.group(3)[:3]]
        for group in (1, 2):
            day_of_month = int(m.group(group))
            day = _add_months(date(int(m.group(4)), month, 1), 0, day_of_month) if m.group(4) else (
                _coming_month_day(today, month, day_of_month)
            )
            end = m.end(1) if group == 1 else m.end()
            _add_date(found, masked, m.start(group), end, day, None if m.group(4) else "year")
    for m in _MONTH_DAY_EN_RE.finditer(masked.current):
        month = _MONTH_EN[(m.group(1) or m.group(5))[:3]]
        day_of_month = int(m.group(2) or m.group(4))
        end = m.end()
        if m.group(3):  # feb 13-15 / feb 13 to 15: the second day is a date of its own
            end = m.end(2)
            last = _coming_month_day(today, month, int(m.group(3)))
            _add_date(found, masked, m.start(3), m.end(), last, "year")
        _add_date(found, masked, m.start(), end, _coming_month_day(today, month, day_of_month), "year")
    if "th" in masked.current or "st" in masked.current or "nd" in masked.current or "rd" in masked.current:
        for m in _ORDINAL_EN_RE.finditer(masked.current):
            before, after = masked.current[: m.start()], masked.current[m.end() :]
            bare_in_span = _ORDINAL_CONNECTOR_BEFORE.search(before) or _ORDINAL_CONNECTOR_AFTER.match(after)
            said_as_a_day = (
                bare_in_span
                or _DATE_SAID_BEFORE.search(before)
                or before.rstrip(" ,").endswith(TIME_MARK)
                # set apart as a slot of its own: "Shenzhen to Harbin for 4 people, 28th, evening flight"
                or (before.rstrip().endswith((",", "，")) and _SET_APART_AFTER.match(after) is not None)
                or _PART_OF_THE_DAY_AFTER.match(after) is not None
            )
            next_month = _NEXT_MONTH_AFTER.match(after) or _NEXT_MONTH_BEFORE.search(before)
            if not m.group(1) and not said_as_a_day and next_month is None:
                continue  # "14th" alone may be anything; "the 14th", "13th to 15th", "checkin 15th", "Wed 18th" a day
            day_of_month = int(m.group(2))
            if not 1 <= day_of_month <= 31:
                continue
            if next_month is None:
                _add_date(found, masked, m.start(), m.end(), _coming_day_of_month(today, day_of_month), "month")
                continue
            start, end = (m.start(), m.end() + next_month.end()) if next_month.re is _NEXT_MONTH_AFTER else (
                next_month.start(), m.end()
            )
            _add_date(found, masked, start, end, _add_months(today, 1, day_of_month), None)


def _windows(masked: MaskedText, found: _Found, zh: bool, en: bool) -> None:
    if zh:
        for m in _WINDOW_ZH_RE.finditer(masked.current):
            before = masked.current[m.start() - 1] if m.start() > 0 else ""
            a_window_booked = (before == "个" and _BARE_MEASURE_VERB.match(masked.current, m.start() - 2)) or (
                _CLOCK_AFTER.match(masked.current, m.end())
            )
            if before in _COUNT_BEFORE_WINDOW and not a_window_booked:
                continue  # 两个晚上 counts nights (订个下午的机票 books an afternoon one; 哪吒3晚上十点 is the evening)
            if _ZH_GREETING_AFTER.match(masked.current, m.end()):
                continue  # 下午好: a greeting, said whenever the request is for
            if TURNED_DOWN_BEFORE.search(masked.current, max(0, m.start() - 4), m.start()):
                masked.mask(m.start(), m.end(), TIME_MARK)
                continue  # 不要红眼: the part of the day not wanted
            if m.group(0) in _MEAL_WINDOW_WORDS and before in _WITH_A_MEAL:
                continue  # 带早餐的酒店, 含早: what the room comes with, not when
            found.window = _narrowed(found.window, m.group(0), _WINDOW_ZH)
            if m.group(0) not in _MEAL_WINDOW_WORDS:
                masked.mask(m.start(), m.end(), TIME_MARK)
    if en:
        for m in _DAY_HALF_EN_RE.finditer(masked.current):
            found.window = found.window or ("morning" if m.group(1) == "am" else "afternoon")
            masked.mask(m.start(1), m.end(1), TIME_MARK)
        for m in _WINDOW_EN_RE.finditer(masked.current):
            word = m.group(0)
            if not _starts_word(masked.current, m.start()):
                continue
            if word == "night" and _NIGHT_COUNTED_RE.search(masked.current, 0, m.start()):
                continue
            if masked.current.endswith("good ", 0, m.start()):
                continue  # "Good afternoon. …on Monday morning": a greeting, not the time asked for
            if TURNED_DOWN_BEFORE.search(masked.current, max(0, m.start() - 20), m.start()):
                masked.mask(m.start(), m.end(), TIME_MARK)
                continue  # "anything but a red-eye", "not the morning": the part of the day not wanted
            if word == "night" and masked.current[: m.start()].rstrip().endswith(TIME_MARK):
                # "Friday night", "Feb 14 night": a named day's night out is its evening, as
                # "tomorrow night" and "tonight" are; "night" alone stays late night.
                found.window = found.window or "evening"
                masked.mask(m.start(), m.end(), TIME_MARK)
                continue
            found.window = _narrowed(found.window, word, _WINDOW_EN)
            if word not in _MEAL_WINDOW_WORDS:
                masked.mask(m.start(), m.end(), TIME_MARK)


def _narrowed(window: str | None, word: str, windows: dict[str, str]) -> str | None:
    """The first part of the day said wins, but a late word narrows an evening to the night."""
    if window is None or (window == "evening" and word in _LATE_WORDS):
        return windows[word]
    return window


def _meridiem(said: str | None) -> str | None:
    return said[:1] if said and said[:1] in ("a", "p") else None


def _clock_en(masked: MaskedText, found: _Found, words: set[str], digits: bool) -> None:
    """English clock times; each rule runs only when its words were said (scanning costs)."""
    said_at = "at" in words or "by" in words
    hour_words = not words.isdisjoint(_EN_HOUR_WORDS)
    hours_said = digits or hour_words
    if digits and "between" in words:
        _between_hours_en(masked, found)
    if said_at and ("noon" in words or "midnight" in words):
        _noon_exact_en(masked, found)
    if hours_said and ("half" in words or "quarter" in words):
        _half_past_en(masked, found)
    if hours_said and "half" in words:
        for m in _CLOCK_HALF_BRITISH_EN_RE.finditer(masked.current):
            hour = _int(m.group(1))
            if hour is not None and hour <= 24 and _starts_word(masked.current, m.start()):
                found.set_clock(hour, 30, _meridiem(m.group(2)))
                masked.mask(_prefix_start(masked.current, m.start()), m.end(), TIME_MARK)
    if digits and "ish" in masked.current:
        _at_or_around_en(masked, found, _CLOCK_ISH_EN_RE)
    for said, (by_digit, by_word) in (
        (_MERIDIEM_WORDS, _CLOCK_SUFFIX_EN),
        (_IN_THE_WORDS, _CLOCK_IN_THE_EN),
    ):
        if hours_said and not words.isdisjoint(said):
            for regex in (by_digit, by_word) if hour_words else (by_digit,):
                _hour_first_en(masked, found, regex)
    if hours_said and said_at:
        _at_or_around_en(masked, found, _CLOCK_AT_EN_RE)
    if digits and ("~" in masked.current or not words.isdisjoint(_APPROX_WORDS)):
        _at_or_around_en(masked, found, _CLOCK_APPROX_EN_RE)


# "between 9 and 11 am", "between 5 and 7pm": a delivery slot, no one time in it.
_BETWEEN_HOURS_EN_RE = compiled(
    r"\bbetween\s+(\d{1,2})(?::\d\d)?\s*([ap]\.?m\.?)?\s*(?:and|-|to)\s*(\d{1,2})(?::\d\d)?\s*([ap])\.?m\b\.?"
)


def _between_hours_en(masked: MaskedText, found: _Found) -> None:
    for m in _BETWEEN_HOURS_EN_RE.finditer(masked.current):
        first, last = int(m.group(1)), int(m.group(3))
        if not (1 <= first <= 12 and 1 <= last <= 12):
            continue
        last += 12 if m.group(4) == "p" and last < 12 else 0
        first += 12 if (m.group(2) or m.group(4))[0] == "p" and first < 12 and first + 12 <= last else 0
        middle = (first + last) / 2
        found.window = found.window or next(w for w, end in WINDOW_END_HOUR.items() if middle < end)
        masked.mask(m.start(), m.end(), TIME_MARK)


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _prefix_start(text: str, start: int) -> int:
    """Where "at" / "around" before a clock time begins, so that they are masked with it."""
    m = _EN_PREFIX_BEFORE_RE.search(text, max(0, start - 24), start)
    return m.start() if m else start


def _noon_exact_en(masked: MaskedText, found: _Found) -> None:
    for m in _NOON_EXACT_EN_RE.finditer(masked.current):
        if not _starts_word(masked.current, m.start()):
            continue
        # Midnight is the end of the day it belongs to: 24:00, that is 00:00 of the next day.
        found.set_clock(12 if m.group(1) == "noon" else 24)
        found.window = found.window or ("noon" if m.group(1) == "noon" else "night")
        masked.mask(m.start(), m.end(), TIME_MARK)


def _half_past_en(masked: MaskedText, found: _Found) -> None:
    for m in _CLOCK_HALF_EN_RE.finditer(masked.current):
        hour = _int(m.group(3))
        if hour is None or hour > 24 or not _starts_word(masked.current, m.start()):
            continue
        minute = 30 if m.group(1) == "half" else 15
        if m.group(2) == "to":
            hour, minute = (hour - 1) % 24, 60 - minute
        found.set_clock(hour, minute, _meridiem(m.group(4)))
        masked.mask(_prefix_start(masked.current, m.start()), m.end(), TIME_MARK)


def _hour_first_en(masked: MaskedText, found: _Found, regex: re.Pattern[str]) -> None:
    """8pm / 7:30 p.m. / eight o'clock / 8 in the evening / 9 at night."""
    for m in regex.finditer(masked.current):
        hour = _int(m.group(1))
        if hour is None or hour > 24 or not _starts_word(masked.current, m.start()):
            continue
        if regex.groups == 5:
            # 8 in the evening: the part of the day is said with the hour
            found.window = found.window or m.group(3) or ("night" if m.group(4) else "evening")
            found.set_clock(hour, int(m.group(2) or 0))
        else:
            found.set_clock(hour, int(m.group(2) or 0), _meridiem(m.group(3)))
        masked.mask(_prefix_start(masked.current, m.start()), m.end(), TIME_MARK)


def _at_or_around_en(masked: MaskedText, found: _Found, regex: re.Pattern[str]) -> None:
    for m in regex.finditer(masked.current):
        hour = _int(m.group(1))
        if hour is None or hour > 24 or not _starts_word(masked.current, m.start()):
            continue
        found.set_clock(hour, int(m.group(2) or 0))
        masked.mask(m.start(), m.end(), TIME_MARK)


def _clock_zh(masked: MaskedText, found: _Found) -> None:
    text = masked.current
    for m in _CLOCK_ZH_RE.finditer(text):
        hour_said = m.group(1)
        hour = _int(hour_said)
        if hour is None or hour > 24:  # 几点 asks the time, it does not say it
            continue
        if m.start() > 0 and text[m.start() - 1] in _NO_HOUR_BEFORE:
            continue
        end = m.end()
        minute = 30 if m.group(3) else 15 if m.group(4) else 45 if m.group(5) else 0
        if m.group(6):
            if not m.group(7):
                after = text[m.end(6) : m.end(6) + 1]
                if after in _DECIMAL_UNIT_AFTER:
                    continue  # 三点五公里: a decimal number
                if after in _MEASURE_AFTER_MINUTE:
                    end = m.end(2)  # 三点两杯: the 两 counts cups
            if end != m.end(2):
                minute = _int(m.group(6)) or 0
                if minute > 59:
                    continue
        bare = end == m.end(2)
        if bare and text.startswith(_NOT_CLOCK_AFTER, end):
            continue  # (三点半点俩: the 点 after the minutes orders)
        start = m.start()
        minutes_to = m.group(9)
        if minutes_to is None and (said_before := _MINUTES_TO_BEFORE.search(text, max(0, start - 6), start)):
            minutes_to, start = said_before.group(1), said_before.start()
        if minutes_to is not None:
            to = 15 if minutes_to == "一刻" else _int(minutes_to.removesuffix("钟").removesuffix("分")) or 0
            if not 0 < to < 60:
                continue
            hour, minute = (hour - 1) % 24, 60 - to
        said_first = m.start() == 0 or text[m.start() - 1] == " "  # 姐妹们 一点甜的…: a phrase starts here
        if hour_said == "一" and bare and (
            not _ends_a_time(text, end) if said_first else text[m.start() - 1] not in _ONE_OCLOCK_BEFORE
        ):
            continue  # 来一点, 甜一点, 少一点糖, 一点甜的…: "a little"
        found.set_clock(hour, minute)
        masked.mask(start, end, TIME_MARK)
        text = masked.current


def _ends_a_time(text: str, position: int) -> bool:
    """Whether a clock time said first can end here: 一点的电影, 一点，… (一点甜的 is "a little sweet")."""
    return position == len(text) or text[position] in _AFTER_A_FIRST_TIME


_AFTER_A_FIRST_TIME = frozenset(" 的,，。!！?？到前后" + TIME_MARK)


def _clock_colon(masked: MaskedText, found: _Found) -> None:
    text = masked.current
    for m in _CLOCK_COLON_RE.finditer(text):
        hour = int(m.group(1))
        if hour > 24 or (m.start() > 0 and text[m.start() - 1] in "0123456789:"):
            continue  # 123:45, 1:30:00
        found.set_clock(hour, int(m.group(2)))
        masked.mask(_prefix_start(text, m.start()), m.end(), TIME_MARK)


def _clock_four_digits(masked: MaskedText, found: _Found) -> None:
    text = masked.current
    for m in _CLOCK_FOUR_DIGITS_RE.finditer(text):
        found.set_clock(int(m.group(1)), int(m.group(2)))
        masked.mask(_prefix_start(text, m.start()), m.end(), TIME_MARK)


def _deltas(masked: MaskedText, now: datetime, found: _Found, zh: bool, en: bool) -> None:
    if zh:
        for m in _RELATIVE_DELTA_ZH_RE.finditer(masked.current):
            amount = 0.5 if m.group(1) == "半" else parse_number(m.group(1))
            if amount is not None and found.exact is None:
                found.exact = now + timedelta(minutes=amount * (1 if m.group(2) == "分钟" else 60))
            masked.mask(m.start(), m.end(), TIME_MARK)
    if en:
        for m in _RELATIVE_DELTA_EN_RE.finditer(masked.current):
            said = m.group(1)
            amount = 0.5 if said.startswith("half") else parse_number(said)
            if amount is not None and found.exact is None:
                found.exact = now + timedelta(minutes=amount * (60 if m.group(2).startswith("hour") else 1))
            masked.mask(m.start(), m.end(), TIME_MARK)


# ---- putting it together ------------------------------------------------------------------


def _hour_in_window(hour: int, window: str | None, meridiem: str | None) -> int | None:
    """The 24-hour clock hour (24 = the day's end), or None while still ambiguous (no am/pm, no window)."""
    if meridiem == "p":
        return hour + 12 if hour < 12 else hour
    if meridiem == "a":
        return 0 if hour == 12 else hour
    if hour == 0 and window == "evening":
        return 24  # 今晚零点: the end of the evening (凌晨零点 is the day's start)
    if hour == 0 or hour >= 13:
        return hour
    if window == "evening":
        return hour + 12  # 晚上十二点: midnight at the end of the evening
    if window == "afternoon":
        return hour + 12 if hour < 12 else hour
    if window == "night":
        return hour + 12 if 7 <= hour <= 12 else hour  # (凌晨六点 is six in the morning; 深夜十一点 is 23:00)
    if window == "noon":
        return hour + 12 if hour <= 3 else hour
    if window == "morning":
        return hour
    return None


def _ambiguous_hour(hour: int, minute: int, day: date | None, now: datetime) -> tuple[int, date]:
    """三点 / "at 7:30" with no part of the day: the next such moment, or a daytime guess on another day."""
    today = now.date()
    if day is not None and day != today:
        return (hour + 12 if hour < 7 else hour), day  # 明天三点 is 15:00, 明天八点 is 08:00
    for candidate in (hour % 12, hour % 12 + 12):
        if (candidate, minute) >= (now.hour, now.minute) and candidate >= 7:
            return candidate, today
    for candidate in (hour % 12, hour % 12 + 12):
        if (candidate, minute) >= (now.hour, now.minute):
            return candidate, today
    return (hour + 12 if hour < 7 else hour), today + timedelta(days=1)


# The day the way back is taken, said with it: 周日回, 5号回来, 回是26号, "back Fri", "flying back the following
# Tuesday".
_BACK_ON_IT_AFTER = compiled(r"\s*(?:回来|返回|返程|飞回|回(?![复答头家忆味]))")
_BACK_ON_IT_BEFORE = compiled(
    r"(?:回程|返程|回来是|回是|\bback|\breturn(?:ing)?|\bflying back)\s*(?:on\s+)?(?:the\s+)?(?:following\s+)?$"
)


def _span(masked: MaskedText, found: _Found) -> tuple[_DateMention | None, _DateMention | None]:
    """The day the request is for and, when a span was said, its last day; masks the connector."""
    dates = sorted(found.dates, key=lambda d: d.start)
    text = masked.current
    # "Monday the 14th", 3月8日周日: a weekday said next to a date names that day; the date says which week,
    # and the weekday which month when the date has none ("Wednesday the 18th": the next 18th on a Wednesday).
    for one, other in list(pairwise(dates)):
        if _SAID_BESIDE.fullmatch(text, one.end, other.start) is None:
            continue
        if one.holiday and other.roll == "month":
            # 国庆三号: the third of the holiday's month
            with suppress(ValueError):
                other.day = one.day.replace(day=other.day.day)
                dates.remove(one)
            continue
        weekday, said = (one, other) if one.roll == "week" else (other, one)
        if weekday.roll != "week" or said.roll not in ("month", "year"):
            continue
        if said.roll == "month":
            said.day = _on_a_weekday(said.day, weekday.day.weekday()) or said.day
        if weekday in dates:  # beside a date on either side
            dates.remove(weekday)
    for first, second in pairwise(dates):
        if _BACK_ON_IT_AFTER.match(text, second.end) or _BACK_ON_IT_BEFORE.search(text, 0, second.start):
            # 周五去周日回, 10月1号出发，10月5号回来, "out Wed, back Fri", "flying back the following Tuesday": a
            # trip's way back, its last day (a weekday said after the first day is the one after it)
            back: date | None = second.day
            while back is not None and back <= first.day and second.roll:
                back = _roll(back, second.roll)
            if back is not None and back > first.day:
                return first, replace(second, day=back)
        if (
            _AND.fullmatch(text, first.end, second.start)
            and not (first.holiday or second.holiday)  # 国庆三号: the third of the holiday
            and _STAY_SAID.search(text)
            and second.day > first.day
        ):
            # "tonight and tomorrow night", 周六和周日两晚: the nights of a stay, one after the other.
            return first, _DateMention(second.start, second.end, second.day + timedelta(days=1))
        connector = _SPAN_CONNECTOR_RE.fullmatch(text, first.end, second.start)
        if connector is None:
            continue
        masked.mask(connector.start(1), connector.end(1), TIME_MARK)
        if text.endswith("从", 0, first.start):
            masked.mask(first.start - 1, first.start, TIME_MARK)
        elif text.endswith("from ", 0, first.start) and not text[: first.start - 5][-1:].isalpha():
            masked.mask(first.start - 5, first.start - 1, TIME_MARK)
        end_day: date | None = second.day
        while end_day is not None and end_day < first.day and second.roll:
            end_day = _roll(end_day, second.roll)
        if end_day is None or end_day <= first.day:
            return first, None
        # "the 23rd to the 2nd of January": a first day said without its month is the last one before the end.
        while first.roll == "month" and (later := _roll(first.day, "month")) is not None and later < end_day:
            first = replace(first, day=later)
        return first, _DateMention(second.start, second.end, end_day)
    last = dates[-1]
    checking_out = _CHECK_OUT_AFTER.match(text, last.end)
    if checking_out is not None and checking_out.group(0).strip() == "走" and "住" not in text:
        checking_out = None  # 大后天走 for a flight is the day it goes; 周三走 leaves a stay only where one is said
    leaving_a_stay = _LEAVING_BEFORE.search(text, 0, last.start) is None or _STAY_SAID.search(text) is not None
    if (_CHECK_OUT_BEFORE.search(text, 0, last.start) and leaving_a_stay) or checking_out is not None:
        if len(dates) == 1:
            return None, last
        end_day: date | None = last.day
        while end_day is not None and end_day <= dates[0].day and last.roll:
            end_day = _roll(end_day, last.roll)
        if end_day is not None and end_day > dates[0].day:
            return dates[0], _DateMention(last.start, last.end, end_day)
    if len(dates) == 1 and text[: dates[0].start].rstrip().endswith(_LONE_END_BEFORE):
        return None, dates[0]  # 住到周日: the last day; the first is not said
    for later in dates[1:]:
        # 今天入住外滩的酒店，住到周日: the first day, then the last one said apart from it.
        if text[: later.start].rstrip().endswith(_LONE_END_BEFORE):
            end_day: date | None = later.day
            while end_day is not None and end_day <= dates[0].day and later.roll:
                end_day = _roll(end_day, later.roll)
            if end_day is not None and end_day > dates[0].day:
                return dates[0], _DateMention(later.start, later.end, end_day)
    # A holiday said as the occasion gives way to the day asked for: 国庆带娃看电影，明天上午十点; 春节回家，除夕前一天.
    return next((d for d in dates if not d.holiday), None) or next((d for d in dates if not d.season), dates[0]), None


def find_times(masked: MaskedText, now: datetime, told_until: int = 0) -> TimeSlots:
    """Read and mask every time expression; resolve them to one date (and end date), time and window.

    `told_until`: where the request begins after backstory (backstory.py); a day said in the request
    outweighs the days of the story before it, as it does those of a clause that tells before 帮我."""
    local_now = _local_now(now)
    today = local_now.date()
    found = _Found()
    # (read before the times are masked; the marks keep every place where it was)
    told_before_asking = 0 if told_until else asked_after_a_told_clause(masked.current)
    chars = set(masked.current)
    digits = not chars.isdisjoint(_DIGITS)
    words = set(_EN_TOKEN_RE.findall(masked.current)) if not chars.isdisjoint(_LATIN) else set()

    if (
        not chars.isdisjoint(_FESTIVAL_ZH_CHARS)
        or "五一" in masked.current
        or "六一" in masked.current
        or "平安夜" in masked.current
        or "520" in masked.current
        or any(said in masked.current for said in _LUNAR_FESTIVALS_ZH)
    ):
        _festival_zh(masked, today, found)
    if not words.isdisjoint(_FESTIVAL_EN_WORDS):
        _festival_en(masked, today, found)
    if digits:
        _numeric_dates(masked, today, found)
    if not chars.isdisjoint(_RELATIVE_ZH_CHARS):
        _relative_zh(masked, today, found)
    if not words.isdisjoint(_RELATIVE_EN_WORDS):
        _relative_en(masked, today, found)
    if "最后" in masked.current or "last" in words:
        _months_last(masked, today, found)  # (before the weekdays: 最后一个周五 is no coming Friday)
    if not chars.isdisjoint(_WEEKDAY_ZH_CHARS):
        _weekdays_zh(masked, today, found)
    if not words.isdisjoint(_WEEKDAY_EN_WORDS):
        _weekdays_en(masked, today, found)
    if not chars.isdisjoint(_DATE_ZH_CHARS):
        _month_days_zh(masked, today, found)
        _days_zh(masked, today, found)
    if not chars.isdisjoint(_VAGUE_DAYS_ZH_CHARS):
        _vague_days_zh(masked)
    if digits and not (words.isdisjoint(_MONTH_EN_WORDS) and words.isdisjoint(_ORDINAL_EN_WORDS)):
        _month_days_en(masked, today, found)
    zh_delta = "时" in chars or "钟" in chars
    en_delta = "in" in words and not words.isdisjoint(_DELTA_EN_WORDS)
    if zh_delta or en_delta:
        _deltas(masked, local_now, found, zh_delta, en_delta)
    if "~" in chars or not words.isdisjoint(_CLOCK_EN_WORDS) or (digits and "ish" in masked.current):
        _clock_en(masked, found, words, digits)  # before the windows: "8 in the evening" needs its "evening"
    zh_windows = not chars.isdisjoint(_WINDOW_ZH_CHARS)
    en_windows = not words.isdisjoint(_WINDOW_EN_WORDS)
    if zh_windows or en_windows:
        _windows(masked, found, zh_windows, en_windows)
    if not chars.isdisjoint(_CLOCK_ZH_CHARS):
        _clock_zh(masked, found)
    if ":" in chars:
        _clock_colon(masked, found)
    if digits and found.hour is None and _FOUR_DIGITS.search(masked.current):
        _clock_four_digits(masked, found)
    if len(found.dates) > 1 or (found.dates and _DAY_BEFORE_OR_AFTER_HINT.search(masked.current)):
        _days_said_from_another(masked, found)
    if told_until and any(d.start >= told_until for d in found.dates):
        found.dates = [d for d in found.dates if d.start >= told_until]
    elif told_before_asking and any(
        d.start >= told_before_asking and not masked.current.endswith(_LONE_END_BEFORE, 0, d.start)
        for d in found.dates
    ):
        # 9月1号孩子开学，帮我订8月31号…: the day asked for, not the one told (住到23号 ends a stay begun on it)
        found.dates = [d for d in found.dates if d.start >= told_before_asking]
    return _resolve(masked, found, local_now)


# "I have a meeting in Shanghai on Thursday, book a flight on the day before", 下周一开会，订前一天晚上的机票: the
# day before the one said (the one the story is about).
_DAY_BEFORE = compiled(r"前一天|头一天|前一晚|\b(?:the|a|one) (?:day|night|evening) before\b(?! yesterday)")
_DAY_BEFORE_OR_AFTER_HINT = compiled("前一|头一天|before|后一天|after")
# …or the day after it: 元宵节后一天, "the day after the Lantern Festival" (not "the day after tomorrow", a day of
# its own).
_DAY_AFTER = compiled(r"后一天|\b(?:the|a|one) day after\b(?! tomorrow| tmrw| tmr)")
# "get to Harbin by Saturday - flight on Friday evening": a day said as the deadline is not the day to book when
# another is said.
_DEADLINE_BEFORE = compiled(r"\b(?:by|before)\s+(?:the\s+)?$")


# "Going to Sanya for Spring Festival, book a flight on 除夕": the holiday is the occasion, not the day to book.
_OCCASION_BEFORE = compiled(r"\bfor\s+(?:the\s+)?$")


def _days_said_from_another(masked: MaskedText, found: _Found) -> None:
    text = masked.current
    not_the_day = [
        d for d in found.dates
        if _DEADLINE_BEFORE.search(text, max(0, d.start - 12), d.start)
        or (d.holiday and _OCCASION_BEFORE.search(text, max(0, d.start - 9), d.start))
    ]
    if not_the_day and len(not_the_day) < len(found.dates):
        found.dates = [d for d in found.dates if d not in not_the_day]
    for regex, days in ((_DAY_BEFORE, -1), (_DAY_AFTER, 1)):
        if (m := regex.search(masked.current)) is not None:
            other = max(found.dates, key=lambda d: d.start)
            found.dates = [_DateMention(m.start(), m.end(), other.day + timedelta(days=days))]
            masked.mask(m.start(), m.end(), TIME_MARK)
            break


def _resolve(masked: MaskedText, found: _Found, now: datetime) -> TimeSlots:
    today = now.date()
    slots = TimeSlots(time_window=found.window)
    first, last = _span(masked, found) if found.dates else (None, None)
    slots.end_date = last.day.isoformat() if last else None
    if found.exact is not None:
        slots.date, slots.time = found.exact.date().isoformat(), found.exact.strftime("%H:%M")
        return slots
    day = first.day if first else None
    if found.hour is not None:
        hour = _hour_in_window(found.hour, found.window, found.meridiem)
        if hour is None:
            hour, day = _ambiguous_hour(found.hour, found.minute, day, now)
            slots.hour_guessed = True
        elif day is None:
            # Future bias: a time already past today means tomorrow.
            passed = (hour, found.minute) < (now.hour, now.minute)
            day = today + timedelta(days=1) if passed else today
        if hour >= 24:  # midnight at the end of the day said
            hour, day = hour - 24, day + timedelta(days=1)
        slots.time = f"{hour:02d}:{found.minute:02d}"
    elif found.window is not None and day is None and last is None:
        passed = now.hour >= WINDOW_END_HOUR[found.window]
        day = today + timedelta(days=1) if passed else today
    slots.date = day.isoformat() if day else None
    slots.day_implied = day is not None and first is None
    return slots
