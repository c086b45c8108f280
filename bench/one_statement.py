"""What a checkout written as one statement could reach on PostgreSQL: the headroom behind issue 7's 0.60.

    .venv/bin/python bench/one_statement.py [--transactions 500] [--rounds 3]

A confirmation today is eleven round trips (bench/checkout.py's 0.2 of a minimal write transaction).
This measures, through the same Store.transaction() path, a transaction whose one statement writes
eleven rows (a writable CTE: one insert and ten upserts, as many rows as a paid food order writes)
against the baseline of bench/checkout.py, one transaction inserting one row. A ratio near 1 says
the round trips, not the rows, decide what a checkout costs, so a checkout sent as one statement
could reach the goal; a ratio well below 0.6 would say that no rewriting of the SQL can.
Printed for each round: both rates and their ratio. PostgreSQL only: SQLite has no writable CTEs.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable

from bench_stores import PING, fresh_postgres, scratch
from sqlalchemy import Executable, insert, text

from bangwo.store.engine import Store

ROWS_OF_A_CHECKOUT = 11
_WIDE = text("CREATE TABLE bench_wide (k varchar(40) PRIMARY KEY, v integer NOT NULL)")
_ELEVEN_ROWS = text(
    "WITH ping AS (INSERT INTO bench_ping (note) VALUES (:note) RETURNING id), "
    + ", ".join(
        f"w{i} AS (INSERT INTO bench_wide (k, v) VALUES (:note || '-{i}', 1) "
        "ON CONFLICT (k) DO UPDATE SET v = bench_wide.v + 1 RETURNING v)"
        for i in range(ROWS_OF_A_CHECKOUT - 1)
    )
    + " SELECT (SELECT id FROM ping)"
)


async def rate(
    store: Store, statement: Executable, values: Callable[[int], dict[str, str]], count: int
) -> float:
    """Transactions per second, one after another, each running `statement` once."""
    started = time.perf_counter()
    for n in range(count):
        async with store.transaction() as session:
            await session.execute(statement, values(n))
    return count / (time.perf_counter() - started)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=500, help="transactions timed each way (default 500)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, alternating the two (default 3)")
    args = parser.parse_args()
    url = await fresh_postgres()
    if url is None:
        print("PostgreSQL: not reachable at 127.0.0.1:5432", file=sys.stderr)
        return 1
    store = Store(url)
    try:
        async with store.engine.begin() as connection:
            await connection.run_sync(scratch.create_all)
            await connection.execute(_WIDE)
        await rate(store, insert(PING), lambda n: {"note": "warm"}, 50)  # connections and prepared statements
        for round_ in range(1, args.rounds + 1):
            one_row = await rate(store, insert(PING), lambda n: {"note": str(n)}, args.transactions)
            eleven = await rate(store, _ELEVEN_ROWS, lambda n, r=round_: {"note": f"{r}-{n}"}, args.transactions)
            print(f"round {round_}: one row {one_row:7.1f} transactions/s, {ROWS_OF_A_CHECKOUT} rows in one statement "
                  f"{eleven:7.1f}/s, ratio {eleven / one_row:.2f} (issue 7's goal for a checkout: 0.60)")
    finally:
        await store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
