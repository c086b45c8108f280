"""`bangwo simulate`: a small population lives through the campaign on the real services, repeatably."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.ops.simulate import Simulation
from bangwo.services import start_services
from bangwo.store.tables import Card, OrderRow, User

LAUNCH = datetime.fromisoformat("2026-02-10T00:00:00+08:00")


async def simulate(settings: Settings, seed: int) -> tuple:
    clock = ManualClock(LAUNCH)
    services = await start_services(settings, clock)
    try:
        result = await Simulation(services, clock, people=60, days=3, seed=seed).run()
        async with services.store.read() as session:
            stored = (
                await session.scalar(select(func.count()).select_from(User)),
                await session.scalar(select(func.count()).select_from(OrderRow)),
                await session.scalar(select(func.count()).select_from(Card).where(Card.status == "redeemed")),
                await session.scalar(select(func.count()).select_from(User).where(User.invited_by.is_not(None))),
            )
    finally:
        await services.close()
    return result, stored


async def test_a_small_population_signs_up_invites_and_orders_against_the_store(settings, tmp_path):
    result, (users, orders, redeemed, invited) = await simulate(settings, seed=7)

    assert result.signed_up == users == 60 - result.refused_sign_ups
    assert invited > 0  # the invitation trees grew beyond the organic arrivals
    assert result.orders == orders > 0 and redeemed > 0
    assert result.commands >= result.signed_up  # everyone said something at least once
    assert sum(result.orders_by_domain.values()) == result.orders


async def test_the_same_seed_gives_the_same_run(tmp_path):
    runs = []
    for name in ("first", "again"):  # two fresh embedded stores: determinism is not about the store
        settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / name}.db", data_dir=tmp_path)
        runs.append((await simulate(settings, seed=3))[0])
    first, again = runs
    assert (first.signed_up, first.commands, first.orders, first.orders_by_domain) == (
        again.signed_up, again.commands, again.orders, again.orders_by_domain
    )
