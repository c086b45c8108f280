"""The demo world's cinemas: two in each of Hangzhou, Shanghai and Beijing, their halls and seat maps,
and their showtimes.

Deterministic and relative to the clock: the showings of a day are a pure function of the
cinema, the day and the day the clock started on, so the demo works on any day. The calendar
runs from CALENDAR_DAYS_BEFORE days before the clock's start day to CALENDAR_DAYS_AFTER after.
惊蛰无声 (Silent Awakening) has its premiere on the evening of the clock's start day in every
city (with BANGWO_NOW=2026-02-10T10:00+08:00: the Spring Festival campaign's 2026-02-10) and
no showing before it.

Each hall's day hangs on its prime-time showing (19:00-20:30): the programme runs forward from
it until the last start at 23:30 and back from it to the first start at 10:00 or later, with the
film's running time and a cleaning gap between showings, every start on a 5-minute mark.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache

from bangwo.domain.catalogue import Film
from bangwo.domain.cinema import (
    Cinema,
    Hall,
    ScreenFormat,
    Showing,
    nearest_showings,
    parse_showing_id,
    seat_price_fen,
    showings_in_window,
)
from bangwo.domain.clock import SHANGHAI
from bangwo.domain.geo import offset_point
from bangwo.domain.seats import Seat, SeatKind, SeatMap, seat_id
from bangwo.providers.demo.films import FILMS
from bangwo.providers.demo.places import CITY_BY_ID

__all__ = [
    "CALENDAR_DAYS_AFTER",
    "CALENDAR_DAYS_BEFORE",
    "CINEMAS",
    "CINEMA_BY_ID",
    "FIRST_START_MINUTE",
    "HALL_BY_ID",
    "LAST_START_MINUTE",
    "PREMIERE_FILM_ID",
    "cinemas_in",
    "cleaning_minutes",
    "find_showings",
    "nearest_showings",
    "on_calendar",
    "parse_showing_id",
    "seat_price_fen",
    "showing_by_id",
    "showings",
    "showings_in_window",
]

CALENDAR_DAYS_BEFORE = 4
CALENDAR_DAYS_AFTER = 18
FIRST_START_MINUTE = 10 * 60  # 10:00
LAST_START_MINUTE = 23 * 60 + 30  # 23:30
PREMIERE_FILM_ID = "silent-awakening"
PREMIERE_EARLIEST_MINUTE = 19 * 60  # the premiere evening: no showing of the film before 19:00 that day

FILM_BY_ID: dict[str, Film] = {film.id: film for film in FILMS}

# ---- seat maps --------------------------------------------------------------------------
# One string a row, row 1 nearest the screen; one character a column:
# S standard, V vip, C couple (sold one seat at a time), W wheelchair place, . no seat.
# A column of dots from front to back is an aisle; other dots are a shorter row or a pillar.
# Seats are numbered from 1, left to right as printed.
_KIND: dict[str, SeatKind] = {"S": "standard", "V": "vip", "C": "couple", "W": "wheelchair"}

_SMALL = (
    "W...SSSSSSSSSS...W",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSS.SSS",
    "SSS.VVVVVVVVVV.SSS",
    ".CC.CCCCCCCCCC.CC.",
)
# A projector pillar stands in rows 6-7 on the left.
_MEDIUM = (
    "W....SSSSSSSSSSSS....W",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "..SS.SSSSSSSSSSSS.SSSS",
    "..SS.VVVVVVVVVVVV.SSSS",
    "SSSS.VVVVVVVVVVVV.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "SSSS.SSSSSSSSSSSS.SSSS",
    "WSSS.SSSSSSSSSSSS.SSSW",
)
# A pillar in rows 5-6 on the right; couple seats across the back.
_MEDIUM_COUPLES = (
    "W...SSSSSSSSSSSS...W",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.S..",
    "SSS.SSSSSSSSSSSS.S..",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.SSS",
    "SSS.SSSSSSSSSSSS.SSS",
    "W...CCCCCCCCCCCC...W",
)
# Recliners only (臻享厅): every seat vip, couple sofas at the back.
_VIP = (
    "W..VVVVVVVV..W",
    "VV.VVVVVVVV.VV",
    "VV.VVVVVVVV.VV",
    "VV.VVVVVVVV.VV",
    "VV.VVVVVVVV.VV",
    "VV.VVVVVVVV.VV",
    "CC.CCCCCCCC.CC",
)
_IMAX = (
    "W.....SSSSSSSSSSSSSSSS.....W",
    ".SSSS.SSSSSSSSSSSSSSSS.SSSS.",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.VVVVVVVVVVVVVVVV.SSSSS",
    "SSSSS.VVVVVVVVVVVVVVVV.SSSSS",
    "SSSSS.VVVVVVVVVVVVVVVV.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "SSSSS.SSSSSSSSSSSSSSSS.SSSSS",
    "WSSSS.SSSSSSSSSSSSSSSS.SSSSW",
)


@cache
def _seat_map(plan: tuple[str, ...]) -> SeatMap:
    """Built once per layout; the halls built on one layout share it."""
    seats = []
    for row, line in enumerate(plan, start=1):
        number = 0
        for column, mark in enumerate(line):
            if mark == ".":
                continue
            number += 1
            seats.append(Seat(seat_id(row, number), row, number, column, _KIND[mark]))
    return SeatMap(tuple(seats))


_BROKEN_PER_HALL = 3


def _broken(hall_id: str, seat_map: SeatMap) -> frozenset[str]:
    """A few seats out of order, picked by a hash of the hall id (the same on every start)."""
    candidates = [s.id for s in seat_map.seats if s.kind != "wheelchair"]
    digest = hashlib.sha256(hall_id.encode()).digest()
    picked: set[str] = set()
    for i in range(0, len(digest) - 1, 2):
        picked.add(candidates[int.from_bytes(digest[i : i + 2], "big") % len(candidates)])
        if len(picked) == _BROKEN_PER_HALL:
            break
    return frozenset(picked)


# ---- programmes -------------------------------------------------------------------------
# Films in the order a hall cycles through them; the premiere film appears twice in the
# evening, the family films by day.
_DAY_ROTATION = (
    "run-little-bear",
    "reunion-dinner",
    "silent-awakening",
    "here-comes-nian",
    "star-wanderer",
    "fireworks-over-the-sea",
    "night-walk-changan",
)
_EVENING_ROTATION = (
    "silent-awakening",
    "star-wanderer",
    "reunion-dinner",
    "silent-awakening",
    "night-walk-changan",
    "fireworks-over-the-sea",
)
_IMAX_ROTATION = ("silent-awakening", "star-wanderer", "fireworks-over-the-sea")
_EVENING_FROM_MINUTE = 17 * 60  # showings starting (back-filled: ending) after this use the evening rotation

# Price of a standard seat by start hour, before the format's premium: [from minute, fen).
_PRICE_BANDS = ((0, 3500), (12 * 60, 4500), (18 * 60, 5500), (22 * 60, 4500))
_FORMAT_PREMIUM_FEN: dict[str, int] = {"2D": 0, "3D": 1000, "IMAX": 3000}
_VIP_SURCHARGE_FEN = 1500
_COUPLE_SURCHARGE_FEN = 2000


@dataclass(frozen=True, slots=True)
class _HallPlan:
    key: str
    name_zh: str
    name_en: str
    format: ScreenFormat
    seats: tuple[str, ...]
    prime_minute: int  # the start the day's programme hangs on
    premiere: bool = False  # shows the premiere at prime time on the premiere day


_STARLIGHT_HALLS = (
    _HallPlan("h1", "1号厅", "Hall 1", "2D", _MEDIUM, 19 * 60 + 30),
    _HallPlan("h2", "2号厅", "Hall 2", "2D", _MEDIUM_COUPLES, 20 * 60, premiere=True),
    _HallPlan("h3", "3号厅", "Hall 3", "2D", _SMALL, 19 * 60 + 10),
)
_GALAXY_HALLS = (
    _HallPlan("imax", "IMAX厅", "IMAX Hall", "IMAX", _IMAX, 19 * 60 + 30, premiere=True),
    _HallPlan("h2", "2号厅", "Hall 2", "2D", _MEDIUM_COUPLES, 20 * 60 + 20),
    _HallPlan("h3", "3号厅", "Hall 3", "2D", _SMALL, 19 * 60),
    _HallPlan("h4", "4号厅（臻享厅）", "Hall 4 (VIP)", "2D", _VIP, 20 * 60 + 30),
)


@dataclass(frozen=True, slots=True)
class _Brand:
    key: str
    zh: str
    en: str
    halls: tuple[_HallPlan, ...]


_STARLIGHT = _Brand("starlight", "星光影城", "Starlight Cinema", _STARLIGHT_HALLS)
_GALAXY = _Brand("galaxy", "银河国际影城", "Galaxy International Cinema", _GALAXY_HALLS)

# Which cinemas stand in each city: (city, brand, branch 中文, branch English, east m, north m of the centre).
_BRANCHES: tuple[tuple[str, _Brand, str, str, int, int], ...] = (
    ("hangzhou", _STARLIGHT, "西湖", "West Lake", -1700, -300),
    ("hangzhou", _GALAXY, "武林", "Wulin", 400, 1600),
    ("shanghai", _STARLIGHT, "外滩", "the Bund", 1000, 700),
    ("shanghai", _GALAXY, "陆家嘴", "Lujiazui", 2400, 400),
    ("beijing", _STARLIGHT, "王府井", "Wangfujing", 800, 200),
    ("beijing", _GALAXY, "三里屯", "Sanlitun", 5000, 2300),
)


def _hall(cinema_id: str, plan: _HallPlan) -> Hall:
    seat_map = _seat_map(plan.seats)
    hall_id = f"{cinema_id}-{plan.key}"
    return Hall(hall_id, cinema_id, plan.name_zh, plan.name_en, plan.format, seat_map, _broken(hall_id, seat_map))


def _cinema(city_id: str, brand: _Brand, branch_zh: str, branch_en: str, east_m: int, north_m: int) -> Cinema:
    cinema_id = f"demo-{city_id}-{brand.key}"
    return Cinema(
        id=cinema_id,
        city_id=city_id,
        name_zh=f"{brand.zh}（{branch_zh}店）",
        name_en=f"{brand.en} ({branch_en})",
        location=offset_point(CITY_BY_ID[city_id].centre, east_m, north_m),
        halls=tuple(_hall(cinema_id, plan) for plan in brand.halls),
        aliases=(brand.zh, brand.en, f"{brand.zh}{branch_zh}店", f"{branch_zh}店"),
    )


CINEMAS: tuple[Cinema, ...] = tuple(_cinema(*branch) for branch in _BRANCHES)
CINEMA_BY_ID: dict[str, Cinema] = {c.id: c for c in CINEMAS}
HALL_BY_ID: dict[str, Hall] = {h.id: h for c in CINEMAS for h in c.halls}
_PLAN_BY_HALL_ID: dict[str, _HallPlan] = {
    hall.id: plan
    for cinema, (_, brand, *_) in zip(CINEMAS, _BRANCHES, strict=True)
    for hall, plan in zip(cinema.halls, brand.halls, strict=True)
}
# A per-hall number that shifts where in its rotation a hall starts each day.
_HALL_SEED: dict[str, int] = {hall_id: i * 2 for i, hall_id in enumerate(HALL_BY_ID)}


def cinemas_in(city_id: str) -> tuple[Cinema, ...]:
    return tuple(c for c in CINEMAS if c.city_id == city_id)


def cleaning_minutes(hall: Hall) -> int:
    """The least time between one film's end and the next start in this hall."""
    return 20 if hall.format == "IMAX" else 15


