"""The Spring Festival's date by year: what the parser's calendar and the providers' peak prices both read.

A table, not a lunar-calendar dependency: a campaign service needs a dozen years, and a table is
checkable against any almanac at a glance.
"""

from __future__ import annotations

from datetime import date

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
