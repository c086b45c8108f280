"""Checkout speed on one core: orders paid per second against what the same stack does at its barest.

    .venv/bin/python bench/checkout.py [--orders 300] [--rounds 5] [--store sqlite|postgresql|both]

Printed for each store, in the same run:
- in process: confirmations per second (card redeemed, budget spent, wallet debited with ledger
  lines, order and outbox event written, delivery planned) one after another, against minimal
  write transactions (one row inserted) through the same driver, in alternating rounds; the ratio
  (issue 7's goal: ≥ 0.60) over all, and each round's median and range;
- over HTTP, against a real `bangwo serve` (uvicorn): POST /v1/proposals/{id}/confirm one after
  another, against GET /healthz on the same server; the ratio (goal: ≥ 0.40). The requests go
  through the lean client (lean_http.py): through httpx, /healthz measured the client's ceiling.
The proposals are made beforehand (sign-up, address, a food card) and are not timed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench_stores import PING, fresh_postgres, scratch
from cpu_time import named_cpu_seconds, tree_cpu_seconds
from lean_http import LeanConnection
from sqlalchemy import insert

from bangwo.assistant.skills.food import Customer, FoodProposal, card_offer
from bangwo.commerce.proposals import save_proposal
from bangwo.config import Settings
from bangwo.domain.clock import ManualClock
from bangwo.domain.frame import FrameItem, IntentFrame
from bangwo.ops.processes import free_port, wait_until_healthy
from bangwo.people import set_default_address, sign_up
from bangwo.promo.cards import best_card
from bangwo.services import Services, start_services

START = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
ADDRESS = "杭州市西湖区文三路100号"
BIN = Path(sys.executable).parent


async def food_proposals(services: Services, count: int) -> list[tuple[str, str]]:
    """(person, proposal) pairs, each a card for two cups of 杨枝甘露 with the person's free-order card."""
    now = services.clock.now()
    pairs = []
    for i in range(count):
        async with services.store.transaction() as session:
            signed = await sign_up(session, phone=f"1370000{i:04d}", policy=services.sign_up_policy, now=now)
            location = services.registry.geocoder.locate("hangzhou", ADDRESS)
            address = await set_default_address(
                session, signed.user_id, city_id="hangzhou", text=ADDRESS, location=location, now=now
            )
            card = await best_card(session, signed.user_id, now, "food")
            outcome = services.food.propose(
                IntentFrame(domain="food", items=[FrameItem(name="杨枝甘露", quantity=2)]), lang="zh",
                customer=Customer("hangzhou", address.id, ADDRESS, location), card=card_offer(card), now=now,
                proposal_seconds=3600,
            )
            assert isinstance(outcome, FoodProposal), outcome
            await save_proposal(session, outcome.proposal, user_id=signed.user_id, chat_session_id=None,
                                merchant_id=outcome.merchant_id, address_id=address.id, now=now)
        pairs.append((signed.user_id, outcome.proposal.id))
    return pairs


@dataclass(frozen=True)
class InProcess:
    confirmed_per_s: float  # over all rounds
    baseline_per_s: float
    ratios: list[float]  # each round's


