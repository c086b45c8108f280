"""A worker that starts while PostgreSQL restarts waits for it, instead of failing its start (which stops
every worker of `bangwo serve --workers`); so does the outbox relay (`bangwo worker`). A pooled connection
a restart broke while it sat idle is replaced before its next use."""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

import bangwo.store.engine as engine_module
from bangwo.cli_worker import run_worker
from bangwo.config import Settings
from bangwo.ops.processes import free_port
from bangwo.services import start_services_when_store_answers
from bangwo.store.engine import Store
from tests.conftest import TEST_DATABASE_URL

pytestmark = pytest.mark.skipif(
    not TEST_DATABASE_URL,
    reason="a database server that restarts is PostgreSQL's case; this runs in the PostgreSQL pass of make test",
)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


async def database_back_after(seconds: float, port: int, target: tuple[str, int]) -> asyncio.Server:
    """Nothing listens on `port` for `seconds` (as while the database restarts); then it forwards to the database."""
    await asyncio.sleep(seconds)

    async def forward(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        server_reader, server_writer = await asyncio.open_connection(*target)
        await asyncio.gather(_pipe(client_reader, server_writer), _pipe(server_reader, client_writer))

    return await asyncio.start_server(forward, "127.0.0.1", port)


def restarting_database(database_url: str) -> tuple[asyncio.Task[asyncio.Server], str]:
    """The database, seen through a port where it comes back 2 s from now; and the URL through that port."""
    url = make_url(database_url)
    port = free_port()
    restarting = asyncio.create_task(database_back_after(2.0, port, (url.host or "127.0.0.1", url.port or 5432)))
    return restarting, url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


async def test_a_worker_starting_while_the_database_restarts_comes_up_with_it(database_url: str, tmp_path: Path):
    restarting, through_the_gap = restarting_database(database_url)

    services = await start_services_when_store_answers(Settings(database_url=through_the_gap, data_dir=tmp_path))

    try:
        assert restarting.done()  # it could only have started once the database was back
    finally:
        proxy = await restarting
        await services.close()
        proxy.close()


async def test_a_database_that_never_comes_back_fails_the_start_after_the_patience(tmp_path: Path):
    nowhere = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/test"
    with pytest.raises(OSError):
        await start_services_when_store_answers(Settings(database_url=nowhere, data_dir=tmp_path), patience_seconds=1)


async def test_a_relay_starting_while_the_database_restarts_relays_once_it_is_back(database_url: str, tmp_path: Path):
    restarting, through_the_gap = restarting_database(database_url)
    said = io.StringIO()

    drained = await run_worker(Settings(database_url=through_the_gap, data_dir=tmp_path), batch_size=10,
                               poll_seconds=0.1, once=True, out=said)

    proxy = await restarting
    proxy.close()
    assert drained == 0, said.getvalue()
    assert "drained: 0 events delivered" in said.getvalue()


async def _backend_pid(store: Store) -> int:
    async with store.read() as session:
        return await session.scalar(text("SELECT pg_backend_pid()"))


async def _terminate(database_url: str, pid: int) -> None:
    """End one server process of the database, as a restart ends them all."""
    url = make_url(database_url)
    killer = await asyncpg.connect(host=url.host, port=url.port, user=url.username, database=url.database)
    try:
        await killer.execute("SELECT pg_terminate_backend($1)", pid)
    finally:
        await killer.close()


@contextlib.asynccontextmanager
async def store_with_a_broken_connection() -> AsyncIterator[tuple[Store, int]]:
    """A store whose one pooled connection the database has ended (as a restart would); and that backend's pid."""
    store = Store(TEST_DATABASE_URL)
    try:
        broken = await _backend_pid(store)
        await _terminate(TEST_DATABASE_URL, broken)
        yield store, broken
    finally:
        await store.close()


async def test_a_pooled_connection_broken_while_idle_is_pinged_and_replaced_before_its_next_use(monkeypatch):
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 0.05)
    async with store_with_a_broken_connection() as (store, broken):
        await asyncio.sleep(0.2)  # idle longer than the ping threshold

        assert await _backend_pid(store) != broken  # the read went through, on a new connection


async def test_a_connection_in_use_a_moment_ago_goes_out_unpinged_and_a_break_fails_one_statement(monkeypatch):
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 60.0)
    async with store_with_a_broken_connection() as (store, broken):
        with pytest.raises(DBAPIError):  # no ping for a connection back a moment ago: the statement finds it dead
            await _backend_pid(store)
        assert await _backend_pid(store) != broken  # and the pool replaced it
