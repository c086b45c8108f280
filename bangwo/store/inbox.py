"""The consumers' inbox: which outbox events each consumer has already taken."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.store.tables import InboxEvent
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
