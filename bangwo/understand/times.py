"""Dates, clock times and parts of the day, resolved against `now` with a future bias.

A person asking for something names a moment still to come: "周五" said on a Saturday is
the coming Friday, "八点" said at 10:00 is 20:00 today, "早上八点" said at 10:00 is
tomorrow morning. Rules, not a library: the libraries tried get Chinese wrong or are slow
(see NOTES-nlu.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bangwo.understand.numbers import ZH_NUMBER, parse_number
from bangwo.understand.text import TIME_MARK, MaskedText

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Lunar New Year's Day (正月初一) by Gregorian year; 除夕 is the day before. Enough years for a
# service's lifetime of campaigns without a lunar-calendar dependency.
LUNAR_NEW_YEAR: dict[int, date] = {
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
}

# When each part of the day is over (hours after the day's midnight): past it, "晚上" means tomorrow's.
WINDOW_END_HOUR = {"morning": 12, "noon": 14, "afternoon": 18, "evening": 24, "night": 29}

_WEEKDAY_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_WEEKDAY_EN = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH_EN = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_LUNAR_DAY_ZH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

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
_RELATIVE_DAY_EN: dict[str, tuple[int, str | None]] = {
    "the day after tomorrow": (2, None),
    "day after tomorrow": (2, None),
    "tomorrow": (1, None),
    "tonight": (0, "evening"),
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
    "夜里": "night",
    "夜间": "night",
    "深夜": "night",
    "半夜": "night",
    "凌晨": "night",
    "夜宵": "night",
    "宵夜": "night",
}
_WINDOW_EN = {
    "morning": "morning",
    "breakfast": "morning",
    "noon": "noon",
    "lunchtime": "noon",
    "lunch": "noon",
    "afternoon": "afternoon",
    "evening": "evening",
    "dinner": "evening",
    "supper": "evening",
    "midnight": "night",
    "late night": "night",
    "night": "night",
}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


# Meal words (午饭, dinner) also name a part of the day but stay readable for the food rules,
# so they are matched without being masked.
_MEAL_WINDOW_WORDS = frozenset(
    {"早饭", "早餐", "午饭", "午餐", "晚饭", "晚餐", "夜宵", "宵夜", "breakfast", "lunch", "dinner", "supper"}
)

_RELATIVE_DAY_ZH_RE = re.compile(_alternation(_RELATIVE_DAY_ZH))
_RELATIVE_DAY_EN_RE = re.compile(rf"\b(?:{_alternation(_RELATIVE_DAY_EN)})\b")
_WEEKDAY_ZH_RE = re.compile(r"(下下|下个?|这个?|本|上个?)?(?:周|星期|礼拜)([一二三四五六日天七])")
_WEEKDAY_EN_RE = re.compile(
    r"\b(?:(next|this|coming)\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)\b"
)
_MONTH_DAY_ZH_RE = re.compile(rf"({_N})月(?:({_N})(?:日|号)?)")
_DAY_ZH_RE = re.compile(rf"(?<![月\d零一二两三四五六七八九十])({_N})(?:号|日)(?![子元本])")
_MONTH_DAY_EN_RE = re.compile(
    r"\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
    r"|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b"
)
_ISO_DATE_RE = re.compile(r"\b(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b")
_FESTIVAL_ZH_RE = re.compile(
    r"(除夕|大年三十|大年夜|春节|过年那天|大年初([一二三四五六七八九十])|正月初([一二三四五六七八九十])|"
    r"初([一二三四五六七八九十])|元宵节?)"
    rf"(?:(前|后)({_N}|一)?天)?"
)
_FESTIVAL_EN_RE = re.compile(r"\b(?:chinese new year|lunar new year|spring festival)(?:'s)?(?:\s+(eve|day))?\b")
_WINDOW_ZH_RE = re.compile(_alternation(_WINDOW_ZH))
_WINDOW_EN_RE = re.compile(rf"\b(?:{_alternation(_WINDOW_EN)})\b")
# 三点 / 下午3点半 / 8点15分 / 十二点一刻. A bare minute must not be a quantity: 三点两杯 is 3:00 and two cups.
# The numerals are atomic so that 三十杯 cannot shrink to a minute 三 before 十杯.
_CLOCK_ZH_RE = re.compile(
    rf"((?>{_N}))(?:点钟|点)"
    rf"(?:(半)|(一刻)|(三刻)|((?>{_N}))(?:分|(?![杯份个碗瓶盒袋罐串只块听张斤箱包位人间晚]))|整)?"
)
# 一点 after a verb or an adverb is "a little" (来一点, 快一点, 少一点糖), not one o'clock.
_A_LITTLE_BEFORE = frozenset("来买点吃喝要加给少多有快早慢再稍差好些杯份个的")
_CLOCK_COLON_RE = re.compile(r"(?<![\d:])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:])(?:\s*(am|pm|a\.m\.|p\.m\.))?")
_CLOCK_EN_RE = re.compile(
    r"\b(?:at\s+(?:around\s+|about\s+)?)?(\d{1,2})(?:[.:]([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.|o'clock)"
    r"|\bat\s+(?:around\s+|about\s+)?(\d{1,2})(?:[.:]([0-5]\d))?\b(?!\s*(?:yuan|rmb|kuai|元|%|people|person))"
)
_NOON_EXACT_EN_RE = re.compile(r"\bat\s+(noon|midnight)\b")
_RELATIVE_DELTA_ZH_RE = re.compile(rf"({_N}|半)(?:个)?(小时|分钟|钟头)(?:之?后|以后)")
_RELATIVE_DELTA_EN_RE = re.compile(r"\bin\s+(\d+|an?|one|two|three|half an?)\s+(hours?|minutes?|mins?)\b")


@dataclass
class TimeSlots:
    """What the command said about when; absent parts stay None."""

    date: str | None = None
    time: str | None = None
    time_window: str | None = None
    # Day offset or absolute date found before the clock time is resolved.
    _day: date | None = field(default=None, repr=False)


def _local_now(now: datetime) -> datetime:
    if now.tzinfo is None:
        return now.replace(tzinfo=SHANGHAI)
    return now


def _coming_weekday(today: date, weekday: int, qualifier: str | None) -> date:
    monday = today - timedelta(days=today.weekday())
    if qualifier in ("下", "下个", "next"):
        return monday + timedelta(days=7 + weekday)
    if qualifier == "下下":
        return monday + timedelta(days=14 + weekday)
    if qualifier in ("这", "这个", "本", "this"):
        return monday + timedelta(days=weekday)
    if qualifier in ("上", "上个"):
        return monday - timedelta(days=7 - weekday)
    ahead = (weekday - today.weekday()) % 7  # same weekday: today
    return today + timedelta(days=ahead)


def _coming_month_day(today: date, month: int, day: int) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= today:
            return candidate
    return None


def _lunar_new_year_after(today: date, days_after_new_year: int) -> date | None:
    """The festival day (new year + offset) that is not yet past."""
    for year in (today.year, today.year + 1):
        new_year = LUNAR_NEW_YEAR.get(year)
        if new_year is None:
            continue
        candidate = new_year + timedelta(days=days_after_new_year)
        if candidate >= today:
            return candidate
    return None


def _small_int(span: str | None) -> int | None:
    if span is None:
        return None
    value = parse_number(span)
    return int(value) if value is not None and float(value).is_integer() else None


class _Found:
    """Collects the first value of each kind; later mentions do not override earlier ones."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.window: str | None = None
        self.hour: int | None = None
        self.minute = 0
        self.meridiem: str | None = None  # "am" / "pm" when said in English
        self.exact: datetime | None = None  # "半小时后": fully resolved


