"""The demo flights: every route flies every day of the calendar, the Spring Festival rush costs more,
flights take as long as their distance says, ids read back, and a cabin's seats are never oversold."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from itertools import permutations

import pytest

from bangwo.domain.clock import local
from bangwo.domain.flight import MAX_ASSISTANT_DISCOUNT_CAP_FEN
from bangwo.domain.geo import distance_m
from bangwo.providers.base import OutOfStock
from bangwo.providers.demo import flights
from bangwo.providers.demo.flights import DemoFlights
from bangwo.providers.demo.places import CITIES, CITY_BY_ID
from bangwo.providers.registry import load_registry
from bangwo.services import Services
from tests.factories import rows_sold

START_DAY = date(2026, 2, 10)  # the clock's start day in tests/conftest.py
CALENDAR = [
    START_DAY + timedelta(days=n) for n in range(-flights.CALENDAR_DAYS_BEFORE, flights.CALENDAR_DAYS_AFTER + 1)
]
PEAK_DAY = date(2026, 2, 13)  # 腊月廿六: the rush home, four days before 初一 (2026-02-17)
QUIET_DAY = date(2026, 3, 5)  # two weeks after the return rush
HOLD = timedelta(minutes=10)
ROUTES = list(permutations((c.id for c in CITIES), 2))


@pytest.fixture(scope="module")
def provider() -> DemoFlights:
    return DemoFlights()


def test_every_route_flies_every_day_of_the_calendar_and_no_day_off_it(provider):
    for day in CALENDAR:
        for origin, destination in ROUTES:
            found = provider.flights(origin, destination, day, START_DAY)
            assert found, (origin, destination, day)
            assert all(f.origin_city_id == origin and f.destination_city_id == destination for f in found)
            assert all(local(f.depart).date() == day == f.day for f in found)
    for day in (CALENDAR[0] - timedelta(days=1), CALENDAR[-1] + timedelta(days=1)):
        assert provider.flights("hangzhou", "beijing", day, START_DAY) == ()


def test_busy_routes_fly_several_times_a_day_between_0630_and_2230(provider):
    for origin, destination in (("beijing", "shanghai"), ("shanghai", "guangzhou"), ("shenzhen", "beijing")):
        assert len(provider.flights(origin, destination, START_DAY, START_DAY)) >= 6
    for origin, destination in ROUTES:
        departures = [local(f.depart) for f in provider.flights(origin, destination, START_DAY, START_DAY)]
        assert departures == sorted(departures)
        assert all("06:30" <= f"{d:%H:%M}" <= "22:30" for d in departures)


def test_flight_numbers_are_unique_each_day_and_keep_their_route_and_hour_every_day(provider):
    numbers = [f.number for o, d in ROUTES for f in provider.flights(o, d, START_DAY, START_DAY)]
    assert len(numbers) == len(set(numbers))
    airlines = {a.code: a.id for a in provider.airlines()}
    for o, d in ROUTES:
        today, later = (provider.flights(o, d, day, START_DAY) for day in (START_DAY, QUIET_DAY))
        assert [(f.number, f"{local(f.depart):%H%M}") for f in today] == [
            (f.number, f"{local(f.depart):%H%M}") for f in later
        ]
        assert all(airlines[f.number[:2]] == f.airline_id and f.number[2:].isdigit() for f in today)


def test_every_flight_id_reads_back_and_strangers_are_none(provider):
    for day in (CALENDAR[0], START_DAY, CALENDAR[-1]):
        for o, d in ROUTES:
            for flight in provider.flights(o, d, day, START_DAY):
                assert flight.id == f"{flight.number}@{day.isoformat()}"
                assert provider.flight(flight.id, START_DAY) == flight
    known = provider.flights("hangzhou", "shanghai", START_DAY, START_DAY)[0]
    off_calendar = f"{known.number}@{(CALENDAR[-1] + timedelta(days=1)).isoformat()}"
    for stranger in ("", "QH5001", "ZZ9999@2026-02-10", f"{known.number}@2026-02-30", off_calendar):
        assert provider.flight(stranger, START_DAY) is None


def test_durations_follow_the_distance(provider):
    for o, d in ROUTES:
        km = distance_m(CITY_BY_ID[o].centre, CITY_BY_ID[d].centre) / 1000
        for flight in provider.flights(o, d, START_DAY, START_DAY):
            assert flight.arrive - flight.depart == timedelta(minutes=flight.minutes)
            assert km / 800 * 60 + 30 <= flight.minutes <= km / 800 * 60 + 60
            assert 45 <= flight.minutes <= 6 * 60
    beijing_shanghai = provider.flights("beijing", "shanghai", START_DAY, START_DAY)[0]
    assert timedelta(hours=1, minutes=45) <= beijing_shanghai.arrive - beijing_shanghai.depart <= timedelta(hours=2.5)


def test_the_spring_festival_rush_costs_more_than_a_quiet_day_on_the_same_flight(provider):
    for o, d in ROUTES:
        peak = provider.flights(o, d, PEAK_DAY, START_DAY)
        quiet = provider.flights(o, d, QUIET_DAY, START_DAY)
        for rush, calm in zip(peak, quiet, strict=True):
            assert rush.number == calm.number
            assert rush.fares["economy"] > calm.fares["economy"]
            assert rush.fares["business"] > calm.fares["business"]
    return_rush = provider.flights("beijing", "shanghai", date(2026, 2, 21), START_DAY)  # 初五
    quiet = provider.flights("beijing", "shanghai", QUIET_DAY, START_DAY)
    assert all(f.fares["economy"] > q.fares["economy"] for f, q in zip(return_rush, quiet, strict=True))
    assert flights.festival_fare_percent(date(2026, 2, 16)) < 100  # 除夕: everyone is home


def test_fares_grow_with_the_distance_and_business_costs_more(provider):
    def cheapest(o: str, d: str) -> int:
        return min(f.fares["economy"] for f in provider.flights(o, d, QUIET_DAY, START_DAY))

    assert cheapest("hangzhou", "shanghai") < cheapest("beijing", "shanghai") < cheapest("harbin", "sanya")
    for o, d in ROUTES:
        for flight in provider.flights(o, d, QUIET_DAY, START_DAY):
            assert 0 < flight.fares["economy"] < flight.fares["business"]
            assert flight.fares["economy"] % 1000 == 0  # whole ten yuan
            assert flight.seats["economy"] >= 150 and flight.seats["business"] >= 12


def test_four_fictional_airlines_with_bilingual_names_and_bounded_assistant_prices(provider):
    airlines = provider.airlines()
    assert len(airlines) >= 4
    assert len({a.code for a in airlines}) == len(airlines)
    for airline in airlines:
        assert airline.name_zh != airline.name_en and provider.airline(airline.id) == airline
        assert 0 <= airline.assistant_discount_cap_fen <= MAX_ASSISTANT_DISCOUNT_CAP_FEN
    assert any(a.assistant_discount_percent for a in airlines)
    assert provider.airline("nobody") is None


def test_the_demo_flights_register_through_the_public_entry_point():
    assert isinstance(load_registry().flights["demo"], DemoFlights)


async def test_thirty_passengers_for_the_last_five_business_seats_get_exactly_five(services: Services):
    provider = DemoFlights()
    now = services.clock.now()
    start_day = local(services.clock.started_at).date()
    flight = provider.flights("beijing", "shanghai", start_day + timedelta(days=1), start_day)[0]
    capacity = flight.seats["business"]
    async with services.store.transaction() as session:
        await provider.hold_seats(session, flight.id, "business", capacity - 5, hold_id="group", until=now + HOLD,
                                  now=now, clock_start_day=start_day)
        assert await rows_sold(session, provider.sale("group", "o-group", now)) == 1

    async def passenger(n: int) -> bool:
        try:
            async with services.store.transaction() as session:
                await provider.hold_seats(session, flight.id, "business", 1, hold_id=f"h{n}", until=now + HOLD,
                                          now=now, clock_start_day=start_day)
        except OutOfStock:
            return False
        async with services.store.transaction() as session:
            return await rows_sold(session, provider.sale(f"h{n}", f"o{n}", now)) == 1

    booked = await asyncio.gather(*(passenger(n) for n in range(30)))

    assert sum(booked) == 5
    async with services.store.read() as session:
        free = await provider.free_seats(session, [flight.id, "ZZ9999@2026-02-11"], "business", now)
        assert free == {flight.id: 0, "ZZ9999@2026-02-11": 0}
        assert (await provider.free_seats(session, [flight.id], "economy", now))[flight.id] == flight.seats["economy"]


async def test_released_and_refunded_seats_go_back_on_sale_and_gone_flights_cannot_be_held(services: Services):
    provider = DemoFlights()
    now = services.clock.now()
    start_day = local(services.clock.started_at).date()
    flight = provider.flights("hangzhou", "sanya", start_day + timedelta(days=2), start_day)[0]
    seats = flight.seats["economy"]
    async with services.store.transaction() as session:
        await provider.hold_seats(session, flight.id, "economy", 3, hold_id="h1", until=now + HOLD, now=now,
                                  clock_start_day=start_day)
        assert (await provider.free_seats(session, [flight.id], "economy", now))[flight.id] == seats - 3
        assert await provider.release_hold(session, "h1") == 1
        await provider.hold_seats(session, flight.id, "economy", 2, hold_id="h2", until=now + HOLD, now=now,
                                  clock_start_day=start_day)
        assert await rows_sold(session, provider.sale("h2", "o2", now)) == 1
        assert (await provider.free_seats(session, [flight.id], "economy", now))[flight.id] == seats - 2
        assert await provider.refund_order(session, "o2") == 1
        assert (await provider.free_seats(session, [flight.id], "economy", now))[flight.id] == seats

    gone = provider.flights("hangzhou", "sanya", start_day - timedelta(days=1), start_day)[0]
    for flight_id in (gone.id, "ZZ9999@2026-02-11"):
        with pytest.raises(OutOfStock):
            async with services.store.transaction() as session:
                await provider.hold_seats(session, flight_id, "economy", 1, hold_id="h3", until=now + HOLD, now=now,
                                          clock_start_day=start_day)
