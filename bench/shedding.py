"""How fast a surge is told to come back: the latency of 503 and 429 answers against served ones.

    .venv/bin/python bench/shedding.py [--seconds 10] [--concurrency 200] [--store sqlite|postgresql]

A real `bangwo serve` (one worker) with the door as it ships (bangwo/config.py: 8 in flight, a queue
of 16 that waits 30 ms) gets `--concurrency` people at once, each sending chats ("帮我点两杯杨枝甘露") one after
another for `--seconds`; then one person asks as fast as one connection allows, past their rate
(BANGWO_RATE_PERSON_PER_S=5). Printed, per answer: how many, and p50/p99/max latency. Issue 7's
goal: a refusal in under 50 ms.

Each person has a connection of their own, through the lean client (lean_http.py): with httpx the
load generator's own loop was the wait measured (503 p50 ~300 ms against ~1 ms with this client).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench_stores import bench_store_url
from checkout import START
from lean_http import LeanConnection

from bangwo.config import Settings
from bangwo.ops.processes import free_port, wait_until_healthy

BIN = Path(sys.executable).parent
# The door as it ships (bangwo/config.py's defaults), whatever this shell's BANGWO_* say.
DOOR = {name: Settings.model_fields[name].default
        for name in ("max_in_flight", "max_queue", "queue_wait_ms", "rate_person_per_s", "rate_person_burst")}


def _line(label: str, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    if not ordered:
        return f"  {label:26} none"
    p50, p99 = ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"  {label:26} {len(ordered):6d}   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   max {ordered[-1]:7.1f} ms"


async def _signed_up(port: int, phone: str) -> tuple[LeanConnection, dict[str, str]]:
    """A person's own connection, and the header that says who they are."""
    connection = await LeanConnection.open("127.0.0.1", port)
    signed = await connection.request("POST", "/v1/users", json_body={"phone": phone, "device_id": phone})
    return connection, {"Authorization": f"Bearer {signed.json()['token']}"}


async def _surge(port: int, seconds: float, concurrency: int) -> dict[int, list[float]]:
    people = [await _signed_up(port, f"1350000{i:04d}") for i in range(concurrency)]
    by_status: dict[int, list[float]] = defaultdict(list)
    deadline = time.perf_counter() + seconds

    async def person(connection: LeanConnection, auth: dict[str, str]) -> None:
        order = {"text": "帮我点两杯杨枝甘露"}
        while time.perf_counter() < deadline:
            before = time.perf_counter()
            answer = await connection.request("POST", "/v1/chat", headers=auth, json_body=order)
            by_status[answer.status].append((time.perf_counter() - before) * 1000)
            if answer.status in (429, 503):
                await asyncio.sleep(float(answer.headers["retry-after"]) / 10)  # impatient people: back soon
        await connection.close()

    await asyncio.gather(*(person(*someone) for someone in people))
    return by_status


async def _one_fast_person(port: int, requests: int) -> dict[int, list[float]]:
    connection, auth = await _signed_up(port, "13400000000")
    by_status: dict[int, list[float]] = defaultdict(list)
    for _ in range(requests):
        before = time.perf_counter()
        answer = await connection.request("GET", "/v1/me", headers=auth)
        by_status[answer.status].append((time.perf_counter() - before) * 1000)
    await connection.close()
    return by_status


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="seconds of surge (default 10)")
    parser.add_argument("--concurrency", type=int, default=200, help="people asking at once (default 200)")
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        url = await bench_store_url(args.store, data_dir, "shedding")
        if url is None:
            return 1
        port = free_port()
        env = {**os.environ, "BANGWO_DATABASE_URL": url, "BANGWO_DATA_DIR": data_dir, "BANGWO_NOW": START.isoformat(),
               "BANGWO_CATALOGUE_REFRESH_SECONDS": "0", "BANGWO_RATE_ADDRESS_PER_S": "0",
               **{f"BANGWO_{name.upper()}": str(value) for name, value in DOOR.items()}}
        server = await asyncio.create_subprocess_exec(str(BIN / "bangwo"), "serve", "--port", str(port), env=env,
                                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            await wait_until_healthy(f"http://127.0.0.1:{port}")
            surge = await _surge(port, args.seconds, args.concurrency)
            fast = await _one_fast_person(port, 200)
        finally:
            server.terminate()
            await server.wait()
    print(f"{args.store}: {args.concurrency} people chatting at once for {args.seconds:.0f} s, one worker, "
          f"{DOOR['max_in_flight']} in flight, {DOOR['max_queue']} queued for at most {DOOR['queue_wait_ms']} ms")
    for status in sorted(surge):
        print(_line(f"POST /v1/chat {status}", surge[status]))
    print(f"one person asking as fast as one connection allows ({DOOR['rate_person_per_s']:g}/s, "
          f"bursts of {DOOR['rate_person_burst']}):")
    for status in sorted(fast):
        print(_line(f"GET /v1/me {status}", fast[status]))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