def on_calendar(day: date, clock_start_day: date) -> bool:
    """Whether the cinemas have a programme for that day."""
    offset = (day - clock_start_day).days
    return -CALENDAR_DAYS_BEFORE <= offset <= CALENDAR_DAYS_AFTER


# ---- showtimes --------------------------------------------------------------------------


def _allowed(film_id: str, day: date, minute: int, premiere_day: date) -> bool:
    """The premiere film shows from the premiere evening on, never before."""
    if film_id != PREMIERE_FILM_ID:
        return True
    return day > premiere_day or (day == premiere_day and minute >= PREMIERE_EARLIEST_MINUTE)


def _price_fen(hall_format: str, minute: int) -> int:
    price = _PRICE_BANDS[0][1]
    for band_start, fen in _PRICE_BANDS:
        if minute >= band_start:
            price = fen
    return price + _FORMAT_PREMIUM_FEN[hall_format]


def _pick(rotation: tuple[str, ...], index: int, fits: Callable[[str], bool]) -> str | None:
    """The film at index in the rotation, or the next one that fits."""
    for step in range(len(rotation)):
        film_id = rotation[(index + step) % len(rotation)]
        if fits(film_id):
            return film_id
    return None


def _hall_programme(hall: Hall, day: date, premiere_day: date) -> list[tuple[int, str]]:
    """(start minute, film id) for one hall's day, earliest first."""
    plan = _PLAN_BY_HALL_ID[hall.id]
    gap = cleaning_minutes(hall)
    seed = day.toordinal() + _HALL_SEED[hall.id]
    imax = hall.format == "IMAX"

    def rotation(minute: int) -> tuple[str, ...]:
        if imax:
            return _IMAX_ROTATION
        return _EVENING_ROTATION if minute >= _EVENING_FROM_MINUTE else _DAY_ROTATION

    prime = plan.prime_minute
    if plan.premiere and day == premiere_day:
        prime_film = PREMIERE_FILM_ID
    else:
        prime_film = _pick(rotation(prime), seed, lambda f: _allowed(f, day, prime, premiere_day))
    if prime_film is None:  # cannot happen: every rotation holds films besides the premiere's
        raise LookupError(f"no film for {hall.id} at prime time on {day}")
    programme = [(prime, prime_film)]

    # Forward: each start the first 5-minute mark after the previous film and the cleaning gap.
    minute, film_id, index = prime, prime_film, seed
    while True:
        minute = -(-(minute + FILM_BY_ID[film_id].minutes + gap) // 5) * 5
        if minute > LAST_START_MINUTE:
            break
        index += 1
        start = minute
        picked = _pick(rotation(start), index, lambda f, start=start: _allowed(f, day, start, premiere_day))
        if picked is None:
            break
        film_id = picked
        programme.append((start, film_id))

    # Backward: each film ends, cleaning gap included, by the next start; starts on a 5-minute mark.
    next_start, index = prime, seed
    while True:
        index -= 1
        latest_end = next_start - gap

        def fits(f: str, latest_end: int = latest_end) -> bool:
            start = (latest_end - FILM_BY_ID[f].minutes) // 5 * 5
            return start >= FIRST_START_MINUTE and _allowed(f, day, start, premiere_day)

        picked = _pick(rotation(latest_end), index, fits)
        if picked is None:
            break
        next_start = (latest_end - FILM_BY_ID[picked].minutes) // 5 * 5
        programme.insert(0, (next_start, picked))
    return programme


@lru_cache(maxsize=4096)
def showings(cinema_id: str, day: date, clock_start_day: date) -> tuple[Showing, ...]:
    """Every showing at the cinema on that local day, by start then hall; none off the calendar.

    clock_start_day is the local day the clock started on (the premiere day)."""
    cinema = CINEMA_BY_ID.get(cinema_id)
    if cinema is None or not on_calendar(day, clock_start_day):
        return ()
    midnight = datetime.combine(day, time(), SHANGHAI)
    iso_day = day.isoformat()
    found = []
    for hall in cinema.halls:
        for minute, film_id in _hall_programme(hall, day, clock_start_day):
            found.append(
                Showing(
                    id=f"{hall.id}@{iso_day}T{minute // 60:02d}{minute % 60:02d}",  # as showing_id() writes it
                    cinema_id=cinema.id,
                    hall_id=hall.id,
                    film_id=film_id,
                    start=midnight + timedelta(minutes=minute),
                    minutes=FILM_BY_ID[film_id].minutes,
                    format=hall.format,
                    language="zh",
                    price_fen=_price_fen(hall.format, minute),
                    vip_surcharge_fen=_VIP_SURCHARGE_FEN,
                    couple_surcharge_fen=_COUPLE_SURCHARGE_FEN,
                    premiere=film_id == PREMIERE_FILM_ID and day == clock_start_day,
                )
            )
    found.sort(key=lambda s: (s.start, s.hall_id))
    return tuple(found)


def find_showings(
    day: date,
    clock_start_day: date,
    *,
    city_id: str | None = None,
    cinema_id: str | None = None,
    film_id: str | None = None,
    premiere: bool | None = None,
) -> list[Showing]:
    """The day's showings matching every filter given, earliest first."""
    chosen = [c for c in CINEMAS if (city_id is None or c.city_id == city_id) and (cinema_id in (None, c.id))]
    found = [
        s
        for c in chosen
        for s in showings(c.id, day, clock_start_day)
        if (film_id is None or s.film_id == film_id) and (premiere is None or s.premiere == premiere)
    ]
    return sorted(found, key=lambda s: (s.start, s.id))


def showing_by_id(value: str, clock_start_day: date) -> Showing | None:
    """The showing an id names, or None if it is malformed or names no showing."""
    try:
        hall_id, start = parse_showing_id(value)
    except ValueError:
        return None
    hall = HALL_BY_ID.get(hall_id)
    if hall is None:
        return None
    return next((s for s in showings(hall.cinema_id, start.date(), clock_start_day) if s.id == value), None)
