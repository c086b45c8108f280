"""The Spring Festival calendar: which Gregorian day 除夕, 初一…初十 and 元宵 fall on.

A table, not a lunar-calendar dependency: a campaign service needs a dozen years, and a
table is checkable against any almanac at a glance.
"""

from __future__ import annotations

from datetime import date, timedelta

# Lunar New Year's Day (正月初一) by Gregorian year. 除夕 is always the day before, also in
# years whose twelfth lunar month has only 29 days (the eve is then 腊月廿九, still called
# 除夕 / 年三十 by everyone).
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

# Offsets from 初一 of the days people name.
EVE = -1  # 除夕 / 大年三十 / 年三十
LANTERN = 14  # 元宵 = 正月十五

# The festival season of a year stays "this year's" until a month after 元宵: on 初五,
# "初一住到初四" still names this year's days (a past date the skill can point out), while
# in June "初一" can only mean next year's. Future bias with a grace period, so that one
# season always resolves to one year and spans inside it stay consistent.
SEASON_GRACE = timedelta(days=LANTERN + 30)


def festival_day(today: date, days_after_new_year: int) -> date | None:
    """初一 + offset in the festival season `today` belongs to (this one, or the next once it is over)."""
    for year in (today.year, today.year + 1):
        new_year = LUNAR_NEW_YEAR.get(year)
        if new_year is not None and today <= new_year + SEASON_GRACE:
            return new_year + timedelta(days=days_after_new_year)
    return None
