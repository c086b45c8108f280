"""Movie tickets sold per second when 200 buyers race for one hall, on each store.

    .venv/bin/python bench/tickets.py [--buyers 200] [--store sqlite|postgresql|both]

Every buyer, all at once, says "一张惊蛰无声首映的票，晚上七点半" (the premiere in the IMAX hall at
19:30 in Hangzhou) and then "确认": the whole purchase in process, parsing, seat choice, the hold,
the card, payment, the sale and the e-ticket. Printed for each store, in the same run:
- purchases (tickets) per second and the p50/p99 time one buyer waits for the pair of turns;
- the baseline: the same number of concurrent minimal write transactions (one row inserted)
  through the same driver, and the ratio purchases/baseline;
- a check: tickets sold == buyers served, no seat sold twice.
PostgreSQL is the database `bangwo_bench` on 127.0.0.1:5432 (created if missing, emptied first).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench_stores import PING, fresh_postgres, scratch
from sqlalchemy import func, insert, select

from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.people import set_default_address, sign_up
from bangwo.services import Services, start_services
from bangwo.store.tables import TicketRow

SPRING_FESTIVAL_MORNING = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
ADDRESS = "杭州市西湖区文三路100号"
COMMAND = "一张惊蛰无声首映的票，晚上七点半"



async def people(services: Services, count: int) -> list[str]:
    now = services.clock.now()
    ids = []
    async with services.store.transaction() as session:
        for i in range(count):
            signed = await sign_up(session, phone=f"1390000{i:04d}", policy=services.sign_up_policy, now=now)
            location = services.registry.geocoder.locate("hangzhou", ADDRESS)
            await set_default_address(session, signed.user_id, city_id="hangzhou", text=ADDRESS, location=location,
                                      now=now)
            ids.append(signed.user_id)
    return ids


async def purchase(services: Services, user_id: str) -> tuple[float, bool]:
    started = time.perf_counter()
    offer = await services.assistant.chat(user_id, COMMAND)
    if offer.state != "proposal":
        return time.perf_counter() - started, False
    done = await services.assistant.chat(user_id, "确认", offer.session_id)
    return time.perf_counter() - started, done.state == "done"


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


async def measure(label: str, url: str, buyers: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(database_url=url, data_dir=Path(data_dir), catalogue_refresh_seconds=0)
        services = await start_services(settings, ManualClock(SPRING_FESTIVAL_MORNING))
        try:
            user_ids = await people(services, buyers)
            await purchase(services, user_ids[0])  # warm: the first purchase builds caches and connections
            racing = user_ids[1:]
            started = time.perf_counter()
            results = await asyncio.gather(*(purchase(services, user_id) for user_id in racing))
            elapsed = time.perf_counter() - started
            base = await baseline(services, len(racing))
            async with services.store.read() as session:
                sold = await session.scalar(select(func.count()).select_from(TicketRow))
                distinct = await session.scalar(
                    select(func.count()).select_from(
                        select(TicketRow.showing_id, TicketRow.seat_id).distinct().subquery()
                    )
                )
        finally:
            await services.close()
    served = sum(ok for _, ok in results)
    waits = sorted(seconds for seconds, _ in results)
    rate = served / elapsed
    print(f"{label}: {len(racing)} buyers at once, {served} served in {elapsed:.2f} s")
    print(f"  tickets sold:    {rate:8.1f} /s   wait p50 {statistics.median(waits) * 1000:7.1f} ms"
          f"   p99 {waits[int(0.99 * (len(waits) - 1))] * 1000:7.1f} ms")
    print(f"  baseline:        {base:8.1f} minimal write transactions/s at the same concurrency")
    print(f"  ratio tickets / baseline: {rate / base:.3f}")
    check = "ok" if sold == distinct == served + 1 else "FAILED"
    print(f"  check: {sold} tickets, {distinct} distinct seats, {served + 1} purchases (warm-up included): {check}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buyers", type=int, default=200, help="buyers racing for the hall (default 200)")
    parser.add_argument("--store", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.store in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            await measure("SQLite", f"sqlite+aiosqlite:///{folder}/bench.db", args.buyers + 1)
    if args.store in ("postgresql", "both"):
        url = await fresh_postgres()
        if url is None:
            print("PostgreSQL: not reachable at 127.0.0.1:5432, skipped", file=sys.stderr)
            return 1 if args.store == "postgresql" else 0
        await measure("PostgreSQL", url, args.buyers + 1)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
