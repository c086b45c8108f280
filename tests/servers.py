"""A real `bangwo serve` process on a test's store, for tests that need a socket, worker processes or signals."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import SPRING_FESTIVAL_MORNING

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class RunningServer:
    url: str
    process: asyncio.subprocess.Process


async def wait_until_healthy(url: str, attempts: int = 300) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=5) as client:
        for _ in range(attempts):
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError(f"bangwo serve did not answer at {url}")


@asynccontextmanager
async def bangwo_serve(database_url: str, data_dir: Path, *options: str) -> AsyncIterator[RunningServer]:
    """`bangwo serve OPTIONS` on the store, its clock starting on the campaign's first morning."""
    port = free_port()
    env = {**os.environ, "BANGWO_DATABASE_URL": database_url, "BANGWO_DATA_DIR": str(data_dir),
           "BANGWO_NOW": SPRING_FESTIVAL_MORNING.isoformat(), "BANGWO_CATALOGUE_REFRESH_SECONDS": "0"}
    process = await asyncio.create_subprocess_exec(
        str(BIN / "bangwo"), "serve", "--port", str(port), *options, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_healthy(url)
        yield RunningServer(url, process)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=30)
