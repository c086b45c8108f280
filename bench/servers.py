"""Which server runs bangwo's workers: uvicorn against granian, same app, same workers, same load.

    .venv/bin/python bench/servers.py [--workers 2] [--seconds 10] [--concurrency 64]

Both serve `bangwo.api.app:create_app` (a factory, one app per worker) over PostgreSQL (the
`bangwo_bench` database) and Redis, with the door's limits opened wide so nothing is shed. A
load process keeps `--concurrency` requests outstanding for `--seconds` on each route:
- GET /healthz: the server and framework alone;
- GET /v1/me: a person's token checked and their profile read from the store.
Printed: requests/s and p50/p99 per server and route, and granian's rate as a ratio of uvicorn's.
granian is not a dependency of bangwo: install it (`.venv/bin/pip install granian`) to measure it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench_stores import fresh_postgres
from lean_http import LeanConnection

from bangwo.config import Settings
from bangwo.ops.processes import free_port, wait_until_healthy
from bangwo.services import prepare_store

BIN = Path(sys.executable).parent
SERVERS = {
    "uvicorn": lambda port, workers: [str(BIN / "uvicorn"), "--factory", "bangwo.api.app:create_app", "--port",
                                      str(port), "--workers", str(workers), "--log-level", "warning"],
    "granian": lambda port, workers: [str(BIN / "granian"), "--interface", "asgi", "--factory", "--port", str(port),
                                      "--workers", str(workers), "--log-level", "warning",
                                      "bangwo.api.app:create_app"],
}


async def _load(port: int, path: str, headers: dict[str, str], seconds: float,
                concurrency: int) -> tuple[float, list[float]]:
    """(requests/s, sorted latencies in ms) with `concurrency` requests always outstanding, each lane on
    a connection of its own through the lean client (through httpx, the client was the limit)."""
    latencies: list[float] = []
    lanes = [await LeanConnection.open("127.0.0.1", port) for _ in range(concurrency)]
    deadline = time.perf_counter() + seconds

    async def one_lane(connection: LeanConnection) -> None:
        while time.perf_counter() < deadline:
            before = time.perf_counter()
            answer = await connection.request("GET", path, headers=headers)
            assert answer.status == 200, answer.body
            latencies.append((time.perf_counter() - before) * 1000)
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_lane(lane) for lane in lanes))
    return len(latencies) / (time.perf_counter() - started), sorted(latencies)


async def measure(name: str, url: str, args: argparse.Namespace) -> dict[str, float]:
    port = free_port()
    env = {**os.environ, "BANGWO_DATABASE_URL": url, "BANGWO_REDIS_URL": "redis://127.0.0.1:6379/0",
           "BANGWO_REDIS_PREFIX": f"bench-{name}:", "BANGWO_CATALOGUE_REFRESH_SECONDS": "0",
           "BANGWO_MAX_IN_FLIGHT": "10000", "BANGWO_MAX_QUEUE": "10000", "BANGWO_RATE_PERSON_PER_S": "0",
           "BANGWO_RATE_ADDRESS_PER_S": "0"}
    await prepare_store(Settings(database_url=url, catalogue_refresh_seconds=0))  # as `bangwo serve --workers` does
    server = await asyncio.create_subprocess_exec(*SERVERS[name](port, args.workers), env=env,
                                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rates: dict[str, float] = {}
    try:
        await wait_until_healthy(f"http://127.0.0.1:{port}")
        signing_up = await LeanConnection.open("127.0.0.1", port)
        token = (await signing_up.request("POST", "/v1/users", json_body={"phone": "13900000000"})).json()["token"]
        await signing_up.close()
        for path, headers in (("/healthz", {}), ("/v1/me", {"Authorization": f"Bearer {token}"})):
            await _load(port, path, headers, 1, args.concurrency)  # warm every worker
            rate, latencies = await _load(port, path, headers, args.seconds, args.concurrency)
            p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
            print(f"  {name:8} GET {path:9} {rate:8.0f} requests/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms")
            rates[path] = rate
    finally:
        server.terminate()
        await server.wait()
    return rates


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="worker processes of each server (default 2)")
    parser.add_argument("--seconds", type=float, default=10, help="seconds of load on each route (default 10)")
    parser.add_argument("--concurrency", type=int, default=64, help="requests kept outstanding (default 64)")
    args = parser.parse_args()
    if shutil.which("granian", path=str(BIN)) is None:
        print("granian is not installed in this environment: .venv/bin/pip install granian", file=sys.stderr)
        return 1
    print(f"{args.workers} workers each, {args.concurrency} requests outstanding, {args.seconds:.0f} s a route")
    results = {}
    for name in SERVERS:
        url = await fresh_postgres()
        if url is None:
            print("PostgreSQL is not reachable at 127.0.0.1:5432", file=sys.stderr)
            return 1
        results[name] = await measure(name, url, args)
    for path in results["uvicorn"]:
        print(f"ratio granian / uvicorn, GET {path}: {results['granian'][path] / results['uvicorn'][path]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
