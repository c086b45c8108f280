"""What the benchmark scripts share: an empty PostgreSQL database to measure on, and the baseline's table."""

from __future__ import annotations

import sys
from pathlib import Path

import asyncpg
from sqlalchemy import Column, Integer, MetaData, String, Table

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PG_BENCH_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bangwo_bench"

# The baseline writes one row of this table per transaction: the least a write through the driver costs.
scratch = MetaData()
PING = Table("bench_ping", scratch, Column("id", Integer, primary_key=True), Column("note", String(16)))


async def fresh_postgres() -> str | None:
    """The URL of the database `bangwo_bench` (created if missing, emptied first), or None when unreachable."""
    try:
        server = await asyncpg.connect(f"{PG_SERVER}/postgres", timeout=3)
    except (OSError, asyncpg.PostgresError):
        return None
    try:
        if not await server.fetchval("SELECT 1 FROM pg_database WHERE datname = 'bangwo_bench'"):
            await server.execute("CREATE DATABASE bangwo_bench")
    finally:
        await server.close()
    bench = await asyncpg.connect(f"{PG_SERVER}/bangwo_bench")
    try:
        await bench.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await bench.close()
    return PG_BENCH_URL


async def bench_store_url(store: str, folder: str | Path, name: str) -> str | None:
    """A fresh store to measure on: a SQLite file `name`.db in `folder`, or the emptied `bangwo_bench`
    database (None, said on stderr, when PostgreSQL does not answer)."""
    if store == "sqlite":
        return f"sqlite+aiosqlite:///{folder}/{name}.db"
    url = await fresh_postgres()
    if url is None:
        print("PostgreSQL is not reachable at 127.0.0.1:5432", file=sys.stderr)
    return url
