"""A change said of every request at once: 都往后推一天, 全部改到后天, 两场都改成后天, "push it all back a day",
"push everything a day later", "both on Sunday", "everything the same but tomorrow".

It is read (and masked, so that no request reads its day as its own) before the requests are, and applied to
every request with a day once they have shared their context: each booking moves by the same number of days,
or all go to the day said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bangwo.domain.frame import IntentFrame
from bangwo.understand.numbers import EN_NUMBER, ZH_NUMBER, parse_number
from bangwo.understand.text import MaskedText, compiled
from bangwo.understand.times import find_times

_ALL_ZH = r"(?:都|全部|全都|统统|两场都|两段都|两个都|两天都)"
_ALL_EN = r"(?:it all|them all|everything|all of (?:it|them)|both(?: of them)?|it|them)"
# Moved by some days: 都往后推一天, 全部提前两天, "push it all back a day", "push everything a day later".
_MOVED = compiled(
    # (with one request, 往后推一天吧 moves it: "every" is all there is)
    # (not 回程往后推一天: that one request, see corrections.py)
    rf"(?:{_ALL_ZH}(?:往后|向后|往前|向前)?|(?<=[,，。;；\s])(?:往后|向后|往前|向前))"
    rf"(?P<zh_way>推迟|推|延后|顺延|挪|提前)\s*(?P<zh_days>{ZH_NUMBER})"
    r"(?P<zh_unit>天|周|个星期|星期)"
    rf"|(?:push|move|shift|bump)\s+{_ALL_EN}\s+(?:(?P<en_way>back|later|forward|earlier)\s+)?(?:by\s+)?"
    rf"(?P<en_days>{EN_NUMBER})\s+days?\b(?:\s+(?P<en_way_after>later|earlier|back|forward)\b)?"
)
# All on one day: 全部改成明天, 两场都改成后天, 都改到周六, "move both to Saturday", "both on Sunday",
# "everything the same but tomorrow".
_ON_ONE_DAY = compiled(
    rf"{_ALL_ZH}(?:改成|改到|改在|换成|换到|定在|挪到|推到)\s*(?P<zh>[^，,。；;！!?？]{{1,10}})"
    rf"|(?:move|change|make|switch)\s+(?:both|them all|it all|everything)\s+(?:to\s+)?(?P<en>[^,.;!?]{{2,24}})"
    r"|\b(?:both|all)\s+on\s+(?P<en_on>[^,.;!?]{2,24})"
    r"|everything(?: else)? the same,? but (?P<en_but>[^,.;!?]{2,24})"
)
# (what every change holds, searched for first)
_HINT = compiled("都|全|往|向|push|move|shift|bump|both|all|everything|make|change|switch")
_EARLIER = frozenset({"提前", "forward", "earlier"})


@dataclass(frozen=True)
class ChangeToEveryRequest:
    days_later: int = 0
    date: str | None = None
    time: str | None = None
    time_window: str | None = None

    def apply(self, frames: list[IntentFrame]) -> None:
        """Every request that books or looks something up moves; a cancel or a question about one does not."""
        for frame in frames:
            if frame.domain == "chat" or frame.action not in ("order", "search"):
                continue
            if self.date is not None:
                frame.date = self.date
                if self.time or self.time_window:
                    frame.time, frame.time_window = self.time, self.time_window
            elif frame.date is not None:
                frame.date = (date.fromisoformat(frame.date) + timedelta(days=self.days_later)).isoformat()


def change_to_every_request(masked: MaskedText, now: datetime) -> ChangeToEveryRequest | None:
    """The change said of every request, masked; None when the command says none."""
    text = masked.current
    if _HINT.search(text) is None:
        return None
    if (m := _MOVED.search(text)) is not None:
        days = parse_number(m.group("zh_days") or m.group("en_days"))
        if days is None or days <= 0:
            return None
        if m.group("zh_unit") not in (None, "天"):
            days *= 7  # 往后推一周
        way = m.group("zh_way") or m.group("en_way") or m.group("en_way_after")
        masked.mask(m.start(), m.end(), " ")
        return ChangeToEveryRequest(days_later=-int(days) if way in _EARLIER else int(days))
    if (m := _ON_ONE_DAY.search(text)) is not None:
        group = next(g for g in ("zh", "en", "en_on", "en_but") if m.group(g))
        times = find_times(MaskedText(m.group(group)), now)
        if times.date is None:
            return None  # 都改成大杯: not a day
        masked.mask(m.start(), m.end(), " ")
        return ChangeToEveryRequest(date=times.date, time=times.time, time_window=times.time_window)
    return None
