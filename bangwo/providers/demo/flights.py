"""The demo world's flights: four fictional airlines flying between all ten demo cities, every day.

Deterministic and relative to the clock: the flights of a day are a pure function of the route, the
day and the day the clock started on, so the demo works on any day. The calendar runs from
CALENDAR_DAYS_BEFORE days before the clock's start day to CALENDAR_DAYS_AFTER after.

Every route flies the same timetable every day. Busy routes (between the big hubs) fly up to
MAX_DAILY_FLIGHTS a day spread over 06:30-22:30, every route at least once. A flight takes the
great-circle distance at CRUISE_KMH plus TAXI_MINUTES. Flight numbers are the airline's code and
four digits: odd from the route's city listed first in places.CITIES, even on the way back.

Economy fares grow with the distance; red-eye flights are cheaper and the morning and evening
rush dearer; around the Spring Festival the rush home (9 to 2 days before 初一) and the rush back
(初三 to 初七) are dearer, while 除夕 and 初一 themselves are quiet. Business costs three economy
fares. Seats by cabin are counted in the store (inventory.py), one item a flight and cabin.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import combinations

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.catalogue import City
from bangwo.domain.clock import SHANGHAI
from bangwo.domain.festival import LUNAR_NEW_YEAR
from bangwo.domain.flight import Airline, Flight, flight_id, parse_flight_id
from bangwo.domain.frame import Cabin
from bangwo.domain.geo import distance_m
from bangwo.domain.money import Fen
from bangwo.providers.base import OutOfStock
from bangwo.providers.demo import inventory
from bangwo.providers.demo.places import CITIES
from bangwo.providers.demo.world import PROVIDER
from bangwo.store.writes import Write

CALENDAR_DAYS_BEFORE = 4
CALENDAR_DAYS_AFTER = 30
FIRST_DEPARTURE_MINUTE = 6 * 60 + 30  # 06:30
LAST_DEPARTURE_MINUTE = 22 * 60 + 30  # 22:30
MAX_DAILY_FLIGHTS = 8
CRUISE_KMH = 800
TAXI_MINUTES = 40  # push-back, taxi, climb and descent beyond cruising, taxi again

# Partners give an assistant-only price: a percentage of the booking, capped (Kunpeng gives none).
AIRLINES: tuple[Airline, ...] = (
    Airline("qinghe", "青禾航空", "Qinghe Airlines", "QH", 8, 8000),
    Airline("yunque", "云雀航空", "Skylark Airlines", "YQ", 5, 5000),
    Airline("kunpeng", "鲲鹏航空", "Kunpeng Airlines", "KP"),
    Airline("yefeng", "椰风航空", "Coconut Breeze Airlines", "YF", 10, 30000),
)
AIRLINE_BY_ID: dict[str, Airline] = {a.id: a for a in AIRLINES}
# A brand's fare level against the market's, percent.
_AIRLINE_FARE_PERCENT: dict[str, int] = {"qinghe": 100, "yunque": 96, "kunpeng": 106, "yefeng": 98}

# How many flights a route sees a day grows with how busy both ends are.
_CITY_TRAFFIC: dict[str, int] = {
    "beijing": 3, "shanghai": 3, "guangzhou": 3, "shenzhen": 3,
    "hangzhou": 2, "chengdu": 2, "sanya": 2,
    "xian": 1, "harbin": 1, "kunming": 1,
}
_SHORT_HOP_KM = 300  # the train wins below this: two flights a day at most
_LONG_HAUL_KM = 2000  # a wide-body above this
_NARROW_BODY_SEATS: dict[Cabin, int] = {"economy": 150, "business": 12}
_WIDE_BODY_SEATS: dict[Cabin, int] = {"economy": 260, "business": 24}

_ECONOMY_BASE_FEN = 25_000
_ECONOMY_FEN_PER_KM = 70
_BUSINESS_TIMES_ECONOMY = 3
_FARE_STEP_FEN = 1000  # fares end in whole ten yuan

# Fare level by days after 初一, percent; days not named here are at 100.
_FESTIVAL_FARE_PERCENT: dict[int, int] = {
    **dict.fromkeys(range(-9, -1), 160),  # home for the new year
    -1: 85,  # 除夕: everyone is where they will celebrate
    0: 85,  # 初一
    **dict.fromkeys(range(2, 7), 150),  # back to work
}


@dataclass(frozen=True, slots=True)
class _Slot:
    """One daily departure of a route."""

    number: str
    airline_id: str
    origin_city_id: str
    destination_city_id: str
    minute: int  # of the local day
    minutes: int  # gate to gate
    economy_base_fen: Fen  # before the airline's, the hour's and the day's levels
    seats: dict[Cabin, int]


def _digest(*parts: object) -> bytes:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()


def _daily_flights(a: City, b: City, km: int) -> int:
    count = max(1, min(MAX_DAILY_FLIGHTS, _CITY_TRAFFIC[a.id] * _CITY_TRAFFIC[b.id] - 1))
    return min(count, 2) if km < _SHORT_HOP_KM else count


def _departure_minute(slot: int, count: int, origin_id: str, destination_id: str) -> int:
    """Slots share the day evenly, each nudged up to half an hour by a hash of the route, on a 5-minute mark."""
    span = LAST_DEPARTURE_MINUTE - FIRST_DEPARTURE_MINUTE
    centre = FIRST_DEPARTURE_MINUTE + span * (2 * slot + 1) // (2 * count)
    nudge = (_digest(origin_id, destination_id, slot)[0] % 13 - 6) * 5
    minute = (centre + nudge) // 5 * 5
    return max(FIRST_DEPARTURE_MINUTE, min(LAST_DEPARTURE_MINUTE, minute))


def _route_slots(pair_index: int, origin: City, destination: City, outbound: bool) -> tuple[_Slot, ...]:
    km = distance_m(origin.centre, destination.centre) // 1000
    minutes = -(-(km * 60 // CRUISE_KMH + TAXI_MINUTES) // 5) * 5
    seats = _WIDE_BODY_SEATS if km > _LONG_HAUL_KM else _NARROW_BODY_SEATS
    count = _daily_flights(origin, destination, km)
    slots = []
    for slot in range(count):
        airline = AIRLINES[_digest(origin.id, destination.id, slot)[1] % len(AIRLINES)]
        # Odd numbers fly away from the city listed first, even ones back: unique across the network.
        digits = 5000 + pair_index * 20 + slot * 2 + (1 if outbound else 2)
        slots.append(
            _Slot(
                number=f"{airline.code}{digits}",
                airline_id=airline.id,
                origin_city_id=origin.id,
                destination_city_id=destination.id,
                minute=_departure_minute(slot, count, origin.id, destination.id),
                minutes=minutes,
                economy_base_fen=_ECONOMY_BASE_FEN + _ECONOMY_FEN_PER_KM * km,
                seats=seats,
            )
        )
    return tuple(sorted(slots, key=lambda s: (s.minute, s.number)))


def _timetable() -> dict[tuple[str, str], tuple[_Slot, ...]]:
    table: dict[tuple[str, str], tuple[_Slot, ...]] = {}
    for pair_index, (a, b) in enumerate(combinations(CITIES, 2)):
        table[a.id, b.id] = _route_slots(pair_index, a, b, outbound=True)
        table[b.id, a.id] = _route_slots(pair_index, b, a, outbound=False)
    return table


TIMETABLE: dict[tuple[str, str], tuple[_Slot, ...]] = _timetable()
_SLOT_BY_NUMBER: dict[str, _Slot] = {slot.number: slot for slots in TIMETABLE.values() for slot in slots}


def on_calendar(day: date, clock_start_day: date) -> bool:
    return (
        clock_start_day - timedelta(days=CALENDAR_DAYS_BEFORE)
        <= day
        <= clock_start_day + timedelta(days=CALENDAR_DAYS_AFTER)
    )


def festival_fare_percent(day: date) -> int:
    """The day's fare level around that year's Spring Festival, percent (100 away from it)."""
    new_year = LUNAR_NEW_YEAR.get(day.year)
    if new_year is None:
        return 100
    return _FESTIVAL_FARE_PERCENT.get((day - new_year).days, 100)


def _hour_fare_percent(minute: int) -> int:
    """Red-eyes are cheaper, the morning and evening rush dearer."""
    if minute < 8 * 60 or minute >= 21 * 60:
        return 85
    if 8 * 60 <= minute < 10 * 60 or 17 * 60 <= minute < 20 * 60:
        return 110
    return 100


def _fares(slot: _Slot, day: date) -> dict[Cabin, Fen]:
    levels = _AIRLINE_FARE_PERCENT[slot.airline_id] * _hour_fare_percent(slot.minute) * festival_fare_percent(day)
    economy = slot.economy_base_fen * levels // 100**3
    economy = max(_FARE_STEP_FEN, (economy + _FARE_STEP_FEN // 2) // _FARE_STEP_FEN * _FARE_STEP_FEN)
    return {"economy": economy, "business": economy * _BUSINESS_TIMES_ECONOMY}


def _flight(slot: _Slot, day: date) -> Flight:
    depart = datetime.combine(day, time(), SHANGHAI) + timedelta(minutes=slot.minute)
    return Flight(
        id=flight_id(slot.number, day),
        number=slot.number,
        airline_id=slot.airline_id,
        origin_city_id=slot.origin_city_id,
        destination_city_id=slot.destination_city_id,
        depart=depart,
        arrive=depart + timedelta(minutes=slot.minutes),
        minutes=slot.minutes,
        fares=_fares(slot, day),
        seats=dict(slot.seats),
    )


@lru_cache(maxsize=4096)
def flights(origin_city_id: str, destination_city_id: str, day: date, clock_start_day: date) -> tuple[Flight, ...]:
    """Every flight on the route that day, earliest first; none off the calendar."""
    if not on_calendar(day, clock_start_day):
        return ()
    return tuple(_flight(slot, day) for slot in TIMETABLE.get((origin_city_id, destination_city_id), ()))


def flight_by_id(value: str, clock_start_day: date) -> Flight | None:
    """The flight an id names, or None if it is malformed or names no flight on the calendar."""
    try:
        number, day = parse_flight_id(value)
    except ValueError:
        return None
    slot = _SLOT_BY_NUMBER.get(number)
    if slot is None:
        return None
    return next((f for f in flights(slot.origin_city_id, slot.destination_city_id, day, clock_start_day)
                 if f.id == value), None)


def _seat_capacity(value: str) -> dict[Cabin, int]:
    """What each cabin of the flight an id names holds, on or off the calendar (nothing for a bad id)."""
    try:
        number, _ = parse_flight_id(value)
    except ValueError:
        return {}
    slot = _SLOT_BY_NUMBER.get(number)
    return dict(slot.seats) if slot else {}


def seat_key(flight_id: str, cabin: Cabin) -> str:
    """The inventory item of one cabin of one flight."""
    return f"flight:{flight_id}:{cabin}"


class DemoFlights:
    name = PROVIDER

    def airlines(self) -> tuple[Airline, ...]:
        return AIRLINES

    def airline(self, airline_id: str) -> Airline | None:
        return AIRLINE_BY_ID.get(airline_id)

    def flights(
        self, origin_city_id: str, destination_city_id: str, day: date, clock_start_day: date
    ) -> tuple[Flight, ...]:
        return flights(origin_city_id, destination_city_id, day, clock_start_day)

    def flight(self, flight_id: str, clock_start_day: date) -> Flight | None:
        return flight_by_id(flight_id, clock_start_day)

    async def free_seats(
        self, session: AsyncSession, flight_ids: Sequence[str], cabin: Cabin, now: datetime
    ) -> dict[str, int]:
        capacity = {seat_key(f, cabin): _seat_capacity(f).get(cabin, 0) for f in flight_ids}
        free = await inventory.free_units(session, capacity, now)
        return {f: free[seat_key(f, cabin)] for f in flight_ids}

    async def hold_seats(
        self, session: AsyncSession, flight_id: str, cabin: Cabin, passengers: int, *, hold_id: str,
        until: datetime, now: datetime, clock_start_day: date,
    ) -> None:
        key = seat_key(flight_id, cabin)
        flight = self.flight(flight_id, clock_start_day)
        if flight is None or flight.depart <= now:
            raise OutOfStock({key: 0})  # nothing of it is for sale
        await inventory.hold_units(
            session, {key: passengers}, {key: flight.seats.get(cabin, 0)}, hold_id=hold_id, until=until, now=now
        )

    def sale(self, hold_id: str, order_id: str, now: datetime) -> Write:
        return inventory.sale(hold_id, order_id, now)

    async def release_hold(self, session: AsyncSession, hold_id: str) -> int:
        return await inventory.release_hold(session, hold_id)

    async def refund_order(self, session: AsyncSession, order_id: str) -> int:
        return await inventory.refund_sale(session, order_id)