def _find_dates(masked: MaskedText, today: date, found: _Found) -> None:
    text = masked.current
    for m in _FESTIVAL_ZH_RE.finditer(text):
        word, lunar_day = m.group(1), m.group(2) or m.group(3) or m.group(4)
        if word.startswith(("除夕", "大年三十", "大年夜")):
            offset = -1
        elif word.startswith("元宵"):
            offset = 14
        elif lunar_day:
            offset = _LUNAR_DAY_ZH[lunar_day] - 1
        else:
            offset = 0
        if m.group(5):
            shift = _small_int(m.group(6)) or 1
            offset += -shift if m.group(5) == "前" else shift
        if found.day is None:
            found.day = _lunar_new_year_after(today, offset)
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _FESTIVAL_EN_RE.finditer(masked.current):
        if found.day is None:
            found.day = _lunar_new_year_after(today, -1 if m.group(1) == "eve" else 0)
        masked.mask(m.start(), m.end(), TIME_MARK)
    text = masked.current
    for m in _ISO_DATE_RE.finditer(text):
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        found.day = found.day or day
        masked.mask(m.start(), m.end(), TIME_MARK)
    for regex, table in ((_RELATIVE_DAY_ZH_RE, _RELATIVE_DAY_ZH), (_RELATIVE_DAY_EN_RE, _RELATIVE_DAY_EN)):
        for m in regex.finditer(masked.current):
            days, window = table[m.group(0)]
            found.day = found.day or today + timedelta(days=days)
            found.window = found.window or window
            masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _WEEKDAY_ZH_RE.finditer(masked.current):
        found.day = found.day or _coming_weekday(today, _WEEKDAY_ZH[m.group(2)], m.group(1))
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _WEEKDAY_EN_RE.finditer(masked.current):
        found.day = found.day or _coming_weekday(today, _WEEKDAY_EN[m.group(2)], m.group(1))
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _MONTH_DAY_ZH_RE.finditer(masked.current):
        month, day_of_month = _small_int(m.group(1)), _small_int(m.group(2))
        if month and day_of_month and 1 <= month <= 12:
            found.day = found.day or _coming_month_day(today, month, day_of_month)
            masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _MONTH_DAY_EN_RE.finditer(masked.current):
        month = _MONTH_EN[m.group(1) or m.group(4)]
        day_of_month = int(m.group(2) or m.group(3))
        found.day = found.day or _coming_month_day(today, month, day_of_month)
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _DAY_ZH_RE.finditer(masked.current):
        day_of_month = _small_int(m.group(1))
        if day_of_month and 1 <= day_of_month <= 31:
            month = today.month if day_of_month >= today.day else today.month % 12 + 1
            found.day = found.day or _coming_month_day(today, month, day_of_month)
            masked.mask(m.start(), m.end(), TIME_MARK)


