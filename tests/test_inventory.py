"""Counted inventory (stock, flight seats by cabin, hotel rooms by night): never oversold, whatever
the race; a hold of several items is all or none; a lapsed hold frees its units and cannot be sold."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bangwo.providers.base import OutOfStock
from bangwo.providers.demo.inventory import free_units, hold_units, refund_sale, release_hold, sale
from bangwo.services import Services
from tests.factories import rows_sold

HOLD = timedelta(minutes=10)
LAST_TEN = {"sku:demo-hema-hangzhou:cherries": 10}


async def test_two_hundred_buyers_for_ten_units_get_exactly_ten(services: Services):
    now = services.clock.now()

    async def buyer(n: int) -> bool:
        try:
            async with services.store.transaction() as session:
                await hold_units(session, {**dict.fromkeys(LAST_TEN, 1)}, LAST_TEN, hold_id=f"h{n}", until=now + HOLD,
                                 now=now)
        except OutOfStock:
            return False
        async with services.store.transaction() as session:
            return await rows_sold(session, sale(f"h{n}", f"o{n}", now)) == 1

    bought = await asyncio.gather(*(buyer(n) for n in range(200)))

    assert sum(bought) == 10
    async with services.store.read() as session:
        assert await free_units(session, LAST_TEN, now) == dict.fromkeys(LAST_TEN, 0)


async def test_a_stay_is_held_for_every_night_or_not_at_all(services: Services):
    now = services.clock.now()
    nights = {f"room:demo-bund-hotel:deluxe:2026-02-1{d}": 1 for d in (1, 2, 3)}
    async with services.store.transaction() as session:
        await hold_units(session, {"room:demo-bund-hotel:deluxe:2026-02-12": 1}, nights, hold_id="other",
                         until=now + HOLD, now=now)

    with pytest.raises(OutOfStock) as refused:
        async with services.store.transaction() as session:
            await hold_units(session, dict.fromkeys(nights, 1), nights, hold_id="stay", until=now + HOLD, now=now)

    assert refused.value.free == {"room:demo-bund-hotel:deluxe:2026-02-12": 0}
    async with services.store.read() as session:
        free = await free_units(session, nights, now)
    assert free == {**nights, "room:demo-bund-hotel:deluxe:2026-02-12": 0}  # the other nights were not taken


async def test_a_lapsed_hold_frees_its_units_and_cannot_be_sold(services: Services, clock):
    now = services.clock.now()
    async with services.store.transaction() as session:
        await hold_units(session, {"sku:x": 3}, {"sku:x": 5}, hold_id="h1", until=now + HOLD, now=now)
        assert await free_units(session, {"sku:x": 5}, now) == {"sku:x": 2}

    clock.advance(HOLD)
    later = clock.now()
    async with services.store.transaction() as session:
        assert await free_units(session, {"sku:x": 5}, later) == {"sku:x": 5}
        assert await rows_sold(session, sale("h1", "o1", later)) == 0
        await hold_units(session, {"sku:x": 5}, {"sku:x": 5}, hold_id="h2", until=later + HOLD, now=later)
        assert await rows_sold(session, sale("h2", "o2", later)) == 1


async def test_released_and_refunded_units_go_back_on_sale(services: Services):
    now = services.clock.now()
    capacity = {"seat:MU5101:2026-02-11:economy": 2}
    async with services.store.transaction() as session:
        await hold_units(session, dict.fromkeys(capacity, 2), capacity, hold_id="h1", until=now + HOLD, now=now)
        assert await release_hold(session, "h1") == 1
        await hold_units(session, dict.fromkeys(capacity, 2), capacity, hold_id="h2", until=now + HOLD, now=now)
        assert await rows_sold(session, sale("h2", "o2", now)) == 1
        assert await free_units(session, capacity, now) == dict.fromkeys(capacity, 0)
        assert await refund_sale(session, "o2") == 1
        assert await free_units(session, capacity, now) == capacity
    with pytest.raises(ValueError):
        async with services.store.transaction() as session:
            await hold_units(session, dict.fromkeys(capacity, 0), capacity, hold_id="h3", until=now + HOLD, now=now)
