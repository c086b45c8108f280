"""Fulfilment's side of the outbox: a paid order becomes a dispatch its merchant or provider acts on.

A cancelled or failed order withdraws it. The dispatch is a record in the store that a merchant's
queue (or a provider's adapter) reads, not a call to anyone: delivering it is the reader's job.
The events of one order may arrive in either order, so a withdrawal always wins: a paid event
that comes after it leaves the dispatch withdrawn (with no dispatched_at: it never went out).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.events import ORDER_EVENTS, ORDER_FAILED, ORDER_PAID, Event
from bangwo.store.inbox import order_of_event
from bangwo.store.tables import OrderDispatch
from bangwo.store.upsert import dialect_insert

DISPATCHED = "dispatched"
WITHDRAWN = "withdrawn"


class OrderDispatcher:
    """The outbox consumer "fulfilment": writes and withdraws order dispatches."""

    name = "fulfilment"
    kinds = ORDER_EVENTS

    async def take(self, session: AsyncSession, event: Event, now: datetime) -> None:
        order = await order_of_event(session, event)
        values = {
            "order_id": order.id, "user_id": order.user_id, "domain": order.domain, "merchant_id": order.merchant_id
        }
        insert = dialect_insert(session, OrderDispatch)
        if event.kind == ORDER_PAID:
            statement = insert.values(
                **values, status=DISPATCHED, dispatched_at=now, withdrawn_at=None, withdrawn_reason=None
            ).on_conflict_do_nothing(index_elements=[OrderDispatch.order_id])
        else:
            reason = "failed" if event.kind == ORDER_FAILED else "cancelled"
            statement = insert.values(
                **values, status=WITHDRAWN, dispatched_at=None, withdrawn_at=now, withdrawn_reason=reason
            )
            statement = statement.on_conflict_do_update(
                index_elements=[OrderDispatch.order_id],
                set_={"status": WITHDRAWN, "withdrawn_at": now, "withdrawn_reason": reason},
            )
        await session.execute(statement)


async def dispatch_of(session: AsyncSession, order_id: str) -> OrderDispatch | None:
    return await session.scalar(select(OrderDispatch).where(OrderDispatch.order_id == order_id))


async def open_dispatches(session: AsyncSession, merchant_id: str, *, limit: int = 100) -> list[OrderDispatch]:
    """A merchant's queue: its dispatched orders not withdrawn, oldest first."""
    rows = await session.scalars(
        select(OrderDispatch)
        .where(OrderDispatch.merchant_id == merchant_id, OrderDispatch.status == DISPATCHED)
        .order_by(OrderDispatch.dispatched_at, OrderDispatch.order_id)
        .limit(limit)
    )
    return list(rows)
