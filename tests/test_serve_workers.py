"""`bangwo serve --workers N`: several worker processes over one store, and a killed worker is replaced."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable
from pathlib import Path

import httpx

from bangwo.ops.processes import worker_pids
from tests.servers import bangwo_serve


async def until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    for _ in range(int(seconds * 10)):
        if condition():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the condition did not hold in time")


async def test_two_workers_serve_and_one_killed_mid_flight_is_replaced(database_url: str, tmp_path: Path):
    async with bangwo_serve(database_url, tmp_path, "--workers", "2") as server:
        await until(lambda: len(worker_pids(server.process.pid)) == 2)
        first = worker_pids(server.process.pid)
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            signed = await client.post("/v1/users", json={"phone": "13800000001"})
            assert signed.status_code == 201
            os.kill(min(first), signal.SIGKILL)
            await until(lambda: len(worker_pids(server.process.pid) - first) == 1)
            # The survivor and the newcomer both serve the same person from the shared store.
            auth = {"Authorization": f"Bearer {signed.json()['token']}"}
            answers = [(await client.get("/v1/me", headers=auth)).status_code for _ in range(10)]
            assert answers == [200] * 10
