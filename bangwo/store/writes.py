"""Writes sent as one: every statement of a transaction's batch reaches the database in one call.

A checkout is a dozen small writes (the proposal, the card, the order, what it sells, the event, the
ledger, the budget). Sent one by one, each paid a round trip and SQLAlchemy's machinery, and together
they cost four to five one-row write transactions (bench/checkout.py). Here PostgreSQL gets them
as one statement, each write a data-modifying WITH query in the batch's order, and SQLite runs them
in one visit to its connection's thread. Each write says what to do if it touches no row (a card
already spent, a hold lapsed, a wallet short): the batch is then refused, and the transaction with it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, TextClause, text
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bangwo.store.tables import UTCDateTime

# What to raise when a write touched no row; it may read (in the transaction, before it is undone).
Refusal = Callable[[AsyncSession], Awaitable[Exception]]

_PARAMETER = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@dataclass(frozen=True, slots=True)
class Write:
    """One INSERT, UPDATE or DELETE with :named parameters (no RETURNING: the batch adds its own).

    The writes of one batch must not depend on each other's effects: on PostgreSQL they all see the
    database as it was before the batch, and a row two of them change is changed by one only. (Foreign
    keys are checked at the batch's end, so an order and the tickets that refer to it go together.)"""

    sql: str
    params: Mapping[str, Any] = field(default_factory=dict)
    refusal: Refusal | None = None  # None: touching no row is fine


def refuse(error: Callable[[], Exception]) -> Refusal:
    """A refusal that needs nothing read: `error` makes a new exception each time (one raised by two
    requests at once would carry both their tracebacks)."""

    async def refused(_session: AsyncSession) -> Exception:
        return error()

    return refused


def rows_inserted(table: str, rows: Sequence[Mapping[str, Any]], *, on_conflict: str = "") -> Write:
    """One INSERT of every row (each keyed by the same column names), and what a conflict does, if anything."""
    columns = tuple(rows[0])
    params = {f"{column}_{n}": row[column] for n, row in enumerate(rows) for column in columns}
    return Write(_insert_sql(table, columns, len(rows), on_conflict), params)


@lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...], count: int, on_conflict: str) -> str:
    values = ", ".join("(" + ", ".join(f":{column}_{n}" for column in columns) + ")" for n in range(count))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {on_conflict}".rstrip()


async def run_writes(session: AsyncSession, writes: Sequence[Write]) -> list[int]:
    """Run the writes in order, in the session's transaction, as one call, and raise the first refusal;
    how many rows each touched."""
    if not writes:
        return []
    connection = await session.connection()  # Core's path: the ORM has nothing to track here
    dialect = connection.dialect
    params = [{name: _bound(value, dialect) for name, value in write.params.items()} for write in writes]
    if dialect.name == "postgresql":
        merged = {f"w{n}_{name}": value for n, values in enumerate(params) for name, value in values.items()}
        touched = list((await connection.execute(_as_one_statement(tuple(w.sql for w in writes)), merged)).one())
    else:
        touched = await _in_sqlite_thread(connection, [w.sql for w in writes], params)
    for write, rows in zip(writes, touched, strict=True):
        if rows == 0 and write.refusal is not None:
            raise await write.refusal(session)
    return touched


@lru_cache(maxsize=256)
def _as_one_statement(sqls: tuple[str, ...]) -> TextClause:
    # The main query counts each WITH query's rows in order, which also runs them in that order: the
    # lock order the writes were listed in holds.
    queries = ", ".join(
        f"w{n} AS ({_PARAMETER.sub(lambda name, n=n: f':w{n}_{name[1]}', sql)} RETURNING 1)"
        for n, sql in enumerate(sqls)
    )
    counts = ", ".join(f"(SELECT count(*) FROM w{n})" for n in range(len(sqls)))
    return text(f"WITH {queries} SELECT {counts}")


async def _in_sqlite_thread(connection: AsyncConnection, sqls: list[str], params: list[dict[str, Any]]) -> list[int]:
    # aiosqlite runs each call in its connection's thread and wakes the event loop for each; SQLAlchemy's
    # adapter makes several calls a statement. One function run in that thread makes it one visit. It goes
    # through aiosqlite's private _execute and _conn, as SQLAlchemy's own adapter reaches into aiosqlite;
    # every checkout of the SQLite test suite runs this path.
    driver = (await connection.get_raw_connection()).driver_connection

    def run(database: sqlite3.Connection) -> list[int]:
        return [database.execute(sql, values).rowcount for sql, values in zip(sqls, params, strict=True)]

    try:
        return await driver._execute(run, driver._conn)
    except sqlite3.Error as error:  # as SQLAlchemy would have raised it: IntegrityError for a unique key
        raise DBAPIError.instance("; ".join(sqls), params, error, sqlite3.Error) from error


def _bound(value: Any, dialect: Dialect) -> Any:
    if isinstance(value, datetime):
        return _processor(UTCDateTime, dialect)(value)
    if isinstance(value, dict | list):
        return _processor(JSON, dialect)(value)
    return value


@lru_cache(maxsize=8)
def _processor(kind: type, dialect: Dialect) -> Callable[[Any], Any]:
    return kind().dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
