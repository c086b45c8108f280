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

# The other festivals people book around, by Gregorian year: the lunar ones (端午 = 五月初五, 七夕 = 七月初七,
# 中秋 = 八月十五, 重阳 = 九月初九), converted with the lunardate package once and checked against the 初一
# table above, which it reproduces for every year; and 清明, a solar term (4 or 5 April), from the almanac.
LUNAR_FESTIVALS: dict[str, dict[int, date]] = {
    "清明": {
        2024: date(2024, 4, 4), 2025: date(2025, 4, 4), 2026: date(2026, 4, 5), 2027: date(2027, 4, 5),
        2028: date(2028, 4, 4), 2029: date(2029, 4, 4), 2030: date(2030, 4, 5), 2031: date(2031, 4, 5),
        2032: date(2032, 4, 4), 2033: date(2033, 4, 4), 2034: date(2034, 4, 5), 2035: date(2035, 4, 5),
    },
    "端午": {
        2024: date(2024, 6, 10), 2025: date(2025, 5, 31), 2026: date(2026, 6, 19), 2027: date(2027, 6, 9),
        2028: date(2028, 5, 28), 2029: date(2029, 6, 16), 2030: date(2030, 6, 5), 2031: date(2031, 6, 24),
        2032: date(2032, 6, 12), 2033: date(2033, 6, 1), 2034: date(2034, 6, 20), 2035: date(2035, 6, 10),
    },
    "七夕": {
        2024: date(2024, 8, 10), 2025: date(2025, 8, 29), 2026: date(2026, 8, 19), 2027: date(2027, 8, 8),
        2028: date(2028, 8, 26), 2029: date(2029, 8, 16), 2030: date(2030, 8, 5), 2031: date(2031, 8, 24),
        2032: date(2032, 8, 12), 2033: date(2033, 8, 1), 2034: date(2034, 8, 20), 2035: date(2035, 8, 10),
    },
    "中秋": {
        2024: date(2024, 9, 17), 2025: date(2025, 10, 6), 2026: date(2026, 9, 25), 2027: date(2027, 9, 15),
        2028: date(2028, 10, 3), 2029: date(2029, 9, 22), 2030: date(2030, 9, 12), 2031: date(2031, 10, 1),
        2032: date(2032, 9, 19), 2033: date(2033, 9, 8), 2034: date(2034, 9, 27), 2035: date(2035, 9, 16),
    },
    "重阳": {
        2024: date(2024, 10, 11), 2025: date(2025, 10, 29), 2026: date(2026, 10, 18), 2027: date(2027, 10, 8),
        2028: date(2028, 10, 26), 2029: date(2029, 10, 16), 2030: date(2030, 10, 5), 2031: date(2031, 10, 24),
        2032: date(2032, 10, 12), 2033: date(2033, 10, 1), 2034: date(2034, 10, 20), 2035: date(2035, 10, 9),
    },
}

# How many days the twelfth lunar month (腊月) has before each year's New Year's Day: 腊月初一 is that many
# days before 正月初一 (from the lunardate package once, as above).
TWELFTH_MONTH_DAYS: dict[int, int] = {
    2024: 30, 2025: 29, 2026: 29, 2027: 29, 2028: 29, 2029: 29,
    2030: 30, 2031: 29, 2032: 29, 2033: 30, 2034: 30, 2035: 30,
}
