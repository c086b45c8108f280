"""Seats as inventory: held or sold once, whatever the race; an expired hold frees its seats and cannot be paid."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import func, select

from bangwo.domain.ids import new_id
from bangwo.providers.base import SeatsTaken
from bangwo.providers.demo import cinemas
from bangwo.services import Services
from bangwo.store.tables import SeatHold
from tests.factories import rows_sold

START_DAY = date(2026, 2, 10)
HOLD = timedelta(minutes=10)


def premiere_in_hangzhou(services: Services):
    movies = services.registry.movies["demo"]
    return next(s for s in movies.showings(START_DAY, START_DAY, city_id="hangzhou") if s.premiere)


async def sell_all_but(services: Services, showing, keep: int) -> list[str]:
    """Sell every seat of the showing's hall but the last `keep` ordinary ones; returns those left."""
    movies = services.registry.movies["demo"]
    hall = cinemas.HALL_BY_ID[showing.hall_id]
    now = services.clock.now()
    async with services.store.transaction() as session:
        unavailable = await movies.unavailable_seats(session, showing.id, now)
        free = [s for s in hall.seat_map.seats if s.id not in unavailable]
        left = [s.id for s in free if s.kind != "wheelchair"][-keep:]  # wheelchair places are not offered to all
        sold = [s.id for s in free if s.id not in left]
        await movies.hold_seats(session, showing.id, sold, hold_id="house", until=now + HOLD, now=now)
        assert await rows_sold(session, movies.sale("house", "o_house", now)) == len(sold)
    return left


async def test_two_hundred_buyers_for_the_last_ten_seats_buy_exactly_ten(services: Services):
    movies = services.registry.movies["demo"]
    showing = premiere_in_hangzhou(services)
    hall = cinemas.HALL_BY_ID[showing.hall_id]
    left = await sell_all_but(services, showing, 10)
    now = services.clock.now()

    async def buyer(n: int) -> list[str]:
        """Pick the best free seat, hold it, pay; on losing the race, look again."""
        for _ in range(30):
            hold_id = new_id("h")
            async with services.store.transaction() as session:
                unavailable = await movies.unavailable_seats(session, showing.id, now)
                choice = hall.seat_map.best_block(1, unavailable)
                if choice is None:
                    return []
                try:
                    await movies.hold_seats(session, showing.id, [choice.seats[0].id], hold_id=hold_id,
                                            until=now + HOLD, now=now)
                except SeatsTaken:
                    continue
            async with services.store.transaction() as session:
                if await rows_sold(session, movies.sale(hold_id, f"o_{n}", now)):
                    return [choice.seats[0].id]
        return []

    bought = await asyncio.gather(*(buyer(n) for n in range(200)))

    seats = [seat for got in bought for seat in got]
    assert sorted(seats) == sorted(left)  # exactly the ten, each once
    async with services.store.read() as session:
        sold = await session.scalar(select(func.count()).select_from(SeatHold).where(
            SeatHold.showing_id == showing.id, SeatHold.status == "sold"))
    assert sold == hall.capacity


async def test_an_expired_hold_frees_its_seats_and_cannot_be_sold(services: Services, clock):
    movies = services.registry.movies["demo"]
    showing = premiere_in_hangzhou(services)
    seat = cinemas.HALL_BY_ID[showing.hall_id].seat_map.best_block(2, set(), "last").seats
    ids = [s.id for s in seat]
    now = clock.now()
    async with services.store.transaction() as session:
        await movies.hold_seats(session, showing.id, ids, hold_id="first", until=now + HOLD, now=now)
    async with services.store.transaction() as session:
        try:
            await movies.hold_seats(session, showing.id, ids, hold_id="second", until=now + HOLD, now=now)
            raise AssertionError("a held seat was held twice")
        except SeatsTaken as taken:
            assert taken.seat_ids == set(ids)

    clock.advance(HOLD + timedelta(seconds=1))
    later = clock.now()
    async with services.store.transaction() as session:
        assert not set(ids) & await movies.unavailable_seats(session, showing.id, later)
        assert await rows_sold(session, movies.sale("first", "o_late", later)) == 0
        await movies.hold_seats(session, showing.id, ids, hold_id="second", until=later + HOLD, now=later)
        assert await rows_sold(session, movies.sale("second", "o_second", later)) == 2


async def test_broken_and_unknown_seats_cannot_be_held(services: Services):
    movies = services.registry.movies["demo"]
    showing = premiere_in_hangzhou(services)
    hall = cinemas.HALL_BY_ID[showing.hall_id]
    now = services.clock.now()
    for seats in ([next(iter(hall.broken_seat_ids))], ["99-99"]):
        async with services.store.transaction() as session:
            try:
                await movies.hold_seats(session, showing.id, seats, hold_id="x", until=now + HOLD, now=now)
                raise AssertionError(f"{seats} were held")
            except SeatsTaken:
                pass


async def test_a_refund_puts_the_seats_back_on_sale(services: Services):
    movies = services.registry.movies["demo"]
    showing = premiere_in_hangzhou(services)
    now = services.clock.now()
    async with services.store.transaction() as session:
        await movies.hold_seats(session, showing.id, ["8-5"], hold_id="h", until=now + HOLD, now=now)
        await rows_sold(session, movies.sale("h", "o_1", now))
        assert "8-5" in await movies.unavailable_seats(session, showing.id, now)
        assert await movies.refund_order(session, "o_1") == 1
        assert "8-5" not in await movies.unavailable_seats(session, showing.id, now)


def test_the_clock_start_day_is_the_premiere_day(services: Services):
    assert services.clock.started_at.astimezone(cinemas.SHANGHAI).date() == START_DAY
    assert premiere_in_hangzhou(services).start.hour >= 19
