"""One movie, flight or hotel request (a clause of the command) to an intent frame.

The stages run in an order that keeps each from reading another's words: the budget
first (800一晚以内 holds a "night"), then the domain's own words (seats, cabin, nights,
counts), then times (find_times, per clause), then places and titles from what is left.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bangwo.domain.frame import IntentFrame
from bangwo.understand.budget import find_budget
from bangwo.understand.domains.common import CHAT_ABOUT, action_of, find_count
from bangwo.understand.domains.flight import cabin_class, preference
from bangwo.understand.domains.hotel import nights_said
from bangwo.understand.domains.movie import (
    FILM_QUESTION,
    PREMIERE,
    TICKET_WORDS,
    cinema_named,
    film_title,
    seat_wish,
    showing_time,
)
from bangwo.understand.domains.places import hotel_place, route, searched_near
from bangwo.understand.lexicon import NameMention
from bangwo.understand.rules import AFTER_SALES_ASKED, is_talk
from bangwo.understand.text import MaskedText
from bangwo.understand.times import find_times

TRAVEL_DOMAINS = frozenset({"movie", "flight", "hotel"})
# What each booking needs before it can be offered (DESIGN.md: `missing`).
_NEEDS = {"movie": ("title",), "flight": ("destination", "date", "origin"), "hotel": ("city", "date", "nights")}
# Looking flights up needs the same as booking one; looking films or hotels up needs nothing.
_NEEDED_WHEN_SEARCHING = frozenset({"flight"})


def travel_frame(
    domain: str, masked: MaskedText, names: list[NameMention], now: datetime, told_until: int = 0
) -> tuple[IntentFrame, str | None, bool] | None:
    """The clause's frame for `domain`, the last day of a stay said (住到下周一), and whether its date was only
    implied (today or tomorrow from a part of the day or an hour alone); None when it is talk about films or
    trips, not a request. Nights from the end day are counted in `complete`, once an earlier request may have
    given the first day."""
    text = masked.current
    asked = text[told_until:]  # what the story before the request says of the film is no question (backstory.py)
    if CHAT_ABOUT.search(asked) or AFTER_SALES_ASKED.search(asked):
        return None
    titles = [n for n in names if "title" in n.entry.kinds]
    action = action_of(asked)
    if (
        domain == "movie"
        and titles
        and (not TICKET_WORDS.search(text) or FILM_QUESTION.search(asked))
        and action not in ("status", "cancel")  # (我的《唐探1900》是在几号厅: one's own showing asked after)
    ):
        return None  # 惊蛰无声好看吗, "is it suitable for kids?": about the film
    if action not in ("status", "cancel") and is_talk(asked):
        return None  # 飞机上可以带充电宝吗, "I had the worst hotel stay": talk about trips
    # The slots are gathered first and the frame made (and checked) once: setting a pydantic
    # model's attributes one by one costs about as much each as making the whole frame.
    slots: dict[str, object] = {"domain": domain, "action": action, "budget_max": find_budget(masked)}
    if domain == "movie":
        slots["premiere"] = True if PREMIERE.search(masked.current) else None
        slots["seat"] = seat_wish(masked)
    elif domain == "flight":
        slots["cabin"] = cabin_class(masked)
        slots["prefer"] = preference(masked)
    else:
        slots["nights"] = nights_said(masked)
    times = find_times(masked, now, told_until)  # first: "the 7:50 flight" counts no one
    count = find_count(masked, rooms=domain == "hotel")
    slots.update(date=times.date, time=showing_time(times) if domain == "movie" else times.time)
    slots["time_window"] = times.time_window
    end_date = times.end_date
    if domain == "movie":
        if action == "search":
            slots["near"] = searched_near(masked, names, told_until)  # "what's showing near 五道口"
        slots["merchant"] = cinema_named(masked, names)
        slots["title"] = film_title(masked, names)
        # 在上海看, "in Beijing": the city the cinema is in, as said.
        slots["city"] = next((n.said for n in names if "city" in n.entry.kinds and "title" not in n.entry.kinds), None)
    elif domain == "flight":
        slots["origin"], slots["destination"] = route(masked, names, told_until)
    else:
        # (the chain asked for: 订个全季, "a Hilton in Shenzhen")
        slots["merchant"] = next(
            (n.said for n in names if "merchant" in n.entry.kinds and "hotel" in n.entry.merchant_domains), None
        )
        slots["city"], slots["near"] = hotel_place(masked, names, told_until)
        if slots["nights"] is None and times.date and times.time_window in ("evening", "night") and not end_date:
            slots["nights"] = 1  # "a hotel tonight", 明晚的酒店: that one night
    if action == "order" and count is None:
        count = 1  # one ticket, one passenger, one room unless said: never asked back
    slots["count"] = count
    frame = IntentFrame(**slots)  # type: ignore[arg-type]
    return frame, end_date, times.day_implied


def complete(frame: IntentFrame, end_date: str | None) -> None:
    """Nights from a stay's end day, then what the booking still needs (after context is shared)."""
    if frame.domain == "hotel" and frame.nights is None and end_date and frame.date:
        first, last = date.fromisoformat(frame.date), date.fromisoformat(end_date)
        if last <= first:
            # The stay's first day came from a request before it (…3月15号广州到西安…，住到18号; "fly … next Thursday,
            # and a hotel …, checking out on Sunday"): its last day is the one after that first day.
            last = the_day_after(first, last)
        if last is not None and last > first:
            frame.nights = (last - first).days
    if frame.domain not in _NEEDS:
        return
    if frame.action != "order" and not (frame.action == "search" and frame.domain in _NEEDED_WHEN_SEARCHING):
        return
    missing: list[str] = []
    for slot in _NEEDS[frame.domain]:
        if slot == "city" and (frame.city or frame.near):
            continue
        if slot == "nights" and frame.nights:
            continue
        if getattr(frame, slot) is None:
            missing.append(slot)
    frame.missing = missing


def the_day_after(first: date, said: date, same_day: bool = False) -> date | None:
    """The day `said` (read against the clock, so before `first`) as the first one after `first` (or on it, with
    `same_day`: a connection flown the day one lands): a weekday a week on, a day of the month in that month or the
    next (9月18号…，20号再飞丽江: the 20th of September)."""
    if (first - said).days < 7:
        return said + timedelta(days=7)
    for month_ahead in (0, 1):
        year, month = first.year + (first.month + month_ahead - 1) // 12, (first.month + month_ahead - 1) % 12 + 1
        try:
            candidate = date(year, month, said.day)
        except ValueError:
            continue
        if candidate > first or (same_day and candidate == first):
            return candidate
    return None