def _find_windows(masked: MaskedText, found: _Found) -> None:
    # "at noon" is a clock time as well as a part of the day; read it before "noon" is masked.
    for m in _NOON_EXACT_EN_RE.finditer(masked.current):
        if found.hour is None:
            found.hour = 12 if m.group(1) == "noon" else 0
            found.window = found.window or ("noon" if m.group(1) == "noon" else "night")
        masked.mask(m.start(), m.end(), TIME_MARK)
    for regex, table in ((_WINDOW_ZH_RE, _WINDOW_ZH), (_WINDOW_EN_RE, _WINDOW_EN)):
        for m in regex.finditer(masked.current):
            found.window = found.window or table[m.group(0)]
            if m.group(0) not in _MEAL_WINDOW_WORDS:
                masked.mask(m.start(), m.end(), TIME_MARK)


def _find_clock(masked: MaskedText, now: datetime, found: _Found) -> None:
    for m in _RELATIVE_DELTA_ZH_RE.finditer(masked.current):
        amount = 0.5 if m.group(1) == "半" else parse_number(m.group(1))
        if amount is not None and found.exact is None:
            minutes = amount * (1 if m.group(2) == "分钟" else 60)
            found.exact = now + timedelta(minutes=minutes)
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _RELATIVE_DELTA_EN_RE.finditer(masked.current):
        said = m.group(1)
        amount = 0.5 if said.startswith("half") else parse_number(said)
        if amount is not None and found.exact is None:
            found.exact = now + timedelta(minutes=amount * (60 if m.group(2).startswith("hour") else 1))
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _CLOCK_COLON_RE.finditer(masked.current):
        if found.hour is None:
            found.hour, found.minute = int(m.group(1)), int(m.group(2))
            found.meridiem = (m.group(3) or "")[:1] or None
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _CLOCK_ZH_RE.finditer(masked.current):
        hour = _small_int(m.group(1))
        if hour is None or hour > 24 or m.group(1) == "几":  # 几点 asks the time, it does not say it
            continue
        said_a_little = m.group(1) == "一" and m.start() > 0 and masked.current[m.start() - 1] in _A_LITTLE_BEFORE
        if said_a_little or masked.current[m.end() : m.end() + 1] in ("儿", "点"):
            continue
        if found.hour is None:
            found.hour = hour
            if m.group(2):
                found.minute = 30
            elif m.group(3):
                found.minute = 15
            elif m.group(4):
                found.minute = 45
            elif m.group(5):
                found.minute = min(_small_int(m.group(5)) or 0, 59)
        masked.mask(m.start(), m.end(), TIME_MARK)
    for m in _CLOCK_EN_RE.finditer(masked.current):
        hour_said = m.group(1) or m.group(4)
        hour = int(hour_said)
        if hour > 24:
            continue
        if found.hour is None:
            found.hour = hour
            found.minute = int(m.group(2) or m.group(5) or 0)
            suffix = m.group(3) or ""
            found.meridiem = suffix[:1] if suffix[:1] in ("a", "p") else None
        masked.mask(m.start(), m.end(), TIME_MARK)


