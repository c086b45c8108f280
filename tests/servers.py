"""A real `bangwo serve` process on a test's store, for tests that need a socket, worker processes or signals."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bangwo.ops.processes import free_port, wait_until_healthy
from tests.conftest import SPRING_FESTIVAL_MORNING

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class RunningServer:
    url: str
    process: asyncio.subprocess.Process


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
