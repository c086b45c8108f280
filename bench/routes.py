"""What each route costs the worker: CPU milliseconds per request, route by route.

    .venv/bin/python bench/routes.py [--journeys 200] [--store postgresql|sqlite]

The app runs in this process (its ASGI interface, no sockets), and people go through it one after
another: sign up, ask for food (one chat turn in Chinese, one in English, each answered by a
question), give the address (the turn that makes the card), confirm, look at the order, at
themselves. Each request's CPU time is this process's (every thread of it) from before to after:
the worker's Python, and with SQLite the database too; PostgreSQL's own CPU is not in it (see
bench/checkout.py and bench/capacity.py for that). GET /healthz is measured the same way, so what
the in-process client itself costs can be read off it. Printed: mean and p50/p99 per route.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
from bench_stores import bench_store_url
from checkout import ADDRESS, START

from bangwo.api.app import create_app
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock

# What each person asks for first; the assistant asks for the address, and the answer makes the card.
ORDERS = ("帮我点两杯少糖去冰的杨枝甘露", "two iced americanos please")


class RouteCosts:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.cpu_ms: dict[str, list[float]] = defaultdict(list)

    async def call(self, route: str, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        before = time.process_time()
        answer = await self.client.request(method, path, **kwargs)
        self.cpu_ms[route].append((time.process_time() - before) * 1000)
        if answer.status_code >= 300:
            raise SystemExit(f"{route}: {answer.status_code} {answer.text}")
        return answer.json()

    async def journey(self, number: int) -> None:
        person = await self.call("POST /v1/users", "POST", "/v1/users", json={"phone": f"1390000{number:04d}"})
        auth = {"Authorization": f"Bearer {person['token']}"}
        asked = await self.call("POST /v1/chat (an order: asked where to)", "POST", "/v1/chat", headers=auth,
                                json={"text": ORDERS[number % len(ORDERS)]})
        card = await self.call("POST /v1/chat (the address: a card)", "POST", "/v1/chat", headers=auth,
                               json={"text": ADDRESS, "session_id": asked["session_id"]})
        paid = await self.call("POST /v1/proposals/{id}/confirm", "POST",
                               f"/v1/proposals/{card['proposal']['id']}/confirm",
                               headers={**auth, "Idempotency-Key": f"k{number}"})
        await self.call("GET /v1/orders/{id}", "GET", f"/v1/orders/{paid['order']['id']}", headers=auth)
        await self.call("GET /v1/me", "GET", "/v1/me", headers=auth)
        await self.call("GET /healthz", "GET", "/healthz")


def _line(route: str, costs: list[float]) -> str:
    ordered = sorted(costs)
    p50, p99 = ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"  {route:40} mean {sum(costs) / len(costs):6.2f} ms   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms"


async def measure(url: str, data_dir: Path, journeys: int) -> RouteCosts:
    settings = Settings(database_url=url, data_dir=data_dir, catalogue_refresh_seconds=0,
                        rate_person_per_s=0, rate_address_per_s=0)  # one address signs everyone up
    app = create_app(settings, ManualClock(START))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.bench") as client:
            warm = RouteCosts(client)
            for number in range(len(ORDERS)):  # caches, connections, the first compilations
                await warm.journey(9000 + number)
            costs = RouteCosts(client)
            for number in range(journeys):
                await costs.journey(number)
    return costs


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=200, help="people going through (default 200)")
    parser.add_argument("--store", choices=("postgresql", "sqlite"), default="postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = await bench_store_url(args.store, folder, "routes")
        if url is None:
            return 1
        costs = await measure(url, Path(folder), args.journeys)
    where = "the worker and SQLite" if args.store == "sqlite" else "the worker (PostgreSQL's CPU not included)"
    print(f"{args.store}: {args.journeys} people one after another; CPU per request in {where}")
    for route, spent in costs.cpu_ms.items():
        print(_line(route, spent))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
