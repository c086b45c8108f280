"""A batch of writes: run in order as one call, on SQLite and PostgreSQL alike; a write that touches
no row when it must refuses the batch, and the transaction with everything it wrote."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bangwo.domain.errors import Conflict
from bangwo.services import Services
from bangwo.store.tables import Account
from bangwo.store.writes import Write, refuse, rows_inserted, run_writes

MOVE = "UPDATE accounts SET balance_fen = balance_fen + :amount WHERE id = :id AND balance_fen + :amount >= 0"


def opening(*ids: str) -> Write:
    return rows_inserted("accounts", [{"id": account_id, "kind": "test", "balance_fen": 10} for account_id in ids])


async def accounts(services: Services) -> dict[str, int]:
    async with services.store.read() as session:
        rows = await session.execute(select(Account.id, Account.balance_fen).where(Account.kind == "test"))
        return dict(rows.all())


async def test_a_batch_says_how_many_rows_each_write_touched_in_order(services: Services):
    async with services.store.transaction() as session:
        await run_writes(session, [opening("test:a", "test:b")])
        touched = await run_writes(session, [
            opening("test:c", "test:d", "test:e"),
            Write(MOVE, {"id": "test:a", "amount": -4}),
            Write(MOVE, {"id": "test:nobody", "amount": 1}),  # touches nothing, and may
        ])

    assert touched == [3, 1, 0]
    assert await accounts(services) == {"test:a": 6, "test:b": 10, "test:c": 10, "test:d": 10, "test:e": 10}


async def test_a_refused_write_undoes_the_whole_transaction(services: Services):
    async with services.store.transaction() as session:
        await run_writes(session, [opening("test:a")])

    with pytest.raises(Conflict, match="short"):
        async with services.store.transaction() as session:
            await run_writes(session, [Write(MOVE, {"id": "test:a", "amount": 5})])  # an earlier batch
            await run_writes(session, [
                opening("test:b"),
                Write(MOVE, {"id": "test:a", "amount": -100}, refuse(lambda: Conflict("short", code="short"))),
                Write(MOVE, {"id": "test:b", "amount": 1}),
            ])

    assert await accounts(services) == {"test:a": 10}


async def test_a_refusal_reports_what_its_explanation_reads_before_the_batch_is_undone(services: Services):
    short = Write(MOVE, {"id": "test:a", "amount": -11}, lambda balance: Conflict(f"balance {balance}", code="short"),
                  explanation="SELECT balance_fen FROM accounts WHERE id = :id")
    async with services.store.transaction() as session:
        await run_writes(session, [opening("test:a")])

    with pytest.raises(Conflict, match="balance 10"):
        async with services.store.transaction() as session:
            await run_writes(session, [Write(MOVE, {"id": "test:b", "amount": 1}), short])

    assert await accounts(services) == {"test:a": 10}


async def test_a_batch_on_its_own_is_all_or_nothing(services: Services):
    # Store.batch: on PostgreSQL no transaction around the batch, so the statement itself must fail.
    async with services.store.batch() as connection:
        assert await run_writes(connection, [opening("test:a", "test:b")]) == [2]

    with pytest.raises(Conflict, match="short"):
        async with services.store.batch() as connection:
            await run_writes(connection, [
                Write(MOVE, {"id": "test:a", "amount": -3}),
                opening("test:c"),
                Write(MOVE, {"id": "test:b", "amount": -100}, refuse(lambda: Conflict("short", code="short"))),
                Write(MOVE, {"id": "test:a", "amount": 1}),
            ])

    assert await accounts(services) == {"test:a": 10, "test:b": 10}


async def test_a_key_written_twice_is_an_integrity_error_so_checkout_can_retry(services: Services):
    with pytest.raises(IntegrityError):
        async with services.store.transaction() as session:
            await run_writes(session, [opening("test:a"), opening("test:a")])

    async with services.store.read() as session:
        assert await session.scalar(select(func.count()).select_from(Account).where(Account.kind == "test")) == 0


async def test_no_writes_is_no_call(services: Services):
    async with services.store.transaction() as session:
        assert await run_writes(session, []) == []
