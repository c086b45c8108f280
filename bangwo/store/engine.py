"""The Store: one async engine per database, transactions, and migrations applied at start."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InterfaceError, InvalidatePoolError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Any constant works; it only has to be the same for every process migrating this database.
_MIGRATION_LOCK_KEY = 0x62616E67


def _sqlite_engine(url: str, *, begin: str) -> AsyncEngine:
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (the driver's implicit BEGIN is deferred and can deadlock on upgrade).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


# How long a pooled PostgreSQL connection may sit unused before its next use is preceded by a ping.
# SQLAlchemy's pre-ping pings at every checkout, three round trips with asyncpg (BEGIN, ";", ROLLBACK)
# before every transaction: 3-10 % of a worker's CPU a request (bench/routes.py). Under load a
# connection comes back within milliseconds and goes out again unpinged; if a database restart breaks
# it meanwhile, its statement fails once and SQLAlchemy replaces every older connection of the pool.
PING_AFTER_IDLE_SECONDS = 1.0


def _ping_after_idle(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < PING_AFTER_IDLE_SECONDS:
            return  # new, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise InvalidatePoolError(f"a pooled connection did not answer: {exc}") from exc  # reconnects


async def lock_for_transaction(session: AsyncSession, name: str) -> None:
    """Queue here behind every other transaction that locked the same name, until this one ends.

    For a choice that reads then writes (the best free seats of one showing): without it, every
    buyer reads the same free seats and all but one lose the race. PostgreSQL takes an advisory
    lock on the name's hash; SQLite write transactions already run one at a time.
    """
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"), {"name": name})


class Store:
    """Where everything durable lives. `transaction()` for writes, `read()` for look-ups.

    On SQLite a write transaction takes the write lock up front (BEGIN IMMEDIATE), so
    concurrent writers queue instead of failing; reads run beside them in WAL mode.
    On PostgreSQL both are ordinary READ COMMITTED transactions; writers that must not
    race use row locks or conditional updates.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine = _sqlite_engine(url, begin="BEGIN IMMEDIATE")
            self._read_engine = _sqlite_engine(url, begin="BEGIN")
        else:
            self.engine = create_async_engine(url, pool_size=10, max_overflow=20)
            _ping_after_idle(self.engine)
            self._read_engine = self.engine
        # The same pool, each statement its own transaction (batch()).
        self._one_statement_engine = self.engine if self.is_sqlite else self.engine.execution_options(
            isolation_level="AUTOCOMMIT"
        )
        self._writer = async_sessionmaker(self.engine, expire_on_commit=False)
        self._reader = async_sessionmaker(self._read_engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        async with self._writer() as session, session.begin():
            yield session

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[AsyncConnection]:
        """A connection for work that reads, then sends all its writes as one batch (store/writes.py),
        which is then its transaction. On PostgreSQL the batch is one statement, atomic on its own, so
        the connection runs without BEGIN and COMMIT: two round trips fewer, and the reads see what is
        committed, as they would in a READ COMMITTED transaction. On SQLite it is a write transaction.
        One batch only: on PostgreSQL a second would commit apart from the first."""
        if self.is_sqlite:
            async with self.engine.begin() as connection:
                yield connection
        else:
            async with self._one_statement_engine.connect() as connection:
                yield connection

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with self._reader() as session, session.begin():
            yield session

    async def migrate(self) -> None:
        """Apply every Alembic migration not yet applied (safe when several processes start at once)."""
        async with self.engine.begin() as connection:
            if not self.is_sqlite:
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            await connection.run_sync(_upgrade_to_head)

    async def close(self) -> None:
        await self.engine.dispose()
        if self._read_engine is not self.engine:
            await self._read_engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


log = logging.getLogger("bangwo.store")
T = TypeVar("T")
# How long a starting process waits for a store that does not answer yet (restarting, failing over).
STORE_PATIENCE_SECONDS = 60.0


def store_not_answering(exc: Exception) -> bool:
    """A store that is down or restarting, as opposed to one that refuses what was asked of it."""
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)
    )


async def when_store_answers(attempt: Callable[[], Awaitable[T]], *,
                             patience_seconds: float = STORE_PATIENCE_SECONDS) -> T:
    """`attempt()`, tried again with growing pauses while the store does not answer, for up to `patience_seconds`;
    any other error, or the patience running out, is raised."""
    deadline = time.monotonic() + patience_seconds
    pause = 0.5
    while True:
        try:
            return await attempt()
        except Exception as exc:
            if not store_not_answering(exc) or time.monotonic() + pause > deadline:
                raise
            log.warning("the store does not answer yet (%s); trying again in %.1f s", type(exc).__name__, pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 5.0)
