"""Free-order card redemptions per second, on each store and with the budget's hot counter in Redis.

    .venv/bin/python bench/redemptions.py [--racers 1000] [--store sqlite|postgresql|redis|all]

For each store, in the same run:
- redemptions: RACERS people confirm a food proposal with their card all at once, the budget ample:
  every confirmation is a whole checkout (card, budget, wallet, ledger, order, outbox);
- the budget's end: RACERS more people confirm at once against a budget with room for a tenth of
  them: answers per second (paid or refused), and a check that exactly that tenth was paid, the
  record equals the budget and the Redis counter equals the record;
- the budget gone: those refused try again at once, and every answer is a refusal (the rest of
  the night once the stock is gone);
- the baseline: as many concurrent minimal write transactions (one row inserted) through the same
  driver, and the ratios to it.
PostgreSQL is the database `bangwo_bench` on 127.0.0.1:5432 (created if missing, emptied first);
Redis is 127.0.0.1:6379 under a key prefix of this run's own (removed after).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import redis.asyncio as redis
from bench_stores import PING, fresh_postgres, scratch
from redis.exceptions import RedisError
from sqlalchemy import insert

from bangwo.commerce.ledger import FUNDING_DEMO, Leg, post_transfer, wallet_account
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.domain.errors import Conflict
from bangwo.domain.ids import new_id
from bangwo.people import SignedUp, set_default_address, sign_up
from bangwo.promo.campaigns import DEFAULT_CAMPAIGN_ID, campaign, change_campaign
from bangwo.services import Services, start_services
from bangwo.store.tables import ProposalRow

SPRING_FESTIVAL_MORNING = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
ADDRESS = "杭州市西湖区文三路100号"
COMMAND = "帮我点两杯杨枝甘露"  # more than a card's value, so the whole card is spent
REDIS_URL = "redis://127.0.0.1:6379/0"
WALLET_FEN = 10_000
SIGN_UP_BATCH = 100



async def redis_reachable() -> bool:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        await client.ping()
        return True
    except RedisError:
        return False
    finally:
        await client.aclose()


async def people_with_proposals(services: Services, count: int, first_phone: int) -> list[tuple[str, str]]:
    """`count` people with a card each on a food proposal: the first made by the assistant, the rest its copies."""
    now = services.clock.now()
    unfunded = replace(services.sign_up_policy, demo_balance_fen=0)

    async def batch(phones: range) -> list[SignedUp]:
        async with services.store.transaction() as session:
            people = [await sign_up(session, phone=str(phone), policy=unfunded, now=now) for phone in phones]
            credit = [Leg(wallet_account(person.user_id), WALLET_FEN) for person in people]
            await post_transfer(session, [Leg(FUNDING_DEMO, -WALLET_FEN * len(people)), *credit],
                                reason="demo_credit", now=now)
        return people

    batches = await asyncio.gather(*(batch(range(p, min(p + SIGN_UP_BATCH, first_phone + count)))
                                     for p in range(first_phone, first_phone + count, SIGN_UP_BATCH)))
    people = [person for signed in batches for person in signed]
    user_ids = [person.user_id for person in people]
    async with services.store.transaction() as session:
        location = services.registry.geocoder.locate("hangzhou", ADDRESS)
        await set_default_address(session, user_ids[0], city_id="hangzhou", text=ADDRESS, location=location, now=now)
    offer = await services.assistant.chat(user_ids[0], COMMAND)
    assert offer.proposal is not None and offer.proposal.card_id, offer.reply
    pairs = [(user_ids[0], offer.proposal.id)]
    async with services.store.transaction() as session:
        template = await session.get(ProposalRow, offer.proposal.id)
        copied = {column.key: getattr(template, column.key) for column in ProposalRow.__table__.columns}
        for person in people[1:]:
            proposal_id = new_id("p")
            session.add(ProposalRow(**copied | {"id": proposal_id, "user_id": person.user_id,
                                                "card_id": person.cards[0].id, "session_id": None}))
            pairs.append((person.user_id, proposal_id))
    return pairs


async def set_budget(services: Services, budget_fen: int) -> None:
    async with services.store.transaction() as session:
        await change_campaign(session, DEFAULT_CAMPAIGN_ID, {"budget_fen": budget_fen}, changed_by="bench",
                              now=services.clock.now())


@dataclass(frozen=True)
class Race:
    seconds: float
    waits: list[float]  # sorted
    outcomes: list[str]  # "paid" or the refusal's code, in the order of the pairs

    def count(self, outcome: str) -> int:
        return self.outcomes.count(outcome)

    def per_second(self, outcome: str | None = None) -> float:
        return (self.count(outcome) if outcome else len(self.outcomes)) / self.seconds

    def wait_ms(self, share: float) -> float:
        return self.waits[int(share * (len(self.waits) - 1))] * 1000


async def race(services: Services, pairs: list[tuple[str, str]], tag: str) -> Race:
    """Everyone confirms at once."""
    now = services.clock.now()

    async def confirm(i: int, user_id: str, proposal_id: str) -> tuple[float, str]:
        started = time.perf_counter()
        try:
            await services.assistant.confirm(user_id, proposal_id, f"{tag}-{i}", now)
            outcome = "paid"
        except Conflict as exc:
            outcome = exc.code
        return time.perf_counter() - started, outcome

    started = time.perf_counter()
    results = await asyncio.gather(*(confirm(i, u, p) for i, (u, p) in enumerate(pairs)))
    elapsed = time.perf_counter() - started
    outcomes = [outcome for _, outcome in results]
    unexpected = set(outcomes) - {"paid", "budget_exhausted"}
    assert not unexpected, unexpected
    return Race(elapsed, sorted(wait for wait, _ in results), outcomes)


async def baseline(services: Services, count: int) -> float:
    """Minimal write transactions per second at the same concurrency through the same driver."""
    async with services.store.engine.begin() as connection:
        await connection.run_sync(scratch.create_all)

    async def ping(i: int) -> None:
        async with services.store.transaction() as session:
            await session.execute(insert(PING).values(note=str(i)))

    started = time.perf_counter()
    await asyncio.gather(*(ping(i) for i in range(count)))
    return count / (time.perf_counter() - started)


async def measure(label: str, url: str, racers: int, redis_url: str | None) -> None:
    prefix = f"bangwo-bench:{uuid.uuid4().hex}:"
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(database_url=url, data_dir=Path(data_dir), catalogue_refresh_seconds=0,
                            redis_url=redis_url, redis_prefix=prefix)
        services = await start_services(settings, ManualClock(SPRING_FESTIVAL_MORNING))
        try:
            ample = await people_with_proposals(services, racers + 1, 13_500_000_000)
            await race(services, ample[:1], "warm")  # the first confirmation builds caches and connections
            redeeming = await race(services, ample[1:], "ample")
            assert redeeming.count("paid") == racers

            late = await people_with_proposals(services, racers, 13_600_000_000)
            async with services.store.read() as session:
                before = await campaign(session, DEFAULT_CAMPAIGN_ID)
            room = racers // 10
            await set_budget(services, before.redeemed_fen + room * before.card_value_fen)
            ending = await race(services, late, "end")
            # The rest of the night: those refused try again, and every answer is a refusal.
            refused = [pair for pair, outcome in zip(late, ending.outcomes, strict=True) if outcome != "paid"]
            gone = await race(services, refused, "gone")
            assert gone.count("budget_exhausted") == len(refused)
            async with services.store.read() as session:
                row = await campaign(session, DEFAULT_CAMPAIGN_ID)
            counter = services.budget_counter
            counted = await counter.counted_fen(DEFAULT_CAMPAIGN_ID) if counter else None
            base = await baseline(services, racers)
        finally:
            if services.budget_counter is not None:
                client = services.budget_counter.client
                keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
                if keys:
                    await client.delete(*keys)
            await services.close()
    print(f"{label}: {racers} people confirm at once")
    for name, result, rate in (
        ("redemptions, budget ample", redeeming, redeeming.per_second("paid")),
        (f"budget's end ({ending.count('paid')} paid)", ending, ending.per_second()),
        ("budget gone (all refused)", gone, gone.per_second()),
    ):
        unit = "redemptions/s" if result is redeeming else "answers/s"
        print(f"  {name:<27} {rate:8.1f} {unit:<13}  ratio {rate / base:.3f}   wait p50 {result.wait_ms(0.5):7.1f} ms"
              f"   p99 {result.wait_ms(0.99):7.1f} ms")
    print(f"  {'baseline':<27} {base:8.1f} minimal write transactions/s at the same concurrency")
    paid = ending.count("paid")
    exact = paid == room and row.redeemed_fen == row.budget_fen and counted in (None, row.redeemed_fen)
    print(f"  check: {paid} paid of {room} the budget had room for; redeemed {row.redeemed_fen} fen of "
          f"{row.budget_fen}" + (f"; Redis {counted} fen" if counted is not None else "") +
          f": {'ok' if exact else 'FAILED'}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--racers", type=int, default=1000, help="people confirming at once (default 1000)")
    parser.add_argument("--store", choices=("sqlite", "postgresql", "redis", "all"), default="all",
                        help="redis: PostgreSQL with the budget's counter in Redis")
    args = parser.parse_args()
    if args.store in ("sqlite", "all"):
        with tempfile.TemporaryDirectory() as folder:
            await measure("SQLite", f"sqlite+aiosqlite:///{folder}/bench.db", args.racers, None)
    for label, with_redis in (("PostgreSQL", False), ("PostgreSQL + Redis", True)):
        if args.store not in ("all", "redis" if with_redis else "postgresql"):
            continue
        url = await fresh_postgres()
        if url is None:
            print(f"{label}: PostgreSQL is not reachable at 127.0.0.1:5432, skipped", file=sys.stderr)
            continue
        if with_redis and not await redis_reachable():
            print(f"{label}: Redis is not reachable at 127.0.0.1:6379, skipped", file=sys.stderr)
            continue
        await measure(label, url, args.racers, REDIS_URL if with_redis else None)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