def _hour_in_window(hour: int, window: str | None, meridiem: str | None) -> int | None:
    """The 24-hour clock hour, or None when the hour is still ambiguous (no am/pm, no window)."""
    if meridiem == "p":
        return hour + 12 if hour < 12 else hour
    if meridiem == "a":
        return 0 if hour == 12 else hour
    if hour == 0 or hour >= 13:
        return hour % 24
    if window in ("afternoon", "evening"):
        return hour + 12 if hour < 12 else hour
    if window == "night":
        return hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
    if window == "noon":
        return hour + 12 if hour <= 3 else hour
    if window == "morning":
        return hour
    return None


def find_times(masked: MaskedText, now: datetime) -> TimeSlots:
    """Read and mask every time expression; resolve them to one date, time and window."""
    local_now = _local_now(now)
    today = local_now.date()
    found = _Found()
    _find_dates(masked, today, found)
    _find_windows(masked, found)
    _find_clock(masked, local_now, found)

    slots = TimeSlots(time_window=found.window)
    if found.exact is not None:
        slots.date, slots.time = found.exact.date().isoformat(), found.exact.strftime("%H:%M")
        return slots
    day = found.day
    if found.hour is not None:
        hour = _hour_in_window(found.hour, found.window, found.meridiem)
        if hour is None:
            hour, day = _ambiguous_hour(found.hour, found.minute, day, local_now)
        elif day is None:
            # Future bias: a time already past today means tomorrow.
            passed = (hour, found.minute) < (local_now.hour, local_now.minute)
            day = today + timedelta(days=1) if passed else today
        slots.time = f"{hour % 24:02d}:{found.minute:02d}"
    elif found.window is not None and day is None:
        passed = local_now.hour >= WINDOW_END_HOUR[found.window]
        day = today + timedelta(days=1) if passed else today
    slots.date = day.isoformat() if day else None
    return slots


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
