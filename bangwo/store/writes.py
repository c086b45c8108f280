"""Writes sent as one: every statement of a transaction's batch reaches the database in one call.

A checkout is a dozen small writes (the proposal, the card, the order, what it sells, the event, the
ledger, the budget). Sent one by one, each paid a round trip and SQLAlchemy's machinery, and together
they cost four to five one-row write transactions (bench/checkout.py). Here PostgreSQL gets them
as one statement, each write a data-modifying WITH query in the batch's order, and SQLite runs them
in one visit to its connection's thread. Each write says what to do if it touches no row (a card
already spent, a hold lapsed, a wallet short): the batch is then refused, and on PostgreSQL the
statement itself fails (bangwo_required(), migration 0009), so a batch is all or nothing even where
it is a transaction of its own (Store.batch); a transaction around it is undone with it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bangwo.store.tables import UTCDateTime

# What to raise when a write touched no row, given the value of the write's `explanation` (as text,
# None when it has none or it found nothing).
Refusal = Callable[[str | None], Exception]

_PARAMETER = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_REFUSED = "BW001"  # the SQLSTATE bangwo_required() raises


@dataclass(frozen=True, slots=True)
class Write:
    """One INSERT, UPDATE or DELETE with :named parameters (no RETURNING: the batch adds its own).

    The writes of one batch must not depend on each other's effects: on PostgreSQL they all see the
    database as it was before the batch, and a row two of them change is changed by one only. (Foreign
    keys are checked at the batch's end, so an order and the tickets that refer to it go together.)"""

    sql: str
    params: Mapping[str, Any] = field(default_factory=dict)
    refusal: Refusal | None = None  # None: touching no row is fine
    # A scalar SELECT over the same parameters whose value the refusal reports (a wallet's balance),
    # read when the write is refused (on PostgreSQL, as the database was before the batch).
    explanation: str | None = None


def refuse(error: Callable[[], Exception]) -> Refusal:
    """A refusal that reports nothing read: `error` makes a new exception each time (one raised by two
    requests at once would carry both their tracebacks)."""
    return lambda _explanation: error()


def rows_inserted(table: str, rows: Sequence[Mapping[str, Any]], *, on_conflict: str = "") -> Write:
    """One INSERT of every row (each keyed by the same column names), and what a conflict does, if anything."""
    columns = tuple(rows[0])
    params = {f"{column}_{n}": row[column] for n, row in enumerate(rows) for column in columns}
    return Write(_insert_sql(table, columns, len(rows), on_conflict), params)


@lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...], count: int, on_conflict: str) -> str:
    values = ", ".join("(" + ", ".join(f":{column}_{n}" for column in columns) + ")" for n in range(count))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {on_conflict}".rstrip()


async def run_writes(on: AsyncSession | AsyncConnection, writes: Sequence[Write]) -> list[int]:
    """Run the writes in order as one call (in the transaction `on` is in, if any) and raise the first
    refusal, with nothing of the batch written; how many rows each touched."""
    if not writes:
        return []
    connection = await on.connection() if isinstance(on, AsyncSession) else on  # Core: nothing to track
    dialect = connection.dialect
    params = [{name: _bound(value, dialect) for name, value in write.params.items()} for write in writes]
    if dialect.name == "postgresql":
        return await _as_one_statement(connection, writes, params)
    return await _in_sqlite_thread(connection, writes, params)


async def _as_one_statement(
    connection: AsyncConnection, writes: Sequence[Write], params: list[dict[str, Any]]
) -> list[int]:
    statement, numbered = _one_statement(tuple((w.sql, w.refusal is not None, w.explanation) for w in writes))
    try:
        return list((await connection.exec_driver_sql(statement, tuple(params[n][name] for n, name in numbered))).one())
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) != _REFUSED:
            raise
        refused = error.orig.__cause__  # asyncpg's own error, which SQLAlchemy's adapter raised from
        refusal = writes[int(refused.detail)].refusal
        assert refusal is not None
        raise refusal(refused.hint or None) from None


@lru_cache(maxsize=256)
def _one_statement(writes: tuple[tuple[str, bool, str | None], ...]) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The batch as one statement in the driver's own parameter style ($1, $2, ...: text() would convert
    every parameter at every call), and which write's parameter each number stands for.

    The main query counts each WITH query's rows in order, which also runs them in that order: the lock
    order the writes were listed in holds. A count that must not be 0 goes through bangwo_required(),
    which fails the statement if it is."""
    numbers: dict[tuple[int, str], int] = {}

    def own(sql: str, n: int) -> str:
        return _PARAMETER.sub(lambda name: f"${numbers.setdefault((n, name[1]), len(numbers) + 1)}", sql)

    queries = ", ".join(f"w{n} AS ({own(sql, n)} RETURNING 1)" for n, (sql, _, _) in enumerate(writes))
    counts = ", ".join(
        f"bangwo_required((SELECT count(*) FROM w{n}), {n}, ({own(explanation, n) if explanation else 'NULL'})::text)"
        if required else f"(SELECT count(*) FROM w{n})"
        for n, (_, required, explanation) in enumerate(writes)
    )
    return f"WITH {queries} SELECT {counts}", tuple(numbers)


async def _in_sqlite_thread(connection: AsyncConnection, writes: Sequence[Write], params: list[dict[str, Any]]
                            ) -> list[int]:
    # aiosqlite runs each call in its connection's thread and wakes the event loop for each; SQLAlchemy's
    # adapter makes several calls a statement. One function run in that thread makes it one visit. It goes
    # through aiosqlite's private _execute and _conn, as SQLAlchemy's own adapter reaches into aiosqlite;
    # every checkout of the SQLite test suite runs this path. The first refused write stops the batch,
    # whose writes so far the transaction around it undoes.
    driver = (await connection.get_raw_connection()).driver_connection

    def run(database: sqlite3.Connection) -> tuple[list[int], int | None, str | None]:
        touched = []
        for n, (write, values) in enumerate(zip(writes, params, strict=True)):
            touched.append(database.execute(write.sql, values).rowcount)
            if touched[-1] == 0 and write.refusal is not None:
                found = database.execute(write.explanation, values).fetchone() if write.explanation else None
                return touched, n, None if found is None or found[0] is None else str(found[0])
        return touched, None, None

    try:
        touched, refused, explanation = await driver._execute(run, driver._conn)
    except sqlite3.Error as error:  # as SQLAlchemy would have raised it: IntegrityError for a unique key
        raise DBAPIError.instance("; ".join(w.sql for w in writes), params, error, sqlite3.Error) from error
    if refused is not None:
        refusal = writes[refused].refusal
        assert refusal is not None
        raise refusal(explanation)
    return touched


def _bound(value: Any, dialect: Dialect) -> Any:
    if isinstance(value, datetime):
        return _processor(UTCDateTime, dialect)(value)
    if isinstance(value, dict | list):
        return _processor(JSON, dialect)(value)
    return value


@lru_cache(maxsize=8)
def _processor(kind: type, dialect: Dialect) -> Callable[[Any], Any]:
    return kind().dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
