"""What the outbox's consumers share: which events each has already taken, and the order an event names."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.events import Event
from bangwo.store.tables import InboxEvent, OrderRow
from bangwo.store.upsert import dialect_insert


async def take_first_time(session: AsyncSession, consumer: str, event_id: int, now: datetime) -> bool:
    """Record that `consumer` takes the event; False when it already had, and then must change nothing.

    Call it in the transaction (or savepoint) that applies the consumer's effect: the row and the
    effect commit together or not at all, so the effect is applied exactly once however often the
    event is delivered.
    """
    inserted = await session.scalar(
        dialect_insert(session, InboxEvent)
        .values(consumer=consumer, event_id=event_id, taken_at=now)
        .on_conflict_do_nothing()
        .returning(InboxEvent.event_id)
    )
    return inserted is not None


async def order_of_event(session: AsyncSession, event: Event) -> OrderRow:
    """The order an order event names. Checkout writes the order with its event, so a missing one is a
    bug to see (the event fails and is retried), not one to skip."""
    order = await session.scalar(select(OrderRow).where(OrderRow.id == event.aggregate_id))
    if order is None:
        raise LookupError(f"{event.kind} event {event.id} names order {event.aggregate_id!r}, which is not stored")
    return order