async def in_process(url: str, orders: int, rounds: int) -> InProcess:
    """Confirmations one after another, then as many minimal write transactions, in `rounds` alternating
    rounds: the machine's load drifts, and each round's ratio compares two runs seconds apart."""
    with tempfile.TemporaryDirectory() as data_dir:
        services = await start_services(
            Settings(database_url=url, data_dir=Path(data_dir), catalogue_refresh_seconds=0), ManualClock(START)
        )
        try:
            pairs = await food_proposals(services, orders + 1)
            now = services.clock.now()
            await services.assistant.confirm(*pairs[0], "warm", now)  # the first builds caches and connections
            async with services.store.engine.begin() as connection:
                await connection.run_sync(scratch.create_all)
            confirming, baseline, ratios = 0.0, 0.0, []
            for chunk in (pairs[1 + r * orders // rounds:1 + (r + 1) * orders // rounds] for r in range(rounds)):
                started = time.perf_counter()
                for user_id, proposal_id in chunk:
                    await services.assistant.confirm(user_id, proposal_id, f"k-{proposal_id}", now)
                confirmed = time.perf_counter() - started
                started = time.perf_counter()
                for n in range(len(chunk)):
                    async with services.store.transaction() as session:
                        await session.execute(insert(PING).values(note=str(n)))
                bare = time.perf_counter() - started
                confirming, baseline = confirming + confirmed, baseline + bare
                ratios.append(bare / confirmed)
        finally:
            await services.close()
    return InProcess(orders / confirming, orders / baseline, ratios)


@dataclass(frozen=True)
class OverHttp:
    confirmed_per_s: float
    bare_per_s: float
    server_cpu_ms: float  # a confirmation's CPU in the server (the worker; with SQLite, the database too)
    postgres_cpu_ms: float  # and in PostgreSQL (0 on SQLite)


async def over_http(url: str, orders: int) -> OverHttp:
    """Confirmations against a real `bangwo serve`, one request after another, then GET /healthz."""
    with tempfile.TemporaryDirectory() as data_dir:
        port = free_port()
        env = {**os.environ, "BANGWO_DATABASE_URL": url, "BANGWO_DATA_DIR": data_dir, "BANGWO_NOW": START.isoformat(),
               "BANGWO_CATALOGUE_REFRESH_SECONDS": "0",
               # One address signs up hundreds of people here: the door's rate limits are bench/shedding.py's.
               "BANGWO_RATE_ADDRESS_PER_S": "0", "BANGWO_RATE_PERSON_PER_S": "0"}
        server = await asyncio.create_subprocess_exec(
            str(BIN / "bangwo"), "serve", "--port", str(port), env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            await wait_until_healthy(f"http://127.0.0.1:{port}")
            client = await LeanConnection.open("127.0.0.1", port)
            cards = []
            for i in range(orders + 1):
                signed = (await client.request("POST", "/v1/users", json_body={"phone": f"1360000{i:04d}"})).json()
                auth = {"Authorization": f"Bearer {signed['token']}"}
                order = {"text": "帮我点两杯杨枝甘露"}
                first = (await client.request("POST", "/v1/chat", json_body=order, headers=auth)).json()
                card = (await client.request("POST", "/v1/chat", headers=auth, json_body={
                    "text": ADDRESS, "session_id": first["session_id"]})).json()
                cards.append((auth, card["proposal"]["id"]))
            auth, first_card = cards[0]
            warm = {**auth, "Idempotency-Key": "warm"}  # the first builds caches and connections
            await client.request("POST", f"/v1/proposals/{first_card}/confirm", headers=warm)
            cpu_before = tree_cpu_seconds(server.pid), named_cpu_seconds("postgres")
            started = time.perf_counter()
            for n, (auth, proposal_id) in enumerate(cards[1:]):
                answer = await client.request("POST", f"/v1/proposals/{proposal_id}/confirm",
                                              headers={**auth, "Idempotency-Key": f"k{n}"})
                assert answer.status == 201, answer.body
            confirmed = orders / (time.perf_counter() - started)
            server_cpu, postgres_cpu = (
                1000 * (after - before) / orders
                for after, before in zip((tree_cpu_seconds(server.pid), named_cpu_seconds("postgres")), cpu_before,
                                         strict=True)
            )
            started = time.perf_counter()
            for _ in range(orders):
                await client.request("GET", "/healthz")
            bare = orders / (time.perf_counter() - started)
            await client.close()
        finally:
            server.terminate()
            await server.wait()
    return OverHttp(confirmed, bare, server_cpu, postgres_cpu if not url.startswith("sqlite") else 0.0)


async def measure(label: str, url: str, orders: int, rounds: int) -> None:
    local = await in_process(url, orders, rounds)
    print(f"{label}:")
    print(f"  in process:  {local.confirmed_per_s:7.1f} orders/s   baseline {local.baseline_per_s:7.1f} minimal write"
          f" transactions/s   ratio {local.confirmed_per_s / local.baseline_per_s:.3f} (goal 0.60);"
          f" by round: median {statistics.median(local.ratios):.3f}, {min(local.ratios):.3f}–{max(local.ratios):.3f}")
    # The server starts on an empty store of its own.
    empty = url.replace("bench.db", "bench-http.db") if url.startswith("sqlite") else await fresh_postgres() or url
    http = await over_http(empty, orders)
    print(f"  over HTTP:   {http.confirmed_per_s:7.1f} confirms/s   GET /healthz {http.bare_per_s:7.1f}/s"
          f"   ratio {http.confirmed_per_s / http.bare_per_s:.3f} (goal 0.40)")
    database = f", PostgreSQL {http.postgres_cpu_ms:.2f} ms" if http.postgres_cpu_ms else " (the database within it)"
    print(f"  CPU a confirmation over HTTP: server {http.server_cpu_ms:.2f} ms{database}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300, help="orders timed on each path (default 300)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds in process (default 5)")
    parser.add_argument("--store", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.store in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            await measure("SQLite", f"sqlite+aiosqlite:///{folder}/bench.db", args.orders, args.rounds)
    if args.store in ("postgresql", "both"):
        url = await fresh_postgres()
        if url is None:
            print("PostgreSQL: not reachable at 127.0.0.1:5432, skipped", file=sys.stderr)
            return 1 if args.store == "postgresql" else 0
        await measure("PostgreSQL", url, args.orders, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
