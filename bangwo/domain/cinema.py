"""Cinemas, halls and showings: what a movie provider offers and a movie skill books.

Pure: showings go in, the ones a person asked for come out ("around 8 pm", "tonight").
A showing's id names its hall and its local start, so it can be read back without a lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bangwo.domain.clock import SHANGHAI, local
from bangwo.domain.frame import TimeWindow
from bangwo.domain.geo import Point
from bangwo.domain.money import Fen
from bangwo.domain.seats import Seat, SeatMap

ScreenFormat = Literal["2D", "3D", "IMAX"]

# Parts of the day as minutes after the day's midnight, [start, end). The ends are those of
# understand.times.WINDOW_END_HOUR; night runs past midnight. Neighbours overlap on purpose:
# a 17:30 showing is late afternoon and early evening alike.
TIME_WINDOW_MINUTES: dict[TimeWindow, tuple[int, int]] = {
    "morning": (5 * 60, 12 * 60),
    "noon": (11 * 60, 14 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "evening": (17 * 60, 24 * 60),
    "night": (21 * 60, 29 * 60),
}


@dataclass(frozen=True, slots=True)
class Hall:
    id: str
    cinema_id: str
    name_zh: str
    name_en: str
    format: ScreenFormat
    seat_map: SeatMap
    broken_seat_ids: frozenset[str] = frozenset()  # out of order: never sold

    @property
    def capacity(self) -> int:
        """Seats that can be sold (broken ones left out)."""
        return len(self.seat_map.seats) - len(self.broken_seat_ids)


@dataclass(frozen=True, slots=True)
class Cinema:
    id: str
    city_id: str
    name_zh: str
    name_en: str
    location: Point
    halls: tuple[Hall, ...]
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name_zh, self.name_en, *self.aliases)

    def hall(self, hall_id: str) -> Hall | None:
        return next((h for h in self.halls if h.id == hall_id), None)


@dataclass(frozen=True, slots=True)
class Showing:
    id: str  # showing_id(hall_id, start): "demo-hangzhou-galaxy-imax@2026-02-10T1930"
    cinema_id: str
    hall_id: str
    film_id: str
    start: datetime  # aware, Asia/Shanghai
    minutes: int  # the film's running time
    format: ScreenFormat
    language: str  # "zh": Mandarin
    price_fen: Fen  # a standard or wheelchair seat
    vip_surcharge_fen: Fen = 0  # on top of price_fen, per seat
    couple_surcharge_fen: Fen = 0  # on top of price_fen, per seat (a couple seat is sold as one seat)
    premiere: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


def seat_price_fen(showing: Showing, seat: Seat) -> Fen:
    """What one seat costs at this showing: the showing's price plus the seat kind's surcharge."""
    if seat.kind == "vip":
        return showing.price_fen + showing.vip_surcharge_fen
    if seat.kind == "couple":
        return showing.price_fen + showing.couple_surcharge_fen
    return showing.price_fen


def showing_id(hall_id: str, start: datetime) -> str:
    """ "{hall_id}@{YYYY-MM-DD}T{HHMM}", the start in local time."""
    return f"{hall_id}@{local(start):%Y-%m-%dT%H%M}"


def parse_showing_id(value: str) -> tuple[str, datetime]:
    """The hall id and the aware local start a showing id names; ValueError if it is not one."""
    hall_id, sep, when = value.rpartition("@")
    if not sep or not hall_id:
        raise ValueError(f"not a showing id: {value!r}")
    try:
        start = datetime.strptime(when, "%Y-%m-%dT%H%M")
    except ValueError as error:
        raise ValueError(f"not a showing id: {value!r}") from error
    return hall_id, start.replace(tzinfo=SHANGHAI)


def _minute_of_day(instant: datetime) -> int:
    moment = local(instant)
    return moment.hour * 60 + moment.minute


def in_time_window(showing: Showing, window: TimeWindow) -> bool:
    """Whether the showing starts in that part of its day (a night showing may start after midnight)."""
    start, end = TIME_WINDOW_MINUTES[window]
    minute = _minute_of_day(showing.start)
    return start <= minute < end or start <= minute + 24 * 60 < end


def showings_in_window(showings: Iterable[Showing], window: TimeWindow) -> list[Showing]:
    """The showings starting in that part of the day, earliest first."""
    return sorted((s for s in showings if in_time_window(s, window)), key=lambda s: (s.start, s.id))


def nearest_showings(showings: Iterable[Showing], wanted: datetime, limit: int | None = None) -> list[Showing]:
    """Showings ordered by how far their start is from the wanted instant ("around 8 pm");
    on a tie the earlier one first. `limit` keeps only the first few."""
    if wanted.tzinfo is None:
        raise ValueError("the wanted instant needs a timezone")
    ranked = sorted(showings, key=lambda s: (abs((s.start - wanted).total_seconds()), s.start, s.id))
    return ranked if limit is None else ranked[:limit]
