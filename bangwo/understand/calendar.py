"""The Spring Festival calendar: which Gregorian day 腊月 days, 除夕, 初一…初十 and 元宵 fall on, from the
tables of 初一 and of 腊月's length by year in domain/festival.py."""

from __future__ import annotations

from datetime import date, timedelta

from bangwo.domain.festival import LUNAR_FESTIVALS, LUNAR_NEW_YEAR, TWELFTH_MONTH_DAYS

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


def lunar_festival_day(today: date, festival: str) -> date | None:
    """The coming 端午, 七夕, 中秋 or 重阳 (today's, when it is today)."""
    for year in (today.year, today.year + 1):
        day = LUNAR_FESTIVALS[festival].get(year)
        if day is not None and day >= today:
            return day
    return None


def twelfth_month_day(today: date, day_of_month: int) -> date | None:
    """The coming 腊月 day (腊八 is 8): the month before this year's New Year, or next year's once it is past."""
    for year in (today.year, today.year + 1):
        new_year, days = LUNAR_NEW_YEAR.get(year), TWELFTH_MONTH_DAYS.get(year)
        if new_year is not None and days is not None and day_of_month <= days:
            day = new_year - timedelta(days=days - day_of_month + 1)
            if day >= today:
                return day
    return None
