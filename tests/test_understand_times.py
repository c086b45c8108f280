"""Time expressions: dates, spans, clock times and parts of the day against fixed `now` values.

Each case is (text, (date, time, time_window, end_date)). The rules for ambiguous phrases are
the ones documented at the top of bangwo/understand/times.py.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bangwo.understand.text import TIME_MARK, MaskedText, clean, lower_ascii
from bangwo.understand.times import find_times

TUESDAY = datetime.fromisoformat("2026-02-10T10:00:00+08:00")  # the dev set's now
SATURDAY = datetime.fromisoformat("2026-02-14T10:00:00+08:00")
LATE = datetime.fromisoformat("2026-02-10T23:30:00+08:00")
MONTH_END = datetime.fromisoformat("2026-01-30T10:00:00+08:00")  # a Friday
NEXT_YEAR = datetime.fromisoformat("2027-01-15T10:00:00+08:00")
DECEMBER_2030 = datetime.fromisoformat("2030-12-20T10:00:00+08:00")
WINTER_2026 = datetime.fromisoformat("2026-11-20T10:00:00+08:00")

Slots = tuple[str | None, str | None, str | None, str | None]


def _read(text: str, now: datetime = TUESDAY) -> Slots:
    slots = find_times(MaskedText(lower_ascii(clean(text))), now)
    return slots.date, slots.time, slots.time_window, slots.end_date


def _left(text: str, now: datetime = TUESDAY) -> str:
    """What the other rules still see after the times were read."""
    masked = MaskedText(lower_ascii(clean(text)))
    find_times(masked, now)
    return masked.current.replace(TIME_MARK, "_")


def _day(day: str, window: str | None = None) -> Slots:
    return (day, None, window, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relative days
        ("今天", _day("2026-02-10")),
        ("明天", _day("2026-02-11")),
        ("后天", _day("2026-02-12")),
        ("大后天", _day("2026-02-13")),
        ("今晚", _day("2026-02-10", "evening")),
        ("明晚", _day("2026-02-11", "evening")),
        ("今早", _day("2026-02-10", "morning")),
        ("明早", _day("2026-02-11", "morning")),
        ("今天中午", _day("2026-02-10", "noon")),
        ("三天后", _day("2026-02-13")),
        ("today", _day("2026-02-10")),
        ("tomorrow", _day("2026-02-11")),
        ("the day after tomorrow", _day("2026-02-12")),
        ("tonight", _day("2026-02-10", "evening")),
        ("tomorrow night", _day("2026-02-11", "evening")),
        ("tomorrow morning", _day("2026-02-11", "morning")),
        ("tomorrow evening", _day("2026-02-11", "evening")),
        # weekdays (Tuesday 2026-02-10; next week starts Monday 02-16)
        ("周五", _day("2026-02-13")),
        ("星期五", _day("2026-02-13")),
        ("礼拜五", _day("2026-02-13")),
        ("这周五", _day("2026-02-13")),
        ("本周五", _day("2026-02-13")),
        ("下周五", _day("2026-02-20")),
        ("下个星期五", _day("2026-02-20")),
        ("下下周五", _day("2026-02-27")),
        ("礼拜天", _day("2026-02-15")),
        ("周一", _day("2026-02-16")),  # passed this week: the coming one
        ("帮我看一下周五的航班", _day("2026-02-13")),  # 一下 is "a bit", not "next"
        ("on friday", _day("2026-02-13")),
        ("friday", _day("2026-02-13")),
        ("this friday", _day("2026-02-13")),
        ("next friday", _day("2026-02-20")),  # the Friday of next week
        ("friday next week", _day("2026-02-20")),
        ("next week friday", _day("2026-02-20")),
        # dates
        ("2月14日", _day("2026-02-14")),
        ("2月14号", _day("2026-02-14")),
        ("二月十四日", _day("2026-02-14")),
        ("14号", _day("2026-02-14")),
        ("14日", _day("2026-02-14")),
        ("9号", _day("2026-03-09")),  # passed this month: next month's
        ("30号", _day("2026-03-30")),  # February has no 30th
        ("1月5日", _day("2027-01-05")),  # passed this year: next year's
        ("feb 14", _day("2026-02-14")),
        ("february 14th", _day("2026-02-14")),
        ("14 feb", _day("2026-02-14")),
        ("the 14th", _day("2026-02-14")),
        ("on the 13th", _day("2026-02-13")),
        ("2/14", _day("2026-02-14")),
        ("2026-02-14", _day("2026-02-14")),
        ("2026年3月1日", _day("2026-03-01")),
        ("下个月5号", _day("2026-03-05")),
        # parts of the day (10:00: the morning is not over yet)
        ("上午", _day("2026-02-10", "morning")),
        ("早上", _day("2026-02-10", "morning")),
        ("中午", _day("2026-02-10", "noon")),
        ("下午", _day("2026-02-10", "afternoon")),
        ("傍晚", _day("2026-02-10", "evening")),
        ("晚上", _day("2026-02-10", "evening")),
        ("夜里", _day("2026-02-10", "night")),
        ("凌晨", _day("2026-02-10", "night")),
        ("morning", _day("2026-02-10", "morning")),
        ("noon", _day("2026-02-10", "noon")),
        ("afternoon", _day("2026-02-10", "afternoon")),
        ("evening", _day("2026-02-10", "evening")),
        ("night", _day("2026-02-10", "night")),
        ("midnight", _day("2026-02-10", "night")),
        # clock times without a part of the day: the next daytime moment (see times.py)
        ("8点", ("2026-02-10", "20:00", None, None)),
        ("八点", ("2026-02-10", "20:00", None, None)),
        ("8点半", ("2026-02-10", "20:30", None, None)),
        ("八点半", ("2026-02-10", "20:30", None, None)),
        ("七点半", ("2026-02-10", "19:30", None, None)),
        ("两点半", ("2026-02-10", "14:30", None, None)),
        ("十点一刻", ("2026-02-10", "10:15", None, None)),
        # minutes to the hour, and past it (as said aloud)
        ("晚上差五分九点", ("2026-02-10", "20:55", "evening", None)),
        ("晚上九点差一刻", ("2026-02-10", "20:45", "evening", None)),
        ("早上九点差十分", ("2026-02-11", "08:50", "morning", None)),
        ("下午两点过五分", ("2026-02-10", "14:05", "afternoon", None)),
        ("差五分十二点", ("2026-02-10", "11:55", None, None)),
        ("十一点", ("2026-02-10", "11:00", None, None)),
        ("8点15分", ("2026-02-10", "20:15", None, None)),
        ("20:00", ("2026-02-10", "20:00", None, None)),
        ("7:30", ("2026-02-10", "19:30", None, None)),
        ("19点", ("2026-02-10", "19:00", None, None)),
        ("8pm", ("2026-02-10", "20:00", None, None)),
        ("8 pm", ("2026-02-10", "20:00", None, None)),
        ("8p.m.", ("2026-02-10", "20:00", None, None)),
        ("7:30pm", ("2026-02-10", "19:30", None, None)),
        ("9am", ("2026-02-11", "09:00", None, None)),  # passed today
        ("at 8", ("2026-02-10", "20:00", None, None)),
        ("around 8", ("2026-02-10", "20:00", None, None)),
        ("about 8 o'clock", ("2026-02-10", "20:00", None, None)),
        ("8 o'clock", ("2026-02-10", "20:00", None, None)),
        ("half past seven", ("2026-02-10", "19:30", None, None)),
        ("quarter past eight", ("2026-02-10", "20:15", None, None)),
        ("quarter to eight", ("2026-02-10", "19:45", None, None)),
        ("at noon", ("2026-02-10", "12:00", "noon", None)),
        ("八点左右", ("2026-02-10", "20:00", None, None)),
        ("8点前后", ("2026-02-10", "20:00", None, None)),
        ("around 8 pm", ("2026-02-10", "20:00", None, None)),
        # clock times with a part of the day or a day
        ("晚上8点", ("2026-02-10", "20:00", "evening", None)),
        ("晚上8点左右", ("2026-02-10", "20:00", "evening", None)),
        ("8 in the evening", ("2026-02-10", "20:00", "evening", None)),
        ("下午一点", ("2026-02-10", "13:00", "afternoon", None)),
        ("早上八点", ("2026-02-11", "08:00", "morning", None)),  # passed today: tomorrow
        ("凌晨两点", ("2026-02-11", "02:00", "night", None)),
        ("晚上十二点", ("2026-02-11", "00:00", "evening", None)),  # midnight ends the evening
        ("明天三点", ("2026-02-11", "15:00", None, None)),
        ("明天九点", ("2026-02-11", "09:00", None, None)),
        ("周五晚上七点半", ("2026-02-13", "19:30", "evening", None)),
        ("on friday at 7:30pm", ("2026-02-13", "19:30", None, None)),
        ("tomorrow at 8", ("2026-02-11", "08:00", None, None)),
        ("半小时后", ("2026-02-10", "10:30", None, None)),
        ("in 2 hours", ("2026-02-10", "12:00", None, None)),
        # the Spring Festival of 2026 (初一 = 02-17)
        ("除夕", _day("2026-02-16")),
        ("大年三十", _day("2026-02-16")),
        ("年三十", _day("2026-02-16")),
        ("除夕夜", _day("2026-02-16", "evening")),
        ("初一", _day("2026-02-17")),
        ("大年初一", _day("2026-02-17")),
        ("春节", _day("2026-02-17")),
        ("初四", _day("2026-02-20")),
        ("初十", _day("2026-02-26")),
        ("正月十五", _day("2026-03-03")),
        ("元宵节", _day("2026-03-03")),
        ("元宵那天", _day("2026-03-03")),
        ("情人节", _day("2026-02-14")),
        ("六一那天", _day("2026-06-01")),  # 儿童节, said by its date as 五一 is
        ("六一儿童节", _day("2026-06-01")),  # (held before)
        ("六一路的酒店", (None, None, None, None)),  # (held before) a street named for the day
        ("除夕前一天", _day("2026-02-15")),
        ("初三后两天", _day("2026-02-21")),
        ("chinese new year", _day("2026-02-17")),
        ("lunar new year", _day("2026-02-17")),
        ("spring festival", _day("2026-02-17")),
        ("chinese new year's eve", _day("2026-02-16")),
        ("lantern festival", _day("2026-03-03")),
        ("valentine's day", _day("2026-02-14")),
        # a day counted from a holiday said in English; New Year's Eve is 除夕 after the Chinese New Year is said
        ("going home for cny, the day before new year's eve", _day("2026-02-15")),
        ("two days after christmas", _day("2026-12-27")),
        ("the day before new year's eve", (None, None, None, None)),  # (held before) 31 December or 除夕: asked
        ("may day", _day("2026-05-01")),  # China's 1 May and 1 June, in English
        ("childrens day", _day("2026-06-01")),
        ("i may day-trip to suzhou", (None, None, None, None)),  # (held before) no day
        # the Spring Festival's days in pinyin, as English written in China says them
        ("starting chuxi", _day("2026-02-16")),
        ("on chu yi afternoon", ("2026-02-17", None, "afternoon", None)),
        ("chusan", _day("2026-02-19")),
        ("yuanxiao festival", _day("2026-03-03")),
        ("a chunky sweater", (None, None, None, None)),  # (held before) no day in a word that starts with chu
        # spans
        ("从周五住到下周一", ("2026-02-13", None, None, "2026-02-16")),
        ("从初一住到初四", ("2026-02-17", None, None, "2026-02-20")),
        ("初十到十五", ("2026-02-26", None, None, "2026-03-03")),  # 十五 in a festival context
        ("from friday to sunday", ("2026-02-13", None, None, "2026-02-15")),
        ("feb 13 to feb 15", ("2026-02-13", None, None, "2026-02-15")),
        ("feb 13-15", ("2026-02-13", None, None, "2026-02-15")),
        ("from the 13th to the 15th", ("2026-02-13", None, None, "2026-02-15")),
        ("13号到15号", ("2026-02-13", None, None, "2026-02-15")),
        ("13到15号", ("2026-02-13", None, None, "2026-02-15")),
        ("2月13日到15日", ("2026-02-13", None, None, "2026-02-15")),
        ("周五到周一", ("2026-02-13", None, None, "2026-02-16")),  # the Monday after the Friday
        ("明天住到周日", ("2026-02-11", None, None, "2026-02-15")),
        ("住到周日", (None, None, None, "2026-02-15")),  # the first night is not said
        ("周五和周六", _day("2026-02-13")),  # two days, no span
        # a greeting says when the person writes, not when the request is for
        ("good afternoon, a flight on friday morning", _day("2026-02-13", "morning")),
        ("good evening. a flight this thursday please", _day("2026-02-12")),
        ("下午好，明天上午的机票", _day("2026-02-11", "morning")),
        ("晚上好呀，帮我订周五的票", _day("2026-02-13")),
        ("晚上好吃的烧烤", _day("2026-02-10", "evening")),
    ],
)
def test_tuesday(text: str, expected: Slots) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # a Saturday: the Friday that is meant is the coming one
        (SATURDAY, "周五", _day("2026-02-20")),
        (SATURDAY, "这周五", _day("2026-02-20")),  # this week's has passed
        (SATURDAY, "下周五", _day("2026-02-20")),
        (SATURDAY, "friday", _day("2026-02-20")),
        (SATURDAY, "next friday", _day("2026-02-20")),
        (SATURDAY, "this friday", _day("2026-02-20")),
        (SATURDAY, "周六", _day("2026-02-14")),
        (SATURDAY, "下周日", _day("2026-02-22")),
        (SATURDAY, "from friday to sunday", ("2026-02-20", None, None, "2026-02-22")),
        # late evening
        (LATE, "八点", ("2026-02-11", "08:00", None, None)),
        (LATE, "at 7:30", ("2026-02-11", "07:30", None, None)),
        (LATE, "中午", _day("2026-02-11", "noon")),
        (LATE, "晚上", _day("2026-02-10", "evening")),
        (LATE, "今晚", _day("2026-02-10", "evening")),
        (LATE, "明天", _day("2026-02-11")),
        # near the end of a month (Friday 2026-01-30)
        (MONTH_END, "31号", _day("2026-01-31")),
        (MONTH_END, "30号", _day("2026-01-30")),
        (MONTH_END, "2号", _day("2026-02-02")),
        (MONTH_END, "the 2nd", _day("2026-02-02")),
        (MONTH_END, "28号到2号", ("2026-02-28", None, None, "2026-03-02")),
        (MONTH_END, "周五", _day("2026-01-30")),
        (MONTH_END, "下周一", _day("2026-02-02")),
        # the festival table in other years
        (NEXT_YEAR, "除夕", _day("2027-02-05")),
        (NEXT_YEAR, "元宵", _day("2027-02-20")),
        (DECEMBER_2030, "初一", _day("2031-01-23")),
        (DECEMBER_2030, "除夕", _day("2031-01-22")),
        (datetime.fromisoformat("2026-06-01T10:00:00+08:00"), "春节", _day("2027-02-06")),  # season over
        (datetime.fromisoformat("2026-02-20T10:00:00+08:00"), "初一", _day("2026-02-17")),  # still this season
        (datetime.fromisoformat("2024-01-20T10:00:00+08:00"), "除夕", _day("2024-02-09")),
        (datetime.fromisoformat("2035-12-01T10:00:00+08:00"), "春节", (None, None, None, None)),  # off the table
        # the offset in `now` decides what "today" is; a naive now is Shanghai time
        (datetime.fromisoformat("2026-02-10T20:00:00-05:00"), "明天", _day("2026-02-11")),
        (datetime(2026, 2, 10, 10, 0), "下午三点", ("2026-02-10", "15:00", "afternoon", None)),
    ],
)
def test_other_nows(now: datetime, text: str, expected: Slots) -> None:
    assert _read(text, now) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (these held before) a day of this month, the month's last day or weekday, the weekday after next
        ("这个月15号", _day("2026-02-15")),
        ("本月20号入住", _day("2026-02-20")),
        ("这个月最后一天", _day("2026-02-28")),
        ("下个月最后一个周五", _day("2026-03-27")),
        ("the last day of this month", _day("2026-02-28")),
        ("the last Friday of next month", _day("2026-03-27")),
        ("the Wednesday after next", _day("2026-02-25")),
        ("ten days from now", _day("2026-02-20")),
        ("a week from this Friday", _day("2026-02-20")),
        ("first thing tomorrow", _day("2026-02-11", "morning")),
        ("今晚零点", ("2026-02-11", "00:00", "evening", None)),  # the end of tonight
        # a date with its year, day first or month first, whichever comes soonest; a span day first
        ("checking in on 24/04/2026", _day("2026-04-24")),
        ("on 12/05/2026", _day("2026-05-12")),
        ("from 11 to 14 April 2026", ("2026-04-11", None, None, "2026-04-14")),
        ("1-3 October", ("2026-10-01", None, None, "2026-10-03")),
        ("明天凌晨零点", ("2026-02-11", "00:00", "night", None)),  # the start of tomorrow
        ("元宵节后一天", _day("2026-03-04")),  # the day after the one said
        ("the day after the Lantern Festival", _day("2026-03-04")),  # (held before)
        ("元宵节第二天", _day("2026-03-04")),
        ("plane ticket after tomorrow night", _day("2026-02-12", "evening")),  # 后天, as a second language says it
        ("国庆节的第二天", _day("2026-10-02")),
        ("Shenzhen to Harbin for 4 people, 28th, evening flight is ok", _day("2026-02-28", "evening")),
        ("the day after tomorrow", _day("2026-02-12")),
        ("a film for sat: Toy Story 5", _day("2026-02-14")),  # sat said as the day a thing is for
        ("周5晚上八点", ("2026-02-13", "20:00", "evening", None)),  # a weekday typed with its digit
        ("星期6", _day("2026-02-14")),
        # days counted from a holiday said in English, in words or digits
        ("3 days before Chinese New Year's Eve", _day("2026-02-13")),
        ("2 days before Chinese New Year", _day("2026-02-15")),
        ("two days after Christmas", _day("2026-12-27")),  # (held before)
        ("a room in Xiamen, sat for 2 nights", _day("2026-02-14")),  # sat before how long one stays
        # a day of the month said bare is a day before a part of the day or a clock ("14th" alone may be anything)
        ("kunming to bangkok 25th evening under 1200", _day("2026-02-25", "evening")),
        ("fly to Beijing 14th 7pm", ("2026-02-14", "19:00", None, None)),
        ("Shanghai to Sydney xmas eve", _day("2026-12-24")),
        # a day of next month, in words said before or after it; 下个月初三 is no Spring Festival day
        ("the 15th of next month", _day("2026-03-15")),
        ("3rd of next month", _day("2026-03-03")),
        ("next month on the 20th", _day("2026-03-20")),
        ("next month 15号", _day("2026-03-15")),
        ("下个月初三", _day("2026-03-03")),
        ("下月初十", _day("2026-03-10")),
        ("Tuesday of the week after next", _day("2026-02-24")),
        ("Friday the week after next", _day("2026-02-27")),
        ("520那天晚上", _day("2026-05-20", "evening")),  # the 20th of May, a day for lovers
        ("国庆头一天", _day("2026-10-01")),
    ],
)
def test_days_said_with_care(text: str, expected: Slots) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        # The military way: "at"/"by" before it, hours after it, or a delivery's 送/到 after it
        ("two tickets this coming saturday at 1930", "19:30"),
        ("flight at 0745 hrs to beijing tomorrow", "07:45"),
        ("要一份水煮鱼，1930送到", "19:30"),
        ("deliver by 2100", "21:00"),
        # A year, an amount or an order's number is no clock time (held before)
        ("book 2 rooms for 2026 nights", None),
        ("my order 2030 is late", None),
        ("budget 1500 yuan at most", None),
        ("at 2460", None),
    ],
)
def test_a_clock_time_in_four_digits(text: str, clock: str | None) -> None:
    assert _read(text)[1] == clock


@pytest.mark.parametrize(
    "text",
    [
        "十五块",
        "520块以内",  # (held before) a price, not the 20th of May
        "清明上河图拼图",  # the painting
        "十五个饺子",
        "少一点糖",
        "快一点",
        "甜一点",
        "来一点奶茶",
        "三点水",
        "三点五公里",
        "九点九元",
        "4 seats",
        "two nights",
        "8 km",
        "around 8 km",
        "about 8 people",
        "800一晚",
        "7-11",
        "at 7-11",
        "一日三餐",
        "3号线",
        "买一袋元宵",
        "春节档电影",
        "1/2糖",
        "decaf 2 cups",
        "get me 15 yuan milk tea",
        "new year's eve",  # said before 除夕 comes: Dec 31 or 除夕, left to ask
        "几点开门",
        "帮我点一杯奶茶",
    ],
)
def test_not_a_time(text: str) -> None:
    assert _read(text) == (None, None, None, None)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("三点两杯", "__两杯"),  # 两 counts cups, not minutes
        ("两点半两杯奶茶", "___两杯奶茶"),
        ("初一买十五个饺子", "__买十五个饺子"),
        ("住两个晚上", "住两个晚上"),
        ("book a hotel for one night", "book a hotel for one night"),
        ("get me 4 seats tomorrow evening", "get me 4 seats ________ _______"),
        ("从周五住到下周一", "___住____"),  # 从 and 到 belong to the span; 住 stays for the hotel rules
        ("晚上8点左右", "______"),
        ("around 8 pm", "___________"),
        ("800一晚", "800一晚"),
        ("三点水", "三点水"),
    ],
)
def test_masks_only_what_it_read(text: str, left: str) -> None:
    assert _left(text) == left


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("帮我买两张《惊蛰无声》首映的票，最后一排，晚上8点左右", ("2026-02-10", "20:00", "evening", None)),
        ("周五晚上七点半的团圆饭，两张中间的位置", ("2026-02-13", "19:30", "evening", None)),
        ("除夕前一天回成都的机票，从深圳出发", _day("2026-02-15")),
        ("帮我在三亚订两间房，从初一住到初四", ("2026-02-17", None, None, "2026-02-20")),
        ("one ticket for Reunion Dinner on Friday at 7:30pm, front row", ("2026-02-13", "19:30", "evening", None)),
        (
            "buy two tickets for the premiere of Silent Awakening, last row, around 8 pm",
            ("2026-02-10", "20:00", None, None),
        ),
        ("get me 4 seats together for Star Wanderer tomorrow evening", _day("2026-02-11", "evening")),
        ("帮我看一下周五北京到三亚的航班，要经济舱，1500以内", _day("2026-02-13")),
        ("明天入住西湖边的酒店，一晚，500以内", _day("2026-02-11")),
        ("book a hotel near the Bund for two nights", (None, None, None, None)),
    ],
)
def test_dev_sentences(text: str, expected: Slots) -> None:
    assert _read(text) == expected


def test_works_on_a_clause_of_a_longer_sentence() -> None:
    sentence = clean("帮我订明天上午去上海的机票，再订一间外滩附近的酒店，从周五住到周日")
    first, second = sentence.split(",再")  # clean() made the full-width comma ASCII
    assert _read(first)[:3] == ("2026-02-11", None, "morning")
    assert _read(second) == ("2026-02-13", None, None, "2026-02-15")


SUMMER = datetime.fromisoformat("2026-08-20T10:00:00+08:00")  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The other lunar festivals, from the table in domain/festival.py, and days counted from any holiday.
        ("中秋节前一天送两盒月饼", _day("2026-09-24")),
        ("端午节当天上午从西安飞杭州", _day("2027-06-09", "morning")),  # this year's is past
        ("七夕那天晚上", _day("2027-08-08", "evening")),
        # 清明, a solar term: the 4th or 5th of April by year, from the same table
        ("清明节回老家 上海飞武汉", _day("2027-04-05")),
        ("清明前一天飞成都", _day("2027-04-04")),
        ("flight home for Qingming", _day("2027-04-05")),
        ("Tomb-Sweeping Day flight to Xiamen", _day("2027-04-05")),
        ("元旦前一天从哈尔滨飞广州", _day("2026-12-31")),
        ("fly on the mid-autumn festival", _day("2026-09-25")),
        ("on the eve of Chinese New Year", _day("2027-02-05")),
        # A weekday beside a date: the date, in the month where it falls on that weekday.
        ("Monday the 14th at 8:30 in the morning", ("2026-09-14", "08:30", "morning", None)),
        ("Star Wanderer, Wednesday 18th", _day("2026-11-18")),
        ("checkin 15th 3 nights", _day("2026-09-15")),
        # Stays: nights named one after another, check-out said with "and out", the month said only at the end.
        ("a room tonight and tomorrow night", ("2026-08-20", None, "evening", "2026-08-22")),
        ("hotel Saturday and Sunday nights", ("2026-08-22", None, None, "2026-08-24")),
        ("酒店周六周日两晚", ("2026-08-22", None, None, "2026-08-24")),
        ("checking in the 3rd and out the 6th of September", ("2026-09-03", None, None, "2026-09-06")),
        ("Shanghai for the holidays, 23rd to the 2nd of January", ("2026-12-23", None, None, "2027-01-02")),
        ("a hotel for 4 nights starting sat", _day("2026-08-22")),
        # Weeks from now, a delivery slot, minutes before an order's 点.
        ("a week from today", _day("2026-08-27")),
        ("a week from Friday", _day("2026-08-28")),  # the coming Friday's next
        ("a room for a week from Monday", _day("2026-08-24")),  # (held before) a stay that long, from that Monday
        ("两个星期后", _day("2026-09-03")),
        ("tomorrow between 9 and 11 am", _day("2026-08-21", "morning")),
        ("on the 12th between 5 and 7 pm", _day("2026-09-12", "evening")),
        ("下午三点半点俩杨枝甘露", ("2026-08-20", "15:30", "afternoon", None)),
    ],
)
def test_summer(text: str, expected: Slots) -> None:
    assert _read(text, SUMMER) == expected


def test_a_holiday_with_its_day_is_no_run_of_nights() -> None:
    assert _read("国庆三号入住，住两晚", SUMMER) == _day("2026-10-03")



def test_new_years_eve_is_the_31st_once_the_spring_festival_is_past() -> None:
    # After this year's 除夕 the next New Year's Eve is 31 December; before it, which of the two is left to ask.
    assert _read("new year's eve", datetime.fromisoformat("2026-12-20T10:00:00+08:00"))[0] == "2026-12-31"
    assert _read("nye", datetime.fromisoformat("2026-03-20T10:00:00+08:00"))[0] == "2026-12-31"
    assert _read("new year's eve", datetime.fromisoformat("2027-01-20T10:00:00+08:00"))[0] is None


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # The twelfth lunar month (腊月) before the coming New Year, whichever its length.
        (WINTER_2026, "腊八那天中午", _day("2027-01-15", "noon")),
        (WINTER_2026, "腊月二十三", _day("2027-01-30")),
        (WINTER_2026, "腊月初十住进去", _day("2027-01-17")),  # not 正月初十
        (WINTER_2026, "腊月廿八到正月初五", ("2027-02-04", None, None, "2027-02-10")),
        (datetime.fromisoformat("2029-12-01T10:00:00+08:00"), "腊月三十", _day("2030-02-02")),  # a month of 30 days
        (datetime.fromisoformat("2026-01-10T10:00:00+08:00"), "腊八", _day("2026-01-26")),  # this winter's
        (datetime.fromisoformat("2026-02-01T10:00:00+08:00"), "腊八", _day("2027-01-15")),  # past: next winter's
    ],
)
def test_days_of_the_twelfth_lunar_month(now: datetime, text: str, expected: Slots) -> None:
    assert _read(text, now) == expected


def test_laba_porridge_is_no_date() -> None:  # (held before)
    assert _read("帮我订两碗腊八粥", WINTER_2026)[0] is None


@pytest.mark.parametrize(
    ("text", "said"), [("月底去青岛", "月底"), ("三月初去清迈", "三月初"), ("下个月中旬", "下个月中旬")]
)
def test_parts_of_a_month_are_read_as_times_that_name_no_day(text: str, said: str) -> None:
    masked = MaskedText(lower_ascii(clean(text)))
    assert find_times(masked, TUESDAY).date is None
    assert masked.current.startswith(TIME_MARK * len(said))  # read (so no place): 月底 is no origin


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        # The day asked for over the festival said as the occasion.
        (datetime.fromisoformat("2026-02-02T08:20:00+08:00"), "春节回家，除夕前一天", _day("2026-02-15")),
        (datetime.fromisoformat("2026-02-02T08:20:00+08:00"), "春节期间", _day("2026-02-17")),  # (held before)
        # 凌晨 keeps six in the morning; a weekday "of next week"; a month's day after another number.
        (datetime.fromisoformat("2027-01-30T09:00:00+08:00"), "大后天凌晨六点", ("2027-02-02", "06:00", "night", None)),
        (datetime.fromisoformat("2026-07-06T09:00:00+08:00"), "Friday of next week", _day("2026-07-17")),
        (datetime.fromisoformat("2026-11-19T23:05:00+08:00"), "ne zha 2 dec 3 evening", _day("2026-12-03", "evening")),
        (datetime.fromisoformat("2026-11-19T23:05:00+08:00"), "3rd june 2 person", _day("2027-06-03")),  # (held before)
    ],
)
def test_the_day_meant_among_days_said(now: datetime, text: str, expected: Slots) -> None:
    assert _read(text, now) == expected
