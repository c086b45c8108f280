"""What a launch costs per core, and the largest arrival rate this machine holds: the capacity model's inputs.

    .venv/bin/python bench/capacity.py [--workers 2] [--rates 4,8,12,16] [--seconds 30]

For each arrival rate: an empty PostgreSQL database (`bangwo_bench`), `bangwo serve --workers N` and
`bangwo worker` over it with Redis, and `bangwo loadtest`'s launch mix (sign-ups, invitations,
commands in both languages, confirmations, status checks) arriving at that rate for `--seconds`
after a 5 s ramp. The CPU time each part used is read from /proc before and after: the server's
workers, the relay, PostgreSQL and Redis, and the load generator (this process, on the same cores).
Printed per rate: requests/s, orders/s, the p99 of chats and of every other route, the shed share
and errors, and CPU milliseconds per request and per order for each part. Last, the largest rate
whose non-chat p99 stayed under 200 ms with no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench_stores import fresh_postgres
from checkout import START
from cpu_time import named_cpu_seconds, tree_cpu_seconds
from rich.console import Console

from bangwo.config import Settings
from bangwo.ops.loadtest import LoadConfig, LoadResult, run_loadtest
from bangwo.ops.processes import free_port, wait_until_healthy
from bangwo.ops.schedule import Schedule
from bangwo.services import prepare_store

BIN = Path(sys.executable).parent
P99_GOAL_MS = 200.0


@dataclass
class CpuMeter:
    """CPU seconds used so far by each part (processes that ended are not counted: none should)."""

    server: int
    relay: int

    def read(self) -> dict[str, float]:
        return {
            "workers": tree_cpu_seconds(self.server),
            "relay": tree_cpu_seconds(self.relay),
            "postgres": named_cpu_seconds("postgres"),
            "redis": named_cpu_seconds("redis-server"),
            "generator": sum(os.times()[:2]),  # this process: the load generator, on the same cores
        }


async def measure(rate: float, args: argparse.Namespace) -> tuple[LoadResult, dict[str, float]]:
    url = await fresh_postgres()
    if url is None:
        raise SystemExit("PostgreSQL is not reachable at 127.0.0.1:5432")
    port = free_port()
    env = {**os.environ, "BANGWO_DATABASE_URL": url, "BANGWO_REDIS_URL": "redis://127.0.0.1:6379/0",
           "BANGWO_REDIS_PREFIX": f"capacity-{uuid.uuid4().hex[:8]}:", "BANGWO_NOW": START.isoformat(),
           "BANGWO_CATALOGUE_REFRESH_SECONDS": "0"}
    await prepare_store(Settings(database_url=url, catalogue_refresh_seconds=0))
    server = await asyncio.create_subprocess_exec(
        str(BIN / "bangwo"), "serve", "--port", str(port), "--workers", str(args.workers), env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    relay = await asyncio.create_subprocess_exec(str(BIN / "bangwo"), "worker", env=env,
                                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        config = LoadConfig(url=f"http://127.0.0.1:{port}", schedule=Schedule(rate, ramp_seconds=5.0,
                            hold_seconds=args.seconds, spike_factor=1.0, spike_seconds=0.0), seed=args.seed,
                            drain_seconds=30.0, live=False)
        warm = LoadConfig(url=config.url, schedule=Schedule(2.0, ramp_seconds=0.0, hold_seconds=3.0, spike_factor=1.0,
                          spike_seconds=0.0), seed=args.seed + 1, live=False)
        quiet = Console(file=io.StringIO())
        await wait_until_healthy(config.url)
        await run_loadtest(warm, database_url=None, fallback_now=START, console=quiet)  # every worker warm
        meter = CpuMeter(server.pid, relay.pid)
        before = meter.read()
        result = await run_loadtest(config, database_url=None, fallback_now=START, console=quiet)
        after = meter.read()
    finally:
        for process in (server, relay):
            process.terminate()
            await process.wait()
    return result, {part: after[part] - before[part] for part in before}


def report(rate: float, result: LoadResult, cpu: dict[str, float]) -> bool:
    """Print one rate's line; True when the non-chat p99 held under the goal with no errors."""
    requests = sum(route["count"] for route in result.routes)
    orders = len(result.acknowledged.order_ids)
    shed = sum(route["outcomes"]["429"] + route["outcomes"]["503"] for route in result.routes)
    chat = [r["latency_ms_p99"] for r in result.routes if r["route"] == "POST /v1/chat"]
    others = [r["latency_ms_p99"] for r in result.routes if r["route"] != "POST /v1/chat" and r["count"]]
    held = max(others, default=0.0) < P99_GOAL_MS and result.failed_requests == 0
    seconds = result.elapsed_seconds
    print(f"rate {rate:5.1f}/s: {requests / seconds:6.1f} requests/s, {orders / seconds:5.1f} orders/s, "
          f"chat p99 {max(chat, default=0):6.0f} ms, other routes' worst p99 {max(others, default=0):6.0f} ms, "
          f"shed {shed / max(1, requests):5.1%}, errors {result.failed_requests}  {'held' if held else 'NOT held'}")
    per_request = ", ".join(f"{part} {1000 * used / max(1, requests):5.1f}" for part, used in cpu.items())
    per_order = ", ".join(f"{part} {1000 * used / max(1, orders):6.1f}" for part, used in cpu.items())
    print(f"    CPU ms per request: {per_request}")
    print(f"    CPU ms per order (the whole journey around it): {per_order}")
    return held


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="worker processes of bangwo serve (default 2)")
    parser.add_argument("--rates", default="4,8,12,16", help="journey arrival rates to try, per second")
    parser.add_argument("--seconds", type=float, default=30, help="seconds at each rate after the ramp (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{args.workers} workers over PostgreSQL and Redis on {os.cpu_count()} cores; the load test's launch mix")
    best = None
    for rate in (float(text) for text in args.rates.split(",")):
        result, cpu = await measure(rate, args)
        if report(rate, result, cpu):
            best = rate
    print(f"largest arrival rate held (non-chat p99 < {P99_GOAL_MS:.0f} ms, no errors): "
          + (f"{best:g} journeys/s" if best is not None else "none of those tried"))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
