"""The demo world's films, bilingual. Showtimes and seats belong to the cinema provider."""

from __future__ import annotations

from bangwo.domain.catalogue import Film

FILMS = (
    Film("silent-awakening", "惊蛰无声", "Silent Awakening", minutes=128),
    Film("star-wanderer", "星河旅人", "Star Wanderer", minutes=141),
    Film("reunion-dinner", "团圆饭", "Reunion Dinner", minutes=112),
    Film("run-little-bear", "小熊快跑", "Run Little Bear", ("小熊",), minutes=95),
    Film("night-walk-changan", "长安夜行", "Night Walk in Chang'an", ("Night Walk in Changan",), minutes=118),
    Film("fireworks-over-the-sea", "海上烟火", "Fireworks over the Sea", minutes=104),
    Film("here-comes-nian", "年兽来了", "Here Comes Nian", minutes=99),
)
