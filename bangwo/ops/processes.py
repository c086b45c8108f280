"""Running bangwo as processes: a free port to serve on, a server's worker processes, waiting until it answers.

Shared by the chaos run, the benchmarks and the tests that start a real `bangwo serve`.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def worker_pids(server_pid: int) -> set[int]:
    """A `bangwo serve --workers N`'s uvicorn workers: its children started by multiprocessing's spawn
    (empty once the server is gone)."""
    try:
        children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    except OSError:
        return set()
    pids = set()
    for pid in children:
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                pids.add(int(pid))
    return pids


async def wait_until_healthy(url: str, seconds: float = 60.0) -> None:
    """Until GET /healthz answers 200; TimeoutError if it does not within `seconds`."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=url, timeout=5) as client:
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError):
                if (await client.get("/healthz")).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise TimeoutError(f"bangwo did not answer at {url} within {seconds:g} s")
